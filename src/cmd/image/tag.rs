//! `tag IMAGE NAME...` and `untag IMAGE [NAME...]`.

use clap::Args;

use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct TagArgs {
    /// Image to name
    pub image: String,
    /// New names (unqualified names get localhost/, a missing tag :latest)
    #[arg(required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct UntagArgs {
    /// Image to remove names from
    pub image: String,
    /// Names to remove (default: all)
    pub names: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: TagArgs) -> Result<i32> {
    Engine::open(g)?.tag(&a.image, &a.names)?;
    Ok(0)
}

pub fn run_untag(g: &GlobalOptions, a: UntagArgs) -> Result<i32> {
    Engine::open(g)?.untag(&a.image, &a.names)?;
    Ok(0)
}
