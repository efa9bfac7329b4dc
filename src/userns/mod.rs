//! The per-user user namespace: created once with newuidmap/newgidmap, pinned by a pause
//! process, joined by every command that touches image content.
//!
//! Joining uses setns(2), which the kernel refuses to a multi-threaded process, so
//! [`enter`] must run at the top of `main` before anything can start a thread.

pub mod mapping;
pub mod subid;

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::Command;

use nix::sched::{setns, unshare, CloneFlags};
use nix::unistd::{fork, ForkResult, Pid};

use crate::error::{Error, IoContext, Result};
use crate::storage::paths::StorePaths;
pub use subid::{IdMap, SubRange};

/// The hidden role name of the pause process (`burrow __pause`).
pub const PAUSE_ROLE: &str = "__pause";

/// Files read for subordinate ids. Tests point these elsewhere to simulate a user without
/// ranges (newuidmap still checks the real files, so this can only reduce what is mapped).
fn subuid_file() -> PathBuf {
    std::env::var_os("BURROW_SUBUID_FILE").map(PathBuf::from).unwrap_or_else(|| "/etc/subuid".into())
}
fn subgid_file() -> PathBuf {
    std::env::var_os("BURROW_SUBGID_FILE").map(PathBuf::from).unwrap_or_else(|| "/etc/subgid".into())
}

/// Who runs burrow, and the id maps a new namespace for them gets.
#[derive(Debug, Clone)]
pub struct Identity {
    pub uid: u32,
    pub gid: u32,
    pub name: String,
    pub uid_ranges: Vec<SubRange>,
    pub gid_ranges: Vec<SubRange>,
}

impl Identity {
    pub fn current() -> Identity {
        let uid = nix::unistd::getuid().as_raw();
        let gid = nix::unistd::getgid().as_raw();
        let name = nix::unistd::User::from_uid(uid.into())
            .ok()
            .flatten()
            .map(|u| u.name)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| uid.to_string());
        let read = |p: PathBuf| std::fs::read_to_string(p).unwrap_or_default();
        let uid_ranges = subid::parse_ranges(&read(subuid_file()), &name, uid);
        let gid_ranges = subid::parse_ranges(&read(subgid_file()), &name, uid);
        Identity { uid, gid, name, uid_ranges, gid_ranges }
    }
    pub fn uid_map(&self) -> Vec<IdMap> {
        subid::rootless_map(self.uid, &self.uid_ranges)
    }
    pub fn gid_map(&self) -> Vec<IdMap> {
        subid::rootless_map(self.gid, &self.gid_ranges)
    }
    pub fn has_ranges(&self) -> bool {
        !self.uid_ranges.is_empty() && !self.gid_ranges.is_empty()
    }
    /// The exact command that gives this user a range (shown when there is none).
    pub fn usermod_hint(&self) -> String {
        format!("sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {}", self.name)
    }
}

/// True unless we are real root in the initial user namespace. Inside our own namespace
/// euid is 0 too, so the uid map tells the two apart.
pub fn is_rootless() -> bool {
    static ROOTLESS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ROOTLESS.get_or_init(|| {
        if !nix::unistd::geteuid().is_root() {
            return true;
        }
        let map = std::fs::read_to_string("/proc/self/uid_map").unwrap_or_default();
        subid::parse_proc_map(&map) != [IdMap { container_id: 0, host_id: 0, size: u32::MAX }]
    })
}

/// The namespace we are in after [`enter`].
#[derive(Debug, Clone)]
pub struct Namespace {
    pub pause_pid: Option<i32>,
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
}

/// Joins the user's namespace, creating it (and its pause process) if it doesn't exist
/// or its pause process died. A no-op for real root. Single-threaded callers only.
pub fn enter(paths: &StorePaths) -> Result<Namespace> {
    if !is_rootless() {
        let full = vec![IdMap { container_id: 0, host_id: 0, size: u32::MAX }];
        return Ok(Namespace { pause_pid: None, uid_map: full.clone(), gid_map: full });
    }
    crate::storage::paths::create_runtime_dir(&paths.runroot)?;
    let cwd = std::env::current_dir().ok();
    let pid = match live_pause(&paths.pause_pid()) {
        Some(pid) => pid,
        None => {
            let _guard = PauseLock::take(&paths.pause_lock())?;
            // Another command may have created it while we waited for the lock.
            match live_pause(&paths.pause_pid()) {
                Some(pid) => pid,
                None => create(paths)?,
            }
        }
    };
    join(pid)?;
    // setns(CLONE_NEWNS) resets the working directory to the namespace's root.
    if let Some(cwd) = cwd {
        let _ = std::env::set_current_dir(cwd);
    }
    let read = |f: &str| std::fs::read_to_string(format!("/proc/{pid}/{f}")).unwrap_or_default();
    Ok(Namespace {
        pause_pid: Some(pid),
        uid_map: subid::parse_proc_map(&read("uid_map")),
        gid_map: subid::parse_proc_map(&read("gid_map")),
    })
}

/// The maps an existing namespace has, without joining it (for `info`).
pub fn current_maps(paths: &StorePaths) -> Option<(Vec<IdMap>, Vec<IdMap>)> {
    let pid = live_pause(&paths.pause_pid())?;
    let read = |f: &str| std::fs::read_to_string(format!("/proc/{pid}/{f}")).unwrap_or_default();
    Some((subid::parse_proc_map(&read("uid_map")), subid::parse_proc_map(&read("gid_map"))))
}

/// The pause process named in the pid file, if it is still ours and alive (pids get reused
/// after a reboot, so the command line and owner are checked too).
fn live_pause(pid_file: &Path) -> Option<i32> {
    let pid: i32 = std::fs::read_to_string(pid_file).ok()?.trim().parse().ok()?;
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let is_pause = cmdline.split(|b| *b == 0).any(|arg| arg == PAUSE_ROLE.as_bytes());
    use std::os::unix::fs::MetadataExt;
    let owner = std::fs::metadata(format!("/proc/{pid}")).ok()?.uid();
    (is_pause && owner == nix::unistd::getuid().as_raw()).then_some(pid)
}

fn join(pid: i32) -> Result<()> {
    // Already inside (e.g. `burrow unshare burrow load ...`): setns would fail with EINVAL.
    let same = |ns: &str| {
        let a = std::fs::read_link(format!("/proc/self/ns/{ns}")).ok();
        a.is_some() && a == std::fs::read_link(format!("/proc/{pid}/ns/{ns}")).ok()
    };
    if same("user") && same("mnt") {
        return Ok(());
    }
    let open = |ns: &str| {
        File::open(format!("/proc/{pid}/ns/{ns}")).ctx(|| format!("opening the {ns} namespace of pause process {pid}"))
    };
    let user = open("user")?;
    let mnt = open("mnt")?;
    setns(user.as_fd(), CloneFlags::CLONE_NEWUSER)
        .ctx(|| format!("joining the user namespace of pause process {pid}"))?;
    setns(mnt.as_fd(), CloneFlags::CLONE_NEWNS)
        .ctx(|| format!("joining the mount namespace of pause process {pid}"))?;
    Ok(())
}

/// Serialises namespace creation between concurrent commands.
struct PauseLock(#[allow(dead_code)] File);

impl PauseLock {
    fn take(path: &Path) -> Result<PauseLock> {
        let f = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .ctx(|| format!("opening {}", path.display()))?;
        f.lock().ctx(|| format!("locking {}", path.display()))?;
        Ok(PauseLock(f))
    }
}

fn pipe() -> Result<(File, File)> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).ctx(|| "creating a pipe".into())?;
    Ok((File::from(r), File::from(w)))
}

/// Forks the pause process into a new user + mount namespace, maps its ids from outside
/// with newuidmap/newgidmap, and records its pid.
fn create(paths: &StorePaths) -> Result<i32> {
    let id = Identity::current();
    let (from_child_r, from_child_w) = pipe()?;
    let (to_child_r, to_child_w) = pipe()?;
    // SAFETY: we are single-threaded (this runs before any thread is started), so the child
    // may allocate and run ordinary code until it execs.
    let child = match unsafe { fork() }.ctx(|| "forking the pause process".into())? {
        ForkResult::Child => {
            drop(from_child_r);
            drop(to_child_w);
            let code = pause_child(from_child_w, to_child_r);
            // Only reached when setting up failed.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => child,
    };
    drop(from_child_w);
    drop(to_child_r);
    let result = map_and_release(&id, child, from_child_r, to_child_w);
    if let Err(e) = result {
        let _ = nix::sys::signal::kill(child, nix::sys::signal::Signal::SIGKILL);
        let _ = nix::sys::wait::waitpid(child, None);
        return Err(e);
    }
    let pid_file = paths.pause_pid();
    let tmp = pid_file.with_extension("pid.tmp");
    std::fs::write(&tmp, format!("{}\n", child.as_raw())).ctx(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, &pid_file).ctx(|| format!("writing {}", pid_file.display()))?;
    Ok(child.as_raw())
}

fn map_and_release(id: &Identity, child: Pid, mut from_child: File, mut to_child: File) -> Result<()> {
    let mut b = [0u8; 1];
    if from_child.read_exact(&mut b).is_err() || b[0] != b'u' {
        return Err(Error::other("creating the user namespace failed: the kernel refused unshare(CLONE_NEWUSER) (are unprivileged user namespaces disabled? check sysctl kernel.unprivileged_userns_clone and user.max_user_namespaces)"));
    }
    if id.has_ranges() {
        run_map_tool("newuidmap", child, &id.uid_map())?;
        run_map_tool("newgidmap", child, &id.gid_map())?;
    } else {
        eprintln!(
            "WARN: no subordinate ids for user {:?} in {} and {}: only your own uid and gid are mapped, so images with files owned by other ids can't be stored",
            id.name,
            subuid_file().display(),
            subgid_file().display()
        );
        eprintln!("hint: {}", id.usermod_hint());
        write_own_maps(id, child)?;
    }
    to_child.write_all(b"g").ctx(|| "releasing the pause process".into())?;
    if from_child.read_exact(&mut b).is_err() || b[0] != b'r' {
        return Err(Error::other("the pause process failed to set up its mount namespace"));
    }
    Ok(())
}

/// An executable named `name` in $PATH only (the network helpers: a PATH without them
/// means they are missing, as in podman).
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .filter(|d| !d.as_os_str().is_empty())
        .map(|d| d.join(name))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

/// $PATH, then the usual bin dirs, which a user's PATH may lack.
fn find_tool(name: &str) -> Option<PathBuf> {
    find_in_path(name).or_else(|| {
        ["/usr/bin", "/usr/sbin", "/bin", "/sbin"].iter().map(|d| Path::new(d).join(name)).find(|p| p.is_file())
    })
}

pub fn helper_path(name: &str) -> Option<PathBuf> {
    find_tool(name)
}

fn run_map_tool(tool: &str, child: Pid, maps: &[IdMap]) -> Result<()> {
    let Some(path) = find_tool(tool) else {
        return Err(Error::usage_hint(
            format!("{tool} not found: it is needed to map the subordinate ids of /etc/subuid and /etc/subgid"),
            "install it: sudo apt-get install uidmap",
        ));
    };
    let mut cmd = Command::new(&path);
    cmd.arg(child.as_raw().to_string());
    for m in maps {
        cmd.args([m.container_id.to_string(), m.host_id.to_string(), m.size.to_string()]);
    }
    let out = cmd.output().ctx(|| format!("running {}", path.display()))?;
    if !out.status.success() {
        let file = if tool == "newuidmap" { subuid_file() } else { subgid_file() };
        return Err(Error::usage_hint(
            format!("{tool} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()),
            format!("check the ranges in {} and that {} is setuid root", file.display(), path.display()),
        ));
    }
    Ok(())
}

fn write_own_maps(id: &Identity, child: Pid) -> Result<()> {
    let p = child.as_raw();
    let write =
        |f: &str, s: String| std::fs::write(format!("/proc/{p}/{f}"), s).ctx(|| format!("writing /proc/{p}/{f}"));
    write("uid_map", format!("0 {} 1\n", id.uid))?;
    // An unprivileged writer must deny setgroups before it may write gid_map.
    write("setgroups", "deny\n".into())?;
    write("gid_map", format!("0 {} 1\n", id.gid))
}

/// Runs in the forked child: unshare the user namespace, wait to be mapped, make the mount
/// namespace, detach, and exec the pause role. Returns an exit code only on failure.
fn pause_child(mut to_parent: File, mut from_parent: File) -> i32 {
    let _ = nix::unistd::setsid();
    if unshare(CloneFlags::CLONE_NEWUSER).is_err() {
        let _ = to_parent.write_all(b"x");
        return 1;
    }
    if to_parent.write_all(b"u").is_err() {
        return 1;
    }
    let mut b = [0u8; 1];
    if from_parent.read_exact(&mut b).is_err() {
        return 1;
    }
    if unshare(CloneFlags::CLONE_NEWNS).is_err() {
        return 1;
    }
    // Receive the host's new mounts, but never propagate ours back.
    let _ = nix::mount::mount(
        None::<&str>,
        "/",
        None::<&str>,
        nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_SLAVE,
        None::<&str>,
    );
    if to_parent.write_all(b"r").is_err() {
        return 1;
    }
    drop(to_parent);
    detach_stdio();
    let exe = c"/proc/self/exe";
    let argv = [c"burrow".as_ptr(), c"__pause".as_ptr(), std::ptr::null()];
    unsafe { libc::execv(exe.as_ptr(), argv.as_ptr()) };
    1
}

/// Points fds 0-2 at /dev/null and closes everything else, so that a long-lived helper
/// never holds a pipe its caller (a shell, bats) waits on.
pub fn detach_stdio() {
    if let Ok(null) = File::options().read(true).write(true).open("/dev/null") {
        let fd = std::os::fd::AsRawFd::as_raw_fd(&null);
        for target in 0..3 {
            unsafe { libc::dup2(fd, target) };
        }
    }
    unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
}

/// The fd at which the pause process keeps burrow's sealed copy (see [`sealed_exe`]).
pub const SEALED_FD: i32 = 3;

/// Copies the running binary into a sealed memfd: a file nobody, not even its creator, can
/// modify. Processes that a container can see (monitors, whose children become container
/// inits; `exec` sessions) run from it, so a container can't overwrite burrow on the host
/// through /proc/PID/exe (CVE-2019-5736).
pub fn make_sealed_copy() -> std::io::Result<std::os::fd::OwnedFd> {
    use std::os::fd::FromRawFd;
    let fd = unsafe { libc::memfd_create(c"burrow".as_ptr(), libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut memfd = unsafe { File::from_raw_fd(fd) };
    let mut exe = File::open("/proc/self/exe")?;
    std::io::copy(&mut exe, &mut memfd)?;
    let seals = libc::F_SEAL_SEAL | libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_WRITE;
    if unsafe { libc::fcntl(fd, libc::F_ADD_SEALS, seals) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(memfd.into())
}

/// The executable to start monitors and exec sessions from: the pause process's sealed
/// copy (shared by all, so monitors share its pages), or for real root, a fresh sealed
/// copy held open by this process (the returned fd must stay open until exec).
pub fn sealed_exe(paths: &StorePaths) -> Option<(PathBuf, Option<std::os::fd::OwnedFd>)> {
    if let Some(pid) = live_pause(&paths.pause_pid()) {
        let p = PathBuf::from(format!("/proc/{pid}/fd/{SEALED_FD}"));
        // The pause process's copy is of the binary it was started from: after an upgrade it
        // is the old burrow, so it is used only while it is the same file as ours. (A pause
        // process started by an older burrow may have no copy at all.)
        use std::os::unix::fs::MetadataExt;
        let id = |path: String| std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
        let same_binary = id(format!("/proc/{pid}/exe")).is_some_and(|a| Some(a) == id("/proc/self/exe".into()));
        // A pause process that was just started may still be writing its copy: only a
        // sealed one is complete (exec'ing a half-written copy killed the first monitor).
        let complete = || {
            std::fs::File::open(&p).is_ok_and(|f| {
                let seals = unsafe { libc::fcntl(std::os::fd::AsRawFd::as_raw_fd(&f), libc::F_GET_SEALS) };
                seals >= 0 && seals & libc::F_SEAL_WRITE != 0
            })
        };
        if same_binary && std::fs::read_link(&p).is_ok_and(|t| t.to_string_lossy().starts_with("/memfd:burrow")) && complete() {
            return Some((p, None));
        }
    }
    let fd = make_sealed_copy().ok()?;
    // Exec'd by path, so the fd must survive until then: clear close-on-exec.
    let raw = std::os::fd::AsRawFd::as_raw_fd(&fd);
    unsafe { libc::fcntl(raw, libc::F_SETFD, 0) };
    Some((PathBuf::from(format!("/proc/self/fd/{raw}")), Some(fd)))
}

/// The pause process: holds the namespaces and the sealed copy open, does nothing else.
pub fn pause_main() -> ! {
    if let Ok(fd) = make_sealed_copy() {
        // Kept for the life of the process (it may already be fd 3: don't close it).
        let raw = std::os::fd::IntoRawFd::into_raw_fd(fd);
        if raw != SEALED_FD {
            unsafe {
                libc::dup2(raw, SEALED_FD);
                libc::close(raw);
            }
        }
    }
    // Ignore the signals a terminal or a process-group kill would send.
    for sig in [nix::sys::signal::Signal::SIGINT, nix::sys::signal::Signal::SIGHUP, nix::sys::signal::Signal::SIGTERM] {
        let _ = unsafe { nix::sys::signal::signal(sig, nix::sys::signal::SigHandler::SigIgn) };
    }
    loop {
        nix::unistd::pause();
    }
}
