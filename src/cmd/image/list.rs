//! `images` / `image ls`: podman's table, `-q`, `--no-trunc`, `--format`, `--filter`.

use clap::Args;
use serde_json::{json, Value};

use crate::cmd::{out_err, print_out};
use crate::engine::images::{ImageSummary, ListOptions};
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;
use crate::images::reference::split_name;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Show all images (including intermediate images of builds)
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Print only image ids
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Do not truncate image ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header line
    #[arg(short = 'n', long)]
    pub noheading: bool,
    /// Show digests
    #[arg(long)]
    pub digests: bool,
    /// Filter output: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], id=ID
    #[arg(short = 'f', long = "filter", value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Pretty-print with a Go template, or `json`
    #[arg(long)]
    pub format: Option<String>,
    /// Image to list (a reference filter)
    pub image: Option<String>,
}

const HEADERS: &[(&str, &str)] = &[("ID", "IMAGE ID"), ("CreatedSince", "CREATED"), ("CreatedAt", "CREATED AT")];

fn go_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S +0000 UTC").to_string())
        .unwrap_or_default()
}

fn row(s: &ImageSummary, no_trunc: bool) -> Value {
    let (repo, tag) = match &s.name {
        Some(n) => {
            let (r, t) = split_name(n);
            (r.to_string(), t.to_string())
        }
        None => ("<none>".to_string(), "<none>".to_string()),
    };
    let id = if no_trunc { format!("sha256:{}", s.row.id) } else { s.row.id[..12].to_string() };
    let created = s.config.created_unix();
    let since = output::human_duration_ago(chrono::Utc::now().timestamp() - created);
    json!({
        "ID": id,
        "Id": s.row.id,
        "Repository": repo,
        "Tag": tag,
        "Digest": s.row.digest.clone().unwrap_or_default(),
        "Created": since,
        "CreatedSince": since,
        "CreatedAt": go_time(created),
        "CreatedTime": go_time(created),
        "Size": output::human_size(s.row.size),
        "VirtualSize": output::human_size(s.row.size),
        "SharedSize": output::human_size(0),
        "Labels": s.config.labels(),
        "Names": s.row.names,
        "Dangling": s.row.names.is_empty(),
        "Containers": 0,
        "ReadOnly": false,
        "IsReadOnly": false,
        "History": s.row.names,
        "ParentId": "",
    })
}

/// `--format json` has one object per image (not per name), with podman's JSON keys.
fn json_row(s: &ImageSummary) -> Value {
    json!({
        "Id": s.row.id,
        "ParentId": "",
        "RepoTags": s.row.names,
        "RepoDigests": s.row.digest.as_ref().map(|d| {
            s.row.names.iter().map(|n| format!("{}@{d}", split_name(n).0)).collect::<Vec<_>>()
        }).unwrap_or_default(),
        "Size": s.row.size,
        "SharedSize": 0,
        "VirtualSize": s.row.size,
        "Labels": s.config.labels(),
        "Containers": 0,
        "Names": s.row.names,
        "Digest": s.row.digest.clone().unwrap_or_default(),
        "History": s.row.names,
        "Created": s.config.created_unix(),
        "CreatedAt": s.config.created.clone().unwrap_or_default(),
    })
}

pub fn run(g: &GlobalOptions, a: ListArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let mut filters = a.filter.clone();
    if let Some(img) = &a.image {
        filters.push(format!("reference={img}"));
    }
    let list = engine.list_images(&ListOptions { all: a.all, filters })?;
    if a.quiet {
        let mut seen = std::collections::HashSet::new();
        let mut text = String::new();
        for s in &list {
            if seen.insert(s.row.id.clone()) {
                let id = if a.no_trunc { format!("sha256:{}", s.row.id) } else { s.row.id[..12].to_string() };
                text.push_str(&id);
                text.push('\n');
            }
        }
        return print_out(&text).map(|_| 0);
    }
    let format = Format::parse(a.format.as_deref());
    let rows: Vec<Value> = if format == Format::Json {
        let mut seen = std::collections::HashSet::new();
        list.iter().filter(|s| seen.insert(s.row.id.clone())).map(json_row).collect()
    } else {
        list.iter().map(|s| row(s, a.no_trunc)).collect()
    };
    let default = if a.digests {
        "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
    } else {
        "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
    };
    let mut out = std::io::stdout().lock();
    output::render_list(&mut out, &rows, &format, default, HEADERS, a.noheading).map_err(out_err)?;
    Ok(0)
}
