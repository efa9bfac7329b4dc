//! `volume rm` (exit 1 for an unknown volume, 2 for one in use, as podman) and
//! `volume prune`.

use clap::Args;

use crate::cmd::{confirm, print_out, remove_each};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove all volumes
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Remove a volume in use, with the containers using it
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Volumes to remove
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short = 'f', long)]
    pub force: bool,
}

pub fn run(g: &GlobalOptions, a: RmArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    let names: Vec<String> =
        if a.all { engine.volumes()?.into_iter().map(|v| v.name).collect() } else { a.names.clone() };
    if names.is_empty() && !a.all {
        return Err(Error::usage("choose either one or more volumes or all"));
    }
    remove_each(&names, |n| engine.remove_volume(n, a.force).map(|()| n.to_string()))
}

pub fn run_prune(g: &GlobalOptions, a: PruneArgs) -> Result<i32> {
    if !a.force
        && !confirm(
            "This will remove all volumes not used by at least one container. The following volumes will be removed:",
        )
    {
        return Ok(0);
    }
    let mut engine = Engine::open_in_userns(g)?;
    let removed = engine.prune_volumes()?;
    print_out(&removed.iter().map(|n| format!("{n}\n")).collect::<String>())?;
    Ok(0)
}
