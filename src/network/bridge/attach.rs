//! Attaching a container's network namespace to its user-defined networks: a veth pair
//! per network (the bridge end in the rootless namespace, the other as eth0, eth1, ...
//! with its address), the default route through the first network's gateway, and the
//! container's DNS entries. Used by the monitor at start and by `network connect`.

use std::fs::File;
use std::net::Ipv4Addr;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use super::netlink::Netlink;
use super::{netns, Network};
use crate::network::mode::Attachment;

/// Where network records are kept in the store (one JSON file each, as podman does).
pub fn networks_dir(store_root: &Path) -> PathBuf {
    store_root.join("networks")
}

/// A network's record; the default network when `name` is podman's.
pub fn load(store_root: &Path, name: &str) -> Option<Network> {
    if name == super::DEFAULT_NAME {
        return Some(super::default_network());
    }
    let data = std::fs::read(networks_dir(store_root).join(format!("{name}.json"))).ok()?;
    serde_json::from_slice(&data).ok()
}

/// The host-side veth of a container on a network (15 characters at most).
pub fn host_veth(id: &str, net: &Network) -> String {
    let n = net.network_interface.trim_start_matches("podman");
    format!("veth{}_{n}", &id[..id.len().min(6)])
}

/// The container's interface on its `index`-th network.
pub fn ifname(att: &Attachment, index: usize) -> String {
    if att.interface_name.is_empty() {
        format!("eth{index}")
    } else {
        att.interface_name.clone()
    }
}

fn parse_mac(s: &str) -> Result<Option<[u8; 6]>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let parts: Vec<u8> = s.split(':').filter_map(|p| u8::from_str_radix(p, 16).ok()).collect();
    parts.try_into().map(Some).map_err(|_| format!("invalid MAC address {s:?}"))
}

/// The container as its networks' DNS sees it.
pub struct Who<'a> {
    pub runroot: &'a Path,
    pub id: &'a str,
    pub name: &'a str,
}

/// Connects the namespace `ctr_ns` to `net` as `ifname` with `att.ip`; with
/// `default_route`, traffic leaves through this network's gateway.
pub fn attach_one(who: &Who, ctr_ns: &File, net: &Network, att: &Attachment, ifname: &str, default_route: bool) -> Result<(), String> {
    let ip: Ipv4Addr = att.ip.parse().map_err(|_| format!("the container has no address on network {}", net.name))?;
    let cidr = net.cidr().ok_or_else(|| format!("network {} has no IPv4 subnet", net.name))?;
    let mac = parse_mac(&att.mac)?;
    let l = netns::lock(who.runroot)?;
    let rns = netns::ensure(who.runroot, &l)?;
    let nl = Netlink::open_in(&rns).map_err(|e| format!("opening netlink in the rootless network namespace: {e}"))?;
    netns::ensure_bridge(&rns, &nl, who.runroot, net)?;
    if let Some(other) = holder_of(who.runroot, net, ip, who.id) {
        return Err(format!(
            "IPAM error: requested ip address {ip} is already allocated to container {other} on network {}",
            net.name
        ));
    }
    let host = host_veth(who.id, net);
    let fail = |e: std::io::Error| format!("connecting the container to network {}: {e}", net.name);
    // A veth left by a killed monitor has the same name.
    nl.delete(&host).map_err(fail)?;
    nl.add_veth(&host, &net.network_interface, ifname, ctr_ns.as_raw_fd(), mac).map_err(fail)?;
    nl.set_up(&host).map_err(fail)?;
    let cnl = Netlink::open_in(ctr_ns).map_err(fail)?;
    cnl.add_addr(ifname, ip, cidr.prefix).map_err(fail)?;
    cnl.set_up(ifname).map_err(fail)?;
    cnl.set_up("lo").map_err(fail)?;
    if default_route && !net.internal {
        if let Some(gw) = net.gateway() {
            cnl.add_default_route(ifname, gw).map_err(fail)?;
        }
    }
    let mut names = vec![who.name.to_string()];
    names.extend(att.aliases.iter().cloned());
    names.push(who.id[..who.id.len().min(12)].to_string());
    let entry = netns::net_dir(who.runroot, &net.name).join(who.id);
    std::fs::write(&entry, format!("{ip} {}\n", names.join(" "))).map_err(|e| format!("writing {}: {e}", entry.display()))?;
    Ok(())
}

/// The running container (another than `id`) that has `ip` on the network, if any: two
/// `create`s racing for an address both get it, and the second start is refused.
fn holder_of(runroot: &Path, net: &Network, ip: Ipv4Addr, id: &str) -> Option<String> {
    let want = format!("{ip} ");
    std::fs::read_dir(netns::net_dir(runroot, &net.name)).into_iter().flatten().flatten().find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let taken = netns::is_entry(&e.file_name())
            && name != id
            && std::fs::read_to_string(e.path()).is_ok_and(|t| t.starts_with(&want));
        taken.then(|| name[..name.len().min(12)].to_string())
    })
}

/// Removes the container from `net`: its veth and its DNS entry (idempotent); stops the
/// rootless namespace when nothing uses it any more.
pub fn detach_one(runroot: &Path, id: &str, net: &Network) -> Result<(), String> {
    let Ok(l) = netns::lock(runroot) else { return Ok(()) };
    let _ = std::fs::remove_file(netns::net_dir(runroot, &net.name).join(id));
    let mut r = Ok(());
    if let Some(rns) = netns::existing(runroot) {
        r = Netlink::open_in(&rns)
            .and_then(|nl| nl.delete(&host_veth(id, net)))
            .map_err(|e| format!("disconnecting the container from network {}: {e}", net.name));
    }
    netns::stop_if_unused(runroot, &l);
    r
}

/// The container's networks as the monitor keeps them while it runs.
pub struct Attached {
    runroot: PathBuf,
    id: String,
    nets: Vec<Network>,
    forwarder: Option<super::forward::Forwarder>,
}

impl Attached {
    pub fn stop(self) {
        if let Some(f) = self.forwarder {
            f.stop();
        }
        for n in &self.nets {
            let _ = detach_one(&self.runroot, &self.id, n);
        }
    }
}

/// At start: every attachment of the container, and its published ports.
pub fn start(
    store_root: &Path,
    who: &Who,
    ctr_ns: &File,
    atts: &[Attachment],
    ports: &[crate::network::PortMapping],
) -> Result<Attached, String> {
    let mut done = Attached { runroot: who.runroot.to_path_buf(), id: who.id.to_string(), nets: Vec::new(), forwarder: None };
    for (i, att) in atts.iter().enumerate() {
        let Some(net) = load(store_root, &att.network) else {
            done.stop();
            return Err(format!("unable to find network with name or ID {}: network not found", att.network));
        };
        done.nets.push(net.clone());
        if let Err(e) = attach_one(who, ctr_ns, &net, att, &ifname(att, i), i == 0) {
            done.stop();
            return Err(e);
        }
    }
    if !ports.is_empty() {
        let target = atts.first().and_then(|a| a.ip.parse().ok()).ok_or("the container has no address to publish ports to")?;
        let fwd = netns::lock(who.runroot)
            .and_then(|l| netns::ensure(who.runroot, &l))
            .and_then(|rns| super::forward::start(ports, &rns, target));
        match fwd {
            Ok(f) => done.forwarder = Some(f),
            Err(e) => {
                done.stop();
                return Err(e);
            }
        }
    }
    Ok(done)
}

/// After a monitor was killed: drop what it left (the veths go with the container's
/// namespace; the DNS entries and maybe the rootless namespace remain).
pub fn reap_orphan(store_root: &Path, runroot: &Path, id: &str) {
    let rt = store_root.join("containers").join(id).join("runtime.json");
    let Some(rt) = std::fs::read(rt).ok().and_then(|d| serde_json::from_slice::<crate::runtime::RuntimeConfig>(&d).ok()) else {
        return;
    };
    if let crate::network::NetMode::Bridge { networks } = rt.net.mode {
        for a in &networks {
            if let Some(net) = load(store_root, &a.network) {
                let _ = detach_one(runroot, id, &net);
            }
        }
    }
}

/// What the container's /etc/hosts and resolv.conf need: its addresses, and the DNS
/// responders (gateways) of its networks that have DNS.
pub fn file_input(store_root: &Path, atts: &[Attachment]) -> (Vec<String>, Vec<String>) {
    let ips = atts.iter().map(|a| a.ip.clone()).filter(|i| !i.is_empty()).collect();
    let dns = atts
        .iter()
        .filter_map(|a| load(store_root, &a.network))
        .filter(|n| n.dns_enabled)
        .filter_map(|n| n.gateway().map(|g| g.to_string()))
        .collect();
    (ips, dns)
}
