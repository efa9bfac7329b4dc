//! `image history IMAGE` and `image prune`.

use std::io::IsTerminal;

use clap::Args;
use serde_json::{json, Value};

use crate::cmd::{out_err, print_out};
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Display sizes and dates in human readable format
    #[arg(short = 'H', long, default_value_t = true, num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub human: bool,
    /// Do not truncate the output
    #[arg(long)]
    pub no_trunc: bool,
    /// Display the numeric IDs only
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Change the output to JSON or a Go template
    #[arg(long)]
    pub format: Option<String>,
    /// Image
    pub image: String,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Remove all images not in use by containers, not just dangling ones
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Do not prompt for confirmation
    #[arg(short = 'f', long)]
    pub force: bool,
}

const HEADERS: &[(&str, &str)] = &[("ID", "ID"), ("Created", "CREATED"), ("CreatedBy", "CREATED BY")];

pub fn run(g: &GlobalOptions, a: HistoryArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let entries = engine.history(&a.image)?;
    if a.quiet {
        let mut text = String::new();
        for e in &entries {
            let id = e.id.clone().unwrap_or_else(|| "<missing>".into());
            text.push_str(if a.no_trunc || id.len() < 12 { &id } else { &id[..12] });
            text.push('\n');
        }
        return print_out(&text).map(|_| 0);
    }
    let now = chrono::Utc::now().timestamp();
    let rows: Vec<Value> = entries
        .iter()
        .map(|e| {
            let id = e.id.clone().unwrap_or_else(|| "<missing>".into());
            let short = if a.no_trunc || id.len() < 12 { id.clone() } else { id[..12].to_string() };
            let by = if a.no_trunc || e.created_by.chars().count() <= 45 {
                e.created_by.clone()
            } else {
                format!("{}...", e.created_by.chars().take(42).collect::<String>())
            };
            let created = if a.human {
                output::human_duration_ago(now - e.created)
            } else {
                chrono::DateTime::from_timestamp(e.created, 0).map(|t| t.to_rfc3339()).unwrap_or_default()
            };
            let size = if a.human { output::human_size(e.size) } else { e.size.to_string() };
            json!({"ID": short, "Id": id, "Created": created, "CreatedBy": by, "Size": size, "Comment": e.comment})
        })
        .collect();
    let format = Format::parse(a.format.as_deref());
    let default = "table {{.ID}}\t{{.Created}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    let mut out = std::io::stdout().lock();
    output::render_list(&mut out, &rows, &format, default, HEADERS, false).map_err(out_err)?;
    Ok(0)
}

pub fn run_prune(g: &GlobalOptions, a: PruneArgs) -> Result<i32> {
    if !a.force && std::io::stdin().is_terminal() {
        let what = if a.all { "all images not in use by containers" } else { "all dangling images" };
        if !crate::cmd::confirm(&format!("This command removes {what}.")) {
            return Ok(0);
        }
    }
    let mut engine = Engine::open_in_userns(g)?;
    let report = engine.prune_images(a.all)?;
    let mut text = String::new();
    for id in &report.deleted {
        text.push_str(id);
        text.push('\n');
    }
    print_out(&text)?;
    match report.errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(0),
    }
}

#[derive(Debug, Args)]
pub struct TreeArgs {
    /// Show image ids of the images whose top layer each layer is (accepted; always shown)
    #[arg(long)]
    pub whatrequires: bool,
    /// Image
    pub image: String,
}

pub fn run_tree(g: &GlobalOptions, a: TreeArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let t = engine.image_tree(&a.image)?;
    let mut text = format!(
        "Image ID: {}\nTags:     [{}]\nSize:     {}\nImage Layers\n",
        &t.id[..12],
        t.names.join(" "),
        output::human_size(t.size)
    );
    let n = t.layers.len();
    for (i, (id, size, tops)) in t.layers.iter().enumerate() {
        let branch = if i + 1 == n { "└──" } else { "├──" };
        text.push_str(&format!("{branch} ID: {} Size: {:>7}", &id[..12.min(id.len())], output::human_size(*size)));
        if !tops.is_empty() {
            text.push_str(&format!(" Top Layer of: [{}]", tops.join(" ")));
        }
        text.push('\n');
    }
    print_out(&text).map(|_| 0)
}
