//! The user's `-v`, `--mount` and `--tmpfs` made real for one container: bind sources are
//! checked (podman's `statfs` error when missing), volumes are created on first use, `:O`
//! gets a throw-away upper in the container's directory; the result is the spec's mounts
//! and the records `inspect` shows.

use std::path::Path;

use oci_spec::runtime::{Mount, MountBuilder};
use serde::{Deserialize, Serialize};

use super::super::Engine;
use super::create::CreateOptions;
use super::mounts::{check_duplicates, parse_mount, parse_tmpfs, parse_volume, MountSource, UserMount};
use crate::error::{Error, IoContext, Result};

/// A mount as `inspect` reports it (podman's Mounts entries).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MountRecord {
    /// `bind`, `volume` or `tmpfs`.
    pub kind: String,
    /// The volume's name (empty for binds and tmpfs).
    pub name: String,
    /// True for a volume made for this container only (`-v /path`, the image's VOLUME).
    #[serde(default)]
    pub anonymous: bool,
    pub source: String,
    pub destination: String,
    pub options: Vec<String>,
    pub rw: bool,
    pub propagation: String,
}

impl MountRecord {
    /// podman's `inspect` entry: Options lists what isn't in RW or Propagation.
    pub fn inspect_json(&self) -> serde_json::Value {
        let options: Vec<&String> = self
            .options
            .iter()
            .filter(|o| !matches!(o.as_str(), "rw" | "ro") && *o != &self.propagation && !o.contains('='))
            .collect();
        serde_json::json!({
            "Type": self.kind,
            "Name": self.name,
            "Source": self.source,
            "Destination": self.destination,
            "Driver": if self.kind == "volume" { "local" } else { "" },
            "Mode": "",
            "Options": options,
            "RW": self.rw,
            "Propagation": if self.kind == "bind" { self.propagation.as_str() } else { "" },
        })
    }
}

/// podman's text for a failed stat: `statfs /x: no such file or directory`.
fn statfs_error(path: &Path, e: &std::io::Error) -> Error {
    Error::usage(format!("statfs {}: {}", path.display(), crate::error::errno_text(e)))
}

/// The user's mount requests in flag order: `-v`, then `--mount`, then `--tmpfs`.
pub fn parse_all(opts: &CreateOptions, cwd: &Path) -> Result<Vec<UserMount>> {
    let mut list = Vec::new();
    for v in &opts.volumes {
        list.push(parse_volume(v, cwd)?);
    }
    for m in &opts.mounts {
        list.push(parse_mount(m, cwd)?);
    }
    for t in &opts.tmpfs {
        list.push(parse_tmpfs(t)?);
    }
    check_duplicates(&list)?;
    Ok(list)
}

/// The image's VOLUMEs that no user mount covers: anonymous volumes, as podman makes them.
pub fn image_volumes(image: &crate::images::config::RunConfig, requests: &[UserMount]) -> Vec<UserMount> {
    let mut out = Vec::new();
    for dest in image.volumes.iter().flat_map(|v| v.keys()) {
        let Ok(m) = parse_volume(dest, Path::new("/")) else { continue };
        if !requests.iter().chain(out.iter()).any(|r: &UserMount| r.destination == m.destination) {
            out.push(m);
        }
    }
    out
}

fn spec_mount(destination: &str, kind: &str, source: &str, options: Vec<String>) -> Result<Mount> {
    MountBuilder::default()
        .destination(destination)
        .typ(kind)
        .source(source)
        .options(options)
        .build()
        .map_err(Error::other)
}

impl Engine {
    /// Checks and prepares every user mount of a container whose directory is `dir`.
    pub(super) fn plan_mounts(&mut self, requests: &[UserMount], dir: &Path) -> Result<(Vec<Mount>, Vec<MountRecord>)> {
        // Every bind source first, so that a bad one leaves no volume behind.
        for m in requests {
            if let MountSource::Host(path) = &m.source {
                std::fs::metadata(path).map_err(|e| statfs_error(path, &e))?;
            }
        }
        let mut spec = Vec::new();
        let mut records = Vec::new();
        for (n, m) in requests.iter().enumerate() {
            let mut options = m.options.clone();
            if m.chown {
                options.push("U".into());
            }
            let record = |kind: &str, name: &str, anonymous: bool, source: &str| MountRecord {
                kind: kind.into(),
                name: name.into(),
                anonymous,
                source: source.into(),
                destination: m.destination.clone(),
                options: m.options.clone(),
                rw: !m.read_only(),
                propagation: m.propagation().into(),
            };
            match &m.source {
                MountSource::Host(path) => {
                    let src = path.display().to_string();
                    if m.overlay {
                        spec.push(self.overlay_mount(m, path, &dir.join("overlay").join(n.to_string()))?);
                    } else {
                        spec.push(spec_mount(&m.destination, "bind", &src, options)?);
                    }
                    records.push(record("bind", "", false, &src));
                }
                MountSource::Tmpfs => {
                    spec.push(spec_mount(&m.destination, "tmpfs", "tmpfs", options)?);
                    records.push(record("tmpfs", "", false, "tmpfs"));
                }
                MountSource::Volume(name) => {
                    let (name, anonymous) = match name.as_str() {
                        "" => (super::create::random_hex(32), true),
                        n => (n.to_string(), false),
                    };
                    let data = self.volume_for_mount(&name, anonymous)?;
                    let local = self.volume_local_options(&name);
                    if local.tmpfs {
                        // `volume create --opt type=tmpfs`: a fresh tmpfs with the volume's
                        // `o=` options at every mount (podman mounts it on the host instead).
                        options.retain(|o| !matches!(o.as_str(), "bind" | "rbind" | "copyup"));
                        options.extend(local.mount_options);
                        spec.push(spec_mount(&m.destination, "tmpfs", "tmpfs", options)?);
                        records.push(record("volume", &name, anonymous, &data.display().to_string()));
                        continue;
                    }
                    if !m.nocopy {
                        options.push("copyup".into());
                    }
                    let src = data.display().to_string();
                    spec.push(spec_mount(&m.destination, "bind", &src, options)?);
                    records.push(record("volume", &name, anonymous, &src));
                }
            }
        }
        Ok((spec, records))
    }

    /// `:O`: the host directory as the lower layer of an overlay whose upper and work dirs
    /// live in the container's directory (removed with the container).
    fn overlay_mount(&self, m: &UserMount, lower: &Path, base: &Path) -> Result<Mount> {
        let lower_s = lower.display().to_string();
        if lower_s.contains([',', ':']) {
            return Err(Error::usage(format!(
                "overlay source {lower_s}: a path with ',' or ':' can't be an overlay layer"
            )));
        }
        let (upper, work) = (base.join("upper"), base.join("work"));
        for d in [&upper, &work] {
            std::fs::create_dir_all(d).ctx(|| format!("creating {}", d.display()))?;
        }
        let mut options = vec![
            format!("lowerdir={lower_s}"),
            format!("upperdir={}", upper.display()),
            format!("workdir={}", work.display()),
        ];
        if self.store.rootless {
            options.push("userxattr".into());
        }
        if m.read_only() {
            options.push("ro".into());
        }
        spec_mount(&m.destination, "overlay", "overlay", options)
    }
}
