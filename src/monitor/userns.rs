//! A container's own user namespace (`--userns=keep-id|nomap|auto`, `--uidmap`): the init
//! unshares it when its mounts are done and waits; the monitor, root of the per-user
//! namespace, writes its maps (no newuidmap needed: the ids are all ours) and lets it go on.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

use nix::unistd::Pid;

use crate::runtime::init::InitError;
use crate::runtime::{ChildUserns, RuntimeConfig};
use crate::userns::mapping::proc_text;

/// The two pipes between the monitor and an init that will unshare a user namespace.
pub struct UsernsSync {
    /// The init's ends: it writes "u" once unshared, then reads "g".
    child: (OwnedFd, OwnedFd),
    ours: (OwnedFd, OwnedFd),
}

impl UsernsSync {
    pub fn new(rt: &RuntimeConfig) -> std::io::Result<Option<UsernsSync>> {
        if rt.userns.is_none() {
            return Ok(None);
        }
        let cloexec = nix::fcntl::OFlag::O_CLOEXEC;
        let (ready_r, ready_w) = nix::unistd::pipe2(cloexec)?;
        let (go_r, go_w) = nix::unistd::pipe2(cloexec)?;
        Ok(Some(UsernsSync { child: (ready_w, go_r), ours: (ready_r, go_w) }))
    }

    /// What the init gets: (ready fd to write, go fd to read).
    pub fn child_fds(&self) -> (RawFd, RawFd) {
        (self.child.0.as_raw_fd(), self.child.1.as_raw_fd())
    }

    /// After the clone: waits for the init to unshare, writes its maps, releases it. An
    /// init that failed before unsharing closes its end; its error pipe says why.
    pub fn map_child(self, pid: Pid, maps: Option<&ChildUserns>) -> Result<(), InitError> {
        let UsernsSync { child, ours } = self;
        drop(child);
        let (ready, go) = ours;
        let mut b = [0u8; 1];
        if File::from(ready).read_exact(&mut b).is_err() {
            return Ok(());
        }
        let Some(m) = maps else { return Ok(()) };
        let write = |file: &str, text: String| {
            std::fs::write(format!("/proc/{pid}/{file}"), &text).map_err(|e| InitError {
                code: 125,
                msg: format!("writing the container's {file} ({}): {e}", text.trim().replace('\n', ", ")),
            })
        };
        write("uid_map", proc_text(&m.uid_map))?;
        write("gid_map", proc_text(&m.gid_map))?;
        File::from(go)
            .write_all(b"g")
            .map_err(|e| InitError { code: 125, msg: format!("releasing the container's init: {e}") })
    }
}
