//! `rmi` / `image rm`: remove images, printing podman's Untagged/Deleted lines.

use clap::Args;

use crate::cmd::print_out;
use crate::engine::images::RemoveOptions;
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Images to remove (names or ids)
    pub images: Vec<String>,
    /// Remove all images
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Remove images by id even when they have several names; ignore unknown images
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Do not fail when an image does not exist
    #[arg(short = 'i', long)]
    pub ignore: bool,
}

pub fn run(g: &GlobalOptions, a: RmArgs) -> Result<i32> {
    if a.images.is_empty() && !a.all {
        return Err(Error::usage("image name or ID must be specified"));
    }
    if !a.images.is_empty() && a.all {
        return Err(Error::usage("when using the --all switch, you may not pass any images names or IDs"));
    }
    let mut engine = Engine::open_in_userns(g)?;
    let report = engine.remove_images(&RemoveOptions { names: a.images, all: a.all, force: a.force })?;
    let mut text = String::new();
    for n in &report.untagged {
        text.push_str(&format!("Untagged: {n}\n"));
    }
    for id in &report.deleted {
        text.push_str(&format!("Deleted: {id}\n"));
    }
    print_out(&text)?;
    let code = report.exit_code();
    let mut errors: Vec<Error> = report.errors;
    if a.ignore {
        errors.retain(|e| !matches!(e, Error::NotFound(_)));
    }
    let Some(last) = errors.pop() else { return Ok(0) };
    for e in &errors {
        eprintln!("Error: {e}");
    }
    // main prints the last one; the exit code follows podman's rmi (1: unknown image).
    Err(Error::WithCode { msg: last.to_string(), code })
}
