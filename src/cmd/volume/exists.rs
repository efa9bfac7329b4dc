//! `volume exists`: exit 0 when the volume exists, 1 when not.

use clap::Args;

use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct ExistsArgs {
    /// Volume name
    pub name: String,
}

pub fn run(g: &GlobalOptions, a: ExistsArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    match engine.volume(&a.name) {
        Ok(_) => Ok(0),
        Err(Error::NotFound(_)) => Err(Error::Exit(1)),
        Err(e) => Err(e),
    }
}
