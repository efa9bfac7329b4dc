//! `exec`.

use clap::Args;

use crate::engine::container::exec::ExecOptions;
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct ExecArgs {
    /// Run the command in the background
    #[arg(short = 'd', long)]
    pub detach: bool,
    /// Set environment variables
    #[arg(short = 'e', long = "env")]
    pub env: Vec<String>,
    /// Read environment variables from a file
    #[arg(long = "env-file")]
    pub env_file: Vec<String>,
    /// Keep stdin open
    #[arg(short = 'i', long)]
    pub interactive: bool,
    /// Give the process all capabilities
    #[arg(long)]
    pub privileged: bool,
    /// Allocate a pseudo-TTY
    #[arg(short = 't', long)]
    pub tty: bool,
    /// Username or UID[:GID]
    #[arg(short = 'u', long)]
    pub user: Option<String>,
    /// Working directory
    #[arg(short = 'w', long)]
    pub workdir: Option<String>,
    /// Detach keys (accepted)
    #[arg(long = "detach-keys")]
    pub detach_keys: Option<String>,
    /// Container
    pub container: String,
    /// Command and arguments
    #[arg(required = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// Marks a process that already runs from the sealed copy.
const SEALED_ENV: &str = "BURROW_SEALED";

pub fn run(g: &GlobalOptions, a: ExecArgs) -> Result<i32> {
    // The session's process is visible in the container before it execs the command:
    // run it from burrow's sealed copy, never from the file on disk (CVE-2019-5736).
    if std::env::var_os(SEALED_ENV).is_none() {
        if let Some((exe, _keep)) = crate::userns::sealed_exe(&g.paths()?) {
            use std::os::unix::process::CommandExt;
            let err = std::process::Command::new(exe)
                .arg0("burrow")
                .args(std::env::args_os().skip(1))
                .env(SEALED_ENV, "1")
                .exec();
            return Err(crate::error::Error::io("re-executing from the sealed copy", err));
        }
    }
    let mut engine = Engine::open_in_userns(g)?;
    engine.exec_container(
        &a.container,
        &ExecOptions {
            command: a.command,
            interactive: a.interactive,
            tty: a.tty,
            detach: a.detach,
            user: a.user,
            workdir: a.workdir,
            env: a.env,
            env_files: a.env_file,
            privileged: a.privileged,
        },
    )
}
