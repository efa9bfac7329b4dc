//! `info`, `version`, `unshare`, `system ...`.

pub mod info;
pub mod unshare;
pub mod version;

use clap::Subcommand;

use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it is the one invoked (clap's defer):
// building all of them cost every command ~0.5 ms.
#[command(defer = true)]
pub enum SystemCommand {
    /// Display burrow system information
    Info(info::InfoArgs),
    /// Restart the user namespace so that changed /etc/subuid and /etc/subgid ranges apply
    Migrate,
}

/// `system migrate`: stop the pause process; the next command makes a new namespace
/// with the current subordinate ranges.
pub fn migrate(g: &GlobalOptions) -> Result<i32> {
    let paths = g.paths()?;
    if let Ok(text) = std::fs::read_to_string(paths.pause_pid()) {
        if let Ok(pid) = text.trim().parse::<i32>() {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
        }
    }
    let _ = std::fs::remove_file(paths.pause_pid());
    let _ = Engine::open(g)?;
    Ok(0)
}
