//! The vfs backend's copy: an image's layer dirs (overlay format: a whiteout is a 0/0
//! character device, an opaque directory carries an `overlay.opaque` xattr) merged,
//! bottom layer first, into one plain directory tree that becomes the container's root.
//!
//! Owners, modes, times, xattrs (file capabilities) and hard links are kept; overlay's own
//! xattrs are not. Every entry is reached through its parent's fd with O_NOFOLLOW, so a
//! symlink in a lower layer is replaced, never followed.

use std::collections::HashMap;
use std::ffi::{CStr, CString};
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};

use crate::runtime::fdcopy::{cstr, is_dir, lstatat, openat};
use crate::runtime::fsroot::fd_path;

fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// Merges `layers` (bottom first) into the existing, empty directory `dest`.
pub fn flatten(layers: &[PathBuf], dest: &Path) -> io::Result<()> {
    let d = OwnedFd::from(std::fs::File::open(dest)?);
    for layer in layers {
        let s = OwnedFd::from(std::fs::File::open(layer)?);
        let mut links = Links { root: &d, seen: HashMap::new() };
        merge_dir(&s, &d, &mut Vec::new(), &mut links)?;
        copy_meta(s.as_raw_fd(), d.as_raw_fd())?;
    }
    Ok(())
}

/// The first copy of each multiply-linked file of the layer being merged, by source inode.
struct Links<'a> {
    root: &'a OwnedFd,
    seen: HashMap<(u64, u64), CString>,
}

fn is_whiteout(st: &libc::stat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFCHR && st.st_rdev == 0
}

fn is_opaque(dir: RawFd) -> bool {
    [c"user.overlay.opaque", c"trusted.overlay.opaque"].iter().any(|key| {
        let mut v = [0u8; 2];
        let n = unsafe { libc::fgetxattr(dir, key.as_ptr(), v.as_mut_ptr().cast(), v.len()) };
        n == 1 && v[0] == b'y'
    })
}

/// Removes `name` in `dir`, a whole tree if it is a directory.
fn remove_at(dir: &OwnedFd, name: &CStr) -> io::Result<()> {
    if !lstatat(dir.as_raw_fd(), name)?.is_some_and(|st| is_dir(&st)) {
        check(unsafe { libc::unlinkat(dir.as_raw_fd(), name.as_ptr(), 0) })?;
        return Ok(());
    }
    let path = PathBuf::from(fd_path(dir)).join(name.to_string_lossy().as_ref());
    super::remove_tree(&path).map_err(|e| io::Error::other(e.to_string()))
}

fn merge_dir(src: &OwnedFd, dst: &OwnedFd, rel: &mut Vec<u8>, links: &mut Links) -> io::Result<()> {
    for entry in std::fs::read_dir(fd_path(src))? {
        let name = cstr(&entry?.file_name())?;
        let Some(st) = lstatat(src.as_raw_fd(), &name)? else { continue };
        let existing = lstatat(dst.as_raw_fd(), &name)?;
        let len = rel.len();
        rel.extend_from_slice(b"/");
        rel.extend_from_slice(name.to_bytes());
        let r = merge_entry(src, dst, &name, &st, existing, rel, links);
        let shown = String::from_utf8_lossy(rel).into_owned();
        rel.truncate(len);
        // A directory's error already names the entry below it that failed.
        r.map_err(|e| if is_dir(&st) { e } else { io::Error::new(e.kind(), format!("{shown}: {e}")) })?;
    }
    Ok(())
}

fn merge_entry(
    src: &OwnedFd,
    dst: &OwnedFd,
    name: &CStr,
    st: &libc::stat,
    existing: Option<libc::stat>,
    rel: &mut Vec<u8>,
    links: &mut Links,
) -> io::Result<()> {
    let (s, d) = (src.as_raw_fd(), dst.as_raw_fd());
    if is_whiteout(st) {
        return if existing.is_some() { remove_at(dst, name) } else { Ok(()) };
    }
    if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        let sdir = openat(s, name, libc::O_DIRECTORY | libc::O_RDONLY, 0)?;
        match existing {
            Some(e) if is_dir(&e) => {
                if is_opaque(sdir.as_raw_fd()) {
                    // Opaque: nothing of the lower layers' directory shows through.
                    remove_at(dst, name)?;
                    check(unsafe { libc::mkdirat(d, name.as_ptr(), 0o700) })?;
                }
            }
            Some(_) => {
                remove_at(dst, name)?;
                check(unsafe { libc::mkdirat(d, name.as_ptr(), 0o700) })?;
            }
            None => {
                check(unsafe { libc::mkdirat(d, name.as_ptr(), 0o700) })?;
            }
        }
        let ddir = openat(d, name, libc::O_DIRECTORY | libc::O_RDONLY, 0)?;
        merge_dir(&sdir, &ddir, rel, links)?;
        return copy_meta(sdir.as_raw_fd(), ddir.as_raw_fd());
    }
    if existing.is_some() {
        remove_at(dst, name)?;
    }
    match st.st_mode & libc::S_IFMT {
        libc::S_IFREG => {
            let key = (st.st_dev, st.st_ino);
            if st.st_nlink > 1 {
                if let Some(first) = links.seen.get(&key) {
                    let first_rel = &first.as_bytes()[1..];
                    let first_rel = CString::new(first_rel).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
                    check(unsafe { libc::linkat(links.root.as_raw_fd(), first_rel.as_ptr(), d, name.as_ptr(), 0) })?;
                    return Ok(());
                }
            }
            let sf = openat(s, name, libc::O_RDONLY, 0)?;
            let df = openat(d, name, libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL, 0o600)?;
            io::copy(&mut std::fs::File::from(sf.try_clone()?), &mut std::fs::File::from(df.try_clone()?))?;
            copy_meta(sf.as_raw_fd(), df.as_raw_fd())?;
            if st.st_nlink > 1 {
                links.seen.insert(key, CString::new(rel.clone()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?);
            }
        }
        libc::S_IFLNK => {
            let mut buf = vec![0u8; libc::PATH_MAX as usize];
            let n = unsafe { libc::readlinkat(s, name.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
            if n < 0 {
                return Err(io::Error::last_os_error());
            }
            buf.truncate(n as usize);
            let target = CString::new(buf).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
            check(unsafe { libc::symlinkat(target.as_ptr(), d, name.as_ptr()) })?;
            check(unsafe { libc::fchownat(d, name.as_ptr(), st.st_uid, st.st_gid, libc::AT_SYMLINK_NOFOLLOW) })?;
            let times = [st_atime(st), st_mtime(st)];
            check(unsafe { libc::utimensat(d, name.as_ptr(), times.as_ptr(), libc::AT_SYMLINK_NOFOLLOW) })?;
        }
        libc::S_IFIFO | libc::S_IFCHR | libc::S_IFBLK => {
            check(unsafe { libc::mknodat(d, name.as_ptr(), st.st_mode, st.st_rdev) })?;
            check(unsafe { libc::fchownat(d, name.as_ptr(), st.st_uid, st.st_gid, libc::AT_SYMLINK_NOFOLLOW) })?;
            check(unsafe { libc::fchmodat(d, name.as_ptr(), st.st_mode & 0o7777, 0) })?;
        }
        // Sockets are not image content.
        _ => {}
    }
    Ok(())
}

fn st_atime(st: &libc::stat) -> libc::timespec {
    libc::timespec { tv_sec: st.st_atime, tv_nsec: st.st_atime_nsec }
}

fn st_mtime(st: &libc::stat) -> libc::timespec {
    libc::timespec { tv_sec: st.st_mtime, tv_nsec: st.st_mtime_nsec }
}

/// Owner, mode (after the owner: chown clears set-id bits), xattrs and times of `src` on `dst`.
fn copy_meta(src: RawFd, dst: RawFd) -> io::Result<()> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    check(unsafe { libc::fstat(src, &mut st) })?;
    check(unsafe { libc::fchown(dst, st.st_uid, st.st_gid) })?;
    copy_xattrs(src, dst);
    check(unsafe { libc::fchmod(dst, st.st_mode & 0o7777) })?;
    let times = [st_atime(&st), st_mtime(&st)];
    check(unsafe { libc::futimens(dst, times.as_ptr()) })?;
    Ok(())
}

/// Copies xattrs but overlay's own (whiteout and opaque markers, fuse-overlayfs' records).
/// A value the destination filesystem refuses is left out, as podman's vfs driver does.
fn copy_xattrs(src: RawFd, dst: RawFd) {
    let mut names = vec![0u8; 4096];
    let n = unsafe { libc::flistxattr(src, names.as_mut_ptr().cast(), names.len()) };
    if n <= 0 {
        return;
    }
    names.truncate(n as usize);
    for key in names.split(|b| *b == 0).filter(|k| !k.is_empty()) {
        let k = String::from_utf8_lossy(key);
        if k.contains(".overlay.") || k.starts_with("user.fuseoverlayfs.") {
            continue;
        }
        let Ok(ck) = CString::new(key) else { continue };
        let mut val = vec![0u8; 64 * 1024];
        let len = unsafe { libc::fgetxattr(src, ck.as_ptr(), val.as_mut_ptr().cast(), val.len()) };
        if len < 0 {
            continue;
        }
        unsafe { libc::fsetxattr(dst, ck.as_ptr(), val.as_ptr().cast(), len as usize, 0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn layers_merge_with_whiteouts_opaque_dirs_and_hard_links() {
        let base = std::env::temp_dir().join(format!("burrow-flatten-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let (l1, l2, dest) = (base.join("l1"), base.join("l2"), base.join("dest"));
        for d in [l1.join("etc/old"), l1.join("bin"), l2.join("etc/old"), l2.join("bin"), dest.clone()] {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(l1.join("bin/busybox"), "bb").unwrap();
        std::fs::hard_link(l1.join("bin/busybox"), l1.join("bin/ls")).unwrap();
        std::fs::write(l1.join("etc/old/a"), "a").unwrap();
        std::fs::write(l1.join("etc/gone"), "x").unwrap();
        std::os::unix::fs::symlink("/etc", l1.join("link")).unwrap();
        // Layer 2: a whiteout (if we may make one), an opaque dir, a dir over the symlink.
        let wh = CString::new(l2.join("etc/gone").to_str().unwrap()).unwrap();
        let whiteouts = unsafe { libc::mknod(wh.as_ptr(), libc::S_IFCHR, 0) } == 0;
        let opq = CString::new(l2.join("etc/old").to_str().unwrap()).unwrap();
        let opaque =
            unsafe { libc::setxattr(opq.as_ptr(), c"user.overlay.opaque".as_ptr(), b"y".as_ptr().cast(), 1, 0) } == 0;
        std::fs::write(l2.join("etc/old/b"), "b").unwrap();
        std::fs::create_dir(l2.join("link")).unwrap();
        std::fs::write(l2.join("link/f"), "in dir").unwrap();

        flatten(&[l1.clone(), l2.clone()], &dest).unwrap();
        assert_eq!(std::fs::read_to_string(dest.join("bin/ls")).unwrap(), "bb");
        assert_eq!(
            std::fs::metadata(dest.join("bin/ls")).unwrap().ino(),
            std::fs::metadata(dest.join("bin/busybox")).unwrap().ino(),
            "hard links stay links"
        );
        if whiteouts {
            assert!(!dest.join("etc/gone").exists(), "the whiteout removed the lower file");
        }
        if opaque {
            assert!(!dest.join("etc/old/a").exists(), "the opaque dir hides the lower content");
        }
        assert_eq!(std::fs::read_to_string(dest.join("etc/old/b")).unwrap(), "b");
        assert!(std::fs::symlink_metadata(dest.join("link")).unwrap().is_dir(), "the symlink was replaced");
        assert_eq!(std::fs::read_to_string(dest.join("link/f")).unwrap(), "in dir");
        let _ = std::fs::remove_dir_all(&base);
    }
}
