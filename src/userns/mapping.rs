//! Per-container user namespaces (`--userns`, `--uidmap`, `--gidmap`): pure logic.
//!
//! Every container starts inside the per-user namespace P (root = the user, 1..N = the
//! subordinate range). A container with a mode other than `host` gets a child namespace C
//! whose maps are written in P's ids: "container id -> P id". This module parses the flags,
//! computes those maps, checks them against what P has, and allocates `auto` ranges.

use super::IdMap;

/// `--userns` as podman spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsernsMode {
    /// The per-user namespace itself (podman's rootless default).
    Host,
    /// The user's uid/gid (0 in P) appear as `uid`/`gid` inside (default: the host ids).
    KeepId { uid: Option<u32>, gid: Option<u32> },
    /// Only the subordinate ids: the user is not mapped at all.
    NoMap,
    /// A fresh range of P's ids for this container alone.
    Auto { size: Option<u32> },
    /// `--uidmap`/`--gidmap` given by the user.
    Custom,
}

impl UsernsMode {
    pub fn is_host(&self) -> bool {
        *self == UsernsMode::Host
    }
}

fn number(opt: &str, v: &str) -> Result<u32, String> {
    v.parse::<u32>().map_err(|_| format!("invalid value {v:?} for the {opt} option of --userns: must be a number"))
}

/// Parses `--userns` (podman's errors for unknown modes and options).
pub fn parse_mode(s: &str) -> Result<UsernsMode, String> {
    let (mode, opts) = match s.split_once(':') {
        Some((m, o)) => (m, Some(o)),
        None => (s, None),
    };
    let opts: Vec<(&str, &str)> =
        opts.unwrap_or("").split(',').filter(|o| !o.is_empty()).map(|o| o.split_once('=').unwrap_or((o, ""))).collect();
    match mode {
        "" | "host" if opts.is_empty() => Ok(UsernsMode::Host),
        "nomap" if opts.is_empty() => Ok(UsernsMode::NoMap),
        "keep-id" => {
            let (mut uid, mut gid) = (None, None);
            for (k, v) in opts {
                match k {
                    "uid" => uid = Some(number(k, v)?),
                    "gid" => gid = Some(number(k, v)?),
                    _ => return Err(format!("unknown option specified: {k:?}")),
                }
            }
            Ok(UsernsMode::KeepId { uid, gid })
        }
        "auto" => {
            let mut size = None;
            for (k, v) in opts {
                match k {
                    "size" => size = Some(number(k, v)?).filter(|n| *n > 0),
                    _ => return Err(format!("unknown option specified: {k:?}")),
                }
            }
            Ok(UsernsMode::Auto { size })
        }
        "private" | "ns" | "container" => Err(format!("--userns={s} is not supported by this version of burrow")),
        _ => Err(format!("unrecognized namespace mode {s} passed")),
    }
}

/// One `--uidmap`/`--gidmap` value: `container_id:from_id:amount` (several may be joined
/// with `,`). `from_id` is an id of the per-user namespace; podman's `@ID` form names a host
/// id instead, converted with `parent` (the per-user namespace's own map).
pub fn parse_map_flag(s: &str, parent: &[IdMap]) -> Result<Vec<IdMap>, String> {
    let mut out = Vec::new();
    for part in s.split(',').filter(|p| !p.is_empty()) {
        let f: Vec<&str> = part.split(':').collect();
        let bad = || format!("invalid mapping {part:?}: the format is container_id:from_id:amount");
        if f.len() != 3 {
            return Err(bad());
        }
        let container_id = f[0].parse::<u32>().map_err(|_| bad())?;
        let size = f[2].parse::<u32>().map_err(|_| bad())?;
        let host_id = match f[1].strip_prefix('@') {
            Some(h) => {
                let h = h.parse::<u32>().map_err(|_| bad())?;
                parent
                    .iter()
                    .find(|m| h >= m.host_id && h - m.host_id < m.size)
                    .map(|m| m.container_id + (h - m.host_id))
                    .ok_or_else(|| {
                        format!("host id {h} of mapping {part:?} is not one of your ids or subordinate ids")
                    })?
            }
            None => f[1].parse::<u32>().map_err(|_| bad())?,
        };
        if size == 0 {
            return Err(bad());
        }
        out.push(IdMap { container_id, host_id, size });
    }
    Ok(out)
}

/// How many ids the per-user namespace has (its maps start at 0 and are contiguous).
pub fn available(parent: &[IdMap]) -> u64 {
    parent.iter().map(|m| m.container_id as u64 + m.size as u64).max().unwrap_or(0)
}

/// Checks a user-given map against the per-user namespace: every `from` id must exist
/// there, and no container or `from` id may be mapped twice. `kind` is "uid" or "gid".
pub fn check_map(map: &[IdMap], parent: &[IdMap], kind: &str) -> Result<(), String> {
    let n = available(parent);
    let file = if kind == "uid" { "/etc/subuid" } else { "/etc/subgid" };
    for m in map {
        let end = m.host_id as u64 + m.size as u64;
        if end > n {
            return Err(format!(
                "--{kind}map {}:{}:{}: {kind}s {}..{} are not available: your namespace has {kind}s 0..{} (0 is you, 1.. are your subordinate ids from {file})",
                m.container_id,
                m.host_id,
                m.size,
                m.host_id,
                end - 1,
                n.saturating_sub(1)
            ));
        }
        if m.container_id as u64 + m.size as u64 > u32::MAX as u64 {
            return Err(format!("--{kind}map {}:{}:{}: container ids overflow", m.container_id, m.host_id, m.size));
        }
    }
    for (i, a) in map.iter().enumerate() {
        for b in &map[i + 1..] {
            if overlaps(a.container_id, a.size, b.container_id, b.size)
                || overlaps(a.host_id, a.size, b.host_id, b.size)
            {
                return Err(format!("--{kind}map: the mappings {a:?} and {b:?} overlap"));
            }
        }
    }
    Ok(())
}

fn overlaps(a: u32, an: u32, b: u32, bn: u32) -> bool {
    (a as u64) < b as u64 + bn as u64 && (b as u64) < a as u64 + an as u64
}

/// keep-id: `id` (0 in the per-user namespace) appears as `inside`; the others fill the
/// ids around it in order, as podman does (`0 1 X; X 0 1; X+1 X+1 rest`).
pub fn keep_id_map(inside: u32, n: u64) -> Result<Vec<IdMap>, String> {
    if inside as u64 >= n {
        return Err(format!(
            "--userns=keep-id: id {inside} is outside your namespace (ids 0..{}): add subordinate ids in /etc/subuid and /etc/subgid or choose keep-id:uid=,gid=",
            n.saturating_sub(1)
        ));
    }
    let mut m = Vec::new();
    if inside > 0 {
        m.push(IdMap { container_id: 0, host_id: 1, size: inside });
    }
    m.push(IdMap { container_id: inside, host_id: 0, size: 1 });
    let rest = n - inside as u64 - 1;
    if rest > 0 {
        m.push(IdMap { container_id: inside + 1, host_id: inside + 1, size: rest as u32 });
    }
    Ok(m)
}

/// nomap: the subordinate ids only, container 0 = the first of them.
pub fn nomap_map(n: u64) -> Result<Vec<IdMap>, String> {
    if n < 2 {
        return Err(
            "--userns=nomap needs subordinate ids: add a range for your user in /etc/subuid and /etc/subgid".into()
        );
    }
    Ok(vec![IdMap { container_id: 0, host_id: 1, size: (n - 1) as u32 }])
}

/// The default size of an `auto` range (podman's minimum).
pub const AUTO_MIN_SIZE: u32 = 1024;

/// The lowest start in `1..n` where `size` ids fit between the ranges already `taken`
/// (start, size); None when the subordinate range is full.
pub fn allocate(taken: &[(u32, u32)], size: u32, n: u64) -> Option<u32> {
    let mut taken: Vec<(u64, u64)> = taken.iter().map(|(s, c)| (*s as u64, *c as u64)).collect();
    taken.sort();
    let mut start = 1u64;
    for (s, c) in taken {
        if start + size as u64 <= s {
            break;
        }
        start = start.max(s + c);
    }
    (start + size as u64 <= n).then_some(start as u32)
}

/// Maps a per-user namespace id (as a file in an image layer has it, i.e. what the
/// container sees with `--userns=host`) to the per-user namespace id that the container
/// with `map` sees as the same number. Ids the container has no mapping for are kept.
pub fn to_parent(map: &[IdMap], id: u32) -> u32 {
    map.iter()
        .find(|m| id >= m.container_id && id - m.container_id < m.size)
        .map(|m| m.host_id + (id - m.container_id))
        .unwrap_or(id)
}

/// The reverse of [`to_parent`]: the id a container with `map` sees for a per-user
/// namespace id (a file's owner on disk). Ids outside its maps show as the overflow id
/// 65534, as the kernel shows them inside.
pub fn to_container(map: &[IdMap], id: u32) -> u32 {
    map.iter()
        .find(|m| id >= m.host_id && id - m.host_id < m.size)
        .map_or(65534, |m| m.container_id + (id - m.host_id))
}

/// A stable text for a pair of maps: names the per-mapping copy of an image.
pub fn map_key(uid: &[IdMap], gid: &[IdMap]) -> String {
    let fmt = |m: &[IdMap]| {
        m.iter().map(|m| format!("{}:{}:{}", m.container_id, m.host_id, m.size)).collect::<Vec<_>>().join(",")
    };
    format!("u{};g{}", fmt(uid), fmt(gid))
}

/// The text of /proc/PID/uid_map for a map.
pub fn proc_text(map: &[IdMap]) -> String {
    map.iter().map(|m| format!("{} {} {}\n", m.container_id, m.host_id, m.size)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(c: u32, h: u32, s: u32) -> IdMap {
        IdMap { container_id: c, host_id: h, size: s }
    }

    #[test]
    fn modes() {
        assert_eq!(parse_mode("").unwrap(), UsernsMode::Host);
        assert_eq!(parse_mode("host").unwrap(), UsernsMode::Host);
        assert_eq!(parse_mode("nomap").unwrap(), UsernsMode::NoMap);
        assert_eq!(parse_mode("keep-id").unwrap(), UsernsMode::KeepId { uid: None, gid: None });
        assert_eq!(
            parse_mode("keep-id:uid=200,gid=210").unwrap(),
            UsernsMode::KeepId { uid: Some(200), gid: Some(210) }
        );
        assert_eq!(parse_mode("auto").unwrap(), UsernsMode::Auto { size: None });
        assert_eq!(parse_mode("auto:size=500").unwrap(), UsernsMode::Auto { size: Some(500) });
        assert_eq!(parse_mode("bogus").unwrap_err(), "unrecognized namespace mode bogus passed");
        assert_eq!(parse_mode("nomap:x=1").unwrap_err(), "unrecognized namespace mode nomap:x=1 passed");
        assert!(parse_mode("keep-id:uid=abc").unwrap_err().contains("must be a number"));
        assert!(parse_mode("keep-id:foo=1").unwrap_err().contains("unknown option"));
        assert!(parse_mode("private").unwrap_err().contains("not supported"));
    }

    #[test]
    fn keep_id_like_podman() {
        // podman run --userns=keep-id:uid=11 ... cat /proc/self/uid_map
        assert_eq!(keep_id_map(11, 65537).unwrap(), vec![m(0, 1, 11), m(11, 0, 1), m(12, 12, 65525)]);
        assert_eq!(keep_id_map(0, 65537).unwrap(), vec![m(0, 0, 1), m(1, 1, 65536)]);
        assert!(keep_id_map(70000, 65537).is_err());
        // Without subordinate ids only the user exists.
        assert_eq!(keep_id_map(0, 1).unwrap(), vec![m(0, 0, 1)]);
    }

    #[test]
    fn nomap_skips_the_user() {
        assert_eq!(nomap_map(65537).unwrap(), vec![m(0, 1, 65536)]);
        assert!(nomap_map(1).is_err());
    }

    #[test]
    fn map_flags() {
        let parent = [m(0, 1000, 1), m(1, 100000, 65536)];
        assert_eq!(parse_map_flag("0:1:1000", &parent).unwrap(), vec![m(0, 1, 1000)]);
        assert_eq!(parse_map_flag("0:1:10,10:0:1", &parent).unwrap(), vec![m(0, 1, 10), m(10, 0, 1)]);
        assert_eq!(parse_map_flag("0:@100005:10", &parent).unwrap(), vec![m(0, 6, 10)]);
        assert!(parse_map_flag("0:@5:10", &parent).is_err());
        assert!(parse_map_flag("0:1", &parent).unwrap_err().contains("container_id:from_id:amount"));
        assert!(parse_map_flag("0:1:0", &parent).is_err());
        assert!(check_map(&[m(0, 1, 1000)], &parent, "uid").is_ok());
        let e = check_map(&[m(0, 65000, 1000)], &parent, "uid").unwrap_err();
        assert!(e.contains("/etc/subuid"), "{e}");
        assert!(check_map(&[m(0, 1, 10), m(5, 100, 10)], &parent, "gid").unwrap_err().contains("overlap"));
    }

    #[test]
    fn allocation_is_disjoint_and_reuses_holes() {
        let n = 65537;
        assert_eq!(allocate(&[], 1024, n), Some(1));
        assert_eq!(allocate(&[(1, 1024)], 1024, n), Some(1025));
        assert_eq!(allocate(&[(1025, 1024), (1, 1024)], 100, n), Some(2049));
        // A freed range is reused first.
        assert_eq!(allocate(&[(1025, 1024)], 1024, n), Some(1));
        assert_eq!(allocate(&[(1025, 1024)], 1025, n), Some(2049));
        assert_eq!(allocate(&[(1, 65536)], 1, n), None);
        assert_eq!(allocate(&[], 65536, n), Some(1));
        assert_eq!(allocate(&[], 65537, n), None);
    }

    #[test]
    fn ids_map_into_the_parent() {
        let keep = keep_id_map(1000, 65537).unwrap();
        assert_eq!(to_parent(&keep, 0), 1);
        assert_eq!(to_parent(&keep, 999), 1000);
        assert_eq!(to_parent(&keep, 1000), 0);
        assert_eq!(to_parent(&keep, 1001), 1001);
        assert_eq!(to_parent(&[m(0, 2049, 1024)], 5), 2054);
        assert_eq!(to_parent(&[m(0, 2049, 1024)], 5000), 5000);
        assert_eq!(map_key(&[m(0, 1, 2)], &[m(0, 1, 2)]), "u0:1:2;g0:1:2");
    }
}
