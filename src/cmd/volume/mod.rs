//! `burrow volume ...`: named volumes (the local driver).

pub mod create;
pub mod exists;
pub mod export;
pub mod inspect;
pub mod list;
pub mod rm;

use clap::Subcommand;

use crate::engine::GlobalOptions;
use crate::error::Result;

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it is the one invoked (clap's defer):
// building all of them cost every command ~0.5 ms.
#[command(defer = true)]
pub enum VolumeCommand {
    /// Create a new volume
    Create(create::CreateArgs),
    /// Check if a volume exists
    Exists(exists::ExistsArgs),
    /// Export volumes
    Export(export::ExportArgs),
    /// Import a tarball contents into a volume
    Import(export::ImportArgs),
    /// Display detailed information on one or more volumes
    Inspect(inspect::InspectArgs),
    /// List volumes
    #[command(visible_alias = "list")]
    Ls(list::ListArgs),
    /// Remove all unused volumes
    Prune(rm::PruneArgs),
    /// Remove one or more volumes
    #[command(visible_alias = "remove")]
    Rm(rm::RmArgs),
}

pub fn run(g: &GlobalOptions, c: VolumeCommand) -> Result<i32> {
    match c {
        VolumeCommand::Create(a) => create::run(g, a),
        VolumeCommand::Exists(a) => exists::run(g, a),
        VolumeCommand::Export(a) => export::run_export(g, a),
        VolumeCommand::Import(a) => export::run_import(g, a),
        VolumeCommand::Inspect(a) => inspect::run(g, a),
        VolumeCommand::Ls(a) => list::run(g, a),
        VolumeCommand::Prune(a) => rm::run_prune(g, a),
        VolumeCommand::Rm(a) => rm::run(g, a),
    }
}
