//! `network ls`: podman's table (NETWORK ID, NAME, DRIVER), `-q`, `--no-trunc`,
//! `--format`, `--filter name=|id=|driver=|label=`.

use clap::Args;

use crate::cmd::{out_err, print_out};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};
use crate::network::bridge::Network;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Filter output: name=, id=, driver=, label=KEY[=VALUE], dangling=true|false
    #[arg(short = 'f', long = "filter", value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Pretty-print with a Go template, or `json`
    #[arg(long)]
    pub format: Option<String>,
    /// Print only network names
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Do not truncate the network ID
    #[arg(long = "no-trunc")]
    pub no_trunc: bool,
    /// Do not print the header line
    #[arg(short = 'n', long)]
    pub noheading: bool,
}

const HEADERS: &[(&str, &str)] = &[("ID", "NETWORK ID"), ("Name", "NAME"), ("Driver", "DRIVER")];

/// Parses `--filter KEY=VALUE` values.
pub fn parse_filters(list: &[String]) -> Result<Vec<(String, String)>> {
    list.iter()
        .map(|f| {
            let (k, v) = f.split_once('=').unwrap_or((f, ""));
            match k {
                "name" | "id" | "driver" | "label" | "label!" | "until" | "dangling" => Ok((k.to_string(), v.to_string())),
                other => Err(Error::usage(format!("invalid filter {other:?}"))),
            }
        })
        .collect()
}

fn label_matches(n: &Network, want: &str) -> bool {
    crate::cmd::label_matches(want, |k| n.labels.get(k).map(String::as_str))
}

/// Whether the network passes every filter (values of one key are alternatives); `used`
/// says whether containers are attached to it (for `dangling=`).
pub fn matches(n: &Network, used: bool, filters: &[(String, String)]) -> bool {
    let keys: std::collections::BTreeSet<&str> = filters.iter().map(|(k, _)| k.as_str()).collect();
    keys.into_iter().all(|key| {
        filters.iter().filter(|(k, _)| k == key).any(|(_, v)| match key {
            "name" => n.name.contains(v.as_str()),
            "id" => n.id.starts_with(v.as_str()),
            "driver" => n.driver == *v,
            "label" => label_matches(n, v),
            "label!" => !label_matches(n, v),
            "dangling" => used != matches!(v.as_str(), "true" | "1"),
            "until" => chrono::DateTime::parse_from_rfc3339(&n.created)
                .ok()
                .zip(v.parse::<i64>().ok())
                .is_some_and(|(c, t)| c.timestamp() < t),
            _ => false,
        })
    })
}

pub fn run(g: &GlobalOptions, a: ListArgs) -> Result<i32> {
    let mut engine = Engine::open(g)?;
    let filters = parse_filters(&a.filter)?;
    let mut nets = Vec::new();
    for n in engine.networks()? {
        let used = filters.iter().any(|(k, _)| k == "dangling") && !engine.network_users(&n.name)?.is_empty();
        if matches(&n, used, &filters) {
            nets.push(n);
        }
    }
    if a.quiet {
        return print_out(&nets.iter().map(|n| format!("{}\n", n.name)).collect::<String>()).map(|_| 0);
    }
    let format = Format::parse(a.format.as_deref());
    let rows: Vec<_> = match format {
        Format::Json => nets.iter().map(|n| engine.network_json(n)).collect(),
        _ => nets.iter().map(|n| engine.network_row(n, !a.no_trunc)).collect(),
    };
    let mut out = std::io::stdout().lock();
    output::render_list(&mut out, &rows, &format, "table {{.ID}}\t{{.Name}}\t{{.Driver}}", HEADERS, a.noheading)
        .map_err(out_err)?;
    Ok(0)
}
