//! The container's /etc/hosts and /etc/resolv.conf, following podman's rules for each mode.

use super::helper::{PASTA_DNS, SLIRP_DNS, SLIRP_GUEST, SLIRP_HOST};
use super::mode::NetMode;

/// What the files depend on besides the mode.
#[derive(Debug, Clone, Default)]
pub struct FileInput {
    pub hostname: String,
    pub name: String,
    /// `--add-host HOST:IP` values, as given.
    pub add_hosts: Vec<String>,
    pub dns: Vec<String>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    /// The container's own addresses on user-defined networks (first one is named).
    pub bridge_ips: Vec<String>,
    /// The DNS responders of those networks (their gateways), when DNS is enabled.
    pub bridge_dns: Vec<String>,
    /// The host's resolv.conf and hosts file (read by the caller).
    pub host_resolv: String,
    pub host_hosts: String,
    /// The host's addresses: default route interface's IPv4 first.
    pub host_ips: Vec<String>,
    /// The default route's gateway.
    pub gateway: Option<String>,
}

/// Checks `--add-host` values: `NAME:IP` (IPv6 as is, `NAME:host-gateway` allowed).
pub fn parse_add_host(v: &str) -> Result<(String, String), String> {
    let (name, ip) = v
        .split_once(':')
        .ok_or_else(|| format!("invalid value for --add-host {v:?}: use HOST:IP"))?;
    if name.is_empty() {
        return Err(format!("invalid value for --add-host {v:?}: the host name is empty"));
    }
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    if ip != "host-gateway" && ip.parse::<std::net::IpAddr>().is_err() {
        return Err(format!("invalid IP address in add-host: {ip:?}"));
    }
    Ok((name.to_string(), ip.to_string()))
}

/// The address `host.containers.internal` names in this mode (podman: slirp4netns's
/// 10.0.2.2 when it forwards to the host's loopback, pasta's gateway with --map-gw,
/// otherwise the host's first address).
pub fn host_internal_ip(mode: &NetMode, inp: &FileInput) -> Option<String> {
    match mode {
        NetMode::Slirp4netns { opts } if opts.allow_host_loopback => Some(SLIRP_HOST.into()),
        NetMode::Pasta { args } if args.iter().any(|a| a == "--map-gw") => inp.gateway.clone(),
        _ => inp.host_ips.first().cloned(),
    }
}

/// The container's own address in this mode (what its name resolves to in /etc/hosts).
pub fn container_ip(mode: &NetMode, inp: &FileInput) -> Option<String> {
    match mode {
        NetMode::Pasta { .. } => inp.host_ips.first().cloned(),
        NetMode::Slirp4netns { opts } => {
            if opts.cidr.is_empty() {
                Some(SLIRP_GUEST.into())
            } else {
                // slirp4netns gives the guest .100 of its network.
                let base = opts.cidr.split('/').next().unwrap_or("");
                let mut o: Vec<&str> = base.split('.').collect();
                if o.len() == 4 {
                    o[3] = "100";
                    Some(o.join("."))
                } else {
                    None
                }
            }
        }
        NetMode::Bridge { .. } => inp.bridge_ips.first().cloned(),
        _ => None,
    }
}

/// /etc/hosts: --add-host entries, localhost, the container's name, host.containers.internal.
pub fn hosts(mode: &NetMode, inp: &FileInput) -> String {
    let mut out = String::new();
    let gateway_ip = host_internal_ip(mode, inp);
    for h in &inp.add_hosts {
        if let Ok((name, ip)) = parse_add_host(h) {
            let ip = if ip == "host-gateway" { gateway_ip.clone().unwrap_or_default() } else { ip };
            out.push_str(&format!("{ip}\t{name}\n"));
        }
    }
    if matches!(mode, NetMode::Host) {
        out.push_str(&inp.host_hosts);
        if !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
        return out;
    }
    out.push_str("127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n");
    out.push_str("::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n");
    // On user-defined networks, a line per network address (podman's); otherwise one.
    let own = match mode {
        NetMode::Bridge { .. } if !inp.bridge_ips.is_empty() => inp.bridge_ips.clone(),
        _ => vec![container_ip(mode, inp).unwrap_or_else(|| "127.0.1.1".into())],
    };
    for ip in own {
        out.push_str(&hosts_line(&ip, &own_names(&inp.hostname, &inp.name)));
    }
    if !matches!(mode, NetMode::None) {
        if let Some(ip) = gateway_ip {
            out.push_str(&format!("{ip}\thost.containers.internal host.docker.internal\n"));
        }
    }
    out
}

/// The names /etc/hosts gives the container's own addresses: its hostname and name.
pub fn own_names(hostname: &str, name: &str) -> Vec<String> {
    if hostname == name {
        vec![hostname.to_string()]
    } else {
        vec![hostname.to_string(), name.to_string()]
    }
}

fn hosts_line(ip: &str, names: &[String]) -> String {
    format!("{ip}\t{}\n", names.join(" "))
}

/// Whether a hosts line is an entry for `ip` with one of `names` (podman's test when it
/// edits the file: the address and any one name).
fn is_entry_of(line: &str, ip: &str, names: &[String]) -> bool {
    let line = line.split('#').next().unwrap_or("");
    let mut w = line.split_whitespace();
    w.next() == Some(ip) && w.any(|n| names.iter().any(|m| m == n))
}

/// `network connect`: the hosts file with `names` for each of `new_ips` added at the end,
/// as podman does: only when an entry of the container's other addresses (`old_ips`) is
/// still there (the user may have rewritten the file), or when it had none.
pub fn hosts_add(current: &str, old_ips: &[String], new_ips: &[String], names: &[String]) -> Option<String> {
    let lines = || current.lines();
    if !old_ips.is_empty() && !lines().any(|l| old_ips.iter().any(|ip| is_entry_of(l, ip, names))) {
        return None;
    }
    let mut out = current.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for ip in new_ips {
        if old_ips.is_empty() {
            // Names already in the file keep their entries (podman's plain add).
            let free: Vec<String> = names
                .iter()
                .filter(|n| !lines().any(|l| l.split_whitespace().skip(1).any(|w| w == n.as_str())))
                .cloned()
                .collect();
            if !free.is_empty() {
                out.push_str(&hosts_line(ip, &free));
            }
        } else {
            out.push_str(&hosts_line(ip, names));
        }
    }
    Some(out)
}

/// `network disconnect`: the hosts file without the entries of `ips` that carry one of
/// `names`.
pub fn hosts_remove(current: &str, ips: &[String], names: &[String]) -> String {
    current.lines().filter(|l| !ips.iter().any(|ip| is_entry_of(l, ip, names))).map(|l| format!("{l}\n")).collect()
}

/// resolv.conf's parts: (search, nameservers, options).
fn resolv_parts(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut search, mut servers, mut options) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let mut w = line.split_whitespace();
        match w.next() {
            Some("nameserver") => servers.extend(w.next().map(String::from)),
            Some("search") | Some("domain") => search = w.map(String::from).collect(),
            Some("options") => options.extend(w.map(String::from)),
            _ => {}
        }
    }
    (search, servers, options)
}

fn render_resolv(search: &[String], servers: &[String], options: &[String]) -> String {
    let mut out = String::new();
    if !search.is_empty() {
        out.push_str(&format!("search {}\n", search.join(" ")));
    }
    for s in servers {
        out.push_str(&format!("nameserver {s}\n"));
    }
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    out
}

/// `network connect` of a network with DNS: its responders go in front of the
/// nameservers already there (podman's).
pub fn resolv_add_nameservers(current: &str, add: &[String]) -> String {
    let (search, servers, options) = resolv_parts(current);
    let all: Vec<String> = add.iter().chain(&servers).cloned().collect();
    render_resolv(&search, &all, &options)
}

/// `network disconnect`: the network's responders leave the nameservers.
pub fn resolv_remove_nameservers(current: &str, remove: &[String]) -> String {
    let (search, mut servers, options) = resolv_parts(current);
    servers.retain(|s| !remove.contains(s));
    render_resolv(&search, &servers, &options)
}

fn is_loopback_ns(line: &str) -> bool {
    let mut w = line.split_whitespace();
    w.next() == Some("nameserver") && w.next().is_some_and(|a| a.starts_with("127.") || a == "::1")
}

/// /etc/resolv.conf: the host's, with its loopback resolvers (unreachable from the
/// container) replaced by the backend's DNS forwarder; `--dns*` replace their parts.
pub fn resolv(mode: &NetMode, inp: &FileInput) -> String {
    if matches!(mode, NetMode::Host) && inp.dns.is_empty() && inp.dns_search.is_empty() && inp.dns_options.is_empty() {
        return inp.host_resolv.clone();
    }
    let mut servers: Vec<String> = Vec::new();
    let mut search: Vec<String> = Vec::new();
    let mut options: Vec<String> = Vec::new();
    for line in inp.host_resolv.lines() {
        let mut w = line.split_whitespace();
        match w.next() {
            Some("nameserver") if !is_loopback_ns(line) || matches!(mode, NetMode::Host) => {
                servers.extend(w.next().map(String::from))
            }
            Some("search") | Some("domain") => search = w.map(String::from).collect(),
            Some("options") => options.extend(w.map(String::from)),
            _ => {}
        }
    }
    match mode {
        NetMode::Pasta { .. } => servers.insert(0, PASTA_DNS.into()),
        NetMode::Slirp4netns { .. } => servers.insert(0, SLIRP_DNS.into()),
        // User-defined networks: the networks' responders answer and forward (podman's).
        NetMode::Bridge { .. } if !inp.bridge_dns.is_empty() => {
            servers = inp.bridge_dns.clone();
            search.insert(0, crate::network::bridge::DNS_DOMAIN.into());
        }
        _ => {}
    }
    if !inp.dns.is_empty() {
        servers = inp.dns.clone();
    }
    if !inp.dns_search.is_empty() {
        search = if inp.dns_search == ["."] { Vec::new() } else { inp.dns_search.clone() };
    }
    options.extend(inp.dns_options.iter().cloned());
    render_resolv(&search, &servers, &options)
}

/// The host's default route: (interface, gateway).
pub fn default_route() -> Option<(String, String)> {
    let text = std::fs::read_to_string("/proc/net/route").ok()?;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() > 2 && f[1] == "00000000" {
            let gw = u32::from_str_radix(f[2], 16).ok()?;
            let ip = std::net::Ipv4Addr::from(gw.to_le_bytes());
            return Some((f[0].to_string(), ip.to_string()));
        }
    }
    None
}

/// The host's non-loopback IPv4 addresses, those of `first_iface` first.
pub fn host_ipv4s(first_iface: Option<&str>) -> Vec<String> {
    let mut found: Vec<(bool, String)> = Vec::new();
    let mut ifap: *mut libc::ifaddrs = std::ptr::null_mut();
    if unsafe { libc::getifaddrs(&mut ifap) } != 0 {
        return Vec::new();
    }
    let mut cur = ifap;
    while !cur.is_null() {
        let ifa = unsafe { &*cur };
        cur = ifa.ifa_next;
        if ifa.ifa_addr.is_null() || unsafe { (*ifa.ifa_addr).sa_family } as i32 != libc::AF_INET {
            continue;
        }
        let sin = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_in) };
        let ip = std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
        if ip.is_loopback() {
            continue;
        }
        let name = unsafe { std::ffi::CStr::from_ptr(ifa.ifa_name) }.to_string_lossy().into_owned();
        found.push((Some(name.as_str()) == first_iface, ip.to_string()));
    }
    unsafe { libc::freeifaddrs(ifap) };
    found.sort_by_key(|(first, _)| !*first);
    found.into_iter().map(|(_, ip)| ip).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::mode::SlirpOptions;

    fn input() -> FileInput {
        FileInput {
            hostname: "abc".into(),
            name: "web".into(),
            host_resolv: "search example.com\nnameserver 127.0.0.53\nnameserver 10.1.1.1\noptions edns0\n".into(),
            host_ips: vec!["192.0.2.2".into()],
            gateway: Some("192.0.2.1".into()),
            ..Default::default()
        }
    }

    #[test]
    fn resolv_per_mode() {
        let pasta = NetMode::Pasta { args: vec![] };
        assert_eq!(
            resolv(&pasta, &input()),
            "search example.com\nnameserver 169.254.1.1\nnameserver 10.1.1.1\noptions edns0\n"
        );
        let slirp = NetMode::Slirp4netns { opts: SlirpOptions::default() };
        assert!(resolv(&slirp, &input()).contains("nameserver 10.0.2.3\nnameserver 10.1.1.1\n"));
        assert!(!resolv(&NetMode::None, &input()).contains("127.0.0.53"));
        let mut i = input();
        i.dns = vec!["1.1.1.1".into()];
        i.dns_search = vec!["a.org".into()];
        i.dns_options = vec!["ndots:2".into()];
        assert_eq!(resolv(&pasta, &i), "search a.org\nnameserver 1.1.1.1\noptions edns0 ndots:2\n");
    }

    #[test]
    fn hosts_per_mode() {
        let mut i = input();
        i.add_hosts = vec!["db:10.0.0.5".into(), "gw:host-gateway".into()];
        let slirp = NetMode::Slirp4netns { opts: SlirpOptions { allow_host_loopback: true, ..Default::default() } };
        let h = hosts(&slirp, &i);
        assert!(h.starts_with("10.0.0.5\tdb\n10.0.2.2\tgw\n127.0.0.1\tlocalhost"), "{h}");
        assert!(h.contains("10.0.2.100\tabc web\n"));
        assert!(h.contains("10.0.2.2\thost.containers.internal"));
        let h = hosts(&NetMode::Pasta { args: vec!["--map-gw".into()] }, &input());
        assert!(h.contains("192.0.2.2\tabc web\n") && h.contains("192.0.2.1\thost.containers.internal"));
        assert!(!hosts(&NetMode::None, &input()).contains("host.containers.internal"));
    }

    #[test]
    fn hosts_follow_connect_and_disconnect() {
        let names = own_names("abc", "web");
        let mut i = input();
        i.bridge_ips = vec!["10.89.0.2".into(), "10.89.1.2".into()];
        let h = hosts(&NetMode::Bridge { networks: vec![] }, &i);
        assert!(h.contains("10.89.0.2\tabc web\n10.89.1.2\tabc web\n"), "{h}");
        let base = "127.0.0.1\tlocalhost\n10.89.0.2\tabc web\n";
        let added = hosts_add(base, &["10.89.0.2".into()], &["10.89.5.3".into()], &names).unwrap();
        assert_eq!(added, format!("{base}10.89.5.3\tabc web\n"));
        // The user replaced the container's entry: left alone.
        assert_eq!(
            hosts_add("127.0.0.1\tlocalhost\n10.0.0.9\tmine\n", &["10.89.0.2".into()], &["10.89.5.3".into()], &names),
            None
        );
        // No other network: only names not in the file yet.
        assert_eq!(
            hosts_add("127.0.0.1\tlocalhost\n", &[], &["10.89.5.3".into()], &names).unwrap(),
            "127.0.0.1\tlocalhost\n10.89.5.3\tabc web\n"
        );
        let removed = hosts_remove(&added, &["10.89.0.2".into()], &names);
        assert_eq!(removed, "127.0.0.1\tlocalhost\n10.89.5.3\tabc web\n");
        // Another name on that address (an --add-host) stays.
        assert_eq!(hosts_remove("10.89.0.2\tdb\n", &["10.89.0.2".into()], &names), "10.89.0.2\tdb\n");
    }

    #[test]
    fn resolv_follows_connect_and_disconnect() {
        let cur = "search dns.podman example.com\nnameserver 10.89.0.1\noptions edns0\n";
        let added = resolv_add_nameservers(cur, &["10.89.3.1".into()]);
        assert_eq!(added, "search dns.podman example.com\nnameserver 10.89.3.1\nnameserver 10.89.0.1\noptions edns0\n");
        assert_eq!(resolv_remove_nameservers(&added, &["10.89.3.1".into()]), cur);
        assert_eq!(
            resolv_remove_nameservers(cur, &["10.89.0.1".into()]),
            "search dns.podman example.com\noptions edns0\n"
        );
    }

    #[test]
    fn add_host_values() {
        assert!(parse_add_host("a:1.2.3.4").is_ok());
        assert!(parse_add_host("a:::1").is_ok());
        assert!(parse_add_host("a:[::1]").is_ok());
        assert!(parse_add_host("a:nothing").is_err());
        assert!(parse_add_host("noip").is_err());
    }
}
