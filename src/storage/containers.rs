//! Container records: one row per container in `containers`, with the state the engine
//! last recorded. The monitor never writes here; it writes its container's runtime files
//! and the engine folds them in on the next read (see engine/container/sync.rs).

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{DbContext, Result};

/// podman's container states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Created,
    Running,
    Paused,
    Stopping,
    Exited,
    Removing,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Created => "created",
            State::Running => "running",
            State::Paused => "paused",
            State::Stopping => "stopping",
            State::Exited => "exited",
            State::Removing => "removing",
        }
    }
    pub fn parse(s: &str) -> State {
        match s {
            "running" => State::Running,
            "paused" => State::Paused,
            "stopping" => State::Stopping,
            "exited" => State::Exited,
            "removing" => State::Removing,
            _ => State::Created,
        }
    }
    /// A process may be alive: the monitor's files decide what really happened.
    pub fn is_active(self) -> bool {
        matches!(self, State::Running | State::Paused | State::Stopping)
    }
    pub fn can_start(self) -> bool {
        matches!(self, State::Created | State::Exited)
    }
}

#[derive(Debug, Clone)]
pub struct ContainerRow {
    pub id: String,
    pub name: String,
    pub image_id: String,
    pub image_name: String,
    pub created: String,
    pub config: Vec<u8>,
    pub state: State,
    pub pid: i32,
    pub exit_code: i32,
    pub started_at: String,
    pub finished_at: String,
    pub error: String,
    pub restarts: i64,
    pub run_id: i64,
}

const COLUMNS: &str = "id, name, image_id, image_name, created, config, state, pid, exit_code, started_at, finished_at, error, restarts, run_id";

fn from_row(r: &Row) -> rusqlite::Result<ContainerRow> {
    Ok(ContainerRow {
        id: r.get(0)?,
        name: r.get(1)?,
        image_id: r.get(2)?,
        image_name: r.get(3)?,
        created: r.get(4)?,
        config: r.get(5)?,
        state: State::parse(&r.get::<_, String>(6)?),
        pid: r.get(7)?,
        exit_code: r.get(8)?,
        started_at: r.get(9)?,
        finished_at: r.get(10)?,
        error: r.get(11)?,
        restarts: r.get(12)?,
        run_id: r.get(13)?,
    })
}

pub fn all(conn: &Connection) -> Result<Vec<ContainerRow>> {
    let what = "reading containers";
    let mut st = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM containers ORDER BY created DESC, rowid DESC"))
        .db_ctx(what)?;
    let rows = st.query_map([], from_row).db_ctx(what)?;
    rows.collect::<std::result::Result<_, _>>().db_ctx(what)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<ContainerRow>> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM containers WHERE id = ?1"), [id], from_row)
        .optional()
        .db_ctx("reading a container")
}

pub fn insert(tx: &Transaction, c: &ContainerRow) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO containers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        ),
        params![
            c.id,
            c.name,
            c.image_id,
            c.image_name,
            c.created,
            c.config,
            c.state.as_str(),
            c.pid,
            c.exit_code,
            c.started_at,
            c.finished_at,
            c.error,
            c.restarts,
            c.run_id
        ],
    )
    .db_ctx("recording the container")?;
    Ok(())
}

/// Writes the mutable fields (state and what goes with it) of a container.
pub fn update_state(tx: &Transaction, c: &ContainerRow) -> Result<()> {
    tx.execute(
        "UPDATE containers SET state = ?2, pid = ?3, exit_code = ?4, started_at = ?5, finished_at = ?6,
             error = ?7, restarts = ?8, run_id = ?9 WHERE id = ?1",
        params![c.id, c.state.as_str(), c.pid, c.exit_code, c.started_at, c.finished_at, c.error, c.restarts, c.run_id],
    )
    .db_ctx("updating the container")?;
    Ok(())
}

pub fn rename(tx: &Transaction, id: &str, name: &str) -> Result<()> {
    tx.execute("UPDATE containers SET name = ?2 WHERE id = ?1", params![id, name]).db_ctx("renaming the container")?;
    Ok(())
}

/// Replaces the container's stored config (`network connect/disconnect`).
pub fn set_config(tx: &Transaction, id: &str, config: &[u8]) -> Result<()> {
    tx.execute("UPDATE containers SET config = ?2 WHERE id = ?1", params![id, config]).db_ctx("updating the container")?;
    Ok(())
}

pub fn delete(tx: &Transaction, id: &str) -> Result<()> {
    tx.execute("DELETE FROM containers WHERE id = ?1", [id]).db_ctx("removing the container record")?;
    Ok(())
}

pub fn name_taken(conn: &Connection, name: &str) -> Result<Option<String>> {
    conn.query_row("SELECT id FROM containers WHERE name = ?1", [name], |r| r.get(0))
        .optional()
        .db_ctx("checking the container name")
}

/// Containers that use an image (rmi refuses to remove those without -f).
pub fn using_image(conn: &Connection, image_id: &str) -> Result<Vec<(String, String)>> {
    let what = "finding containers of the image";
    let mut st = conn.prepare_cached("SELECT id, name FROM containers WHERE image_id = ?1").db_ctx(what)?;
    let rows = st.query_map([image_id], |r| Ok((r.get(0)?, r.get(1)?))).db_ctx(what)?;
    rows.collect::<std::result::Result<_, _>>().db_ctx(what)
}
