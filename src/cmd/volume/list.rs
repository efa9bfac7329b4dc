//! `volume ls`: podman's table, `-q`, `--format`, `--filter name=|label=|driver=|dangling=`.

use clap::Args;
use serde_json::Value;

use crate::cmd::{out_err, print_out};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Filter output: name=, label=KEY[=VALUE], driver=, dangling=true|false
    #[arg(short = 'f', long = "filter", value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Pretty-print with a Go template, or `json`
    #[arg(long)]
    pub format: Option<String>,
    /// Print only volume names
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Do not print the header line
    #[arg(short = 'n', long)]
    pub noheading: bool,
}

const HEADERS: &[(&str, &str)] = &[("Name", "VOLUME NAME")];

fn keep(engine: &Engine, v: &Value, filters: &[(String, String)]) -> Result<bool> {
    for (k, want) in filters {
        let ok = match k.as_str() {
            "name" => v["Name"].as_str().is_some_and(|n| n.contains(want.as_str())),
            "driver" => want == "local",
            "label" => crate::cmd::label_matches(want, |k| v["Labels"][k].as_str()),
            "dangling" => {
                let unused = engine.volume_users(v["Name"].as_str().unwrap_or_default())?.is_empty();
                unused == matches!(want.as_str(), "true" | "1")
            }
            other => return Err(Error::usage(format!("{other:?} is an invalid volume filter"))),
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn run(g: &GlobalOptions, a: ListArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let filters: Vec<(String, String)> = a
        .filter
        .iter()
        .map(|f| f.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap_or((f.clone(), String::new())))
        .collect();
    let mut rows = Vec::new();
    for v in engine.volumes()? {
        let obj = engine.volume_json(&v);
        if keep(&engine, &obj, &filters)? {
            rows.push(obj);
        }
    }
    if a.quiet {
        let text: String = rows.iter().map(|r| format!("{}\n", r["Name"].as_str().unwrap_or_default())).collect();
        return print_out(&text).map(|_| 0);
    }
    let format = Format::parse(a.format.as_deref());
    let mut out = std::io::stdout().lock();
    output::render_list(&mut out, &rows, &format, "table {{.Driver}}\t{{.Name}}", HEADERS, a.noheading)
        .map_err(out_err)?;
    Ok(0)
}
