//! `top`, `pause`, `unpause`, `diff`.

use clap::Args;

use super::for_each;
use crate::cmd::{out_err, print_out};
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct TopArgs {
    pub container: String,
    /// ps descriptors: user, pid, ppid, %cpu, elapsed, tty, time, args, comm, uid, gid, group, nice, state, vsz, rss
    pub descriptors: Vec<String>,
}

pub fn top(g: &GlobalOptions, a: TopArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    let rows = engine.top_container(&a.container, &a.descriptors)?;
    let text: String = rows.iter().map(|r| format!("{}\n", r.join("\t"))).collect();
    let aligned = output::table::align(&text).map_err(|e| crate::error::Error::io("formatting", e))?;
    print_out(&aligned)?;
    Ok(0)
}

#[derive(Debug, Args)]
pub struct PauseArgs {
    #[arg(required = true)]
    pub containers: Vec<String>,
}

pub fn pause(g: &GlobalOptions, a: PauseArgs, pause: bool) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    for_each(&a.containers, |name| {
        engine.pause_container(name, pause)?;
        print_out(&format!("{name}\n"))
    })
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    pub container: String,
    /// Go template or json
    #[arg(long)]
    pub format: Option<String>,
}

pub fn diff(g: &GlobalOptions, a: DiffArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    let changes = engine.diff_container(&a.container)?;
    match Format::parse(a.format.as_deref()) {
        Format::Json => {
            let mut obj = serde_json::Map::new();
            for (kind, key) in [('A', "added"), ('C', "changed"), ('D', "deleted")] {
                let v: Vec<&String> = changes.iter().filter(|(k, _)| *k == kind).map(|(_, p)| p).collect();
                if !v.is_empty() {
                    obj.insert(key.into(), serde_json::json!(v));
                }
            }
            let mut out = std::io::stdout().lock();
            output::render_one(&mut out, &serde_json::Value::Object(obj), &Format::Json).map_err(out_err)?;
        }
        _ => print_out(&changes.iter().map(|(k, p)| format!("{k} {p}\n")).collect::<String>())?,
    }
    Ok(0)
}

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// Key sequence for detaching
    #[arg(long = "detach-keys", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Do not attach stdin
    #[arg(long)]
    pub no_stdin: bool,
    /// Proxy received signals to the container (accepted)
    #[arg(long = "sig-proxy", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub sig_proxy: bool,
    pub container: String,
}

pub fn attach(g: &GlobalOptions, a: AttachArgs) -> Result<i32> {
    use crate::engine::container::attach::{parse_detach_keys, AttachOptions, Attached};
    let keys = parse_detach_keys(&a.detach_keys)?;
    let mut engine = Engine::open(g)?;
    match engine.attach_container(&a.container, &AttachOptions { no_stdin: a.no_stdin, detach_keys: keys })? {
        Attached::Exited(code) => Ok(code),
        Attached::Detached => Ok(0),
    }
}
