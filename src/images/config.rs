//! The OCI image config (what `image inspect` shows as Config, Created, History, RootFS)
//! and Dockerfile-style `--change` instructions applied to it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// OCI image configuration; unknown fields are kept so that a config read from an archive
/// is written back byte-for-byte in meaning.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ImageConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default)]
    pub architecture: String,
    #[serde(default)]
    pub os: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(default)]
    pub config: RunConfig,
    #[serde(default)]
    pub rootfs: RootFs,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<History>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The `config` object: defaults for containers started from the image.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct RunConfig {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub user: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposed_ports: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cmd: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub working_dir: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stop_signal: String,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RootFs {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub diff_ids: Vec<String>,
}

impl Default for RootFs {
    fn default() -> Self {
        RootFs { kind: "layers".into(), diff_ids: Vec::new() }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct History {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub empty_layer: bool,
}

impl ImageConfig {
    pub fn parse(bytes: &[u8]) -> Result<ImageConfig, String> {
        serde_json::from_slice(bytes).map_err(|e| format!("invalid image config: {e}"))
    }

    pub fn labels(&self) -> Map<String, Value> {
        self.config.labels.clone().unwrap_or_default()
    }

    /// Creation time as seconds since the epoch (0 when absent or unparsable).
    pub fn created_unix(&self) -> i64 {
        self.created
            .as_deref()
            .and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok())
            .map(|t| t.timestamp())
            .unwrap_or(0)
    }
}

/// Applies one `--change` instruction (`CMD ["sh"]`, `ENV A=b`, `WORKDIR=/x`, ...) as
/// `podman import --change` does. Returns an error naming the instruction when it is not
/// one podman accepts.
pub fn apply_change(cfg: &mut RunConfig, change: &str) -> Result<(), String> {
    let change = change.trim();
    let split = change.find(|c: char| c == ' ' || c == '=' || c == '\t');
    let (instr, value) = match split {
        Some(i) => (&change[..i], change[i + 1..].trim()),
        None => (change, ""),
    };
    let instr_up = instr.to_ascii_uppercase();
    match instr_up.as_str() {
        "CMD" => cfg.cmd = Some(command_value(value)),
        "ENTRYPOINT" => cfg.entrypoint = Some(command_value(value)),
        "ENV" => {
            for (k, v) in key_values(value, "ENV")? {
                let env = cfg.env.get_or_insert_with(Vec::new);
                env.retain(|e| e.split('=').next() != Some(k.as_str()));
                env.push(format!("{k}={v}"));
            }
        }
        "LABEL" => {
            for (k, v) in key_values(value, "LABEL")? {
                cfg.labels.get_or_insert_with(Map::new).insert(k, Value::String(v));
            }
        }
        "WORKDIR" => cfg.working_dir = value.to_string(),
        "USER" => cfg.user = value.to_string(),
        "STOPSIGNAL" => cfg.stop_signal = value.to_string(),
        "EXPOSE" => {
            for p in value.split_whitespace() {
                let p = if p.contains('/') { p.to_string() } else { format!("{p}/tcp") };
                cfg.exposed_ports.get_or_insert_with(Map::new).insert(p, Value::Object(Map::new()));
            }
        }
        "VOLUME" => {
            let vols = match serde_json::from_str::<Vec<String>>(value) {
                Ok(v) => v,
                Err(_) => value.split_whitespace().map(str::to_string).collect(),
            };
            for v in vols {
                cfg.volumes.get_or_insert_with(Map::new).insert(v, Value::Object(Map::new()));
            }
        }
        "ONBUILD" => {
            let list = cfg.other.entry("OnBuild").or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(a) = list {
                a.push(Value::String(value.to_string()));
            }
        }
        _ => return Err(format!("invalid change {change:?}: unknown instruction {instr:?} (valid: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)")),
    }
    if value.is_empty() && instr_up != "CMD" && instr_up != "ENTRYPOINT" {
        return Err(format!("invalid change {change:?}: {instr_up} requires a value"));
    }
    Ok(())
}

/// Exec form (a JSON array) as given, shell form wrapped in `/bin/sh -c`.
fn command_value(value: &str) -> Vec<String> {
    if let Ok(v) = serde_json::from_str::<Vec<String>>(value) {
        return v;
    }
    if value.is_empty() {
        return Vec::new();
    }
    vec!["/bin/sh".into(), "-c".into(), value.to_string()]
}

/// `K=V K2="v 2"` or the legacy `K V` form.
fn key_values(value: &str, instr: &str) -> Result<Vec<(String, String)>, String> {
    let words = shell_words(value);
    if words.is_empty() {
        return Err(format!("{instr} requires a value"));
    }
    if !words[0].contains('=') {
        let (k, v) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
        return Ok(vec![(k.to_string(), v.trim().to_string())]);
    }
    words
        .into_iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => Err(format!("{instr}: {w:?} is not KEY=VALUE")),
        })
        .collect()
}

/// Splits on whitespace, honouring double and single quotes and backslash escapes.
fn shell_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"') | (None, '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (q, '\\') if q != Some('\'') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (_, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_apply_like_podman_import() {
        let mut c = RunConfig::default();
        apply_change(&mut c, "CMD=/bin/sh -c 'echo hi'").unwrap();
        assert_eq!(c.cmd.as_ref().unwrap()[0], "/bin/sh");
        apply_change(&mut c, r#"ENTRYPOINT ["/bin/echo","x"]"#).unwrap();
        assert_eq!(c.entrypoint, Some(vec!["/bin/echo".to_string(), "x".to_string()]));
        apply_change(&mut c, "ENV A=1 B=\"two words\"").unwrap();
        apply_change(&mut c, "ENV=A=3").unwrap();
        assert_eq!(c.env, Some(vec!["B=two words".to_string(), "A=3".to_string()]));
        apply_change(&mut c, "WORKDIR /srv").unwrap();
        apply_change(&mut c, "USER=user").unwrap();
        apply_change(&mut c, "LABEL a=b c=d").unwrap();
        apply_change(&mut c, "EXPOSE 80 53/udp").unwrap();
        assert_eq!(c.working_dir, "/srv");
        assert_eq!(c.user, "user");
        assert_eq!(c.labels.as_ref().unwrap().len(), 2);
        assert!(c.exposed_ports.as_ref().unwrap().contains_key("80/tcp"));
        assert!(apply_change(&mut c, "FROB x").unwrap_err().contains("unknown instruction"));
        assert!(apply_change(&mut c, "WORKDIR").is_err());
    }

    #[test]
    fn config_keeps_unknown_fields() {
        let raw = br#"{"architecture":"amd64","os":"linux","config":{"Env":["A=1"],"Healthcheck":{"Test":["NONE"]}},"rootfs":{"type":"layers","diff_ids":[]},"x-extra":1}"#;
        let cfg = ImageConfig::parse(raw).unwrap();
        let back = serde_json::to_value(&cfg).unwrap();
        assert_eq!(back["x-extra"], 1);
        assert_eq!(back["config"]["Healthcheck"]["Test"][0], "NONE");
    }
}
