//! The user-mode network helpers the monitor starts for a container: pasta (the default)
//! or slirp4netns, attached to the container's new network namespace while its init is
//! still setting up the root filesystem, and stopped when the container exits.
//!
//! With published ports pasta daemonizes once it is fully started; without, it runs in the
//! foreground and the container starts as soon as its routes are there (start_pasta_early).
//! Either way its pid goes to `pasta.pid` in the run dir, so that a reconcile can stop it
//! when the monitor was killed. slirp4netns stays the monitor's child and exits by itself
//! when the monitor's end of its exit pipe closes.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use super::mode::{NetMode, SlirpOptions};
use super::ports::{self, PortMapping};

/// pasta's pid file in the container's run dir.
pub const PASTA_PID: &str = "pasta.pid";
/// slirp4netns's API socket in the container's run dir (port forwarding requests).
pub const SLIRP_SOCKET: &str = "slirp4netns.sock";
/// The address in the container that pasta's DNS forwarder answers on (podman's choice).
pub const PASTA_DNS: &str = "169.254.1.1";
/// slirp4netns's built-in DNS and the container's address on its default 10.0.2.0/24.
pub const SLIRP_DNS: &str = "10.0.2.3";
pub const SLIRP_GUEST: &str = "10.0.2.100";
pub const SLIRP_HOST: &str = "10.0.2.2";

/// The user-mode network helper serving a container.
pub enum Helper {
    /// `stderr`: the read end of a foreground pasta's stderr, kept open while it runs.
    Pasta { pid: i32, stderr: Option<OwnedFd> },
    Slirp { child: Child, exit: OwnedFd },
    /// User-defined networks: veths, DNS entries and the port forwarder (bridge/attach.rs).
    Bridge(super::bridge::attach::Attached),
}

/// What runs for a container's network: the helper, and the UDP proxy for published UDP
/// ports (pasta's and slirp4netns's UDP forwarding in Debian 12 lose the replies).
pub struct Running {
    pub helper: Helper,
    pub udp_proxy: Option<i32>,
}

/// Kills a helper and waits (up to a second) until it is gone, so that its ports are free
/// when the container is reported stopped. The helpers keep no state worth a SIGTERM.
fn stop_pid(pid: i32) {
    let pidfd = crate::runtime::pidfd_open(pid);
    unsafe { libc::kill(pid, libc::SIGKILL) };
    if let Some(fd) = pidfd {
        crate::runtime::pidfd_wait(&fd, 1000);
    }
    // With the monitor as subreaper the helper (or pasta's daemon) is our child: reap it.
    unsafe { libc::waitpid(pid, std::ptr::null_mut(), libc::WNOHANG) };
}

impl Running {
    /// Starts stopping the helpers without waiting (see [`Running::stop`]).
    pub fn kill(&self) {
        for pid in self.udp_proxy.iter().copied().chain(match &self.helper {
            Helper::Pasta { pid, .. } => Some(*pid),
            Helper::Slirp { child, .. } => Some(child.id() as i32),
            Helper::Bridge(_) => None,
        }) {
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }

    /// Stops the helpers and waits for them (the container's namespace is gone or going).
    pub fn stop(self) {
        if let Some(pid) = self.udp_proxy {
            stop_pid(pid);
        }
        match self.helper {
            Helper::Pasta { pid, .. } => stop_pid(pid),
            Helper::Slirp { mut child, exit } => {
                drop(exit);
                let _ = child.wait();
            }
            Helper::Bridge(a) => a.stop(),
        }
    }
}

/// The error when a helper is missing, with the package that has it.
pub fn missing_program(name: &str) -> String {
    let package = if name == "pasta" { "passt" } else { name };
    format!(
        "could not find {name}, the network namespace can't be configured: exec: \"{name}\": executable file not found in $PATH (install the {package} package, or choose another mode with --network)"
    )
}

/// Checks every published host port is free, with the message podman gives.
pub fn check_ports(maps: &[PortMapping]) -> Result<(), String> {
    for m in maps {
        for host_port in (0..m.range).map(|i| m.host_port + i) {
            // A helper of a container that just stopped may still be letting go of the port.
            let mut free = ports::port_free(&m.host_ip, host_port, &m.protocol);
            for _ in 0..50 {
                match &free {
                    Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        free = ports::port_free(&m.host_ip, host_port, &m.protocol);
                    }
                    _ => break,
                }
            }
            if let Err(e) = free {
                let what = if e.kind() == std::io::ErrorKind::AddrInUse {
                    "address already in use".to_string()
                } else if e.kind() == std::io::ErrorKind::PermissionDenied {
                    "permission denied (ports below 1024 need net.ipv4.ip_unprivileged_port_start lowered)".to_string()
                } else {
                    e.to_string()
                };
                let shown = ports::shown_ip(&m.host_ip);
                return Err(format!("rootlessport listen {} {shown}:{host_port}: bind: {what}", m.protocol));
            }
        }
    }
    Ok(())
}

/// In a forked child (before exec, or the UDP proxy): the given fds become 3, 4, ... and
/// every other fd above 2 is closed. Only async-signal-safe calls.
pub(super) fn arrange_fds(fds: &[RawFd]) -> std::io::Result<()> {
    let mut high = Vec::with_capacity(fds.len());
    for fd in fds {
        let h = unsafe { libc::fcntl(*fd, libc::F_DUPFD, 100) };
        if h < 0 {
            return Err(std::io::Error::last_os_error());
        }
        high.push(h);
    }
    for (i, h) in high.iter().enumerate() {
        if unsafe { libc::dup2(*h, 3 + i as RawFd) } < 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    unsafe { libc::syscall(libc::SYS_close_range, 3 + fds.len() as u32, u32::MAX, 0u32) };
    Ok(())
}

/// Starts the helper for `mode` against the namespace `netns` (an fd the monitor opened).
pub fn start(mode: &NetMode, maps: &[PortMapping], netns: BorrowedFd<'_>, run_dir: &Path) -> Result<Option<Running>, String> {
    check_ports(maps)?;
    let (udp, tcp): (Vec<PortMapping>, Vec<PortMapping>) = maps.iter().cloned().partition(|m| m.protocol == "udp");
    let helper = match mode {
        NetMode::Pasta { args } => start_pasta(args, &tcp, netns, run_dir)?,
        NetMode::Slirp4netns { opts } => start_slirp(opts, &tcp, netns, run_dir)?,
        _ => return Ok(None),
    };
    let udp_proxy = if udp.is_empty() {
        None
    } else {
        match super::udp::start(&udp, netns) {
            Ok(pid) => Some(pid),
            Err(e) => {
                Running { helper, udp_proxy: None }.stop();
                return Err(e);
            }
        }
    };
    Ok(Some(Running { helper, udp_proxy }))
}

/// pasta's arguments: podman's defaults (no automatic forwarding either way, the gateway
/// not mapped to the host, DNS forwarded from 169.254.1.1), the published ports, then the
/// user's own options, which may override them.
pub fn pasta_args(user: &[String], maps: &[PortMapping], pid_file: &Path) -> Vec<String> {
    let mut a: Vec<String> = vec!["--config-net".into(), "--dns-forward".into(), PASTA_DNS.into()];
    let user_has = |opts: &[&str]| user.iter().any(|u| opts.contains(&u.as_str()));
    let mut tcp = Vec::new();
    let mut udp = Vec::new();
    for m in maps {
        let list = if m.protocol == "udp" { &mut udp } else { &mut tcp };
        list.push(ports::pasta_spec(m));
    }
    for (flag, long, list) in [("-t", "--tcp-ports", tcp), ("-u", "--udp-ports", udp)] {
        if list.is_empty() {
            if !user_has(&[flag, long]) {
                a.extend([flag.to_string(), "none".to_string()]);
            }
        } else {
            for spec in list {
                a.extend([flag.to_string(), spec]);
            }
        }
    }
    for (flag, long) in [("-T", "--tcp-ns"), ("-U", "--udp-ns")] {
        if !user_has(&[flag, long]) {
            a.extend([flag.to_string(), "none".to_string()]);
        }
    }
    // podman's default is --no-map-gw; `--map-gw` (newer pasta's option) turns it off.
    if !user_has(&["--map-gw"]) {
        a.push("--no-map-gw".into());
    }
    a.extend(["--quiet".into(), "--pid".into(), pid_file.display().to_string()]);
    a.extend(user.iter().filter(|u| *u != "--map-gw").cloned());
    a
}

fn start_pasta(user: &[String], maps: &[PortMapping], netns: BorrowedFd<'_>, run_dir: &Path) -> Result<Helper, String> {
    let exe = crate::userns::find_in_path("pasta").ok_or_else(|| missing_program("pasta"))?;
    let pid_file = run_dir.join(PASTA_PID);
    let _ = std::fs::remove_file(&pid_file);
    let mut args = pasta_args(user, maps, &pid_file);
    if !crate::userns::is_rootless() {
        // Real root: pasta would switch to "nobody", who can't use the namespace fd.
        args.extend(["--runas".into(), "0".into()]);
    }
    // Without published ports nothing outside waits for pasta's listeners: the container
    // may start as soon as its interface and routes are there (see start_pasta_early).
    let routes = if maps.is_empty() { expected_routes(user) } else { Vec::new() };
    let watch = if routes.is_empty() { None } else { route_watch(netns) };
    if watch.is_some() {
        args.push("--foreground".into());
    }
    // The namespace is passed as an open fd: pasta drops its capabilities before opening
    // the path, and /proc/PID/ns/net of a process with more capabilities is then refused.
    args.extend(["--netns".into(), "/proc/self/fd/3".into()]);
    let fd = netns.as_raw_fd();
    let mut cmd = Command::new(&exe);
    cmd.args(&args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    let foreground = watch.is_some();
    unsafe {
        cmd.pre_exec(move || {
            if foreground {
                // Our child for good: it must not outlive a killed monitor.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong);
            }
            arrange_fds(&[fd])
        })
    };
    let mut child = cmd.spawn().map_err(|e| format!("starting pasta: {e}"))?;
    if let Some(nl) = watch {
        return start_pasta_early(child, &nl, routes, &pid_file);
    }
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    let status = child.wait().map_err(|e| format!("waiting for pasta: {e}"))?;
    if !status.success() {
        return Err(pasta_failed(status, &err));
    }
    let pid = std::fs::read_to_string(&pid_file)
        .ok()
        .and_then(|s| s.trim().parse::<i32>().ok())
        .ok_or_else(|| "pasta started but wrote no pid file".to_string())?;
    Ok(Helper::Pasta { pid, stderr: None })
}

fn pasta_failed(status: std::process::ExitStatus, err: &str) -> String {
    // Its first lines say what was wrong (a usage text may follow).
    let msg: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("Failed to send") && !l.trim().is_empty())
        .take_while(|l| !l.starts_with("Usage:"))
        .collect();
    format!(
        "pasta failed with exit code {}: {}",
        status.code().unwrap_or(-1),
        if msg.is_empty() { "no message".to_string() } else { msg.join("; ") }
    )
}

/// How long pasta may take to configure the namespace before the container starts anyway
/// (pasta alive but a route we expected never came: the host's routes changed meanwhile).
const ROUTES_TIMEOUT_MS: i32 = 5000;

/// pasta in the foreground, the container released once pasta has configured its interface:
/// when the default routes we expect (those of the host that pasta copies) appear in the
/// namespace. pasta spends most of its ~30 ms start after that (socket and pipe pools,
/// buffers); packets the container sends meanwhile wait in the tap queue. pasta dying
/// before the routes appear is the start failure, with its message.
fn start_pasta_early(mut child: Child, nl: &netlink_sys::Socket, mut routes: Vec<u8>, pid_file: &Path) -> Result<Helper, String> {
    let pid = child.id() as i32;
    // reap_orphan finds it by this file (pasta writes the same pid there later itself).
    let _ = std::fs::write(pid_file, format!("{pid}\n"));
    let pidfd = crate::runtime::pidfd_open(pid);
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(ROUTES_TIMEOUT_MS as u64);
    while !routes.is_empty() {
        let left = deadline.saturating_duration_since(std::time::Instant::now()).as_millis() as i32;
        if left == 0 {
            break;
        }
        let mut fds = [
            libc::pollfd { fd: nl.as_raw_fd(), events: libc::POLLIN, revents: 0 },
            libc::pollfd { fd: pidfd.as_ref().map_or(-1, |f| f.as_raw_fd()), events: libc::POLLIN, revents: 0 },
        ];
        let n = unsafe { libc::poll(fds.as_mut_ptr(), if pidfd.is_some() { 2 } else { 1 }, left) };
        if n < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            break;
        }
        if fds[1].revents != 0 {
            break;
        }
        if fds[0].revents != 0 {
            let mut buf = [0u8; 8192];
            let got = unsafe { libc::recv(nl.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), libc::MSG_DONTWAIT) };
            if got > 0 {
                for family in new_default_routes(&buf[..got as usize]) {
                    routes.retain(|f| *f != family);
                }
            }
        }
    }
    drop(pidfd);
    if let Ok(Some(status)) = child.try_wait() {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        let _ = std::fs::remove_file(pid_file);
        return Err(pasta_failed(status, &err));
    }
    // The read end stays open with the helper: a warning pasta writes later must not
    // meet a closed pipe. The child is reaped by the monitor (its subreaper loop) or stop().
    let stderr = child.stderr.take().map(OwnedFd::from);
    drop(child);
    Ok(Helper::Pasta { pid, stderr })
}

/// The address families whose default route pasta will copy into the namespace: the
/// host's (IPv4 from /proc/net/route, IPv6 from /proc/net/ipv6_route, loopback ignored),
/// less what the user's `-4`/`-6` turn off.
fn expected_routes(user: &[String]) -> Vec<u8> {
    let has = |o: &[&str]| user.iter().any(|u| o.contains(&u.as_str()));
    let v4 = std::fs::read_to_string("/proc/net/route").map(|t| host_has_default_v4(&t)).unwrap_or(false);
    let v6 = std::fs::read_to_string("/proc/net/ipv6_route").map(|t| host_has_default_v6(&t)).unwrap_or(false);
    let mut out = Vec::new();
    if v4 && !has(&["-6", "--ipv6-only"]) {
        out.push(libc::AF_INET as u8);
    }
    if v6 && !has(&["-4", "--ipv4-only"]) {
        out.push(libc::AF_INET6 as u8);
    }
    out
}

fn host_has_default_v4(route: &str) -> bool {
    route.lines().skip(1).any(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        f.len() > 7 && f[0] != "lo" && f[1] == "00000000" && f[7] == "00000000"
    })
}

fn host_has_default_v6(route: &str) -> bool {
    route.lines().any(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        // dst, dst prefix length, ..., flags (RTF_REJECT 0x200 marks an unreachable route), device
        f.len() == 10
            && f[0].bytes().all(|b| b == b'0')
            && f[1] == "00"
            && f[9] != "lo"
            && u32::from_str_radix(f[8], 16).is_ok_and(|fl| fl & 0x200 == 0)
    })
}

/// A route-notification netlink socket opened inside `netns` (the socket stays bound to
/// the namespace it was made in). None if that isn't possible: then pasta is waited for.
fn route_watch(netns: BorrowedFd<'_>) -> Option<netlink_sys::Socket> {
    let groups = (libc::RTMGRP_IPV4_ROUTE | libc::RTMGRP_IPV6_ROUTE) as u32;
    let new = || netlink_sys::Socket::new(netlink_sys::protocols::NETLINK_ROUTE);
    let mut sock = super::bridge::netlink::in_netns(netns, new).ok()?;
    sock.bind(&netlink_sys::SocketAddr::new(0, groups)).ok()?;
    Some(sock)
}

/// The families of the default routes (RTM_NEWROUTE, destination length 0) announced in
/// one netlink datagram.
fn new_default_routes(buf: &[u8]) -> Vec<u8> {
    use netlink_packet_route::route::{RouteHeader, RouteType};
    let mut out = Vec::new();
    let mut off = 0;
    while off < buf.len() {
        let Ok(msg) = netlink_packet_core::NetlinkBuffer::new_checked(&buf[off..]) else { break };
        if msg.message_type() == libc::RTM_NEWROUTE {
            if let Ok(h) = RouteHeader::parse(msg.payload()) {
                if h.destination_prefix_length == 0 && h.kind == RouteType::Unicast {
                    out.push(u8::from(h.address_family));
                }
            }
        }
        off += (msg.length() as usize + 3) & !3;
    }
    out
}

/// slirp4netns's arguments with podman's defaults (host loopback not reachable, MTU 65520, IPv6).
pub fn slirp_args(o: &SlirpOptions, api_socket: &Path) -> Vec<String> {
    let mut a = vec!["--configure".to_string(), format!("--mtu={}", o.mtu)];
    if !o.allow_host_loopback {
        a.push("--disable-host-loopback".into());
    }
    if o.enable_ipv6 {
        a.push("--enable-ipv6".into());
    }
    if !o.cidr.is_empty() {
        a.push(format!("--cidr={}", o.cidr));
    }
    if !o.outbound_addr.is_empty() {
        a.push(format!("--outbound-addr={}", o.outbound_addr));
    }
    if !o.outbound_addr6.is_empty() {
        a.push(format!("--outbound-addr6={}", o.outbound_addr6));
    }
    a.extend(["--ready-fd=4".into(), "--exit-fd=5".into(), format!("--api-socket={}", api_socket.display())]);
    a.extend(["--netns-type=path".into(), "/proc/self/fd/3".into(), "tap0".into()]);
    a
}

fn start_slirp(o: &SlirpOptions, maps: &[PortMapping], netns: BorrowedFd<'_>, run_dir: &Path) -> Result<Helper, String> {
    let exe = crate::userns::find_in_path("slirp4netns").ok_or_else(|| missing_program("slirp4netns"))?;
    let _ = std::fs::remove_file(run_dir.join(SLIRP_SOCKET));
    let (ready_r, ready_w) = pipe()?;
    let (exit_r, exit_w) = pipe()?;
    let fds = [netns.as_raw_fd(), ready_w.as_raw_fd(), exit_r.as_raw_fd()];
    let mut cmd = Command::new(&exe);
    // Named relative to its working directory: the absolute path may not fit sockaddr_un.
    cmd.current_dir(run_dir);
    cmd.args(slirp_args(o, Path::new(SLIRP_SOCKET))).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    unsafe { cmd.pre_exec(move || arrange_fds(&fds)) };
    let mut child = cmd.spawn().map_err(|e| format!("starting slirp4netns: {e}"))?;
    drop(ready_w);
    drop(exit_r);
    let mut ready = [0u8; 1];
    let n = std::fs::File::from(ready_r).read(&mut ready).unwrap_or(0);
    if n != 1 {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        let status = child.wait().ok().and_then(|s| s.code()).unwrap_or(-1);
        return Err(format!("slirp4netns failed with exit code {status}: {}", err.trim().replace('\n', "; ")));
    }
    // Its stderr is no longer read: don't let a full pipe block it.
    drop(child.stderr.take());
    let helper = Helper::Slirp { child, exit: exit_w };
    for m in maps {
        for i in 0..m.range {
            if let Err(e) = slirp_forward(run_dir, m, i) {
                Running { helper, udp_proxy: None }.stop();
                return Err(e);
            }
        }
    }
    Ok(helper)
}

/// One `add_hostfwd` request on slirp4netns's API socket.
/// Asks slirp4netns, through its API socket in `run_dir`, to forward one host port.
fn slirp_forward(run_dir: &Path, m: &PortMapping, i: u16) -> Result<(), String> {
    let host_addr = if m.host_ip.is_empty() { "0.0.0.0" } else { m.host_ip.as_str() };
    let req = serde_json::json!({
        "execute": "add_hostfwd",
        "arguments": {"proto": m.protocol, "host_addr": host_addr, "host_port": m.host_port + i, "guest_port": m.container_port + i}
    });
    let mut s = crate::storage::paths::short_socket_path(run_dir, SLIRP_SOCKET)
        .and_then(|(_dir, p)| std::os::unix::net::UnixStream::connect(p))
        .map_err(|e| format!("connecting to slirp4netns: {e}"))?;
    s.write_all(req.to_string().as_bytes()).map_err(|e| format!("talking to slirp4netns: {e}"))?;
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut reply = String::new();
    let _ = s.read_to_string(&mut reply);
    let v: serde_json::Value = serde_json::from_str(&reply).unwrap_or_default();
    if let Some(e) = v.get("error") {
        return Err(format!(
            "slirp4netns could not publish {host_addr}:{}: {}",
            m.host_port + i,
            e.get("desc").and_then(|d| d.as_str()).unwrap_or("unknown error")
        ));
    }
    Ok(())
}

fn pipe() -> Result<(OwnedFd, OwnedFd), String> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| format!("creating a pipe: {e}"))
}

/// After a monitor was killed: stop the pasta it left (slirp4netns exits by itself).
pub fn reap_orphan(run_dir: &Path) {
    let pid_file = run_dir.join(PASTA_PID);
    let Some(pid) = std::fs::read_to_string(&pid_file).ok().and_then(|s| s.trim().parse::<i32>().ok()) else {
        return;
    };
    // Only if that pid is still our pasta (its command line names this pid file).
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let ours = cmdline.split(|b| *b == 0).any(|a| a == pid_file.as_os_str().as_encoded_bytes());
    if ours {
        unsafe { libc::kill(pid, libc::SIGTERM) };
    }
    let _ = std::fs::remove_file(&pid_file);
}

/// The helper's pid file is gone once the container's network is down.
pub fn forget(run_dir: &Path) {
    let _ = std::fs::remove_file(run_dir.join(PASTA_PID));
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_default_routes_are_read_from_proc() {
        let v4 = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
                  eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n\
                  eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
        assert!(host_has_default_v4(v4));
        let only_subnet = "Iface\tDestination\tGateway\n eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
        assert!(!host_has_default_v4(only_subnet));
        let v6 = "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0\n\
                  00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0\n";
        assert!(host_has_default_v6(v6));
        // The kernel's unreachable default on lo (RTF_REJECT) is no route out.
        let unreachable = "00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n";
        assert!(!host_has_default_v6(unreachable));
        assert_eq!(expected_routes(&["-4".into()]).contains(&(libc::AF_INET6 as u8)), false);
        assert_eq!(expected_routes(&["--ipv6-only".into()]).contains(&(libc::AF_INET as u8)), false);
    }

    fn route_msg(kind: u16, family: u8, dst_len: u8, rtype: u8) -> Vec<u8> {
        let mut m = Vec::new();
        m.extend_from_slice(&(28u32 + 8).to_ne_bytes());
        m.extend_from_slice(&kind.to_ne_bytes());
        m.extend_from_slice(&0u16.to_ne_bytes());
        m.extend_from_slice(&[0u8; 8]);
        m.extend_from_slice(&[family, dst_len, 0, 0, 254, 4, 0, rtype]);
        m.extend_from_slice(&0u32.to_ne_bytes());
        m.extend_from_slice(&[8, 0, 1, 0, 10, 0, 0, 0]); // one attribute
        m
    }

    #[test]
    fn default_routes_are_found_in_notifications() {
        let mut buf = route_msg(libc::RTM_NEWROUTE, libc::AF_INET as u8, 24, libc::RTN_UNICAST);
        buf.extend(route_msg(libc::RTM_NEWROUTE, libc::AF_INET as u8, 0, libc::RTN_UNICAST));
        assert_eq!(new_default_routes(&buf), vec![libc::AF_INET as u8]);
        let del = route_msg(libc::RTM_DELROUTE, libc::AF_INET6 as u8, 0, libc::RTN_UNICAST);
        assert!(new_default_routes(&del).is_empty());
        let unreachable = route_msg(libc::RTM_NEWROUTE, libc::AF_INET6 as u8, 0, libc::RTN_UNREACHABLE);
        assert!(new_default_routes(&unreachable).is_empty());
        // A truncated message ends the walk instead of reading past the buffer.
        let mut cut = route_msg(libc::RTM_NEWROUTE, libc::AF_INET6 as u8, 0, libc::RTN_UNICAST);
        cut.truncate(20);
        assert!(new_default_routes(&cut).is_empty());
    }
}
