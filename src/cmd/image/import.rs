//! `import FILE|- [NAME]`: a rootfs tarball becomes a one-layer image.

use std::path::PathBuf;

use clap::Args;

use crate::cmd::print_out;
use crate::engine::load::{ImportOptions, Input};
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Tarball to import (`-` for stdin)
    pub source: String,
    /// Name for the new image (default: none)
    pub reference: Option<String>,
    /// Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)
    #[arg(short = 'c', long = "change", value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// Commit message stored in the image history
    #[arg(short = 'm', long)]
    pub message: Option<String>,
    /// Print only the image id
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Architecture of the image (default: the host's)
    #[arg(long)]
    pub arch: Option<String>,
    /// Operating system of the image
    #[arg(long)]
    pub os: Option<String>,
    /// Architecture variant of the image
    #[arg(long)]
    pub variant: Option<String>,
}

pub fn run(g: &crate::engine::GlobalOptions, a: ImportArgs) -> Result<i32> {
    let _: &GlobalOptions = g;
    let input = if a.source == "-" { Input::Stdin } else { Input::File(PathBuf::from(&a.source)) };
    let mut engine = Engine::open_in_userns(g)?;
    let id = engine.import(&ImportOptions {
        input,
        name: a.reference,
        changes: a.change,
        message: a.message,
        arch: a.arch,
        os: a.os,
        variant: a.variant,
    })?;
    print_out(&format!("{id}\n"))?;
    Ok(0)
}
