//! Per-mapping copies of images (`--userns=keep-id|nomap|auto`, `--uidmap`) and the id
//! ranges `--userns=auto` hands out.
//!
//! Image layers belong to ids of the per-user namespace. A container with its own id map
//! would see them as other ids (root's files as nobody). Idmapped mounts would fix that
//! without copying, but the kernel allows them inside a user namespace only on filesystems
//! mounted there (tmpfs), not on the ext4/xfs holding the store nor on overlay itself
//! (docs/userns.md). So burrow flattens the image once per mapping into
//! `<store>/idmapped/<dir>` with every owner translated, and reuses that copy as the single
//! lower layer of every later container with the same mapping. Rows of `idmapped_images`
//! go with their image (ON DELETE CASCADE); the directories are removed by `rmi`.

use std::collections::HashMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{DbContext, Result};
use crate::userns::mapping::to_parent;
use crate::userns::IdMap;

/// The copy of `image_id` for `mapping`, if it was made: (dir name, bytes).
pub fn copy_for(conn: &Connection, image_id: &str, mapping: &str) -> Result<Option<(String, u64)>> {
    conn.query_row(
        "SELECT dir, size FROM idmapped_images WHERE image_id = ?1 AND mapping = ?2",
        params![image_id, mapping],
        |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)),
    )
    .optional()
    .db_ctx("reading the id-mapped copies")
}

pub fn insert_copy(tx: &Transaction, image_id: &str, mapping: &str, dir: &str, size: u64) -> Result<()> {
    tx.execute(
        "INSERT INTO idmapped_images (image_id, mapping, dir, size) VALUES (?1, ?2, ?3, ?4)",
        params![image_id, mapping, dir, size as i64],
    )
    .db_ctx("recording the id-mapped copy")?;
    Ok(())
}

/// Dir names of all copies of an image (removed with it).
pub fn copies_of(conn: &Connection, image_id: &str) -> Result<Vec<String>> {
    let what = "reading the id-mapped copies";
    let mut st = conn.prepare_cached("SELECT dir FROM idmapped_images WHERE image_id = ?1").db_ctx(what)?;
    let rows = st.query_map([image_id], |r| r.get(0)).db_ctx(what)?;
    rows.collect::<rusqlite::Result<_>>().db_ctx(what)
}

/// All copy dir names (anything else under `idmapped/` is garbage).
pub fn all_copies(conn: &Connection) -> Result<Vec<String>> {
    let what = "reading the id-mapped copies";
    let mut st = conn.prepare_cached("SELECT dir FROM idmapped_images").db_ctx(what)?;
    let rows = st.query_map([], |r| r.get(0)).db_ctx(what)?;
    rows.collect::<rusqlite::Result<_>>().db_ctx(what)
}

/// `auto` ranges in use: (start, size) of every container that still exists, and of
/// allocations younger than an hour (a `create` in progress has no container row yet).
pub fn ranges_in_use(conn: &Connection) -> Result<Vec<(u32, u32)>> {
    let what = "reading the user namespace ranges";
    let mut st = conn
        .prepare_cached(
            "SELECT start, size FROM userns_ranges
             WHERE container_id IN (SELECT id FROM containers) OR created > ?1",
        )
        .db_ctx(what)?;
    let rows = st.query_map([super::db::now() - 3600], |r| Ok((r.get(0)?, r.get(1)?))).db_ctx(what)?;
    rows.collect::<rusqlite::Result<_>>().db_ctx(what)
}

pub fn insert_range(tx: &Transaction, container_id: &str, start: u32, size: u32) -> Result<()> {
    // Rows of containers that are gone (an interrupted create) are dropped on the way.
    tx.execute(
        "DELETE FROM userns_ranges WHERE container_id NOT IN (SELECT id FROM containers) AND created <= ?1",
        [super::db::now() - 3600],
    )
    .db_ctx("freeing stale user namespace ranges")?;
    tx.execute(
        "INSERT INTO userns_ranges (container_id, start, size, created) VALUES (?1, ?2, ?3, ?4)",
        params![container_id, start, size, super::db::now()],
    )
    .db_ctx("recording the user namespace range")?;
    Ok(())
}

pub fn delete_range(tx: &Transaction, container_id: &str) -> Result<()> {
    tx.execute("DELETE FROM userns_ranges WHERE container_id = ?1", [container_id])
        .db_ctx("freeing the user namespace range")?;
    Ok(())
}

/// Copies the tree at `src` (an image's merged view) to `dst` (which must not exist), with
/// every owner translated through the container's maps. Hard links stay hard links,
/// modes, times and symlinks are kept; device nodes are skipped (they can't be made in a
/// user namespace; the runtime binds /dev). Returns the bytes of file content copied.
///
/// Directories are handed out to a few threads (the kernel's copy_file_range does the
/// work, so more cores copy faster); directories get their own owner, mode and times last,
/// once everything is inside them (a read-only directory must not stop its own copy).
pub fn copy_mapped(src: &Path, dst: &Path, uid_map: &[IdMap], gid_map: &[IdMap]) -> std::io::Result<u64> {
    std::fs::create_dir(dst)?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    let c = Copier {
        uid_map,
        gid_map,
        work: Mutex::new(Work { queue: vec![(src.to_path_buf(), dst.to_path_buf())], busy: 0, error: None }),
        wake: Condvar::new(),
        links: Mutex::new(HashMap::new()),
        dirs: Mutex::new(vec![(dst.to_path_buf(), std::fs::symlink_metadata(src)?)]),
        bytes: AtomicU64::new(0),
    };
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| c.worker());
        }
    });
    if let Some(e) = c.work.into_inner().map_err(|_| std::io::Error::other("a copy thread panicked"))?.error {
        return Err(e);
    }
    for (d, meta) in c.dirs.into_inner().map_err(|_| std::io::Error::other("a copy thread panicked"))? {
        finish(uid_map, gid_map, &d, &meta)?;
    }
    Ok(c.bytes.into_inner())
}

struct Work {
    /// Directories still to copy: (source, its already created copy).
    queue: Vec<(PathBuf, PathBuf)>,
    /// Threads copying a directory right now (they may queue more).
    busy: usize,
    error: Option<std::io::Error>,
}

struct Copier<'a> {
    uid_map: &'a [IdMap],
    gid_map: &'a [IdMap],
    work: Mutex<Work>,
    wake: Condvar,
    /// (dev, ino) of a multiply-linked source file -> its first copy.
    links: Mutex<HashMap<(u64, u64), PathBuf>>,
    /// Every copied directory with its source's metadata, finished last.
    dirs: Mutex<Vec<(PathBuf, std::fs::Metadata)>>,
    bytes: AtomicU64,
}

impl Copier<'_> {
    fn worker(&self) {
        loop {
            let job = {
                let Ok(mut w) = self.work.lock() else { return };
                loop {
                    if w.error.is_some() {
                        break None;
                    }
                    if let Some(job) = w.queue.pop() {
                        w.busy += 1;
                        break Some(job);
                    }
                    if w.busy == 0 {
                        break None;
                    }
                    w = match self.wake.wait(w) {
                        Ok(w) => w,
                        Err(_) => return,
                    };
                }
            };
            let Some((src, dst)) = job else {
                self.wake.notify_all();
                return;
            };
            let r = self.dir(&src, &dst);
            if let Ok(mut w) = self.work.lock() {
                w.busy -= 1;
                if let Err(e) = r {
                    w.error.get_or_insert(e);
                }
            }
            self.wake.notify_all();
        }
    }

    /// The entries of one directory; subdirectories are created and queued.
    fn dir(&self, src: &Path, dst: &Path) -> std::io::Result<()> {
        for entry in std::fs::read_dir(src)? {
            let entry = entry?;
            let (s, d) = (entry.path(), dst.join(entry.file_name()));
            let meta = std::fs::symlink_metadata(&s)?;
            let ft = meta.file_type();
            if ft.is_dir() {
                std::fs::create_dir(&d)?;
                if let Ok(mut w) = self.work.lock() {
                    w.queue.push((s, d.clone()));
                }
                self.wake.notify_one();
                if let Ok(mut dirs) = self.dirs.lock() {
                    dirs.push((d, meta));
                }
                continue;
            } else if ft.is_symlink() {
                std::os::unix::fs::symlink(std::fs::read_link(&s)?, &d)?;
            } else if ft.is_file() {
                if meta.nlink() > 1 {
                    let mut links = self.links.lock().map_err(|_| std::io::Error::other("a copy thread panicked"))?;
                    if let Some(first) = links.get(&(meta.dev(), meta.ino())) {
                        std::fs::hard_link(first, &d)?;
                        continue;
                    }
                    // Copied while the map is held, so another name of it waits for a whole file.
                    self.copy_file(&s, &d)?;
                    links.insert((meta.dev(), meta.ino()), d.clone());
                } else {
                    self.copy_file(&s, &d)?;
                }
            } else {
                use std::os::unix::fs::FileTypeExt;
                if ft.is_fifo() {
                    nix::unistd::mkfifo(&d, nix::sys::stat::Mode::from_bits_truncate(0o600))?;
                } else {
                    continue;
                }
            }
            finish(self.uid_map, self.gid_map, &d, &meta)?;
        }
        Ok(())
    }

    fn copy_file(&self, s: &Path, d: &Path) -> std::io::Result<()> {
        let mut from = std::fs::File::open(s)?;
        let mut to = std::fs::OpenOptions::new().write(true).create_new(true).open(d)?;
        // std uses copy_file_range here: the kernel copies without a trip through us.
        let n = std::io::copy(&mut from, &mut to)?;
        self.bytes.fetch_add(n, Ordering::Relaxed);
        Ok(())
    }
}

/// Owner, mode (after chown, which clears set-id bits) and times of one copied entry.
fn finish(uid_map: &[IdMap], gid_map: &[IdMap], d: &Path, meta: &std::fs::Metadata) -> std::io::Result<()> {
    let uid = to_parent(uid_map, meta.uid());
    let gid = to_parent(gid_map, meta.gid());
    std::os::unix::fs::lchown(d, Some(uid), Some(gid))?;
    if !meta.file_type().is_symlink() {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    }
    let ts = |s: i64, ns: i64| nix::sys::time::TimeSpec::new(s, ns);
    nix::sys::stat::utimensat(
        nix::fcntl::AT_FDCWD,
        d,
        &ts(meta.atime(), meta.atime_nsec()),
        &ts(meta.mtime(), meta.mtime_nsec()),
        nix::sys::stat::UtimensatFlags::NoFollowSymlink,
    )
    .map_err(std::io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_with_owners_mapped_and_links_kept() {
        let base = std::env::temp_dir().join(format!("burrow-idmap-test-{}", std::process::id()));
        let (src, dst) = (base.join("src"), base.join("dst"));
        std::fs::create_dir_all(src.join("d")).unwrap();
        std::fs::create_dir_all(src.join("ro/inner")).unwrap();
        std::fs::write(src.join("ro/inner/x"), b"x").unwrap();
        std::fs::set_permissions(src.join("ro"), std::fs::Permissions::from_mode(0o555)).unwrap();
        std::fs::write(src.join("d/f"), b"hello").unwrap();
        std::fs::hard_link(src.join("d/f"), src.join("g")).unwrap();
        std::os::unix::fs::symlink("d/f", src.join("l")).unwrap();
        std::fs::set_permissions(src.join("d/f"), std::fs::Permissions::from_mode(0o751)).unwrap();
        let me = nix::unistd::getuid().as_raw();
        let gme = nix::unistd::getgid().as_raw();
        // An identity map for our own ids: the copy must keep them (we can't chown others).
        let um = [IdMap { container_id: me, host_id: me, size: 1 }];
        let gm = [IdMap { container_id: gme, host_id: gme, size: 1 }];
        let n = copy_mapped(&src, &dst, &um, &gm).unwrap();
        assert_eq!(n, 6);
        assert_eq!(std::fs::read(dst.join("ro/inner/x")).unwrap(), b"x");
        assert_eq!(std::fs::metadata(dst.join("ro")).unwrap().mode() & 0o7777, 0o555);
        assert_eq!(std::fs::read(dst.join("g")).unwrap(), b"hello");
        let (a, b) = (std::fs::metadata(dst.join("d/f")).unwrap(), std::fs::metadata(dst.join("g")).unwrap());
        assert_eq!(a.ino(), b.ino());
        assert_eq!(a.mode() & 0o7777, 0o751);
        assert_eq!(std::fs::read_link(dst.join("l")).unwrap(), Path::new("d/f"));
        assert_eq!(std::fs::metadata(src.join("d/f")).unwrap().mtime(), a.mtime());
        for d in [src.join("ro"), dst.join("ro")] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        std::fs::remove_dir_all(&base).unwrap();
    }
}
