//! Where burrow keeps things: the store (persistent) and the runtime dir (tmpfs).
//!
//! The full layout, and which lock guards each path, is in docs/storage.md.

use std::path::{Path, PathBuf};

use crate::error::{Error, IoContext, Result};

#[derive(Debug, Clone)]
pub struct StorePaths {
    /// `$XDG_DATA_HOME/burrow` (rootless) or `/var/lib/burrow` (root); `--root`.
    pub root: PathBuf,
    /// `$XDG_RUNTIME_DIR/burrow`, `/dev/shm/burrow-run-<uid>` (`/tmp/...` without /dev/shm),
    /// or `/run/burrow` (root); `--runroot`.
    pub runroot: PathBuf,
}

impl StorePaths {
    /// Resolves the store and runtime dirs from flags and the environment, as podman does
    /// for its own (`~/.local/share/containers/storage`, `$XDG_RUNTIME_DIR/containers`).
    pub fn resolve(root: Option<PathBuf>, runroot: Option<PathBuf>, rootless: bool) -> Result<Self> {
        let root = match root {
            Some(p) => absolute(p)?,
            None => default_root(rootless)?,
        };
        let runroot = match runroot {
            Some(p) => absolute(p)?,
            None => default_runroot(rootless),
        };
        Ok(StorePaths { root, runroot })
    }

    pub fn db(&self) -> PathBuf {
        self.root.join("burrow.db")
    }
    pub fn lock(&self) -> PathBuf {
        self.root.join("store.lock")
    }
    pub fn idmapped(&self) -> PathBuf {
        self.root.join("idmapped")
    }
    pub fn layers(&self) -> PathBuf {
        self.root.join("layers")
    }
    pub fn layer(&self, id: &str) -> PathBuf {
        self.layers().join(id)
    }
    pub fn blobs(&self) -> PathBuf {
        self.root.join("blobs").join("sha256")
    }
    /// Scratch space for spooled archives; emptied by every command that takes the store lock.
    pub fn tmp(&self) -> PathBuf {
        self.root.join("tmp")
    }
    /// A container's persistent files: config.json, overlay upper/work, userdata, ctr.log.
    pub fn container(&self, id: &str) -> PathBuf {
        self.root.join("containers").join(id)
    }
    /// A volume's directory; its content is `<volume>/_data` (podman's layout).
    pub fn volume(&self, name: &str) -> PathBuf {
        self.root.join("volumes").join(name)
    }
    /// A container's runtime files: the monitor's pid, state and exit files, sockets.
    pub fn container_run(&self, id: &str) -> PathBuf {
        self.runroot.join("ctr").join(id)
    }
    pub fn pause_pid(&self) -> PathBuf {
        self.runroot.join("pause.pid")
    }
    pub fn pause_lock(&self) -> PathBuf {
        self.runroot.join("pause.lock")
    }

    /// A fresh staging directory for a layer being extracted; `Store::commit_layer_dir`
    /// moves it into place. Only the store lock holder makes these.
    pub fn stage_layer(&self, id: &str) -> Result<PathBuf> {
        let dir = self.layers().join(format!(".tmp-{}-{}", id, std::process::id()));
        if dir.exists() {
            crate::storage::remove_tree(&dir)?;
        }
        let diff = dir.join("diff");
        std::fs::create_dir_all(&diff).ctx(|| format!("creating {}", diff.display()))?;
        Ok(dir)
    }

    /// Creates the store's directories (0700: other users must not read image content).
    pub fn ensure(&self) -> Result<()> {
        for dir in [&self.root, &self.layers(), &self.tmp(), &self.root.join("containers")] {
            create_private_dir(dir)?;
        }
        create_runtime_dir(&self.runroot)?;
        mark_top_directory(&self.layers());
        // Containers come and go by the dozen: the same spreading keeps a new container's
        // inodes out of the block group its predecessors just freed (see above).
        mark_top_directory(&self.root.join("containers"));
        Ok(())
    }
}

/// Sets ext2/3/4's "top of directory hierarchy" flag (`chattr +T`) on `layers/`: the
/// allocator then spreads each layer directory (and the files extracted into it) over block
/// groups, as it does for directories under `/`, instead of packing it next to its parent.
/// Without it, a layer extracted right after another was removed lands in the block group
/// full of just-freed inodes, which ext4 without a journal skips one by one for a minute
/// (`recently_deleted`): `rmi` then `pull` of a 280 MB image went from 1 s to 4.5 s here.
/// Best effort: other filesystems ignore or refuse the flag, which changes nothing.
pub fn mark_top_directory(dir: &Path) {
    use std::os::fd::AsRawFd;
    const FS_TOPDIR_FL: libc::c_long = 0x0002_0000;
    let Ok(f) = std::fs::File::open(dir) else { return };
    let mut flags: libc::c_long = 0;
    // SAFETY: FS_IOC_GETFLAGS/SETFLAGS read and write one long through the pointer.
    unsafe {
        if libc::ioctl(f.as_raw_fd(), libc::FS_IOC_GETFLAGS, &mut flags) != 0 || flags & FS_TOPDIR_FL != 0 {
            return;
        }
        flags |= FS_TOPDIR_FL;
        libc::ioctl(f.as_raw_fd(), libc::FS_IOC_SETFLAGS, &flags);
    }
}

pub fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    match std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir) {
        Ok(()) => Ok(()),
        Err(e) => Err(Error::io(format!("creating {}", dir.display()), e)),
    }
}

fn absolute(p: PathBuf) -> Result<PathBuf> {
    if p.is_absolute() {
        return Ok(p);
    }
    let cwd = std::env::current_dir().ctx(|| "reading the current directory".into())?;
    Ok(cwd.join(p))
}

fn home() -> Result<PathBuf> {
    match std::env::var_os("HOME") {
        Some(h) if !h.is_empty() => Ok(PathBuf::from(h)),
        _ => Err(Error::usage_hint(
            "cannot find the store: neither XDG_DATA_HOME nor HOME is set",
            "set HOME, or pass --root DIR",
        )),
    }
}

fn default_root(rootless: bool) -> Result<PathBuf> {
    if !rootless {
        return Ok(PathBuf::from("/var/lib/burrow"));
    }
    match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => Ok(PathBuf::from(d).join("burrow")),
        _ => Ok(home()?.join(".local/share/burrow")),
    }
}

fn default_runroot(rootless: bool) -> PathBuf {
    if !rootless {
        return PathBuf::from("/run/burrow");
    }
    if let Some(d) = std::env::var_os("XDG_RUNTIME_DIR") {
        let d = PathBuf::from(d);
        // An XDG_RUNTIME_DIR we can't write (e.g. another user's after `su`) is no use.
        if !d.as_os_str().is_empty() && nix::unistd::access(&d, nix::unistd::AccessFlags::W_OK).is_ok() {
            return d.join("burrow");
        }
    }
    // Without XDG_RUNTIME_DIR: a tmpfs, as /run/user/UID is. /dev/shm is one on every Linux
    // system, and runtime state (pid files, sockets, exit files) must not survive a reboot;
    // /tmp is often on disk. /tmp only where /dev/shm can't be used.
    let uid = nix::unistd::getuid();
    if nix::unistd::access("/dev/shm", nix::unistd::AccessFlags::W_OK | nix::unistd::AccessFlags::X_OK).is_ok() {
        return PathBuf::from(format!("/dev/shm/burrow-run-{uid}"));
    }
    PathBuf::from(format!("/tmp/burrow-run-{uid}"))
}

/// Creates the runtime dir (0700) and checks that it is ours: a directory that another user
/// made first in a shared place such as /dev/shm or /tmp would let them feed us pid files
/// and sockets.
pub fn create_runtime_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    create_private_dir(dir)?;
    let md = std::fs::symlink_metadata(dir).ctx(|| format!("checking {}", dir.display()))?;
    let me = nix::unistd::geteuid().as_raw();
    if !md.is_dir() || md.uid() != me || md.mode() & 0o022 != 0 {
        return Err(Error::usage_hint(
            format!(
                "the runtime directory {} is not a private directory of this user (owner uid {}, mode {:o})",
                dir.display(),
                md.uid(),
                md.mode() & 0o7777
            ),
            "remove it, or set XDG_RUNTIME_DIR (or --runroot) to a directory of your own",
        ));
    }
    Ok(())
}

/// A unix socket's path for bind/connect that fits sockaddr_un's 108 bytes whatever the
/// runtime dir's length: the socket named through an open fd of its directory
/// (`/proc/self/fd/N/NAME`). Keep the returned File open while the path is in use.
pub fn short_socket_path(dir: &Path, name: &str) -> std::io::Result<(std::fs::File, PathBuf)> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let d = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_PATH | libc::O_DIRECTORY).open(dir)?;
    let path = PathBuf::from(format!("/proc/self/fd/{}/{name}", d.as_raw_fd()));
    Ok((d, path))
}
