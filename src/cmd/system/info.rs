//! `info`: host, store and id mapping facts, YAML-like by default, or `--format`.

use clap::Args;
use serde_json::Value;

use crate::cmd::{out_err, print_out};
use crate::engine::{info, Engine, GlobalOptions};
use crate::error::Result;
use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// Format the output with a Go template, or `json`
    #[arg(short = 'f', long)]
    pub format: Option<String>,
    /// Show additional information (accepted for compatibility)
    #[arg(short = 'D', long)]
    pub debug: bool,
}

pub fn run(g: &GlobalOptions, a: InfoArgs) -> Result<i32> {
    let engine = Engine::open(g)?;
    let v = info::info(g, &engine.store.db)?;
    match Format::parse(a.format.as_deref()) {
        Format::Default => print_out(&to_yaml(&v, 0))?,
        f => {
            let data = if f == Format::Json { v } else { go_fields(&v) };
            let mut out = std::io::stdout().lock();
            output::render_one(&mut out, &data, &f).map_err(out_err)?;
        }
    }
    Ok(0)
}

/// A small YAML writer for `info`'s default output (maps, lists, scalars), laid out as
/// podman prints it.
fn to_yaml(v: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut s = String::new();
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                match val {
                    Value::Object(inner) if !inner.is_empty() => {
                        s.push_str(&format!("{pad}{k}:\n{}", to_yaml(val, indent + 2)));
                    }
                    Value::Array(items) if !items.is_empty() => {
                        s.push_str(&format!("{pad}{k}:\n"));
                        for item in items {
                            let body = to_yaml(item, indent + 2);
                            let body = body.trim_start();
                            s.push_str(&format!("{pad}- {body}"));
                            if !body.ends_with('\n') {
                                s.push('\n');
                            }
                        }
                    }
                    _ => s.push_str(&format!("{pad}{k}: {}\n", scalar(val))),
                }
            }
        }
        other => s.push_str(&format!("{pad}{}\n", scalar(other))),
    }
    s
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) if s.is_empty() => "\"\"".into(),
        Value::String(s) => s.clone(),
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

/// Templates see podman's Go field names (`{{.Store.GraphDriverName}}`), JSON keeps the
/// json tags (`store.graphDriverName`): the keys are re-cased for templates.
fn go_fields(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, val)| (go_name(k), go_fields(val))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(go_fields).collect()),
        other => other.clone(),
    }
}

fn go_name(k: &str) -> String {
    match k {
        "idMappings" => "IDMappings".into(),
        "uidmap" => "UIDMap".into(),
        "gidmap" => "GIDMap".into(),
        "ociRuntime" => "OCIRuntime".into(),
        "cgroupVersion" => "CgroupsVersion".into(),
        "container_id" => "ContainerID".into(),
        "host_id" => "HostID".into(),
        _ => {
            let mut c = k.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        }
    }
}
