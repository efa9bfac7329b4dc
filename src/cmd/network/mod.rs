//! `burrow network ...`: user-defined networks (the bridge driver, rootless).

pub mod connect;
pub mod create;
pub mod inspect;
pub mod list;
pub mod rm;

use clap::{Args, Subcommand};

use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it is the one invoked (clap's defer):
// building all of them cost every command ~0.5 ms.
#[command(defer = true)]
pub enum NetworkCommand {
    /// Connect a container to a network
    Connect(connect::ConnectArgs),
    /// Create a network
    Create(create::CreateArgs),
    /// Disconnect a container from a network
    Disconnect(connect::DisconnectArgs),
    /// Check if a network exists
    Exists(ExistsArgs),
    /// Display detailed information on one or more networks
    Inspect(inspect::InspectArgs),
    /// List networks
    #[command(visible_alias = "list")]
    Ls(list::ListArgs),
    /// Remove unused networks
    Prune(rm::PruneArgs),
    /// Remove one or more networks
    #[command(visible_alias = "remove")]
    Rm(rm::RmArgs),
}

impl NetworkCommand {
    /// Verbs that touch containers' namespaces or remove containers join the user namespace.
    pub fn needs_userns(&self) -> bool {
        matches!(self, NetworkCommand::Connect(_) | NetworkCommand::Disconnect(_) | NetworkCommand::Rm(_) | NetworkCommand::Prune(_))
    }
}

#[derive(Debug, Args)]
pub struct ExistsArgs {
    /// Network name or ID
    pub name: String,
}

pub fn run(g: &GlobalOptions, c: NetworkCommand) -> Result<i32> {
    match c {
        NetworkCommand::Connect(a) => connect::run_connect(g, a),
        NetworkCommand::Create(a) => create::run(g, a),
        NetworkCommand::Disconnect(a) => connect::run_disconnect(g, a),
        NetworkCommand::Exists(a) => {
            let engine = Engine::open(g)?;
            match engine.network(&a.name) {
                Ok(_) => Ok(0),
                Err(Error::NotFound(_)) => Err(Error::Exit(1)),
                Err(e) => Err(e),
            }
        }
        NetworkCommand::Inspect(a) => inspect::run(g, a),
        NetworkCommand::Ls(a) => list::run(g, a),
        NetworkCommand::Prune(a) => rm::run_prune(g, a),
        NetworkCommand::Rm(a) => rm::run(g, a),
    }
}
