//! Starting: spawn the monitor (double fork + setsid + re-exec), read its status line, and
//! record the outcome. Foreground starts (`run` without -d, `start -a`) pass the terminal
//! to the monitor and wait for the exit code, forwarding signals (--sig-proxy).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::Path;

use nix::sys::signal::{SigSet, Signal};
use nix::unistd::{fork, ForkResult};

use super::super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::storage::containers::{self, ContainerRow, State};

/// How the starting command stays connected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attach {
    /// Detached: print the id and return.
    No,
    /// Foreground: the container's stdio is this command's; wait for the exit code. With
    /// -i, typing `detach_keys` (parsed `--detach-keys`; empty: never) gives the terminal back.
    Yes { sig_proxy: bool, detach_keys: Vec<u8> },
}

pub enum StartOutcome {
    Running(ContainerRow),
    Exited { row: ContainerRow, code: i32 },
    /// The user typed the detach keys; the container runs on.
    Detached(ContainerRow),
}

/// Forks the monitor. Returns the read end of its status pipe.
fn spawn_monitor(
    paths: &crate::storage::StorePaths,
    ctr_dir: &Path,
    run_dir: &Path,
    foreground: bool,
    detach_keys: &[u8],
) -> Result<File> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).ctx(|| "creating a pipe".into())?;
    // The monitor's child becomes the container's init: it must not be able to reach the
    // real binary through /proc/self/exe, so the monitor runs from the sealed copy.
    let (exe, _keep) = crate::userns::sealed_exe(paths)
        .ok_or_else(|| Error::other("cannot make a sealed copy of burrow's executable (memfd_create failed)"))?;
    std::fs::create_dir_all(run_dir).ctx(|| format!("creating {}", run_dir.display()))?;
    let args = [
        std::ffi::CString::new("burrow").unwrap_or_default(),
        std::ffi::CString::new(crate::monitor::ROLE).unwrap_or_default(),
        cstr(ctr_dir),
        cstr(run_dir),
        std::ffi::CString::new("3").unwrap_or_default(),
        std::ffi::CString::new(if foreground { "fg" } else { "bg" }).unwrap_or_default(),
        std::ffi::CString::new(crate::monitor::detach::encode(detach_keys)).unwrap_or_default(),
    ];
    let exe_c = cstr(&exe);
    // SAFETY: single-threaded; the children only call async-signal-safe functions and exec.
    match unsafe { fork() }.ctx(|| "forking the monitor".into())? {
        ForkResult::Child => {
            let _ = nix::unistd::setsid();
            if let Ok(ForkResult::Child) = unsafe { fork() } {
                monitor_child(&w, foreground, &exe_c, &args);
            }
            unsafe { libc::_exit(0) };
        }
        ForkResult::Parent { child } => {
            let _ = nix::sys::wait::waitpid(child, None);
        }
    }
    drop(w);
    Ok(File::from(r))
}

fn cstr(p: &Path) -> std::ffi::CString {
    std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap_or_default()
}

/// In the grandchild: status pipe on fd 3, stdio kept (foreground) or /dev/null, nothing
/// else open, then exec the monitor role.
fn monitor_child(w: &OwnedFd, foreground: bool, exe: &std::ffi::CStr, args: &[std::ffi::CString]) -> ! {
    // (exe names /proc/PID/fd/N of a sealed copy.)
    unsafe {
        libc::dup2(w.as_raw_fd(), 3);
        if !foreground {
            let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
            if null >= 0 {
                for t in 0..3 {
                    libc::dup2(null, t);
                }
            }
        }
        // Keep fds below 64 for a root caller's sealed copy (/proc/self/fd/N); drop the rest.
        for fd in 4..64 {
            if !exe.to_bytes().ends_with(format!("/fd/{fd}").as_bytes()) {
                libc::close(fd);
            }
        }
        libc::syscall(libc::SYS_close_range, 64u32, u32::MAX, 0u32);
        // Unblock everything the CLI may have blocked (signalfd for --sig-proxy).
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
        let argv: Vec<*const libc::c_char> =
            args.iter().map(|a| a.as_ptr()).chain(std::iter::once(std::ptr::null())).collect();
        libc::execv(exe.as_ptr(), argv.as_ptr());
        libc::_exit(125)
    }
}

/// Reads one status line from the monitor.
fn read_status(r: &mut BufReader<File>) -> Option<String> {
    let mut line = String::new();
    match r.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end().to_string()),
    }
}

impl Engine {
    pub fn start_container(&mut self, c: &ContainerRow, attach: Attach) -> Result<StartOutcome> {
        let mut c = c.clone();
        if c.state.is_active() {
            // podman: starting a running container is a no-op.
            return Ok(StartOutcome::Running(c));
        }
        let run_dir = self.store.paths.container_run(&c.id);
        let _ = std::fs::remove_dir_all(&run_dir);
        let ctr_dir = self.store.paths.container(&c.id);
        let foreground = matches!(attach, Attach::Yes { .. });
        let (sig_proxy, detach_keys) = match &attach {
            Attach::Yes { sig_proxy, detach_keys } => (*sig_proxy, detach_keys.clone()),
            Attach::No => (false, vec![]),
        };
        // Block the signals we proxy before the monitor exists, so none is lost.
        let proxied = proxied_signals();
        if sig_proxy {
            let _ = proxied.thread_block();
        }
        // `-it` on a terminal: keys go to the container (and the detach keys are seen) as typed.
        let stored = super::list::stored(&c);
        let _raw = if foreground && stored.opts.tty && stored.opts.interactive { RawTerminal::enter() } else { None };
        self.write_userdata(&c, &stored)?;
        let status = spawn_monitor(&self.store.paths, &ctr_dir, &run_dir, foreground, &detach_keys)?;
        let mut reader = BufReader::new(status);
        let first = read_status(&mut reader)
            .unwrap_or_else(|| "failed 125 the monitor exited before starting the container".into());
        c.run_id += 1;
        if let Some(pid) = first.strip_prefix("started ") {
            c.state = State::Running;
            c.pid = pid.trim().parse().unwrap_or(0);
            c.started_at = crate::monitor::log::timestamp();
            c.finished_at.clear();
            c.error.clear();
            c.exit_code = 0;
            self.store.db.write_state("recording the start", |tx| containers::update_state(tx, &c))?;
        } else {
            let rest = first.strip_prefix("failed ").unwrap_or(&first);
            let (code, msg) = rest.split_once(' ').unwrap_or((rest, ""));
            let code: i32 = code.parse().unwrap_or(125);
            c.state = State::Created;
            c.exit_code = code;
            c.error = msg.to_string();
            self.store.db.write_state("recording the failed start", |tx| containers::update_state(tx, &c))?;
            return Err(Error::WithCode { msg: msg.to_string(), code });
        }
        if !foreground {
            return Ok(StartOutcome::Running(c));
        }
        let code = wait_foreground(&mut reader, c.pid, sig_proxy, &proxied);
        let _ = proxied.thread_unblock();
        let code = match code {
            Foreground::Detached => return Ok(StartOutcome::Detached(c)),
            Foreground::Exited(code) => code,
        };
        let rows = self.sync_all(vec![c.clone()])?;
        let row = rows.into_iter().next().unwrap_or(c);
        let code = code.unwrap_or(row.exit_code);
        Ok(StartOutcome::Exited { row, code })
    }
}

fn proxied_signals() -> SigSet {
    let mut s = SigSet::empty();
    for sig in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2] {
        s.add(sig);
    }
    s
}

/// The terminal in raw mode while it lives; restored when dropped.
struct RawTerminal(nix::sys::termios::Termios);

impl RawTerminal {
    fn enter() -> Option<RawTerminal> {
        use nix::sys::termios;
        let stdin = std::io::stdin();
        let saved = termios::tcgetattr(&stdin).ok()?;
        let mut raw = saved.clone();
        termios::cfmakeraw(&mut raw);
        termios::tcsetattr(&stdin, termios::SetArg::TCSANOW, &raw).ok()?;
        Some(RawTerminal(saved))
    }
}

impl Drop for RawTerminal {
    fn drop(&mut self) {
        let _ = nix::sys::termios::tcsetattr(std::io::stdin(), nix::sys::termios::SetArg::TCSANOW, &self.0);
    }
}

enum Foreground {
    Exited(Option<i32>),
    Detached,
}

/// Waits for `exited CODE` (or `detached`) from the monitor, forwarding proxied signals to
/// the container.
fn wait_foreground(reader: &mut BufReader<File>, pid: i32, sig_proxy: bool, set: &SigSet) -> Foreground {
    Foreground::Exited(loop {
        match wait_status_line(reader, pid, sig_proxy, set) {
            Some(line) if line == "detached" => return Foreground::Detached,
            Some(line) => {
                if let Some(code) = line.strip_prefix("exited ") {
                    break code.trim().parse().ok();
                }
            }
            None => break None,
        }
    })
}

/// The monitor's next status line (None: it closed the pipe), forwarding signals meanwhile.
fn wait_status_line(reader: &mut BufReader<File>, pid: i32, sig_proxy: bool, set: &SigSet) -> Option<String> {
    let sfd = if sig_proxy { nix::sys::signalfd::SignalFd::new(set).ok() } else { None };
    loop {
        let mut fds =
            vec![nix::poll::PollFd::new(std::os::fd::AsFd::as_fd(reader.get_ref()), nix::poll::PollFlags::POLLIN)];
        if let Some(s) = &sfd {
            fds.push(nix::poll::PollFd::new(std::os::fd::AsFd::as_fd(s), nix::poll::PollFlags::POLLIN));
        }
        if !reader.buffer().is_empty() {
            // A line is already buffered.
        } else {
            match nix::poll::poll(&mut fds, nix::poll::PollTimeout::NONE) {
                Ok(_) => {}
                Err(nix::errno::Errno::EINTR) => continue,
                Err(_) => return None,
            }
            let sig_ready = fds.get(1).and_then(|f| f.revents()).is_some_and(|r| !r.is_empty());
            if sig_ready {
                if let Some(Ok(Some(info))) = sfd.as_ref().map(|s| s.read_signal()) {
                    if pid > 0 {
                        unsafe { libc::kill(pid, info.ssi_signo as i32) };
                    }
                }
                let st_ready = fds[0].revents().is_some_and(|r| !r.is_empty());
                if !st_ready {
                    continue;
                }
            }
        }
        return read_status(reader);
    }
}
