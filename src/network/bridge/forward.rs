//! Published ports of containers on user-defined networks: a user-space forwarder in the
//! monitor (podman's rootlessport does the same job) accepts on the host and connects to
//! the container's bridge address from sockets opened inside the rootless namespace. The
//! container sees connections coming from its network's gateway.

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::network::ports::PortMapping;

/// The listening sockets; dropping the forwarder doesn't stop it, [`Forwarder::stop`] does.
pub struct Forwarder {
    fds: Vec<RawFd>,
    tcp: Vec<TcpListener>,
    udp: Vec<UdpSocket>,
}

impl Forwarder {
    /// Wakes the accept and receive loops with shutdown; they end and close the sockets.
    pub fn stop(self) {
        for fd in &self.fds {
            unsafe { libc::shutdown(*fd, libc::SHUT_RDWR) };
        }
        drop(self.tcp);
        drop(self.udp);
    }
}

/// Joins the namespace on the current thread (sockets opened afterwards are in it).
fn join(ns: &File) -> io::Result<()> {
    if unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    let _ = io::copy(&mut from, &mut to);
    let _ = to.shutdown(Shutdown::Write);
}

fn serve_tcp(l: TcpListener, ns: File, target: SocketAddr) {
    if join(&ns).is_err() {
        return;
    }
    while let Ok((client, _)) = l.accept() {
        std::thread::spawn(move || {
            let Ok(up) = TcpStream::connect_timeout(&target, Duration::from_secs(5)) else { return };
            let (Ok(c2), Ok(u2)) = (client.try_clone(), up.try_clone()) else { return };
            let t = std::thread::spawn(move || pipe(c2, u2));
            pipe(up, client);
            let _ = t.join();
        });
    }
}

fn serve_udp(s: UdpSocket, ns: File, target: SocketAddr) {
    if join(&ns).is_err() {
        return;
    }
    let peers: Arc<Mutex<HashMap<SocketAddr, UdpSocket>>> = Arc::default();
    let mut buf = [0u8; 65536];
    while let Ok((n, from)) = s.recv_from(&mut buf) {
        // shutdown() by stop wakes us with an empty read.
        if n == 0 {
            break;
        }
        let mut map = peers.lock().unwrap_or_else(|p| p.into_inner());
        if let std::collections::hash_map::Entry::Vacant(slot) = map.entry(from) {
            let Ok(up) = UdpSocket::bind("0.0.0.0:0") else { continue };
            if up.connect(target).is_err() {
                continue;
            }
            let _ = up.set_read_timeout(Some(Duration::from_secs(60)));
            let (Ok(back), Ok(reader)) = (s.try_clone(), up.try_clone()) else { continue };
            let peers2 = Arc::clone(&peers);
            std::thread::spawn(move || {
                let mut b = [0u8; 65536];
                while let Ok(n) = reader.recv(&mut b) {
                    if back.send_to(&b[..n], from).is_err() {
                        break;
                    }
                }
                peers2.lock().unwrap_or_else(|p| p.into_inner()).remove(&from);
            });
            slot.insert(up);
        }
        if let Some(up) = map.get(&from) {
            let _ = up.send(&buf[..n]);
        }
    }
}

/// Starts forwarding every published port to `target` (the container's first address).
pub fn start(maps: &[PortMapping], ns: &File, target: Ipv4Addr) -> Result<Forwarder, String> {
    crate::network::helper::check_ports(maps)?;
    let mut f = Forwarder { fds: Vec::new(), tcp: Vec::new(), udp: Vec::new() };
    // On a failure, the ports opened so far are closed again.
    match listen_all(&mut f, maps, ns, target) {
        Ok(()) => Ok(f),
        Err(e) => {
            f.stop();
            Err(e)
        }
    }
}

fn listen_all(f: &mut Forwarder, maps: &[PortMapping], ns: &File, target: Ipv4Addr) -> Result<(), String> {
    for m in maps {
        let host_ip = if m.host_ip.is_empty() { "0.0.0.0" } else { m.host_ip.as_str() };
        for i in 0..m.range.max(1) {
            let bind = format!("{}:{}", if host_ip.contains(':') { format!("[{host_ip}]") } else { host_ip.to_string() }, m.host_port + i);
            let to = SocketAddr::from((target, m.container_port + i));
            let ns = ns.try_clone().map_err(|e| format!("forwarding ports: {e}"))?;
            let err = |e: io::Error| format!("rootlessport listen {} {bind}: bind: {}", m.protocol, crate::error::errno_text(&e));
            if m.protocol == "udp" {
                let s = UdpSocket::bind(&bind).map_err(err)?;
                let c = s.try_clone().map_err(|e| format!("forwarding ports: {e}"))?;
                f.fds.push(s.as_raw_fd());
                f.udp.push(s);
                std::thread::spawn(move || serve_udp(c, ns, to));
            } else {
                let l = TcpListener::bind(&bind).map_err(err)?;
                let c = l.try_clone().map_err(|e| format!("forwarding ports: {e}"))?;
                f.fds.push(l.as_raw_fd());
                f.tcp.push(l);
                std::thread::spawn(move || serve_tcp(c, ns, to));
            }
        }
    }
    Ok(())
}
