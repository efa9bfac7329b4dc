//! Volume records: one row per volume in `volumes`; the content lives in
//! `<store>/volumes/<name>/_data`. Which containers use a volume is read from their records.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{DbContext, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeRow {
    pub name: String,
    pub created: String,
    /// JSON object of labels.
    pub labels: String,
    /// JSON object of `--opt` driver options.
    pub options: String,
    pub anonymous: bool,
}

fn from_row(r: &Row) -> rusqlite::Result<VolumeRow> {
    Ok(VolumeRow {
        name: r.get(0)?,
        created: r.get(1)?,
        labels: r.get(2)?,
        options: r.get(3)?,
        anonymous: r.get::<_, i64>(4)? != 0,
    })
}

const COLUMNS: &str = "name, created, labels, options, anonymous";

pub fn insert(tx: &Transaction, v: &VolumeRow) -> Result<()> {
    tx.execute(
        "INSERT INTO volumes (name, created, labels, options, anonymous) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![v.name, v.created, v.labels, v.options, i64::from(v.anonymous)],
    )
    .db_ctx("recording the volume")?;
    Ok(())
}

pub fn get(conn: &Connection, name: &str) -> Result<Option<VolumeRow>> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM volumes WHERE name = ?1"), [name], from_row)
        .optional()
        .db_ctx("reading the volume")
}

pub fn all(conn: &Connection) -> Result<Vec<VolumeRow>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM volumes ORDER BY name")).db_ctx("listing volumes")?;
    let rows = stmt.query_map([], from_row).db_ctx("listing volumes")?;
    rows.collect::<rusqlite::Result<Vec<_>>>().db_ctx("listing volumes")
}

pub fn delete(tx: &Transaction, name: &str) -> Result<()> {
    tx.execute("DELETE FROM volumes WHERE name = ?1", [name]).db_ctx("removing the volume record")?;
    Ok(())
}
