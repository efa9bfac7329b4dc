//! Everything under the store: metadata (SQLite), the store lock, layer directories.
//!
//! Crash safety: a layer is extracted under `layers/.tmp-<id>-<pid>` and renamed into
//! place; its record and the image's are committed in one transaction after that. Whatever
//! an interrupted command left behind (temp names whose pid is dead) is removed by the next
//! command that takes the lock ([`Store::lock`]), so readers never see a partial image.

pub mod blobs;
pub mod config;
pub mod containers;
pub mod db;
pub mod extract;
pub mod idmapped;
pub mod flatten;
pub mod lock;
pub mod paths;
pub mod rootfs;
pub mod volumes;

use std::path::{Path, PathBuf};

use crate::error::{IoContext, Result};
pub use db::{Db, ImageRow, LayerRow};
pub use lock::StoreLock;
pub use paths::StorePaths;

/// The graph drivers burrow knows (`--storage-driver`).
pub const DRIVERS: &[&str] = &["overlay", "vfs"];

pub struct Store {
    pub paths: StorePaths,
    pub db: Db,
    /// Running without real root: inside our user namespace.
    pub rootless: bool,
    pub driver: String,
    /// storage.conf with `--storage-opt` applied (the overlay mount_program).
    pub conf: config::StorageConf,
}

impl Store {
    pub fn open(paths: StorePaths, rootless: bool, driver: String) -> Result<Store> {
        paths.ensure()?;
        let db = Db::open(&paths.db())?;
        Ok(Store { paths, db, rootless, driver, conf: config::StorageConf::default() })
    }

    /// Takes the store lock for a layer/image mutation and repairs what an interrupted
    /// command left (temp dirs, layers without records, records without images).
    pub fn lock(&mut self) -> Result<StoreLock> {
        let lock = StoreLock::acquire(&self.paths.lock(), lock::timeout_from_env())?;
        self.repair()?;
        Ok(lock)
    }

    fn repair(&mut self) -> Result<()> {
        empty_dir(&self.paths.tmp())?;
        let orphans = db::unreferenced_layers(self.db.conn())?;
        if !orphans.is_empty() {
            self.db.write("removing unreferenced layers", |tx| {
                for id in &orphans {
                    tx.execute("DELETE FROM layers WHERE id = ?1", [id])
                        .map_err(|e| crate::error::Error::db("removing a layer record", e))?;
                }
                Ok(())
            })?;
        }
        let known: std::collections::HashSet<String> = self.db.layer_ids()?.into_iter().collect();
        let layers = self.paths.layers();
        let entries = std::fs::read_dir(&layers).ctx(|| format!("reading {}", layers.display()))?;
        for entry in entries {
            let entry = entry.ctx(|| format!("reading {}", layers.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            // Layers are staged outside the lock (pull), so a staging dir is garbage only
            // when the process that named it is gone.
            let garbage = match blobs::temp_owner(&name) {
                Some(pid) => !blobs::pid_alive(pid),
                None => name.starts_with(".tmp-") || !known.contains(&name),
            };
            if garbage {
                remove_tree(&entry.path())?;
            }
        }
        blobs::remove_dead_temps(&self.paths)?;
        Ok(())
    }

    pub fn commit_layer_dir(&self, staged: &Path, id: &str) -> Result<()> {
        let dest = self.paths.layer(id);
        std::fs::rename(staged, &dest).ctx(|| format!("moving layer into {}", dest.display()))
    }

    /// Removes a kept blob no layer record names any more, under its fetch lock so that a
    /// pull reusing it right now is not cut short.
    pub fn remove_blob_if_unused(&self, digest: &str) -> Result<()> {
        let _fetch = self.paths.lock_blob(digest)?;
        if self.db.blob_in_use(digest)? {
            return Ok(());
        }
        let p = self.paths.blob(digest);
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(crate::error::Error::io(format!("removing {}", p.display()), e))
            }
            _ => Ok(()),
        }
    }

    pub fn layer_diff(&self, id: &str) -> PathBuf {
        self.paths.layer(id).join("diff")
    }

    /// Removes a layer directory: renamed to a temp name first so a crash half-way leaves
    /// something [`Store::lock`] recognises as garbage, never a half-empty layer.
    pub fn remove_layer_dir(&self, id: &str) -> Result<()> {
        let dir = self.paths.layer(id);
        if !dir.exists() {
            return Ok(());
        }
        let trash = self.paths.layers().join(format!(".tmp-rm-{}-{}", id, std::process::id()));
        std::fs::rename(&dir, &trash).ctx(|| format!("removing {}", dir.display()))?;
        remove_tree(&trash)
    }
}

/// Removes a directory tree, first making directories writable: image content has
/// read-only directories (e.g. a 0555 /proc) that would otherwise stop the removal when
/// we lack CAP_DAC_OVERRIDE.
pub fn remove_tree(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(_) => {}
    }
    make_dirs_writable(path);
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(crate::error::Error::io(format!("removing {}", path.display()), e)),
    }
}

fn make_dirs_writable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else { return };
    if !meta.is_dir() {
        return;
    }
    let mode = meta.permissions().mode();
    if mode & 0o700 != 0o700 {
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode | 0o700));
    }
    if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            make_dirs_writable(&e.path());
        }
    }
}

fn empty_dir(dir: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(crate::error::Error::io(format!("reading {}", dir.display()), e)),
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            remove_tree(&p)?;
        } else {
            std::fs::remove_file(&p).ctx(|| format!("removing {}", p.display()))?;
        }
    }
    Ok(())
}
