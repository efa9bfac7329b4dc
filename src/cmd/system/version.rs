//! `version` and `--version`.

use clap::Args;

use crate::cmd::{out_err, print_out};
use crate::engine::info::{version_json, API_VERSION, VERSION};
use crate::error::Result;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Format the output with a Go template, or `json`
    #[arg(short = 'f', long)]
    pub format: Option<String>,
}

pub fn print_short() -> Result<i32> {
    print_out(&format!("burrow version {VERSION}\n"))?;
    Ok(0)
}

pub fn run(a: VersionArgs) -> Result<i32> {
    let v = version_json();
    match Format::parse(a.format.as_deref()) {
        Format::Default => {
            let c = &v["Client"];
            print_out(&format!(
                "Client:       burrow\nVersion:      {VERSION}\nAPI Version:  {API_VERSION}\nGo Version:   {}\nBuilt:        {}\nOS/Arch:      {}\n",
                c["GoVersion"].as_str().unwrap_or(""),
                "-",
                c["OsArch"].as_str().unwrap_or("")
            ))?;
        }
        f => {
            let mut out = std::io::stdout().lock();
            output::render_one(&mut out, &v, &f).map_err(out_err)?;
        }
    }
    Ok(0)
}
