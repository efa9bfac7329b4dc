//! `-v`, `--mount` and `--tmpfs` as podman parses them: each flag becomes a [`UserMount`]
//! (pure parsing, no I/O), which `create` checks against the host and turns into spec mounts.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Where a user mount's content comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MountSource {
    /// A host path, made absolute (`-v /host:/ctr`, `--mount type=bind`).
    Host(PathBuf),
    /// A named volume; an empty name is an anonymous one (`-v /ctr`).
    Volume(String),
    /// A fresh tmpfs (`--tmpfs`, `--mount type=tmpfs`).
    Tmpfs,
}

/// One mount the user asked for. `options` are spec options (`rbind`, `ro`, `size=..`);
/// burrow's own markers are kept apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserMount {
    pub source: MountSource,
    pub destination: String,
    pub options: Vec<String>,
    /// `U`: chown the source to the container's user.
    pub chown: bool,
    /// `O`: an overlay with a throw-away upper over the host directory.
    pub overlay: bool,
    /// `nocopy`: don't copy the image's content into an empty volume.
    pub nocopy: bool,
}

impl UserMount {
    fn new(source: MountSource, destination: &str) -> Self {
        UserMount {
            source,
            destination: destination.to_string(),
            options: Vec::new(),
            chown: false,
            overlay: false,
            nocopy: false,
        }
    }

    pub fn read_only(&self) -> bool {
        self.options.iter().any(|o| o == "ro")
    }

    /// The propagation option podman reports (`rprivate` unless one was given).
    pub fn propagation(&self) -> &str {
        self.options.iter().map(String::as_str).find(|o| is_propagation(o)).unwrap_or("rprivate")
    }
}

fn bad_option(opt: &str) -> Error {
    Error::usage(format!("unknown mount option {opt:?}: invalid mount option"))
}

fn is_propagation(o: &str) -> bool {
    matches!(o, "shared" | "rshared" | "slave" | "rslave" | "private" | "rprivate" | "unbindable" | "runbindable")
}

/// `/a/./b/../c` -> `/a/c`; the destination must be absolute (podman's message otherwise).
fn clean_destination(dest: &str) -> Result<String> {
    if !dest.starts_with('/') {
        return Err(Error::usage(format!("invalid container path {dest:?}, must be an absolute path")));
    }
    let mut parts: Vec<&str> = Vec::new();
    for c in Path::new(dest).components() {
        match c {
            Component::Normal(n) => parts.push(n.to_str().unwrap_or_default()),
            Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    Ok(format!("/{}", parts.join("/")))
}

/// A host path as given, made absolute against `cwd` and cleaned (Go's filepath.Abs).
fn absolute_host(src: &str, cwd: &Path) -> PathBuf {
    let joined = if src.starts_with('/') { PathBuf::from(src) } else { cwd.join(src) };
    let mut out = PathBuf::from("/");
    for c in joined.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

/// Volume names as podman allows them.
pub fn valid_volume_name(n: &str) -> bool {
    let b = n.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// Applies one `-v` option (or a bare `--mount` word) to `m`.
fn apply_option(m: &mut UserMount, opt: &str) -> Result<()> {
    let is_tmpfs = m.source == MountSource::Tmpfs;
    match opt {
        "ro" | "rw" => {
            if m.options.iter().any(|o| o == "ro" || o == "rw") {
                return Err(Error::usage(
                    "cannot pass 'ro' and 'rw' options more than once: duplicate mount option passed",
                ));
            }
            m.options.push(opt.to_string());
        }
        "z" | "Z" if !is_tmpfs => m.options.push(opt.to_string()),
        "U" => m.chown = true,
        "O" => match m.source {
            MountSource::Host(_) => m.overlay = true,
            _ => {
                return Err(Error::usage("overlay option 'O' is only supported for bind mounts: invalid mount option"))
            }
        },
        "nocopy" if matches!(m.source, MountSource::Volume(_)) => m.nocopy = true,
        "copy" if matches!(m.source, MountSource::Volume(_)) => m.nocopy = false,
        "bind" | "rbind" if !is_tmpfs => {
            m.options.retain(|o| o != "bind" && o != "rbind");
            m.options.push(opt.to_string());
        }
        "nosuid" | "suid" | "nodev" | "dev" | "noexec" | "exec" => m.options.push(opt.to_string()),
        p if is_propagation(p) => {
            if m.options.iter().any(|o| is_propagation(o)) {
                return Err(Error::usage("cannot pass multiple propagation options: duplicate mount option passed"));
            }
            m.options.push(opt.to_string());
        }
        o if is_tmpfs && (o.starts_with("size=") || o.starts_with("mode=")) => m.options.push(opt.to_string()),
        "tmpcopyup" | "notmpcopyup" if is_tmpfs => {
            m.options.retain(|o| o != "tmpcopyup" && o != "notmpcopyup");
            m.options.push(opt.to_string());
        }
        other => return Err(bad_option(other)),
    }
    Ok(())
}

/// Podman's defaults after the user's options: binds are `rbind`, everything is `rw` and
/// `rprivate` unless told otherwise; tmpfs is `noexec,nosuid,nodev`.
fn finish(mut m: UserMount) -> UserMount {
    if !m.options.iter().any(|o| o == "ro" || o == "rw") {
        m.options.push("rw".into());
    }
    match m.source {
        MountSource::Tmpfs => {
            // podman copies the image's content at the destination into a tmpfs unless told
            // `notmpcopyup` (the init does the copy).
            if m.options.iter().any(|o| o == "notmpcopyup") {
                m.options.retain(|o| o != "notmpcopyup");
            } else if !m.options.iter().any(|o| o == "tmpcopyup") {
                m.options.push("tmpcopyup".into());
            }
            for o in ["noexec", "nosuid", "nodev"] {
                let opposite = &o[2..];
                if !m.options.iter().any(|x| x == o || x == opposite) {
                    m.options.push(o.to_string());
                }
            }
        }
        _ => {
            if !m.options.iter().any(|o| o == "bind" || o == "rbind") {
                m.options.push("rbind".into());
            }
        }
    }
    if !m.options.iter().any(|o| is_propagation(o)) {
        m.options.push("rprivate".into());
    }
    m
}

/// `-v [SRC:]DEST[:OPTS]`. A SRC starting with `/` or `.` is a host path (relative ones are
/// taken from `cwd`); anything else names a volume; no SRC is an anonymous volume.
pub fn parse_volume(arg: &str, cwd: &Path) -> Result<UserMount> {
    let parts: Vec<&str> = arg.split(':').collect();
    let (src, dest, opts) = match parts.as_slice() {
        [d] => ("", *d, ""),
        [s, d] => (*s, *d, ""),
        [s, d, o] => (*s, *d, *o),
        _ => {
            return Err(Error::usage(format!("incorrect volume format {arg:?}, should be [host-dir:]ctr-dir[:option]")))
        }
    };
    if dest.is_empty() {
        return Err(Error::usage(format!("incorrect volume format {arg:?}, should be [host-dir:]ctr-dir[:option]")));
    }
    let dest = clean_destination(dest)?;
    let source = if src.is_empty() {
        MountSource::Volume(String::new())
    } else if src.starts_with('/') || src.starts_with('.') {
        MountSource::Host(absolute_host(src, cwd))
    } else if valid_volume_name(src) {
        MountSource::Volume(src.to_string())
    } else {
        return Err(Error::usage(format!(
            "{src:?} includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed: invalid argument"
        )));
    };
    let mut m = UserMount::new(source, &dest);
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        apply_option(&mut m, o)?;
    }
    Ok(finish(m))
}

/// `--tmpfs DEST[:OPTS]`.
pub fn parse_tmpfs(arg: &str) -> Result<UserMount> {
    let (dest, opts) = arg.split_once(':').unwrap_or((arg, ""));
    let mut m = UserMount::new(MountSource::Tmpfs, &clean_destination(dest)?);
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        apply_option(&mut m, o)?;
    }
    Ok(finish(m))
}

fn parse_bool(key: &str, value: Option<&str>) -> Result<bool> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("true") | Some("1") => Ok(true),
        Some("false") | Some("0") => Ok(false),
        Some(_) => Err(Error::usage(format!("{key} must be true or false: invalid mount option"))),
    }
}

/// `--mount type=bind|volume|tmpfs,KEY[=VALUE],...` with podman's keys.
pub fn parse_mount(arg: &str, cwd: &Path) -> Result<UserMount> {
    let mut kind = "volume".to_string();
    let mut pairs = Vec::new();
    for field in arg.split(',').filter(|f| !f.is_empty()) {
        let (k, v) = match field.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (field, None),
        };
        if k == "type" {
            kind = v.unwrap_or_default().to_string();
        } else {
            pairs.push((k, v));
        }
    }
    let needs = |k: &str, v: Option<&str>| -> Result<String> {
        v.filter(|v| !v.is_empty())
            .map(str::to_string)
            .ok_or_else(|| Error::usage(format!("{k}: must provide an argument for option")))
    };
    let mut source: Option<String> = None;
    let mut dest: Option<String> = None;
    let mut opts: Vec<String> = Vec::new();
    let mut chown = false;
    let mut nocopy = false;
    for (k, v) in pairs {
        match k {
            "source" | "src" => source = Some(needs(k, v)?),
            "target" | "dst" | "destination" => dest = Some(needs(k, v)?),
            "ro" | "readonly" => {
                if parse_bool(k, v)? {
                    opts.push("ro".into());
                } else {
                    opts.push("rw".into());
                }
            }
            "rw" => opts.push(if parse_bool(k, v)? { "rw" } else { "ro" }.into()),
            "U" | "chown" => chown = parse_bool(k, v)?,
            "bind-propagation" if kind == "bind" => opts.push(needs(k, v)?),
            "bind-nonrecursive" if kind == "bind" => {
                if parse_bool(k, v)? {
                    opts.push("bind".into());
                }
            }
            "relabel" if kind != "tmpfs" => match v {
                Some("private") => opts.push("Z".into()),
                Some("shared") => opts.push("z".into()),
                _ => {
                    return Err(Error::usage(
                        "relabel mount option must be 'private' or 'shared': invalid mount option",
                    ))
                }
            },
            "z" | "Z" if kind != "tmpfs" => opts.push(k.into()),
            "tmpfs-size" if kind == "tmpfs" => opts.push(format!("size={}", needs(k, v)?)),
            "tmpfs-mode" if kind == "tmpfs" => opts.push(format!("mode={}", needs(k, v)?)),
            "tmpcopyup" | "notmpcopyup" if kind == "tmpfs" => opts.push(k.into()),
            "nocopy" | "volume-nocopy" if kind == "volume" => nocopy = parse_bool(k, v)?,
            "suid" | "nosuid" | "dev" | "nodev" | "exec" | "noexec" => opts.push(k.into()),
            "consistency" => {}
            other => return Err(Error::usage(format!("{other:?}: invalid mount option"))),
        }
    }
    let dest = dest.ok_or_else(|| Error::usage("must set volume destination"))?;
    let dest = clean_destination(&dest)?;
    let src = match kind.as_str() {
        "bind" => {
            let s = source.ok_or_else(|| Error::usage("must set source for a bind mount: must set volume source"))?;
            MountSource::Host(absolute_host(&s, cwd))
        }
        "volume" => match source {
            Some(n) if !valid_volume_name(&n) => {
                return Err(Error::usage(format!(
                    "{n:?} includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed: invalid argument"
                )))
            }
            n => MountSource::Volume(n.unwrap_or_default()),
        },
        "tmpfs" => {
            if source.is_some() {
                return Err(Error::usage("source is not supported with tmpfs mounts: invalid mount option"));
            }
            MountSource::Tmpfs
        }
        "image" | "devpts" | "glob" | "ramfs" => {
            return Err(Error::usage(format!("mount type {kind:?} is not supported by this version of burrow")))
        }
        other => return Err(Error::usage(format!("invalid filesystem type {other:?}"))),
    };
    let mut m = UserMount::new(src, &dest);
    for o in &opts {
        apply_option(&mut m, o)?;
    }
    m.chown = chown;
    m.nocopy = nocopy;
    Ok(finish(m))
}

/// Two mounts on one destination are refused, as podman does.
pub fn check_duplicates(mounts: &[UserMount]) -> Result<()> {
    for (i, m) in mounts.iter().enumerate() {
        if mounts[..i].iter().any(|o| o.destination == m.destination) {
            return Err(Error::usage(format!("{}: duplicate mount destination", m.destination)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cwd() -> &'static Path {
        Path::new("/home/u/proj")
    }

    #[test]
    fn bind_defaults_and_options() {
        let m = parse_volume("/src:/dst", cwd()).unwrap();
        assert_eq!(m.source, MountSource::Host("/src".into()));
        assert_eq!(m.options, ["rw", "rbind", "rprivate"]);
        let m = parse_volume("./a/../b:/x/./y:ro,Z,U,bind,rslave", cwd()).unwrap();
        assert_eq!(m.source, MountSource::Host("/home/u/proj/b".into()));
        assert_eq!(m.destination, "/x/y");
        assert!(m.chown && m.read_only());
        assert_eq!(m.propagation(), "rslave");
        assert_eq!(m.options, ["ro", "Z", "bind", "rslave"]);
        assert!(parse_volume("/a:/b:O", cwd()).unwrap().overlay);
    }

    #[test]
    fn volumes_and_anonymous() {
        let m = parse_volume("data:/var/lib/db:nocopy", cwd()).unwrap();
        assert_eq!(m.source, MountSource::Volume("data".into()));
        assert!(m.nocopy);
        assert_eq!(parse_volume("/cache", cwd()).unwrap().source, MountSource::Volume(String::new()));
        assert!(parse_volume("data:/x:O", cwd()).is_err());
    }

    #[test]
    fn bad_volume_input() {
        let e = parse_volume("/a:/b:bogus", cwd()).unwrap_err().to_string();
        assert_eq!(e, "unknown mount option \"bogus\": invalid mount option");
        assert!(parse_volume("/a:rel", cwd()).unwrap_err().to_string().contains("must be an absolute path"));
        assert!(parse_volume("/a:/b:ro:x", cwd()).unwrap_err().to_string().contains("incorrect volume format"));
        assert!(parse_volume("/a:/b:ro,rw", cwd()).is_err());
        assert!(parse_volume("b@d:/x", cwd()).is_err());
    }

    #[test]
    fn tmpfs_flags() {
        let m = parse_tmpfs("/scratch:size=10m,mode=0700").unwrap();
        assert_eq!(m.source, MountSource::Tmpfs);
        assert_eq!(m.options, ["size=10m", "mode=0700", "rw", "tmpcopyup", "noexec", "nosuid", "nodev", "rprivate"]);
        let m = parse_tmpfs("/t:notmpcopyup").unwrap();
        assert!(!m.options.iter().any(|o| o.contains("tmpcopyup")), "notmpcopyup: no copy, and not passed on");
        let m = parse_mount("type=tmpfs,dst=/t,tmpcopyup,notmpcopyup", cwd()).unwrap();
        assert!(!m.options.iter().any(|o| o.contains("tmpcopyup")), "the last one wins");
        let m = parse_tmpfs("/t:exec").unwrap();
        assert!(!m.options.contains(&"noexec".to_string()));
        assert!(parse_tmpfs("/t:bogus").is_err());
        assert!(parse_tmpfs("t").is_err());
    }

    #[test]
    fn mount_flag() {
        let m = parse_mount("type=bind,src=/h,target=/c,readonly,bind-propagation=shared,U=true", cwd()).unwrap();
        assert_eq!(m.source, MountSource::Host("/h".into()));
        assert!(m.read_only() && m.chown);
        assert_eq!(m.propagation(), "shared");
        let m = parse_mount("type=tmpfs,dst=/t,tmpfs-size=1m,tmpfs-mode=1700", cwd()).unwrap();
        assert!(m.options.contains(&"size=1m".to_string()) && m.options.contains(&"mode=1700".to_string()));
        let m = parse_mount("type=volume,source=v1,target=/data,volume-nocopy", cwd()).unwrap();
        assert_eq!(m.source, MountSource::Volume("v1".into()));
        assert!(m.nocopy);
        assert!(parse_mount("type=bind,target=/c", cwd()).is_err());
        assert!(parse_mount("type=bind,src=/h", cwd()).is_err());
        assert_eq!(
            parse_mount("type=bind,src=/h,dst=/c,foo=bar", cwd()).unwrap_err().to_string(),
            "\"foo\": invalid mount option"
        );
        assert!(parse_mount("type=nfs,dst=/c", cwd()).unwrap_err().to_string().contains("invalid filesystem type"));
    }

    #[test]
    fn duplicates() {
        let a = parse_volume("/a:/x", cwd()).unwrap();
        let b = parse_tmpfs("/x/").unwrap();
        assert!(check_duplicates(&[a.clone(), b]).is_err());
        assert!(check_duplicates(&[a]).is_ok());
    }
}
