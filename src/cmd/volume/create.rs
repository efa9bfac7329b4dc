//! `volume create [NAME]`: prints the volume's name.

use clap::Args;

use crate::cmd::print_out;
use crate::engine::volume::VolumeCreateOptions;
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Volume driver (only `local`)
    #[arg(short = 'd', long, default_value = "local")]
    pub driver: String,
    /// Set metadata for a volume (KEY=VALUE)
    #[arg(short = 'l', long = "label")]
    pub label: Vec<String>,
    /// Set driver specific options (type=tmpfs, o=uid=1000, device=...)
    #[arg(short = 'o', long = "opt")]
    pub opt: Vec<String>,
    /// Don't fail if the volume already exists
    #[arg(long)]
    pub ignore: bool,
    /// Name of the volume (random when not given)
    pub name: Option<String>,
}

pub fn run(g: &GlobalOptions, a: CreateArgs) -> Result<i32> {
    if a.driver != "local" {
        return Err(crate::error::Error::usage(format!("volume plugin {} not found: no such volume plugin", a.driver)));
    }
    // `o=uid=,gid=` chowns the volume: ids of the user namespace, so join it.
    let chown = a.opt.iter().any(|o| o.starts_with("o=") && (o.contains("uid=") || o.contains("gid=")));
    let mut engine = if chown { Engine::open_in_userns(g)? } else { Engine::open(g)? };
    let opts = VolumeCreateOptions { name: a.name, labels: a.label, opts: a.opt, ignore: a.ignore };
    let row = engine.create_volume(&opts)?;
    print_out(&format!("{}\n", row.name))?;
    Ok(0)
}
