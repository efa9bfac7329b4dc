//! Container verbs. Records live in the `containers` table; each start spawns a monitor
//! (monitor/) whose runtime files `sync` folds back into the record on the next read.

pub mod attach;
pub mod cp;
pub mod create;
pub mod exec;
pub mod list;
pub mod logs;
pub mod mount_plan;
pub mod mounts;
pub mod procs;
pub mod start;
pub mod stop;
pub mod sync;
pub mod userns;

use crate::error::{Error, Result};
use crate::storage::containers::{self, ContainerRow};

use super::Engine;

/// podman's message for an unknown container.
pub fn no_such(name: &str) -> Error {
    Error::NotFound(format!("no container with name or ID \"{name}\" found: no such container"))
}

/// Finds a container by full name, full id, or unique id prefix (podman's order).
pub fn lookup<'a>(all: &'a [ContainerRow], name: &str) -> Result<&'a ContainerRow> {
    if let Some(c) = all.iter().find(|c| c.name == name || c.id == name) {
        return Ok(c);
    }
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_hexdigit()) {
        let mut m = all.iter().filter(|c| c.id.starts_with(name));
        if let Some(first) = m.next() {
            if m.next().is_some() {
                return Err(Error::Conflict {
                    msg: format!("more than one result for container \"{name}\": container already exists"),
                    hint: Some("give more characters of the id, or the name".into()),
                });
            }
            return Ok(first);
        }
    }
    Err(no_such(name))
}

impl Engine {
    /// All containers, with the state of running ones brought up to date.
    pub fn containers(&mut self) -> Result<Vec<ContainerRow>> {
        let rows = containers::all(self.store.db.conn())?;
        self.sync_all(rows)
    }

    pub fn container(&mut self, name: &str) -> Result<ContainerRow> {
        let all = self.containers()?;
        lookup(&all, name).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::containers::State;

    fn row(id: &str, name: &str) -> ContainerRow {
        ContainerRow {
            id: id.into(),
            name: name.into(),
            image_id: String::new(),
            image_name: String::new(),
            created: String::new(),
            config: vec![],
            state: State::Created,
            pid: 0,
            exit_code: 0,
            started_at: String::new(),
            finished_at: String::new(),
            error: String::new(),
            restarts: 0,
            run_id: 0,
        }
    }

    #[test]
    fn lookup_by_name_id_and_prefix() {
        let all = vec![row("abc123", "web"), row("abd456", "db")];
        assert_eq!(lookup(&all, "web").unwrap().id, "abc123");
        assert_eq!(lookup(&all, "abd").unwrap().name, "db");
        assert!(matches!(lookup(&all, "ab"), Err(Error::Conflict { .. })));
        assert!(matches!(lookup(&all, "nosuch"), Err(Error::NotFound(m)) if m.contains("no such container")));
    }
}
