//! The fuse-overlayfs rootfs. Unlike kernel overlay (mounted by the init inside the
//! container's own mount namespace), a FUSE mount needs its daemon outside the container:
//! the monitor runs the mount program in the user namespace before it clones the init
//! (whose new mount namespace gets a copy of the mount), and unmounts it when the container
//! has exited. The daemon runs in the foreground as the monitor's child with
//! PDEATHSIG=SIGKILL, so a killed monitor takes it along; the dead mount point it leaves
//! is detached by the next command that reconciles the container ([`unmount_stale`]).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::RootfsPlan;

/// A mounted fuse-overlayfs and its daemon.
pub struct FuseMount {
    child: Child,
    merged: PathBuf,
}

/// Whether `p` is the root of a mount (its device differs from its parent's).
pub fn is_mount_point(p: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = p.parent().unwrap_or(Path::new("/"));
    match (std::fs::symlink_metadata(p), std::fs::symlink_metadata(parent)) {
        (Ok(a), Ok(b)) => a.dev() != b.dev(),
        // ENOTCONN: a FUSE mount whose daemon is gone.
        (Err(e), _) => e.raw_os_error() == Some(libc::ENOTCONN),
        _ => false,
    }
}

/// Detaches whatever is mounted at `merged` (a dead FUSE mount after a killed monitor).
pub fn unmount_stale(merged: &Path) {
    let _ = nix::mount::umount2(merged, nix::mount::MntFlags::MNT_DETACH);
}

/// The `-o` options for fuse-overlayfs.
pub fn mount_options(p: &RootfsPlan) -> String {
    let lowers: Vec<String> = p.lowers.iter().map(|l| l.display().to_string()).collect();
    // allow_other: container processes run as many uids of the user namespace, not only
    // as the daemon's; the kernel permits it to a mount made inside a user namespace.
    format!(
        "lowerdir={},upperdir={},workdir={},allow_other",
        lowers.join(":"),
        p.upper.display(),
        p.work.display()
    )
}

impl FuseMount {
    /// Runs the mount program on `p.merged` and waits until the mount is there. Its
    /// messages go to `log` (named in the error if it fails).
    pub fn mount(p: &RootfsPlan, log: &Path) -> Result<FuseMount, String> {
        let program = match &p.mount_program {
            Some(prog) => prog.clone(),
            None => crate::userns::helper_path("fuse-overlayfs")
                .ok_or_else(|| "fuse-overlayfs not found: install it, or use --storage-driver vfs".to_string())?,
        };
        if is_mount_point(&p.merged) {
            unmount_stale(&p.merged);
        }
        crate::runtime::init::ensure_dirs(p).map_err(|e| e.msg)?;
        let err = std::fs::File::create(log).map_err(|e| format!("creating {}: {e}", log.display()))?;
        let mut cmd = Command::new(&program);
        cmd.arg("-f").arg("-o").arg(mount_options(p)).arg(&p.merged);
        cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::from(err));
        // SAFETY: prctl is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong);
                Ok(())
            });
        }
        let mut child = cmd.spawn().map_err(|e| format!("running {}: {e}", program.display()))?;
        let start = Instant::now();
        let mut pause = Duration::from_micros(200);
        loop {
            if is_mount_point(&p.merged) {
                return Ok(FuseMount { child, merged: p.merged.clone() });
            }
            if let Ok(Some(status)) = child.try_wait() {
                let msg = std::fs::read_to_string(log).unwrap_or_default();
                return Err(format!(
                    "mounting the rootfs with {} failed ({status}): {}",
                    program.display(),
                    msg.trim().lines().last().unwrap_or("no message")
                ));
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{} did not mount the rootfs within 10 seconds", program.display()));
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(10));
        }
    }

    /// Unmounts and waits for the daemon to go (it exits once the last copy of the mount,
    /// the container's, is gone); kills it if it lingers.
    pub fn unmount(mut self) {
        unmount_stale(&self.merged);
        let start = Instant::now();
        loop {
            match self.child.try_wait() {
                // Err: already reaped by the monitor's SIGCHLD loop.
                Ok(Some(_)) | Err(_) => return,
                Ok(None) if start.elapsed() > Duration::from_secs(2) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(1)),
            }
        }
    }

    /// Leaves the daemon running (PDEATHSIG ends it with this process): for `cp`, whose
    /// private mount namespace goes away when it exits.
    pub fn keep(self) {
        std::mem::forget(self.child);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_name_every_layer() {
        let p = RootfsPlan {
            driver: "fuse-overlayfs".into(),
            mount_program: None,
            layers_dir: "/s/layers".into(),
            lowers: vec!["/s/layers/b/diff".into(), "/s/layers/a/diff".into()],
            upper: "/s/c/upper".into(),
            work: "/s/c/work".into(),
            merged: "/s/c/merged".into(),
            userxattr: true,
        };
        assert_eq!(
            mount_options(&p),
            "lowerdir=/s/layers/b/diff:/s/layers/a/diff,upperdir=/s/c/upper,workdir=/s/c/work,allow_other"
        );
        assert!(!is_mount_point(Path::new("/nonexistent/dir")));
        assert!(is_mount_point(Path::new("/proc")));
    }
}
