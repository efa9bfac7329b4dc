//! `image inspect`: podman's JSON, or a Go template per image.

use clap::Args;

use crate::cmd::out_err;
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Images to inspect
    #[arg(required = true)]
    pub images: Vec<String>,
    /// Format the output with a Go template, or `json`
    #[arg(short = 'f', long)]
    pub format: Option<String>,
}

pub fn run(g: &GlobalOptions, a: InspectArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let objs = engine.inspect_images(&a.images)?;
    let mut out = std::io::stdout().lock();
    output::render_inspect(&mut out, &objs, &Format::parse(a.format.as_deref())).map_err(out_err)?;
    Ok(0)
}
