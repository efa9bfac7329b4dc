//! Top-level `inspect`: any object by name or id (images for now; containers, volumes
//! and networks join as they arrive).

use clap::Args;

use crate::cmd::out_err;
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Names or ids of objects to inspect
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Format the output with a Go template, or `json`
    #[arg(short = 'f', long)]
    pub format: Option<String>,
    /// Only look at objects of this type: container, image, or all
    #[arg(short = 't', long = "type", default_value = "all")]
    pub kind: String,
    /// Show the size of containers (accepted for compatibility)
    #[arg(short = 's', long)]
    pub size: bool,
}

pub fn run(g: &GlobalOptions, a: InspectArgs) -> Result<i32> {
    if !matches!(a.kind.as_str(), "all" | "image" | "container") {
        return Err(Error::usage(format!("invalid type {:?}: must be one of all, container, image", a.kind)));
    }
    let mut engine = Engine::open(g)?;
    let mut objs = Vec::new();
    let containers = if a.kind == "image" { vec![] } else { engine.containers()? };
    for n in &a.names {
        // podman looks for a container first, then an image.
        if a.kind != "image" {
            match crate::engine::container::lookup(&containers, n) {
                Ok(c) => {
                    objs.push(engine.inspect_container_json(c));
                    continue;
                }
                Err(Error::NotFound(_)) if a.kind == "all" => {}
                Err(Error::NotFound(_)) => return Err(crate::engine::container::no_such(n)),
                Err(e) => return Err(e),
            }
        }
        match engine.inspect_images(std::slice::from_ref(n)) {
            Ok(mut v) => objs.append(&mut v),
            Err(Error::NotFound(_)) => return Err(Error::NotFound(format!("no such object: {n:?}"))),
            Err(e) => return Err(e),
        }
    }
    let mut out = std::io::stdout().lock();
    output::render_inspect(&mut out, &objs, &Format::parse(a.format.as_deref())).map_err(out_err)?;
    Ok(0)
}
