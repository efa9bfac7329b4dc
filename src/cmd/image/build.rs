//! `build [-f FILE] [-t NAME]... [CONTEXT|-]`: build an image from a Containerfile.

use std::path::PathBuf;

use clap::{ArgAction, Args};

use crate::cmd::print_out;
use crate::engine::build::{parse_secret, BuildOptions, ContextSource, Squash};
use crate::engine::pull::PullPolicy;
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Context directory, or `-` for a tar archive on stdin (default: .)
    pub context: Option<String>,
    /// Containerfile to use (default: Containerfile, else Dockerfile, in the context)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Name (and tag) for the image; may be given more than once
    #[arg(short = 't', long = "tag", value_name = "NAME")]
    pub tag: Vec<String>,
    /// Value of an ARG: NAME=VALUE, or NAME to take it from the environment
    #[arg(long = "build-arg", value_name = "NAME=VALUE")]
    pub build_arg: Vec<String>,
    /// File of NAME=VALUE lines, as --build-arg
    #[arg(long = "build-arg-file", value_name = "FILE")]
    pub build_arg_file: Vec<PathBuf>,
    /// Build this stage (by name) and the stages it needs, and stop
    #[arg(long)]
    pub target: Option<String>,
    /// Do not use cached layers
    #[arg(long)]
    pub no_cache: bool,
    /// Print only the image id
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Write the image id to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Set a label on the image (KEY=VALUE)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Add an OCI manifest annotation to the image (KEY=VALUE)
    #[arg(long = "annotation", value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Network mode for RUN steps: host or none
    #[arg(long)]
    pub network: Option<String>,
    /// Pull policy for base images: always, missing, never, newer (`--pull` alone: always)
    #[arg(long, num_args = 0..=1, default_missing_value = "always", value_name = "POLICY")]
    pub pull: Option<String>,
    /// Keep every step as a cached intermediate image (false: commit only the final image,
    /// the build's steps squashed into one layer)
    #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_name = "BOOL")]
    pub layers: Option<bool>,
    /// Squash the layers the build adds into one (the base image's layers stay); implies --layers=false
    #[arg(long)]
    pub squash: bool,
    /// Squash all the image's layers, the base image's too, into one; implies --layers=false
    #[arg(long = "squash-all")]
    pub squash_all: bool,
    /// Image format: oci or docker
    #[arg(long, default_value = "oci", value_parser = ["oci", "docker"])]
    pub format: String,
    /// Target platform OS/ARCH[/VARIANT] (only the host's can be built)
    #[arg(long)]
    pub platform: Option<String>,
    /// A secret for RUN --mount=type=secret: id=ID,src=FILE or id=ID,env=VARIABLE
    #[arg(long = "secret", value_name = "id=ID,src=FILE")]
    pub secret: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: BuildArgs) -> Result<i32> {
    let pull: PullPolicy = match a.pull.as_deref() {
        None => PullPolicy::Missing,
        Some(p) => p
            .parse()
            .map_err(|_| Error::usage(format!("invalid pull policy {p:?}: must be always, missing, never or newer")))?,
    };
    let context = match a.context.as_deref() {
        Some("-") => ContextSource::Stdin,
        Some(d) => ContextSource::Dir(PathBuf::from(d)),
        None => ContextSource::Dir(PathBuf::from(".")),
    };
    if a.squash && (a.squash_all || a.layers == Some(true)) {
        return Err(Error::usage("cannot specify --squash with --layers and --squash-all with --squash"));
    }
    let opts = BuildOptions {
        context,
        file: a.file,
        tags: a.tag,
        build_args: a.build_arg,
        build_arg_files: a.build_arg_file,
        target: a.target,
        no_cache: a.no_cache,
        quiet: a.quiet,
        iidfile: a.iidfile,
        labels: a.label,
        network: a.network,
        pull,
        docker_format: a.format == "docker",
        secrets: a.secret.iter().map(|s| parse_secret(s)).collect::<Result<_>>()?,
        layers: a.layers.unwrap_or(true) && !a.squash && !a.squash_all,
        squash: if a.squash_all {
            Squash::All
        } else if a.squash {
            Squash::New
        } else {
            Squash::No
        },
        annotations: a.annotation,
        platform: a.platform,
    };
    let mut engine = Engine::open_in_userns(g)?;
    let mut out = std::io::stdout();
    let report = engine.build(&opts, &mut out)?;
    print_out(&format!("{}\n", report.id))?;
    Ok(0)
}
