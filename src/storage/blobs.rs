//! The content store: `blobs/sha256/<hex>` holds manifests' layers as pulled (compressed),
//! so that push and save reproduce the registry's digests.
//!
//! Blobs are content-addressed and written through `blobs/sha256/.tmp-<hex>-<pid>` and a
//! rename after their digest checked out, so concurrent writers are harmless. A writer
//! holds an flock on `blobs/sha256/.lock-<hex>` while it fetches, so a second pull of the
//! same blob waits and then reads the finished file instead of downloading it again.

use std::fs::File;
use std::path::PathBuf;

use crate::error::{Error, IoContext, Result};
use crate::storage::StorePaths;

pub struct BlobLock {
    _file: File,
}

impl StorePaths {
    /// The file of a verified blob (`digest` must have been checked for form).
    pub fn blob(&self, digest: &str) -> PathBuf {
        self.blobs().join(digest.trim_start_matches("sha256:"))
    }

    /// A private temp name for a blob being written by this process.
    pub fn blob_temp(&self, digest: &str) -> PathBuf {
        self.blobs().join(format!(".tmp-{}-{}", digest.trim_start_matches("sha256:"), std::process::id()))
    }

    /// Waits for, then holds, the fetch lock of one blob.
    pub fn lock_blob(&self, digest: &str) -> Result<BlobLock> {
        let dir = self.blobs();
        crate::storage::paths::create_private_dir(&dir)?;
        let path = dir.join(format!(".lock-{}", digest.trim_start_matches("sha256:")));
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .ctx(|| format!("opening {}", path.display()))?;
        file.lock().map_err(|e| Error::io(format!("locking {}", path.display()), e))?;
        Ok(BlobLock { _file: file })
    }
}

/// The pid in a `.tmp-...-<pid>` name, if any.
pub fn temp_owner(name: &str) -> Option<i32> {
    if !name.starts_with(".tmp-") {
        return None;
    }
    name.rsplit('-').next()?.parse().ok()
}

/// Whether a process of ours with this pid exists (a dead owner's temp files are
/// garbage). A pid we may not signal belongs to another user, so not to a burrow command
/// writing this store.
pub fn pid_alive(pid: i32) -> bool {
    if pid <= 0 {
        return false;
    }
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()
}

/// Removes temp files of dead writers from `blobs/sha256/`.
pub fn remove_dead_temps(paths: &StorePaths) -> Result<()> {
    let dir = paths.blobs();
    let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(()) };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(pid) = temp_owner(&name) {
            if !pid_alive(pid) {
                let p = e.path();
                std::fs::remove_file(&p).ctx(|| format!("removing {}", p.display()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_carry_their_owner() {
        assert_eq!(temp_owner(".tmp-abc-123"), Some(123));
        assert_eq!(temp_owner(".tmp-rm-abc-77"), Some(77));
        assert_eq!(temp_owner("abc"), None);
        assert!(pid_alive(std::process::id() as i32));
    }
}
