//! `RUN --mount=...`: bind (the context, a stage or an image), tmpfs, secret and cache
//! mounts. Each becomes an OCI spec mount of the RUN container (bind, tmpfs or overlay), so
//! the runtime needs nothing of its own. What a mount shows is never part of the layer: the
//! RUN writes into the mount, and the mount points the runtime had to create are removed
//! from the upper dir before it becomes the layer.

use std::fs::TryLockError;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use oci_spec::runtime::{Mount, MountBuilder};

use super::copy::{self, CopyPlan, Overrides, SourceTree};
use super::{Build, State, TempDir};
use crate::engine::Engine;
use crate::error::{Error, IoContext, Result};
use crate::images::archive::sha256_hex;
use crate::images::build::parser::Instruction;

/// Where `build --secret id=ID,...` takes a secret's value from.
#[derive(Debug, Clone, PartialEq)]
pub enum SecretSource {
    File(PathBuf),
    Env(String),
}

/// `--secret id=ID[,src=FILE|ENV][,env=ENV][,type=file|env]` (podman's forms). Without
/// `src`/`env` the id names the source: an environment variable of that name when one is
/// set (or `type=env`), else a file.
pub fn parse_secret(spec: &str) -> Result<(String, SecretSource)> {
    let bad = |why: &str| {
        Error::usage_hint(
            format!("invalid --secret {spec:?}: {why}"),
            "use --secret id=ID,src=FILE or --secret id=ID,env=VARIABLE",
        )
    };
    let (mut id, mut src, mut env, mut kind) = (None, None, None, None);
    for field in spec.split(',') {
        match field.split_once('=') {
            Some(("id", v)) if !v.is_empty() => id = Some(v.to_string()),
            Some(("src" | "source", v)) if !v.is_empty() => src = Some(v.to_string()),
            Some(("env", v)) if !v.is_empty() => env = Some(v.to_string()),
            Some(("type", v @ ("file" | "env"))) => kind = Some(v.to_string()),
            _ => return Err(bad(&format!("unknown or empty field {field:?}"))),
        }
    }
    let id = id.ok_or_else(|| bad("id= is required"))?;
    let source = match (src, env, kind.as_deref()) {
        (Some(_), Some(_), _) => return Err(bad("give src= or env=, not both")),
        (Some(s), None, Some("env")) | (None, Some(s), _) => SecretSource::Env(s),
        (Some(s), None, _) => SecretSource::File(PathBuf::from(s)),
        (None, None, Some("file")) => SecretSource::File(PathBuf::from(&id)),
        (None, None, Some(_)) => SecretSource::Env(id.clone()),
        (None, None, None) if std::env::var_os(&id).is_some() => SecretSource::Env(id.clone()),
        (None, None, None) => SecretSource::File(PathBuf::from(&id)),
    };
    if let SecretSource::File(p) = &source {
        std::fs::metadata(p).map_err(|e| bad(&format!("reading {}: {}", p.display(), crate::error::errno_text(&e))))?;
    }
    Ok((id, source))
}

impl SecretSource {
    fn read(&self) -> std::result::Result<Vec<u8>, String> {
        match self {
            SecretSource::File(p) => std::fs::read(p).map_err(|e| format!("reading {}: {e}", p.display())),
            SecretSource::Env(v) => std::env::var(v)
                .map(String::into_bytes)
                .map_err(|_| format!("environment variable {v} is not set")),
        }
    }
}

/// The mounts of one RUN, ready for its container.
pub(super) struct RunMounts {
    pub spec: Vec<Mount>,
    /// `NAME=value` of secrets given as environment variables.
    pub env: Vec<String>,
    /// What the RUN's cache key must include: each mount's definition and, for binds, what
    /// the mounted files are.
    pub key: Vec<String>,
    /// Mount destinations, relative to `/`.
    pub targets: Vec<String>,
    /// `sharing=locked` cache locks, held until the RUN is done.
    _locks: Vec<std::fs::File>,
    /// Secret copies and overlay upper dirs, removed when the RUN is done.
    _scratch: Option<TempDir>,
}

/// One `--mount` value: `key=value` and bare `key` fields.
fn fields(spec: &str) -> Vec<(String, Option<String>)> {
    spec.split(',')
        .filter(|f| !f.is_empty())
        .map(|f| match f.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.to_string())),
            None => (f.trim().to_ascii_lowercase(), None),
        })
        .collect()
}

fn flag_true(v: &Option<String>) -> std::result::Result<bool, String> {
    match v.as_deref() {
        None | Some("true") | Some("1") => Ok(true),
        Some("false") | Some("0") => Ok(false),
        Some(o) => Err(format!("{o:?} is not true or false")),
    }
}

fn octal(k: &str, v: &str) -> std::result::Result<u32, String> {
    u32::from_str_radix(v, 8).map_err(|_| format!("{k}={v}: expected an octal mode"))
}

fn id_number(k: &str, v: &str) -> std::result::Result<u32, String> {
    v.parse().map_err(|_| format!("{k}={v}: expected a number"))
}

fn spec_mount(dest: &str, kind: &str, source: &str, options: Vec<String>) -> Result<Mount> {
    MountBuilder::default().destination(dest).typ(kind).source(source).options(options).build().map_err(Error::other)
}

impl Engine {
    /// Checks and prepares the `--mount` flags of a RUN.
    pub(super) fn run_mounts(&mut self, b: &Build, st: &State, ins: &Instruction, specs: &[String]) -> Result<RunMounts> {
        let mut out = RunMounts {
            spec: Vec::new(),
            env: Vec::new(),
            key: Vec::new(),
            targets: Vec::new(),
            _locks: Vec::new(),
            _scratch: None,
        };
        if specs.is_empty() {
            return Ok(out);
        }
        let scratch = self.store.paths.runroot.join(format!(
            "build-mounts-{}",
            crate::engine::container::create::random_hex(8)
        ));
        std::fs::create_dir_all(&scratch).ctx(|| format!("creating {}", scratch.display()))?;
        out._scratch = Some(TempDir(scratch.clone()));
        let workdir = if st.cfg.config.working_dir.is_empty() { "/" } else { st.cfg.config.working_dir.as_str() };
        for (n, spec) in specs.iter().enumerate() {
            let bad = |why: String| b.err(ins, format!("--mount={spec}: {why}"));
            let f = fields(spec);
            let get = |names: &[&str]| f.iter().find(|(k, _)| names.contains(&k.as_str())).and_then(|(_, v)| v.clone());
            let kind = get(&["type"]).unwrap_or_else(|| "bind".into());
            let known: &[&str] = match kind.as_str() {
                "bind" => &["type", "target", "dst", "destination", "source", "src", "from", "rw", "readwrite", "ro", "readonly"],
                "tmpfs" => &["type", "target", "dst", "destination", "size", "tmpfs-size", "mode", "tmpfs-mode"],
                "secret" => &["type", "id", "target", "dst", "destination", "env", "required", "mode", "uid", "gid"],
                "cache" => &[
                    "type", "id", "target", "dst", "destination", "sharing", "mode", "uid", "gid", "ro", "readonly",
                    "rw", "readwrite",
                ],
                "ssh" => return Err(bad("type=ssh is not supported".into())),
                other => return Err(bad(format!("unknown mount type {other:?}: use bind, cache, secret or tmpfs"))),
            };
            if let Some((k, _)) = f.iter().find(|(k, _)| !known.contains(&k.as_str())) {
                return Err(bad(format!("unknown option {k:?} for type={kind}")));
            }
            let target = get(&["target", "dst", "destination"]);
            let dest = |t: &str| -> std::result::Result<String, String> {
                let abs = if t.starts_with('/') { t.to_string() } else { format!("{workdir}/{t}") };
                let rel = copy::clean_rel(&abs).map_err(|_| format!("target {t:?} is outside the root"))?;
                if rel.is_empty() {
                    return Err("the target can't be /".into());
                }
                Ok(rel.join("/"))
            };
            let need_target = || target.clone().ok_or_else(|| bad("target= is required".into()));
            let read_only = f.iter().any(|(k, v)| matches!(k.as_str(), "ro" | "readonly") && flag_true(v).unwrap_or(true));
            let rw = f.iter().any(|(k, v)| matches!(k.as_str(), "rw" | "readwrite") && flag_true(v).unwrap_or(true));
            match kind.as_str() {
                "bind" => {
                    let rel_target = dest(&need_target()?).map_err(bad)?;
                    let source = get(&["source", "src"]).unwrap_or_default();
                    let rel = copy::clean_rel(&source).map_err(|_| bad(format!("source {source:?} is outside the {}", if get(&["from"]).is_some() { "image" } else { "build context" })))?;
                    let (node, lowers, what) = match get(&["from"]) {
                        None => {
                            let tree = SourceTree::context(b.ctx_dir.clone(), b.ignore.clone());
                            let node = tree.resolve(rel.clone()).map_err(bad)?.ok_or_else(|| {
                                bad(format!("source {source:?} not found in the build context"))
                            })?;
                            let mut plan = CopyPlan::default();
                            plan.add_tree(&tree, &node, "m", Overrides::default(), true)?;
                            let lowers = vec![node.path.clone()];
                            (node, lowers, format!("context:{}", plan.content_hash()?))
                        }
                        Some(from) => {
                            let s = match b.stage_ref(&from, b.stages.len()).and_then(|i| b.built.get(&i)) {
                                Some(s) => s.clone(),
                                None => {
                                    let id = self.base_image(&from, b.opts.pull).map_err(|e| {
                                        bad(format!("from={from}: no stage or image of that name: {e}"))
                                    })?;
                                    self.load_state(&id)?.ok_or_else(|| bad(format!("from={from}: image not known")))?
                                }
                            };
                            let tree = self.state_tree(&s);
                            let node = tree
                                .resolve(rel.clone())
                                .map_err(bad)?
                                .ok_or_else(|| bad(format!("source {source:?} not found in {from}")))?;
                            let mut lowers = Vec::new();
                            for l in s.layers.iter().rev() {
                                let d = self.store.layer_diff(l).join(node.rel.join("/"));
                                if d.is_dir() {
                                    let opaque = copy::has_opaque(&d);
                                    lowers.push(d);
                                    if opaque {
                                        break;
                                    }
                                }
                            }
                            let what = format!("image:{}:{}", s.image_id, node.rel.join("/"));
                            (node, lowers, what)
                        }
                    };
                    let dst = format!("/{rel_target}");
                    if node.meta.is_dir() {
                        out.spec.push(overlay(&lowers, &scratch.join(format!("ovl{n}")), !rw, self.store.rootless).map_err(bad)?.into_mount(&dst)?);
                    } else if rw {
                        // Writes to a file are thrown away: the RUN gets its own copy.
                        let c = scratch.join(format!("file{n}"));
                        std::fs::copy(&node.path, &c).ctx(|| format!("copying {}", node.path.display()))?;
                        out.spec.push(spec_mount(&dst, "bind", &c.display().to_string(), vec!["bind".into(), "rw".into()])?);
                    } else {
                        out.spec.push(spec_mount(&dst, "bind", &node.path.display().to_string(), vec!["bind".into(), "ro".into()])?);
                    }
                    out.key.push(format!("bind:{rel_target}:{rw}:{what}"));
                    out.targets.push(rel_target);
                }
                "tmpfs" => {
                    let rel_target = dest(&need_target()?).map_err(bad)?;
                    let mut options = vec!["nosuid".to_string(), "nodev".to_string()];
                    if let Some(s) = get(&["size", "tmpfs-size"]) {
                        let ok = s.trim_end_matches(['k', 'K', 'm', 'M', 'g', 'G']).parse::<u64>().is_ok();
                        if !ok {
                            return Err(bad(format!("size={s}: expected a size in bytes (or with k, m, g)")));
                        }
                        options.push(format!("size={s}"));
                    }
                    if let Some(m) = get(&["mode", "tmpfs-mode"]) {
                        options.push(format!("mode={:o}", octal("mode", &m).map_err(bad)?));
                    }
                    out.key.push(format!("tmpfs:{rel_target}:{}", options.join(",")));
                    out.spec.push(spec_mount(&format!("/{rel_target}"), "tmpfs", "tmpfs", options)?);
                    out.targets.push(rel_target);
                }
                "secret" => {
                    let id = match (get(&["id"]), &target) {
                        (Some(i), _) => i,
                        (None, Some(t)) => t.rsplit('/').next().unwrap_or_default().to_string(),
                        (None, None) => return Err(bad("id= is required".into())),
                    };
                    let required = match f.iter().find(|(k, _)| k == "required") {
                        Some((_, v)) => flag_true(v).map_err(bad)?,
                        None => false,
                    };
                    let env_name = get(&["env"]);
                    let Some((_, src)) = b.secrets.iter().find(|(i, _)| *i == id) else {
                        if required {
                            return Err(Error::usage_hint(
                                format!("{}:{}: RUN: --mount={spec}: secret {id:?} was not given", b.file, ins.line),
                                format!("pass it with build --secret id={id},src=FILE"),
                            ));
                        }
                        // Docker's rule: an optional secret that wasn't given is simply absent.
                        continue;
                    };
                    let value = src.read().map_err(|e| bad(format!("secret {id:?}: {e}")))?;
                    out.key.push(format!("secret:{id}:{}:{}", target.as_deref().unwrap_or(""), env_name.as_deref().unwrap_or("")));
                    if let Some(e) = &env_name {
                        out.env.push(format!("{e}={}", String::from_utf8_lossy(&value)));
                    }
                    if env_name.is_none() || target.is_some() {
                        let rel_target = dest(target.as_deref().unwrap_or(&format!("/run/secrets/{id}"))).map_err(bad)?;
                        let mode = get(&["mode"]).map(|m| octal("mode", &m)).transpose().map_err(bad)?.unwrap_or(0o400);
                        let uid = get(&["uid"]).map(|v| id_number("uid", &v)).transpose().map_err(bad)?.unwrap_or(0);
                        let gid = get(&["gid"]).map(|v| id_number("gid", &v)).transpose().map_err(bad)?.unwrap_or(0);
                        let file = scratch.join(format!("secret{n}"));
                        std::fs::write(&file, &value).ctx(|| format!("writing {}", file.display()))?;
                        std::os::unix::fs::chown(&file, Some(uid), Some(gid))
                            .ctx(|| format!("chowning the secret {id} to {uid}:{gid}"))?;
                        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode))
                            .ctx(|| format!("setting the mode of the secret {id}"))?;
                        out.spec.push(spec_mount(&format!("/{rel_target}"), "bind", &file.display().to_string(), vec!["bind".into(), "ro".into()])?);
                        out.targets.push(rel_target);
                    }
                }
                _ => {
                    // cache
                    let t = need_target()?;
                    let rel_target = dest(&t).map_err(bad)?;
                    let id = get(&["id"]).unwrap_or_else(|| format!("/{rel_target}"));
                    let sharing = get(&["sharing"]).unwrap_or_else(|| "shared".into());
                    if !matches!(sharing.as_str(), "shared" | "private" | "locked") {
                        return Err(bad(format!("sharing={sharing}: must be shared, private or locked")));
                    }
                    let mode = get(&["mode"]).map(|m| octal("mode", &m)).transpose().map_err(bad)?.unwrap_or(0o755);
                    let uid = get(&["uid"]).map(|v| id_number("uid", &v)).transpose().map_err(bad)?.unwrap_or(0);
                    let gid = get(&["gid"]).map(|v| id_number("gid", &v)).transpose().map_err(bad)?.unwrap_or(0);
                    let base = self.store.paths.root.join("build-cache-mounts");
                    let hex = sha256_hex(id.as_bytes());
                    let mut dir = base.join(&hex[..32]);
                    let lock_path = base.join(format!("{}.lock", &hex[..32]));
                    if sharing != "shared" {
                        std::fs::create_dir_all(&base).ctx(|| format!("creating {}", base.display()))?;
                        let lock = std::fs::OpenOptions::new()
                            .create(true)
                            .truncate(false)
                            .write(true)
                            .open(&lock_path)
                            .ctx(|| format!("opening {}", lock_path.display()))?;
                        match lock.try_lock() {
                            Ok(()) => out._locks.push(lock),
                            Err(TryLockError::WouldBlock) if sharing == "private" => {
                                // In use by another build: this RUN gets a cache of its own.
                                dir = scratch.join(format!("cache{n}"));
                            }
                            Err(TryLockError::WouldBlock) => {
                                lock.lock().ctx(|| format!("locking the cache {id}"))?;
                                out._locks.push(lock);
                            }
                            Err(TryLockError::Error(e)) => return Err(Error::io(format!("locking the cache {id}"), e)),
                        }
                    }
                    if !dir.is_dir() {
                        std::fs::create_dir_all(&dir).ctx(|| format!("creating the cache {}", dir.display()))?;
                        std::os::unix::fs::chown(&dir, Some(uid), Some(gid))
                            .ctx(|| format!("chowning the cache {id} to {uid}:{gid}"))?;
                        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode))
                            .ctx(|| format!("setting the mode of the cache {id}"))?;
                    }
                    let ro = read_only && !rw;
                    out.key.push(format!("cache:{id}:{rel_target}:{ro}"));
                    out.spec.push(spec_mount(&format!("/{rel_target}"), "bind", &dir.display().to_string(), vec!["bind".into(), if ro { "ro" } else { "rw" }.into()])?);
                    out.targets.push(rel_target);
                }
            }
        }
        Ok(out)
    }
}

/// A throw-away overlay over directories (top first): reads see them, writes are dropped.
struct Overlay {
    options: Vec<String>,
}

impl Overlay {
    fn into_mount(self, dest: &str) -> Result<Mount> {
        spec_mount(dest, "overlay", "overlay", self.options)
    }
}

fn overlay(lowers: &[PathBuf], base: &Path, read_only: bool, rootless: bool) -> std::result::Result<Overlay, String> {
    let mut lower = Vec::new();
    for l in lowers {
        let s = l.display().to_string();
        if s.contains([',', ':']) {
            return Err(format!("{s}: a path with ',' or ':' can't be mounted"));
        }
        lower.push(s);
    }
    if lower.is_empty() {
        return Err("the source has no files".into());
    }
    let (upper, work) = (base.join("upper"), base.join("work"));
    for d in [&upper, &work] {
        std::fs::create_dir_all(d).map_err(|e| format!("creating {}: {e}", d.display()))?;
    }
    let mut options = vec![
        format!("lowerdir={}", lower.join(":")),
        format!("upperdir={}", upper.display()),
        format!("workdir={}", work.display()),
    ];
    if rootless {
        options.push("userxattr".into());
    }
    if read_only {
        options.push("ro".into());
    }
    Ok(Overlay { options })
}

/// Removes from a RUN's upper dir the mount points the runtime created for its mounts (an
/// empty file or directory the image below lacks) and the directories made only to hold
/// them, so that no trace of a mount reaches the layer.
pub(super) fn remove_mount_points(upper: &Path, targets: &[String], below: &SourceTree) {
    for t in targets {
        let comps: Vec<String> = t.split('/').map(str::to_string).collect();
        for depth in (1..=comps.len()).rev() {
            let rel = &comps[..depth];
            let p = upper.join(rel.join("/"));
            let Ok(meta) = std::fs::symlink_metadata(&p) else { continue };
            let empty = if meta.is_dir() {
                std::fs::read_dir(&p).map(|mut d| d.next().is_none()).unwrap_or(false) && !copy::has_opaque(&p)
            } else {
                meta.is_file() && meta.len() == 0
            };
            if !empty {
                break;
            }
            // A directory the image has, copied up unchanged only to hold a mount point.
            let unchanged = |n: &copy::Node| {
                n.meta.is_dir()
                    && meta.is_dir()
                    && n.meta.mode() == meta.mode()
                    && n.meta.uid() == meta.uid()
                    && n.meta.gid() == meta.gid()
            };
            let removable = match below.find(rel) {
                None => true,
                Some(n) => depth < comps.len() && unchanged(&n),
            };
            if !removable {
                break;
            }
            let r = if meta.is_dir() { std::fs::remove_dir(&p) } else { std::fs::remove_file(&p) };
            if r.is_err() {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_specs() {
        let (id, s) = parse_secret("id=tok,env=HOME").unwrap();
        assert_eq!((id.as_str(), s), ("tok", SecretSource::Env("HOME".into())));
        let (id, s) = parse_secret("id=f,src=/etc/hostname").unwrap();
        assert_eq!((id.as_str(), s), ("f", SecretSource::File("/etc/hostname".into())));
        assert!(parse_secret("src=/etc/hostname").is_err());
        assert!(parse_secret("id=x,src=/nonexistent/file").is_err());
        assert!(parse_secret("id=x,bogus=1").is_err());
    }

    #[test]
    fn mount_fields() {
        let f = fields("type=cache,target=/x,ro");
        assert_eq!(f[2], ("ro".into(), None));
        assert_eq!(f[1], ("target".into(), Some("/x".into())));
    }
}
