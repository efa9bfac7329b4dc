//! `image exists`: exit 0 when the image is in local storage, 1 when not.

use clap::Args;

use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct ExistsArgs {
    /// Image name or id
    pub image: String,
}

pub fn run(g: &GlobalOptions, a: ExistsArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    if engine.image_exists(&a.image)? {
        Ok(0)
    } else {
        Err(Error::Exit(1))
    }
}
