//! The runtime files a monitor writes for its container (the only things it writes):
//! `monitor.pid`, `state.json` when the container starts, `exit.json` when it ends. Each
//! is written to a temp name and renamed, so readers see whole files or none.

use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StateFile {
    pub pid: i32,
    pub started_at: String,
    pub monitor_pid: i32,
    /// How many times the monitor restarted the container in this run (restart policy).
    pub restarts: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ExitFile {
    pub exit_code: i32,
    pub finished_at: String,
    /// Set when the container never ran its command (podman's State.Error).
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub restarts: i64,
}

pub fn write_json<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    let data = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    std::fs::write(&tmp, data)?;
    std::fs::rename(&tmp, path)
}

pub fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    let data = std::fs::read(path).ok()?;
    serde_json::from_slice(&data).ok()
}

pub const STATE: &str = "state.json";
pub const EXIT: &str = "exit.json";
pub const MONITOR_PID: &str = "monitor.pid";
/// Written by `stop`/`kill` before signalling, so the restart policy knows the user asked.
pub const STOPPED: &str = "stopped";
