//! Copying file trees through fds only, for copy-up into volumes and `cp`.
//!
//! Every entry is opened relative to its parent's fd with O_NOFOLLOW (and the starting
//! directories inside a container with openat2(RESOLVE_IN_ROOT)), so a symlink is copied as
//! a symlink and never followed: not one in the image, and not one a container swaps in
//! while the copy runs. Nothing is reached by a path string below the starting fds.

use std::ffi::{CStr, CString, OsStr};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use super::fsroot::{fd_path, open_in_root};

pub fn cstr(name: &OsStr) -> io::Result<CString> {
    CString::new(name.as_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// openat with O_NOFOLLOW: a symlink as the last component fails with ELOOP.
pub fn openat(dir: RawFd, name: &CStr, flags: i32, mode: u32) -> io::Result<OwnedFd> {
    let fd = check(unsafe { libc::openat(dir, name.as_ptr(), flags | libc::O_CLOEXEC | libc::O_NOFOLLOW, mode) })?;
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

fn fstat(fd: RawFd) -> io::Result<libc::stat> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    check(unsafe { libc::fstat(fd, &mut st) })?;
    Ok(st)
}

/// lstat of `name` in `dir`; None when it doesn't exist.
pub fn lstatat(dir: RawFd, name: &CStr) -> io::Result<Option<libc::stat>> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstatat(dir, name.as_ptr(), &mut st, libc::AT_SYMLINK_NOFOLLOW) } < 0 {
        let e = io::Error::last_os_error();
        return if e.raw_os_error() == Some(libc::ENOENT) { Ok(None) } else { Err(e) };
    }
    Ok(Some(st))
}

/// The target of the symlink `name` in `dir`.
fn read_link_at(dir: RawFd, name: &CStr) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; libc::PATH_MAX as usize];
    let n = unsafe { libc::readlinkat(dir, name.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    buf.truncate(n as usize);
    Ok(buf)
}

pub fn is_dir(st: &libc::stat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFDIR
}

/// How entries are written.
#[derive(Clone, Copy)]
pub struct CopyMode {
    /// Give copies the source's owner (copy-up, `cp -a`); otherwise they belong to whoever
    /// copies (root of the user namespace: the container's root, the user on the host).
    pub keep_owner: bool,
    /// `cp --overwrite`: a directory may replace a non-directory and the reverse (the
    /// existing entry is removed first); otherwise that is an error (ENOTDIR / EISDIR).
    pub overwrite: bool,
    /// Without `keep_owner`: the owner copies get instead of the copier's (the root of a
    /// container with its own user namespace, in the per-user namespace's ids).
    pub owner: Option<(u32, u32)>,
}

/// If `data` (the volume) is empty and `dest` is a directory inside the root, copies its
/// content, modes and owners into `data`.
pub fn copy_up(root: RawFd, dest: &Path, data: &Path) -> io::Result<()> {
    let Ok(src) = open_in_root(root, dest, libc::O_DIRECTORY | libc::O_RDONLY) else { return Ok(()) };
    if std::fs::read_dir(data)?.next().is_some() {
        return Ok(());
    }
    let dst = std::fs::File::open(data)?;
    let st = fstat(src.as_raw_fd())?;
    check(unsafe { libc::fchown(dst.as_raw_fd(), st.st_uid, st.st_gid) })?;
    check(unsafe { libc::fchmod(dst.as_raw_fd(), st.st_mode & 0o7777) })?;
    copy_dir(&src, dst.as_raw_fd(), CopyMode { keep_owner: true, overwrite: false, owner: None })
}

/// Copies the content of the directory `src` into the directory `dst`.
pub fn copy_dir(src: &OwnedFd, dst: RawFd, mode: CopyMode) -> io::Result<()> {
    for entry in std::fs::read_dir(fd_path(src))? {
        let name = cstr(&entry?.file_name())?;
        copy_entry(src.as_raw_fd(), &name, dst, &name, mode)?;
    }
    Ok(())
}

fn set_owner_mode(fd: RawFd, st: &libc::stat, mode: CopyMode) -> io::Result<()> {
    if mode.keep_owner {
        check(unsafe { libc::fchown(fd, st.st_uid, st.st_gid) })?;
    } else if let Some((uid, gid)) = mode.owner {
        check(unsafe { libc::fchown(fd, uid, gid) })?;
    }
    check(unsafe { libc::fchmod(fd, st.st_mode & 0o7777) })?;
    Ok(())
}

/// Copies `name` of directory `src_dir` to `dst_name` in `dst_dir`: a directory is merged
/// into an existing one, a file or symlink replaces an existing non-directory.
pub fn copy_entry(src_dir: RawFd, name: &CStr, dst_dir: RawFd, dst_name: &CStr, mode: CopyMode) -> io::Result<()> {
    let Some(st) = lstatat(src_dir, name)? else { return Err(io::Error::from_raw_os_error(libc::ENOENT)) };
    let mut existing = lstatat(dst_dir, dst_name)?;
    if mode.overwrite && existing.is_some_and(|e| is_dir(&e) != is_dir(&st)) {
        remove_at(dst_dir, dst_name)?;
        existing = None;
    }
    match (st.st_mode & libc::S_IFMT, existing) {
        (libc::S_IFDIR, Some(e)) if !is_dir(&e) => return Err(io::Error::from_raw_os_error(libc::ENOTDIR)),
        (libc::S_IFDIR, _) => {}
        (_, Some(e)) if is_dir(&e) => return Err(io::Error::from_raw_os_error(libc::EISDIR)),
        (_, Some(_)) => {
            check(unsafe { libc::unlinkat(dst_dir, dst_name.as_ptr(), 0) })?;
        }
        _ => {}
    }
    match st.st_mode & libc::S_IFMT {
        libc::S_IFDIR => {
            if existing.is_none() {
                check(unsafe { libc::mkdirat(dst_dir, dst_name.as_ptr(), 0o700) })?;
            }
            let s = openat(src_dir, name, libc::O_DIRECTORY | libc::O_RDONLY, 0)?;
            let d = openat(dst_dir, dst_name, libc::O_DIRECTORY | libc::O_RDONLY, 0)?;
            copy_dir(&s, d.as_raw_fd(), mode)?;
            set_owner_mode(d.as_raw_fd(), &st, mode)?;
        }
        libc::S_IFREG => {
            let s = openat(src_dir, name, libc::O_RDONLY, 0)?;
            let d = openat(dst_dir, dst_name, libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL, 0o600)?;
            io::copy(&mut std::fs::File::from(s), &mut std::fs::File::from(d.try_clone()?))?;
            set_owner_mode(d.as_raw_fd(), &st, mode)?;
        }
        libc::S_IFLNK => {
            let target =
                CString::new(read_link_at(src_dir, name)?).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
            check(unsafe { libc::symlinkat(target.as_ptr(), dst_dir, dst_name.as_ptr()) })?;
            let owner = if mode.keep_owner { Some((st.st_uid, st.st_gid)) } else { mode.owner };
            if let Some((uid, gid)) = owner {
                check(unsafe { libc::fchownat(dst_dir, dst_name.as_ptr(), uid, gid, libc::AT_SYMLINK_NOFOLLOW) })?;
            }
        }
        // Devices, fifos and sockets are not copied.
        _ => {}
    }
    Ok(())
}

/// Removes `name` in `dir`, a whole tree for a directory, through fds (O_NOFOLLOW): a
/// symlink is removed itself, never followed.
pub fn remove_at(dir: RawFd, name: &CStr) -> io::Result<()> {
    let Some(st) = lstatat(dir, name)? else { return Ok(()) };
    if !is_dir(&st) {
        check(unsafe { libc::unlinkat(dir, name.as_ptr(), 0) })?;
        return Ok(());
    }
    let d = openat(dir, name, libc::O_DIRECTORY | libc::O_RDONLY, 0)?;
    for entry in std::fs::read_dir(fd_path(&d))? {
        remove_at(d.as_raw_fd(), &cstr(&entry?.file_name())?)?;
    }
    check(unsafe { libc::unlinkat(dir, name.as_ptr(), libc::AT_REMOVEDIR) })?;
    Ok(())
}

/// Writes `name` of directory `dir` (a whole tree) to a tar stream as `path`, walking
/// through fds with O_NOFOLLOW like [`copy_entry`]. Devices, fifos and sockets are left out.
pub fn tar_entry<W: io::Write>(b: &mut tar::Builder<W>, dir: RawFd, name: &CStr, path: &Path, owners: Owners) -> io::Result<()> {
    let Some(st) = lstatat(dir, name)? else { return Err(io::Error::from_raw_os_error(libc::ENOENT)) };
    let mut h = tar::Header::new_gnu();
    h.set_mode(st.st_mode & 0o7777);
    let (uid, gid) = owners(st.st_uid, st.st_gid);
    h.set_uid(u64::from(uid));
    h.set_gid(u64::from(gid));
    h.set_mtime(st.st_mtime.max(0) as u64);
    h.set_size(0);
    match st.st_mode & libc::S_IFMT {
        libc::S_IFDIR => {
            h.set_entry_type(tar::EntryType::Directory);
            b.append_data(&mut h, path, io::empty())?;
            let d = openat(dir, name, libc::O_DIRECTORY | libc::O_RDONLY, 0)?;
            tar_dir(b, &d, path, owners)?;
        }
        libc::S_IFREG => {
            let f = openat(dir, name, libc::O_RDONLY, 0)?;
            h.set_entry_type(tar::EntryType::Regular);
            h.set_size(st.st_size.max(0) as u64);
            b.append_data(&mut h, path, std::fs::File::from(f))?;
        }
        libc::S_IFLNK => {
            let buf = read_link_at(dir, name)?;
            h.set_entry_type(tar::EntryType::Symlink);
            b.append_link(&mut h, path, Path::new(OsStr::from_bytes(&buf)))?;
        }
        _ => {}
    }
    Ok(())
}

/// The entries of directory `d`, under `path` in the archive.
/// Turns an owner as the files have it into the owner written to the tar.
pub type Owners<'a> = &'a dyn Fn(u32, u32) -> (u32, u32);

/// Owners as they are.
pub fn same_owners(uid: u32, gid: u32) -> (u32, u32) {
    (uid, gid)
}

pub fn tar_dir<W: io::Write>(b: &mut tar::Builder<W>, d: &OwnedFd, path: &Path, owners: Owners) -> io::Result<()> {
    for entry in std::fs::read_dir(fd_path(d))? {
        let entry_name = entry?.file_name();
        let n = cstr(&entry_name)?;
        tar_entry(b, d.as_raw_fd(), &n, &path.join(&entry_name), owners)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_fd(p: &Path) -> OwnedFd {
        OwnedFd::from(std::fs::File::open(p).unwrap())
    }

    #[test]
    fn symlinks_are_copied_never_followed() {
        let base = std::env::temp_dir().join(format!("burrow-fdcopy-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let (src, dst, outside) = (base.join("src"), base.join("dst"), base.join("outside"));
        for d in [src.join("a/sub"), dst.clone(), outside.clone()] {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(src.join("a/sub/f"), "data").unwrap();
        std::os::unix::fs::symlink(&outside, src.join("a/out")).unwrap();
        std::fs::write(src.join("x"), "new").unwrap();
        std::fs::write(outside.join("victim"), "keep").unwrap();
        // A symlink already at the destination is replaced, not written through.
        std::os::unix::fs::symlink(outside.join("victim"), dst.join("x")).unwrap();
        let (s, d) = (dir_fd(&src), dir_fd(&dst));
        let mode = CopyMode { keep_owner: false, overwrite: false, owner: None };
        for name in ["a", "x"] {
            let n = CString::new(name).unwrap();
            copy_entry(s.as_raw_fd(), &n, d.as_raw_fd(), &n, mode).unwrap();
        }
        assert_eq!(std::fs::read_to_string(dst.join("a/sub/f")).unwrap(), "data");
        assert_eq!(std::fs::read_link(dst.join("a/out")).unwrap(), outside);
        assert_eq!(std::fs::read_to_string(dst.join("x")).unwrap(), "new");
        assert!(!std::fs::symlink_metadata(dst.join("x")).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(outside.join("victim")).unwrap(), "keep");
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 1, "nothing written outside");
        // Into a directory that holds a symlink of the same name as a source directory:
        // refused (ENOTDIR), not followed.
        let n = CString::new("a").unwrap();
        std::fs::remove_dir_all(dst.join("a")).unwrap();
        std::os::unix::fs::symlink(&outside, dst.join("a")).unwrap();
        assert!(copy_entry(s.as_raw_fd(), &n, d.as_raw_fd(), &n, mode).is_err());
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&base);
    }
}
