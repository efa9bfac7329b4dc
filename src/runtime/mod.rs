//! The built-in OCI runtime: spec generation (spec.rs), the container init (init.rs),
//! capabilities (caps.rs), seccomp (seccomp.rs), safe in-root path resolution (fsroot.rs)
//! and user lookup (user.rs).
//!
//! burrow writes its own runtime file beside config.json: `runtime.json` ([`RuntimeConfig`])
//! with what the OCI spec has no place for (the overlay plan, stdio, log path), so that the
//! monitor needs neither the database nor the store lock to start a container.

pub mod caps;
pub mod cgroup;
pub mod fdcopy;
pub mod fsroot;
pub mod fuse;
pub mod init;
pub mod reaper;
pub mod seccomp;
pub mod spec;
pub mod user;

use std::path::PathBuf;

use oci_spec::runtime::Spec;
use serde::{Deserialize, Serialize};

/// Annotation holding `-u` as given (resolved by the init inside the container's root).
pub const ANN_USER: &str = "io.burrow.user";
/// Annotation choosing the seccomp profile: `default`, `unconfined` or `file:<path>`.
pub const ANN_SECCOMP: &str = "io.burrow.seccomp";
pub const ANN_STOP_SIGNAL: &str = "io.burrow.stop-signal";

/// How the container's root filesystem is put together.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RootfsPlan {
    /// `overlay` (kernel, mounted by the init), `fuse-overlayfs` (mounted by the monitor, see
    /// fuse.rs), or `vfs` (the layers copied into `upper` at create, bind-mounted).
    pub driver: String,
    /// For fuse-overlayfs: the program (storage.conf's or `--storage-opt` mount_program).
    #[serde(default)]
    pub mount_program: Option<PathBuf>,
    /// The store's layers dir; lowerdirs are given relative to it to keep options short.
    pub layers_dir: PathBuf,
    /// Layer diff dirs, top first (overlay's lowerdir order).
    pub lowers: Vec<PathBuf>,
    pub upper: PathBuf,
    pub work: PathBuf,
    pub merged: PathBuf,
    /// Rootless kernel overlay reads `user.overlay.*` xattrs only with `userxattr`.
    pub userxattr: bool,
}

/// The restart policy carried out by the monitor (`--restart`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct RestartPolicy {
    /// `no`, `on-failure`, `always`, `unless-stopped`.
    pub name: String,
    /// For on-failure: the most restarts (0 = unlimited).
    pub max_retries: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuntimeConfig {
    pub id: String,
    pub name: String,
    pub rootfs: RootfsPlan,
    pub log_path: PathBuf,
    pub tty: bool,
    pub interactive: bool,
    pub rootless: bool,
    #[serde(default)]
    pub restart: RestartPolicy,
    /// `--rm`: the monitor removes the container when it exits and nobody else will.
    #[serde(default)]
    pub rm: bool,
    /// The store and runtime dirs, for that removal (`burrow --root R --runroot RR rm -f`).
    #[serde(default)]
    pub store_root: PathBuf,
    #[serde(default)]
    pub store_runroot: PathBuf,
    /// The network the monitor sets up at each start.
    #[serde(default)]
    pub net: crate::network::NetPlan,
    /// The container's own user namespace (`--userns=keep-id|nomap|auto`, `--uidmap`):
    /// None runs it in the per-user namespace.
    #[serde(default)]
    pub userns: Option<ChildUserns>,
}

/// Maps of a container's own user namespace, in ids of the per-user namespace.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChildUserns {
    pub uid_map: Vec<crate::userns::IdMap>,
    pub gid_map: Vec<crate::userns::IdMap>,
}

impl RuntimeConfig {
    /// Compiled seccomp programs, shared by all containers of the store.
    pub fn seccomp_cache(&self) -> PathBuf {
        self.store_root.join("cache")
    }
}

/// A pidfd for `pid` (readable once the process has exited), if it still exists.
pub fn pidfd_open(pid: i32) -> Option<std::os::fd::OwnedFd> {
    use std::os::fd::FromRawFd;
    if pid <= 0 {
        return None;
    }
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
    // SAFETY: a new fd that nothing else owns.
    (fd >= 0).then(|| unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) })
}

/// Waits up to `ms` for the process behind `pidfd` to exit; true if it has.
pub fn pidfd_wait(pidfd: &std::os::fd::OwnedFd, ms: i32) -> bool {
    use std::os::fd::AsRawFd;
    let mut p = libc::pollfd { fd: pidfd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    unsafe { libc::poll(&mut p, 1, ms) > 0 }
}

pub fn annotation(spec: &Spec, key: &str) -> Option<String> {
    spec.annotations().as_ref().and_then(|a| a.get(key)).cloned()
}

/// The seccomp profile the spec asks for (None = unconfined).
pub fn seccomp_choice(spec: &Spec) -> Result<Option<seccomp::ProfileSpec>, String> {
    match annotation(spec, ANN_SECCOMP).as_deref() {
        None | Some("default") => Ok(Some(seccomp::default_profile())),
        Some("unconfined") => Ok(None),
        Some(other) => match other.strip_prefix("file:") {
            Some(path) => seccomp::load_file(std::path::Path::new(path)).map(Some).map_err(|e| e.to_string()),
            None => Err(format!("unknown seccomp choice {other:?}")),
        },
    }
}
