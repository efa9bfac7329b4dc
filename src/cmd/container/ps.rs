//! `ps` / `container list`.

use clap::Args;
use serde_json::{json, Value};

use crate::cmd::{out_err, print_out};
use crate::engine::container::list::{status_text, stored, PsOptions};
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;
use crate::output::{self, Format};
use crate::storage::containers::{ContainerRow, State};

#[derive(Debug, Args)]
pub struct PsArgs {
    /// Show all containers (default: running only)
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Print only container ids
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Show the latest container
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// Show the last N containers
    #[arg(short = 'n', long = "last")]
    pub last: Option<usize>,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header
    #[arg(long)]
    pub noheading: bool,
    /// Filter: name, id, status, ancestor, label, exited
    #[arg(short = 'f', long = "filter")]
    pub filter: Vec<String>,
    /// Go template or json
    #[arg(long)]
    pub format: Option<String>,
    /// Sort by: created, id, image, names, runningfor, status
    #[arg(long)]
    pub sort: Option<String>,
    /// Show the size (accepted)
    #[arg(short = 's', long)]
    pub size: bool,
}

const HEADERS: &[(&str, &str)] =
    &[("ID", "CONTAINER ID"), ("CreatedHuman", "CREATED"), ("RunningFor", "CREATED"), ("Names", "NAMES")];

fn unix(t: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(t).map(|d| d.timestamp()).unwrap_or(0)
}

fn command(c: &ContainerRow, no_trunc: bool) -> String {
    command_of(&stored(c), no_trunc)
}

fn command_of(stored: &crate::engine::container::create::StoredConfig, no_trunc: bool) -> String {
    let s = stored.args.join(" ");
    if no_trunc || s.chars().count() <= 20 {
        s
    } else {
        format!("{}...", s.chars().take(17).collect::<String>())
    }
}

fn row(c: &ContainerRow, no_trunc: bool, now: i64) -> Value {
    let since = output::human_duration_ago(now - unix(&c.created));
    let s = stored(c);
    json!({
        "ID": if no_trunc { c.id.clone() } else { c.id[..12].to_string() },
        "Image": c.image_name,
        "ImageID": c.image_id,
        "Command": command(c, no_trunc),
        "CreatedHuman": since,
        "RunningFor": since,
        "Created": since,
        "CreatedAt": c.created,
        "Status": status_text(c, now),
        "State": c.state.as_str(),
        "Ports": crate::network::ports::ps_column(&s.net.ports),
        "Names": c.name,
        "Labels": s.labels,
        "Mounts": [],
        "Pid": c.pid,
        "ExitCode": c.exit_code,
        "Exited": c.state == State::Exited,
        "ExitedAt": unix(&c.finished_at),
        "StartedAt": unix(&c.started_at),
        "Restarts": c.restarts,
        "Size": "",
        "Pod": "",
        "PodName": "",
        "IsInfra": false,
        "Networks": [],
        "AutoRemove": s.opts.rm,
    })
}

fn json_row(c: &ContainerRow, now: i64) -> Value {
    let s = stored(c);
    json!({
        "AutoRemove": s.opts.rm,
        "Command": s.args,
        "CreatedAt": output::human_duration_ago(now - unix(&c.created)),
        "Exited": c.state == State::Exited,
        "ExitedAt": unix(&c.finished_at),
        "ExitCode": c.exit_code,
        "Id": c.id,
        "Image": c.image_name,
        "ImageID": c.image_id,
        "IsInfra": false,
        "Labels": s.labels,
        "Mounts": [],
        "Names": [c.name],
        "Namespaces": {},
        "Networks": [],
        "Pid": c.pid,
        "Pod": "",
        "PodName": "",
        "Ports": if s.net.ports.is_empty() { Value::Null } else { json!(s.net.ports) },
        "Restarts": c.restarts,
        "StartedAt": unix(&c.started_at),
        "State": c.state.as_str(),
        "Status": status_text(c, now),
        "Created": unix(&c.created),
    })
}

pub fn run(g: &GlobalOptions, a: PsArgs) -> Result<i32> {
    let mut engine = Engine::open(g)?;
    let list = engine.list_containers(&PsOptions {
        all: a.all,
        filters: a.filter.clone(),
        last: a.last,
        latest: a.latest,
        sort: a.sort.clone(),
    })?;
    if a.quiet {
        let text: String = list
            .iter()
            .map(|c| if a.no_trunc { format!("{}\n", c.id) } else { format!("{}\n", &c.id[..12]) })
            .collect();
        return print_out(&text).map(|_| 0);
    }
    let now = chrono::Utc::now().timestamp();
    let format = Format::parse(a.format.as_deref());
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        let rows: Vec<Value> = list.iter().map(|c| json_row(c, now)).collect();
        output::write_json(&mut out, &rows, output::JsonStyle::PS).map_err(out_err)?;
        return Ok(0);
    }
    if format == Format::Default {
        // The default table is built directly: same bytes as the template below renders,
        // without running a template per container (ps of hundreds of containers).
        let mut text = String::new();
        if !a.noheading {
            text.push_str("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n");
        }
        for c in &list {
            let id = if a.no_trunc { c.id.as_str() } else { &c.id[..12] };
            let s = stored(c);
            text.push_str(&format!(
                "{id}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                c.image_name,
                command_of(&s, a.no_trunc),
                output::human_duration_ago(now - unix(&c.created)),
                status_text(c, now),
                crate::network::ports::ps_column(&s.net.ports),
                c.name
            ));
        }
        let aligned = output::table::align(&text).map_err(|e| crate::error::Error::io("writing output", e))?;
        return print_out(&aligned).map(|_| 0);
    }
    let rows: Vec<Value> = list.iter().map(|c| row(c, a.no_trunc, now)).collect();
    let default = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    output::render_list(&mut out, &rows, &format, default, HEADERS, a.noheading).map_err(out_err)?;
    Ok(0)
}
