//! containers-registries.conf(5), version 2: short-name search registries and aliases,
//! `[[registry]]` entries (location rewrite, insecure, blocked, mirrors).
//!
//! Files, as podman reads them: `$CONTAINERS_REGISTRIES_CONF`, else
//! `$HOME/.config/containers/registries.conf` when it exists, else
//! `/etc/containers/registries.conf`; then the drop-ins `/etc/containers/registries.conf.d/*.conf`
//! and `$HOME/.config/containers/registries.conf.d/*.conf` in name order. A drop-in
//! replaces the scalar settings it sets, adds aliases, and replaces a `[[registry]]` with
//! the same prefix.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::images::reference::Reference;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct File {
    unqualified_search_registries: Option<Vec<String>>,
    short_name_mode: Option<String>,
    #[serde(default)]
    registry: Vec<RegistryEntry>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct RegistryEntry {
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub insecure: bool,
    #[serde(default)]
    pub blocked: bool,
    #[serde(default)]
    pub mirror: Vec<Mirror>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct Mirror {
    pub location: String,
    #[serde(default)]
    pub insecure: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortNameMode {
    Enforcing,
    Permissive,
    Disabled,
}

#[derive(Debug, Clone)]
pub struct RegistriesConf {
    pub search: Vec<String>,
    pub mode: ShortNameMode,
    pub registries: Vec<RegistryEntry>,
    pub aliases: BTreeMap<String, String>,
    /// The main file, for messages.
    pub main_file: PathBuf,
}

/// Where to fetch an image from: a registry host, the repository there, and its trust.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub host: String,
    pub repo: String,
    pub insecure: bool,
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from)
}

impl RegistriesConf {
    pub fn load() -> Result<RegistriesConf, String> {
        let main = match std::env::var_os("CONTAINERS_REGISTRIES_CONF").filter(|p| !p.is_empty()) {
            Some(p) => PathBuf::from(p),
            None => match home().map(|h| h.join(".config/containers/registries.conf")) {
                Some(p) if p.exists() => p,
                _ => PathBuf::from("/etc/containers/registries.conf"),
            },
        };
        let mut files = vec![main.clone()];
        let mut dirs = vec![PathBuf::from("/etc/containers/registries.conf.d")];
        if let Some(h) = home() {
            dirs.push(h.join(".config/containers/registries.conf.d"));
        }
        for d in dirs {
            let Ok(entries) = std::fs::read_dir(&d) else { continue };
            let mut v: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().map(|e| e == "conf").unwrap_or(false))
                .collect();
            v.sort();
            files.extend(v);
        }
        let mut conf = RegistriesConf {
            search: Vec::new(),
            mode: ShortNameMode::Permissive,
            registries: Vec::new(),
            aliases: BTreeMap::new(),
            main_file: main,
        };
        for f in files {
            conf.merge_file(&f)?;
        }
        Ok(conf)
    }

    fn merge_file(&mut self, path: &Path) -> Result<(), String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(format!("reading {}: {e}", path.display())),
        };
        self.merge_text(&text).map_err(|e| format!("loading registries configuration {:?}: {e}", path))
    }

    fn merge_text(&mut self, text: &str) -> Result<(), String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        if let Some(s) = f.unqualified_search_registries {
            self.search = s;
        }
        if let Some(m) = f.short_name_mode {
            self.mode = match m.as_str() {
                "enforcing" => ShortNameMode::Enforcing,
                "permissive" => ShortNameMode::Permissive,
                "disabled" => ShortNameMode::Disabled,
                other => return Err(format!("invalid short-name mode {other:?}")),
            };
        }
        for mut r in f.registry {
            if r.prefix.is_empty() {
                r.prefix = r.location.clone();
            }
            if r.location.is_empty() && r.prefix.is_empty() {
                return Err("a [[registry]] needs a location or a prefix".into());
            }
            self.registries.retain(|x| x.prefix != r.prefix);
            self.registries.push(r);
        }
        self.aliases.extend(f.aliases);
        Ok(())
    }

    /// The `[[registry]]` whose prefix matches `repo` (domain/path) longest.
    pub fn entry_for(&self, repo: &str) -> Option<&RegistryEntry> {
        self.registries.iter().filter(|r| prefix_matches(&r.prefix, repo)).max_by_key(|r| r.prefix.len())
    }

    /// Where to pull `reference` (fully qualified) from: mirrors first, then the location.
    pub fn sources(&self, r: &Reference) -> Result<Vec<Source>, String> {
        let repo = r.repository();
        let Some(e) = self.entry_for(&repo) else {
            return Ok(vec![Source { host: r.domain.clone(), repo: r.path.clone(), insecure: false }]);
        };
        if e.blocked {
            return Err(format!("registry {} is blocked in {}", e.prefix, "registries.conf"));
        }
        let rest = &repo[matched_len(&e.prefix, &repo)..];
        let mut out = Vec::new();
        // Mirrors are used only for pulls by digest or when not restricted; burrow uses them
        // for both (podman's default, `mirror-by-digest-only = false`).
        for m in &e.mirror {
            out.push(split_source(&format!("{}{rest}", m.location), m.insecure));
        }
        let loc = if e.location.is_empty() { &e.prefix } else { &e.location };
        out.push(split_source(&format!("{loc}{rest}"), e.insecure));
        Ok(out)
    }

    /// Whether pushes and logins to `host` skip TLS verification (`insecure = true`).
    pub fn insecure(&self, host: &str) -> bool {
        self.entry_for(host).map(|e| e.insecure).unwrap_or(false)
    }

    /// Resolves a name as written: qualified names are returned as they are; short names go
    /// through the aliases, then the search registries (several, without a terminal, only
    /// when short-name-mode is not enforcing).
    pub fn resolve(&self, written: &str, tty: bool) -> Result<Vec<Reference>, String> {
        let r = Reference::parse(written).map_err(|e| e.to_string())?;
        if !r.domain.is_empty() {
            let mut q = Reference::parse_docker(written).map_err(|e| e.to_string())?;
            q.tag = q.tag.or(r.tag);
            return Ok(vec![q]);
        }
        let mut r = r;
        if r.tag.is_none() && r.digest.is_none() {
            r.tag = Some("latest".into());
        }
        if let Some(target) = self.aliases.get(&r.path) {
            let mut a = Reference::parse_docker(target).map_err(|e| format!("alias {:?}: {e}", r.path))?;
            a.tag = r.tag.clone();
            a.digest = r.digest.clone();
            return Ok(vec![a]);
        }
        if self.search.is_empty() {
            return Err(format!(
                "short-name {:?} did not resolve to an alias and no unqualified-search registries are defined in {:?}",
                written, self.main_file
            ));
        }
        if self.search.len() > 1 && self.mode == ShortNameMode::Enforcing && !tty {
            return Err("short-name resolution enforced but cannot prompt without a TTY".into());
        }
        let mut out = Vec::new();
        for reg in &self.search {
            let mut q = Reference::parse_docker(&format!("{reg}/{}", r.path)).map_err(|e| e.to_string())?;
            q.tag = r.tag.clone();
            q.digest = r.digest.clone();
            out.push(q);
        }
        Ok(out)
    }
}

fn prefix_matches(prefix: &str, repo: &str) -> bool {
    matched_len(prefix, repo) > 0
}

/// How much of `repo` a prefix covers (0: no match). `*.example.com` matches subdomains.
fn matched_len(prefix: &str, repo: &str) -> usize {
    if let Some(dom) = prefix.strip_prefix("*.") {
        let host = repo.split('/').next().unwrap_or("");
        if host.ends_with(&format!(".{dom}")) {
            return host.len();
        }
        return 0;
    }
    if repo == prefix || (repo.starts_with(prefix) && repo[prefix.len()..].starts_with('/')) {
        prefix.len()
    } else {
        0
    }
}

fn split_source(repo: &str, insecure: bool) -> Source {
    let (host, path) = repo.split_once('/').unwrap_or((repo, ""));
    let mut path = path.to_string();
    if host == "docker.io" && !path.contains('/') {
        path = format!("library/{path}");
    }
    Source { host: host.to_string(), repo: path, insecure }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf(text: &str) -> RegistriesConf {
        let mut c = RegistriesConf {
            search: vec![],
            mode: ShortNameMode::Permissive,
            registries: vec![],
            aliases: BTreeMap::new(),
            main_file: "x".into(),
        };
        c.merge_text(text).unwrap();
        c
    }

    #[test]
    fn short_names_use_aliases_then_search_registries() {
        let c = conf(
            r#"
unqualified-search-registries = ["127.0.0.1:5100", "docker.io"]
[aliases]
"app" = "quay.io/team/app"
"#,
        );
        let r = c.resolve("app:1", false).unwrap();
        assert_eq!(r[0].to_string(), "quay.io/team/app:1");
        let r = c.resolve("alpine", false).unwrap();
        assert_eq!(
            r.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            vec!["127.0.0.1:5100/alpine:latest", "docker.io/library/alpine:latest"]
        );
        let e = conf("unqualified-search-registries = [\"a.io\", \"b.io\"]\nshort-name-mode = \"enforcing\"");
        assert!(e.resolve("alpine", false).unwrap_err().contains("cannot prompt without a TTY"));
        assert_eq!(e.resolve("a.io/x", false).unwrap()[0].to_string(), "a.io/x:latest");
    }

    #[test]
    fn registries_rewrite_block_and_mirror() {
        let c = conf(
            r#"
[[registry]]
prefix = "example.com/foo"
location = "internal.example.com/bar"
insecure = true
[[registry.mirror]]
location = "mirror.local:5000/cache"
[[registry]]
location = "evil.example"
blocked = true
"#,
        );
        let r = Reference::parse_docker("example.com/foo/app:1").unwrap();
        let s = c.sources(&r).unwrap();
        assert_eq!(s[0], Source { host: "mirror.local:5000".into(), repo: "cache/app".into(), insecure: false });
        assert_eq!(s[1], Source { host: "internal.example.com".into(), repo: "bar/app".into(), insecure: true });
        assert!(c.sources(&Reference::parse_docker("evil.example/x").unwrap()).is_err());
        assert!(c.sources(&Reference::parse_docker("example.com/foobar/x").unwrap()).unwrap()[0].host == "example.com");
    }
}
