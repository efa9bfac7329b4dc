//! `cp [-a] [--overwrite] SRC DEST`: files between the host and a container (`CTR:PATH`).

use clap::Args;

use crate::engine::container::cp::CpOptions;
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct CpArgs {
    /// Keep the source's uid and gid (default: the copies belong to the destination's root)
    #[arg(short = 'a', long)]
    pub archive: bool,
    /// Allow to overwrite directories with non-directories and vice versa
    #[arg(long)]
    pub overwrite: bool,
    /// Source: a host path or CONTAINER:PATH
    pub source: String,
    /// Destination: a host path or CONTAINER:PATH
    pub dest: String,
}

pub fn run(g: &GlobalOptions, a: CpArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    engine.copy(&CpOptions { source: a.source, dest: a.dest, archive: a.archive, overwrite: a.overwrite })?;
    Ok(0)
}
