//! The rootless network namespace: one per user, holding the bridges of user-defined
//! networks. A small burrow process (role [`ROLE`]) creates it with unshare and keeps it
//! alive; it also serves DNS for the networks (dns.rs). pasta connects it to the outside
//! (`--config-net` copies the host's addresses and routes in), and nftables masquerades
//! the bridges' traffic towards pasta and keeps networks apart.
//!
//! Under the runroot, `networks/`: `rootless-netns.pid`, `pasta.pid`, `netns.lock` (held
//! while setting up or tearing down), and a directory per network with `gateway` and one
//! file per attached container (`<id>`: `IP NAME ALIAS...`), which the DNS responder reads.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::netlink::{in_netns, Netlink};
use super::Network;

/// The hidden argv[1] of the namespace's keeper process.
pub const ROLE: &str = "__rootless-netns";
const PID_FILE: &str = "rootless-netns.pid";
const LOCK_FILE: &str = "netns.lock";
/// In a network's directory: which network and subnet its bridge was made for.
pub const BRIDGE_FILE: &str = "bridge";
/// In a network's directory: the DNS responder's address (empty: no DNS).
pub const GATEWAY_FILE: &str = "gateway";
/// In a network's directory: its nftables rules.
const RULES_FILE: &str = "rules";

/// Whether a file of a network's directory is a container's entry.
pub fn is_entry(name: &std::ffi::OsStr) -> bool {
    name != GATEWAY_FILE && name != BRIDGE_FILE && name != RULES_FILE
}

/// `network rm`: the network's bridge and directory go (the namespace stays).
pub fn remove_network(runroot: &Path, net: &Network) {
    let Ok(l) = lock(runroot) else { return };
    let _ = std::fs::remove_dir_all(net_dir(runroot, &net.name));
    if let Some(ns) = existing(runroot) {
        let _ = Netlink::open_in(&ns).and_then(|nl| nl.delete(&net.network_interface));
        let _ = apply_rules(&ns, runroot);
    }
    stop_if_unused(runroot, &l);
}

pub fn dir(runroot: &Path) -> PathBuf {
    runroot.join("networks")
}

/// A network's directory of DNS entries.
pub fn net_dir(runroot: &Path, net: &str) -> PathBuf {
    dir(runroot).join(net)
}

/// An exclusive lock on the rootless namespace's setup.
pub struct Lock(#[allow(dead_code)] File);

pub fn lock(runroot: &Path) -> Result<Lock, String> {
    let d = dir(runroot);
    std::fs::create_dir_all(&d).map_err(|e| format!("creating {}: {e}", d.display()))?;
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(d.join(LOCK_FILE))
        .map_err(|e| format!("opening {}: {e}", d.join(LOCK_FILE).display()))?;
    if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } != 0 {
        return Err(format!("locking the rootless network namespace: {}", std::io::Error::last_os_error()));
    }
    Ok(Lock(f))
}

/// The keeper's pid, when it is still running.
fn keeper(runroot: &Path) -> Option<i32> {
    let pid: i32 = std::fs::read_to_string(dir(runroot).join(PID_FILE)).ok()?.trim().parse().ok()?;
    let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    cmd.split(|b| *b == 0).any(|a| a == ROLE.as_bytes()).then_some(pid)
}

/// The rootless namespace, when it exists.
pub fn existing(runroot: &Path) -> Option<File> {
    keeper(runroot).and_then(|pid| File::open(format!("/proc/{pid}/ns/net")).ok())
}

/// Opens the rootless namespace, creating it (keeper, pasta, nftables base) when it
/// isn't there. The caller holds [`lock`].
pub fn ensure(runroot: &Path, _l: &Lock) -> Result<File, String> {
    if let Some(ns) = existing(runroot) {
        return Ok(ns);
    }
    let d = dir(runroot);
    let mut cmd = Command::new("/proc/self/exe");
    cmd.arg(ROLE).arg(runroot).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()).process_group(0);
    // It outlives the caller: it must not hold the caller's other fds (a monitor's status
    // pipe, a container's log or pty).
    unsafe {
        cmd.pre_exec(|| {
            libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32);
            Ok(())
        })
    };
    let mut child = cmd.spawn().map_err(|e| format!("starting the rootless network namespace: {e}"))?;
    let mut ready = [0u8; 1];
    let ok = child.stdout.take().is_some_and(|mut o| o.read(&mut ready).unwrap_or(0) == 1);
    if !ok {
        let _ = child.kill();
        let _ = child.wait();
        return Err("the rootless network namespace could not be created".into());
    }
    let pid = child.id() as i32;
    std::fs::write(d.join(PID_FILE), pid.to_string()).map_err(|e| format!("writing {}: {e}", d.join(PID_FILE).display()))?;
    let ns = File::open(format!("/proc/{pid}/ns/net")).map_err(|e| format!("opening the rootless network namespace: {e}"))?;
    let mode = crate::network::NetMode::Pasta { args: Vec::new() };
    if let Err(e) = crate::network::helper::start(&mode, &[], std::os::fd::AsFd::as_fd(&ns), &d) {
        unsafe { libc::kill(pid, libc::SIGTERM) };
        return Err(format!("connecting the rootless network namespace: {e}"));
    }
    in_netns(&ns, || std::fs::write("/proc/sys/net/ipv4/ip_forward", "1"))
        .map_err(|e| format!("enabling forwarding in the rootless network namespace: {e}"))?;
    apply_rules(&ns, runroot)?;
    Ok(ns)
}

/// Stops the keeper and pasta when no container is attached to any network.
pub fn stop_if_unused(runroot: &Path, _l: &Lock) {
    let d = dir(runroot);
    let in_use = std::fs::read_dir(&d).into_iter().flatten().flatten().any(|e| {
        e.path().is_dir() && std::fs::read_dir(e.path()).into_iter().flatten().flatten().any(|f| is_entry(&f.file_name()))
    });
    if in_use {
        return;
    }
    crate::network::helper::reap_orphan(&d);
    if let Some(pid) = keeper(runroot) {
        unsafe { libc::kill(pid, libc::SIGTERM) };
    }
    let _ = std::fs::remove_file(d.join(PID_FILE));
    // The bridges went with the namespace: their DNS directories go too.
    for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Replaces the namespace's `ip burrow` table with the rules of the networks that have a
/// bridge now (one nft transaction), so rules of removed networks don't pile up.
fn apply_rules(ns: &File, runroot: &Path) -> Result<(), String> {
    let mut script = String::from(
        "table ip burrow {}\n\
         delete table ip burrow\n\
         add table ip burrow\n\
         add chain ip burrow forward { type filter hook forward priority 0; policy accept; }\n\
         add chain ip burrow postrouting { type nat hook postrouting priority 100; }\n",
    );
    for e in std::fs::read_dir(dir(runroot)).into_iter().flatten().flatten() {
        script.push_str(&std::fs::read_to_string(e.path().join(RULES_FILE)).unwrap_or_default());
    }
    nft(ns, &script)
}

/// Runs nft with `script` inside the namespace `ns`.
pub fn nft(ns: &File, script: &str) -> Result<(), String> {
    let exe = crate::userns::find_in_path("nft")
        .ok_or("could not find nft, needed to route user-defined networks (install the nftables package)")?;
    let fd = ns.as_raw_fd();
    let mut cmd = Command::new(exe);
    cmd.args(["-f", "-"]).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::piped());
    unsafe {
        cmd.pre_exec(move || {
            if libc::setns(fd, libc::CLONE_NEWNET) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        })
    };
    let mut child = cmd.spawn().map_err(|e| format!("running nft: {e}"))?;
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(script.as_bytes());
    }
    let out = child.wait_with_output().map_err(|e| format!("running nft: {e}"))?;
    if !out.status.success() {
        return Err(format!("nft failed: {}", String::from_utf8_lossy(&out.stderr).trim().replace('\n', "; ")));
    }
    Ok(())
}

/// Creates the network's bridge with its gateway address and rules (once per namespace).
pub fn ensure_bridge(ns: &File, nl: &Netlink, runroot: &Path, net: &Network) -> Result<(), String> {
    let br = &net.network_interface;
    let fail = |e: std::io::Error| format!("setting up the bridge {br} of network {}: {e}", net.name);
    let cidr = net.cidr().ok_or_else(|| format!("network {} has no IPv4 subnet", net.name))?;
    let nd = net_dir(runroot, &net.name);
    // The bridge's record: a bridge of a removed network that had the same name is replaced.
    let marker = format!("{} {br} {cidr}", net.id);
    if nl.index(br).map_err(fail)?.is_some() {
        if std::fs::read_to_string(nd.join(BRIDGE_FILE)).is_ok_and(|m| m == marker) {
            return Ok(());
        }
        nl.delete(br).map_err(fail)?;
    }
    let gw = net.gateway().ok_or_else(|| format!("network {} has no gateway", net.name))?;
    let mtu = net.options.get("mtu").and_then(|m| m.parse().ok());
    nl.add_bridge(br, mtu).map_err(fail)?;
    nl.add_addr(br, gw, cidr.prefix).map_err(fail)?;
    nl.set_up(br).map_err(fail)?;
    // Within the bridge all is allowed (with br_netfilter, bridged packets pass here with
    // the bridge as both interfaces); replies come back in; nothing else from another
    // bridge gets in; an internal network's traffic goes nowhere but its own bridge.
    let mut rules = format!(
        "add rule ip burrow forward iifname \"{br}\" oifname \"{br}\" accept\n\
         add rule ip burrow forward oifname \"{br}\" ct state established,related accept\n\
         add rule ip burrow forward oifname \"{br}\" drop\n"
    );
    if net.internal {
        rules.push_str(&format!("add rule ip burrow forward iifname \"{br}\" drop\n"));
    } else {
        rules.push_str(&format!("add rule ip burrow postrouting ip saddr {cidr} oifname != \"podman*\" masquerade\n"));
    }
    std::fs::create_dir_all(&nd).map_err(|e| format!("creating {}: {e}", nd.display()))?;
    std::fs::write(nd.join(RULES_FILE), rules).map_err(|e| format!("writing {}: {e}", nd.join(RULES_FILE).display()))?;
    apply_rules(ns, runroot)?;
    std::fs::write(nd.join(BRIDGE_FILE), marker).map_err(|e| format!("writing {}: {e}", nd.join(BRIDGE_FILE).display()))?;
    let dns = if net.dns_enabled { gw.to_string() } else { String::new() };
    std::fs::write(nd.join(GATEWAY_FILE), dns).map_err(|e| format!("writing {}: {e}", nd.join(GATEWAY_FILE).display()))?;
    if net.dns_enabled {
        wait_dns(runroot, gw);
    }
    Ok(())
}

/// Wakes the keeper to bind the new network's DNS socket, and waits (a second at most)
/// until it is bound, so the container's first query is answered.
fn wait_dns(runroot: &Path, gw: std::net::Ipv4Addr) {
    let Some(pid) = keeper(runroot) else { return };
    unsafe { libc::kill(pid, libc::SIGUSR1) };
    // /proc/PID/net/udp shows local addresses as little-endian hex, then the port.
    let want = format!("{:08X}:0035", u32::from_le_bytes(gw.octets()));
    for _ in 0..100 {
        let table = std::fs::read_to_string(format!("/proc/{pid}/net/udp")).unwrap_or_default();
        if table.contains(&want) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// The keeper: a new network namespace with loopback up; says ready on stdout, then
/// serves DNS until it is killed.
pub fn keeper_main(args: &[String]) -> ! {
    let Some(runroot) = args.first().map(PathBuf::from) else { std::process::exit(125) };
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
        std::process::exit(125);
    }
    if Netlink::open().and_then(|nl| nl.set_up("lo")).is_err() {
        std::process::exit(125);
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(b"1").and_then(|_| out.flush());
    drop(out);
    // stdout is the caller's pipe: close it so the caller isn't held.
    unsafe { libc::close(1) };
    super::dns::serve(&dir(&runroot))
}
