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

impl Engine {
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
        let row = VolumeRow {
            name,
            created: super::load::now_rfc3339(),
            labels: serde_json::to_string(&pairs(&o.labels)).map_err(Error::other)?,
            options: serde_json::to_string(&opts).map_err(Error::other)?,
            anonymous: false,
        };
        self.insert_volume(&row)?;
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
            "NeedsCopyUp": true,
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
        crate::runtime::fdcopy::tar_dir(&mut b, &dir.into(), std::path::Path::new(""))
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
