//! `load [-i FILE]`: docker-archive or oci-archive from a file or stdin.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use crate::cmd::print_out;
use crate::engine::load::Input;
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Read the archive from this file instead of stdin
    #[arg(short = 'i', long = "input", value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Suppress progress output
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

pub fn run(g: &GlobalOptions, a: LoadArgs) -> Result<i32> {
    let input = match a.input {
        Some(p) => Input::File(p),
        None if std::io::stdin().is_terminal() => {
            return Err(Error::usage_hint(
                "cannot read an image archive from a terminal",
                "use -i FILE or pipe the archive into burrow load",
            ))
        }
        None => Input::Stdin,
    };
    let mut engine = Engine::open_in_userns(g)?;
    let report = engine.load(&input)?;
    let mut text = String::new();
    for name in report.loaded {
        text.push_str(&format!("Loaded image: {name}\n"));
    }
    print_out(&text)?;
    Ok(0)
}
