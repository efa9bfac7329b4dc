//! Giving back memory the monitor used to start its container and won't need while it waits.
//!
//! Most of a monitor's proportional memory is the executable: it runs from the sealed memfd
//! copy of burrow (shared memory, counted in every monitor's PSS), and starting a container
//! touches megabytes of its code that the copy loop never runs again. Dropping our mappings
//! of those pages (MADV_DONTNEED) costs nothing lasting: the pages stay in the memfd, and
//! the few the loop needs fault back in. Only mappings of the executable that hold no
//! private copy of a page (no `Anonymous` memory, i.e. nothing relocated or written) are
//! dropped, so no content can be lost.

/// A mapping from /proc/self/smaps.
#[derive(Debug, PartialEq, Eq)]
struct Mapping {
    start: usize,
    end: usize,
    perms: String,
    path: String,
    anonymous_kb: u64,
}

fn parse_smaps(text: &str) -> Vec<Mapping> {
    let mut out: Vec<Mapping> = Vec::new();
    for line in text.lines() {
        let mut f = line.split_whitespace();
        let Some(first) = f.next() else { continue };
        if let Some((a, b)) = first.split_once('-') {
            if let (Ok(start), Ok(end)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16)) {
                let perms = f.next().unwrap_or("").to_string();
                let path = f.nth(3).map(|p| line[line.find(p).unwrap_or(0)..].to_string()).unwrap_or_default();
                out.push(Mapping { start, end, perms, path, anonymous_kb: 0 });
                continue;
            }
        }
        if first == "Anonymous:" {
            if let (Some(m), Some(kb)) = (out.last_mut(), f.next().and_then(|v| v.parse().ok())) {
                m.anonymous_kb = kb;
            }
        }
    }
    out
}

/// The read-only mappings of `exe` (as /proc/self/maps names it) that are safe to drop.
fn droppable<'a>(maps: &'a [Mapping], exe: &str) -> impl Iterator<Item = &'a Mapping> + 'a {
    let exe = exe.trim_end_matches(" (deleted)").to_string();
    maps.iter().filter(move |m| {
        (m.perms == "r-xp" || m.perms == "r--p")
            && m.anonymous_kb == 0
            && m.path.trim_end_matches(" (deleted)") == exe
    })
}

/// Drops the executable's pages from this process's mappings.
pub fn release_executable_pages() {
    let Ok(text) = std::fs::read_to_string("/proc/self/smaps") else { return };
    let maps = parse_smaps(&text);
    // The executable is whatever maps the code that is running now.
    let here = release_executable_pages as *const () as usize;
    let Some(exe) = maps.iter().find(|m| m.start <= here && here < m.end).map(|m| m.path.clone()) else { return };
    if exe.is_empty() || exe.starts_with('[') {
        return;
    }
    for m in droppable(&maps, &exe) {
        // SAFETY: a read-only file mapping without private pages: dropping it only makes
        // the next access fault the same content back in from the file.
        // MADV_RANDOM: fault back only the page touched, not the 64 KiB the kernel maps
        // around a fault by default.
        unsafe {
            libc::madvise(m.start as *mut libc::c_void, m.end - m.start, libc::MADV_DONTNEED);
            libc::madvise(m.start as *mut libc::c_void, m.end - m.start, libc::MADV_RANDOM);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
00200000-004e5000 r--p 00000000 00:01 1245                               /memfd:burrow (deleted)
Size:               2964 kB
Anonymous:             0 kB
004e5000-00f6b000 r-xp 002e4000 00:01 1245                               /memfd:burrow (deleted)
Anonymous:             0 kB
00f6b000-00f74000 r--p 00d69000 00:01 1245                               /memfd:burrow (deleted)
Anonymous:            36 kB
00f74000-00f7b000 rw-p 00d71000 00:01 1245                               /memfd:burrow (deleted)
Anonymous:            28 kB
159e4000-15a10000 rw-p 00000000 00:00 0                                  [heap]
Anonymous:            40 kB
7fd7678eb000-7fd7678ed000 r-xp 00000000 00:00 0                          [vdso]
Anonymous:             0 kB
";

    #[test]
    fn only_unmodified_read_only_mappings_of_the_executable() {
        let maps = parse_smaps(SMAPS);
        assert_eq!(maps.len(), 6);
        assert_eq!(maps[0].path, "/memfd:burrow (deleted)");
        assert_eq!(maps[2].anonymous_kb, 36);
        let d: Vec<usize> = droppable(&maps, "/memfd:burrow (deleted)").map(|m| m.start).collect();
        assert_eq!(d, [0x200000, 0x4e5000], "text and rodata; not the relocated RELRO page, data, heap or vdso");
    }

    #[test]
    fn runs_on_ourselves() {
        // The test binary keeps working after its code pages were dropped.
        release_executable_pages();
        assert_eq!(parse_smaps("").len(), 0);
    }
}
