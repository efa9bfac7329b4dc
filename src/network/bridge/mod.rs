//! User-defined networks (`network create`), rootless as podman does them: one per-user
//! network namespace (netns.rs) holding a Linux bridge per network and a veth pair per
//! container attachment (attach.rs, over netlink.rs), connected outwards by pasta, with a
//! DNS responder per network (dns.rs) and a user-space forwarder for published ports
//! (forward.rs).
//!
//! This file is the pure part: the network's record (podman's netavark JSON), subnet
//! arithmetic, and the choice of subnets, interface names and addresses.

pub mod attach;
pub mod dns;
pub mod forward;
pub mod netlink;
pub mod netns;

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};

/// podman's default network: implicit, `--network bridge` joins it.
pub const DEFAULT_NAME: &str = "podman";
pub const DEFAULT_ID: &str = "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9";
pub const DEFAULT_SUBNET: &str = "10.88.0.0/16";
/// The search domain the DNS responder answers for (podman's).
pub const DNS_DOMAIN: &str = "dns.podman";

/// A lease range inside a subnet (`--ip-range`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseRange {
    pub start_ip: String,
    pub end_ip: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subnet {
    pub subnet: String,
    pub gateway: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_range: Option<LeaseRange>,
}

/// One network, as `network inspect` shows it and as it is stored (one JSON file each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub name: String,
    pub id: String,
    pub driver: String,
    pub network_interface: String,
    pub created: String,
    pub subnets: Vec<Subnet>,
    pub ipv6_enabled: bool,
    pub internal: bool,
    pub dns_enabled: bool,
    // podman leaves out empty maps.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    #[serde(default)]
    pub ipam_options: BTreeMap<String, String>,
}

/// An IPv4 network: address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    pub addr: Ipv4Addr,
    pub prefix: u8,
}

impl Cidr {
    /// Parses `A.B.C.D/N` (the host bits are cleared, as Go's ParseCIDR does).
    pub fn parse(s: &str) -> Result<Cidr, String> {
        let bad = || format!("invalid CIDR address: {s}");
        let (a, p) = s.split_once('/').ok_or_else(bad)?;
        let addr: Ipv4Addr = a.parse().map_err(|_| bad())?;
        let prefix: u8 = p.parse().map_err(|_| bad())?;
        if prefix > 32 || p.starts_with('+') {
            return Err(bad());
        }
        Ok(Cidr { addr: Ipv4Addr::from(u32::from(addr) & mask(prefix)), prefix })
    }
    pub fn network(&self) -> u32 {
        u32::from(self.addr)
    }
    pub fn last(&self) -> u32 {
        self.network() | !mask(self.prefix)
    }
    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        u32::from(ip) & mask(self.prefix) == self.network()
    }
    pub fn overlaps(&self, o: &Cidr) -> bool {
        self.network() <= o.last() && o.network() <= self.last()
    }
    /// The first host address (podman's default gateway).
    pub fn first_host(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.network() + 1)
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

fn mask(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    }
}

/// Network names follow container names (podman's rule).
pub fn valid_name(n: &str) -> bool {
    let mut c = n.chars();
    c.next().is_some_and(|f| f.is_ascii_alphanumeric())
        && c.all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '.' | '-'))
}

/// podman's rules for `interface_name=`: at most 15 bytes, not `.` or `..`, no `/`, `:`
/// or white space.
pub fn check_interface_name(name: &str) -> Result<(), String> {
    if name.len() > 15 {
        return Err("interface name is too long: interface names must be 15 characters or less: invalid argument".into());
    }
    if name == "." || name == ".." {
        return Err("interface name is . or ..: invalid argument".into());
    }
    if name.chars().any(|c| c == '/' || c == ':' || c.is_whitespace()) {
        return Err("interface name contains / or : or whitespace characters: invalid argument".into());
    }
    Ok(())
}

/// podman's implicit default network.
pub fn default_network() -> Network {
    let subnet = Cidr::parse(DEFAULT_SUBNET).expect("constant subnet");
    Network {
        name: DEFAULT_NAME.into(),
        id: DEFAULT_ID.into(),
        driver: "bridge".into(),
        network_interface: "podman0".into(),
        created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        subnets: vec![Subnet { subnet: subnet.to_string(), gateway: subnet.first_host().to_string(), lease_range: None }],
        ipv6_enabled: false,
        internal: false,
        dns_enabled: false,
        labels: BTreeMap::new(),
        options: BTreeMap::new(),
        ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
    }
}

impl Network {
    /// The network's IPv4 subnet (the first; burrow makes one per network).
    pub fn cidr(&self) -> Option<Cidr> {
        self.subnets.first().and_then(|s| Cidr::parse(&s.subnet).ok())
    }
    pub fn gateway(&self) -> Option<Ipv4Addr> {
        self.subnets.first().and_then(|s| s.gateway.parse().ok())
    }
    /// The addresses containers may get: the lease range, or the subnet's hosts.
    pub fn lease(&self) -> Option<(u32, u32)> {
        let c = self.cidr()?;
        let s = self.subnets.first()?;
        match &s.lease_range {
            Some(r) => {
                let a: Ipv4Addr = r.start_ip.parse().ok()?;
                let b: Ipv4Addr = r.end_ip.parse().ok()?;
                Some((u32::from(a), u32::from(b)))
            }
            None => Some((c.network() + 1, c.last().saturating_sub(1))),
        }
    }
}

/// What `network create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateRequest {
    pub name: String,
    pub driver: String,
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub ip_range: Option<String>,
    pub labels: Vec<String>,
    pub options: Vec<String>,
    pub internal: bool,
    pub disable_dns: bool,
    pub ipv6: bool,
}

/// Builds a new network's record from the request and the networks that exist.
pub fn plan(req: &CreateRequest, existing: &[Network], id: String, created: String) -> Result<Network, String> {
    if !valid_name(&req.name) {
        return Err(format!(
            "network name {} invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument",
            req.name
        ));
    }
    if existing.iter().any(|n| n.name == req.name) {
        return Err(format!("network name {} already used: network already exists", req.name));
    }
    if req.driver != "bridge" {
        return Err(format!("unsupported driver {}: invalid argument", req.driver));
    }
    if req.ipv6 {
        return Err("IPv6 networks are not supported by burrow yet: create the network without --ipv6".into());
    }
    let used: Vec<Cidr> = existing.iter().filter_map(Network::cidr).collect();
    let subnet = match &req.subnet {
        Some(s) => {
            if s.contains(':') {
                return Err(format!("IPv6 subnet {s} is not supported by burrow yet: use an IPv4 subnet"));
            }
            let c = Cidr::parse(s)?;
            if c.prefix > 30 {
                return Err(format!("subnet {c} is too small: use a prefix of /30 or shorter"));
            }
            if used.iter().any(|u| u.overlaps(&c)) {
                return Err(format!("subnet {c} is already used on the host or by another config"));
            }
            c
        }
        None => free_subnet(&used).ok_or("could not find free subnet from subnet pools")?,
    };
    if req.gateway.is_some() && req.subnet.is_none() || req.ip_range.is_some() && req.subnet.is_none() {
        return Err("cannot set gateway or range without subnet".into());
    }
    let gateway = match &req.gateway {
        Some(g) => {
            let ip: Ipv4Addr = g.parse().map_err(|_| format!("gateway IP {g} is not a valid IPv4 address"))?;
            if !subnet.contains(ip) {
                return Err(format!("gateway {ip} not in subnet {subnet}"));
            }
            ip
        }
        None => subnet.first_host(),
    };
    let lease_range = match &req.ip_range {
        Some(r) => {
            let rc = Cidr::parse(r)?;
            if !subnet.contains(rc.addr) || !subnet.contains(Ipv4Addr::from(rc.last())) {
                return Err(format!("ip range {rc} is not in subnet {subnet}"));
            }
            let start = rc.network().max(subnet.network() + 1);
            let end = rc.last().min(subnet.last() - 1);
            Some(LeaseRange { start_ip: Ipv4Addr::from(start).to_string(), end_ip: Ipv4Addr::from(end).to_string() })
        }
        None => None,
    };
    let mut labels = BTreeMap::new();
    for l in &req.labels {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        labels.insert(k.to_string(), v.to_string());
    }
    let mut options = BTreeMap::new();
    for o in &req.options {
        let (k, v) = o.split_once('=').unwrap_or((o, ""));
        match k {
            "mtu" | "isolate" | "metric" => {}
            _ => return Err(format!("unsupported bridge network option {k}")),
        }
        options.insert(k.to_string(), v.to_string());
    }
    Ok(Network {
        name: req.name.clone(),
        id,
        driver: "bridge".into(),
        network_interface: free_interface(existing),
        created,
        subnets: vec![Subnet { subnet: subnet.to_string(), gateway: gateway.to_string(), lease_range }],
        ipv6_enabled: false,
        internal: req.internal,
        dns_enabled: !req.disable_dns,
        labels,
        options,
        ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
    })
}

/// podman's pool: 10.89.0.0/24, 10.89.1.0/24, ... skipping subnets in use.
pub fn free_subnet(used: &[Cidr]) -> Option<Cidr> {
    (0..=255u32).map(|i| Cidr { addr: Ipv4Addr::new(10, 89, i as u8, 0), prefix: 24 }).find(|c| !used.iter().any(|u| u.overlaps(c)))
}

/// podman1, podman2, ...: the lowest bridge name no network has (podman0 is the default's).
pub fn free_interface(existing: &[Network]) -> String {
    (1..)
        .map(|i| format!("podman{i}"))
        .find(|n| !existing.iter().any(|e| &e.network_interface == n))
        .unwrap_or_default()
}

/// The first free address of the network's lease range, or checks a requested one.
pub fn pick_ip(net: &Network, used: &[Ipv4Addr], wanted: Option<&str>) -> Result<Ipv4Addr, String> {
    let cidr = net.cidr().ok_or_else(|| format!("network {} has no IPv4 subnet", net.name))?;
    let gw = net.gateway();
    if let Some(w) = wanted.filter(|w| !w.is_empty()) {
        let ip: Ipv4Addr = w.parse().map_err(|_| format!("{w} is not a valid IPv4 address"))?;
        if !cidr.contains(ip) || u32::from(ip) == cidr.network() || u32::from(ip) == cidr.last() {
            return Err(format!("requested static ip {ip} not in any subnet on network {}", net.name));
        }
        if Some(ip) == gw || used.contains(&ip) {
            return Err(format!("requested ip address {ip} is already allocated to another container"));
        }
        return Ok(ip);
    }
    let (start, end) = net.lease().ok_or_else(|| format!("network {} has no IPv4 subnet", net.name))?;
    (start..=end)
        .map(Ipv4Addr::from)
        .find(|ip| Some(*ip) != gw && !used.contains(ip))
        .ok_or_else(|| format!("IPAM error: failed to find free IP in range: {}", cidr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(name: &str, subnet: &str, iface: &str) -> Network {
        let mut n = default_network();
        n.name = name.into();
        n.network_interface = iface.into();
        let c = Cidr::parse(subnet).unwrap();
        n.subnets = vec![Subnet { subnet: c.to_string(), gateway: c.first_host().to_string(), lease_range: None }];
        n
    }

    fn req(name: &str) -> CreateRequest {
        CreateRequest { name: name.into(), driver: "bridge".into(), ..Default::default() }
    }

    #[test]
    fn cidrs() {
        let c = Cidr::parse("10.89.3.7/24").unwrap();
        assert_eq!(c.to_string(), "10.89.3.0/24");
        assert!(c.contains("10.89.3.255".parse().unwrap()));
        assert!(!c.contains("10.89.4.0".parse().unwrap()));
        assert!(Cidr::parse("10.89.0.0/16").unwrap().overlaps(&c));
        assert!(Cidr::parse("10.89/24").is_err());
        assert!(Cidr::parse("10.89.0.0/33").is_err());
        assert!(Cidr::parse("10.89.0.0").is_err());
    }

    #[test]
    fn allocation() {
        let mut existing = vec![default_network()];
        let a = plan(&req("a"), &existing, "1".into(), String::new()).unwrap();
        assert_eq!(a.subnets[0].subnet, "10.89.0.0/24");
        assert_eq!(a.subnets[0].gateway, "10.89.0.1");
        assert_eq!(a.network_interface, "podman1");
        existing.push(a);
        existing.push(net("x", "10.89.1.0/24", "podman3"));
        let b = plan(&req("b"), &existing, "2".into(), String::new()).unwrap();
        assert_eq!(b.subnets[0].subnet, "10.89.2.0/24");
        assert_eq!(b.network_interface, "podman2");
        let mut o = req("c");
        o.subnet = Some("10.89.1.128/25".into());
        assert_eq!(
            plan(&o, &existing, "3".into(), String::new()).unwrap_err(),
            "subnet 10.89.1.128/25 is already used on the host or by another config"
        );
        assert!(plan(&req("a"), &existing, "4".into(), String::new()).unwrap_err().contains("already used"));
        assert!(plan(&req("-bad"), &existing, "4".into(), String::new()).unwrap_err().contains("invalid"));
        let mut g = req("g");
        g.subnet = Some("192.168.7.0/24".into());
        g.gateway = Some("192.168.8.1".into());
        assert_eq!(plan(&g, &existing, "5".into(), String::new()).unwrap_err(), "gateway 192.168.8.1 not in subnet 192.168.7.0/24");
        g.gateway = Some("192.168.7.254".into());
        g.ip_range = Some("192.168.7.128/25".into());
        let n = plan(&g, &existing, "5".into(), String::new()).unwrap();
        assert_eq!(n.subnets[0].lease_range, Some(LeaseRange { start_ip: "192.168.7.128".into(), end_ip: "192.168.7.254".into() }));
        // The gateway is inside the range: the last address is then free to nobody.
        assert_eq!(pick_ip(&n, &[], None).unwrap().to_string(), "192.168.7.128");
    }

    #[test]
    fn addresses() {
        let n = net("a", "10.89.0.0/24", "podman1");
        let used: Vec<Ipv4Addr> = vec!["10.89.0.2".parse().unwrap()];
        assert_eq!(pick_ip(&n, &used, None).unwrap().to_string(), "10.89.0.3");
        assert_eq!(pick_ip(&n, &used, Some("10.89.0.9")).unwrap().to_string(), "10.89.0.9");
        assert!(pick_ip(&n, &used, Some("10.89.0.2")).unwrap_err().contains("already allocated"));
        assert!(pick_ip(&n, &used, Some("10.89.0.1")).unwrap_err().contains("already allocated"));
        assert!(pick_ip(&n, &used, Some("10.90.0.9")).unwrap_err().contains("not in any subnet"));
        let tiny = net("t", "10.1.0.0/30", "podman2");
        assert!(pick_ip(&tiny, &["10.1.0.2".parse().unwrap()], None).is_err());
    }
}
