//! The verbs: Options in, Report out. The engine is the only writer of records and the
//! only taker of the store lock; cmd/ translates flags into Options and prints Reports.

pub mod build;
pub mod container;
pub mod history;
pub mod images;
pub mod info;
pub mod load;
pub mod login;
pub mod network;
pub mod pull;
pub mod push;
pub mod save;
pub mod volume;

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::storage::{self, config::StorageConf, Store, StorePaths, DRIVERS};
use crate::userns::{self, Namespace};

/// Global flags every verb shares (`--root`, `--runroot`, `--storage-driver`).
#[derive(Debug, Clone, Default)]
pub struct GlobalOptions {
    pub root: Option<PathBuf>,
    pub runroot: Option<PathBuf>,
    pub storage_driver: Option<String>,
    /// Global `--storage-opt KEY=VALUE` flags (replace storage.conf's options).
    pub storage_opts: Vec<String>,
}

pub struct Engine {
    pub store: Store,
    /// Set when the command joined the user namespace (content-touching verbs).
    pub ns: Option<Namespace>,
}

impl GlobalOptions {
    pub fn paths(&self) -> Result<StorePaths> {
        StorePaths::resolve(self.root.clone(), self.runroot.clone(), userns::is_rootless())
    }

    pub fn driver(&self) -> Result<String> {
        Ok(self.storage()?.0)
    }

    /// The graph driver (`--storage-driver`, `$STORAGE_DRIVER`, storage.conf, else overlay)
    /// and storage.conf with the `--storage-opt` flags applied.
    pub fn storage(&self) -> Result<(String, StorageConf)> {
        let mut conf = storage::config::load(userns::is_rootless()).map_err(Error::usage)?;
        let d = self
            .storage_driver
            .clone()
            .or_else(|| std::env::var("STORAGE_DRIVER").ok().filter(|s| !s.is_empty()))
            .or_else(|| conf.driver.clone())
            .unwrap_or_else(|| "overlay".to_string());
        if !DRIVERS.contains(&d.as_str()) {
            return Err(Error::usage_hint(
                format!("unknown storage driver {d:?}"),
                format!("use one of: {}", DRIVERS.join(", ")),
            ));
        }
        storage::config::apply_storage_opts(&mut conf, &d, &self.storage_opts).map_err(Error::usage)?;
        if d != "overlay" {
            conf.mount_program = None;
        }
        if let Some(p) = &conf.mount_program {
            storage::config::check_mount_program(p).map_err(Error::usage)?;
        }
        Ok((d, conf))
    }
}

impl Engine {
    /// Opens the store without joining the user namespace: for verbs that only read or
    /// change records (`images`, `tag`, `inspect`), which keeps them fast.
    pub fn open(g: &GlobalOptions) -> Result<Engine> {
        let paths = g.paths()?;
        let (driver, conf) = g.storage()?;
        let mut store = Store::open(paths, userns::is_rootless(), driver)?;
        store.conf = conf;
        Ok(Engine { store, ns: None })
    }

    /// Joins (or creates) the user namespace first, then opens the store: for verbs that
    /// create or remove image content. Must run before any thread is started.
    pub fn open_in_userns(g: &GlobalOptions) -> Result<Engine> {
        let paths = g.paths()?;
        let (driver, conf) = g.storage()?;
        let ns = userns::enter(&paths)?;
        let mut store = Store::open(paths, userns::is_rootless(), driver)?;
        store.conf = conf;
        Ok(Engine { store, ns: Some(ns) })
    }
}
