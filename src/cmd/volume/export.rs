//! `volume export [-o FILE] NAME` and `volume import NAME FILE|-`: a volume's content as a tar.

use clap::Args;

use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to a file (default: stdout)
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// Volume to export
    pub name: String,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Volume to import into
    pub name: String,
    /// Tar archive to read, or - for stdin
    pub source: String,
}

pub fn run_export(g: &GlobalOptions, a: ExportArgs) -> Result<i32> {
    let engine = Engine::open_in_userns(g)?;
    match &a.output {
        Some(path) => {
            let f = std::fs::File::create(path).map_err(|e| Error::io(format!("creating {path}"), e))?;
            engine.export_volume(&a.name, std::io::BufWriter::new(f))?;
        }
        None => {
            if nix::unistd::isatty(std::io::stdout()).unwrap_or(false) {
                return Err(Error::usage(
                    "cannot write to terminal, use command-line redirection or the --output flag",
                ));
            }
            engine.export_volume(&a.name, std::io::stdout().lock())?;
        }
    }
    Ok(0)
}

pub fn run_import(g: &GlobalOptions, a: ImportArgs) -> Result<i32> {
    let engine = Engine::open_in_userns(g)?;
    if a.source == "-" {
        engine.import_volume(&a.name, std::io::stdin().lock())?;
    } else {
        let f = std::fs::File::open(&a.source).map_err(|e| Error::io(format!("opening {}", a.source), e))?;
        engine.import_volume(&a.name, std::io::BufReader::new(f))?;
    }
    Ok(0)
}
