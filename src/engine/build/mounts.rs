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
            SecretSource::Env(v) => {
                std::env::var(v).map(String::into_bytes).map_err(|_| format!("environment variable {v} is not set"))
            }
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

/// A mount error: a problem with the `--mount` value (named with it), or anything else.
enum Fault {
    Bad(String),
    Other(Error),
}

impl From<Error> for Fault {
    fn from(e: Error) -> Fault {
        Fault::Other(e)
    }
}

type MountResult<T> = std::result::Result<T, Fault>;

fn bad<T>(why: impl Into<String>) -> MountResult<T> {
    Err(Fault::Bad(why.into()))
}

/// One `--mount` value: its type and `key=value` / bare `key` fields.
struct MountSpec<'a> {
    kind: String,
    fields: Vec<(String, Option<String>)>,
    /// The stage's working directory: relative targets are under it.
    workdir: &'a str,
}

impl<'a> MountSpec<'a> {
    fn parse(spec: &str, workdir: &'a str) -> MountResult<MountSpec<'a>> {
        let fields: Vec<(String, Option<String>)> = spec
            .split(',')
            .filter(|f| !f.is_empty())
            .map(|f| match f.split_once('=') {
                Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.to_string())),
                None => (f.trim().to_ascii_lowercase(), None),
            })
            .collect();
        let kind = fields.iter().find(|(k, _)| k == "type").and_then(|(_, v)| v.clone()).unwrap_or("bind".into());
        const TARGET: &[&str] = &["type", "target", "dst", "destination"];
        let known: &[&str] = match kind.as_str() {
            "bind" => &["source", "src", "from", "rw", "readwrite", "ro", "readonly"],
            "tmpfs" => &["size", "tmpfs-size", "mode", "tmpfs-mode"],
            "secret" => &["id", "env", "required", "mode", "uid", "gid"],
            "cache" => &["id", "sharing", "mode", "uid", "gid", "ro", "readonly", "rw", "readwrite"],
            "ssh" => return bad("type=ssh is not supported"),
            other => return bad(format!("unknown mount type {other:?}: use bind, cache, secret or tmpfs")),
        };
        if let Some((k, _)) = fields.iter().find(|(k, _)| !TARGET.contains(&k.as_str()) && !known.contains(&k.as_str()))
        {
            return bad(format!("unknown option {k:?} for type={kind}"));
        }
        Ok(MountSpec { kind, fields, workdir })
    }

    fn get(&self, names: &[&str]) -> Option<String> {
        self.fields.iter().find(|(k, _)| names.contains(&k.as_str())).and_then(|(_, v)| v.clone())
    }

    /// A boolean option: absent is false, bare is true.
    fn flag(&self, names: &[&str]) -> MountResult<bool> {
        match self.fields.iter().find(|(k, _)| names.contains(&k.as_str())).map(|(_, v)| v.as_deref()) {
            None | Some(Some("false" | "0")) => Ok(false),
            Some(None | Some("true" | "1")) => Ok(true),
            Some(Some(o)) => bad(format!("{}={o}: must be true or false", names[0])),
        }
    }

    fn raw_target(&self) -> Option<String> {
        self.get(&["target", "dst", "destination"])
    }

    /// A target path, relative to `/` (a relative one is under the working directory).
    fn dest(&self, t: &str) -> MountResult<String> {
        let abs = if t.starts_with('/') { t.to_string() } else { format!("{}/{t}", self.workdir) };
        match copy::clean_rel(&abs) {
            Ok(rel) if !rel.is_empty() => Ok(rel.join("/")),
            Ok(_) => bad("the target can't be /"),
            Err(_) => bad(format!("target {t:?} is outside the root")),
        }
    }

    fn target(&self) -> MountResult<String> {
        match self.raw_target() {
            Some(t) => self.dest(&t),
            None => bad("target= is required"),
        }
    }

    fn mode(&self, default: u32) -> MountResult<u32> {
        match self.get(&["mode", "tmpfs-mode"]) {
            None => Ok(default),
            Some(v) => u32::from_str_radix(&v, 8).or_else(|_| bad(format!("mode={v}: expected an octal mode"))),
        }
    }

    fn owner(&self) -> MountResult<(u32, u32)> {
        let id = |k: &str| match self.get(&[k]) {
            None => Ok(0),
            Some(v) => v.parse().or_else(|_| bad(format!("{k}={v}: expected a number"))),
        };
        Ok((id("uid")?, id("gid")?))
    }
}

fn spec_mount(dest: &str, kind: &str, source: &Path, options: &[&str]) -> Result<Mount> {
    MountBuilder::default()
        .destination(format!("/{dest}"))
        .typ(kind)
        .source(source)
        .options(options.iter().map(|o| o.to_string()).collect::<Vec<_>>())
        .build()
        .map_err(Error::other)
}

/// Creates `path` as a directory (or writes it as a file) with an owner and mode.
fn set_owner_mode(path: &Path, (uid, gid): (u32, u32), mode: u32, what: &str) -> Result<()> {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).ctx(|| format!("chowning {what} to {uid}:{gid}"))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).ctx(|| format!("setting the mode of {what}"))
}

impl Engine {
    /// Checks and prepares the `--mount` flags of a RUN.
    pub(super) fn run_mounts(
        &mut self,
        b: &Build,
        st: &State,
        ins: &Instruction,
        specs: &[String],
    ) -> Result<RunMounts> {
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
        let scratch =
            self.store.paths.runroot.join(format!("build-mounts-{}", crate::engine::container::create::random_hex(8)));
        std::fs::create_dir_all(&scratch).ctx(|| format!("creating {}", scratch.display()))?;
        out._scratch = Some(TempDir(scratch.clone()));
        let workdir = if st.cfg.config.working_dir.is_empty() { "/" } else { st.cfg.config.working_dir.as_str() };
        for (n, spec) in specs.iter().enumerate() {
            let work = scratch.join(n.to_string());
            let done = MountSpec::parse(spec, workdir).and_then(|m| match m.kind.as_str() {
                "bind" => self.bind_mount(b, &m, &work, &mut out),
                "tmpfs" => tmpfs_mount(&m, &mut out),
                "secret" => secret_mount(b, &m, &work, &mut out),
                _ => self.cache_mount(&m, &work, &mut out),
            });
            match done {
                Ok(()) => {}
                Err(Fault::Bad(why)) => return Err(b.err(ins, format!("--mount={spec}: {why}"))),
                Err(Fault::Other(e)) => return Err(b.err(ins, format!("--mount={spec}: {e}"))),
            }
        }
        Ok(out)
    }

    /// `type=bind`: files of the context, a stage or an image; `work` holds the overlay's
    /// upper dir (or a file's copy) for `rw`.
    fn bind_mount(&mut self, b: &Build, m: &MountSpec, work: &Path, out: &mut RunMounts) -> MountResult<()> {
        let target = m.target()?;
        let rw = m.flag(&["rw", "readwrite"])?;
        let source = m.get(&["source", "src"]).unwrap_or_default();
        let from = m.get(&["from"]);
        let Ok(rel) = copy::clean_rel(&source) else {
            let root = if from.is_some() { "image" } else { "build context" };
            return bad(format!("source {source:?} is outside the {root}"));
        };
        // The source, the directories to show for it (top first), and what it is (for the
        // cache key: the files' content hash, or the image and path).
        let (node, lowers, what) = match from {
            None => {
                let tree = SourceTree::context(b.ctx_dir.clone(), b.ignore.clone());
                let Some(node) = tree.resolve(rel).map_err(Fault::Bad)? else {
                    return bad(format!("source {source:?} not found in the build context"));
                };
                let mut plan = CopyPlan::default();
                plan.add_tree(&tree, &node, "m", Overrides::default(), true)?;
                let what = format!("context:{}", plan.content_hash()?);
                // As Docker's: files .containerignore excludes are not in the mount. The
                // step then sees a copy of what is left.
                let lowers = if node.meta.is_dir() && !b.ignore.is_empty() {
                    vec![filtered_copy(&plan, work)?]
                } else {
                    vec![node.path.clone()]
                };
                (node, lowers, what)
            }
            Some(from) => {
                let s = match b.stage_ref(&from, b.stages.len()).and_then(|i| b.built.get(&i)) {
                    Some(s) => s.clone(),
                    None => {
                        let id = self
                            .base_image(&from, b.opts.pull)
                            .or_else(|e| bad(format!("from={from}: no stage or image of that name: {e}")))?;
                        match self.load_state(&id)? {
                            Some(s) => s,
                            None => return bad(format!("from={from}: image not known")),
                        }
                    }
                };
                let Some(node) = self.state_tree(&s).resolve(rel).map_err(Fault::Bad)? else {
                    return bad(format!("source {source:?} not found in {from}"));
                };
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
        let mount = if node.meta.is_dir() {
            overlay(&target, &lowers, work, !rw, self.store.rootless)?
        } else if rw {
            // Writes to a file are dropped: the step gets a copy.
            std::fs::create_dir_all(work).ctx(|| format!("creating {}", work.display()))?;
            let copy = work.join("file");
            std::fs::copy(&node.path, &copy).ctx(|| format!("copying {}", node.path.display()))?;
            spec_mount(&target, "bind", &copy, &["bind", "rw"])?
        } else {
            spec_mount(&target, "bind", &node.path, &["bind", "ro"])?
        };
        out.key.push(format!("bind:{target}:{rw}:{what}"));
        out.spec.push(mount);
        out.targets.push(target);
        Ok(())
    }

    /// `type=cache`: a directory of the store, kept between builds, per id.
    fn cache_mount(&mut self, m: &MountSpec, work: &Path, out: &mut RunMounts) -> MountResult<()> {
        let target = m.target()?;
        let id = m.get(&["id"]).unwrap_or_else(|| format!("/{target}"));
        let sharing = m.get(&["sharing"]).unwrap_or_else(|| "shared".into());
        if !matches!(sharing.as_str(), "shared" | "private" | "locked") {
            return bad(format!("sharing={sharing}: must be shared, private or locked"));
        }
        let mode = m.mode(0o755)?;
        let owner = m.owner()?;
        let ro = m.flag(&["ro", "readonly"])? && !m.flag(&["rw", "readwrite"])?;
        let base = self.store.paths.root.join("build-cache-mounts");
        let name = sha256_hex(id.as_bytes())[..32].to_string();
        let mut dir = base.join(&name);
        if sharing != "shared" {
            std::fs::create_dir_all(&base).ctx(|| format!("creating {}", base.display()))?;
            let lock_path = base.join(format!("{name}.lock"));
            let lock = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
                .ctx(|| format!("opening {}", lock_path.display()))?;
            match lock.try_lock() {
                Ok(()) => out._locks.push(lock),
                // In use by another build: this step gets a cache of its own.
                Err(TryLockError::WouldBlock) if sharing == "private" => dir = work.to_path_buf(),
                Err(TryLockError::WouldBlock) => {
                    lock.lock().ctx(|| format!("locking the cache {id}"))?;
                    out._locks.push(lock);
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(format!("locking the cache {id}"), e).into()),
            }
        }
        if !dir.is_dir() {
            std::fs::create_dir_all(&dir).ctx(|| format!("creating the cache {}", dir.display()))?;
            set_owner_mode(&dir, owner, mode, &format!("the cache {id}"))?;
        }
        out.key.push(format!("cache:{id}:{target}:{ro}"));
        out.spec.push(spec_mount(&target, "bind", &dir, &["bind", if ro { "ro" } else { "rw" }])?);
        out.targets.push(target);
        Ok(())
    }
}

/// The files of a plan (under its `m` entry) unpacked into `work/context`.
fn filtered_copy(plan: &CopyPlan, work: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(work).ctx(|| format!("creating {}", work.display()))?;
    let tar_path = work.join("context.tar");
    let mut f = std::fs::File::create(&tar_path).ctx(|| format!("creating {}", tar_path.display()))?;
    plan.write_tar(&mut f)?;
    drop(f);
    let f = std::fs::File::open(&tar_path).ctx(|| format!("reading {}", tar_path.display()))?;
    let mut a = tar::Archive::new(f);
    a.set_preserve_permissions(true);
    a.unpack(work).ctx(|| "copying the build context for a bind mount".into())?;
    std::fs::remove_file(&tar_path).ctx(|| format!("removing {}", tar_path.display()))?;
    let dir = work.join("context");
    std::fs::rename(work.join("m"), &dir).ctx(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// `type=tmpfs`.
fn tmpfs_mount(m: &MountSpec, out: &mut RunMounts) -> MountResult<()> {
    let target = m.target()?;
    let mut options = vec!["nosuid".to_string(), "nodev".to_string()];
    if let Some(s) = m.get(&["size", "tmpfs-size"]) {
        if s.trim_end_matches(['k', 'K', 'm', 'M', 'g', 'G']).parse::<u64>().is_err() {
            return bad(format!("size={s}: expected a size in bytes (or with k, m, g)"));
        }
        options.push(format!("size={s}"));
    }
    if m.get(&["mode", "tmpfs-mode"]).is_some() {
        options.push(format!("mode={:o}", m.mode(0)?));
    }
    let opts: Vec<&str> = options.iter().map(String::as_str).collect();
    out.key.push(format!("tmpfs:{target}:{}", options.join(",")));
    out.spec.push(spec_mount(&target, "tmpfs", Path::new("tmpfs"), &opts)?);
    out.targets.push(target);
    Ok(())
}

/// `type=secret`: a `--secret` as a read-only 0400 file (a copy in the runtime dir, which
/// is a tmpfs) or an environment variable of the step.
fn secret_mount(b: &Build, m: &MountSpec, work: &Path, out: &mut RunMounts) -> MountResult<()> {
    let target = m.raw_target();
    let id = match (m.get(&["id"]), &target) {
        (Some(i), _) => i,
        (None, Some(t)) => t.rsplit('/').next().unwrap_or_default().to_string(),
        (None, None) => return bad("id= is required"),
    };
    let env = m.get(&["env"]);
    let Some((_, src)) = b.opts.secrets.iter().find(|(i, _)| *i == id) else {
        if m.flag(&["required"])? {
            return bad(format!("secret {id:?} was not given: pass it with build --secret id={id},src=FILE"));
        }
        // Docker's rule: an optional secret that wasn't given is simply absent.
        return Ok(());
    };
    let value = src.read().or_else(|e| bad(format!("secret {id:?}: {e}")))?;
    out.key.push(format!("secret:{id}:{}:{}", target.as_deref().unwrap_or(""), env.as_deref().unwrap_or("")));
    if let Some(e) = &env {
        out.env.push(format!("{e}={}", String::from_utf8_lossy(&value)));
        if target.is_none() {
            return Ok(());
        }
    }
    let dest = m.dest(target.as_deref().unwrap_or(&format!("/run/secrets/{id}")))?;
    let (mode, owner) = (m.mode(0o400)?, m.owner()?);
    std::fs::create_dir_all(work).ctx(|| format!("creating {}", work.display()))?;
    let file = work.join("secret");
    std::fs::write(&file, &value).ctx(|| format!("writing {}", file.display()))?;
    set_owner_mode(&file, owner, mode, &format!("the secret {id}"))?;
    out.spec.push(spec_mount(&dest, "bind", &file, &["bind", "ro"])?);
    out.targets.push(dest);
    Ok(())
}

/// A throw-away overlay over directories (top first): reads see them, writes are dropped.
fn overlay(target: &str, lowers: &[PathBuf], work: &Path, read_only: bool, rootless: bool) -> MountResult<Mount> {
    let mut lower = Vec::new();
    for l in lowers {
        let s = l.display().to_string();
        if s.contains([',', ':']) {
            return bad(format!("{s}: a path with ',' or ':' can't be mounted"));
        }
        lower.push(s);
    }
    if lower.is_empty() {
        return bad("the source has no files");
    }
    let (upper, workdir) = (work.join("upper"), work.join("work"));
    for d in [&upper, &workdir] {
        std::fs::create_dir_all(d).ctx(|| format!("creating {}", d.display()))?;
    }
    let mut options = vec![
        format!("lowerdir={}", lower.join(":")),
        format!("upperdir={}", upper.display()),
        format!("workdir={}", workdir.display()),
    ];
    if rootless {
        options.push("userxattr".into());
    }
    if read_only {
        options.push("ro".into());
    }
    let opts: Vec<&str> = options.iter().map(String::as_str).collect();
    Ok(spec_mount(target, "overlay", Path::new("overlay"), &opts)?)
}

/// Removes from a RUN's upper dir the mount points the runtime created for its mounts (an
/// empty file or directory the image below lacks) and the directories made only to hold
/// them, so that no trace of a mount reaches the layer.
pub(super) fn remove_mount_points(upper: &Path, targets: &[String], below: &SourceTree) {
    for t in targets {
        let mut comps: Vec<String> = t.split('/').map(str::to_string).collect();
        // The runtime follows the image's symlinks to the mount point: so does this.
        if let Some((last, parent)) = comps.split_last() {
            if let Ok(Some(n)) = below.resolve(parent.to_vec()) {
                comps = n.rel.into_iter().chain(std::iter::once(last.clone())).collect();
            }
        }
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
    fn mount_specs() {
        let m = MountSpec::parse("type=cache,target=x,ro,mode=0700", "/work").ok().unwrap();
        assert_eq!(m.kind, "cache");
        assert!(m.flag(&["ro", "readonly"]).ok().unwrap());
        assert!(!m.flag(&["rw"]).ok().unwrap());
        assert_eq!(m.target().ok().unwrap(), "work/x");
        assert_eq!(m.mode(0o755).ok().unwrap(), 0o700);
        let m = MountSpec::parse("target=/a/../b", "/").ok().unwrap();
        assert_eq!((m.kind.as_str(), m.target().ok().unwrap().as_str()), ("bind", "b"));
        assert!(MountSpec::parse("type=bind,size=1", "/").is_err());
        assert!(MountSpec::parse("type=nfs,target=/x", "/").is_err());
        assert!(MountSpec::parse("type=tmpfs", "/").ok().unwrap().target().is_err());
    }
}
