//! Published ports: `-p [ip:][hostPort:]containerPort[/proto]` with ranges, `-P`, and how
//! `port`, `ps` and `inspect` show them (podman's formats).

use serde::{Deserialize, Serialize};

/// One `-p`, with podman's field names (ps --format json shows them as they are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    /// "" = every address.
    pub host_ip: String,
    pub container_port: u16,
    /// 0 until a free one is chosen (a `-p 80` or `-P`).
    pub host_port: u16,
    /// How many consecutive ports, from both starts.
    pub range: u16,
    pub protocol: String,
}

/// A `-p` value that can't be used, worded as podman words it.
#[derive(Debug, PartialEq, Eq)]
pub struct PortError(pub String);

impl std::fmt::Display for PortError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: impl Into<String>) -> Result<T, PortError> {
    Err(PortError(msg.into()))
}

/// `N` or `N-M`: the first port and how many.
fn port_range(s: &str, what: &str) -> Result<(u16, u16), PortError> {
    let one = |p: &str| -> Result<u16, PortError> {
        match p.parse::<u32>() {
            Ok(n) if (1..=65535).contains(&n) => Ok(n as u16),
            Ok(n) => err(format!("{what} port numbers must be between 1 and 65535 (inclusive), got {n}")),
            Err(_) => err(format!("cannot parse {p:?} as a port number in {what} port {s:?}")),
        }
    };
    match s.split_once('-') {
        None => Ok((one(s)?, 1)),
        Some((a, b)) => {
            let (a, b) = (one(a)?, one(b)?);
            if b < a {
                return err(format!("invalid {what} port range {s:?}: the end is below the start"));
            }
            Ok((a, b - a + 1))
        }
    }
}

/// Parses one `-p`/`--publish` value; several protocols (`80/tcp,udp`) give several mappings.
pub fn parse_publish(spec: &str) -> Result<Vec<PortMapping>, PortError> {
    if spec.is_empty() {
        return err("invalid port format: the -p value is empty");
    }
    let (addr_ports, protos) = spec.rsplit_once('/').unwrap_or((spec, "tcp"));
    let protocols: Vec<String> = protos.split(',').map(|p| p.to_ascii_lowercase()).collect();
    for p in &protocols {
        if !matches!(p.as_str(), "tcp" | "udp") {
            return err(format!("unrecognized protocol {p:?} in port mapping {spec:?} (tcp and udp are supported)"));
        }
    }
    // An IPv6 host address is written in brackets: [::1]:8080:80.
    let (host_ip, rest) = if let Some(r) = addr_ports.strip_prefix('[') {
        let Some((ip, rest)) = r.split_once(']') else {
            return err(format!("invalid port format {spec:?}: IPv6 addresses must be enclosed by []"));
        };
        let Some(rest) = rest.strip_prefix(':') else {
            return err(format!("invalid port format {spec:?}: the host IP must be followed by a port"));
        };
        (ip.to_string(), rest.to_string())
    } else {
        let parts: Vec<&str> = addr_ports.split(':').collect();
        match parts.len() {
            1 | 2 => (String::new(), addr_ports.to_string()),
            3 => (parts[0].to_string(), format!("{}:{}", parts[1], parts[2])),
            _ => return err(format!("invalid port format {spec:?}: IPv6 addresses must be enclosed by []")),
        }
    };
    if !host_ip.is_empty() && host_ip.parse::<std::net::IpAddr>().is_err() {
        return err(format!("invalid IP address {host_ip:?} in port mapping {spec:?}"));
    }
    let (host, ctr) = match rest.split_once(':') {
        Some((h, c)) => (h, c),
        None => ("", rest.as_str()),
    };
    let (container_port, range) = port_range(ctr, "container")?;
    let host_port = if host.is_empty() {
        0
    } else {
        let (h, hrange) = port_range(host, "host")?;
        if hrange != range && hrange != 1 {
            return err(format!("host and container port ranges of {spec:?} have different lengths"));
        }
        if range > 1 && hrange == 1 {
            return err(format!("host and container port ranges of {spec:?} have different lengths"));
        }
        if u32::from(h) + u32::from(range) - 1 > 65535 {
            return err(format!("host port range of {spec:?} goes above 65535"));
        }
        h
    };
    if u32::from(container_port) + u32::from(range) - 1 > 65535 {
        return err(format!("container port range of {spec:?} goes above 65535"));
    }
    Ok(protocols
        .into_iter()
        .map(|protocol| PortMapping { host_ip: host_ip.clone(), container_port, host_port, range, protocol })
        .collect())
}

/// `-P`: the image's EXPOSE entries (`80/tcp`, `53/udp`, `8000-8002/tcp`) on random host ports.
pub fn from_exposed<'a>(exposed: impl Iterator<Item = &'a str>) -> Result<Vec<PortMapping>, PortError> {
    let mut out = Vec::new();
    for e in exposed {
        let (p, proto) = e.split_once('/').unwrap_or((e, "tcp"));
        let (container_port, range) = port_range(p, "exposed")?;
        let protocol = proto.to_ascii_lowercase();
        if !matches!(protocol.as_str(), "tcp" | "udp") {
            continue;
        }
        out.push(PortMapping { host_ip: String::new(), container_port, host_port: 0, range, protocol });
    }
    Ok(out)
}

/// Merges `-P` mappings into the explicit ones: an exposed port already published is skipped.
pub fn merge_exposed(explicit: &mut Vec<PortMapping>, exposed: Vec<PortMapping>) {
    for e in exposed {
        let covered = explicit.iter().any(|m| {
            m.protocol == e.protocol
                && e.container_port >= m.container_port
                && u32::from(e.container_port) < u32::from(m.container_port) + u32::from(m.range)
        });
        if !covered {
            explicit.push(e);
        }
    }
}

/// Binds a socket on `ip:port` to test that it's free (closed again at once).
pub fn port_free(ip: &str, port: u16, protocol: &str) -> std::io::Result<()> {
    let ip: std::net::IpAddr = if ip.is_empty() { std::net::Ipv4Addr::UNSPECIFIED.into() } else { ip.parse().map_err(std::io::Error::other)? };
    let addr = std::net::SocketAddr::new(ip, port);
    if protocol == "udp" {
        std::net::UdpSocket::bind(addr).map(drop)
    } else {
        std::net::TcpListener::bind(addr).map(drop)
    }
}

/// Chooses host ports for the mappings that have none: a range the kernel hands out for
/// its first port and whose following ports are free too.
pub fn assign_host_ports(maps: &mut [PortMapping]) -> Result<(), PortError> {
    let mut taken: Vec<(u16, u16, String)> =
        maps.iter().filter(|m| m.host_port != 0).map(|m| (m.host_port, m.range, m.protocol.clone())).collect();
    for m in maps.iter_mut().filter(|m| m.host_port == 0) {
        let mut found = None;
        for _ in 0..50 {
            let ip: std::net::IpAddr = if m.host_ip.is_empty() {
                std::net::Ipv4Addr::UNSPECIFIED.into()
            } else {
                m.host_ip.parse().map_err(|_| PortError(format!("invalid IP address {:?}", m.host_ip)))?
            };
            let first = if m.protocol == "udp" {
                std::net::UdpSocket::bind((ip, 0)).and_then(|s| s.local_addr())
            } else {
                std::net::TcpListener::bind((ip, 0)).and_then(|s| s.local_addr())
            };
            let Ok(first) = first.map(|a| a.port()) else { break };
            if u32::from(first) + u32::from(m.range) > 65536 {
                continue;
            }
            let clash = taken
                .iter()
                .any(|(p, r, proto)| *proto == m.protocol && first < p.saturating_add(*r) && *p < first.saturating_add(m.range));
            let free = (1..m.range).all(|i| port_free(&m.host_ip, first + i, &m.protocol).is_ok());
            if !clash && free {
                found = Some(first);
                break;
            }
        }
        let Some(p) = found else {
            return err(format!("could not find a free host port for container port {}/{}", m.container_port, m.protocol));
        };
        m.host_port = p;
        taken.push((p, m.range, m.protocol.clone()));
    }
    Ok(())
}

/// The address podman prints for a mapping's host side.
pub fn shown_ip(ip: &str) -> String {
    if ip.is_empty() {
        "0.0.0.0".into()
    } else if ip.contains(':') {
        format!("[{ip}]")
    } else {
        ip.into()
    }
}

/// `ps`'s PORTS column: `0.0.0.0:8080->80/tcp, 0.0.0.0:9000-9001->9000-9001/udp`.
pub fn ps_column(maps: &[PortMapping]) -> String {
    maps.iter()
        .map(|m| {
            if m.range > 1 {
                format!(
                    "{}:{}-{}->{}-{}/{}",
                    shown_ip(&m.host_ip),
                    m.host_port,
                    m.host_port + (m.range - 1),
                    m.container_port,
                    m.container_port + (m.range - 1),
                    m.protocol
                )
            } else {
                format!("{}:{}->{}/{}", shown_ip(&m.host_ip), m.host_port, m.container_port, m.protocol)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every single port of the mappings: (container port, protocol, host ip as shown, host port).
pub fn expand(maps: &[PortMapping]) -> Vec<(u16, String, String, u16)> {
    let mut out = Vec::new();
    for m in maps {
        for i in 0..m.range {
            out.push((m.container_port + i, m.protocol.clone(), shown_ip(&m.host_ip), m.host_port + i));
        }
    }
    out
}

/// inspect's `NetworkSettings.Ports` / `HostConfig.PortBindings`: {"80/tcp": [{HostIp, HostPort}]}.
pub fn inspect_map(maps: &[PortMapping]) -> serde_json::Map<String, serde_json::Value> {
    let mut out = serde_json::Map::new();
    for m in maps {
        for i in 0..m.range {
            let key = format!("{}/{}", m.container_port + i, m.protocol);
            let entry = serde_json::json!({"HostIp": m.host_ip, "HostPort": (m.host_port + i).to_string()});
            match out.get_mut(&key) {
                Some(serde_json::Value::Array(v)) => v.push(entry),
                _ => {
                    out.insert(key, serde_json::Value::Array(vec![entry]));
                }
            }
        }
    }
    out
}

/// pasta's `-t`/`-u` argument for a mapping: `[addr/]host[-end]:ctr[-end]`.
pub fn pasta_spec(m: &PortMapping) -> String {
    let addr = if m.host_ip.is_empty() { String::new() } else { format!("{}/", m.host_ip) };
    if m.range > 1 {
        format!(
            "{addr}{}-{}:{}-{}",
            m.host_port,
            m.host_port + (m.range - 1),
            m.container_port,
            m.container_port + (m.range - 1)
        )
    } else {
        format!("{addr}{}:{}", m.host_port, m.container_port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> PortMapping {
        let mut v = parse_publish(s).unwrap();
        assert_eq!(v.len(), 1);
        v.remove(0)
    }

    #[test]
    fn forms() {
        assert_eq!(one("80"), PortMapping { host_ip: "".into(), container_port: 80, host_port: 0, range: 1, protocol: "tcp".into() });
        assert_eq!(one("8080:80").host_port, 8080);
        let m = one("127.0.0.1:8080:80/udp");
        assert_eq!((m.host_ip.as_str(), m.host_port, m.container_port, m.protocol.as_str()), ("127.0.0.1", 8080, 80, "udp"));
        let m = one("127.0.0.1::80");
        assert_eq!((m.host_ip.as_str(), m.host_port), ("127.0.0.1", 0));
        let m = one("[::1]:8080:80");
        assert_eq!(m.host_ip, "::1");
        let m = one("9000-9002:8000-8002");
        assert_eq!((m.host_port, m.container_port, m.range), (9000, 8000, 3));
        assert_eq!(parse_publish("53:53/tcp,udp").unwrap().len(), 2);
    }

    #[test]
    fn bad() {
        for s in ["", "abc", "0", "70000", "8080:80/sctpx", "1.2.3:80:80", "9000-9001:80", "::1:80:80", "80-70", "a:b:c:d"] {
            assert!(parse_publish(s).is_err(), "{s}");
        }
        assert_eq!(
            parse_publish("70000").unwrap_err().0,
            "container port numbers must be between 1 and 65535 (inclusive), got 70000"
        );
    }

    #[test]
    fn shown() {
        let maps = vec![one("8080:80"), one("127.0.0.1:9000-9001:9000-9001/udp")];
        assert_eq!(ps_column(&maps), "0.0.0.0:8080->80/tcp, 127.0.0.1:9000-9001->9000-9001/udp");
        assert_eq!(expand(&maps).len(), 3);
        assert_eq!(pasta_spec(&maps[1]), "127.0.0.1/9000-9001:9000-9001");
        let j = inspect_map(&maps);
        assert_eq!(j["9001/udp"][0]["HostPort"], "9001");
    }

    #[test]
    fn exposed_merge() {
        let mut maps = vec![one("8080:80")];
        let exp = from_exposed(["80/tcp", "443/tcp", "53/udp"].into_iter()).unwrap();
        merge_exposed(&mut maps, exp);
        assert_eq!(maps.len(), 3);
        assert_eq!(maps[1].container_port, 443);
    }

    #[test]
    fn random_ports() {
        let mut maps = vec![one("127.0.0.1::80"), one("127.0.0.1::90-91")];
        assign_host_ports(&mut maps).unwrap();
        assert!(maps.iter().all(|m| m.host_port != 0));
        assert_ne!(maps[0].host_port, maps[1].host_port);
    }
}
