//! The container init: runs in the child the monitor clones into new namespaces, turns
//! the OCI spec into a running process and execs it.
//!
//! Order matters and follows runc: private mount propagation, rootfs, the spec's mounts
//! (each target resolved inside the rootfs, see fsroot.rs), devices, masked and read-only
//! paths, pivot_root, hostname, rlimits, user lookup (inside the new root), seccomp (while
//! we still hold CAP_SYS_ADMIN, unless no_new_privs lets us load it later), setgroups /
//! setgid / setuid, capabilities, no_new_privs, close every fd above 2, exec.
//! Failures are written to the error pipe as "CODE\nMESSAGE" and the child exits; a
//! successful exec closes the pipe (O_CLOEXEC) with nothing written.

use std::ffi::CString;
use std::io::Write;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};

use nix::mount::{mount, umount2, MntFlags, MsFlags};
use oci_spec::runtime::Spec;

use super::fsroot::{ensure_in_root, fd_path, open_in_root, Kind};
use super::{annotation, RootfsPlan};

/// What the monitor hands to the init besides the spec.
pub struct InitArgs<'a> {
    pub spec: &'a Spec,
    pub rootfs: &'a RootfsPlan,
    /// Fds to become 0, 1, 2 (pipe ends or a pty slave).
    pub stdio: [RawFd; 3],
    pub tty: bool,
    pub error_pipe: RawFd,
    pub rootless: bool,
    /// Where compiled seccomp programs are cached (the store's cache dir).
    pub seccomp_cache: &'a Path,
    /// A network namespace to join first (`--network container:` and `ns:`).
    pub join_netns: Option<RawFd>,
    /// Read one byte from this before exec: the monitor's network helper is ready.
    pub net_ready: Option<RawFd>,
    /// (ready, go) pipe ends: unshare a user namespace of our own once the root is set
    /// up, say so on `ready`, and wait on `go` while the monitor writes its maps.
    pub userns_sync: Option<(RawFd, RawFd)>,
}

/// The container's bounding capabilities as `CAP_*` names.
pub fn bounding_caps(process: &oci_spec::runtime::Process) -> Vec<String> {
    process
        .capabilities()
        .as_ref()
        .and_then(|c| c.bounding().as_ref())
        .map(|b| b.iter().map(|c| format!("CAP_{c}")).collect::<Vec<_>>())
        .unwrap_or_default()
}

/// The spec's seccomp choice, compiled for these caps (None: unconfined).
pub fn compiled_seccomp(
    spec: &Spec,
    caps: &[String],
    cache: &Path,
) -> Result<Option<super::seccomp::Compiled>, String> {
    match super::seccomp_choice(spec)? {
        None => Ok(None),
        Some(profile) => super::seccomp::compile_cached(&profile, caps, cache).map_err(|e| e.to_string()),
    }
}

/// A failure with the exit code podman uses for it (125 setup, 126 can't exec, 127 not found).
pub struct InitError {
    pub code: i32,
    pub msg: String,
}

fn fail<T>(code: i32, msg: impl Into<String>) -> Result<T, InitError> {
    Err(InitError { code, msg: msg.into() })
}

trait Ctx<T> {
    fn ctx(self, what: impl FnOnce() -> String) -> Result<T, InitError>;
}
impl<T, E: std::fmt::Display> Ctx<T> for Result<T, E> {
    fn ctx(self, what: impl FnOnce() -> String) -> Result<T, InitError> {
        self.map_err(|e| InitError { code: 125, msg: format!("{}: {e}", what()) })
    }
}

/// Runs the init; never returns.
pub fn run(a: &InitArgs) -> ! {
    let err = match setup_and_exec(a) {
        Ok(never) => match never {},
        Err(e) => e,
    };
    let mut f = unsafe { std::fs::File::from_raw_fd(a.error_pipe) };
    let _ = write!(f, "{}\n{}", err.code, err.msg);
    drop(f);
    unsafe { libc::_exit(err.code) }
}

pub enum Never {}

fn setup_and_exec(a: &InitArgs) -> Result<Never, InitError> {
    unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong) };
    if let Some(fd) = a.join_netns {
        let ns = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
        nix::sched::setns(ns, nix::sched::CloneFlags::CLONE_NEWNET)
            .ctx(|| "joining the network namespace".into())?;
    }
    let spec = a.spec;
    let process = spec.process().as_ref().ok_or(InitError { code: 125, msg: "spec has no process".into() })?;
    setup_stdio(a)?;
    mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>)
        .ctx(|| "making mounts private".into())?;
    let root = mount_rootfs(a.rootfs)?;
    let root_fd = std::fs::File::open(&root).ctx(|| format!("opening {}", root.display()))?;
    let rfd = root_fd.as_raw_fd();
    let has_netns = spec
        .linux()
        .as_ref()
        .and_then(|l| l.namespaces().as_ref())
        .is_some_and(|ns| ns.iter().any(|n| n.typ() == oci_spec::runtime::LinuxNamespaceType::Network));
    if has_netns && a.join_netns.is_none() {
        // A new namespace starts with `lo` down; podman's containers have it up (pasta
        // would bring it up too, `--network none` relies on us).
        loopback_up();
    }
    let spec_user = annotation(spec, super::ANN_USER).unwrap_or_default();
    for m in spec.mounts().as_deref().unwrap_or(&[]) {
        do_mount(rfd, spec, m, has_netns, &spec_user)?;
    }
    setup_devices(rfd, spec, a.tty)?;
    if let Some(linux) = spec.linux() {
        for p in linux.masked_paths().as_deref().unwrap_or(&[]) {
            mask_path(rfd, Path::new(p))?;
        }
        for p in linux.readonly_paths().as_deref().unwrap_or(&[]) {
            readonly_path(rfd, Path::new(p))?;
        }
    }
    drop(root_fd);
    // Compiled (or read from the cache) while the host's store is still reachable.
    let caps_for_filter = bounding_caps(process);
    let seccomp = compiled_seccomp(spec, &caps_for_filter, a.seccomp_cache).or_else(|m| fail(125, m))?;
    pivot(&root)?;
    if spec.root().as_ref().is_some_and(|r| r.readonly() == Some(true)) {
        mount(
            None::<&str>,
            "/",
            None::<&str>,
            MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY,
            None::<&str>,
        )
        .ctx(|| "making the root read-only".into())?;
    }
    if let Some(h) = spec.hostname() {
        nix::unistd::sethostname(h).ctx(|| "setting the hostname".into())?;
    }
    for r in process.rlimits().as_deref().unwrap_or(&[]) {
        set_rlimit(r)?;
    }
    if let Some(sync) = a.userns_sync {
        give_tmpfs_to_container_root(spec);
        enter_own_userns(sync)?;
    }
    let caps = caps_for_filter;
    let plan = ProcessPlan {
        user: annotation(spec, super::ANN_USER).unwrap_or_default(),
        env: process.env().clone().unwrap_or_default(),
        cwd: process.cwd().clone(),
        caps,
        no_new_privs: process.no_new_privileges().unwrap_or(false),
        seccomp: None,
        args: process.args().clone().unwrap_or_default(),
        rootless: a.rootless,
    };
    let mut plan = plan;
    plan.seccomp = seccomp;
    if let Some(fd) = a.net_ready {
        wait_for_network(fd)?;
    }
    enter_process(&plan)
}

/// Sets IFF_UP on `lo` in the current network namespace (best effort).
fn loopback_up() {
    let sock = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if sock < 0 {
        return;
    }
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (i, b) in b"lo".iter().enumerate() {
        req.ifr_name[i] = *b as libc::c_char;
    }
    unsafe {
        if libc::ioctl(sock, libc::SIOCGIFFLAGS, &mut req) == 0 {
            req.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
            libc::ioctl(sock, libc::SIOCSIFFLAGS, &req);
        }
        libc::close(sock);
    }
}

/// Blocks until the monitor says the network helper has configured our namespace (one
/// byte); EOF means it failed, and the monitor reports why.
fn wait_for_network(fd: RawFd) -> Result<(), InitError> {
    let mut b = [0u8; 1];
    loop {
        let n = unsafe { libc::read(fd, b.as_mut_ptr().cast(), 1) };
        if n == 1 {
            unsafe { libc::close(fd) };
            return Ok(());
        }
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        return fail(125, "the container's network could not be set up");
    }
}

/// The tmpfs mounts the init made (/dev, /dev/shm, --tmpfs, ...) belong to the per-user
/// namespace's root; under the container's own maps they are given to its root instead,
/// as if the container had mounted them. Runs after pivot_root (paths are the container's).
fn give_tmpfs_to_container_root(spec: &Spec) {
    let (uid, gid) = own_userns_ids(spec, 0, 0);
    for m in spec.mounts().as_deref().unwrap_or(&[]) {
        if matches!(m.typ().as_deref(), Some("tmpfs") | Some("mqueue")) {
            let _ = std::os::unix::fs::lchown(m.destination(), Some(uid), Some(gid));
        }
    }
}

/// Moves the init into a user namespace of its own (keep-id, nomap, auto, --uidmap). It
/// comes last among the setup steps, so the mounts above were made with the per-user
/// namespace's rights, which reach the store and bind sources whatever the new maps are.
/// The mount, pid, network, uts and ipc namespaces stay owned by the per-user namespace,
/// so the container's root can't remount or reconfigure them (docs/userns.md).
fn enter_own_userns((ready, go): (RawFd, RawFd)) -> Result<(), InitError> {
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUSER)
        .ctx(|| "creating the container's user namespace".into())?;
    let mut ready = unsafe { std::fs::File::from_raw_fd(ready) };
    ready.write_all(b"u").ctx(|| "signalling the monitor".into())?;
    let mut b = [0u8; 1];
    let mut go = unsafe { std::fs::File::from_raw_fd(go) };
    if std::io::Read::read_exact(&mut go, &mut b).is_err() {
        return fail(125, "the monitor did not set up the container's user namespace");
    }
    // Root of the new namespace, as a fresh namespace's creator would be (when 0 is mapped).
    let _ = nix::unistd::setresgid(0.into(), 0.into(), 0.into());
    let _ = nix::unistd::setresuid(0.into(), 0.into(), 0.into());
    Ok(())
}

/// The last steps shared by a container's first process and `exec`: who to become, with
/// which privileges, where, and what to run. Runs inside the container's root.
pub struct ProcessPlan {
    /// `-u` as given ("" = root), resolved in the container's /etc/passwd.
    pub user: String,
    pub env: Vec<String>,
    pub cwd: PathBuf,
    pub caps: Vec<String>,
    pub no_new_privs: bool,
    pub seccomp: Option<super::seccomp::Compiled>,
    pub args: Vec<String>,
    pub rootless: bool,
}

pub fn enter_process(p: &ProcessPlan) -> Result<Never, InitError> {
    reset_signals();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let group = std::fs::read_to_string("/etc/group").unwrap_or_default();
    let user = super::user::resolve(&p.user, &passwd, &group).or_else(|m| fail(125, m))?;
    let mut env = p.env.clone();
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        env.push(format!("HOME={}", user.home));
    }
    if std::fs::metadata(&p.cwd).is_err() {
        std::fs::create_dir_all(&p.cwd).ctx(|| format!("creating the working directory {}", p.cwd.display()))?;
    }
    // Without no_new_privs the kernel wants CAP_SYS_ADMIN to load a filter: do it while we
    // still have it. With no_new_privs, load it last so it need not allow our own setup.
    if !p.no_new_privs {
        if let Some(prog) = &p.seccomp {
            super::seccomp::load_compiled(prog).ctx(|| "installing the seccomp filter".into())?;
        }
    }
    set_ids(&user, p.rootless)?;
    let sets = super::caps::sets_for(&p.caps, user.uid).ctx(|| "computing capabilities".into())?;
    super::caps::apply(&sets).ctx(|| "setting capabilities".into())?;
    if p.no_new_privs {
        if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
            return fail(125, format!("setting no_new_privs: {}", std::io::Error::last_os_error()));
        }
        if let Some(prog) = &p.seccomp {
            super::seccomp::load_compiled(prog).ctx(|| "installing the seccomp filter".into())?;
        }
    }
    std::env::set_current_dir(&p.cwd).ctx(|| format!("entering the working directory {}", p.cwd.display()))?;
    exec(&p.args, &env)
}

/// The monitor blocks SIGCHLD (for its signalfd) and Rust ignores SIGPIPE; both survive
/// exec, so the container's process would inherit them (a shell whose `wait` never sees
/// SIGCHLD hangs; `yes | head` never ends). Start from the defaults, as runc does.
fn reset_signals() {
    unsafe {
        for sig in 1..libc::SIGRTMAX() {
            if sig != libc::SIGKILL && sig != libc::SIGSTOP {
                libc::signal(sig, libc::SIG_DFL);
            }
        }
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
    }
}

fn setup_stdio(a: &InitArgs) -> Result<(), InitError> {
    if a.tty {
        nix::unistd::setsid().ctx(|| "setsid".into())?;
        if unsafe { libc::ioctl(a.stdio[0], libc::TIOCSCTTY, 0) } < 0 {
            return fail(125, format!("setting the controlling terminal: {}", std::io::Error::last_os_error()));
        }
    }
    for (target, fd) in a.stdio.iter().enumerate() {
        if *fd != target as RawFd && unsafe { libc::dup2(*fd, target as RawFd) } < 0 {
            return fail(125, format!("setting up stdio: {}", std::io::Error::last_os_error()));
        }
    }
    Ok(())
}

/// Mounts the image layers and the container's upper dir at `merged`.
pub fn mount_rootfs(p: &RootfsPlan) -> Result<PathBuf, InitError> {
    // work and merged are made at the first mount (create makes only the upper dir).
    ensure_dirs(p)?;
    match p.driver.as_str() {
        "fuse-overlayfs" => fuse_rootfs_mounted(p)?,
        "vfs" => {
            mount(Some(&p.upper), &p.merged, None::<&str>, MsFlags::MS_BIND | MsFlags::MS_REC, None::<&str>)
                .ctx(|| format!("bind-mounting {}", p.upper.display()))?;
        }
        _ => {
            // Relative lowerdirs keep the option string short (it must fit in a page).
            let base = p.layers_dir.as_path();
            std::env::set_current_dir(base).ctx(|| format!("entering {}", base.display()))?;
            let lowers: Vec<String> = p
                .lowers
                .iter()
                .map(|l| {
                    l.strip_prefix(base).map(|r| r.display().to_string()).unwrap_or_else(|_| l.display().to_string())
                })
                .collect();
            let mut opts =
                format!("lowerdir={},upperdir={},workdir={}", lowers.join(":"), p.upper.display(), p.work.display());
            if p.userxattr {
                opts.push_str(",userxattr");
            }
            mount(Some("overlay"), &p.merged, Some("overlay"), MsFlags::empty(), Some(opts.as_str()))
                .ctx(|| format!("mounting the overlay rootfs at {}", p.merged.display()))?;
        }
    }
    Ok(p.merged.clone())
}

/// Makes the work and merged dirs if they aren't there yet.
pub fn ensure_dirs(p: &RootfsPlan) -> Result<(), InitError> {
    for d in [&p.work, &p.merged] {
        match std::fs::create_dir(d) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                return fail(125, format!("creating {}: {e}", d.display()))
            }
            _ => {}
        }
    }
    Ok(())
}

/// fuse-overlayfs is mounted by the monitor (runtime/fuse.rs); this mount namespace has a copy.
fn fuse_rootfs_mounted(p: &RootfsPlan) -> Result<(), InitError> {
    if super::fuse::is_mount_point(&p.merged) {
        Ok(())
    } else {
        fail(125, format!("the fuse-overlayfs rootfs is not mounted at {}", p.merged.display()))
    }
}

fn flags_and_data(options: &[String]) -> (MsFlags, Vec<String>) {
    let mut flags = MsFlags::empty();
    let mut data = Vec::new();
    for o in options {
        match o.as_str() {
            "ro" => flags |= MsFlags::MS_RDONLY,
            "rw" => {}
            "nosuid" => flags |= MsFlags::MS_NOSUID,
            "nodev" => flags |= MsFlags::MS_NODEV,
            "noexec" => flags |= MsFlags::MS_NOEXEC,
            "strictatime" => flags |= MsFlags::MS_STRICTATIME,
            "relatime" => flags |= MsFlags::MS_RELATIME,
            "noatime" => flags |= MsFlags::MS_NOATIME,
            "bind" => flags |= MsFlags::MS_BIND,
            "rbind" => flags |= MsFlags::MS_BIND | MsFlags::MS_REC,
            // SELinux labels don't apply; tmpcopyup, propagation and `U` are handled around
            // the mount.
            "private" | "rprivate" | "slave" | "rslave" | "shared" | "rshared" | "unbindable" | "runbindable" | "z"
            | "Z" | "tmpcopyup" | "U" | "copyup" | "suid" | "dev" | "exec" => {}
            other => data.push(other.to_string()),
        }
    }
    (flags, data)
}

fn do_mount(
    rfd: RawFd,
    spec: &Spec,
    m: &oci_spec::runtime::Mount,
    has_netns: bool,
    spec_user: &str,
) -> Result<(), InitError> {
    let dest = m.destination();
    let typ = m.typ().clone().unwrap_or_else(|| "bind".into());
    let options = m.options().clone().unwrap_or_default();
    let (mut flags, data) = flags_and_data(&options);
    let is_bind = typ == "bind" || flags.contains(MsFlags::MS_BIND);
    let source = m.source().clone().unwrap_or_default();
    if typ == "sysfs" && !has_netns {
        // sysfs can only be mounted by the owner of the network namespace: bind the host's.
        return bind_mount(rfd, Path::new("/sys"), dest, true, true);
    }
    if typ == "cgroup" || typ == "cgroup2" {
        // Rootless on cgroup v1 (or without a cgroup namespace) this fails; containers then
        // see no cgroup tree, which is what podman gives them there too.
        let fd = match ensure_in_root(rfd, dest, Kind::Dir) {
            Ok(fd) => fd,
            Err(_) => return Ok(()),
        };
        let _ = mount(Some("cgroup2"), fd_path(&fd).as_str(), Some("cgroup2"), flags, None::<&str>);
        return Ok(());
    }
    if is_bind {
        if options.iter().any(|o| o == "copyup") {
            copy_up_once(rfd, dest, &source)?;
        }
        if options.iter().any(|o| o == "U") {
            let (uid, gid) = container_ids(rfd, spec_user)?;
            let (uid, gid) = own_userns_ids(spec, uid, gid);
            chown_tree(&source, uid, gid).ctx(|| format!("chowning {} to {uid}:{gid}", source.display()))?;
        }
        let ro = flags.contains(MsFlags::MS_RDONLY);
        bind_mount(rfd, &source, dest, ro, flags.contains(MsFlags::MS_REC))?;
        let extra = flags & (MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC);
        if !extra.is_empty() {
            let fd = open_in_root(rfd, dest, libc::O_PATH).ctx(|| format!("reopening {}", dest.display()))?;
            let f = if ro { extra | MsFlags::MS_RDONLY } else { extra };
            remount_bind(&fd_path(&fd), f).ctx(|| format!("remounting {}", dest.display()))?;
        }
        return set_propagation(rfd, dest, &options);
    }
    let fd = ensure_in_root(rfd, dest, Kind::Dir).ctx(|| format!("creating mount point {}", dest.display()))?;
    let target = fd_path(&fd);
    let copy_from = tmpcopyup_source(&typ, &options, &target, dest)?;
    let mut data_s = data.join(",");
    let mut r = mount(Some(source.as_path()), target.as_str(), Some(typ.as_str()), flags, Some(data_s.as_str()));
    if r.is_err() && typ == "devpts" {
        // gid=5 needs gid 5 mapped in our namespace; without subordinate ids it isn't.
        data_s = data.iter().filter(|d| !d.starts_with("gid=")).cloned().collect::<Vec<_>>().join(",");
        r = mount(Some(source.as_path()), target.as_str(), Some(typ.as_str()), flags, Some(data_s.as_str()));
    }
    if r.is_err() && typ == "mqueue" {
        return Ok(());
    }
    if r.is_err() && flags.contains(MsFlags::MS_RDONLY) {
        flags.remove(MsFlags::MS_RDONLY);
    }
    r.ctx(|| format!("mounting {typ} on {}", dest.display()))?;
    if let Some(src) = copy_from {
        tmpcopyup(rfd, &src, dest)?;
    }
    Ok(())
}

/// For a tmpfs with `tmpcopyup`: the image's directory at the mount point, opened before the
/// tmpfs hides it.
fn tmpcopyup_source(typ: &str, options: &[String], target: &str, dest: &Path) -> Result<Option<OwnedFd>, InitError> {
    if typ != "tmpfs" || !options.iter().any(|o| o == "tmpcopyup") {
        return Ok(None);
    }
    let dir = std::fs::File::open(target).ctx(|| format!("opening {} for tmpcopyup", dest.display()))?;
    Ok(Some(OwnedFd::from(dir)))
}

/// Copies the image's content of `dest` (`src`) into the tmpfs now mounted there, owners and
/// modes kept (podman's tmpcopyup, done by crun and runc).
fn tmpcopyup(rfd: RawFd, src: &OwnedFd, dest: &Path) -> Result<(), InitError> {
    // Resolved again from the root: /proc/self/fd of the mount point names the directory
    // below the new tmpfs, not the tmpfs.
    let dst = open_in_root(rfd, dest, libc::O_DIRECTORY | libc::O_RDONLY)
        .ctx(|| format!("opening the tmpfs at {}", dest.display()))?;
    super::fdcopy::copy_dir(src, dst.as_raw_fd(), super::fdcopy::CopyMode { keep_owner: true, overwrite: false, owner: None })
        .ctx(|| format!("copying the image's {} into its tmpfs", dest.display()))
}

fn bind_mount(rfd: RawFd, source: &Path, dest: &Path, ro: bool, recursive: bool) -> Result<(), InitError> {
    let kind = if std::fs::metadata(source).map(|m| m.is_dir()).unwrap_or(true) { Kind::Dir } else { Kind::File };
    let fd = ensure_in_root(rfd, dest, kind).ctx(|| format!("creating mount point {}", dest.display()))?;
    let target = fd_path(&fd);
    let mut flags = MsFlags::MS_BIND;
    if recursive {
        flags |= MsFlags::MS_REC;
    }
    mount(Some(source), target.as_str(), None::<&str>, flags, None::<&str>)
        .ctx(|| format!("bind-mounting {} on {}", source.display(), dest.display()))?;
    if ro {
        // A new bind mount takes MS_RDONLY only on a remount; keep the flags the kernel locked.
        let fd = open_in_root(rfd, dest, libc::O_PATH).ctx(|| format!("reopening {}", dest.display()))?;
        remount_ro(&fd_path(&fd)).ctx(|| format!("making {} read-only", dest.display()))?;
    }
    Ok(())
}

/// The uid and gid the container's process will run as, resolved in the rootfs' own
/// /etc/passwd and /etc/group (opened inside the root, so a symlink can't point elsewhere).
fn container_ids(rfd: RawFd, user: &str) -> Result<(u32, u32), InitError> {
    let read = |p: &str| -> String {
        open_in_root(rfd, Path::new(p), libc::O_RDONLY)
            .ok()
            .and_then(|fd| std::io::read_to_string(std::fs::File::from(fd)).ok())
            .unwrap_or_default()
    };
    let u = super::user::resolve(user, &read("/etc/passwd"), &read("/etc/group")).or_else(|m| fail(125, m))?;
    Ok((u.uid, u.gid))
}

/// Beside a volume's `_data`: present once the volume had its first mount (podman copies
/// the image's content into a volume only then, even when it stays empty afterwards).
pub const COPIED_UP: &str = "copied-up";

/// Copy-up on a volume's first mount only: the marker is written after it (also when there
/// was nothing to copy), so a volume the user emptied stays empty.
fn copy_up_once(rfd: RawFd, dest: &Path, data: &Path) -> Result<(), InitError> {
    let marker = data.parent().map(|p| p.join(COPIED_UP));
    if marker.as_ref().is_some_and(|m| m.exists()) {
        return Ok(());
    }
    super::fdcopy::copy_up(rfd, dest, data)
        .ctx(|| format!("copying the image's {} into the volume", dest.display()))?;
    if let Some(m) = marker {
        std::fs::write(&m, b"").ctx(|| format!("writing {}", m.display()))?;
    }
    Ok(())
}

/// Container ids as ids of the per-user namespace, through the spec's uid/gid mappings
/// when the container has a user namespace of its own (the chown happens before it).
fn own_userns_ids(spec: &Spec, uid: u32, gid: u32) -> (u32, u32) {
    let conv = |maps: Option<&Vec<oci_spec::runtime::LinuxIdMapping>>, id: u32| {
        let maps: Vec<crate::userns::IdMap> = maps
            .map(|v| {
                v.iter()
                    .map(|m| crate::userns::IdMap {
                        container_id: m.container_id(),
                        host_id: m.host_id(),
                        size: m.size(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        crate::userns::mapping::to_parent(&maps, id)
    };
    let linux = spec.linux().as_ref();
    (conv(linux.and_then(|l| l.uid_mappings().as_ref()), uid), conv(linux.and_then(|l| l.gid_mappings().as_ref()), gid))
}

/// `:U`: the source tree becomes the container user's (ids of our user namespace, so the
/// host sees the mapped ids). Symlinks are changed themselves, never followed.
fn chown_tree(path: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
    std::os::unix::fs::lchown(path, Some(uid), Some(gid))?;
    let meta = std::fs::symlink_metadata(path)?;
    if meta.is_dir() {
        for entry in std::fs::read_dir(path)? {
            chown_tree(&entry?.path(), uid, gid)?;
        }
    }
    Ok(())
}

/// A propagation option given by the user (`rprivate` is what every mount already has).
fn set_propagation(rfd: RawFd, dest: &Path, options: &[String]) -> Result<(), InitError> {
    let flags = match options
        .iter()
        .map(String::as_str)
        .find(|o| o.contains("shared") || o.contains("slave") || o.contains("bindable"))
    {
        Some("shared") => MsFlags::MS_SHARED,
        Some("rshared") => MsFlags::MS_SHARED | MsFlags::MS_REC,
        Some("slave") => MsFlags::MS_SLAVE,
        Some("rslave") => MsFlags::MS_SLAVE | MsFlags::MS_REC,
        Some("unbindable") => MsFlags::MS_UNBINDABLE,
        Some("runbindable") => MsFlags::MS_UNBINDABLE | MsFlags::MS_REC,
        _ => return Ok(()),
    };
    let fd = open_in_root(rfd, dest, libc::O_PATH).ctx(|| format!("reopening {}", dest.display()))?;
    mount(None::<&str>, fd_path(&fd).as_str(), None::<&str>, flags, None::<&str>)
        .ctx(|| format!("setting the propagation of {}", dest.display()))
}

fn remount_ro(target: &str) -> nix::Result<()> {
    remount_bind(target, MsFlags::MS_RDONLY)
}

/// A bind remount adding `extra`, keeping the flags the kernel locked on the source.
fn remount_bind(target: &str, extra: MsFlags) -> nix::Result<()> {
    let locked = nix::sys::statvfs::statvfs(target)
        .map(|s| {
            let f = s.flags();
            let mut m = MsFlags::empty();
            if f.contains(nix::sys::statvfs::FsFlags::ST_NOSUID) {
                m |= MsFlags::MS_NOSUID;
            }
            if f.contains(nix::sys::statvfs::FsFlags::ST_NODEV) {
                m |= MsFlags::MS_NODEV;
            }
            if f.contains(nix::sys::statvfs::FsFlags::ST_NOEXEC) {
                m |= MsFlags::MS_NOEXEC;
            }
            m
        })
        .unwrap_or(MsFlags::empty());
    mount(None::<&str>, target, None::<&str>, MsFlags::MS_BIND | MsFlags::MS_REMOUNT | extra | locked, None::<&str>)
}

/// /dev: the host's device nodes bind-mounted (an unprivileged user namespace can't mknod),
/// the standard symlinks, and /dev/console for a terminal.
fn setup_devices(rfd: RawFd, spec: &Spec, tty: bool) -> Result<(), InitError> {
    let mut devices: Vec<String> = ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(list) = spec.linux().as_ref().and_then(|l| l.devices().as_ref()) {
        for d in list {
            let p = d.path().display().to_string();
            if !devices.contains(&p) {
                devices.push(p);
            }
        }
    }
    for d in &devices {
        if Path::new(d).exists() {
            bind_mount(rfd, Path::new(d), Path::new(d), false, false)?;
        }
    }
    let dev = open_in_root(rfd, Path::new("/dev"), libc::O_DIRECTORY | libc::O_RDONLY).ctx(|| "opening /dev".into())?;
    for (name, target) in [
        ("ptmx", "pts/ptmx"),
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
        ("core", "/proc/kcore"),
    ] {
        let _ = nix::unistd::symlinkat(target, &dev, name);
    }
    if tty {
        let pts = nix::unistd::ttyname(unsafe { std::os::fd::BorrowedFd::borrow_raw(0) })
            .ctx(|| "finding the terminal".into())?;
        bind_mount(rfd, &pts, Path::new("/dev/console"), false, false)?;
    }
    Ok(())
}

fn mask_path(rfd: RawFd, p: &Path) -> Result<(), InitError> {
    let Ok(fd) = open_in_root(rfd, p, libc::O_PATH) else { return Ok(()) };
    let target = fd_path(&fd);
    let is_dir = std::fs::metadata(&target).map(|m| m.is_dir()).unwrap_or(false);
    let r = if is_dir {
        mount(Some("tmpfs"), target.as_str(), Some("tmpfs"), MsFlags::MS_RDONLY, Some("size=0k"))
    } else {
        mount(Some("/dev/null"), target.as_str(), None::<&str>, MsFlags::MS_BIND, None::<&str>)
    };
    r.ctx(|| format!("masking {}", p.display()))
}

fn readonly_path(rfd: RawFd, p: &Path) -> Result<(), InitError> {
    let Ok(fd) = open_in_root(rfd, p, libc::O_PATH) else { return Ok(()) };
    let target = fd_path(&fd);
    mount(Some(target.as_str()), target.as_str(), None::<&str>, MsFlags::MS_BIND | MsFlags::MS_REC, None::<&str>)
        .ctx(|| format!("binding {} read-only", p.display()))?;
    let fd = open_in_root(rfd, p, libc::O_PATH).ctx(|| format!("reopening {}", p.display()))?;
    remount_ro(&fd_path(&fd)).ctx(|| format!("making {} read-only", p.display()))
}

fn pivot(root: &Path) -> Result<(), InitError> {
    std::env::set_current_dir(root).ctx(|| "entering the rootfs".into())?;
    nix::unistd::pivot_root(".", ".").ctx(|| "pivot_root".into())?;
    umount2(".", MntFlags::MNT_DETACH).ctx(|| "detaching the old root".into())?;
    std::env::set_current_dir("/").ctx(|| "entering /".into())
}

fn set_rlimit(r: &oci_spec::runtime::PosixRlimit) -> Result<(), InitError> {
    use oci_spec::runtime::PosixRlimitType as T;
    let res = match r.typ() {
        T::RlimitCpu => libc::RLIMIT_CPU,
        T::RlimitFsize => libc::RLIMIT_FSIZE,
        T::RlimitData => libc::RLIMIT_DATA,
        T::RlimitStack => libc::RLIMIT_STACK,
        T::RlimitCore => libc::RLIMIT_CORE,
        T::RlimitRss => libc::RLIMIT_RSS,
        T::RlimitNproc => libc::RLIMIT_NPROC,
        T::RlimitNofile => libc::RLIMIT_NOFILE,
        T::RlimitMemlock => libc::RLIMIT_MEMLOCK,
        T::RlimitAs => libc::RLIMIT_AS,
        T::RlimitLocks => libc::RLIMIT_LOCKS,
        T::RlimitSigpending => libc::RLIMIT_SIGPENDING,
        T::RlimitMsgqueue => libc::RLIMIT_MSGQUEUE,
        T::RlimitNice => libc::RLIMIT_NICE,
        T::RlimitRtprio => libc::RLIMIT_RTPRIO,
        T::RlimitRttime => libc::RLIMIT_RTTIME,
    };
    let lim = libc::rlimit { rlim_cur: r.soft(), rlim_max: r.hard() };
    if unsafe { libc::setrlimit(res, &lim) } != 0 {
        return fail(125, format!("setting rlimit {:?}: {}", r.typ(), std::io::Error::last_os_error()));
    }
    Ok(())
}

fn set_ids(u: &super::user::ResolvedUser, rootless: bool) -> Result<(), InitError> {
    let groups: Vec<nix::unistd::Gid> = u.additional_gids.iter().map(|g| nix::unistd::Gid::from_raw(*g)).collect();
    // setgroups is denied in a namespace mapped without newgidmap (no subordinate ids).
    let setgroups_allowed =
        std::fs::read_to_string("/proc/self/setgroups").map(|s| s.trim() == "allow").unwrap_or(!rootless);
    if setgroups_allowed {
        nix::unistd::setgroups(&groups).ctx(|| "setting supplementary groups".into())?;
    }
    unsafe { libc::prctl(libc::PR_SET_KEEPCAPS, 1, 0, 0, 0) };
    let g = nix::unistd::Gid::from_raw(u.gid);
    nix::unistd::setresgid(g, g, g).ctx(|| format!("setting gid {}", u.gid))?;
    let uid = nix::unistd::Uid::from_raw(u.uid);
    nix::unistd::setresuid(uid, uid, uid).ctx(|| format!("setting uid {}", u.uid))?;
    Ok(())
}

/// Finds the program like execvp, with the container's PATH, so that "not found" and
/// "permission denied" can be told apart and reported with podman's exit codes.
fn exec(args: &[String], env: &[String]) -> Result<Never, InitError> {
    let Some(prog) = args.first() else {
        return fail(125, "no command specified");
    };
    let path_var = env
        .iter()
        .find_map(|e| e.strip_prefix("PATH="))
        .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    let candidates: Vec<PathBuf> = if prog.contains('/') {
        vec![PathBuf::from(prog)]
    } else {
        path_var.split(':').filter(|d| !d.is_empty()).map(|d| Path::new(d).join(prog)).collect()
    };
    let cargs: Vec<CString> = args.iter().filter_map(|a| CString::new(a.as_bytes()).ok()).collect();
    let cenv: Vec<CString> = env.iter().filter_map(|e| CString::new(e.as_bytes()).ok()).collect();
    // Nothing but 0-2 may reach the container (the error pipe is O_CLOEXEC too).
    unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, libc::CLOSE_RANGE_CLOEXEC as u32) };
    let mut denied = None;
    for c in &candidates {
        let Ok(cpath) = CString::new(c.as_os_str().as_encoded_bytes()) else { continue };
        let err = nix::unistd::execve(&cpath, &cargs, &cenv).err();
        match err {
            Some(nix::errno::Errno::ENOENT) | Some(nix::errno::Errno::ENOTDIR) => continue,
            Some(nix::errno::Errno::EACCES) => {
                denied.get_or_insert(c.clone());
            }
            Some(e) => {
                return fail(126, format!("{}: {}: OCI runtime error", c.display(), e.desc()));
            }
            None => {}
        }
    }
    if let Some(p) = denied {
        return fail(126, format!("{}: permission denied: OCI permission denied", p.display()));
    }
    if prog.contains('/') {
        fail(
            127,
            format!("{prog}: no such file or directory: OCI runtime attempted to invoke a command that was not found"),
        )
    } else {
        fail(127, format!("executable file `{prog}` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found"))
    }
}
