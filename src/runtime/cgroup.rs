//! cgroup v2 limits (`-m`, `--cpus`, `--pids-limit`) for a container, through a delegated
//! subtree: the container gets `<base>/burrow-<id>` with the spec's `linux.resources` written
//! as cgroup v2 files, and its init is moved there by the monitor right after the clone.
//!
//! `<base>` is the user's systemd-delegated `user@UID.service` (rootless), or, for real root,
//! the root of the cgroup2 mount. Without one (cgroup v1, or no delegation) nothing is done:
//! `create` has already printed podman's warning for that case. Moving a process between
//! cgroups needs write access to the common ancestor's `cgroup.procs`, so a monitor outside
//! the delegated subtree (a command started from a login session that systemd did not put
//! under user@UID.service) can't join: the container then runs without limits.

use std::path::{Path, PathBuf};

use oci_spec::runtime::LinuxResources;

const CGROUP_ROOT: &str = "/sys/fs/cgroup";

/// The cgroup v2 files (name, value) that carry out `r`, in the order to write them.
pub fn limit_files(r: &LinuxResources) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(m) = r.memory() {
        if let Some(low) = m.reservation().filter(|v| *v > 0) {
            out.push(("memory.low", low.to_string()));
        }
        if let Some(limit) = m.limit() {
            out.push(("memory.max", max_or(limit)));
            // OCI's swap is memory + swap; v2's swap file counts swap alone.
            match m.swap() {
                Some(-1) => out.push(("memory.swap.max", "max".into())),
                Some(swap) if limit > 0 && swap >= limit => out.push(("memory.swap.max", (swap - limit).to_string())),
                _ => {}
            }
        }
    }
    if let Some(c) = r.cpu() {
        if let Some(shares) = c.shares().filter(|s| *s > 0) {
            out.push(("cpu.weight", shares_to_weight(shares).to_string()));
        }
        if c.quota().is_some() || c.period().is_some() {
            let quota = c.quota().filter(|q| *q > 0).map(|q| q.to_string()).unwrap_or_else(|| "max".into());
            out.push(("cpu.max", format!("{quota} {}", c.period().unwrap_or(100_000))));
        }
        if let Some(cpus) = c.cpus().as_ref().filter(|s| !s.is_empty()) {
            out.push(("cpuset.cpus", cpus.clone()));
        }
        if let Some(mems) = c.mems().as_ref().filter(|s| !s.is_empty()) {
            out.push(("cpuset.mems", mems.clone()));
        }
    }
    if let Some(p) = r.pids() {
        out.push(("pids.max", max_or(p.limit())));
    }
    out
}

/// A limit, or `max` for none (zero or negative in the spec).
fn max_or(v: i64) -> String {
    if v > 0 {
        v.to_string()
    } else {
        "max".into()
    }
}

/// cgroup v1 cpu.shares (2..262144) to v2 cpu.weight (1..10000), as crun and runc convert.
pub fn shares_to_weight(shares: u64) -> u64 {
    let s = shares.clamp(2, 262_144);
    1 + ((s - 2) * 9999) / 262_142
}

/// The controllers `files` need (`memory.max` -> `memory`).
fn controllers(files: &[(&'static str, String)]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = files.iter().filter_map(|(f, _)| f.split('.').next()).collect();
    v.dedup();
    v
}

/// The delegated cgroup containers go under, if this host has one we may write.
pub fn delegated_base(rootless: bool) -> Option<PathBuf> {
    if !Path::new(CGROUP_ROOT).join("cgroup.controllers").exists() {
        return None;
    }
    let base = if rootless {
        let uid = nix::unistd::getuid().as_raw();
        PathBuf::from(format!("{CGROUP_ROOT}/user.slice/user-{uid}.slice/user@{uid}.service"))
    } else {
        PathBuf::from(CGROUP_ROOT)
    };
    let procs = base.join("cgroup.subtree_control");
    nix::unistd::access(&procs, nix::unistd::AccessFlags::W_OK).ok().map(|_| base)
}

/// The container's cgroup under `base`.
pub fn container_cgroup(base: &Path, id: &str) -> PathBuf {
    base.join(format!("burrow-{id}"))
}

/// Creates the container's cgroup with the spec's limits and moves `pid` (its init) into it.
/// Returns the cgroup's path; None when there are no limits or no delegated subtree.
pub fn join(spec: &oci_spec::runtime::Spec, id: &str, rootless: bool, pid: i32) -> Result<Option<PathBuf>, String> {
    let Some(r) = spec.linux().as_ref().and_then(|l| l.resources().as_ref()) else { return Ok(None) };
    let files = limit_files(r);
    if files.is_empty() {
        return Ok(None);
    }
    let Some(base) = delegated_base(rootless) else { return Ok(None) };
    let enable: Vec<String> = controllers(&files).iter().map(|c| format!("+{c}")).collect();
    // Already enabled is fine; a controller not delegated to us fails on its file below.
    let _ = std::fs::write(base.join("cgroup.subtree_control"), enable.join(" "));
    let cg = container_cgroup(&base, id);
    match std::fs::create_dir(&cg) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(format!("creating cgroup {}: {e}", cg.display())),
    }
    let result = files
        .iter()
        .try_for_each(|(f, v)| std::fs::write(cg.join(f), v).map_err(|e| format!("setting {f} to {v}: {e}")))
        .and_then(|_| {
            std::fs::write(cg.join("cgroup.procs"), pid.to_string())
                .map_err(|e| format!("moving the container into cgroup {}: {e}", cg.display()))
        });
    match result {
        Ok(()) => Ok(Some(cg)),
        Err(e) => {
            let _ = std::fs::remove_dir(&cg);
            Err(e)
        }
    }
}

/// Removes the container's cgroup once its processes are gone.
pub fn remove(id: &str, rootless: bool) {
    if let Some(base) = delegated_base(rootless) {
        let _ = std::fs::remove_dir(container_cgroup(&base, id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::{LinuxCpuBuilder, LinuxMemoryBuilder, LinuxPidsBuilder, LinuxResourcesBuilder};

    fn get<'a>(files: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
        files.iter().find(|(f, _)| *f == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn files_from_podman_flags() {
        // -m 512m --cpus 1.5 --pids-limit 100, as spec/limits.rs writes them.
        let r = LinuxResourcesBuilder::default()
            .memory(LinuxMemoryBuilder::default().limit(512 << 20).build().unwrap())
            .cpu(LinuxCpuBuilder::default().quota(150_000).period(100_000u64).build().unwrap())
            .pids(LinuxPidsBuilder::default().limit(100).build().unwrap())
            .build()
            .unwrap();
        let f = limit_files(&r);
        assert_eq!(get(&f, "memory.max"), Some("536870912"));
        assert_eq!(get(&f, "cpu.max"), Some("150000 100000"));
        assert_eq!(get(&f, "pids.max"), Some("100"));
        assert_eq!(get(&f, "memory.swap.max"), None, "no --memory-swap: left as it is");
        assert_eq!(controllers(&f), ["memory", "cpu", "pids"]);
    }

    #[test]
    fn unlimited_swap_shares_and_cpusets() {
        let r = LinuxResourcesBuilder::default()
            .memory(LinuxMemoryBuilder::default().limit(1i64 << 30).swap(3i64 << 30).reservation(1 << 20).build().unwrap())
            .cpu(LinuxCpuBuilder::default().shares(1024u64).cpus("0-1").mems("0").build().unwrap())
            .pids(LinuxPidsBuilder::default().limit(-1).build().unwrap())
            .build()
            .unwrap();
        let f = limit_files(&r);
        assert_eq!(get(&f, "memory.swap.max"), Some("2147483648"), "OCI swap is memory+swap");
        assert_eq!(get(&f, "memory.low"), Some("1048576"));
        assert_eq!(get(&f, "cpu.weight"), Some("39"), "1024 shares, crun's conversion");
        assert_eq!(get(&f, "cpu.max"), None, "no quota asked");
        assert_eq!(get(&f, "cpuset.cpus"), Some("0-1"));
        assert_eq!(get(&f, "cpuset.mems"), Some("0"));
        assert_eq!(get(&f, "pids.max"), Some("max"), "--pids-limit 0 or -1: unlimited");
        let swapless = LinuxResourcesBuilder::default()
            .memory(LinuxMemoryBuilder::default().limit(1 << 30).swap(-1).build().unwrap())
            .build()
            .unwrap();
        assert_eq!(get(&limit_files(&swapless), "memory.swap.max"), Some("max"));
    }

    #[test]
    fn weights() {
        assert_eq!(shares_to_weight(2), 1);
        assert_eq!(shares_to_weight(262_144), 10_000);
        assert_eq!(shares_to_weight(1), 1, "clamped");
    }

    #[test]
    fn no_resources_no_cgroup() {
        let spec = oci_spec::runtime::Spec::default();
        assert_eq!(join(&spec, "x", true, 1), Ok(None));
        assert!(container_cgroup(Path::new("/b"), "abc").ends_with("burrow-abc"));
    }
}
