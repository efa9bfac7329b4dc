//! `volume inspect`: podman's JSON (Name, Driver, Mountpoint, CreatedAt, Labels, Options),
//! or a Go template per volume.

use clap::Args;

use crate::cmd::out_err;
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Inspect all volumes
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Format the output with a Go template, or `json`
    #[arg(short = 'f', long)]
    pub format: Option<String>,
    /// Volumes to inspect
    pub names: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: InspectArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let rows = if a.all {
        engine.volumes()?
    } else {
        if a.names.is_empty() {
            return Err(crate::error::Error::usage("provide one or more volume names or use --all"));
        }
        a.names.iter().map(|n| engine.volume(n)).collect::<Result<Vec<_>>>()?
    };
    let objs: Vec<_> = rows.iter().map(|v| engine.volume_json(v)).collect();
    let mut out = std::io::stdout().lock();
    output::render_inspect(&mut out, &objs, &Format::parse(a.format.as_deref())).map_err(out_err)?;
    Ok(0)
}
