//! `unshare [CMD...]`: run a command inside burrow's user namespace, like `podman unshare`.

use std::os::unix::process::CommandExt;

use clap::Args;

use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct UnshareArgs {
    /// Command and arguments (default: $SHELL)
    #[arg(allow_hyphen_values = true)]
    pub command: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: UnshareArgs) -> Result<i32> {
    if !crate::userns::is_rootless() {
        return Err(Error::usage("please use unshare with rootless"));
    }
    let engine = Engine::open_in_userns(g)?;
    let mut argv = a.command;
    if argv.is_empty() {
        argv.push(std::env::var("SHELL").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "/bin/sh".into()));
    }
    let err = std::process::Command::new(&argv[0])
        .args(&argv[1..])
        .env("BURROW_GRAPHROOT", &engine.store.paths.root)
        .env("BURROW_RUNROOT", &engine.store.paths.runroot)
        .env("CONTAINERS_GRAPHROOT", &engine.store.paths.root)
        .env("CONTAINERS_RUNROOT", &engine.store.paths.runroot)
        .exec();
    let code = match err.kind() {
        std::io::ErrorKind::NotFound => 127,
        std::io::ErrorKind::PermissionDenied => 126,
        _ => crate::error::EXIT_ENGINE,
    };
    Err(Error::WithCode { msg: format!("exec: {:?}: {err}", argv[0]), code })
}
