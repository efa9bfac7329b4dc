//! `commit CONTAINER [IMAGE]` and `export CONTAINER`.

use std::io::Write;

use clap::Args;

use crate::cmd::print_out;
use crate::engine::build::CommitOptions;
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, IoContext, Result};

#[derive(Debug, Args)]
pub struct CommitArgs {
    /// The container to commit
    pub container: String,
    /// Name for the new image
    pub image: Option<String>,
    /// Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)
    #[arg(short = 'c', long = "change", value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// Commit message stored in the image history
    #[arg(short = 'm', long)]
    pub message: Option<String>,
    /// Author of the image
    #[arg(short = 'a', long)]
    pub author: Option<String>,
    /// Pause the container while committing (accepted; burrow reads the changes as they are)
    #[arg(short = 'p', long, num_args = 0..=1, default_missing_value = "true", default_value = "true")]
    pub pause: String,
    /// Image format: oci or docker
    #[arg(short = 'f', long, default_value = "oci", value_parser = ["oci", "docker"])]
    pub format: String,
    /// Print only the image id
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

pub fn commit(g: &GlobalOptions, a: CommitArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    let id = engine.commit_container(&CommitOptions {
        container: a.container,
        name: a.image,
        changes: a.change,
        message: a.message,
        author: a.author,
        docker_format: a.format == "docker",
    })?;
    print_out(&format!("{id}\n"))?;
    Ok(0)
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The container to export
    pub container: String,
    /// Write to this file instead of stdout
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

pub fn export(g: &GlobalOptions, a: ExportArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    match &a.output {
        Some(p) => {
            let f = std::fs::File::create(p).ctx(|| format!("creating {}", p.display()))?;
            let mut w = std::io::BufWriter::new(f);
            engine.export_container(&a.container, &mut w)?;
            w.flush().ctx(|| format!("writing {}", p.display()))?;
        }
        None => {
            use std::io::IsTerminal;
            if std::io::stdout().is_terminal() {
                return Err(Error::usage("refusing to export to terminal. Use -o flag or redirect"));
            }
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            engine.export_container(&a.container, &mut w)?;
            w.flush().map_err(|e| Error::io("writing output", e))?;
        }
    }
    Ok(0)
}
