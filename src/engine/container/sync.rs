//! "Sync on read": a running container's record is brought up to date from its monitor's
//! runtime files whenever a command looks at it. A dead monitor without an exit file
//! means it was killed: the container (killed with it through PDEATHSIG) is recorded as
//! exited with code -1 and the reason, as podman does when conmon dies.

use crate::error::Result;
use crate::monitor::files::{self, ExitFile, StateFile};
use crate::storage::containers::{self, ContainerRow, State};

use super::super::Engine;

/// What a container's runtime files say now.
pub enum Observed {
    Running(StateFile),
    Exited(ExitFile),
    /// The monitor is gone without recording an exit.
    Lost(String),
}

pub fn monitor_alive(pid: i32) -> bool {
    let Ok(cmd) = std::fs::read(format!("/proc/{pid}/cmdline")) else { return false };
    cmd.split(|b| *b == 0).any(|a| a == crate::monitor::ROLE.as_bytes())
}

impl Engine {
    pub fn observe(&self, id: &str) -> Observed {
        let dir = self.store.paths.container_run(id);
        if let Some(exit) = files::read_json::<ExitFile>(&dir.join(files::EXIT)) {
            return Observed::Exited(exit);
        }
        let mpid: Option<i32> =
            std::fs::read_to_string(dir.join(files::MONITOR_PID)).ok().and_then(|s| s.trim().parse().ok());
        match mpid {
            Some(p) if monitor_alive(p) => match files::read_json::<StateFile>(&dir.join(files::STATE)) {
                Some(s) => Observed::Running(s),
                None => Observed::Running(StateFile { pid: 0, started_at: String::new(), monitor_pid: p, restarts: 0 }),
            },
            Some(p) => {
                // Check once more: the monitor may have written the exit file and gone.
                if let Some(exit) = files::read_json::<ExitFile>(&dir.join(files::EXIT)) {
                    return Observed::Exited(exit);
                }
                // Its network helper may have outlived it.
                crate::network::helper::reap_orphan(&dir);
                crate::network::bridge::attach::reap_orphan(&self.store.paths.root, &self.store.paths.runroot, id);
                Observed::Lost(format!(
                    "the container's monitor (pid {p}) was killed; the container was stopped with it"
                ))
            }
            None => Observed::Lost(
                "the container's runtime state is gone (the host rebooted or the runtime dir was removed)".into(),
            ),
        }
    }

    /// Folds runtime files into the records of active containers; writes only what changed.
    pub fn sync_all(&mut self, mut rows: Vec<ContainerRow>) -> Result<Vec<ContainerRow>> {
        let mut changed = Vec::new();
        for c in rows.iter_mut() {
            if !c.state.is_active() {
                continue;
            }
            let before = (c.state, c.pid, c.exit_code, c.restarts);
            let seen = self.observe(&c.id);
            if matches!(seen, Observed::Lost(_)) {
                // A killed monitor's fuse-overlayfs died with it; detach its mount (this
                // works where the command joined the user namespace, else rm does it).
                crate::runtime::fuse::unmount_stale(&self.store.paths.container(&c.id).join("merged"));
            }
            apply(c, seen);
            if before != (c.state, c.pid, c.exit_code, c.restarts) {
                changed.push(c.clone());
            }
        }
        if !changed.is_empty() {
            self.store.db.write_state("updating container states", |tx| {
                for c in &changed {
                    containers::update_state(tx, c)?;
                }
                Ok(())
            })?;
        }
        Ok(rows)
    }
}

pub fn apply(c: &mut ContainerRow, o: Observed) {
    match o {
        Observed::Running(s) => {
            if s.pid != 0 {
                c.pid = s.pid;
                c.started_at = s.started_at;
            }
            c.restarts = s.restarts;
        }
        Observed::Exited(e) => {
            c.state = State::Exited;
            c.exit_code = e.exit_code;
            c.finished_at = e.finished_at;
            c.error = e.error;
            c.restarts = e.restarts;
            c.pid = 0;
        }
        Observed::Lost(why) => {
            c.state = State::Exited;
            c.exit_code = -1;
            c.finished_at = crate::monitor::log::timestamp();
            c.error = why;
            c.pid = 0;
        }
    }
}
