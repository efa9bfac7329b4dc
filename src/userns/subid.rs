//! /etc/subuid and /etc/subgid: the subordinate id ranges a user may map.

use serde::{Deserialize, Serialize};

/// One mapping line of a user namespace: `size` ids starting at `container_id` inside
/// are `host_id..` outside. Field names are podman's (`info` shows them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMap {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

/// A subordinate range from /etc/subuid or /etc/subgid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubRange {
    pub start: u32,
    pub count: u32,
}

/// Parses the ranges of one user from the text of /etc/subuid or /etc/subgid. Lines name
/// the user by login name or by numeric id; comments and malformed lines are skipped
/// (shadow-utils does the same).
pub fn parse_ranges(text: &str, user: &str, id: u32) -> Vec<SubRange> {
    let id = id.to_string();
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let mut parts = line.split(':');
            let (who, start, count) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || (who != user && who != id) {
                return None;
            }
            let start = start.trim().parse::<u32>().ok()?;
            let count = count.trim().parse::<u32>().ok()?;
            (count > 0 && start.checked_add(count).is_some()).then_some(SubRange { start, count })
        })
        .collect()
}

/// The rootless mapping podman uses: container root is the user, container ids 1.. are
/// the subordinate ranges in order.
pub fn rootless_map(host_id: u32, ranges: &[SubRange]) -> Vec<IdMap> {
    let mut maps = vec![IdMap { container_id: 0, host_id, size: 1 }];
    let mut next = 1u32;
    for r in ranges {
        maps.push(IdMap { container_id: next, host_id: r.start, size: r.count });
        next = match next.checked_add(r.count) {
            Some(n) => n,
            None => break,
        };
    }
    maps
}

/// Parses /proc/PID/uid_map text.
pub fn parse_proc_map(text: &str) -> Vec<IdMap> {
    text.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace().map(|f| f.parse::<u32>().ok());
            Some(IdMap { container_id: it.next()??, host_id: it.next()??, size: it.next()?? })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_by_name_and_id() {
        let text = "# comment\nalice:100000:65536\nbob:165536:65536\n1000:300000:10\nbad line\nalice:x:1\n";
        assert_eq!(
            parse_ranges(text, "alice", 1000),
            vec![SubRange { start: 100000, count: 65536 }, SubRange { start: 300000, count: 10 }]
        );
        assert_eq!(parse_ranges(text, "bob", 1001), vec![SubRange { start: 165536, count: 65536 }]);
        assert!(parse_ranges(text, "carol", 1002).is_empty());
    }

    #[test]
    fn skips_zero_and_overflowing_ranges() {
        let text = "u:100:0\nu:4294967295:2\nu:5:5:extra\n";
        assert!(parse_ranges(text, "u", 1).is_empty());
    }

    #[test]
    fn rootless_map_puts_user_at_zero() {
        let m = rootless_map(1000, &[SubRange { start: 100000, count: 65536 }, SubRange { start: 300000, count: 10 }]);
        assert_eq!(
            m,
            vec![
                IdMap { container_id: 0, host_id: 1000, size: 1 },
                IdMap { container_id: 1, host_id: 100000, size: 65536 },
                IdMap { container_id: 65537, host_id: 300000, size: 10 },
            ]
        );
        assert_eq!(rootless_map(1000, &[]), vec![IdMap { container_id: 0, host_id: 1000, size: 1 }]);
    }

    #[test]
    fn parses_proc_maps() {
        let m = parse_proc_map("         0       1000          1\n         1     100000      65536\n");
        assert_eq!(m.len(), 2);
        assert_eq!(m[1], IdMap { container_id: 1, host_id: 100000, size: 65536 });
    }
}
