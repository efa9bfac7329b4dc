//! Measures youki's `libcontainer` on one container start, for docs/runtime.md.
//!
//! `libcontainer-probe STATE_DIR BUNDLE [ID]` creates a container from the OCI bundle
//! (`BUNDLE/config.json`), starts it, waits for its process to exit, deletes it, and exits
//! with the container's exit code. The init is created as a child of this process
//! (libcontainer's default, not `as_sibling`), the way burrow's monitor would need it.
//! With `PROBE_TIMING=1` it prints the time spent in build (create), start, wait and delete
//! on stderr, in microseconds.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use libcontainer::container::builder::ContainerBuilder;
use libcontainer::syscall::syscall::SyscallType;
use nix::sys::wait::{waitpid, WaitStatus};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: libcontainer-probe STATE_DIR BUNDLE [ID]");
        return ExitCode::from(2);
    }
    let id = args.get(3).cloned().unwrap_or_else(|| format!("probe-{}", std::process::id()));
    match run(PathBuf::from(&args[1]), PathBuf::from(&args[2]), id) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("libcontainer-probe: {err:#}");
            ExitCode::from(125)
        }
    }
}

fn run(state_dir: PathBuf, bundle: PathBuf, id: String) -> Result<u8, String> {
    let timing = std::env::var_os("PROBE_TIMING").is_some();
    let t0 = Instant::now();
    let mut container = ContainerBuilder::new(id, SyscallType::Linux)
        .with_root_path(state_dir)
        .map_err(|e| format!("root path: {e:?}"))?
        .as_init(bundle)
        .with_systemd(false)
        .with_detach(false)
        .build()
        .map_err(|e| format!("create: {e:?}"))?;
    let t1 = Instant::now();
    container.start().map_err(|e| format!("start: {e:?}"))?;
    let t2 = Instant::now();
    let pid = container.pid().ok_or("start: container has no pid")?;
    let code = loop {
        match waitpid(pid, None) {
            Ok(WaitStatus::Exited(_, code)) => break code as u8,
            Ok(WaitStatus::Signaled(_, sig, _)) => break 128 + sig as u8,
            Ok(_) => continue,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(format!("wait for {pid}: {e}")),
        }
    };
    let t3 = Instant::now();
    container.delete(true).map_err(|e| format!("delete: {e:?}"))?;
    let t4 = Instant::now();
    if timing {
        let us = |a: Instant, b: Instant| (b - a).as_micros();
        eprintln!(
            "probe timing us: create {} start {} wait {} delete {} total {}",
            us(t0, t1),
            us(t1, t2),
            us(t2, t3),
            us(t3, t4),
            us(t0, t4)
        );
    }
    Ok(code)
}
