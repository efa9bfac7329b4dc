//! `exec`: run a process in a running container, joining its namespaces (the user
//! namespace is already ours), with the same capabilities, seccomp profile and
//! no_new_privs as the container's first process, and its exit code as ours.

use std::io::Read;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use nix::sched::{setns, CloneFlags};
use nix::unistd::{fork, ForkResult};

use super::super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::runtime::init::{enter_process, ProcessPlan};

#[derive(Debug, Clone, Default)]
pub struct ExecOptions {
    pub command: Vec<String>,
    pub interactive: bool,
    pub tty: bool,
    pub detach: bool,
    pub user: Option<String>,
    pub workdir: Option<String>,
    pub env: Vec<String>,
    pub env_files: Vec<String>,
    pub privileged: bool,
}

fn open_ns(pid: i32, ns: &str) -> Result<OwnedFd> {
    std::fs::File::open(format!("/proc/{pid}/ns/{ns}"))
        .map(OwnedFd::from)
        .ctx(|| format!("opening the {ns} namespace of the container (pid {pid})"))
}

impl Engine {
    pub fn exec_container(&mut self, name: &str, o: &ExecOptions) -> Result<i32> {
        let c = self.container(name)?;
        if c.state != crate::storage::containers::State::Running || c.pid <= 0 {
            return Err(Error::Conflict {
                msg: format!("can only create exec sessions on running containers: container state improper"),
                hint: None,
            });
        }
        if o.command.is_empty() {
            return Err(Error::usage("exec requires at least 1 argument(s), only received 0"));
        }
        let spec: oci_spec::runtime::Spec =
            crate::monitor::files::read_json(&self.store.paths.container(&c.id).join("config.json"))
                .ok_or_else(|| Error::other(format!("cannot read the config of container {}", c.name)))?;
        let process = spec.process().clone().unwrap_or_default();
        let mut env = process.env().clone().unwrap_or_default();
        let host_env: Vec<(String, String)> = std::env::vars().collect();
        let mut extra = Vec::new();
        for f in &o.env_files {
            let text = std::fs::read_to_string(f).map_err(|e| Error::usage(format!("open {f}: {e}")))?;
            extra.extend(
                crate::runtime::spec::parse_env_file(f, &text, &host_env).map_err(|e| Error::usage(e.to_string()))?,
            );
        }
        for e in &o.env {
            match e.split_once('=') {
                Some(_) => extra.push(e.clone()),
                None => {
                    if let Some((_, v)) = host_env.iter().find(|(k, _)| k == e) {
                        extra.push(format!("{e}={v}"));
                    }
                }
            }
        }
        for e in extra {
            let key = e.split('=').next().unwrap_or("").to_string();
            env.retain(|x| x.split('=').next() != Some(key.as_str()));
            env.push(e);
        }
        if o.tty && !env.iter().any(|e| e.starts_with("TERM=")) {
            env.push("TERM=xterm".into());
        }
        let caps = if o.privileged {
            crate::runtime::caps::all_names().into_iter().map(str::to_string).collect()
        } else {
            crate::runtime::init::bounding_caps(&process)
        };
        let plan = ProcessPlan {
            user: o
                .user
                .clone()
                .or_else(|| crate::runtime::annotation(&spec, crate::runtime::ANN_USER))
                .unwrap_or_default(),
            env,
            cwd: o.workdir.clone().map(Into::into).unwrap_or_else(|| process.cwd().clone()),
            caps,
            no_new_privs: process.no_new_privileges().unwrap_or(false),
            seccomp: None,
            args: o.command.clone(),
            rootless: self.store.rootless,
        };
        let mut plan = plan;
        plan.seccomp = crate::runtime::init::compiled_seccomp(&spec, &plan.caps, &self.store.paths.root.join("cache"))
            .map_err(Error::other)?;
        let pid = c.pid;
        let mut nss = Vec::new();
        for (ns, flag) in [
            ("ipc", CloneFlags::CLONE_NEWIPC),
            ("uts", CloneFlags::CLONE_NEWUTS),
            ("net", CloneFlags::CLONE_NEWNET),
            ("cgroup", CloneFlags::CLONE_NEWCGROUP),
            ("mnt", CloneFlags::CLONE_NEWNS),
        ] {
            nss.push((open_ns(pid, ns)?, flag, ns));
        }
        // A container with a user namespace of its own (--userns=keep-id, ...): join it
        // last, once the namespaces it doesn't own are joined with our rights.
        let ours = std::fs::read_link("/proc/self/ns/user").ok();
        if std::fs::read_link(format!("/proc/{pid}/ns/user")).ok() != ours {
            nss.push((open_ns(pid, "user")?, CloneFlags::CLONE_NEWUSER, "user"));
        }
        let pidns = open_ns(pid, "pid")?;
        // The pid namespace applies to our children: join it here, fork, join the rest there.
        setns(pidns.as_fd(), CloneFlags::CLONE_NEWPID).ctx(|| "joining the container's pid namespace".into())?;
        let pty = if o.tty { Some(nix::pty::openpty(None, None).ctx(|| "opening a pty".into())?) } else { None };
        let (err_r, err_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).ctx(|| "creating a pipe".into())?;
        // SAFETY: single-threaded CLI; the child only sets up and execs.
        match unsafe { fork() }.ctx(|| "forking".into())? {
            ForkResult::Child => {
                drop(err_r);
                let code = exec_child(&nss, pty.as_ref().map(|p| p.slave.as_raw_fd()), o, &plan, err_w);
                unsafe { libc::_exit(code) }
            }
            ForkResult::Parent { child } => {
                drop(err_w);
                let master = pty.map(|p| {
                    drop(p.slave);
                    p.master
                });
                if o.detach {
                    return Ok(0);
                }
                if let Some(m) = &master {
                    pump_terminal(m.as_raw_fd(), o.interactive);
                }
                let mut msg = String::new();
                let _ = std::fs::File::from(err_r).read_to_string(&mut msg);
                let status = nix::sys::wait::waitpid(child, None).ctx(|| "waiting for the exec session".into())?;
                if !msg.is_empty() {
                    let (code, text) = msg.split_once('\n').unwrap_or(("125", msg.as_str()));
                    return Err(Error::WithCode { msg: text.to_string(), code: code.parse().unwrap_or(125) });
                }
                Ok(match status {
                    nix::sys::wait::WaitStatus::Exited(_, c) => c,
                    nix::sys::wait::WaitStatus::Signaled(_, s, _) => 128 + s as i32,
                    _ => 125,
                })
            }
        }
    }
}

fn exec_child(
    nss: &[(OwnedFd, CloneFlags, &str)],
    pty_slave: Option<i32>,
    o: &ExecOptions,
    plan: &ProcessPlan,
    err_w: OwnedFd,
) -> i32 {
    let err_fd = err_w.as_raw_fd();
    let report = |code: i32, msg: String| {
        let text = format!("{code}\n{msg}");
        unsafe { libc::write(err_fd, text.as_ptr().cast(), text.len()) };
        code
    };
    for (fd, flag, name) in nss {
        if let Err(e) = setns(fd.as_fd(), *flag) {
            // A container without its own cgroup namespace shares ours: EINVAL is fine.
            if *name == "cgroup" || *name == "net" {
                continue;
            }
            return report(125, format!("joining the container's {name} namespace: {e}"));
        }
    }
    if let Some(slave) = pty_slave {
        unsafe {
            libc::setsid();
            libc::ioctl(slave, libc::TIOCSCTTY, 0);
            for t in 0..3 {
                libc::dup2(slave, t);
            }
        }
    } else if o.detach || !o.interactive {
        if let Ok(null) = std::fs::File::open("/dev/null") {
            unsafe { libc::dup2(null.as_raw_fd(), 0) };
        }
    }
    if o.detach {
        unsafe { libc::setsid() };
    } else {
        // A foreground exec session ends with the command that runs it.
        unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong) };
    }
    match enter_process(plan) {
        Ok(never) => match never {},
        Err(e) => report(e.code, e.msg),
    }
}

/// Copies between our terminal and the session's pty until the session closes it; the
/// terminal is in raw mode meanwhile so that keys reach the program unchanged.
pub fn pump_terminal(master: i32, interactive: bool) {
    use nix::sys::termios;
    let stdin = std::io::stdin();
    let saved = if interactive { termios::tcgetattr(&stdin).ok() } else { None };
    if let Some(t) = &saved {
        let mut raw = t.clone();
        termios::cfmakeraw(&mut raw);
        let _ = termios::tcsetattr(&stdin, termios::SetArg::TCSANOW, &raw);
    }
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(0, libc::TIOCGWINSZ, &mut ws) } == 0 {
        unsafe { libc::ioctl(master, libc::TIOCSWINSZ, &ws) };
    }
    let mut buf = [0u8; 16384];
    let mut stdin_open = interactive;
    loop {
        let mut fds = vec![libc::pollfd { fd: master, events: libc::POLLIN, revents: 0 }];
        if stdin_open {
            fds.push(libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 });
        }
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break;
        }
        if fds[0].revents != 0 {
            let r = unsafe { libc::read(master, buf.as_mut_ptr().cast(), buf.len()) };
            if r <= 0 {
                break;
            }
            unsafe { libc::write(1, buf.as_ptr().cast(), r as usize) };
        }
        if fds.len() > 1 && fds[1].revents != 0 {
            let r = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
            if r <= 0 {
                stdin_open = false;
            } else {
                unsafe { libc::write(master, buf.as_ptr().cast(), r as usize) };
            }
        }
    }
    if let Some(t) = &saved {
        let _ = termios::tcsetattr(&stdin, termios::SetArg::TCSANOW, t);
    }
}
