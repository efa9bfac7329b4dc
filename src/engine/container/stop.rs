//! stop, kill, rm, wait, rename, prune.

use std::time::{Duration, Instant};

use super::super::Engine;
use crate::error::{Error, Result};
use crate::monitor::files;
use crate::storage::containers::{self, ContainerRow, State};

/// Signal names and numbers as podman accepts them for `kill -s` and `--stop-signal`.
pub fn parse_signal(s: &str) -> Result<i32> {
    let t = s.trim().to_ascii_uppercase();
    if let Ok(n) = t.parse::<i32>() {
        if (1..=64).contains(&n) {
            return Ok(n);
        }
    }
    let name = if t.starts_with("SIG") { t.clone() } else { format!("SIG{t}") };
    if let Some(rest) = name.strip_prefix("SIGRTMIN+") {
        if let Ok(n) = rest.parse::<i32>() {
            return Ok(libc::SIGRTMIN() + n);
        }
    }
    name.parse::<nix::sys::signal::Signal>().map(|s| s as i32).map_err(|_| Error::usage(format!("invalid signal: {s}")))
}

impl Engine {
    /// Waits until the container is no longer active: first for its init to die (a pidfd;
    /// an inotify watch would be cheaper to wake but costs ~13 ms to close, an SRCU grace
    /// period), then briefly for the monitor's exit file. A monitor that dies without one
    /// is found by the re-check (sync_all reconciles it).
    fn wait_exit(&mut self, c: &ContainerRow, timeout: Duration) -> Result<Option<ContainerRow>> {
        let start = Instant::now();
        let pidfd = crate::runtime::pidfd_open(c.pid);
        let mut init_gone = pidfd.is_none();
        let mut nap = Duration::from_micros(250);
        loop {
            let rows = self.sync_all(vec![c.clone()])?;
            if let Some(r) = rows.into_iter().next() {
                if !r.state.is_active() {
                    return Ok(Some(r));
                }
            }
            let left = timeout.saturating_sub(start.elapsed());
            if left.is_zero() {
                return Ok(None);
            }
            match &pidfd {
                Some(fd) if !init_gone => {
                    init_gone = crate::runtime::pidfd_wait(fd, left.min(Duration::from_millis(100)).as_millis() as i32);
                }
                _ => {
                    std::thread::sleep(left.min(nap));
                    nap = (nap * 2).min(Duration::from_millis(10));
                }
            }
        }
    }

    /// Sends a signal to the container's init. The `stopped` marker keeps the restart
    /// policy from restarting a container the user stopped.
    fn signal(&self, c: &ContainerRow, sig: i32, user_stop: bool) -> Result<()> {
        if user_stop {
            let _ = std::fs::write(self.store.paths.container_run(&c.id).join(files::STOPPED), b"");
        }
        if c.pid <= 0 {
            return Ok(());
        }
        if unsafe { libc::kill(c.pid, sig) } != 0 {
            let e = std::io::Error::last_os_error();
            if e.raw_os_error() != Some(libc::ESRCH) {
                return Err(Error::io(format!("sending signal {sig} to container {}", c.name), e));
            }
        }
        Ok(())
    }

    /// `stop`: the stop signal, then SIGKILL after `timeout`; a stopped container is fine.
    pub fn stop_container(&mut self, name: &str, timeout: Option<u64>) -> Result<ContainerRow> {
        let c = self.container(name)?;
        if !c.state.is_active() {
            return Ok(c);
        }
        let stored = super::list::stored(&c);
        let secs = timeout.unwrap_or(stored.stop_timeout);
        let sig = parse_signal(&stored.stop_signal).unwrap_or(libc::SIGTERM);
        if secs > 0 {
            self.signal(&c, sig, true)?;
            if let Some(r) = self.wait_exit(&c, Duration::from_secs(secs))? {
                return Ok(r);
            }
            eprintln!(
                "WARN[{secs:04}] StopSignal {} failed to stop container {} in {secs} seconds, resorting to SIGKILL",
                stored.stop_signal, c.name
            );
        }
        self.signal(&c, libc::SIGKILL, true)?;
        match self.wait_exit(&c, Duration::from_secs(10))? {
            Some(r) => Ok(r),
            None => Err(Error::other(format!("container {} did not exit after SIGKILL", c.name))),
        }
    }

    pub fn kill_container(&mut self, name: &str, signal: &str) -> Result<ContainerRow> {
        let sig = parse_signal(signal)?;
        let c = self.container(name)?;
        if !c.state.is_active() {
            return Err(Error::Conflict {
                msg: format!(
                    "can only kill running containers. {} is in state {}: container state improper",
                    c.id,
                    c.state.as_str()
                ),
                hint: None,
            });
        }
        self.signal(&c, sig, sig == libc::SIGKILL || sig == libc::SIGTERM)?;
        Ok(c)
    }

    /// Removes a container (by id); `force` kills a running one first.
    pub fn remove_container(&mut self, name: &str, force: bool, volumes: bool) -> Result<ContainerRow> {
        let c = self.container(name)?;
        if c.state.is_active() {
            if !force {
                return Err(Error::Conflict {
                    msg: format!(
                        "cannot remove container {} as it is {} - running or paused containers cannot be removed without force: container state improper",
                        c.id,
                        c.state.as_str()
                    ),
                    hint: Some("stop it first, or use rm -f".into()),
                });
            }
            self.signal(&c, libc::SIGKILL, true)?;
            self.wait_exit(&c, Duration::from_secs(10))?;
        }
        self.store.db.write_state("removing the container", |tx| {
            containers::delete(tx, &c.id)?;
            crate::storage::idmapped::delete_range(tx, &c.id)
        })?;
        let _ = std::fs::remove_dir_all(self.store.paths.container_run(&c.id));
        let dir = self.store.paths.container(&c.id);
        // A fuse-overlayfs rootfs whose monitor was killed is still mounted (dead) here.
        crate::runtime::fuse::unmount_stale(&dir.join("merged"));
        crate::storage::remove_tree(&dir)?;
        if volumes {
            self.remove_anonymous_volumes(&super::list::stored(&c).mounts);
        }
        Ok(c)
    }

    /// `wait`: blocks until the container reaches one of the conditions; returns its exit
    /// code (podman prints it).
    pub fn wait_container(&mut self, name: &str, conditions: &[String], interval: Duration) -> Result<i32> {
        let want: Vec<&str> = if conditions.is_empty() {
            vec!["stopped", "exited"]
        } else {
            conditions.iter().map(String::as_str).collect()
        };
        for w in &want {
            if !matches!(
                *w,
                "configured"
                    | "created"
                    | "exited"
                    | "healthy"
                    | "initialized"
                    | "paused"
                    | "removing"
                    | "running"
                    | "stopped"
                    | "stopping"
                    | "unhealthy"
            ) {
                return Err(Error::usage(format!("invalid condition {w:?}")));
            }
        }
        loop {
            let all = self.containers()?;
            let c = match super::lookup(&all, name) {
                Ok(c) => c.clone(),
                Err(Error::NotFound(_)) if want.contains(&"removing") => return Ok(-1),
                Err(e) => return Err(e),
            };
            let state = match c.state {
                State::Exited => "exited",
                other => other.as_str(),
            };
            if want.iter().any(|w| *w == state || (*w == "stopped" && state == "exited")) {
                return Ok(c.exit_code);
            }
            std::thread::sleep(interval);
        }
    }

    pub fn rename_container(&mut self, name: &str, new_name: &str) -> Result<()> {
        let c = self.container(name)?;
        if containers::name_taken(self.store.db.conn(), new_name)?.is_some() {
            return Err(Error::Conflict {
                msg: format!("name \"{new_name}\" is in use: container already exists"),
                hint: None,
            });
        }
        let ok = !new_name.is_empty()
            && new_name.as_bytes()[0].is_ascii_alphanumeric()
            && new_name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
        if !ok {
            return Err(Error::usage(format!(
                "container name {new_name:?} is invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"
            )));
        }
        self.store.db.write_state("renaming the container", |tx| containers::rename(tx, &c.id, new_name))
    }

    /// `container prune`: removes every container that isn't running; returns their ids.
    pub fn prune_containers(&mut self) -> Result<Vec<String>> {
        let all = self.containers()?;
        let mut out = Vec::new();
        for c in all.iter().filter(|c| !c.state.is_active()) {
            self.remove_container(&c.id, false, false)?;
            out.push(c.id.clone());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals() {
        assert_eq!(parse_signal("SIGTERM").unwrap(), 15);
        assert_eq!(parse_signal("term").unwrap(), 15);
        assert_eq!(parse_signal("9").unwrap(), 9);
        assert_eq!(parse_signal("KILL").unwrap(), 9);
        assert!(parse_signal("NOPE").is_err());
        assert!(parse_signal("99").is_err());
    }
}
