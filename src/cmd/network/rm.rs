//! `network rm` (exit 1 for an unknown network, 2 for one in use) and `network prune`.

use clap::Args;

use crate::cmd::{confirm, print_out, remove_each};
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove the containers using the network too
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Seconds to wait before killing containers (accepted for podman compatibility)
    #[arg(short = 't', long = "time")]
    pub time: Option<u64>,
    /// Networks to remove
    #[arg(required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Only prune networks that match: label=, label!=, until=
    #[arg(long = "filter", value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: RmArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    remove_each(&a.names, |n| engine.remove_network(n, a.force).map(|net| net.name))
}

pub fn run_prune(g: &GlobalOptions, a: PruneArgs) -> Result<i32> {
    let filters = super::list::parse_filters(&a.filter)?;
    if !a.force && !confirm("This will remove all networks not used by at least one container.") {
        return Ok(0);
    }
    let mut engine = Engine::open_in_userns(g)?;
    // Pruned networks are unused ones: `dangling` has nothing more to say here.
    let removed = engine.prune_networks(|n| super::list::matches(n, false, &filters))?;
    print_out(&removed.iter().map(|n| format!("{n}\n")).collect::<String>())?;
    Ok(0)
}
