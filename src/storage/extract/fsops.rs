//! fd-relative filesystem primitives that never follow symlinks.
//!
//! Every path we touch is a (directory fd, single component) pair, and every
//! directory fd was obtained from the extraction root one component at a
//! time with `O_NOFOLLOW`. That is what keeps a hostile archive from
//! steering writes outside the root with symlinks it planted earlier.

use std::ffi::CStr;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use nix::dir::Dir;
use nix::errno::Errno;
use nix::fcntl::{openat, OFlag};
use nix::sys::stat::{fchmod, fstatat, mkdirat, FileStat, Mode, SFlag};
use nix::unistd::{unlinkat, UnlinkatFlags};

use super::names::{join, Component};

/// Why a directory path could not be walked.
#[derive(Debug)]
pub(super) enum WalkError {
    /// A component does not exist (only when not creating).
    Missing(String),
    /// A component is a symlink.
    Symlink(String),
    /// A component exists but is not a directory.
    NotDir(String),
    /// Anything else, with the path walked so far.
    Io(String, Errno),
}

/// Mode of directories that the archive needs but does not list, matching
/// Docker and containers-storage.
const IMPLICIT_DIR_MODE: u32 = 0o755;

/// How deep `remove_tree` recurses before giving up, so that a hostile
/// archive with an absurdly deep tree cannot overflow our stack.
const MAX_REMOVE_DEPTH: usize = 512;

/// Opens the directory `name` inside `dir` without following a symlink.
pub(super) fn open_dir_at(dir: BorrowedFd<'_>, name: &[u8]) -> nix::Result<OwnedFd> {
    openat(dir, name, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC, Mode::empty())
}

/// `lstat` of `name` inside `dir`; `None` if it does not exist.
pub(super) fn lstat_at(dir: BorrowedFd<'_>, name: &[u8]) -> nix::Result<Option<FileStat>> {
    match fstatat(dir, name, nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(st) => Ok(Some(st)),
        Err(Errno::ENOENT) => Ok(None),
        Err(e) => Err(e),
    }
}

pub(super) fn is_dir(st: &FileStat) -> bool {
    st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFDIR.bits()
}

fn is_symlink(st: &FileStat) -> bool {
    st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFLNK.bits()
}

/// Walks `comps` from `root`, one component at a time, never following a
/// symlink, and returns an fd for the last directory (a duplicate of `root`
/// when `comps` is empty). With `create`, missing directories are made with
/// mode 0755.
pub(super) fn walk(root: BorrowedFd<'_>, comps: &[Component], create: bool) -> Result<OwnedFd, WalkError> {
    let mut cur = root.try_clone_to_owned().map_err(|e| WalkError::Io(String::new(), io_errno(&e)))?;
    for (i, name) in comps.iter().enumerate() {
        let so_far = || join(&comps[..=i]);
        cur = match open_dir_at(cur.as_fd(), name) {
            Ok(fd) => fd,
            Err(Errno::ENOENT) if create => {
                make_implicit_dir(cur.as_fd(), name).map_err(|e| WalkError::Io(so_far(), e))?
            }
            Err(Errno::ENOENT) => return Err(WalkError::Missing(so_far())),
            Err(Errno::ELOOP | Errno::ENOTDIR) => return Err(classify(cur.as_fd(), name, so_far())),
            Err(e) => return Err(WalkError::Io(so_far(), e)),
        };
    }
    Ok(cur)
}

/// `O_NOFOLLOW|O_DIRECTORY` fails with ELOOP or ENOTDIR for a symlink
/// (depending on the kernel path taken); look at what is there to say
/// which, so the refusal message is precise.
fn classify(dir: BorrowedFd<'_>, name: &[u8], path: String) -> WalkError {
    match lstat_at(dir, name) {
        Ok(Some(st)) if is_symlink(&st) => WalkError::Symlink(path),
        Ok(_) => WalkError::NotDir(path),
        Err(e) => WalkError::Io(path, e),
    }
}

fn make_implicit_dir(dir: BorrowedFd<'_>, name: &[u8]) -> nix::Result<OwnedFd> {
    mkdirat(dir, name, Mode::from_bits_truncate(IMPLICIT_DIR_MODE))?;
    let fd = open_dir_at(dir, name)?;
    // mkdirat is subject to our umask; the layer's content must not be.
    fchmod(fd.as_fd(), Mode::from_bits_truncate(IMPLICIT_DIR_MODE))?;
    Ok(fd)
}

/// Removes the directory `name` inside `dir` and everything below it,
/// without following symlinks (unlinkat removes a symlink itself).
pub(super) fn remove_tree(dir: BorrowedFd<'_>, name: &[u8]) -> nix::Result<()> {
    remove_tree_depth(dir, name, 0)
}

fn remove_tree_depth(dir: BorrowedFd<'_>, name: &[u8], depth: usize) -> nix::Result<()> {
    if depth > MAX_REMOVE_DEPTH {
        return Err(Errno::ELOOP);
    }
    let sub = open_dir_at(dir, name)?;
    for child in child_names(sub.as_fd())? {
        match unlinkat(sub.as_fd(), child.as_slice(), UnlinkatFlags::NoRemoveDir) {
            Ok(()) => {}
            // unlink(2) says EISDIR for directories; no d_type needed.
            Err(Errno::EISDIR) => remove_tree_depth(sub.as_fd(), &child, depth + 1)?,
            Err(e) => return Err(e),
        }
    }
    unlinkat(dir, name, UnlinkatFlags::RemoveDir)
}

/// Names in a directory except `.` and `..`, collected before we start
/// deleting so that iteration is not disturbed.
fn child_names(dir: BorrowedFd<'_>) -> nix::Result<Vec<Vec<u8>>> {
    // A fresh open of "." so the caller's fd keeps its own offset.
    let mut reader = Dir::openat(dir, ".", OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())?;
    let mut names = Vec::new();
    for item in reader.iter() {
        let bytes = item?.file_name().to_bytes().to_vec();
        if bytes != b"." && bytes != b".." {
            names.push(bytes);
        }
    }
    Ok(names)
}

/// Sets an extended attribute through an open fd (files and directories).
pub(super) fn set_xattr_fd(fd: BorrowedFd<'_>, key: &CStr, value: &[u8]) -> nix::Result<()> {
    // SAFETY: key is NUL-terminated, value points to value.len() bytes, and
    // fd is a live descriptor for the duration of the call.
    let rc = unsafe { libc::fsetxattr(fd.as_raw_fd(), key.as_ptr(), value.as_ptr().cast(), value.len(), 0) };
    Errno::result(rc).map(drop)
}

/// Sets an extended attribute on `name` inside `dir` without following a
/// symlink. Symlinks, fifos and devices cannot be opened for fsetxattr, so
/// we name them through `/proc/self/fd/<dir>/<name>` with lsetxattr: the
/// magic link pins the directory, and the final component is not followed.
pub(super) fn set_xattr_at(dir: BorrowedFd<'_>, name: &[u8], key: &CStr, value: &[u8]) -> nix::Result<()> {
    let mut path = format!("/proc/self/fd/{}/", dir.as_raw_fd()).into_bytes();
    path.extend_from_slice(name);
    let path = std::ffi::CString::new(path).map_err(|_| Errno::EINVAL)?;
    // SAFETY: as in set_xattr_fd; path is NUL-terminated.
    let rc = unsafe { libc::lsetxattr(path.as_ptr(), key.as_ptr(), value.as_ptr().cast(), value.len(), 0) };
    Errno::result(rc).map(drop)
}

fn io_errno(e: &std::io::Error) -> Errno {
    Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))
}
