//! `save [-o FILE] [--format F] [-m] IMAGE...`.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use crate::engine::save::{Output, SaveFormat, SaveOptions};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// Write to a specified file (default: stdout, which must be redirected)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Save image to docker-archive, oci-archive (see containers-transports(5)), oci-dir or docker-dir
    #[arg(long, default_value = "docker-archive", value_name = "FORMAT")]
    pub format: String,
    /// Interpret additional arguments as images not tags and create a multi-image-archive
    #[arg(short = 'm', long)]
    pub multi_image_archive: bool,
    /// Suppress the output
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Compress tarball image layers when saving to a directory (accepted; layers are kept as stored)
    #[arg(long)]
    pub compress: bool,
    /// docker-archive: store layers uncompressed, byte for byte as podman does (default: layers as pulled, compressed)
    #[arg(long)]
    pub uncompressed: bool,
    /// Images to save
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: SaveArgs) -> Result<i32> {
    let format: SaveFormat = a.format.parse()?;
    let output = match a.output {
        Some(p) => Output::File(p),
        None if std::io::stdout().is_terminal() => {
            return Err(Error::usage("refusing to save to terminal. Use -o flag or redirect"));
        }
        None => Output::Stdout,
    };
    let engine = Engine::open(g)?;
    engine.save(&SaveOptions {
        names: a.images,
        output,
        format,
        multi_image: a.multi_image_archive,
        uncompressed: a.uncompressed,
    })?;
    Ok(0)
}
