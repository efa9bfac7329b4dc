//! `push IMAGE [DESTINATION]`.

use clap::Args;

use crate::cmd::args::RegistryArgs;
use crate::engine::push::{Compression, PushOptions, PushProgress};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Credentials (USERNAME:PASSWORD) to use for authenticating to a registry
    #[arg(long, value_name = "USER:PASS")]
    pub creds: Option<String>,
    /// Manifest type (oci or v2s2) to use in the destination
    #[arg(short = 'f', long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Compression format to use (gzip or zstd)
    #[arg(long, value_name = "FORMAT")]
    pub compression_format: Option<String>,
    /// Suppress output information when pushing images
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Write the digest of the pushed image to the specified file
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub reg: RegistryArgs,
    /// Image to push
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Destination (registry/repository[:tag]; default: the image's name)
    #[arg(value_name = "DESTINATION")]
    pub dest: Option<String>,
}

struct Lines;

impl PushProgress for Lines {
    fn blob(&self, digest: &str, skipped: bool) {
        if skipped {
            eprintln!("Copying blob {digest} skipped: already exists");
        } else {
            eprintln!("Copying blob {digest}");
        }
    }
    fn config(&self, digest: &str) {
        eprintln!("Copying config {digest}");
    }
    fn writing_manifest(&self) {
        eprintln!("Writing manifest to image destination");
        eprintln!("Storing signatures");
    }
}

struct Quiet;
impl PushProgress for Quiet {}

pub fn run(g: &GlobalOptions, a: PushArgs) -> Result<i32> {
    let compression = match a.compression_format.as_deref() {
        None => None,
        Some("gzip") => Some(Compression::Gzip),
        Some("zstd") | Some("zstd:chunked") => Some(Compression::Zstd),
        Some(o) => return Err(Error::usage(format!("unsupported compression format {o:?}: use gzip or zstd"))),
    };
    let opts = PushOptions {
        image: a.image.clone(),
        dest: a.dest.clone(),
        format: a.format.clone(),
        compression,
        reg: a.reg.options(a.creds.clone()),
    };
    let mut engine = Engine::open(g)?;
    if !a.quiet {
        eprintln!("Getting image source signatures");
    }
    let digest = if a.quiet { engine.push(&opts, &Quiet)? } else { engine.push(&opts, &Lines)? };
    if let Some(f) = &a.digestfile {
        std::fs::write(f, &digest).map_err(|e| Error::io(format!("writing {}", f.display()), e))?;
    }
    Ok(0)
}
