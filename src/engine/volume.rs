//! Named and anonymous volumes: `volume create/ls/inspect/rm/prune/exists`, and the
//! get-or-create a container's `-v NAME:/path` does. Content is `<store>/volumes/<name>/_data`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{json, Value};

use super::container::list::stored;
use super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::storage::containers;
use crate::storage::volumes::{self, VolumeRow};

/// `volume create` as given.
#[derive(Debug, Clone, Default)]
pub struct VolumeCreateOptions {
    pub name: Option<String>,
    pub labels: Vec<String>,
    pub opts: Vec<String>,
    pub ignore: bool,
}

/// `--opt` keys of the local driver (podman's).
const LOCAL_OPTS: &[&str] = &["type", "o", "device", "size", "inodes", "copy", "nocopy"];

fn no_such_volume(name: &str) -> Error {
    Error::NotFound(format!("no volume with name \"{name}\" found: no such volume"))
}

fn pairs(list: &[String]) -> BTreeMap<String, String> {
    list.iter()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// The local driver's `--opt`s burrow applies: `type=tmpfs` (with `o=` as tmpfs mount
/// options: size, mode, uid, gid, nr_inodes ...) and, for a directory volume, `o=uid=,gid=`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LocalOptions {
    pub tmpfs: bool,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    /// `o=` split at commas (tmpfs mount data).
    pub mount_options: Vec<String>,
}

impl LocalOptions {
    pub fn parse(opts: &BTreeMap<String, String>) -> Result<LocalOptions> {
        let mut l = LocalOptions::default();
        match opts.get("type").map(String::as_str) {
            None | Some("") => {}
            Some("tmpfs") => l.tmpfs = true,
            Some(t) => {
                return Err(Error::usage_hint(
                    format!("volume type {t:?} can't be mounted without root privileges"),
                    "rootless volumes are directories, or type=tmpfs",
                ))
            }
        }
        if let Some(d) = opts.get("device").filter(|d| !d.is_empty() && (!l.tmpfs || *d != "tmpfs")) {
            return Err(Error::usage_hint(
                format!("volume device {d:?} can't be mounted without root privileges"),
                "rootless volumes are directories, or type=tmpfs (device=tmpfs)",
            ));
        }
        for o in opts.get("o").map(String::as_str).unwrap_or("").split(',').filter(|o| !o.is_empty()) {
            let (k, v) = o.split_once('=').unwrap_or((o, ""));
            let id = || {
                v.parse::<u32>().map_err(|_| Error::usage(format!("invalid volume option {o:?}: {k} must be a number")))
            };
            match k {
                "uid" => l.uid = Some(id()?),
                "gid" => l.gid = Some(id()?),
                _ if l.tmpfs => {}
                "nocopy" | "copy" => {}
                _ => {
                    return Err(Error::usage_hint(
                        format!("invalid volume option {o:?} for a directory volume: only uid and gid apply"),
                        "size, mode and other mount options need --opt type=tmpfs",
                    ))
                }
            }
            l.mount_options.push(o.to_string());
        }
        Ok(l)
    }
}

impl Engine {
    /// The applied `--opt`s of a volume (records written before they were checked parse
    /// leniently: anything unreadable counts as none).
    pub fn volume_local_options(&self, name: &str) -> LocalOptions {
        volumes::get(self.store.db.conn(), name)
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_str::<BTreeMap<String, String>>(&v.options).ok())
            .and_then(|o| LocalOptions::parse(&o).ok())
            .unwrap_or_default()
    }

    pub fn volume_data(&self, name: &str) -> PathBuf {
        self.store.paths.volume(name).join("_data")
    }

    fn insert_volume(&mut self, row: &VolumeRow) -> Result<()> {
        let data = self.volume_data(&row.name);
        std::fs::create_dir_all(&data).ctx(|| format!("creating {}", data.display()))?;
        let r = self.store.db.write("creating the volume", |tx| volumes::insert(tx, row));
        if r.is_err() {
            let _ = crate::storage::remove_tree(&self.store.paths.volume(&row.name));
        }
        r
    }

    pub fn create_volume(&mut self, o: &VolumeCreateOptions) -> Result<VolumeRow> {
        let name = match &o.name {
            Some(n) if !super::container::mounts::valid_volume_name(n) => {
                return Err(Error::usage(format!(
                    "{n:?} includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed: invalid argument"
                )))
            }
            Some(n) => n.clone(),
            None => super::container::create::random_hex(32),
        };
        if let Some(existing) = volumes::get(self.store.db.conn(), &name)? {
            if o.ignore {
                return Ok(existing);
            }
            return Err(Error::Conflict {
                msg: format!("volume with name {name} already exists: volume already exists"),
                hint: Some("use --ignore to keep the existing volume, or choose another name".into()),
            });
        }
        let opts = pairs(&o.opts);
        for k in opts.keys() {
            if !LOCAL_OPTS.contains(&k.as_str()) {
                return Err(Error::usage(format!("invalid mount option {k} for driver 'local': invalid argument")));
            }
        }
        let local = LocalOptions::parse(&opts)?;
        let row = VolumeRow {
            name,
            created: super::load::now_rfc3339(),
            labels: serde_json::to_string(&pairs(&o.labels)).map_err(Error::other)?,
            options: serde_json::to_string(&opts).map_err(Error::other)?,
            anonymous: false,
        };
        self.insert_volume(&row)?;
        if !local.tmpfs && (local.uid.is_some() || local.gid.is_some()) {
            // `o=uid=,gid=` on a directory volume: it belongs to those ids (of the user
            // namespace, as a container sees them).
            let data = self.volume_data(&row.name);
            if let Err(e) = std::os::unix::fs::chown(&data, local.uid, local.gid) {
                let _ = self.store.db.write("removing the volume", |tx| volumes::delete(tx, &row.name));
                let _ = crate::storage::remove_tree(&self.store.paths.volume(&row.name));
                return Err(Error::usage(format!(
                    "chowning volume {} to {}:{}: {} (the ids must exist in your user namespace: subordinate ids from /etc/subuid)",
                    row.name,
                    local.uid.map_or("-".into(), |u| u.to_string()),
                    local.gid.map_or("-".into(), |g| g.to_string()),
                    crate::error::errno_text(&e)
                )));
            }
        }
        Ok(row)
    }

    /// A container's `-v NAME:/path`: the named volume, created on first use; an anonymous
    /// one is always new. Returns its `_data` directory.
    pub(super) fn volume_for_mount(&mut self, name: &str, anonymous: bool) -> Result<PathBuf> {
        if volumes::get(self.store.db.conn(), name)?.is_none() {
            let row = VolumeRow {
                name: name.to_string(),
                created: super::load::now_rfc3339(),
                labels: "{}".into(),
                options: "{}".into(),
                anonymous,
            };
            self.insert_volume(&row)?;
        }
        Ok(self.volume_data(name))
    }

    pub fn volume(&self, name: &str) -> Result<VolumeRow> {
        volumes::get(self.store.db.conn(), name)?.ok_or_else(|| no_such_volume(name))
    }

    pub fn volumes(&self) -> Result<Vec<VolumeRow>> {
        volumes::all(self.store.db.conn())
    }

    /// Names (ids) of the containers whose mounts use the volume.
    pub fn volume_users(&self, name: &str) -> Result<Vec<String>> {
        let all = containers::all(self.store.db.conn())?;
        Ok(all
            .iter()
            .filter(|c| stored(c).mounts.iter().any(|m| m.kind == "volume" && m.name == name))
            .map(|c| c.id.clone())
            .collect())
    }

    pub fn volume_json(&self, v: &VolumeRow) -> Value {
        let labels: Value = serde_json::from_str(&v.labels).unwrap_or_else(|_| json!({}));
        let options: Value = serde_json::from_str(&v.options).unwrap_or_else(|_| json!({}));
        json!({
            "Name": v.name,
            "Driver": "local",
            "Mountpoint": self.volume_data(&v.name),
            "CreatedAt": super::container::list::go_time(&v.created),
            "Labels": labels,
            "Scope": "local",
            "Options": options,
            "MountCount": 0,
            "NeedsCopyUp": !self.store.paths.volume(&v.name).join(crate::runtime::init::COPIED_UP).exists(),
            "NeedsChown": true,
            "Anonymous": v.anonymous,
        })
    }

    /// `volume rm [-f] NAME`: a volume in use needs `-f`, which removes its containers.
    pub fn remove_volume(&mut self, name: &str, force: bool) -> Result<()> {
        let v = self.volume(name)?;
        let users = self.volume_users(&v.name)?;
        if !users.is_empty() {
            if !force {
                return Err(Error::Conflict {
                    msg: format!(
                        "volume {} is being used by the following container(s): {}: volume is being used",
                        v.name,
                        users.join(", ")
                    ),
                    hint: Some("remove the containers first, or use volume rm -f".into()),
                });
            }
            for c in users {
                self.remove_container(&c, true, false)?;
            }
        }
        self.store.db.write("removing the volume", |tx| volumes::delete(tx, &v.name))?;
        crate::storage::remove_tree(&self.store.paths.volume(&v.name))
    }

    /// `volume prune`: every volume no container uses. Returns the removed names.
    pub fn prune_volumes(&mut self) -> Result<Vec<String>> {
        let mut removed = Vec::new();
        for v in self.volumes()? {
            if self.volume_users(&v.name)?.is_empty() {
                self.remove_volume(&v.name, false)?;
                removed.push(v.name);
            }
        }
        Ok(removed)
    }

    /// `volume export`: the volume's content as a tar, walked through fds like `cp`.
    pub fn export_volume(&self, name: &str, out: impl std::io::Write) -> Result<()> {
        let v = self.volume(name)?;
        let data = self.volume_data(&v.name);
        let dir = std::fs::File::open(&data).ctx(|| format!("opening {}", data.display()))?;
        let mut b = tar::Builder::new(out);
        crate::runtime::fdcopy::tar_dir(&mut b, &dir.into(), std::path::Path::new(""), &crate::runtime::fdcopy::same_owners)
            .and_then(|_| b.finish())
            .map_err(|e| Error::io(format!("exporting volume {}", v.name), e))
    }

    /// `volume import`: a tar unpacked into the volume by the layer extractor (nothing in
    /// the archive can reach outside the volume).
    pub fn import_volume(&self, name: &str, input: impl std::io::Read) -> Result<()> {
        let v = self.volume(name)?;
        let opts = crate::storage::extract::ExtractOptions {
            user_xattrs: self.store.rootless,
            skip_devices: self.store.rootless,
            ignore_chown_errors: true,
            id_maps: None,
        };
        crate::storage::extract::extract_layer(input, &self.volume_data(&v.name), &opts)
            .map_err(|e| Error::usage(format!("importing into volume {}: {e}", v.name)))?;
        Ok(())
    }

    /// `rm -v`: the container's anonymous volumes that no other container uses.
    pub(super) fn remove_anonymous_volumes(&mut self, mounts: &[super::container::mount_plan::MountRecord]) {
        for m in mounts.iter().filter(|m| m.kind == "volume" && m.anonymous) {
            if self.volume_users(&m.name).map(|u| u.is_empty()).unwrap_or(false) {
                let _ = self.remove_volume(&m.name, false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(list: &[&str]) -> Result<LocalOptions> {
        LocalOptions::parse(&pairs(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>()))
    }

    #[test]
    fn local_options() {
        assert_eq!(parse(&[]).unwrap(), LocalOptions::default());
        let t = parse(&["type=tmpfs", "device=tmpfs", "o=size=2m,uid=1000,mode=0700"]).unwrap();
        assert!(t.tmpfs);
        assert_eq!(t.uid, Some(1000));
        assert_eq!(t.mount_options, vec!["size=2m", "uid=1000", "mode=0700"]);
        let d = parse(&["o=uid=5,gid=6"]).unwrap();
        assert_eq!((d.tmpfs, d.uid, d.gid), (false, Some(5), Some(6)));
        assert!(parse(&["o=size=2m"]).unwrap_err().to_string().contains("only uid and gid"));
        assert!(parse(&["o=uid=x"]).unwrap_err().to_string().contains("must be a number"));
        assert!(parse(&["type=ext4", "device=/dev/sda1"]).unwrap_err().to_string().contains("root privileges"));
    }
}
