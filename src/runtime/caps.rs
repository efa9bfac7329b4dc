//! Linux capabilities for the container process: names, podman's `--cap-add` /
//! `--cap-drop` / `--privileged` rules, the five capability sets the process gets, and
//! putting those sets on the calling thread.
//!
//! This module owns everything capability-shaped so that the spec generator (which
//! computes the list) and the container init (which applies it) agree on one set of
//! rules. The rules are podman 4.3's, checked by running it on this host:
//!
//! * the default list is containers.conf `default_capabilities` (CapEff `800405fb`);
//! * `--privileged` gets every capability the kernel knows and ignores add/drop;
//! * `--cap-drop ALL` keeps only what `--cap-add` names, `--cap-add ALL` starts from
//!   every capability and then applies the drops, both `ALL` at once is an error, and a
//!   capability both added and dropped is an error;
//! * root in the container gets bounding = effective = permitted = the list, with empty
//!   inheritable and ambient sets; any other uid gets only the bounding set, plus the
//!   capabilities it explicitly `--cap-add`ed in inheritable/permitted/effective/ambient
//!   (ambient is what lets a non-root process keep them across `execve`).
//!
//! The syscalls are made directly (capget/capset with `_LINUX_CAPABILITY_VERSION_3`,
//! prctl for the bounding and ambient sets) rather than through a library: there are only
//! three of them, and the order in which they are made is what matters.

use std::io;

/// podman's default capabilities for a container (containers.conf `default_capabilities`).
/// For root in the container this gives CapEff/CapPrm/CapBnd `00000000800405fb`.
pub const DEFAULT: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_NET_BIND_SERVICE",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYS_CHROOT",
];

/// Every capability name, indexed by its number (linux/capability.h, up to Linux 6.x).
pub const NAMES: [&str; 41] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// The special `--cap-add` / `--cap-drop` value meaning every capability.
pub const ALL: &str = "ALL";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CapError {
    /// Same wording as podman 4.3: `Error: "CAP_FOO": unknown capability`.
    #[error("{0:?}: unknown capability")]
    Unknown(String),
    #[error("capability {0:?} cannot be dropped and added")]
    AddedAndDropped(String),
    #[error("adding all caps and removing all caps not allowed")]
    AddAllDropAll,
}

/// The highest capability number the running kernel knows.
///
/// Reads /proc/sys/kernel/cap_last_cap with a stack buffer and raw syscalls, so that it
/// allocates nothing (it is used by [`apply`], which may run in a freshly forked child).
/// Without /proc (or with a kernel newer than our table) the answer is capped at the last
/// capability we can name, since a capability we cannot name cannot be asked for anyway.
pub fn last_cap() -> u32 {
    let known = (NAMES.len() - 1) as u32;
    let mut buf = [0u8; 16];
    // SAFETY: a NUL-terminated path and a buffer we own; the fd is closed right after.
    let n = unsafe {
        let fd = libc::open(c"/proc/sys/kernel/cap_last_cap".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
        if fd < 0 {
            return known;
        }
        let n = libc::read(fd, buf.as_mut_ptr().cast(), buf.len());
        libc::close(fd);
        n
    };
    if n <= 0 {
        return known;
    }
    let mut v: u32 = 0;
    for &b in &buf[..n as usize] {
        match b {
            b'0'..=b'9' => v = v.saturating_mul(10).saturating_add(u32::from(b - b'0')),
            _ => break,
        }
    }
    v.min(known).min(63)
}

/// Every capability the running kernel knows, as `CAP_` names, in number order.
pub fn all_names() -> Vec<&'static str> {
    NAMES[..=last_cap() as usize].to_vec()
}

/// The number of a capability given in any of the accepted spellings.
pub fn number(name: &str) -> Result<u32, CapError> {
    let n = normalize(name)?;
    // normalize only returns names from NAMES, so the lookup cannot miss.
    Ok(NAMES.iter().position(|c| *c == n).unwrap_or(0) as u32)
}

/// `net_admin`, `NET_ADMIN` and `CAP_NET_ADMIN` all become `CAP_NET_ADMIN`. A name the
/// running kernel does not know is an error naming it as podman does. `ALL` is not a
/// capability: [`merge`] handles it before calling this.
pub fn normalize(name: &str) -> Result<String, CapError> {
    let upper = name.trim().to_ascii_uppercase();
    let full = if upper.starts_with("CAP_") { upper } else { format!("CAP_{upper}") };
    let last = last_cap() as usize;
    match NAMES.iter().position(|c| *c == full) {
        Some(i) if i <= last => Ok(full),
        _ => Err(CapError::Unknown(full)),
    }
}

/// Bit mask of a capability list (any accepted spelling).
pub fn mask(caps: &[String]) -> Result<u64, CapError> {
    caps.iter().try_fold(0u64, |m, c| Ok(m | (1u64 << number(c)?)))
}

/// The capability names in a mask, in number order (for messages and tests).
pub fn names_of(mask: u64) -> Vec<&'static str> {
    NAMES.iter().enumerate().filter(|(i, _)| mask & (1u64 << i) != 0).map(|(_, n)| *n).collect()
}

fn is_all(s: &str) -> bool {
    s.trim().eq_ignore_ascii_case(ALL)
}

/// Normalizes a user-given list, keeping `ALL` apart; returns (has_all, names).
fn normalize_list(list: &[String]) -> Result<(bool, Vec<String>), CapError> {
    let mut all = false;
    let mut out = Vec::new();
    for c in list {
        if is_all(c) {
            all = true;
        } else {
            out.push(normalize(c)?);
        }
    }
    Ok((all, out))
}

/// The container's capability list from `--cap-add`, `--cap-drop` and `--privileged`,
/// following podman 4.3 (containers/common `MergeCapabilities`, verified with podman here):
///
/// * privileged: every capability the kernel knows; add/drop are ignored (podman 4.3
///   gives CapEff `1ffffffffff` for `--privileged --cap-drop chown`);
/// * every name is validated first, so an unknown one is reported even next to `ALL`;
/// * `ALL` in drop: only the added capabilities, unless add also says `ALL` (an error);
/// * `ALL` in add: every capability, minus the drops (no added-and-dropped check then,
///   so `--cap-add all --cap-drop chown` is all but CAP_CHOWN, as in podman);
/// * otherwise a capability both added and dropped is an error, and the result is
///   DEFAULT minus the drops plus the adds.
///
/// The result is sorted and free of duplicates.
pub fn merge(add: &[String], drop: &[String], privileged: bool) -> Result<Vec<String>, CapError> {
    let all: Vec<String> = all_names().into_iter().map(str::to_string).collect();
    if privileged {
        return Ok(sorted(all));
    }
    let (drop_all, drops) = normalize_list(drop)?;
    let (add_all, adds) = normalize_list(add)?;
    if drop_all {
        if add_all {
            return Err(CapError::AddAllDropAll);
        }
        return Ok(sorted(adds));
    }
    let (base, adds) = if add_all {
        (all, Vec::new())
    } else {
        if let Some(c) = adds.iter().find(|c| drops.contains(c)) {
            return Err(CapError::AddedAndDropped(c.clone()));
        }
        (DEFAULT.iter().map(|c| c.to_string()).collect(), adds)
    };
    let kept = base.into_iter().filter(|c| !drops.contains(c));
    Ok(sorted(kept.chain(adds).collect()))
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// The five capability sets of a process, as bit masks (bit n = capability n).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CapSets {
    pub bounding: u64,
    pub effective: u64,
    pub permitted: u64,
    pub inheritable: u64,
    pub ambient: u64,
}

/// The sets podman/runc give the container process whose capability list is `caps`:
/// uid 0 gets bounding = effective = permitted = caps (inheritable and ambient empty, as
/// in podman 4.x); any other uid gets only the bounding set, so it has no capabilities
/// unless it execs a file with file capabilities (`--user 1000` under podman 4.3:
/// CapEff 0, CapBnd `800405fb`). See [`sets_for_added`] for a non-root `--cap-add`.
pub fn sets_for(caps: &[String], uid: u32) -> Result<CapSets, CapError> {
    sets_for_added(caps, uid, &[])
}

/// Like [`sets_for`], with podman's treatment of capabilities a non-root user explicitly
/// added (`--user 1000 --cap-add net_admin` under podman 4.3: CapInh = CapPrm = CapEff =
/// CapAmb = `1000`, CapBnd = the whole list): they go into every set, ambient included, so
/// that they survive `execve` of an ordinary binary. `added` is the user's `--cap-add`
/// list (`ALL` means the whole list); for uid 0 it changes nothing.
pub fn sets_for_added(caps: &[String], uid: u32, added: &[String]) -> Result<CapSets, CapError> {
    let bounding = mask(caps)?;
    if uid == 0 {
        return Ok(CapSets { bounding, effective: bounding, permitted: bounding, ..CapSets::default() });
    }
    let (add_all, adds) = normalize_list(added)?;
    // A capability outside the bounding set could not be raised anyway.
    let extra = if add_all { bounding } else { mask(&adds)? & bounding };
    Ok(CapSets { bounding, effective: extra, permitted: extra, inheritable: extra, ambient: extra })
}

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: libc::c_int,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

const CAP_VERSION_3: u32 = 0x2008_0522;

/// (effective, permitted, inheritable) of the calling thread.
fn capget() -> io::Result<(u64, u64, u64)> {
    let mut hdr = CapHeader { version: CAP_VERSION_3, pid: 0 };
    let mut data = [CapData::default(); 2];
    // SAFETY: version 3 takes a header and two data words, both owned here.
    let rc = unsafe { libc::syscall(libc::SYS_capget, &mut hdr as *mut CapHeader, data.as_mut_ptr()) };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    let join = |lo: u32, hi: u32| u64::from(lo) | (u64::from(hi) << 32);
    Ok((
        join(data[0].effective, data[1].effective),
        join(data[0].permitted, data[1].permitted),
        join(data[0].inheritable, data[1].inheritable),
    ))
}

fn capset(effective: u64, permitted: u64, inheritable: u64) -> io::Result<()> {
    let mut hdr = CapHeader { version: CAP_VERSION_3, pid: 0 };
    let split = |m: u64| (m as u32, (m >> 32) as u32);
    let (e0, e1) = split(effective);
    let (p0, p1) = split(permitted);
    let (i0, i1) = split(inheritable);
    let data = [
        CapData { effective: e0, permitted: p0, inheritable: i0 },
        CapData { effective: e1, permitted: p1, inheritable: i1 },
    ];
    // SAFETY: as in capget; the kernel only reads `data`.
    let rc = unsafe { libc::syscall(libc::SYS_capset, &mut hdr as *mut CapHeader, data.as_ptr()) };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn prctl(op: libc::c_int, a: libc::c_ulong, b: libc::c_ulong) -> io::Result<libc::c_int> {
    // SAFETY: the capability prctls take plain integers.
    let rc = unsafe { libc::prctl(op, a, b, 0 as libc::c_ulong, 0 as libc::c_ulong) };
    if rc < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(rc)
}

/// Puts `sets` on the calling thread. Allocates nothing, so it may run in a child forked
/// from a multi-threaded parent.
///
/// Order, and why:
/// 1. raise effective to the current permitted set: after `setresuid` away from uid 0
///    (with PR_SET_KEEPCAPS) the kernel has cleared effective, and step 2 needs
///    CAP_SETPCAP in effective;
/// 2. drop every capability outside `bounding` from the bounding set (PR_CAPBSET_DROP).
///    This is what limits root's capabilities after `execve`, where the kernel recomputes
///    permitted = effective = bounding for uid 0;
/// 3. capset(effective, permitted, inheritable), which can only lower permitted;
/// 4. clear the ambient set and raise the wanted ambient capabilities (each must be in
///    both permitted and inheritable, which step 3 arranged).
///
/// What the caller must do:
/// * change ids first: `setgroups`, `setresgid`, then `setresuid`, with
///   `prctl(PR_SET_KEEPCAPS, 1)` set before `setresuid` when the target uid is not 0,
///   otherwise the kernel empties permitted and nothing can be given back. Changing ids
///   after `apply` would clear effective/permitted again (and needs CAP_SETUID/SETGID);
/// * load the seccomp filter before calling this when no_new_privs is off (loading then
///   needs CAP_SYS_ADMIN, which this usually drops); with no_new_privs on, set it and load
///   the filter after this, right before `execve`;
/// * the sets hold until `execve`, which recomputes them from these (bounding and ambient
///   survive; KEEPCAPS is cleared by `execve` too, so the caller need not reset it).
pub fn apply(sets: &CapSets) -> io::Result<()> {
    let (_, permitted, inheritable) = capget()?;
    capset(permitted, permitted, inheritable)?;

    for cap in 0..=last_cap() {
        if sets.bounding & (1u64 << cap) != 0 {
            continue;
        }
        // Skipping caps already gone lets this work without CAP_SETPCAP when the
        // bounding set is already as small as wanted (a nested container, say).
        if prctl(libc::PR_CAPBSET_READ, cap.into(), 0)? == 1 {
            prctl(libc::PR_CAPBSET_DROP, cap.into(), 0)?;
        }
    }

    capset(sets.effective, sets.permitted, sets.inheritable)?;

    match prctl(libc::PR_CAP_AMBIENT, libc::PR_CAP_AMBIENT_CLEAR_ALL as libc::c_ulong, 0) {
        Ok(_) => {}
        // Kernels before 4.3 have no ambient set: fine as long as none is wanted.
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) && sets.ambient == 0 => return Ok(()),
        Err(e) => return Err(e),
    }
    for cap in 0..=last_cap() {
        if sets.ambient & (1u64 << cap) != 0 {
            prctl(libc::PR_CAP_AMBIENT, libc::PR_CAP_AMBIENT_RAISE as libc::c_ulong, cap.into())?;
        }
    }
    Ok(())
}

/// The calling thread's sets (bounding and ambient read with prctl).
pub fn current() -> io::Result<CapSets> {
    let (effective, permitted, inheritable) = capget()?;
    let mut sets = CapSets { effective, permitted, inheritable, ..CapSets::default() };
    for cap in 0..=last_cap() {
        if prctl(libc::PR_CAPBSET_READ, cap.into(), 0)? == 1 {
            sets.bounding |= 1u64 << cap;
        }
        if prctl(libc::PR_CAP_AMBIENT, libc::PR_CAP_AMBIENT_IS_SET as libc::c_ulong, cap.into()).unwrap_or(0) == 1 {
            sets.ambient |= 1u64 << cap;
        }
    }
    Ok(sets)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn defaults() -> Vec<String> {
        s(DEFAULT)
    }

    #[test]
    fn default_mask_is_podmans() {
        assert_eq!(mask(&defaults()).unwrap(), 0x8004_05fb);
        assert_eq!(merge(&[], &[], false).unwrap(), sorted(defaults()));
    }

    #[test]
    fn names_and_numbers() {
        assert_eq!(normalize("net_admin").unwrap(), "CAP_NET_ADMIN");
        assert_eq!(normalize("NET_ADMIN").unwrap(), "CAP_NET_ADMIN");
        assert_eq!(normalize("CAP_NET_ADMIN").unwrap(), "CAP_NET_ADMIN");
        assert_eq!(normalize("cap_sys_admin").unwrap(), "CAP_SYS_ADMIN");
        assert_eq!(number("setfcap").unwrap(), 31);
        let err = normalize("foo").unwrap_err();
        assert_eq!(err.to_string(), "\"CAP_FOO\": unknown capability");
        assert!(normalize("all").is_err());
        let all = all_names();
        assert_eq!(all.len() as u32, last_cap() + 1);
        assert_eq!(all[0], "CAP_CHOWN");
        assert_eq!(names_of(0x8004_05fb).len(), DEFAULT.len());
    }

    #[test]
    fn merge_follows_podman() {
        // --cap-add net_admin --cap-drop chown: CapEff 800415fa under podman 4.3.
        let m = merge(&s(&["net_admin"]), &s(&["chown"]), false).unwrap();
        assert_eq!(mask(&m).unwrap(), 0x8004_15fa);
        let mut sorted_m = m.clone();
        sorted_m.sort();
        assert_eq!(m, sorted_m);
        // Mixed spellings, duplicates.
        let m = merge(&s(&["NET_ADMIN", "cap_net_admin"]), &s(&["CAP_CHOWN", "net_bind_service"]), false).unwrap();
        assert_eq!(mask(&m).unwrap(), 0x8004_11fa);
        // --cap-drop ALL --cap-add chown: CapEff 1.
        assert_eq!(merge(&s(&["chown"]), &s(&["ALL"]), false).unwrap(), s(&["CAP_CHOWN"]));
        assert!(merge(&[], &s(&["all"]), false).unwrap().is_empty());
        // --cap-add ALL: every known cap; with --cap-drop chown all but chown.
        let full = (1u64 << (last_cap() + 1)) - 1;
        assert_eq!(mask(&merge(&s(&["all"]), &[], false).unwrap()).unwrap(), full);
        assert_eq!(mask(&merge(&s(&["ALL"]), &s(&["chown"]), false).unwrap()).unwrap(), full & !1);
        // Errors, worded as podman's.
        assert_eq!(
            merge(&s(&["chown"]), &s(&["CAP_CHOWN"]), false).unwrap_err().to_string(),
            "capability \"CAP_CHOWN\" cannot be dropped and added"
        );
        assert_eq!(merge(&s(&["all"]), &s(&["all"]), false).unwrap_err(), CapError::AddAllDropAll);
        assert_eq!(merge(&s(&["foo"]), &[], false).unwrap_err(), CapError::Unknown("CAP_FOO".into()));
        assert_eq!(merge(&[], &s(&["ALL", "bar"]), false).unwrap_err(), CapError::Unknown("CAP_BAR".into()));
        // --privileged ignores add/drop (podman 4.3: CapEff 1ffffffffff with --cap-drop chown).
        assert_eq!(mask(&merge(&[], &s(&["chown"]), true).unwrap()).unwrap(), full);
    }

    #[test]
    fn sets_for_root_and_users() {
        let root = sets_for(&defaults(), 0).unwrap();
        assert_eq!(
            root,
            CapSets {
                bounding: 0x8004_05fb,
                effective: 0x8004_05fb,
                permitted: 0x8004_05fb,
                inheritable: 0,
                ambient: 0
            }
        );
        let user = sets_for(&defaults(), 1000).unwrap();
        assert_eq!(user, CapSets { bounding: 0x8004_05fb, ..CapSets::default() });
        // --user 1000 --cap-add net_admin under podman 4.3.
        let caps = merge(&s(&["net_admin"]), &[], false).unwrap();
        let user = sets_for_added(&caps, 1000, &s(&["net_admin"])).unwrap();
        assert_eq!(user.bounding, 0x8004_15fb);
        for m in [user.effective, user.permitted, user.inheritable, user.ambient] {
            assert_eq!(m, 0x1000);
        }
        assert_eq!(sets_for_added(&caps, 0, &s(&["net_admin"])).unwrap(), sets_for(&caps, 0).unwrap());
        assert!(sets_for(&s(&["bogus"]), 0).is_err());
    }

    /// The capability lines of /proc/self/status, as masks.
    fn proc_status_sets() -> Result<CapSets, String> {
        let text = std::fs::read_to_string("/proc/self/status").map_err(|e| e.to_string())?;
        let field = |k: &str| -> Result<u64, String> {
            let line = text.lines().find(|l| l.starts_with(k)).ok_or(format!("no {k}"))?;
            u64::from_str_radix(line.split_whitespace().nth(1).unwrap_or(""), 16).map_err(|e| e.to_string())
        };
        Ok(CapSets {
            bounding: field("CapBnd:")?,
            effective: field("CapEff:")?,
            permitted: field("CapPrm:")?,
            inheritable: field("CapInh:")?,
            ambient: field("CapAmb:")?,
        })
    }

    /// Runs `f` in a forked child, which has a single thread, so that /proc/self is that
    /// thread and the changed credentials die with it. Returns what `f` reported.
    pub(crate) fn forked(f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
        use std::io::{Read, Write};
        use std::os::fd::FromRawFd;
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0);
        if pid == 0 {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or(Err("panicked".into()));
            let mut w = unsafe { std::fs::File::from_raw_fd(fds[1]) };
            let _ = w.write_all(match &r {
                Ok(()) => b"ok".as_slice(),
                Err(e) => e.as_bytes(),
            });
            unsafe { libc::_exit(0) };
        }
        unsafe { libc::close(fds[1]) };
        let mut report = String::new();
        unsafe { std::fs::File::from_raw_fd(fds[0]) }.read_to_string(&mut report).unwrap();
        let mut status = 0;
        unsafe { libc::waitpid(pid, &mut status, 0) };
        if report == "ok" {
            Ok(())
        } else {
            Err(report)
        }
    }

    fn check_apply(uid: u32, want: CapSets) -> Result<(), String> {
        // Our own UTS namespace, so the sethostname probe can never touch the host's.
        if unsafe { libc::unshare(libc::CLONE_NEWUTS) } != 0 {
            return Err("unshare(CLONE_NEWUTS) failed".into());
        }
        if uid != 0 {
            // What the container init does before apply() for a non-root user.
            let ok = unsafe {
                libc::prctl(libc::PR_SET_KEEPCAPS, 1, 0, 0, 0) == 0
                    && libc::setresgid(uid, uid, uid) == 0
                    && libc::setresuid(uid, uid, uid) == 0
            };
            if !ok {
                return Err(format!("switching to uid {uid}: {}", io::Error::last_os_error()));
            }
        }
        apply(&want).map_err(|e| format!("apply: {e}"))?;
        let got = proc_status_sets()?;
        if got != want {
            return Err(format!("/proc/self/status has {got:x?}, wanted {want:x?}"));
        }
        if current().map_err(|e| e.to_string())? != want {
            return Err("current() disagrees with /proc".into());
        }
        // Dropped capabilities really are gone: CAP_SYS_ADMIN guards sethostname.
        let rc = unsafe { libc::sethostname(c"x".as_ptr(), 1) };
        let errno = io::Error::last_os_error().raw_os_error();
        if rc != -1 || errno != Some(libc::EPERM) {
            return Err(format!("sethostname gave {rc} / {errno:?}, wanted EPERM"));
        }
        Ok(())
    }

    /// The child half of `apply_in_child`: only does anything when re-executed by it, so
    /// that it runs in a fresh process rather than a fork of the busy test harness.
    #[test]
    #[ignore = "helper run by apply_in_child"]
    fn apply_child() {
        let Ok(mode) = std::env::var("BURROW_CAPS_CHILD") else { return };
        let (uid, want) = if mode == "user" {
            // podman 4.3, --user 1000 --cap-add net_admin.
            let caps = merge(&s(&["net_admin"]), &[], false).unwrap();
            (1000, sets_for_added(&caps, 1000, &s(&["net_admin"])).unwrap())
        } else {
            // podman 4.3 as root: 800405fb in bounding/effective/permitted.
            (0, sets_for(&defaults(), 0).unwrap())
        };
        forked(|| check_apply(uid, want)).unwrap();
        println!("CAPS-CHILD-OK");
    }

    fn run_child(mode: &str) {
        // The test's name is its module path without the crate name.
        let name = format!("{}::apply_child", module_path!().split_once("::").unwrap().1);
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", &name, "--ignored", "--nocapture", "--test-threads=1"])
            .env("BURROW_CAPS_CHILD", mode)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("CAPS-CHILD-OK"),
            "child ({mode}) failed: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn apply_in_child() {
        // Needs root with CAP_SYS_ADMIN, so that there is something to drop.
        if unsafe { libc::geteuid() } != 0 || current().map(|c| c.effective & (1 << 21) == 0).unwrap_or(true) {
            eprintln!("skipping: needs root with CAP_SYS_ADMIN");
            return;
        }
        run_child("root");
        run_child("user");
    }
}
