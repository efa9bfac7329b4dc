//! The store lock: an flock on `store.lock`, taken for layer and image mutations.
//!
//! The holder writes its PID and command line into the lock file so that a waiting
//! command can say who it is waiting for, as cargo does for its package cache.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Error, IoContext, Result};

/// Held while alive; the kernel drops the flock when the process dies, so a killed holder
/// never wedges the store.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

/// Default for how long a command waits for the store lock (`BURROW_LOCK_TIMEOUT`, seconds).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

pub fn timeout_from_env() -> Duration {
    std::env::var("BURROW_LOCK_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(DEFAULT_TIMEOUT)
}

impl StoreLock {
    pub fn acquire(path: &Path, timeout: Duration) -> Result<StoreLock> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .ctx(|| format!("opening store lock {}", path.display()))?;
        let start = Instant::now();
        let mut announced = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    let holder = read_holder(&mut file);
                    if start.elapsed() >= timeout {
                        return Err(Error::Conflict {
                            msg: format!(
                                "timed out after {}s waiting for store lock held by {}",
                                timeout.as_secs_f64(),
                                holder
                            ),
                            hint: Some("set BURROW_LOCK_TIMEOUT=SECONDS to wait longer".into()),
                        });
                    }
                    if !announced {
                        eprintln!("waiting for store lock held by {holder}");
                        announced = true;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::Error(e)) => {
                    return Err(Error::io(format!("locking {}", path.display()), e));
                }
            }
        }
        write_holder(&mut file).ctx(|| format!("writing {}", path.display()))?;
        Ok(StoreLock { _file: file })
    }
}

fn read_holder(file: &mut File) -> String {
    let mut text = String::new();
    let ok = file.seek(SeekFrom::Start(0)).is_ok() && file.read_to_string(&mut text).is_ok();
    let mut parts = text.splitn(2, '\n');
    match (ok, parts.next(), parts.next()) {
        (true, Some(pid), Some(cmd)) if !pid.is_empty() => format!("PID {} ({})", pid, cmd.trim()),
        _ => "another process".to_string(),
    }
}

fn write_holder(file: &mut File) -> std::io::Result<()> {
    let cmd: Vec<String> = std::env::args().collect();
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    write!(file, "{}\n{}\n", std::process::id(), cmd.join(" "))
}
