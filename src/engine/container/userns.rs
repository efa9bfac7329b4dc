//! `--userns`, `--uidmap`, `--gidmap` for one container: the maps of its own user namespace
//! (written by the monitor, docs/userns.md), the `auto` range it holds, the id-mapped copy
//! of its image it runs on, and keep-id's /etc/passwd and /etc/group entries.

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use oci_spec::runtime::{Mount, MountBuilder};

use super::super::Engine;
use super::create::CreateOptions;
use crate::error::{Error, IoContext, Result};
use crate::storage::{idmapped, ImageRow};
use crate::userns::mapping::{self, UsernsMode};
use crate::userns::IdMap;

/// What `create` does differently for a container with its own user namespace.
#[derive(Debug, Clone)]
pub struct UsernsPlan {
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
    /// The image flattened with owners translated: the container's only lower layer.
    pub lower: PathBuf,
    /// keep-id: the uid and gid the user has inside (the container's default user).
    pub keep_id: Option<(u32, u32)>,
}

fn usage(msg: String) -> Error {
    Error::usage(msg)
}

/// The mode the flags ask for (errors as podman words them; exit 125).
pub fn requested_mode(opts: &CreateOptions) -> Result<UsernsMode> {
    let mode = mapping::parse_mode(opts.userns.as_deref().unwrap_or_default()).map_err(usage)?;
    if opts.uidmaps.is_empty() && opts.gidmaps.is_empty() {
        return Ok(mode);
    }
    if !mode.is_host() || opts.userns.as_deref().is_some_and(|s| !s.is_empty()) {
        return Err(Error::usage("--userns and --uidmap/--gidmap are mutually exclusive: use one of them"));
    }
    Ok(UsernsMode::Custom)
}

/// The host's idea of the user, for keep-id's /etc/passwd line.
struct HostUser {
    name: String,
    gecos: String,
    home: String,
    group: String,
}

fn host_user(uid: u32, gid: u32) -> HostUser {
    let u = nix::unistd::User::from_uid(uid.into()).ok().flatten();
    let g = nix::unistd::Group::from_gid(gid.into()).ok().flatten();
    let name = u.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| uid.to_string());
    HostUser {
        gecos: u
            .as_ref()
            .map(|u| u.gecos.to_string_lossy().split(',').next().unwrap_or("").to_string())
            .unwrap_or_default(),
        home: u.as_ref().map(|u| u.dir.display().to_string()).unwrap_or_else(|| "/".into()),
        group: g.map(|g| g.name).unwrap_or_else(|| name.clone()),
        name,
    }
}

/// True when a passwd/group text already has an entry with this numeric id.
fn has_id(text: &str, id: u32) -> bool {
    text.lines().any(|l| l.split(':').nth(2).and_then(|f| f.trim().parse::<u32>().ok()) == Some(id))
}

/// keep-id's entries, podman's format: `name:*:uid:gid:gecos:home:/bin/sh` and
/// `group:x:gid:name`, appended only when the image has no entry with that id.
/// The home is the container's working dir unless the user's host home is mounted.
pub fn keep_id_entries(
    passwd: &str,
    group: &str,
    (uid, gid): (u32, u32),
    who: (&str, &str, &str, &str),
    workdir: &str,
    mounted: &[&str],
) -> (Option<String>, Option<String>) {
    let (name, gecos, host_home, gname) = who;
    let home_mounted = mounted.iter().any(|m| {
        let m = m.trim_end_matches('/');
        !m.is_empty() && (host_home == m || host_home.starts_with(&format!("{m}/")))
    });
    let home = if home_mounted { host_home } else { workdir };
    let append = |text: &str, line: String| {
        let mut t = text.to_string();
        if !t.is_empty() && !t.ends_with('\n') {
            t.push('\n');
        }
        t.push_str(&line);
        t
    };
    let p = (!has_id(passwd, uid)).then(|| append(passwd, format!("{name}:*:{uid}:{gid}:{gecos}:{home}:/bin/sh\n")));
    let g = (!has_id(group, gid)).then(|| append(group, format!("{gname}:x:{gid}:{name}\n")));
    (p, g)
}

/// The image's file at `path`, read inside `root` (a symlink can't leave it).
fn read_in_root(root: &Path, path: &str) -> String {
    let Ok(dir) = std::fs::File::open(root) else { return String::new() };
    crate::runtime::fsroot::open_in_root(dir.as_raw_fd(), Path::new(path), libc::O_RDONLY)
        .ok()
        .and_then(|fd| std::io::read_to_string(std::fs::File::from(fd)).ok())
        .unwrap_or_default()
}

/// The highest id in an image's /etc/passwd and /etc/group below nobody (65534), plus one:
/// what `auto` gives a container unless `size=` says otherwise (at least 1024, as podman).
fn auto_size(passwd: &str, group: &str) -> u32 {
    let max = passwd
        .lines()
        .chain(group.lines())
        .filter_map(|l| l.split(':').nth(2)?.trim().parse::<u32>().ok())
        .filter(|id| *id < 65534)
        .max()
        .unwrap_or(0);
    (max + 1).max(mapping::AUTO_MIN_SIZE)
}

fn bind(dest: &str, source: &Path) -> Result<Mount> {
    MountBuilder::default()
        .destination(dest)
        .typ("bind")
        .source(source)
        .options(vec!["rbind".to_string(), "rw".to_string()])
        .build()
        .map_err(Error::other)
}

impl Engine {
    /// The per-user namespace's maps (the ids a container's maps may use).
    fn parent_maps(&self) -> (Vec<IdMap>, Vec<IdMap>) {
        match &self.ns {
            Some(ns) => (ns.uid_map.clone(), ns.gid_map.clone()),
            None => {
                let full = vec![IdMap { container_id: 0, host_id: 0, size: u32::MAX }];
                (full.clone(), full)
            }
        }
    }

    /// Works out a container's user namespace. Host mode (the default) needs nothing.
    /// An `auto` range is recorded under the container's id; [`Engine::free_userns`]
    /// gives it back if the create fails later.
    pub(super) fn plan_userns(&mut self, opts: &CreateOptions, img: &ImageRow, id: &str) -> Result<Option<UsernsPlan>> {
        let mode = requested_mode(opts)?;
        if mode.is_host() {
            return Ok(None);
        }
        if self.store.driver == "vfs" {
            return Err(Error::usage(format!(
                "--userns={} and --uidmap need the overlay storage driver (this store uses vfs)",
                opts.userns.as_deref().unwrap_or("")
            )));
        }
        let (pu, pg) = self.parent_maps();
        let (nu, ng) = (mapping::available(&pu), mapping::available(&pg));
        let host_id = |m: &[IdMap]| m.iter().find(|m| m.container_id == 0).map_or(0, |m| m.host_id);
        if !self.store.rootless && matches!(mode, UsernsMode::KeepId { .. } | UsernsMode::NoMap) {
            let m = if mode == UsernsMode::NoMap { "nomap" } else { "keep-id" };
            return Err(Error::usage(format!("{m} is only supported in rootless mode")));
        }
        let (uid_map, gid_map, keep_id) = match &mode {
            UsernsMode::KeepId { uid, gid } => {
                let (u, g) = (uid.unwrap_or(host_id(&pu)), gid.unwrap_or(host_id(&pg)));
                (mapping::keep_id_map(u, nu).map_err(usage)?, mapping::keep_id_map(g, ng).map_err(usage)?, Some((u, g)))
            }
            UsernsMode::NoMap => (mapping::nomap_map(nu).map_err(usage)?, mapping::nomap_map(ng).map_err(usage)?, None),
            UsernsMode::Custom => {
                let mut u = Vec::new();
                for s in &opts.uidmaps {
                    u.extend(mapping::parse_map_flag(s, &pu).map_err(usage)?);
                }
                let mut g = Vec::new();
                for s in &opts.gidmaps {
                    g.extend(mapping::parse_map_flag(s, &pg).map_err(usage)?);
                }
                // podman: a --uidmap alone serves for the gids too, and the reverse.
                if u.is_empty() {
                    u = g.clone();
                }
                if g.is_empty() {
                    g = u.clone();
                }
                mapping::check_map(&u, &pu, "uid").map_err(usage)?;
                mapping::check_map(&g, &pg, "gid").map_err(usage)?;
                (u, g, None)
            }
            UsernsMode::Auto { size } => {
                let size = match size {
                    Some(s) => *s,
                    None => {
                        let dir = self.image_top_files(img);
                        auto_size(&dir.0, &dir.1)
                    }
                };
                let n = nu.min(ng);
                let start = self.store.db.write_state("allocating a user namespace range", |tx| {
                    let taken = idmapped::ranges_in_use(tx)?;
                    let start = mapping::allocate(&taken, size, n).ok_or_else(|| {
                        Error::usage(format!(
                            "--userns=auto: no free range of {size} ids left in your subordinate ids (ids 1..{} of /etc/subuid and /etc/subgid, {} ranges in use)",
                            n.saturating_sub(1),
                            taken.len()
                        ))
                    })?;
                    idmapped::insert_range(tx, id, start, size)?;
                    Ok(start)
                })?;
                let m = vec![IdMap { container_id: 0, host_id: start, size }];
                (m.clone(), m, None)
            }
            UsernsMode::Host => return Ok(None),
        };
        let lower = match self.idmapped_copy(img, &uid_map, &gid_map) {
            Ok(l) => l,
            Err(e) => {
                self.free_userns(id);
                return Err(e);
            }
        };
        Ok(Some(UsernsPlan { uid_map, gid_map, lower, keep_id }))
    }

    /// Gives back a container's `auto` range (rm, or a failed create).
    pub(crate) fn free_userns(&mut self, id: &str) {
        let _ = self.store.db.write_state("freeing the user namespace range", |tx| idmapped::delete_range(tx, id));
    }

    /// /etc/passwd and /etc/group of an image, from its topmost layer that has them.
    fn image_top_files(&self, img: &ImageRow) -> (String, String) {
        let find = |f: &str| {
            img.layers.iter().rev().map(|l| self.store.layer_diff(l)).find_map(|d| {
                let t = read_in_root(&d, f);
                (!t.is_empty()).then_some(t)
            })
        };
        (find("/etc/passwd").unwrap_or_default(), find("/etc/group").unwrap_or_default())
    }

    /// keep-id: the container runs as the user's ids, which get /etc/passwd and /etc/group
    /// entries (files in the container's userdata, bound over the image's).
    pub(super) fn keep_id_files(
        &self,
        plan: &UsernsPlan,
        opts: &CreateOptions,
        workdir: &str,
        userdata: &Path,
        mounted: &[&str],
    ) -> Result<Vec<Mount>> {
        let Some(ids) = plan.keep_id else { return Ok(Vec::new()) };
        // An explicit --user with a name is the image's business, as in podman.
        if opts.user.as_deref().is_some_and(|u| !u.split(':').next().unwrap_or("").chars().all(|c| c.is_ascii_digit()))
        {
            return Ok(Vec::new());
        }
        let (pu, pg) = self.parent_maps();
        let host = |m: &[IdMap]| m.iter().find(|m| m.container_id == 0).map_or(0, |m| m.host_id);
        let h = host_user(host(&pu), host(&pg));
        let passwd = read_in_root(&plan.lower, "/etc/passwd");
        let group = read_in_root(&plan.lower, "/etc/group");
        let (p, g) = keep_id_entries(&passwd, &group, ids, (&h.name, &h.gecos, &h.home, &h.group), workdir, mounted);
        let mut mounts = Vec::new();
        for (text, file, dest) in [(p, "passwd", "/etc/passwd"), (g, "group", "/etc/group")] {
            if let Some(text) = text {
                std::fs::create_dir_all(userdata).ctx(|| format!("creating {}", userdata.display()))?;
                let path = userdata.join(file);
                std::fs::write(&path, text).ctx(|| format!("writing {}", path.display()))?;
                mounts.push(bind(dest, &path)?);
            }
        }
        Ok(mounts)
    }

    /// The image flattened for these maps: made once (announced on stderr with its size)
    /// under the store lock, then reused by every container with the same maps.
    fn idmapped_copy(&mut self, img: &ImageRow, uid_map: &[IdMap], gid_map: &[IdMap]) -> Result<PathBuf> {
        let key = mapping::map_key(uid_map, gid_map);
        let base = self.store.paths.idmapped();
        if let Some((dir, _)) = idmapped::copy_for(self.store.db.conn(), &img.id, &key)? {
            return Ok(base.join(dir));
        }
        let _lock = self.store.lock()?;
        if let Some((dir, _)) = idmapped::copy_for(self.store.db.conn(), &img.id, &key)? {
            return Ok(base.join(dir));
        }
        crate::storage::paths::create_private_dir(&base)?;
        // Copies are made and removed whole, like layers: spread them over block groups.
        crate::storage::paths::mark_top_directory(&base);
        self.remove_stale_copies(&base)?;
        let digest = <sha2::Sha256 as sha2::Digest>::digest(key.as_bytes());
        let dir = format!("{}-{}", &img.id[..12.min(img.id.len())], &hex::encode(digest)[..16]);
        let name = img.names.first().cloned().unwrap_or_else(|| img.id[..12.min(img.id.len())].to_string());
        eprintln!(
            "Copying image {name} ({:.1} MB) with its owners mapped for this user namespace; later containers with the same mapping reuse the copy",
            img.size as f64 / 1e6
        );
        let staging = base.join(format!(".tmp-{}-{dir}", std::process::id()));
        let lowers: Vec<PathBuf> = img.layers.iter().rev().map(|l| self.store.layer_diff(l)).collect();
        let size = match copy_in_child(&lowers, &base, &staging, uid_map, gid_map, self.store.rootless) {
            Ok(n) => n,
            Err(e) => {
                let _ = crate::storage::remove_tree(&staging);
                return Err(e);
            }
        };
        let target = base.join(&dir);
        std::fs::rename(&staging, &target).ctx(|| format!("moving the copy to {}", target.display()))?;
        let r = self
            .store
            .db
            .write("recording the id-mapped copy", |tx| idmapped::insert_copy(tx, &img.id, &key, &dir, size));
        if let Err(e) = r {
            let _ = crate::storage::remove_tree(&target);
            return Err(e);
        }
        Ok(target)
    }

    /// Staging dirs of interrupted copies and dirs no record names (under the lock).
    fn remove_stale_copies(&self, base: &Path) -> Result<()> {
        let known: std::collections::HashSet<String> =
            idmapped::all_copies(self.store.db.conn())?.into_iter().collect();
        for e in std::fs::read_dir(base).ctx(|| format!("reading {}", base.display()))?.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            let owner = n.strip_prefix(".tmp-").or_else(|| n.strip_prefix(".mnt-"));
            let stale = match owner.and_then(|r| r.split('-').next()?.parse::<i32>().ok()) {
                Some(pid) => !crate::storage::blobs::pid_alive(pid),
                None => !known.contains(&n),
            };
            if stale {
                crate::storage::remove_tree(&e.path())?;
            }
        }
        Ok(())
    }

    /// `rmi`: the copies of an image go with it (their records cascade).
    pub(crate) fn remove_idmapped_copies(&self, dirs: &[String]) -> Result<()> {
        let base = self.store.paths.idmapped();
        for d in dirs {
            crate::storage::remove_tree(&base.join(d))?;
        }
        Ok(())
    }
}

/// Mounts the image's layers read-only in a private mount namespace of a child process
/// (nothing leaks into the shared one) and copies the merged view to `staging`.
fn copy_in_child(
    lowers: &[PathBuf],
    base: &Path,
    staging: &Path,
    uid_map: &[IdMap],
    gid_map: &[IdMap],
    userxattr: bool,
) -> Result<u64> {
    let mnt = base.join(format!(".mnt-{}", std::process::id()));
    let empty = base.join(format!(".mnt-{}-empty", std::process::id()));
    for d in [&mnt, &empty] {
        std::fs::create_dir_all(d).ctx(|| format!("creating {}", d.display()))?;
    }
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).ctx(|| "creating a pipe".into())?;
    let (mut r, mut w) = (std::fs::File::from(r), std::fs::File::from(w));
    // SAFETY: the CLI is single-threaded here; the child only mounts, copies and exits.
    let child = match unsafe { nix::unistd::fork() }.ctx(|| "forking".into())? {
        nix::unistd::ForkResult::Child => {
            drop(r);
            let msg = match mount_and_copy(lowers, &empty, &mnt, staging, uid_map, gid_map, userxattr) {
                Ok(n) => format!("ok {n}"),
                Err(e) => format!("err {e}"),
            };
            let _ = w.write_all(msg.as_bytes());
            unsafe { libc::_exit(0) }
        }
        nix::unistd::ForkResult::Parent { child } => child,
    };
    drop(w);
    let mut msg = String::new();
    let _ = r.read_to_string(&mut msg);
    let _ = nix::sys::wait::waitpid(child, None);
    let _ = std::fs::remove_dir(&mnt);
    let _ = std::fs::remove_dir(&empty);
    match msg.split_once(' ') {
        Some(("ok", n)) => Ok(n.parse().unwrap_or(0)),
        Some((_, e)) => Err(Error::other(format!("copying the image for the user namespace: {e}"))),
        None => Err(Error::other("copying the image for the user namespace: the copying process died")),
    }
}

fn mount_and_copy(
    lowers: &[PathBuf],
    empty: &Path,
    mnt: &Path,
    staging: &Path,
    uid_map: &[IdMap],
    gid_map: &[IdMap],
    userxattr: bool,
) -> std::result::Result<u64, String> {
    use nix::mount::{mount, MsFlags};
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS).map_err(|e| format!("unshare: {e}"))?;
    mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>)
        .map_err(|e| format!("making mounts private: {e}"))?;
    // Overlay without an upper dir wants two lower dirs at least.
    let mut list: Vec<String> = lowers.iter().map(|l| l.display().to_string()).collect();
    if list.len() < 2 {
        list.push(empty.display().to_string());
    }
    let mut opts = format!("lowerdir={}", list.join(":"));
    if userxattr {
        opts.push_str(",userxattr");
    }
    if opts.len() >= 4000 {
        return Err("too many layers for one overlay mount".into());
    }
    mount(Some("overlay"), mnt, Some("overlay"), MsFlags::MS_RDONLY, Some(opts.as_str()))
        .map_err(|e| format!("mounting the image: {e}"))?;
    idmapped::copy_mapped(mnt, staging, uid_map, gid_map).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_id_adds_missing_entries_only() {
        let who = ("alice", "Alice A", "/home/alice", "alice");
        let (p, g) = keep_id_entries("root:x:0:0::/root:/bin/sh", "root:x:0:", (1000, 1000), who, "/work", &[]);
        assert_eq!(p.unwrap(), "root:x:0:0::/root:/bin/sh\nalice:*:1000:1000:Alice A:/work:/bin/sh\n");
        assert_eq!(g.unwrap(), "root:x:0:\nalice:x:1000:alice\n");
        let (p, g) = keep_id_entries("u:x:1000:1000::/:/bin/sh\n", "", (1000, 5), who, "/", &["/home"]);
        assert!(p.is_none());
        assert_eq!(g.unwrap(), "alice:x:5:alice\n");
        // The host home is used when it (or a parent) is mounted.
        let (p, _) = keep_id_entries("", "", (7, 7), who, "/", &["/home/"]);
        assert_eq!(p.unwrap(), "alice:*:7:7:Alice A:/home/alice:/bin/sh\n");
    }

    #[test]
    fn auto_size_follows_the_image() {
        assert_eq!(auto_size("root:x:0:0::/:/bin/sh\nnobody:x:65534:65534::/:/bin/false", ""), 1024);
        assert_eq!(auto_size("app:x:5000:5000::/:/bin/sh", "grp:x:6000:"), 6001);
    }
}
