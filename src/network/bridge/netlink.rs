//! The few NETLINK_ROUTE requests user-defined networks need, written by hand (no netlink
//! crate is vendored): create a bridge or a veth pair, set a link up, add an address or a
//! route, delete a link, find a link's index. A socket belongs to the network namespace it
//! was opened in, so [`Netlink::open_in`] opens it from a thread that joined that namespace.

use std::fs::File;
use std::io;
use std::net::Ipv4Addr;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

const RTM_NEWLINK: u16 = 16;
const RTM_DELLINK: u16 = 17;
const RTM_GETLINK: u16 = 18;
const RTM_NEWADDR: u16 = 20;
const RTM_NEWROUTE: u16 = 24;
const NLMSG_ERROR: u16 = 2;
const NLM_F_REQUEST: u16 = 1;
const NLM_F_ACK: u16 = 4;
const NLM_F_EXCL: u16 = 0x200;
const NLM_F_CREATE: u16 = 0x400;
const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_MASTER: u16 = 10;
const IFLA_LINKINFO: u16 = 18;
const IFLA_NET_NS_FD: u16 = 28;
const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
const VETH_INFO_PEER: u16 = 1;
const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const RTA_OIF: u16 = 4;
const RTA_GATEWAY: u16 = 5;
const NLA_F_NESTED: u16 = 0x8000;
const IFF_UP: u32 = 1;

/// A netlink message under construction: attributes are appended, nests are closed by
/// patching their length.
struct Msg(Vec<u8>);

impl Msg {
    fn new(kind: u16, flags: u16) -> Msg {
        let mut b = Vec::with_capacity(256);
        b.extend_from_slice(&0u32.to_ne_bytes());
        b.extend_from_slice(&kind.to_ne_bytes());
        b.extend_from_slice(&(flags | NLM_F_REQUEST | NLM_F_ACK).to_ne_bytes());
        b.extend_from_slice(&1u32.to_ne_bytes());
        b.extend_from_slice(&0u32.to_ne_bytes());
        Msg(b)
    }
    fn raw(&mut self, data: &[u8]) -> &mut Self {
        self.0.extend_from_slice(data);
        self.pad();
        self
    }
    fn pad(&mut self) {
        while !self.0.len().is_multiple_of(4) {
            self.0.push(0);
        }
    }
    /// ifinfomsg: family, type, index, flags, change.
    fn ifinfo(&mut self, index: i32, flags: u32, change: u32) -> &mut Self {
        let mut h = vec![0u8; 4];
        h.extend_from_slice(&index.to_ne_bytes());
        h.extend_from_slice(&flags.to_ne_bytes());
        h.extend_from_slice(&change.to_ne_bytes());
        self.raw(&h)
    }
    fn attr(&mut self, kind: u16, data: &[u8]) -> &mut Self {
        self.0.extend_from_slice(&((4 + data.len()) as u16).to_ne_bytes());
        self.0.extend_from_slice(&kind.to_ne_bytes());
        self.raw(data)
    }
    fn attr_str(&mut self, kind: u16, s: &str) -> &mut Self {
        let mut d = s.as_bytes().to_vec();
        d.push(0);
        self.attr(kind, &d)
    }
    fn attr_u32(&mut self, kind: u16, v: u32) -> &mut Self {
        self.attr(kind, &v.to_ne_bytes())
    }
    fn begin(&mut self, kind: u16) -> usize {
        let at = self.0.len();
        self.0.extend_from_slice(&0u16.to_ne_bytes());
        self.0.extend_from_slice(&(kind | NLA_F_NESTED).to_ne_bytes());
        at
    }
    fn end(&mut self, at: usize) {
        let len = (self.0.len() - at) as u16;
        self.0[at..at + 2].copy_from_slice(&len.to_ne_bytes());
    }
    fn finish(mut self) -> Vec<u8> {
        let len = self.0.len() as u32;
        self.0[0..4].copy_from_slice(&len.to_ne_bytes());
        self.0
    }
}

/// A NETLINK_ROUTE socket in one network namespace.
pub struct Netlink {
    fd: OwnedFd,
}

/// Runs `f` on a thread that joined the network namespace `ns` (the caller's threads
/// keep theirs).
pub fn in_netns<T: Send + 'static>(ns: &File, f: impl FnOnce() -> io::Result<T> + Send + 'static) -> io::Result<T> {
    let ns = ns.try_clone()?;
    std::thread::spawn(move || {
        if unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
            return Err(io::Error::last_os_error());
        }
        f()
    })
    .join()
    .map_err(|_| io::Error::other("a network namespace thread panicked"))?
}

impl Netlink {
    /// A socket in the caller's network namespace.
    pub fn open() -> io::Result<Netlink> {
        let fd = unsafe { libc::socket(libc::AF_NETLINK, libc::SOCK_RAW | libc::SOCK_CLOEXEC, libc::NETLINK_ROUTE) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Netlink { fd: unsafe { OwnedFd::from_raw_fd(fd) } })
    }

    /// A socket in the network namespace `ns`.
    pub fn open_in(ns: &File) -> io::Result<Netlink> {
        in_netns(ns, Netlink::open)
    }

    /// Sends one request and waits for its acknowledgement; returns the replies before it.
    fn request(&self, m: Msg) -> io::Result<Vec<Vec<u8>>> {
        let buf = m.finish();
        let n = unsafe { libc::send(self.fd.as_raw_fd(), buf.as_ptr().cast(), buf.len(), 0) };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        let mut replies = Vec::new();
        let mut rb = vec![0u8; 32768];
        loop {
            let n = unsafe { libc::recv(self.fd.as_raw_fd(), rb.as_mut_ptr().cast(), rb.len(), 0) };
            if n < 0 {
                return Err(io::Error::last_os_error());
            }
            let mut off = 0usize;
            let n = n as usize;
            while off + 16 <= n {
                let len = u32::from_ne_bytes(rb[off..off + 4].try_into().unwrap_or_default()) as usize;
                let kind = u16::from_ne_bytes(rb[off + 4..off + 6].try_into().unwrap_or_default());
                if len < 16 || off + len > n {
                    return Err(io::Error::other("malformed netlink reply"));
                }
                if kind == NLMSG_ERROR {
                    let code = i32::from_ne_bytes(rb[off + 16..off + 20].try_into().unwrap_or_default());
                    return if code == 0 { Ok(replies) } else { Err(io::Error::from_raw_os_error(-code)) };
                }
                replies.push(rb[off..off + len].to_vec());
                off += (len + 3) & !3;
            }
        }
    }

    /// The index of the link named `name`, if there is one.
    pub fn index(&self, name: &str) -> io::Result<Option<i32>> {
        let mut m = Msg::new(RTM_GETLINK, 0);
        m.ifinfo(0, 0, 0).attr_str(IFLA_IFNAME, name);
        match self.request(m) {
            Ok(replies) => Ok(replies
                .first()
                .filter(|r| r.len() >= 24)
                .map(|r| i32::from_ne_bytes(r[20..24].try_into().unwrap_or_default()))),
            Err(e) if e.raw_os_error() == Some(libc::ENODEV) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn must_index(&self, name: &str) -> io::Result<i32> {
        self.index(name)?.ok_or_else(|| io::Error::other(format!("no network interface {name}")))
    }

    /// Creates a bridge (an existing one is left as is).
    pub fn add_bridge(&self, name: &str, mtu: Option<u32>) -> io::Result<()> {
        let mut m = Msg::new(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
        m.ifinfo(0, 0, 0).attr_str(IFLA_IFNAME, name);
        if let Some(mtu) = mtu {
            m.attr_u32(IFLA_MTU, mtu);
        }
        let li = m.begin(IFLA_LINKINFO);
        m.attr_str(IFLA_INFO_KIND, "bridge");
        m.end(li);
        match self.request(m) {
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => Ok(()),
            r => r.map(|_| ()),
        }
    }

    /// Creates a veth pair: `name` here, enslaved to `master`; `peer` in the namespace
    /// `peer_ns` (an fd), with the MAC address `peer_mac` when given.
    pub fn add_veth(&self, name: &str, master: &str, peer: &str, peer_ns: RawFd, peer_mac: Option<[u8; 6]>) -> io::Result<()> {
        let master = self.must_index(master)?;
        let mut m = Msg::new(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
        m.ifinfo(0, 0, 0).attr_str(IFLA_IFNAME, name).attr_u32(IFLA_MASTER, master as u32);
        let li = m.begin(IFLA_LINKINFO);
        m.attr_str(IFLA_INFO_KIND, "veth");
        let data = m.begin(IFLA_INFO_DATA);
        let p = m.begin(VETH_INFO_PEER);
        m.ifinfo(0, 0, 0).attr_str(IFLA_IFNAME, peer).attr_u32(IFLA_NET_NS_FD, peer_ns as u32);
        if let Some(mac) = peer_mac {
            m.attr(IFLA_ADDRESS, &mac);
        }
        m.end(p);
        m.end(data);
        m.end(li);
        self.request(m).map(|_| ())
    }

    pub fn set_up(&self, name: &str) -> io::Result<()> {
        let idx = self.must_index(name)?;
        let mut m = Msg::new(RTM_NEWLINK, 0);
        m.ifinfo(idx, IFF_UP, IFF_UP);
        self.request(m).map(|_| ())
    }

    /// Deletes a link (and with a veth, its peer); a missing one is not an error.
    pub fn delete(&self, name: &str) -> io::Result<()> {
        let Some(idx) = self.index(name)? else { return Ok(()) };
        let mut m = Msg::new(RTM_DELLINK, 0);
        m.ifinfo(idx, 0, 0);
        match self.request(m) {
            Err(e) if e.raw_os_error() == Some(libc::ENODEV) => Ok(()),
            r => r.map(|_| ()),
        }
    }

    /// Adds `ip/prefix` to the link (an address it has already is fine).
    pub fn add_addr(&self, name: &str, ip: Ipv4Addr, prefix: u8) -> io::Result<()> {
        let idx = self.must_index(name)?;
        let mut m = Msg::new(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
        let mut h = vec![libc::AF_INET as u8, prefix, 0, 0];
        h.extend_from_slice(&(idx as u32).to_ne_bytes());
        m.raw(&h).attr(IFA_LOCAL, &ip.octets()).attr(IFA_ADDRESS, &ip.octets());
        match self.request(m) {
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => Ok(()),
            r => r.map(|_| ()),
        }
    }

    /// Adds the default route through `gateway` on the link.
    pub fn add_default_route(&self, name: &str, gateway: Ipv4Addr) -> io::Result<()> {
        let idx = self.must_index(name)?;
        let mut m = Msg::new(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
        // family, dst_len, src_len, tos, table main, protocol boot, scope universe, unicast; flags
        m.raw(&[libc::AF_INET as u8, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0]);
        m.attr(RTA_GATEWAY, &gateway.octets()).attr_u32(RTA_OIF, idx as u32);
        match self.request(m) {
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => Ok(()),
            r => r.map(|_| ()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_layout() {
        let mut m = Msg::new(RTM_NEWLINK, NLM_F_CREATE);
        m.ifinfo(0, 0, 0).attr_str(IFLA_IFNAME, "br0");
        let li = m.begin(IFLA_LINKINFO);
        m.attr_str(IFLA_INFO_KIND, "bridge");
        m.end(li);
        let b = m.finish();
        // header 16 + ifinfomsg 16 + "br0\0" attr 8 + linkinfo (4 + "bridge\0" attr 12 padded)
        assert_eq!(b.len(), 16 + 16 + 8 + 4 + 12);
        assert_eq!(u32::from_ne_bytes(b[0..4].try_into().unwrap()) as usize, b.len());
        assert_eq!(u16::from_ne_bytes(b[40..42].try_into().unwrap()), 16);
        assert_eq!(u16::from_ne_bytes(b[42..44].try_into().unwrap()), IFLA_LINKINFO | NLA_F_NESTED);
        assert_eq!(&b[48..54], b"bridge");
    }
}
