//! `--init`: burrow bind-mounted read-only at /run/burrow-init becomes the container's pid 1.
//! It starts the command as its child, forwards every signal it receives to it, reaps every
//! orphan the container's processes leave, and exits with the command's exit code.
//! (The binary is static, so it runs in images without a C library.)

use std::ffi::CString;

use nix::sys::signal::{SigSet, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::{fork, ForkResult, Pid};

/// argv[0] that selects this role.
pub fn is_reaper(argv0: &str) -> bool {
    argv0.ends_with("burrow-init")
}

pub fn main(args: &[String]) -> ! {
    let cmd: Vec<String> = match args.iter().position(|a| a == "--") {
        Some(i) => args[i + 1..].to_vec(),
        None => args.iter().skip(1).cloned().collect(),
    };
    if cmd.is_empty() {
        eprintln!("burrow-init: no command given");
        std::process::exit(125);
    }
    let all = SigSet::all();
    let _ = all.thread_block();
    // SAFETY: single-threaded; the child only resets its signal mask and execs.
    let child = match unsafe { fork() } {
        Ok(ForkResult::Child) => {
            let _ = all.thread_unblock();
            let _ = nix::unistd::setsid();
            let cargs: Vec<CString> = cmd.iter().filter_map(|a| CString::new(a.as_bytes()).ok()).collect();
            let err = nix::unistd::execvp(&cargs[0], &cargs).err();
            eprintln!("burrow-init: exec {}: {}", cmd[0], err.map(|e| e.desc()).unwrap_or("failed"));
            unsafe { libc::_exit(if err == Some(nix::errno::Errno::ENOENT) { 127 } else { 126 }) };
        }
        Ok(ForkResult::Parent { child }) => child,
        Err(e) => {
            eprintln!("burrow-init: fork: {e}");
            std::process::exit(125);
        }
    };
    loop {
        let sig = match all.wait() {
            Ok(s) => s,
            Err(_) => continue,
        };
        if sig != Signal::SIGCHLD {
            // The command leads its own session: signal its whole process group.
            let _ = nix::sys::signal::kill(Pid::from_raw(-child.as_raw()), sig);
            continue;
        }
        loop {
            match waitpid(None::<Pid>, Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::Exited(pid, code)) if pid == child => std::process::exit(code),
                Ok(WaitStatus::Signaled(pid, s, _)) if pid == child => std::process::exit(128 + s as i32),
                Ok(WaitStatus::StillAlive) | Err(_) => break,
                Ok(_) => {}
            }
        }
    }
}
