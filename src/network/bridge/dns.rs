//! The DNS responder of user-defined networks, run by the rootless namespace's keeper: a
//! UDP socket on each network's gateway port 53 answers A queries for the names and
//! aliases of the containers attached to that network (the entry files beside `gateway`)
//! and forwards everything else to pasta's DNS forwarder, which asks the host's resolvers.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::Duration;

use hickory_proto::op::{Header, HeaderCounts, MessageType, Metadata, Query, ResponseCode};
use hickory_proto::rr::rdata::A;
use hickory_proto::rr::{Record, RecordType};
use hickory_proto::serialize::binary::{BinDecodable, BinDecoder, BinEncodable, BinEncoder};

use super::DNS_DOMAIN;

/// Where pasta's DNS forwarder listens in the rootless namespace.
const UPSTREAM: &str = "169.254.1.1:53";
/// The time to live of an answer, in seconds.
const TTL: u32 = 60;

/// A query's question: the name (lower case, without the final dot) and the type.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub name: String,
    pub qtype: RecordType,
}

/// A query as the responder reads it: its header and its one question (the rest of the
/// message, such as an EDNS record, is not read: decoding whole `Message`s would link
/// every record type's parser into the binary).
pub struct Asked {
    header: Header,
    query: Query,
}

/// The query in `q` and its question; None for what isn't a query with exactly one
/// question (it gets no reply).
pub fn parse_query(q: &[u8]) -> Option<(Asked, Question)> {
    let mut d = BinDecoder::new(q);
    let header = Header::read(&mut d).ok()?;
    if header.metadata.message_type != MessageType::Query || header.counts.queries != 1 {
        return None;
    }
    let query = Query::read(&mut d).ok()?;
    let labels: Vec<String> = query.name().iter().map(|l| String::from_utf8_lossy(l).to_ascii_lowercase()).collect();
    let question = Question { name: labels.join("."), qtype: query.query_type() };
    Some((Asked { header, query }, question))
}

/// The authoritative reply to `q` with these IPv4 answers (none and `nxdomain`: the name
/// doesn't exist).
pub fn reply(q: &Asked, ips: &[Ipv4Addr], nxdomain: bool) -> Option<Vec<u8>> {
    let asked = q.header.metadata;
    let mut metadata = Metadata::new(asked.id, MessageType::Response, asked.op_code);
    metadata.authoritative = true;
    metadata.recursion_desired = asked.recursion_desired;
    metadata.recursion_available = true;
    metadata.response_code = if nxdomain { ResponseCode::NXDomain } else { ResponseCode::NoError };
    let counts = HeaderCounts { queries: 1, answers: u16::try_from(ips.len()).ok()?, ..Default::default() };
    let mut out = Vec::with_capacity(512);
    let mut e = BinEncoder::new(&mut out);
    Header { metadata, counts }.emit(&mut e).ok()?;
    q.query.emit(&mut e).ok()?;
    for ip in ips {
        Record::from_rdata(q.query.name().clone(), TTL, A(*ip)).emit(&mut e).ok()?;
    }
    Some(out)
}

/// A network's entries: (container id, address, names).
fn entries(net_dir: &Path) -> Vec<(String, Ipv4Addr, Vec<String>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(net_dir).into_iter().flatten().flatten() {
        if !super::netns::is_entry(&e.file_name()) {
            continue;
        }
        let id = e.file_name().to_string_lossy().into_owned();
        for line in std::fs::read_to_string(e.path()).unwrap_or_default().lines() {
            let mut w = line.split_whitespace();
            let Some(ip) = w.next().and_then(|i| i.parse().ok()) else { continue };
            out.push((id.clone(), ip, w.map(str::to_ascii_lowercase).collect()));
        }
    }
    out
}

/// The names a client at `from` on the network of `net_dir` may resolve: those of every
/// network the client's container is attached to (podman's aardvark does the same).
fn names_for(net_dir: &Path, from: Ipv4Addr) -> BTreeMap<String, Vec<Ipv4Addr>> {
    let own = entries(net_dir);
    let client = own.iter().find(|(_, ip, _)| *ip == from).map(|(id, _, _)| id.clone());
    let mut nets = vec![own];
    if let (Some(id), Some(all)) = (client, net_dir.parent()) {
        for e in std::fs::read_dir(all).into_iter().flatten().flatten() {
            if e.path() != net_dir && e.path().join(&id).exists() {
                nets.push(entries(&e.path()));
            }
        }
    }
    let mut m: BTreeMap<String, Vec<Ipv4Addr>> = BTreeMap::new();
    for (_, ip, names) in nets.into_iter().flatten() {
        for n in names {
            let v = m.entry(n).or_default();
            if !v.contains(&ip) {
                v.push(ip);
            }
        }
    }
    m
}

/// What to do with a query: answer it here (addresses, nxdomain) or forward it.
pub fn answer(names: &BTreeMap<String, Vec<Ipv4Addr>>, q: &Question) -> Option<(Vec<Ipv4Addr>, bool)> {
    let suffix = format!(".{DNS_DOMAIN}");
    let in_domain = q.name.ends_with(&suffix);
    let short = q.name.strip_suffix(&suffix).unwrap_or(&q.name);
    match names.get(short) {
        // A, or ANY; other types of a known name have no answer (and no forwarding).
        Some(ips) => {
            Some((if matches!(q.qtype, RecordType::A | RecordType::ANY) { ips.clone() } else { Vec::new() }, false))
        }
        None if in_domain => Some((Vec::new(), true)),
        None => None,
    }
}

fn forward(sock: UdpSocket, query: Vec<u8>, from: SocketAddr) {
    std::thread::spawn(move || {
        let Ok(up) = UdpSocket::bind("0.0.0.0:0") else { return };
        let _ = up.set_read_timeout(Some(Duration::from_secs(4)));
        if up.send_to(&query, UPSTREAM).is_err() {
            return;
        }
        let mut buf = [0u8; 4096];
        if let Ok(n) = up.recv(&mut buf) {
            let _ = sock.send_to(&buf[..n], from);
        }
    });
}

/// Serves every network whose `gateway` file names an address, until killed.
pub fn serve(dir: &Path) -> ! {
    // SIGUSR1 (a new network) interrupts the wait below so the rescan happens at once.
    extern "C" fn wake(_: libc::c_int) {}
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = wake as extern "C" fn(libc::c_int) as usize;
        libc::sigaction(libc::SIGUSR1, &sa, std::ptr::null_mut());
    }
    let mut socks: Vec<(String, PathBuf, UdpSocket)> = Vec::new();
    let mut buf = [0u8; 1500];
    loop {
        // Networks come and go with their bridges: rescan each round.
        let mut want = Vec::new();
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let gw = std::fs::read_to_string(e.path().join(super::netns::GATEWAY_FILE)).unwrap_or_default();
            if !gw.trim().is_empty() {
                want.push((gw.trim().to_string(), e.path()));
            }
        }
        socks.retain(|(gw, _, _)| want.iter().any(|(w, _)| w == gw));
        for (gw, path) in want {
            if socks.iter().any(|(g, _, _)| *g == gw) {
                continue;
            }
            if let Ok(s) = UdpSocket::bind(format!("{gw}:53")) {
                socks.push((gw, path, s));
            }
        }
        let mut fds: Vec<libc::pollfd> = socks
            .iter()
            .map(|(_, _, s)| libc::pollfd { fd: s.as_raw_fd(), events: libc::POLLIN, revents: 0 })
            .collect();
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 1000) };
        if n <= 0 {
            continue;
        }
        for (i, f) in fds.iter().enumerate() {
            if f.revents & libc::POLLIN == 0 {
                continue;
            }
            let (_, path, sock) = &socks[i];
            let Ok((len, from)) = sock.recv_from(&mut buf) else { continue };
            let query = &buf[..len];
            let Some((msg, q)) = parse_query(query) else { continue };
            let from_ip = match from {
                SocketAddr::V4(a) => *a.ip(),
                SocketAddr::V6(_) => Ipv4Addr::UNSPECIFIED,
            };
            match answer(&names_for(path, from_ip), &q) {
                Some((ips, nx)) => {
                    if let Some(r) = reply(&msg, &ips, nx) {
                        let _ = sock.send_to(&r, from);
                    }
                }
                None => {
                    if let Ok(s) = sock.try_clone() {
                        forward(s, query.to_vec(), from);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(name: &str, qtype: u16) -> Vec<u8> {
        let mut q = vec![0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        for l in name.split('.') {
            q.push(l.len() as u8);
            q.extend_from_slice(l.as_bytes());
        }
        q.push(0);
        q.extend_from_slice(&qtype.to_be_bytes());
        q.extend_from_slice(&1u16.to_be_bytes());
        q
    }

    #[test]
    fn answers_names_and_aliases() {
        let names = BTreeMap::from([("web".to_string(), vec![Ipv4Addr::new(10, 89, 0, 2)])]);
        let raw = query("Web.dns.podman", 1);
        let (msg, q) = parse_query(&raw).unwrap();
        assert_eq!(q.name, "web.dns.podman");
        let (ips, nx) = answer(&names, &q).unwrap();
        assert_eq!((ips.len(), nx), (1, false));
        let r = reply(&msg, &ips, nx).unwrap();
        assert_eq!(&r[0..2], &[0x12, 0x34]);
        // QR, AA and the query's RD; RA, NOERROR.
        assert_eq!(&r[2..4], &[0x85, 0x80]);
        assert_eq!(u16::from_be_bytes([r[4], r[5]]), 1);
        assert_eq!(u16::from_be_bytes([r[6], r[7]]), 1);
        // The question comes back as asked; the answer is type A, class IN, TTL 60.
        assert_eq!(&r[12..raw.len()], &raw[12..]);
        assert_eq!(&r[raw.len()..], &[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 89, 0, 2]);
        assert_eq!(answer(&names, &parse_query(&query("nope.dns.podman", 1)).unwrap().1), Some((vec![], true)));
        assert_eq!(answer(&names, &parse_query(&query("example.com", 1)).unwrap().1), None);
        assert_eq!(answer(&names, &parse_query(&query("web", 28)).unwrap().1), Some((vec![], false)));
        assert_eq!(answer(&names, &parse_query(&query("web", 255)).unwrap().1).map(|a| a.0.len()), Some(1));
    }

    #[test]
    fn nxdomain_reply() {
        let raw = query("nope.dns.podman", 1);
        let (msg, _) = parse_query(&raw).unwrap();
        let r = reply(&msg, &[], true).unwrap();
        assert_eq!(r[3] & 0x0f, 3);
        assert_eq!(u16::from_be_bytes([r[6], r[7]]), 0);
        assert_eq!(r.len(), raw.len());
    }

    #[test]
    fn answers_a_query_with_an_edns_record() {
        let mut raw = query("web", 1);
        raw[11] = 1;
        raw.extend_from_slice(&[0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0]);
        let (msg, q) = parse_query(&raw).unwrap();
        assert_eq!(q.name, "web");
        let r = reply(&msg, &[Ipv4Addr::new(10, 89, 0, 2)], false).unwrap();
        // One question, one answer, no additional record.
        assert_eq!(&r[4..12], &[0, 1, 0, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn ignores_what_is_not_one_question() {
        let mut two = query("web", 1);
        two[5] = 2;
        assert!(parse_query(&two).is_none());
        let mut response = query("web", 1);
        response[2] |= 0x80;
        assert!(parse_query(&response).is_none());
        assert!(parse_query(&[0x12, 0x34, 1]).is_none());
    }
}
