//! Credentials files in podman's format: `{"auths": {"<registry>[/<repo>]": {"auth":
//! base64("user:password")}}}`.
//!
//! Written to `--authfile`, else `$REGISTRY_AUTH_FILE`, else
//! `$XDG_RUNTIME_DIR/containers/auth.json` (rootless) or `/run/containers/0/auth.json`
//! (root). Read from that file, then `$HOME/.config/containers/auth.json`, then docker's
//! `$HOME/.docker/config.json`; the first file with an entry for the registry wins.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::{Map, Value};

use super::Creds;

/// The file `login` writes and `logout` edits.
pub fn default_path(authfile: Option<&Path>) -> PathBuf {
    if let Some(p) = authfile {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("REGISTRY_AUTH_FILE").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let uid = nix::unistd::getuid().as_raw();
    if uid == 0 {
        return PathBuf::from("/run/containers/0/auth.json");
    }
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|p| !p.is_empty()) {
        Some(d) => PathBuf::from(d).join("containers/auth.json"),
        None => PathBuf::from(format!("/run/user/{uid}/containers/auth.json")),
    }
}

/// Files read for credentials, in order.
fn read_paths(authfile: Option<&Path>) -> Vec<PathBuf> {
    let mut v = vec![default_path(authfile)];
    if authfile.is_none() && std::env::var_os("REGISTRY_AUTH_FILE").is_none() {
        if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            let h = PathBuf::from(h);
            v.push(h.join(".config/containers/auth.json"));
            v.push(h.join(".docker/config.json"));
        }
    }
    v
}

/// Normalises a key of an auth file: docker's `https://index.docker.io/v1/` is docker.io,
/// a scheme and trailing slashes are dropped.
fn normalise_key(k: &str) -> String {
    let k = k.strip_prefix("https://").or_else(|| k.strip_prefix("http://")).unwrap_or(k);
    let k = k.trim_end_matches('/');
    let k = k.strip_suffix("/v1").or_else(|| k.strip_suffix("/v2")).unwrap_or(k);
    match k {
        "index.docker.io" | "registry-1.docker.io" => "docker.io".to_string(),
        _ => k.to_string(),
    }
}

fn decode(entry: &Value) -> Option<Creds> {
    let auth = entry.get("auth")?.as_str()?;
    let raw = base64::engine::general_purpose::STANDARD.decode(auth.trim()).ok()?;
    let s = String::from_utf8(raw).ok()?;
    let (u, p) = s.split_once(':')?;
    Some(Creds { username: u.to_string(), password: p.to_string() })
}

fn read_auths(path: &Path) -> Result<Map<String, Value>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Map::new()),
        Err(e) => return Err(format!("reading {}: {e}", path.display())),
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(Map::new());
    }
    let v: Value = serde_json::from_slice(&bytes).map_err(|e| format!("unmarshaling JSON at {:?}: {e}", path))?;
    Ok(v.get("auths").and_then(|a| a.as_object()).cloned().unwrap_or_default())
}

/// Credentials for `host/repo`: the most specific key wins (`host/ns/repo`, `host/ns`,
/// `host`), as in podman.
pub fn lookup(authfile: Option<&Path>, host: &str, repo: &str) -> Result<Option<Creds>, String> {
    let mut keys = Vec::new();
    let mut path = format!("{host}/{repo}");
    loop {
        keys.push(path.clone());
        match path.rfind('/') {
            Some(i) => path.truncate(i),
            None => break,
        }
    }
    for file in read_paths(authfile) {
        let auths = read_auths(&file)?;
        let norm: Vec<(String, &Value)> = auths.iter().map(|(k, v)| (normalise_key(k), v)).collect();
        for k in &keys {
            if let Some((_, v)) = norm.iter().find(|(nk, _)| nk == k) {
                if let Some(c) = decode(v) {
                    return Ok(Some(c));
                }
            }
        }
    }
    Ok(None)
}

/// Stores credentials for `key` (a registry or `registry/repo`) in the auth file.
pub fn store(authfile: Option<&Path>, key: &str, creds: &Creds) -> Result<PathBuf, String> {
    let path = default_path(authfile);
    let mut doc = read_doc(&path)?;
    let raw = format!("{}:{}", creds.username, creds.password);
    let auth = base64::engine::general_purpose::STANDARD.encode(raw);
    let auths = doc.entry("auths").or_insert_with(|| Value::Object(Map::new()));
    if !auths.is_object() {
        *auths = Value::Object(Map::new());
    }
    if let Some(a) = auths.as_object_mut() {
        a.insert(key.to_string(), serde_json::json!({ "auth": auth }));
    }
    write_doc(&path, &doc)?;
    Ok(path)
}

/// Removes the entry for `key`; false when there was none.
pub fn remove(authfile: Option<&Path>, key: &str) -> Result<bool, String> {
    let path = default_path(authfile);
    let mut doc = read_doc(&path)?;
    let removed = doc
        .get_mut("auths")
        .and_then(|a| a.as_object_mut())
        .map(|a| {
            let k: Vec<String> = a.keys().filter(|k| normalise_key(k) == key).cloned().collect();
            for x in &k {
                a.remove(x);
            }
            !k.is_empty()
        })
        .unwrap_or(false);
    if removed {
        write_doc(&path, &doc)?;
    }
    Ok(removed)
}

/// Removes every entry (`logout --all`).
pub fn remove_all(authfile: Option<&Path>) -> Result<(), String> {
    let path = default_path(authfile);
    let mut doc = read_doc(&path)?;
    if doc.is_empty() {
        return Ok(());
    }
    doc.insert("auths".into(), Value::Object(Map::new()));
    write_doc(&path, &doc)
}

/// Whether docker's config.json holds credentials for `key` (for logout's message).
pub fn in_docker_config(key: &str) -> bool {
    let Some(h) = std::env::var_os("HOME") else { return false };
    let p = PathBuf::from(h).join(".docker/config.json");
    read_auths(&p).map(|a| a.keys().any(|k| normalise_key(k) == key)).unwrap_or(false)
}

fn read_doc(path: &Path) -> Result<Map<String, Value>, String> {
    match std::fs::read(path) {
        Ok(b) if b.iter().all(|c| c.is_ascii_whitespace()) => Ok(Map::new()),
        Ok(b) => match serde_json::from_slice::<Value>(&b) {
            Ok(Value::Object(m)) => Ok(m),
            Ok(_) => Err(format!("{} is not a JSON object", path.display())),
            Err(e) => Err(format!("unmarshaling JSON at {:?}: {e}", path)),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Map::new()),
        Err(e) => Err(format!("reading {}: {e}", path.display())),
    }
}

/// Writes the file 0600 through a temp file and rename (its directory 0700).
fn write_doc(path: &Path, doc: &Map<String, Value>) -> Result<(), String> {
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("auth"),
        std::process::id()
    ));
    let mut text = serde_json::to_vec_pretty(&Value::Object(doc.clone())).map_err(|e| e.to_string())?;
    text.push(b'\n');
    let res = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)?;
        f.write_all(&text)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    res.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("writing {}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_normalised() {
        assert_eq!(normalise_key("https://index.docker.io/v1/"), "docker.io");
        assert_eq!(normalise_key("localhost:5000"), "localhost:5000");
        assert_eq!(normalise_key("http://quay.io/"), "quay.io");
    }

    #[test]
    fn most_specific_entry_wins() {
        let dir = std::env::temp_dir().join(format!("burrow-authfile-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let f = dir.join("auth.json");
        store(Some(&f), "r.example", &Creds { username: "a".into(), password: "1".into() }).unwrap();
        store(Some(&f), "r.example/ns/app", &Creds { username: "b".into(), password: "2:x".into() }).unwrap();
        assert_eq!(lookup(Some(&f), "r.example", "ns/app").unwrap().unwrap().username, "b");
        assert_eq!(lookup(Some(&f), "r.example", "ns/app").unwrap().unwrap().password, "2:x");
        assert_eq!(lookup(Some(&f), "r.example", "other").unwrap().unwrap().username, "a");
        assert!(remove(Some(&f), "r.example").unwrap());
        assert!(lookup(Some(&f), "r.example", "other").unwrap().is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
