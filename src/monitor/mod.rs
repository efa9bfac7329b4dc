//! The per-container monitor (our conmon): a re-exec of burrow (`__monitor`) started with a
//! double fork and setsid, so the container outlives the command that started it.
//!
//! It clones the container init into new namespaces, holds the container's stdio (pipes,
//! or a pty with `-t`), writes the log, copies output to the starting command's terminal
//! for foreground runs, reaps, records the exit and carries out the restart policy. It
//! never opens the database or takes the store lock: it writes only its container's
//! runtime files (files.rs), which the engine folds into the records on its next read.

pub mod detach;
pub mod files;
pub mod log;
mod userns;
pub mod trim;

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sched::CloneFlags;
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::SignalFd;
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use crate::network::NetMode;
use crate::runtime::fuse::FuseMount;
use crate::runtime::{init, RuntimeConfig};
use files::{ExitFile, StateFile};

pub const ROLE: &str = "__monitor";
/// The unix socket `attach` connects to, in the container's run dir.
pub const ATTACH_SOCKET: &str = "attach.sock";

/// Arguments of `burrow __monitor CTR_DIR RUN_DIR STATUS_FD fg|bg`.
pub struct MonitorArgs {
    pub ctr_dir: PathBuf,
    pub run_dir: PathBuf,
    pub status_fd: RawFd,
    /// Foreground: fds 0-2 are the starting command's; copy the container's stdio there.
    pub foreground: bool,
    /// Foreground with -i: typing these gives the terminal back (`--detach-keys`).
    pub detach_keys: Vec<u8>,
}

impl MonitorArgs {
    pub fn parse(args: &[String]) -> Option<MonitorArgs> {
        Some(MonitorArgs {
            ctr_dir: PathBuf::from(args.first()?),
            run_dir: PathBuf::from(args.get(1)?),
            status_fd: args.get(2)?.parse().ok()?,
            foreground: args.get(3)? == "fg",
            detach_keys: args.get(4).map(|k| detach::decode(k)).unwrap_or_default(),
        })
    }
}

/// Messages to the starting command on the status pipe, one per line:
/// `started PID`, `failed CODE MESSAGE`, `detached`, `exited CODE`.
struct Status(Option<File>);

impl Status {
    fn send(&mut self, line: &str) {
        if let Some(f) = self.0.as_mut() {
            if f.write_all(format!("{line}\n").as_bytes()).is_err() {
                // The command went away (detached, or killed): nobody to tell any more.
                self.0 = None;
            }
        }
    }
}

pub fn main(args: &[String]) -> ! {
    let code = match MonitorArgs::parse(args) {
        Some(a) => run(a),
        None => 125,
    };
    std::process::exit(code)
}

/// With `BURROW_TRACE_TIMING` set, prints wall-clock milestones (for profiling starts).
fn trace(what: &str) {
    if std::env::var_os("BURROW_TRACE_TIMING").is_some() {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        eprintln!("[monitor {}.{:06}] {what}", t.as_secs() % 100, t.subsec_micros());
    }
}

fn run(a: MonitorArgs) -> i32 {
    trace("started");
    let mut status = Status(if a.status_fd >= 0 { Some(unsafe { File::from_raw_fd(a.status_fd) }) } else { None });
    let rt: RuntimeConfig = match files::read_json(&a.ctr_dir.join("runtime.json")) {
        Some(r) => r,
        None => {
            status.send("failed 125 cannot read the container's runtime.json");
            return 125;
        }
    };
    let spec: oci_spec::runtime::Spec = match files::read_json(&a.ctr_dir.join("config.json")) {
        Some(s) => s,
        None => {
            status.send("failed 125 cannot read the container's config.json");
            return 125;
        }
    };
    let _ = std::fs::create_dir_all(&a.run_dir);
    let _ = std::fs::write(a.run_dir.join(files::MONITOR_PID), format!("{}\n", std::process::id()));
    let _ = std::fs::remove_file(a.run_dir.join(files::EXIT));
    let _ = std::fs::remove_file(a.run_dir.join(files::STOPPED));
    // Reap the init ourselves and keep orphans of a restart from becoming zombies.
    unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) };
    let mut mask = SigSet::empty();
    mask.add(Signal::SIGCHLD);
    let _ = mask.thread_block();
    let sfd = SignalFd::new(&mask).ok();
    let mut log = log::LogWriter::open(&rt.log_path);
    let mut restarts = 0i64;
    loop {
        trace("read its config");
        let (started, fuse) = match start_on_rootfs(&a, &rt, &spec) {
            Ok(s) => s,
            Err(e) => {
                let exit =
                    ExitFile { exit_code: e.code, finished_at: log::timestamp(), error: e.msg.clone(), restarts };
                let _ = files::write_json(&a.run_dir.join(files::EXIT), &exit);
                status.send(&format!("failed {} {}", e.code, e.msg.replace('\n', " ")));
                return e.code;
            }
        };
        let state = StateFile {
            pid: started.pid.as_raw(),
            started_at: log::timestamp(),
            monitor_pid: std::process::id() as i32,
            restarts,
        };
        let _ = files::write_json(&a.run_dir.join(files::STATE), &state);
        status.send(&format!("started {}", started.pid));
        trace("container exec'd");
        // The monitor lives as long as its container: give back what starting it used.
        unsafe { libc::malloc_trim(0) };
        let mut started = started;
        let net = started.net.take();
        let mounts = started.mounts.take();
        let code = supervise(&a, &rt, started, sfd.as_ref(), &mut log, &mut status);
        if let Some(f) = fuse {
            f.unmount();
        }
        crate::runtime::cgroup::remove(&rt.id, rt.rootless);
        trace("container exited and was reaped");
        // Killed now; waited for after the exit is reported: the kernel takes tens of ms to
        // tear down pasta's tap device, and nobody needs to wait for that.
        if let Some(n) = &net {
            n.kill();
        }
        let stop_net = |net: Option<crate::network::helper::Running>| {
            if let Some(n) = net {
                n.stop();
                crate::network::helper::forget(&a.run_dir);
                trace("network helper stopped");
            }
        };
        let stopped = a.run_dir.join(files::STOPPED).exists();
        if should_restart(&rt.restart, code, restarts, stopped) {
            drop(mounts);
            stop_net(net);
            restarts += 1;
            std::thread::sleep(std::time::Duration::from_millis(100 * restarts.min(10) as u64));
            continue;
        }
        let exit = ExitFile { exit_code: code, finished_at: log::timestamp(), error: String::new(), restarts };
        let _ = files::write_json(&a.run_dir.join(files::EXIT), &exit);
        status.send(&format!("exited {code}"));
        drop(mounts);
        stop_net(net);
        // A foreground command that is still there removes the container itself.
        if rt.rm && status.0.is_none() || rt.rm && !a.foreground {
            drop(status);
            cleanup(&rt);
        }
        return 0;
    }
}

/// `--rm` for a detached container: run `burrow rm -f` on it (the engine owns records).
fn cleanup(rt: &RuntimeConfig) {
    // We run from a sealed memfd copy: /proc/self/exe is the way back to it.
    let _ = std::process::Command::new("/proc/self/exe")
        .arg("--root")
        .arg(&rt.store_root)
        .arg("--runroot")
        .arg(&rt.store_runroot)
        .args(["rm", "-f", "-i", &rt.id])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
}

/// podman's restart policies; a container the user stopped is never restarted.
pub fn should_restart(p: &crate::runtime::RestartPolicy, code: i32, restarts: i64, stopped: bool) -> bool {
    if stopped {
        return false;
    }
    match p.name.as_str() {
        "always" | "unless-stopped" => true,
        "on-failure" => code != 0 && (p.max_retries == 0 || restarts < p.max_retries as i64),
        _ => false,
    }
}

/// The monitor's ends of the container's stdio.
struct Started {
    pid: Pid,
    /// Container stdout (or the pty master).
    out: Option<OwnedFd>,
    err: Option<OwnedFd>,
    /// Where stdin data goes (pipe write end or the pty master).
    input: Option<OwnedFd>,
    /// The network helper serving the container's namespace.
    net: Option<crate::network::helper::Running>,
    /// The container's mount namespace, held open so that its teardown (unmounting the
    /// overlay, /proc, /sys, the tmpfs mounts) happens after the exit is reported, not on
    /// the init's way out before the monitor hears of it.
    mounts: Option<File>,
}

fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(std::io::Error::from)
}

/// Mounts a fuse-overlayfs rootfs here, in the user namespace (kernel overlay is the
/// init's job, in the container's mount namespace), then starts the init.
fn start_on_rootfs(
    a: &MonitorArgs,
    rt: &RuntimeConfig,
    spec: &oci_spec::runtime::Spec,
) -> Result<(Started, Option<FuseMount>), init::InitError> {
    let fuse = if rt.rootfs.driver == "fuse-overlayfs" {
        let log = a.run_dir.join("fuse-overlayfs.log");
        Some(FuseMount::mount(&rt.rootfs, &log).map_err(|msg| init::InitError { code: 125, msg })?)
    } else {
        None
    };
    match start(a, rt, spec) {
        Ok(s) => Ok((s, fuse)),
        Err(e) => {
            if let Some(f) = fuse {
                f.unmount();
            }
            Err(e)
        }
    }
}

fn start(a: &MonitorArgs, rt: &RuntimeConfig, spec: &oci_spec::runtime::Spec) -> Result<Started, init::InitError> {
    let e = |what: &str, err: std::io::Error| init::InitError { code: 125, msg: format!("{what}: {err}") };
    let null = File::options().read(true).write(true).open("/dev/null").map_err(|x| e("opening /dev/null", x))?;
    // Child-side fds (kept until the clone) and our ends.
    let (child_fds, out, errp, input): ([OwnedFd; 3], Option<OwnedFd>, Option<OwnedFd>, Option<OwnedFd>) = if rt.tty {
        let pty = nix::pty::openpty(None, None).map_err(|x| e("opening a pty", x.into()))?;
        if a.foreground {
            copy_winsize(0, pty.master.as_raw_fd());
        }
        let _ = nix::fcntl::fcntl(&pty.master, nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC));
        let s0 = pty.slave.try_clone().map_err(|x| e("dup", x))?;
        let s1 = pty.slave.try_clone().map_err(|x| e("dup", x))?;
        let input = pty.master.try_clone().map_err(|x| e("dup", x))?;
        ([s0, s1, pty.slave], Some(pty.master), None, Some(input))
    } else {
        let (out_r, out_w) = pipe().map_err(|x| e("creating a pipe", x))?;
        let (err_r, err_w) = pipe().map_err(|x| e("creating a pipe", x))?;
        let (stdin_child, input) = if rt.interactive {
            let (r, w) = pipe().map_err(|x| e("creating a pipe", x))?;
            (r, Some(w))
        } else {
            (OwnedFd::from(null.try_clone().map_err(|x| e("dup", x))?), None)
        };
        ([stdin_child, out_w, err_w], Some(out_r), Some(err_r), input)
    };
    let (err_r, err_w) = pipe().map_err(|x| e("creating a pipe", x))?;
    let mut flags =
        CloneFlags::CLONE_NEWNS | CloneFlags::CLONE_NEWPID | CloneFlags::CLONE_NEWUTS | CloneFlags::CLONE_NEWIPC;
    if let Some(ns) = spec.linux().as_ref().and_then(|l| l.namespaces().as_ref()) {
        use oci_spec::runtime::LinuxNamespaceType as T;
        for n in ns {
            match n.typ() {
                T::Network if n.path().is_none() => flags |= CloneFlags::CLONE_NEWNET,
                T::Cgroup if n.path().is_none() => flags |= CloneFlags::CLONE_NEWCGROUP,
                _ => {}
            }
        }
    }
    let userns = userns::UsernsSync::new(rt).map_err(|x| e("creating a pipe", x))?;
    let stdio = [child_fds[0].as_raw_fd(), child_fds[1].as_raw_fd(), child_fds[2].as_raw_fd()];
    let cache = rt.seccomp_cache();
    let join = netns_to_join(rt)?;
    // With a helper to start, the init waits for it before exec (it sets up its root meanwhile).
    let ready = if rt.net.mode.new_namespace() && !matches!(rt.net.mode, NetMode::None) {
        Some(pipe().map_err(|x| e("creating a pipe", x))?)
    } else {
        None
    };
    let args = init::InitArgs {
        spec,
        rootfs: &rt.rootfs,
        stdio,
        tty: rt.tty,
        error_pipe: err_w.as_raw_fd(),
        rootless: rt.rootless,
        seccomp_cache: &cache,
        join_netns: join.as_ref().map(|f| f.as_raw_fd()),
        net_ready: ready.as_ref().map(|(r, _)| r.as_raw_fd()),
        userns_sync: userns.as_ref().map(|u| u.child_fds()),
    };
    let ready_w_raw = ready.as_ref().map(|(_, w)| w.as_raw_fd());
    let mut stack = vec![0u8; 256 * 1024];
    let cb = Box::new(|| -> isize {
        // The init must see EOF when the monitor goes away: drop its copy of the write end.
        if let Some(w) = ready_w_raw {
            unsafe { libc::close(w) };
        }
        init::run(&args)
    });
    // SAFETY: the monitor is single-threaded; the child gets a copy of the address space
    // (no CLONE_VM) and never returns from init::run.
    let pid = unsafe { nix::sched::clone(cb, &mut stack, flags, Some(libc::SIGCHLD)) }
        .map_err(|x| e("creating the container's namespaces", x.into()))?;
    join_cgroup(rt, spec, pid);
    drop(err_w);
    drop(child_fds);
    if let Some(u) = userns {
        u.map_child(pid, rt.userns.as_ref()).inspect_err(|_| {
            let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
        })?;
    }
    drop(join);
    let mut net = None;
    if let Some((r, w)) = ready {
        drop(r);
        trace("starting the network helper");
        match start_network(rt, pid, &a.run_dir) {
            Ok(n) => {
                net = n;
                let _ = nix::unistd::write(&w, b"1");
            }
            Err(m) => {
                let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
                let _ = waitpid(pid, None);
                return Err(init::InitError { code: 125, msg: m });
            }
        }
        trace("network helper ready");
    }
    let mut msg = String::new();
    let _ = File::from(err_r).read_to_string(&mut msg);
    if !msg.is_empty() {
        let _ = waitpid(pid, None);
        if let Some(n) = net {
            n.stop();
        }
        let (code, text) = msg.split_once('\n').unwrap_or(("125", msg.as_str()));
        return Err(init::InitError { code: code.parse().unwrap_or(125), msg: text.to_string() });
    }
    let mounts = File::open(format!("/proc/{pid}/ns/mnt")).ok();
    Ok(Started { pid, out, err: errp, input, net, mounts })
}

/// For `--network container:` and `ns:`, the namespace the init joins.
fn netns_to_join(rt: &RuntimeConfig) -> Result<Option<File>, init::InitError> {
    let fail = |msg: String| init::InitError { code: 125, msg };
    match &rt.net.mode {
        NetMode::Ns { path } => File::open(path)
            .map(Some)
            .map_err(|x| fail(format!("opening the network namespace {path}: {x}"))),
        NetMode::Container { id } => {
            let dir = run_dir(&rt.store_runroot, id);
            let state: Option<StateFile> = files::read_json(&dir.join(files::STATE));
            let running = state.filter(|s| {
                s.pid > 0
                    && !dir.join(files::EXIT).exists()
                    && crate::engine::container::sync::monitor_alive(s.monitor_pid)
            });
            let Some(s) = running else {
                return Err(fail(format!(
                    "cannot join the network namespace of container {id}: the container is not running"
                )));
            };
            File::open(format!("/proc/{}/ns/net", s.pid))
                .map(Some)
                .map_err(|x| fail(format!("opening the network namespace of container {id}: {x}")))
        }
        _ => Ok(None),
    }
}

/// Connects the init's new network namespace to the outside (pasta, slirp4netns).
fn start_network(rt: &RuntimeConfig, pid: Pid, run_dir: &Path) -> Result<Option<crate::network::helper::Running>, String> {
    let ns = File::open(format!("/proc/{pid}/ns/net")).map_err(|x| format!("opening the container's network namespace: {x}"))?;
    if let NetMode::Bridge { networks } = &rt.net.mode {
        let who = crate::network::bridge::attach::Who { runroot: &rt.store_runroot, id: &rt.id, name: &rt.name };
        let a = crate::network::bridge::attach::start(&rt.store_root, &who, &ns, networks, &rt.net.ports)?;
        return Ok(Some(crate::network::helper::Running { helper: crate::network::helper::Helper::Bridge(a), udp_proxy: None }));
    }
    crate::network::helper::start(&rt.net.mode, &rt.net.ports, ns.as_fd(), run_dir)
}

/// Puts the new init into its cgroup with the spec's limits, where a delegated cgroup v2
/// subtree allows it (runtime/cgroup.rs). Done right after the clone, while the init is still
/// setting up, so the command and its children start inside. Not fatal: `create` has warned
/// when limits can't be applied here.
fn join_cgroup(rt: &RuntimeConfig, spec: &oci_spec::runtime::Spec, pid: Pid) {
    if let Err(msg) = crate::runtime::cgroup::join(spec, &rt.id, rt.rootless, pid.as_raw()) {
        trace(&format!("cgroup limits not applied: {msg}"));
    }
}

fn copy_winsize(from: RawFd, to: RawFd) {
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(from, libc::TIOCGWINSZ, &mut ws) } == 0 {
        unsafe { libc::ioctl(to, libc::TIOCSWINSZ, &ws) };
    }
}

fn exit_code(s: WaitStatus) -> Option<i32> {
    match s {
        WaitStatus::Exited(_, c) => Some(c),
        WaitStatus::Signaled(_, sig, _) => Some(128 + sig as i32),
        _ => None,
    }
}

fn write_all_fd(fd: RawFd, mut data: &[u8]) -> bool {
    while !data.is_empty() {
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return false;
        }
        data = &data[n as usize..];
    }
    true
}

/// Copies stdio until the init exits and its output is drained; returns the exit code.
fn supervise(
    a: &MonitorArgs,
    rt: &RuntimeConfig,
    s: Started,
    sfd: Option<&SignalFd>,
    log: &mut log::LogWriter,
    status: &mut Status,
) -> i32 {
    let mut detach = detach::DetachMatcher::new(a.detach_keys.clone());
    let mut out = s.out;
    let mut err = s.err;
    let mut input = s.input;
    // Foreground with -i: the starting command's stdin feeds the container.
    let mut stdin_open = a.foreground && rt.interactive;
    let mut code: Option<i32> = None;
    let mut buf = vec![0u8; 16 * 1024];
    let mut fg_out = a.foreground;
    // `attach` connects here: output goes to every client as frames, their bytes to stdin.
    let sock_path = a.run_dir.join(ATTACH_SOCKET);
    let _ = std::fs::remove_file(&sock_path);
    let listener = crate::storage::paths::short_socket_path(&a.run_dir, ATTACH_SOCKET)
        .and_then(|(_dir, p)| std::os::unix::net::UnixListener::bind(p))
        .ok();
    if let Some(l) = &listener {
        let _ = l.set_nonblocking(true);
    }
    let mut clients: Vec<std::os::unix::net::UnixStream> = Vec::new();
    let mut trimmed = false;
    loop {
        if code.is_some() && out.is_none() && err.is_none() {
            break;
        }
        let mut fds: Vec<PollFd> = Vec::new();
        let mut roles: Vec<u8> = Vec::new();
        if let (Some(l), None) = (&listener, code) {
            fds.push(PollFd::new(l.as_fd(), PollFlags::POLLIN));
            roles.push(5);
        }
        for c in &clients {
            fds.push(PollFd::new(c.as_fd(), PollFlags::POLLIN));
            roles.push(6);
        }
        if let Some(fd) = &out {
            fds.push(PollFd::new(fd.as_fd(), PollFlags::POLLIN));
            roles.push(1);
        }
        if let Some(fd) = &err {
            fds.push(PollFd::new(fd.as_fd(), PollFlags::POLLIN));
            roles.push(2);
        }
        let stdin_fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(0) };
        if stdin_open && input.is_some() {
            fds.push(PollFd::new(stdin_fd, PollFlags::POLLIN));
            roles.push(0);
        }
        if let (Some(sfd), None) = (sfd, code) {
            fds.push(PollFd::new(sfd.as_fd(), PollFlags::POLLIN));
            roles.push(9);
        }
        // After the init exited, other holders of the pipes (daemons it left in the same
        // session) are killed with the pid namespace; still, don't wait forever.
        // Until the container has run for a moment, wake up to trim (below).
        let timeout = if code.is_some() {
            PollTimeout::from(2000u16)
        } else if !trimmed {
            PollTimeout::from(50u16)
        } else {
            PollTimeout::NONE
        };
        let ready = match poll(&mut fds, timeout) {
            Ok(0) if code.is_none() && !trimmed => {
                // Waiting, likely for long: drop the code pages starting the container used.
                // Not before: a short-lived container's exit would wait for the smaps walk.
                trim::release_executable_pages();
                trimmed = true;
                continue;
            }
            Ok(0) => break,
            Ok(_) => fds.iter().map(|f| f.revents().unwrap_or(PollFlags::empty())).collect::<Vec<_>>(),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => break,
        };
        for (i, rev) in ready.iter().enumerate() {
            if rev.is_empty() {
                continue;
            }
            match roles[i] {
                1 | 2 => {
                    let slot = if roles[i] == 1 { &mut out } else { &mut err };
                    let Some(fd) = slot.as_ref() else { continue };
                    let n = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
                    if n <= 0 {
                        // EIO on a pty master means the slave side is gone.
                        *slot = None;
                        if rt.tty {
                            input = None;
                        }
                        continue;
                    }
                    let data = &buf[..n as usize];
                    let stream = if roles[i] == 1 { "stdout" } else { "stderr" };
                    log.write(stream, data);
                    let mut frame = Vec::with_capacity(data.len() + 5);
                    frame.push(roles[i]);
                    frame.extend_from_slice(&(data.len() as u32).to_be_bytes());
                    frame.extend_from_slice(data);
                    clients.retain_mut(|c| std::io::Write::write_all(c, &frame).is_ok());
                    if fg_out && !write_all_fd(roles[i] as RawFd, data) {
                        fg_out = false;
                    }
                }
                5 => {
                    if let Some(Ok((c, _))) = listener.as_ref().map(|l| l.accept()) {
                        let _ = c.set_nonblocking(false);
                        clients.push(c);
                    }
                }
                6 => {
                    // Which client: the i-th fd after the listener's.
                    let first = roles.iter().position(|r| *r == 6).unwrap_or(i);
                    let idx = i - first;
                    let Some(c) = clients.get(idx) else { continue };
                    let n = unsafe { libc::read(c.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
                    if n <= 0 {
                        // The client went away (or closed its side): forget it.
                        clients.remove(idx);
                        break;
                    }
                    if let Some(fd) = &input {
                        write_all_fd(fd.as_raw_fd(), &buf[..n as usize]);
                    }
                }
                0 => {
                    let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
                    if n <= 0 {
                        stdin_open = false;
                        if !rt.tty {
                            input = None;
                        }
                        continue;
                    }
                    if detach.feed(&buf[..n as usize]) {
                        detach_foreground(status);
                        (stdin_open, fg_out) = (false, false);
                        continue;
                    }
                    if let Some(fd) = &input {
                        if !write_all_fd(fd.as_raw_fd(), &buf[..n as usize]) {
                            stdin_open = false;
                        }
                    }
                }
                _ => {
                    if let Some(sfd) = sfd {
                        let _ = sfd.read_signal();
                    }
                    loop {
                        match waitpid(None::<Pid>, Some(WaitPidFlag::WNOHANG)) {
                            Ok(WaitStatus::StillAlive) | Err(_) => break,
                            Ok(st) => {
                                if st.pid() == Some(s.pid) {
                                    code = exit_code(st);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    // Reap anything left (the init may have been reaped above).
    let c = match code {
        Some(c) => c,
        None => waitpid(s.pid, None).ok().and_then(exit_code).unwrap_or(-1),
    };
    drop(input);
    tell_exit_code(&mut clients, c);
    c
}

/// The last frame to `attach` clients: [3][u32 length = 4][exit code, i32 BE]. They need it
/// from us: with `--rm` the container's records may be gone before they could look.
fn tell_exit_code(clients: &mut [std::os::unix::net::UnixStream], code: i32) {
    let mut frame = vec![3u8];
    frame.extend_from_slice(&4u32.to_be_bytes());
    frame.extend_from_slice(&code.to_be_bytes());
    for c in clients {
        let _ = std::io::Write::write_all(c, &frame);
    }
}

/// The user typed the detach keys: let go of the starting command's terminal and tell it;
/// the container runs on like a detached one (`--rm` is then ours to carry out).
fn detach_foreground(status: &mut Status) {
    status.send("detached");
    status.0 = None;
    let null = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
    if null >= 0 {
        for fd in 0..3 {
            unsafe { libc::dup2(null, fd) };
        }
        unsafe { libc::close(null) };
    }
}

/// Path helper for callers: the run dir of a container.
pub fn run_dir(runroot: &Path, id: &str) -> PathBuf {
    runroot.join("ctr").join(id)
}
