//! `network inspect`: podman's netavark JSON, or a Go template per network.

use clap::Args;

use crate::cmd::out_err;
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Format the output with a Go template, or `json`
    #[arg(short = 'f', long)]
    pub format: Option<String>,
    /// Networks to inspect
    #[arg(required = true)]
    pub names: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: InspectArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let format = Format::parse(a.format.as_deref());
    let mut objs = Vec::new();
    let mut missing = None;
    for n in &a.names {
        match engine.network(n) {
            // Templates see podman's Go field names, JSON its lower-case keys.
            Ok(net) if matches!(format, Format::Template(_)) => objs.push(engine.network_row(&net, false)),
            Ok(net) => objs.push(engine.network_json(&net)),
            Err(e @ Error::NotFound(_)) => {
                if let Some(prev) = missing.replace(e) {
                    eprintln!("Error: {prev}");
                }
            }
            Err(e) => return Err(e),
        }
    }
    let mut out = std::io::stdout().lock();
    output::render_inspect(&mut out, &objs, &format).map_err(out_err)?;
    match missing {
        Some(e) => Err(e),
        None => Ok(0),
    }
}
