//! Published UDP ports: a small proxy process (forked by the monitor) that receives on the
//! host's address and port and relays each client's datagrams to the container's port
//! through a socket of its own inside the container's network namespace, and the replies
//! back. pasta's and slirp4netns's own UDP forwarding, as shipped in Debian 12, deliver
//! datagrams into the container but lose the replies (slirp4netns drops anything sent to
//! the host alias 10.0.2.2 under podman's default --disable-host-loopback).
//! The container sees each client as 127.0.0.1 with a port of the proxy's.

use std::net::{SocketAddr, UdpSocket};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, RawFd};
use std::time::{Duration, Instant};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};

use super::ports::PortMapping;

/// A client's conversation with the container: replies on `inner` go back to `client`.
struct Flow {
    outer: usize,
    client: SocketAddr,
    inner: UdpSocket,
    last: Instant,
}

const IDLE: Duration = Duration::from_secs(60);
const MAX_FLOWS: usize = 1024;

/// Binds the host side of every UDP mapping, then forks the proxy into `netns`.
/// Returns the proxy's pid.
pub fn start(maps: &[PortMapping], netns: BorrowedFd<'_>) -> Result<i32, String> {
    let mut outer: Vec<(UdpSocket, u16)> = Vec::new();
    for m in maps {
        for i in 0..m.range {
            let ip: std::net::IpAddr = if m.host_ip.is_empty() {
                std::net::Ipv4Addr::UNSPECIFIED.into()
            } else {
                m.host_ip.parse().map_err(|_| format!("invalid IP address {:?}", m.host_ip))?
            };
            let s = UdpSocket::bind((ip, m.host_port + i)).map_err(|e| {
                format!("rootlessport listen udp {}:{}: bind: {e}", m.host_ip, m.host_port + i)
            })?;
            outer.push((s, m.container_port + i));
        }
    }
    match unsafe { nix::unistd::fork() }.map_err(|e| format!("forking the UDP proxy: {e}"))? {
        nix::unistd::ForkResult::Parent { child } => Ok(child.as_raw()),
        nix::unistd::ForkResult::Child => {
            unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong) };
            // Keep only the namespace (as 3) and the sockets (4, 5, ...): the proxy must
            // not hold the monitor's pipes and logs.
            let mut keep = vec![netns.as_raw_fd()];
            keep.extend(outer.iter().map(|(s, _)| s.as_raw_fd()));
            if super::helper::arrange_fds(&keep).is_err() {
                unsafe { libc::_exit(1) };
            }
            let ports: Vec<u16> = outer.iter().map(|(_, p)| *p).collect();
            // Their fds were closed above; the sockets now live at 4, 5, ...
            std::mem::forget(outer);
            let outer: Vec<(UdpSocket, u16)> = ports
                .into_iter()
                .enumerate()
                .map(|(i, p)| (unsafe { UdpSocket::from_raw_fd(4 + i as RawFd) }, p))
                .collect();
            // stdio: somewhere harmless.
            if let Ok(null) = std::fs::OpenOptions::new().read(true).write(true).open("/dev/null") {
                for target in 0..3 {
                    unsafe { libc::dup2(null.as_raw_fd(), target) };
                }
            }
            let netns = unsafe { BorrowedFd::borrow_raw(3) };
            let code = match nix::sched::setns(netns, nix::sched::CloneFlags::CLONE_NEWNET) {
                Ok(()) => {
                    unsafe { libc::close(3) };
                    relay(&outer);
                    0
                }
                Err(_) => 1,
            };
            unsafe { libc::_exit(code) }
        }
    }
}

fn relay(outer: &[(UdpSocket, u16)]) {
    let mut flows: Vec<Flow> = Vec::new();
    let mut buf = vec![0u8; 65536];
    loop {
        let now = Instant::now();
        flows.retain(|f| now.duration_since(f.last) < IDLE);
        let mut fds: Vec<PollFd> = outer.iter().map(|(s, _)| PollFd::new(s.as_fd(), PollFlags::POLLIN)).collect();
        fds.extend(flows.iter().map(|f| PollFd::new(f.inner.as_fd(), PollFlags::POLLIN)));
        match poll(&mut fds, PollTimeout::from(10_000u16)) {
            Ok(0) => continue,
            Ok(_) => {}
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => return,
        }
        let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
        drop(fds);
        for (i, (s, ctr_port)) in outer.iter().enumerate() {
            if !ready[i] {
                continue;
            }
            let Ok((n, client)) = s.recv_from(&mut buf) else { continue };
            let idx = match flows.iter().position(|f| f.outer == i && f.client == client) {
                Some(x) => x,
                None => {
                    let Ok(inner) = UdpSocket::bind("127.0.0.1:0") else { continue };
                    if inner.connect(("127.0.0.1", *ctr_port)).is_err() {
                        continue;
                    }
                    if flows.len() >= MAX_FLOWS {
                        flows.remove(0);
                    }
                    flows.push(Flow { outer: i, client, inner, last: Instant::now() });
                    flows.len() - 1
                }
            };
            let f = &mut flows[idx];
            f.last = Instant::now();
            let _ = f.inner.send(&buf[..n]);
        }
        let first = outer.len();
        for (j, f) in flows.iter_mut().enumerate() {
            if !ready.get(first + j).copied().unwrap_or(false) {
                continue;
            }
            // A refused send (nobody listens yet) shows up here as an error: ignore it.
            while let Ok(n) = f.inner.recv(&mut buf) {
                let _ = outer[f.outer].0.send_to(&buf[..n], f.client);
                f.last = Instant::now();
                f.inner.set_nonblocking(true).ok();
            }
            f.inner.set_nonblocking(false).ok();
        }
    }
}
