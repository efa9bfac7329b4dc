//! `burrow image ...` and its top-level aliases (`images`, `rmi`, `load`, ...).

pub mod build;
pub mod exists;
pub mod history;
pub mod import;
pub mod inspect;
pub mod list;
pub mod load;
pub mod pull;
pub mod push;
pub mod rm;
pub mod save;
pub mod tag;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it is the one invoked (clap's defer):
// building all of them cost every command ~0.5 ms.
#[command(defer = true)]
pub enum ImageCommand {
    /// Build an image using instructions from Containerfiles
    Build(build::BuildArgs),
    /// Check if an image exists in local storage
    Exists(exists::ExistsArgs),
    /// Show history of a specified image
    History(history::HistoryArgs),
    /// Import a tarball to create a filesystem image
    Import(import::ImportArgs),
    /// Display the configuration of an image
    Inspect(inspect::InspectArgs),
    /// Load image(s) from a tar archive
    Load(load::LoadArgs),
    /// List images in local storage
    Ls(list::ListArgs),
    /// Remove unused images
    Prune(history::PruneArgs),
    /// Pull an image from a registry
    Pull(pull::PullArgs),
    /// Push an image to a registry
    Push(push::PushArgs),
    /// List images in local storage
    #[command(hide = true)]
    List(list::ListArgs),
    /// Remove one or more images from local storage
    Rm(rm::RmArgs),
    /// Save image(s) to an archive
    Save(save::SaveArgs),
    /// Add an additional name to a local image
    Tag(tag::TagArgs),
    /// Print layer hierarchy of an image in a tree format
    Tree(history::TreeArgs),
    /// Remove a name from a local image
    Untag(tag::UntagArgs),
}
