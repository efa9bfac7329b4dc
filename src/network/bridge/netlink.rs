//! The few NETLINK_ROUTE requests user-defined networks need: create a bridge or a veth
//! pair, set a link up, add an address or a route, delete a link, find a link's index.
//! Requests are built by `netlink-packet-route` (header by `netlink-packet-core`) and sent
//! on a blocking `netlink-sys` socket (no async runtime: the monitor forks). Replies are
//! read with the crates' buffer views for just what is needed (the ack's error code, a
//! link's index): decoding them as whole `RouteNetlinkMessage`s would link every rtnetlink
//! parser (traffic control, neighbours, ...) into the binary. A socket belongs to the
//! network namespace it was opened in, so [`Netlink::open_in`] opens it from a thread that
//! joined that namespace.

use std::fs::File;
use std::io;
use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::{AsRawFd, RawFd};

use netlink_packet_core::{
    Emitable, ErrorBuffer, NetlinkBuffer, NetlinkHeader, NLMSG_ERROR, NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL,
    NLM_F_REQUEST,
};
use netlink_packet_route::address::{AddressAttribute, AddressMessage};
use netlink_packet_route::link::{
    InfoData, InfoKind, InfoVeth, LinkAttribute, LinkFlags, LinkHeader, LinkInfo, LinkMessage,
};
use netlink_packet_route::route::{
    RouteAddress, RouteAttribute, RouteHeader, RouteMessage, RouteProtocol, RouteScope, RouteType,
};
use netlink_packet_route::AddressFamily;
use netlink_sys::{protocols::NETLINK_ROUTE, Socket};

/// A NETLINK_ROUTE socket in one network namespace.
pub struct Netlink {
    sock: Socket,
}

/// Runs `f` on a thread that joined the network namespace `ns` (the caller's threads
/// keep theirs).
pub fn in_netns<T: Send + 'static>(
    ns: impl std::os::fd::AsFd,
    f: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> io::Result<T> {
    let ns = ns.as_fd().try_clone_to_owned()?;
    std::thread::spawn(move || {
        if unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
            return Err(io::Error::last_os_error());
        }
        f()
    })
    .join()
    .map_err(|_| io::Error::other("a network namespace thread panicked"))?
}

/// A request of type `kind` (RTM_*) carrying `body`: `flags` beside REQUEST and ACK (every
/// request is acknowledged).
fn request_bytes(kind: u16, flags: u16, body: &impl Emitable) -> Vec<u8> {
    let mut header = NetlinkHeader::default();
    header.message_type = kind;
    header.flags = NLM_F_REQUEST | NLM_F_ACK | flags;
    header.sequence_number = 1;
    header.length = (header.buffer_len() + body.buffer_len()) as u32;
    let mut buf = vec![0u8; header.length as usize];
    let (h, b) = buf.split_at_mut(header.buffer_len());
    header.emit(h);
    body.emit(b);
    buf
}

fn link_msg(index: u32, attributes: Vec<LinkAttribute>) -> LinkMessage {
    let mut m = LinkMessage::default();
    m.header.index = index;
    m.attributes = attributes;
    m
}

/// The RTM_NEWLINK that creates a bridge named `name`.
fn bridge_request(name: &str, mtu: Option<u32>) -> Vec<u8> {
    let mut attrs = vec![LinkAttribute::IfName(name.to_string())];
    if let Some(mtu) = mtu {
        attrs.push(LinkAttribute::Mtu(mtu));
    }
    attrs.push(LinkAttribute::LinkInfo(vec![LinkInfo::Kind(InfoKind::Bridge)]));
    request_bytes(libc::RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &link_msg(0, attrs))
}

/// The RTM_NEWLINK that creates a veth pair (see [`Netlink::add_veth`]).
fn veth_request(name: &str, master: u32, peer: &str, peer_ns: RawFd, peer_mac: Option<[u8; 6]>) -> Vec<u8> {
    let mut peer_attrs = vec![LinkAttribute::IfName(peer.to_string()), LinkAttribute::NetNsFd(peer_ns)];
    if let Some(mac) = peer_mac {
        peer_attrs.push(LinkAttribute::Address(mac.to_vec()));
    }
    let info =
        vec![LinkInfo::Kind(InfoKind::Veth), LinkInfo::Data(InfoData::Veth(InfoVeth::Peer(link_msg(0, peer_attrs))))];
    let attrs =
        vec![LinkAttribute::IfName(name.to_string()), LinkAttribute::Controller(master), LinkAttribute::LinkInfo(info)];
    request_bytes(libc::RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &link_msg(0, attrs))
}

fn errno_is(e: &io::Error, errno: i32) -> bool {
    e.raw_os_error() == Some(errno)
}

impl Netlink {
    /// A socket in the caller's network namespace.
    pub fn open() -> io::Result<Netlink> {
        Ok(Netlink { sock: Socket::new(NETLINK_ROUTE)? })
    }

    /// A socket in the network namespace `ns`.
    pub fn open_in(ns: &File) -> io::Result<Netlink> {
        in_netns(ns, Netlink::open)
    }

    /// Sends one request and waits for its acknowledgement; returns the indices of the
    /// links in the replies before it (RTM_GETLINK's answer).
    fn request(&self, req: &[u8]) -> io::Result<Vec<u32>> {
        let malformed = |e| io::Error::other(format!("malformed netlink reply: {e}"));
        self.sock.send(req, 0)?;
        let mut links = Vec::new();
        let mut rb: Vec<u8> = Vec::with_capacity(32768);
        loop {
            rb.clear();
            self.sock.recv(&mut rb, 0)?;
            let mut off = 0usize;
            while off < rb.len() {
                let msg = NetlinkBuffer::new_checked(&rb[off..]).map_err(malformed)?;
                match msg.message_type() {
                    NLMSG_ERROR => {
                        return match ErrorBuffer::new_checked(msg.payload()).map_err(malformed)?.code() {
                            None => Ok(links),
                            Some(code) => Err(io::Error::from_raw_os_error(-code.get())),
                        };
                    }
                    libc::RTM_NEWLINK => links.push(LinkHeader::parse(msg.payload()).map_err(malformed)?.index),
                    _ => {}
                }
                off += (msg.length() as usize + 3) & !3;
            }
        }
    }

    /// The index of the link named `name`, if there is one.
    pub fn index(&self, name: &str) -> io::Result<Option<u32>> {
        let req = request_bytes(libc::RTM_GETLINK, 0, &link_msg(0, vec![LinkAttribute::IfName(name.to_string())]));
        match self.request(&req) {
            Ok(links) => Ok(links.first().copied()),
            Err(e) if errno_is(&e, libc::ENODEV) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn must_index(&self, name: &str) -> io::Result<u32> {
        self.index(name)?.ok_or_else(|| io::Error::other(format!("no network interface {name}")))
    }

    /// Creates a bridge (an existing one is left as is).
    pub fn add_bridge(&self, name: &str, mtu: Option<u32>) -> io::Result<()> {
        match self.request(&bridge_request(name, mtu)) {
            Err(e) if errno_is(&e, libc::EEXIST) => Ok(()),
            r => r.map(|_| ()),
        }
    }

    /// Creates a veth pair: `name` here, enslaved to `master`; `peer` in the namespace
    /// `peer_ns` (an fd), with the MAC address `peer_mac` when given.
    pub fn add_veth(
        &self,
        name: &str,
        master: &str,
        peer: &str,
        peer_ns: RawFd,
        peer_mac: Option<[u8; 6]>,
    ) -> io::Result<()> {
        let master = self.must_index(master)?;
        self.request(&veth_request(name, master, peer, peer_ns, peer_mac)).map(|_| ())
    }

    pub fn set_up(&self, name: &str) -> io::Result<()> {
        let mut l = link_msg(self.must_index(name)?, Vec::new());
        l.header.flags = LinkFlags::Up;
        l.header.change_mask = LinkFlags::Up;
        self.request(&request_bytes(libc::RTM_NEWLINK, 0, &l)).map(|_| ())
    }

    /// Deletes a link (and with a veth, its peer); a missing one is not an error.
    pub fn delete(&self, name: &str) -> io::Result<()> {
        let Some(idx) = self.index(name)? else { return Ok(()) };
        match self.request(&request_bytes(libc::RTM_DELLINK, 0, &link_msg(idx, Vec::new()))) {
            Err(e) if errno_is(&e, libc::ENODEV) => Ok(()),
            r => r.map(|_| ()),
        }
    }

    /// Adds `ip/prefix` to the link (an address it has already is fine).
    pub fn add_addr(&self, name: &str, ip: Ipv4Addr, prefix: u8) -> io::Result<()> {
        let mut a = AddressMessage::default();
        a.header.family = AddressFamily::Inet;
        a.header.prefix_len = prefix;
        a.header.index = self.must_index(name)?;
        a.attributes = vec![AddressAttribute::Local(IpAddr::V4(ip)), AddressAttribute::Address(IpAddr::V4(ip))];
        match self.request(&request_bytes(libc::RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &a)) {
            Err(e) if errno_is(&e, libc::EEXIST) => Ok(()),
            r => r.map(|_| ()),
        }
    }

    /// Adds the default route through `gateway` on the link.
    pub fn add_default_route(&self, name: &str, gateway: Ipv4Addr) -> io::Result<()> {
        let idx = self.must_index(name)?;
        let mut r = RouteMessage::default();
        r.header.address_family = AddressFamily::Inet;
        r.header.table = RouteHeader::RT_TABLE_MAIN;
        r.header.protocol = RouteProtocol::Boot;
        r.header.scope = RouteScope::Universe;
        r.header.kind = RouteType::Unicast;
        r.attributes = vec![RouteAttribute::Gateway(RouteAddress::Inet(gateway)), RouteAttribute::Oif(idx)];
        match self.request(&request_bytes(libc::RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &r)) {
            Err(e) if errno_is(&e, libc::EEXIST) => Ok(()),
            r => r.map(|_| ()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netlink_packet_core::Parseable;

    #[test]
    fn bridge_request_layout() {
        let b = bridge_request("br0", None);
        // header 16 + ifinfomsg 16 + "br0\0" attr 8 + linkinfo (4 + "bridge\0" attr 12 padded)
        assert_eq!(b.len(), 16 + 16 + 8 + 4 + 12);
        assert_eq!(u32::from_ne_bytes(b[0..4].try_into().unwrap()) as usize, b.len());
        assert_eq!(u16::from_ne_bytes(b[4..6].try_into().unwrap()), libc::RTM_NEWLINK);
        let flags = u16::from_ne_bytes(b[6..8].try_into().unwrap());
        assert_eq!(flags, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        assert_eq!(u16::from_ne_bytes(b[40..42].try_into().unwrap()), 16);
        assert_eq!(u16::from_ne_bytes(b[42..44].try_into().unwrap()) & 0x3fff, libc::IFLA_LINKINFO);
        assert_eq!(&b[48..54], b"bridge");
    }

    #[test]
    fn veth_request_carries_the_peer() {
        let b = veth_request("vethab_1", 7, "eth0", 42, Some([2, 0, 0, 0, 0, 9]));
        assert_eq!(u16::from_ne_bytes(b[4..6].try_into().unwrap()), libc::RTM_NEWLINK);
        let l = LinkMessage::parse(&b[16..]).unwrap();
        assert!(l.attributes.contains(&LinkAttribute::Controller(7)));
        let peer = l
            .attributes
            .iter()
            .find_map(|a| match a {
                LinkAttribute::LinkInfo(i) => i.iter().find_map(|i| match i {
                    LinkInfo::Data(InfoData::Veth(InfoVeth::Peer(p))) => Some(p.clone()),
                    _ => None,
                }),
                _ => None,
            })
            .expect("a veth peer");
        assert!(peer.attributes.contains(&LinkAttribute::IfName("eth0".into())));
        assert!(peer.attributes.contains(&LinkAttribute::NetNsFd(42)));
        assert!(peer.attributes.contains(&LinkAttribute::Address(vec![2, 0, 0, 0, 0, 9])));
    }
}
