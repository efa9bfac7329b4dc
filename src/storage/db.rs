//! Metadata in SQLite (WAL): images, their names, layers. One transaction per change.
//!
//! SQLite rather than an embedded KV store because burrow is many concurrent processes
//! (see DESIGN.md §3); WAL lets readers (`images`, `ps`) run while a writer commits.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{DbContext, Result};

const SCHEMA_VERSION: i32 = 5;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS layers (
    id TEXT PRIMARY KEY,            -- chain id (hex): identifies the layer with all its parents
    parent TEXT,                    -- chain id of the layer below, NULL for a base layer
    diff_id TEXT NOT NULL,          -- sha256:<hex> of the uncompressed tar
    size INTEGER NOT NULL,          -- bytes of file content
    compressed_digest TEXT,         -- blob in blobs/ as pulled, when kept
    created INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS images (
    id TEXT PRIMARY KEY,            -- sha256 hex of the config blob
    digest TEXT,                    -- manifest digest, sha256:<hex>
    config BLOB NOT NULL,
    manifest BLOB,
    manifest_type TEXT,
    size INTEGER NOT NULL,
    added INTEGER NOT NULL          -- unix seconds when stored here
);
CREATE TABLE IF NOT EXISTS image_layers (
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    layer_id TEXT NOT NULL REFERENCES layers(id),
    PRIMARY KEY (image_id, idx)
);
CREATE INDEX IF NOT EXISTS image_layers_layer ON image_layers(layer_id);
CREATE TABLE IF NOT EXISTS names (
    name TEXT PRIMARY KEY,          -- fully qualified: registry/repo:tag
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    added INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS names_image ON names(image_id);
CREATE TABLE IF NOT EXISTS containers (
    id TEXT PRIMARY KEY,            -- 64 hex
    name TEXT NOT NULL UNIQUE,
    image_id TEXT NOT NULL REFERENCES images(id),
    image_name TEXT NOT NULL,       -- as the user gave it, for ps/inspect
    created TEXT NOT NULL,          -- RFC 3339
    config BLOB NOT NULL,           -- the create options (JSON), shown by inspect
    state TEXT NOT NULL,            -- created, running, paused, stopping, exited, removing
    pid INTEGER NOT NULL DEFAULT 0,
    exit_code INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL DEFAULT '',
    finished_at TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    restarts INTEGER NOT NULL DEFAULT 0,
    run_id INTEGER NOT NULL DEFAULT 0  -- which start of the container the runtime files belong to
);
CREATE INDEX IF NOT EXISTS containers_image ON containers(image_id);
CREATE TABLE IF NOT EXISTS build_cache (
    key TEXT PRIMARY KEY,           -- sha256 of parent image + resolved instruction (+ content hash)
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    parent TEXT NOT NULL            -- the image the step ran on ('' for scratch)
);
CREATE INDEX IF NOT EXISTS build_cache_parent ON build_cache(parent);
CREATE TABLE IF NOT EXISTS volumes (
    name TEXT PRIMARY KEY,          -- [a-zA-Z0-9][a-zA-Z0-9_.-]*, or 64 hex for an anonymous one
    created TEXT NOT NULL,          -- RFC 3339
    labels TEXT NOT NULL,           -- JSON object
    options TEXT NOT NULL,          -- JSON object (--opt)
    anonymous INTEGER NOT NULL DEFAULT 0
);
-- version 5: per-mapping copies of images (--userns) and the ranges of --userns=auto
CREATE TABLE IF NOT EXISTS idmapped_images (
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    mapping TEXT NOT NULL,          -- userns::mapping::map_key of the container's maps
    dir TEXT NOT NULL,              -- under <store>/idmapped/
    size INTEGER NOT NULL,          -- bytes of file content copied
    PRIMARY KEY (image_id, mapping)
);
CREATE TABLE IF NOT EXISTS userns_ranges (
    container_id TEXT PRIMARY KEY,  -- the container's row may not exist yet (create in progress)
    start INTEGER NOT NULL,         -- first id of the per-user namespace given to it
    size INTEGER NOT NULL,
    created INTEGER NOT NULL        -- unix seconds
);
";

/// An image as recorded in the store.
#[derive(Debug, Clone)]
pub struct ImageRow {
    pub id: String,
    pub digest: Option<String>,
    pub config: Vec<u8>,
    pub manifest: Option<Vec<u8>>,
    pub manifest_type: Option<String>,
    pub size: u64,
    pub added: i64,
    /// Fully qualified names, oldest first.
    pub names: Vec<String>,
    /// Chain ids, base layer first.
    pub layers: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct LayerRow {
    pub id: String,
    pub parent: Option<String>,
    pub diff_id: String,
    pub size: u64,
    pub compressed_digest: Option<String>,
}

pub struct Db {
    conn: Connection,
    wal: PathBuf,
    /// Set by a durable write (`write`): the close then checkpoints, so the change is on disk.
    sync_at_close: bool,
}

/// The WAL is checkpointed (and emptied) by the close of a command that finds it larger than
/// this, even after container-state writes only.
const WAL_LIMIT: u64 = 128 * 1024;

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Db {
    pub fn open(path: &Path) -> Result<Db> {
        let conn = Connection::open(path).db_ctx(&format!("opening {}", path.display()))?;
        conn.busy_timeout(Duration::from_secs(30)).db_ctx("setting busy timeout")?;
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).db_ctx("reading schema version")?;
        conn.pragma_update(None, "foreign_keys", true).db_ctx("enabling foreign keys")?;
        if version < SCHEMA_VERSION {
            // Every schema statement is CREATE ... IF NOT EXISTS, so an older store gains the
            // new tables by running it again.
            // journal_mode=WAL is persistent in the file, so it is set once, with the schema.
            let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).db_ctx("enabling WAL")?;
            conn.execute_batch(&format!("BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"))
                .db_ctx("creating the schema")?;
        }
        // When the WAL is checkpointed is ours to decide (see Drop): each command is a process
        // with the only connection, and SQLite's own choices suit a long-lived one. Its close
        // would checkpoint every time (four fsyncs and a WAL and -shm file made and deleted by
        // every command, readers too); its auto-checkpoint would leave a WAL full of copied
        // frames that the next process (alone again) must read back in recovery.
        conn.pragma_update(None, "synchronous", "NORMAL").db_ctx("setting synchronous")?;
        conn.pragma_update(None, "wal_autocheckpoint", 0).db_ctx("setting wal_autocheckpoint")?;
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .db_ctx("setting no_ckpt_on_close")?;
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        Ok(Db { conn, wal: PathBuf::from(wal), sync_at_close: false })
    }

    /// Runs `f` in one IMMEDIATE transaction (the write lock is taken up front, so two
    /// writers never deadlock upgrading a read lock). What a user stored (images, names,
    /// volumes, the build cache) is on disk when the command ends: its close checkpoints.
    pub fn write<T>(&mut self, what: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let out = self.write_state(what, f)?;
        self.sync_at_close = true;
        Ok(out)
    }

    /// `write` for container state (created, started, stopped, removed: dozens a second under
    /// a test suite). The commit is atomic and survives a killed process like any other; after
    /// a power loss the last such changes may be missing (WAL with synchronous=NORMAL: the
    /// store stays consistent) until the next checkpoint, at most `WAL_LIMIT` later.
    pub fn write_state<T>(&mut self, what: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).db_ctx(what)?;
        let out = f(&tx)?;
        tx.commit().db_ctx(what)?;
        Ok(out)
    }

    pub fn images(&self) -> Result<Vec<ImageRow>> {
        read_images(&self.conn, None)
    }

    pub fn image(&self, id: &str) -> Result<Option<ImageRow>> {
        Ok(read_images(&self.conn, Some(id))?.into_iter().next())
    }

    pub fn layer(&self, id: &str) -> Result<Option<LayerRow>> {
        layer(&self.conn, id)
    }

    /// Whether a layer record still names this blob.
    pub fn blob_in_use(&self, digest: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT EXISTS(SELECT 1 FROM layers WHERE compressed_digest = ?1)", [digest], |r| r.get(0))
            .db_ctx("looking up a blob")
    }

    pub fn layer_ids(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached("SELECT id FROM layers").db_ctx("listing layers")?;
        let rows = st.query_map([], |r| r.get(0)).db_ctx("listing layers")?;
        rows.collect::<std::result::Result<_, _>>().db_ctx("listing layers")
    }

    /// The image a fully qualified name points to.
    pub fn image_id_by_name(&self, name: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT image_id FROM names WHERE name = ?1", [name], |r| r.get(0))
            .optional()
            .db_ctx("looking up a name")
    }
}

impl Drop for Db {
    /// Checkpoints and empties the WAL after a durable write, or once it has grown past
    /// `WAL_LIMIT`: the next process's recovery reads the whole WAL, so it must stay small.
    /// A failure (say, a reader still in the WAL) only leaves the checkpoint to a later close.
    fn drop(&mut self) {
        let big = || std::fs::metadata(&self.wal).map(|m| m.len() > WAL_LIMIT).unwrap_or(false);
        if self.sync_at_close || big() {
            let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }
}

fn read_images(conn: &Connection, only: Option<&str>) -> Result<Vec<ImageRow>> {
    let what = "reading images";
    let mut images = Vec::new();
    let mut st = conn
        .prepare_cached(
            "SELECT id, digest, config, manifest, manifest_type, size, added FROM images
             WHERE ?1 IS NULL OR id = ?1 ORDER BY added DESC, id",
        )
        .db_ctx(what)?;
    let rows = st
        .query_map([only], |r| {
            Ok(ImageRow {
                id: r.get(0)?,
                digest: r.get(1)?,
                config: r.get(2)?,
                manifest: r.get(3)?,
                manifest_type: r.get(4)?,
                size: r.get::<_, i64>(5)? as u64,
                added: r.get(6)?,
                names: Vec::new(),
                layers: Vec::new(),
            })
        })
        .db_ctx(what)?;
    for row in rows {
        images.push(row.db_ctx(what)?);
    }
    let index: std::collections::HashMap<String, usize> =
        images.iter().enumerate().map(|(i, img)| (img.id.clone(), i)).collect();
    let mut st = conn
        .prepare_cached("SELECT image_id, name FROM names WHERE ?1 IS NULL OR image_id = ?1 ORDER BY added, rowid")
        .db_ctx(what)?;
    let mut rows = st.query([only]).db_ctx(what)?;
    while let Some(r) = rows.next().db_ctx(what)? {
        let id: String = r.get(0).db_ctx(what)?;
        if let Some(&i) = index.get(&id) {
            images[i].names.push(r.get(1).db_ctx(what)?);
        }
    }
    let mut st = conn
        .prepare_cached(
            "SELECT image_id, layer_id FROM image_layers WHERE ?1 IS NULL OR image_id = ?1 ORDER BY image_id, idx",
        )
        .db_ctx(what)?;
    let mut rows = st.query([only]).db_ctx(what)?;
    while let Some(r) = rows.next().db_ctx(what)? {
        let id: String = r.get(0).db_ctx(what)?;
        if let Some(&i) = index.get(&id) {
            images[i].layers.push(r.get(1).db_ctx(what)?);
        }
    }
    Ok(images)
}

/// Records a build step's result under its key. An older result of the same key (a
/// `--no-cache` rebuild) keeps its row under `retired:<image id>`, never looked up, so that
/// its parent stays known (`images` hides it, `rmi` removes it with its child).
pub fn set_build_cache(tx: &Transaction, key: &str, image_id: &str, parent: &str) -> Result<()> {
    tx.execute(
        "UPDATE OR REPLACE build_cache SET key = 'retired:' || image_id WHERE key = ?1 AND image_id != ?2",
        params![key, image_id],
    )
    .db_ctx("recording the build cache")?;
    tx.execute(
        "INSERT OR REPLACE INTO build_cache (key, image_id, parent) VALUES (?1, ?2, ?3)",
        params![key, image_id, parent],
    )
    .db_ctx("recording the build cache")?;
    Ok(())
}

pub fn layer(conn: &Connection, id: &str) -> Result<Option<LayerRow>> {
    conn.query_row("SELECT id, parent, diff_id, size, compressed_digest FROM layers WHERE id = ?1", [id], |r| {
        Ok(LayerRow {
            id: r.get(0)?,
            parent: r.get(1)?,
            diff_id: r.get(2)?,
            size: r.get::<_, i64>(3)? as u64,
            compressed_digest: r.get(4)?,
        })
    })
    .optional()
    .db_ctx("reading a layer")
}

pub fn insert_layer(tx: &Transaction, l: &LayerRow) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO layers (id, parent, diff_id, size, compressed_digest, created)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![l.id, l.parent, l.diff_id, l.size as i64, l.compressed_digest, now()],
    )
    .db_ctx("recording a layer")?;
    Ok(())
}

/// Records an image (or refreshes an existing one with the same id) and its layers.
pub fn upsert_image(tx: &Transaction, img: &ImageRow) -> Result<()> {
    let what = "recording an image";
    tx.execute(
        "INSERT INTO images (id, digest, config, manifest, manifest_type, size, added)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(id) DO UPDATE SET digest = coalesce(excluded.digest, digest),
             manifest = coalesce(excluded.manifest, manifest),
             manifest_type = coalesce(excluded.manifest_type, manifest_type)",
        params![img.id, img.digest, img.config, img.manifest, img.manifest_type, img.size as i64, img.added],
    )
    .db_ctx(what)?;
    tx.execute("DELETE FROM image_layers WHERE image_id = ?1", [&img.id]).db_ctx(what)?;
    for (i, l) in img.layers.iter().enumerate() {
        tx.execute(
            "INSERT INTO image_layers (image_id, idx, layer_id) VALUES (?1, ?2, ?3)",
            params![img.id, i as i64, l],
        )
        .db_ctx(what)?;
    }
    Ok(())
}

/// Points `name` at `image_id`, taking it from any image that had it (podman moves tags).
pub fn set_name(tx: &Transaction, name: &str, image_id: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO names (name, image_id, added) VALUES (?1, ?2, ?3)
         ON CONFLICT(name) DO UPDATE SET image_id = excluded.image_id, added = excluded.added",
        params![name, image_id, now()],
    )
    .db_ctx("naming an image")?;
    Ok(())
}

pub fn remove_name(tx: &Transaction, name: &str) -> Result<bool> {
    let n = tx.execute("DELETE FROM names WHERE name = ?1", [name]).db_ctx("removing a name")?;
    Ok(n > 0)
}

/// Deletes an image record; returns the layers no image references any more, top first,
/// so the caller can remove their directories after the commit.
pub fn delete_image(tx: &Transaction, image_id: &str) -> Result<Vec<String>> {
    let what = "removing an image";
    let layers: Vec<String> = {
        let mut st = tx
            .prepare_cached("SELECT layer_id FROM image_layers WHERE image_id = ?1 ORDER BY idx DESC")
            .db_ctx(what)?;
        let rows = st.query_map([image_id], |r| r.get(0)).db_ctx(what)?;
        rows.collect::<std::result::Result<_, _>>().db_ctx(what)?
    };
    tx.execute("DELETE FROM images WHERE id = ?1", [image_id]).db_ctx(what)?;
    let mut orphaned = Vec::new();
    for l in layers {
        let used: bool = tx
            .query_row("SELECT EXISTS(SELECT 1 FROM image_layers WHERE layer_id = ?1)", [&l], |r| r.get(0))
            .db_ctx(what)?;
        if !used {
            tx.execute("DELETE FROM layers WHERE id = ?1", [&l]).db_ctx(what)?;
            orphaned.push(l);
        }
    }
    Ok(orphaned)
}

/// Layers no image references (left by an interrupted command); removed under the store lock.
pub fn unreferenced_layers(conn: &Connection) -> Result<Vec<String>> {
    let what = "finding unreferenced layers";
    let mut st = conn
        .prepare_cached("SELECT id FROM layers WHERE id NOT IN (SELECT layer_id FROM image_layers)")
        .db_ctx(what)?;
    let rows = st.query_map([], |r| r.get(0)).db_ctx(what)?;
    rows.collect::<std::result::Result<_, _>>().db_ctx(what)
}

impl Db {
    /// The image a build step with this cache key produced, if it is still stored.
    pub fn build_cache(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT image_id FROM build_cache WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .db_ctx("reading the build cache")
    }

    /// The image a cached build step ran on (the step before it), when it has one.
    pub fn build_parent(&self, image_id: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT parent FROM build_cache WHERE image_id = ?1 AND parent != '' LIMIT 1", [image_id], |r| {
                r.get(0)
            })
            .optional()
            .db_ctx("reading the build cache")
    }

    /// Whether a cached build step ran on this image.
    pub fn has_build_children(&self, image_id: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM build_cache WHERE parent = ?1 LIMIT 1", [image_id], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .db_ctx("reading the build cache")
    }

    /// Ids of images that are the parent of a cached build step: intermediate images,
    /// hidden by `images` without `-a` when they have no name.
    pub fn build_parents(&self) -> Result<std::collections::HashSet<String>> {
        let mut st = self.conn.prepare("SELECT DISTINCT parent FROM build_cache").db_ctx("reading the build cache")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0)).db_ctx("reading the build cache")?;
        rows.collect::<rusqlite::Result<_>>().db_ctx("reading the build cache")
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wal_len(db: &Path) -> u64 {
        std::fs::metadata(format!("{}-wal", db.display())).map(|m| m.len()).unwrap_or(0)
    }

    #[test]
    fn close_checkpoints_after_durable_writes_or_a_large_wal_only() {
        let dir = std::env::temp_dir().join(format!("burrow-db-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("burrow.db");
        let mut db = Db::open(&path).unwrap();
        db.write("t", |tx| tx.execute_batch("CREATE TABLE t (k TEXT)").db_ctx("t")).unwrap();
        drop(db);
        let insert = |tx: &Transaction, key: &str| tx.execute("INSERT INTO t VALUES (?1)", [key]).map(|_| ()).db_ctx("t");
        let state = |db: &mut Db, key: &str| db.write_state("t", |tx| insert(tx, key)).unwrap();
        // Container-state writes stay in the WAL past the close...
        let mut db = Db::open(&path).unwrap();
        state(&mut db, "k1");
        drop(db);
        assert!(wal_len(&path) > 0, "a state write was checkpointed at close");
        // ...and are there for the next process (recovery reads them back).
        let db = Db::open(&path).unwrap();
        let n: i64 = db.conn.query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
        drop(db);
        // A durable write empties the WAL into the database before the command ends.
        let mut db = Db::open(&path).unwrap();
        db.write("t", |tx| insert(tx, "k2")).unwrap();
        drop(db);
        assert_eq!(wal_len(&path), 0, "a durable write was left in the WAL");
        // State writes alone: the close that finds the WAL past the limit empties it.
        let mut grown = 0;
        for i in 0..1000 {
            let mut db = Db::open(&path).unwrap();
            state(&mut db, &format!("key-{i}-{}", "x".repeat(2000)));
            drop(db);
            let len = wal_len(&path);
            assert!(len <= WAL_LIMIT, "the WAL was left at {len} bytes");
            if len == 0 {
                break;
            }
            grown = grown.max(len);
        }
        assert!(grown > WAL_LIMIT / 2 && wal_len(&path) == 0, "the WAL grew to {grown} and was never emptied");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
