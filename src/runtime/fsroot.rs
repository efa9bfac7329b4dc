//! Resolving paths inside a container's root without ever leaving it.
//!
//! Every mount target and every file burrow creates in a rootfs is reached with
//! openat2(RESOLVE_IN_ROOT): symlinks in the image (`/etc/hosts -> /etc/shadow`,
//! `/dev -> /`) resolve as they would inside the container, never to a host path. Mounts
//! then target `/proc/self/fd/N` of the resolved O_PATH fd, as runc does.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::{Component, Path, PathBuf};

const RESOLVE_NO_MAGICLINKS: u64 = 0x02;
const RESOLVE_IN_ROOT: u64 = 0x10;

#[repr(C)]
struct OpenHow {
    flags: u64,
    mode: u64,
    resolve: u64,
}

/// openat2 with RESOLVE_IN_ROOT relative to `root`.
pub fn open_in_root(root: RawFd, path: &Path, flags: i32) -> io::Result<OwnedFd> {
    let rel = path.strip_prefix("/").unwrap_or(path);
    let rel = if rel.as_os_str().is_empty() { Path::new(".") } else { rel };
    let c = CString::new(rel.as_os_str().as_encoded_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    let how =
        OpenHow { flags: (flags | libc::O_CLOEXEC) as u64, mode: 0, resolve: RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS };
    let fd = unsafe {
        libc::syscall(libc::SYS_openat2, root, c.as_ptr(), &how as *const OpenHow, std::mem::size_of::<OpenHow>())
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dir,
    File,
}

/// Resolves `path` inside `root`, creating missing directories (0755) and, if missing, the
/// final component as a directory or an empty file. A dangling symlink on the way is
/// followed the way the container would see it (its target, inside the root, is created).
/// Returns an O_PATH fd of the result.
pub fn ensure_in_root(root: RawFd, path: &Path, kind: Kind) -> io::Result<OwnedFd> {
    ensure_depth(root, path, kind, 0)
}

/// Lexically normalised components (`..` stops at the root, as it does inside it).
fn components(path: &Path) -> Vec<std::ffi::OsString> {
    let mut out: Vec<std::ffi::OsString> = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(n) => out.push(n.to_os_string()),
            Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

fn ensure_depth(root: RawFd, path: &Path, kind: Kind, depth: u32) -> io::Result<OwnedFd> {
    if depth > 40 {
        return Err(io::Error::from_raw_os_error(libc::ELOOP));
    }
    if let Ok(fd) = open_in_root(root, path, libc::O_PATH) {
        return Ok(fd);
    }
    let comps = components(path);
    for i in 0..comps.len() {
        let so_far: PathBuf = comps[..=i].iter().collect();
        match open_in_root(root, &so_far, libc::O_PATH) {
            Ok(_) => continue,
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            Err(e) => return Err(e),
        }
        let parent: PathBuf = comps[..i].iter().collect();
        // `parent` was resolved inside the root and the name has no slash: this can't escape.
        let dir_fd = open_in_root(root, &parent, libc::O_DIRECTORY | libc::O_RDONLY)?;
        let name = CString::new(comps[i].as_encoded_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        if let Ok(target) = nix::fcntl::readlinkat(&dir_fd, comps[i].as_os_str()) {
            let target = PathBuf::from(target);
            let mut next = if target.is_absolute() { target } else { Path::new("/").join(&parent).join(target) };
            for rest in &comps[i + 1..] {
                next.push(rest);
            }
            return ensure_depth(root, &next, kind, depth + 1);
        }
        let last = i + 1 == comps.len();
        if !last || kind == Kind::Dir {
            let r = unsafe { libc::mkdirat(dir_fd.as_raw_fd(), name.as_ptr(), 0o755) };
            if r < 0 && io::Error::last_os_error().raw_os_error() != Some(libc::EEXIST) {
                return Err(io::Error::last_os_error());
            }
        } else {
            let flags = libc::O_CREAT | libc::O_WRONLY | libc::O_NOFOLLOW | libc::O_CLOEXEC;
            let fd = unsafe { libc::openat(dir_fd.as_raw_fd(), name.as_ptr(), flags, 0o644) };
            if fd < 0 && io::Error::last_os_error().raw_os_error() != Some(libc::EEXIST) {
                return Err(io::Error::last_os_error());
            }
            if fd >= 0 {
                unsafe { libc::close(fd) };
            }
        }
    }
    open_in_root(root, path, libc::O_PATH)
}

/// The `/proc/self/fd/N` path of an fd, for mount(2) targets and sources.
pub fn fd_path(fd: &OwnedFd) -> String {
    format!("/proc/self/fd/{}", fd.as_raw_fd())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmpdir(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("burrow-fsroot-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn symlinks_resolve_inside_the_root() {
        let base = tmpdir("sym");
        let root = base.join("root");
        let outside = base.join("outside");
        std::fs::create_dir_all(root.join("etc")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("etc/evil")).unwrap();
        std::os::unix::fs::symlink("/etc/shadow-in-root", root.join("etc/hosts")).unwrap();
        let rfd = std::fs::File::open(&root).unwrap();
        ensure_in_root(rfd.as_raw_fd(), Path::new("/etc/evil/x"), Kind::File).unwrap();
        ensure_in_root(rfd.as_raw_fd(), Path::new("/etc/hosts"), Kind::File).unwrap();
        ensure_in_root(rfd.as_raw_fd(), Path::new("/a/b/c"), Kind::Dir).unwrap();
        assert!(std::fs::read_dir(&outside).unwrap().next().is_none(), "nothing created outside the root");
        assert!(root.join(outside.strip_prefix("/").unwrap()).join("x").exists(), "created inside instead");
        assert!(root.join("etc/shadow-in-root").exists());
        assert!(root.join("a/b/c").is_dir());
        let _ = std::fs::remove_dir_all(&base);
    }
}
