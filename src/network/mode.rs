//! `--network` values: podman's modes, and what each needs at start.

use serde::{Deserialize, Serialize};

/// slirp4netns's options as podman spells them (`--network slirp4netns:allow_host_loopback=true,...`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlirpOptions {
    pub allow_host_loopback: bool,
    pub enable_ipv6: bool,
    pub mtu: u32,
    pub cidr: String,
    pub outbound_addr: String,
    pub outbound_addr6: String,
}

impl Default for SlirpOptions {
    fn default() -> Self {
        SlirpOptions {
            allow_host_loopback: false,
            enable_ipv6: true,
            mtu: 65520,
            cidr: String::new(),
            outbound_addr: String::new(),
            outbound_addr6: String::new(),
        }
    }
}

/// A user-defined network the container joins, with its per-container options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub network: String,
    #[serde(default)]
    pub ip: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub mac: String,
    #[serde(default)]
    pub interface_name: String,
}

/// The container's network, as the monitor sets it up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum NetMode {
    /// A new namespace with only loopback.
    #[default]
    None,
    /// The host's namespace.
    Host,
    /// A new namespace connected by pasta; `args` are the user's extra pasta options.
    Pasta { args: Vec<String> },
    /// A new namespace connected by slirp4netns.
    Slirp4netns { opts: SlirpOptions },
    /// Another container's namespace (its id).
    Container { id: String },
    /// A namespace file (`ns:/run/netns/x`).
    Ns { path: String },
    /// User-defined networks (bridges in the per-user network namespace).
    Bridge { networks: Vec<Attachment> },
}

impl NetMode {
    /// Whether the container gets a new, empty network namespace of its own.
    pub fn new_namespace(&self) -> bool {
        !matches!(self, NetMode::Host | NetMode::Container { .. } | NetMode::Ns { .. })
    }

    /// Whether ports can be published in this mode.
    pub fn publishes(&self) -> bool {
        matches!(self, NetMode::Pasta { .. } | NetMode::Slirp4netns { .. } | NetMode::Bridge { .. })
    }

    /// podman's HostConfig.NetworkMode / `--network` name of the mode.
    pub fn name(&self) -> String {
        match self {
            NetMode::None => "none".into(),
            NetMode::Host => "host".into(),
            NetMode::Pasta { .. } => "pasta".into(),
            NetMode::Slirp4netns { .. } => "slirp4netns".into(),
            NetMode::Container { id } => format!("container:{id}"),
            NetMode::Ns { path } => format!("ns:{path}"),
            NetMode::Bridge { .. } => "bridge".into(),
        }
    }
}

/// A `--network` value burrow can't use, worded as podman words it.
#[derive(Debug, PartialEq, Eq)]
pub struct ModeError(pub String);

/// What `--network` names before names of containers and networks are looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requested {
    Mode(NetMode),
    /// `container:NAME` (resolved to an id by the caller).
    Container(String),
}

fn bool_opt(key: &str, v: &str) -> Result<bool, ModeError> {
    match v {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ModeError(format!("invalid value of {key}: {v:?} (true or false)"))),
    }
}

fn slirp_options(opts: &str) -> Result<SlirpOptions, ModeError> {
    let mut o = SlirpOptions::default();
    for kv in opts.split(',').filter(|s| !s.is_empty()) {
        let (k, v) = kv.split_once('=').ok_or_else(|| ModeError(format!("invalid slirp4netns option {kv:?}")))?;
        match k {
            "allow_host_loopback" => o.allow_host_loopback = bool_opt(k, v)?,
            "enable_ipv6" => o.enable_ipv6 = bool_opt(k, v)?,
            "mtu" => o.mtu = v.parse().map_err(|_| ModeError(format!("invalid slirp4netns mtu {v:?}")))?,
            "cidr" => o.cidr = v.to_string(),
            "outbound_addr" => o.outbound_addr = v.to_string(),
            "outbound_addr6" => o.outbound_addr6 = v.to_string(),
            // rootlesskit's port handler is podman's; burrow forwards through slirp4netns itself.
            "port_handler" if v == "rootlesskit" || v == "slirp4netns" => {}
            _ => return Err(ModeError(format!("unknown option for slirp4netns: {kv:?}"))),
        }
    }
    Ok(o)
}

/// `NAME[:ip=...,alias=...,mac=...,interface_name=...]`.
fn attachment(s: &str) -> Result<Attachment, ModeError> {
    let (name, opts) = s.split_once(':').unwrap_or((s, ""));
    let mut a = Attachment { network: name.to_string(), ..Default::default() };
    for kv in opts.split(',').filter(|s| !s.is_empty()) {
        let (k, v) = kv.split_once('=').ok_or_else(|| ModeError(format!("invalid network option {kv:?}")))?;
        match k {
            "ip" | "ip4" | "ip6" => a.ip = v.to_string(),
            "alias" => a.aliases.push(v.to_string()),
            "mac" => a.mac = v.to_string(),
            "interface_name" => a.interface_name = v.to_string(),
            _ => return Err(ModeError(format!("unknown network option {k:?}"))),
        }
    }
    Ok(a)
}

/// Parses the `--network` values (the flag may repeat; a value may list several networks
/// separated by commas). `default` is the mode of an unset or `private` value.
pub fn parse(values: &[String], default: &str) -> Result<Requested, ModeError> {
    let values: Vec<&str> = values.iter().map(String::as_str).filter(|v| !v.is_empty()).collect();
    let first = values.first().copied().unwrap_or("private");
    let single = |mode: Requested| {
        if values.len() > 1 {
            Err(ModeError(format!("--network {first} can't be combined with other networks")))
        } else {
            Ok(mode)
        }
    };
    let (kind, rest) = first.split_once(':').unwrap_or((first, ""));
    match kind {
        "private" | "default" if rest.is_empty() => single(Requested::Mode(default_mode(default))),
        "none" if rest.is_empty() => single(Requested::Mode(NetMode::None)),
        "host" if rest.is_empty() => single(Requested::Mode(NetMode::Host)),
        "pasta" => single(Requested::Mode(NetMode::Pasta {
            args: rest.split(',').filter(|s| !s.is_empty()).map(String::from).collect(),
        })),
        "slirp4netns" => single(Requested::Mode(NetMode::Slirp4netns { opts: slirp_options(rest)? })),
        "container" => {
            if rest.is_empty() {
                return Err(ModeError("--network container: needs the name or id of a container".into()));
            }
            single(Requested::Container(rest.to_string()))
        }
        "ns" => {
            if !rest.starts_with('/') {
                return Err(ModeError(format!("--network ns: needs an absolute path, got {rest:?}")));
            }
            single(Requested::Mode(NetMode::Ns { path: rest.to_string() }))
        }
        "slirp" | "bridge" | "none" | "host" | "private" => {
            if kind == "bridge" {
                // podman's rootless `bridge` is its default network, "podman".
                let mut nets = vec![attachment(&format!("podman{}", first.strip_prefix("bridge").unwrap_or("")))?];
                for v in &values[1..] {
                    nets.push(attachment(v)?);
                }
                return Ok(Requested::Mode(NetMode::Bridge { networks: nets }));
            }
            Err(ModeError(format!("invalid network mode {first:?}")))
        }
        _ => {
            let mut nets = Vec::new();
            for v in &values {
                for one in split_networks(v) {
                    let a = attachment(one)?;
                    // (`container:X` and `ns:PATH` arrive here as networks named "container", "ns".)
                    if matches!(
                        a.network.as_str(),
                        "none" | "host" | "private" | "pasta" | "slirp4netns" | "container" | "ns"
                    ) {
                        return Err(ModeError(format!("--network {} can't be combined with other networks", a.network)));
                    }
                    nets.push(a);
                }
            }
            Ok(Requested::Mode(NetMode::Bridge { networks: nets }))
        }
    }
}

/// `net1,net2` lists networks, but commas also separate one network's options
/// (`net1:ip=...,alias=...`): a comma starts a new network only before a word without `=`.
fn split_networks(v: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_opts = false;
    for (i, c) in v.char_indices() {
        match c {
            ':' => in_opts = true,
            ',' => {
                let next = &v[i + 1..];
                let word = next.split(',').next().unwrap_or("");
                if !in_opts || !word.contains('=') {
                    out.push(&v[start..i]);
                    start = i + 1;
                    in_opts = false;
                }
            }
            _ => {}
        }
    }
    out.push(&v[start..]);
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// The default user-mode network of a rootless container (`pasta` unless configured).
fn default_mode(default: &str) -> NetMode {
    match default {
        "slirp4netns" => NetMode::Slirp4netns { opts: SlirpOptions::default() },
        "none" => NetMode::None,
        _ => NetMode::Pasta { args: Vec::new() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[&str]) -> Result<Requested, ModeError> {
        parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "pasta")
    }

    fn mode(v: &[&str]) -> NetMode {
        match p(v).unwrap() {
            Requested::Mode(m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn modes() {
        assert_eq!(mode(&[]), NetMode::Pasta { args: vec![] });
        assert_eq!(mode(&["private"]), NetMode::Pasta { args: vec![] });
        assert_eq!(mode(&["none"]), NetMode::None);
        assert_eq!(mode(&["host"]), NetMode::Host);
        assert_eq!(mode(&["pasta:--map-gw,-4"]), NetMode::Pasta { args: vec!["--map-gw".into(), "-4".into()] });
        match mode(&["slirp4netns:allow_host_loopback=true,mtu=1500"]) {
            NetMode::Slirp4netns { opts } => assert!(opts.allow_host_loopback && opts.mtu == 1500),
            other => panic!("{other:?}"),
        }
        assert_eq!(p(&["container:web"]).unwrap(), Requested::Container("web".into()));
        assert_eq!(mode(&["ns:/run/netns/x"]), NetMode::Ns { path: "/run/netns/x".into() });
        assert!(p(&["ns:relative"]).is_err());
        assert!(p(&["slirp4netns:bogus=1"]).is_err());
        assert!(p(&["host", "net1"]).is_err());
        assert!(p(&["net1", "container:web"]).is_err());
        assert!(p(&["net1", "ns:/run/netns/x"]).is_err());
        assert_eq!(
            mode(&["net1", "containers-net"]),
            NetMode::Bridge {
                networks: ["net1", "containers-net"]
                    .iter()
                    .map(|n| Attachment { network: n.to_string(), ..Default::default() })
                    .collect()
            },
            "a network whose name starts with \"container\" is a network"
        );
    }

    #[test]
    fn user_networks() {
        match mode(&["net1:ip=10.89.0.5,alias=db,alias=x", "net2"]) {
            NetMode::Bridge { networks } => {
                assert_eq!(networks.len(), 2);
                assert_eq!(networks[0].ip, "10.89.0.5");
                assert_eq!(networks[0].aliases, ["db", "x"]);
                assert_eq!(networks[1].network, "net2");
            }
            other => panic!("{other:?}"),
        }
        match mode(&["a,b:alias=z,c"]) {
            NetMode::Bridge { networks } => {
                assert_eq!(networks.iter().map(|n| n.network.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
                assert_eq!(networks[1].aliases, ["z"]);
            }
            other => panic!("{other:?}"),
        }
        match mode(&["bridge"]) {
            NetMode::Bridge { networks } => assert_eq!(networks[0].network, "podman"),
            other => panic!("{other:?}"),
        }
    }
}
