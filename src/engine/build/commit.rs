//! `commit` (a container's changes become a new image layer) and `export` (a container's
//! whole filesystem as a tar), built from the same pieces as RUN steps.

use std::io::Write;

use super::copy::{CopyPlan, Overrides, SourceTree};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::images::config::{apply_change, History};
use crate::images::reference::Reference;
use crate::storage::db;

#[derive(Debug, Clone, Default)]
pub struct CommitOptions {
    pub container: String,
    pub name: Option<String>,
    pub changes: Vec<String>,
    pub message: Option<String>,
    pub author: Option<String>,
    pub docker_format: bool,
}

impl Engine {
    /// Commits a container's upper dir as a new layer on its image; returns the image id.
    pub fn commit_container(&mut self, opts: &CommitOptions) -> Result<String> {
        let name = match &opts.name {
            Some(n) => Some(Reference::parse_local(n).map_err(|e| Error::usage(format!("{n}: {e}")))?.to_string()),
            None => None,
        };
        let c = self.container(&opts.container)?;
        let mut st =
            self.load_state(&c.image_id)?.ok_or_else(|| Error::NotFound(format!("{}: image not known", c.image_id)))?;
        for ch in &opts.changes {
            apply_change(&mut st.cfg.config, ch).map_err(Error::usage)?;
        }
        if let Some(a) = &opts.author {
            st.cfg.author = Some(a.clone());
        }
        let upper = self.store.paths.container(&c.id).join("upper");
        let below = self.state_tree(&st);
        let parent = st.layers.last().cloned();
        let copy = self.is_vfs_copy(&c.id);
        let back = self.owners_back(&c.id);
        let staged = self.stage_build_layer(parent.as_deref(), "commit", |w| {
            let skip = |rel: &str, meta: &std::fs::Metadata| super::steps::runtime_artifact(&below, rel, meta);
            if copy {
                super::layer::write_copy_tar(&upper, &below, w, &skip)
            } else {
                super::layer::write_upper_tar(&upper, w, &skip, &|u, g| back.owner(u, g))
            }
        })?;
        let h = History {
            created_by: Some(c.image_name.clone()),
            author: opts.author.clone(),
            comment: opts.message.clone(),
            ..Default::default()
        };
        self.commit_state(&mut st, Some(staged), Some(h), None, opts.docker_format)?;
        let id = st.image_id.clone();
        if let Some(n) = name {
            self.store.db.write("tagging the image", |tx| db::set_name(tx, &n, &id))?;
        }
        Ok(id)
    }

    /// Whether the container's upper dir is a whole copy of its root (the vfs backend) rather
    /// than an overlay diff.
    pub(crate) fn is_vfs_copy(&self, id: &str) -> bool {
        let rt: Option<crate::runtime::RuntimeConfig> =
            crate::monitor::files::read_json(&self.store.paths.container(id).join("runtime.json"));
        rt.is_some_and(|r| r.rootfs.driver == "vfs")
    }

    /// Writes a container's filesystem (image layers and its own changes) as a tar.
    pub fn export_container(&mut self, container: &str, out: &mut dyn Write) -> Result<()> {
        let c = self.container(container)?;
        let st =
            self.load_state(&c.image_id)?.ok_or_else(|| Error::NotFound(format!("{}: image not known", c.image_id)))?;
        let mut roots = vec![self.store.paths.container(&c.id).join("upper")];
        let back = self.owners_back(&c.id);
        // A vfs copy is the whole root already (and what it deleted must not show through).
        if !self.is_vfs_copy(&c.id) {
            match &back.lowers {
                // In a user namespace of its own, the container's lower layer is the image's
                // copy with the same mapped owners as its upper dir.
                Some(lowers) => roots.extend(lowers.iter().cloned()),
                None => roots.extend(st.layers.iter().rev().map(|l| self.store.layer_diff(l))),
            }
        }
        let tree = SourceTree::layers(roots);
        let root = tree.find(&[]).ok_or_else(|| Error::other("the container has no root filesystem"))?;
        let mut plan = CopyPlan::default();
        plan.add_tree(&tree, &root, "", Overrides::default(), true)?;
        plan.entries.remove("");
        if back.maps.is_some() {
            // (The entries' owners are the files' own, 32-bit on disk.)
            for e in plan.entries.values_mut() {
                let (u, g) = back.owner(e.uid as u32, e.gid as u32);
                (e.uid, e.gid) = (u.into(), g.into());
            }
        }
        plan.write_tar(out)
    }

    /// How a container's files' owners on disk map back to the ids the container sees
    /// (its user namespace's maps, from runtime.json; none without one of its own).
    pub(crate) fn owners_back(&self, id: &str) -> OwnersBack {
        let rt: Option<crate::runtime::RuntimeConfig> =
            crate::monitor::files::read_json(&self.store.paths.container(id).join("runtime.json"));
        match rt {
            Some(r) => match r.userns {
                Some(u) => OwnersBack { maps: Some((u.uid_map, u.gid_map)), lowers: Some(r.rootfs.lowers) },
                None => OwnersBack::default(),
            },
            None => OwnersBack::default(),
        }
    }
}

/// A container's own user namespace, seen from the files it wrote: its uid and gid maps
/// (container id -> id in burrow's namespace) and its lower layers (the mapped copy).
#[derive(Default)]
pub(crate) struct OwnersBack {
    pub maps: Option<(Vec<crate::userns::IdMap>, Vec<crate::userns::IdMap>)>,
    pub lowers: Option<Vec<std::path::PathBuf>>,
}

impl OwnersBack {
    /// The owner the container sees for a file owned by (uid, gid) on disk; an id outside
    /// its maps is the overflow id, as the kernel shows it inside.
    pub fn owner(&self, uid: u32, gid: u32) -> (u32, u32) {
        use crate::userns::mapping::to_container;
        match &self.maps {
            None => (uid, gid),
            Some((um, gm)) => (to_container(um, uid), to_container(gm, gid)),
        }
    }
}

#[cfg(test)]
mod owner_tests {
    use super::*;
    use crate::userns::mapping::to_container;
    use crate::userns::IdMap;

    #[test]
    fn owners_map_back_into_the_container() {
        // keep-id for uid 1000 in a namespace where the user's own id is 0: container 0..1000
        // from 1..1001, 1000 from 0, the rest above.
        let m = vec![
            IdMap { container_id: 0, host_id: 1, size: 1000 },
            IdMap { container_id: 1000, host_id: 0, size: 1 },
            IdMap { container_id: 1001, host_id: 1001, size: 64535 },
        ];
        assert_eq!(to_container(&m, 1), 0);
        assert_eq!(to_container(&m, 0), 1000);
        assert_eq!(to_container(&m, 5000), 5000);
        assert_eq!(to_container(&m, 70000), 65534, "outside the maps: the overflow id");
        let back = OwnersBack { maps: Some((m.clone(), m)), lowers: None };
        assert_eq!(back.owner(1, 0), (0, 1000));
        assert_eq!(OwnersBack::default().owner(1, 0), (1, 0));
    }
}
