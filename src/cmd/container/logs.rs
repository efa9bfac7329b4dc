//! `logs`.

use clap::Args;

use crate::engine::container::logs::{parse_time, LogsOptions};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Follow the log output
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Output the last N lines (-1 = all)
    #[arg(long, default_value_t = -1, allow_hyphen_values = true)]
    pub tail: i64,
    /// Show logs since this time (RFC 3339, unix time, or a duration like 10m)
    #[arg(long)]
    pub since: Option<String>,
    /// Show logs until this time
    #[arg(long)]
    pub until: Option<String>,
    /// Show timestamps
    #[arg(short = 't', long)]
    pub timestamps: bool,
    /// Prefix each line with the container's name (several containers)
    #[arg(short = 'n', long)]
    pub names: bool,
    /// Use the latest container
    #[arg(short = 'l', long)]
    pub latest: bool,
    pub containers: Vec<String>,
}

pub fn run(g: &GlobalOptions, a: LogsArgs) -> Result<i32> {
    let mut engine = Engine::open(g)?;
    let mut targets = a.containers.clone();
    if a.latest {
        let all = engine.containers()?;
        targets = all.first().map(|c| vec![c.id.clone()]).unwrap_or_default();
    }
    if targets.is_empty() {
        return Err(Error::usage("requires at least 1 arg(s), only received 0"));
    }
    let now = chrono::Utc::now().timestamp();
    let since = a.since.as_deref().map(|s| parse_time(s, now)).transpose()?;
    let until = a.until.as_deref().map(|s| parse_time(s, now)).transpose()?;
    let several = targets.len() > 1;
    for t in &targets {
        let c = engine.container(t)?;
        let prefix = if a.names {
            Some(c.name.clone())
        } else if several {
            Some(c.id[..12].to_string())
        } else {
            None
        };
        let o = LogsOptions {
            follow: a.follow,
            tail: if a.tail < 0 { None } else { Some(a.tail as usize) },
            since,
            until,
            timestamps: a.timestamps,
            prefix,
        };
        engine.container_logs(&c.id, &o)?;
    }
    Ok(0)
}
