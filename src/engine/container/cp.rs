//! `cp`: files between the host and a container, both ways. A trust boundary: inside the
//! container every path is resolved with openat2(RESOLVE_IN_ROOT) from the container's root
//! (`/proc/<pid>/root` while it runs, else its rootfs mounted in a private mount namespace
//! of this process), and the tree is copied through fds with O_NOFOLLOW (runtime/fdcopy.rs):
//! a symlink in the container, even one swapped in while the copy runs, is copied as a
//! symlink and never makes burrow read or write a host path.

use std::ffi::CString;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::super::Engine;
use crate::error::{errno_text, Error, Result};
use crate::runtime::fdcopy::{self, CopyMode};
use crate::runtime::fsroot::open_in_root;
use crate::storage::containers::ContainerRow;
use crate::userns::mapping;

/// `cp` as given.
#[derive(Debug, Clone, Default)]
pub struct CpOptions {
    pub source: String,
    pub dest: String,
    pub archive: bool,
    pub overwrite: bool,
}

#[derive(Debug, PartialEq, Eq)]
enum Location {
    Host(String),
    Container { name: String, path: String },
}

/// `CTR:PATH` names a container; a path starting with `/` or `.` is always the host's.
fn location(s: &str) -> Location {
    if s.starts_with('/') || s.starts_with('.') {
        return Location::Host(s.to_string());
    }
    match s.split_once(':') {
        Some((c, p)) if !c.is_empty() => Location::Container { name: c.to_string(), path: p.to_string() },
        _ => Location::Host(s.to_string()),
    }
}

/// A path split into its directory and last name; `contents` for `DIR/.` (copy what is in
/// the directory, not the directory) and for `/`.
#[derive(Debug, PartialEq, Eq)]
struct Split {
    dir: PathBuf,
    name: Option<String>,
    trailing_slash: bool,
}

fn split(path: &str) -> Split {
    let trailing_slash = path.ends_with('/') || path.ends_with("/.");
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return Split { dir: "/".into(), name: None, trailing_slash: true };
    }
    let (dir, name) = match trimmed.rsplit_once('/') {
        Some((d, n)) => (if d.is_empty() { "/" } else { d }, n),
        None => (".", trimmed),
    };
    let name = if name == "." { None } else { Some(name.to_string()) };
    Split { dir: dir.into(), name, trailing_slash }
}

fn not_found(path: &str, place: &str) -> Error {
    Error::usage(format!("{path:?} could not be found on {place}: no such file or directory"))
}

fn cname(s: &str) -> Result<CString> {
    CString::new(s).map_err(|_| Error::usage(format!("invalid path {s:?}")))
}

/// One side of the copy: a directory fd and, unless the directory itself is meant, a name.
struct Side {
    dir: OwnedFd,
    name: Option<CString>,
}

fn open_dir_host(p: &Path) -> std::io::Result<OwnedFd> {
    let c = fdcopy::cstr(p.as_os_str())?;
    let fd = unsafe { libc::open(c.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(unsafe { std::os::fd::FromRawFd::from_raw_fd(fd) })
}

/// Opens directory `p` on one side: inside `root` when given, else on the host.
fn open_dir(root: Option<&OwnedFd>, p: &Path) -> std::io::Result<OwnedFd> {
    match root {
        Some(r) => open_in_root(r.as_raw_fd(), p, libc::O_DIRECTORY | libc::O_RDONLY),
        None => open_dir_host(p),
    }
}

impl Engine {
    pub fn copy(&mut self, o: &CpOptions) -> Result<()> {
        let mode = CopyMode { keep_owner: o.archive, overwrite: o.overwrite, owner: None };
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let absolute = |p: &str| if p.starts_with('/') { p.to_string() } else { cwd.join(p).display().to_string() };
        if o.source == "-" || o.dest == "-" {
            return self.copy_tar(o);
        }
        match (location(&o.source), location(&o.dest)) {
            (Location::Container { .. }, Location::Container { .. }) => {
                Err(Error::usage("copying from a container to another container is not supported"))
            }
            (Location::Host(_), Location::Host(_)) => {
                Err(Error::usage(format!("invalid arguments {}, {} you must use just one container", o.source, o.dest)))
            }
            (Location::Host(src), Location::Container { name, path }) => {
                let src = absolute(&src);
                let (c, root) = self.container_root(&name)?;
                let place = format!("container {}", c.name);
                let from = source_side(None, &src, "the host")?;
                let mode = CopyMode { owner: self.container_root_ids(&c), ..mode };
                copy_sides(from, Some(&root), &path, &place, mode)
            }
            (Location::Container { name, path }, Location::Host(dst)) => {
                let dst = absolute(&dst);
                let (c, root) = self.container_root(&name)?;
                let place = format!("container {}", c.name);
                let from = source_side(Some(&root), &path, &place)?;
                copy_sides(from, None, &dst, "the host", mode)
            }
        }
    }

    /// `cp - CTR:DIR` extracts a tar from stdin into an existing directory (with the layer
    /// extractor: every entry created through fds, nothing followed); `cp CTR:PATH -`
    /// writes the tree as a tar to stdout.
    fn copy_tar(&mut self, o: &CpOptions) -> Result<()> {
        let other = if o.source == "-" { &o.dest } else { &o.source };
        let Location::Container { name, path } = location(other) else {
            return Err(Error::usage("with \"-\" the other argument must be CONTAINER:PATH"));
        };
        let (c, root) = self.container_root(&name)?;
        let place = format!("container {}", c.name);
        if o.source == "-" {
            let dir = open_dir(Some(&root), Path::new(&path)).map_err(|_| not_found(&path, &place))?;
            let target = PathBuf::from(crate::runtime::fsroot::fd_path(&dir));
            let opts = crate::storage::extract::ExtractOptions {
                user_xattrs: self.store.rootless,
                skip_devices: self.store.rootless,
                ignore_chown_errors: !o.archive,
                id_maps: self.owners_back(&c.id).maps,
            };
            crate::storage::extract::extract_layer(std::io::stdin().lock(), &target, &opts)
                .map_err(|e| Error::usage(format!("copying to {path:?} on {place}: {e}")))?;
            return Ok(());
        }
        let from = source_side(Some(&root), &path, &place)?;
        let out = std::io::stdout().lock();
        let mut b = tar::Builder::new(out);
        // The owners the container sees, also when it has a user namespace of its own.
        let back = self.owners_back(&c.id);
        let owners = |u: u32, g: u32| back.owner(u, g);
        let r = match &from.name {
            Some(n) => fdcopy::tar_entry(
                &mut b,
                from.dir.as_raw_fd(),
                n,
                Path::new(std::ffi::OsStr::from_bytes(n.as_bytes())),
                &owners,
            ),
            None => fdcopy::tar_dir(&mut b, &from.dir, Path::new(""), &owners),
        };
        r.and_then(|_| b.finish()).map_err(|e| Error::io(format!("writing {path:?} of {place} as tar"), e))
    }

    /// The ids of root in a container with its own user namespace (keep-id, ...): copies
    /// into it belong to them, as they belong to root in any other container.
    fn container_root_ids(&self, c: &ContainerRow) -> Option<(u32, u32)> {
        let (u, g) = self.owners_back(&c.id).maps?;
        Some((mapping::to_parent(&u, 0), mapping::to_parent(&g, 0)))
    }

    /// The container's root directory: `/proc/<pid>/root` while it runs (its mounts
    /// included), else its rootfs mounted in a private mount namespace of this process
    /// (gone when the process exits; volumes of a stopped container are not mounted).
    fn container_root(&mut self, name: &str) -> Result<(ContainerRow, OwnedFd)> {
        let c = self.container(name)?;
        if c.state.is_active() && c.pid > 0 {
            let p = PathBuf::from(format!("/proc/{}/root", c.pid));
            let fd =
                open_dir_host(&p).map_err(|e| Error::io(format!("opening the root of container {}", c.name), e))?;
            return Ok((c, fd));
        }
        let rt_path = self.store.paths.container(&c.id).join("runtime.json");
        let text =
            std::fs::read_to_string(&rt_path).map_err(|e| Error::io(format!("reading {}", rt_path.display()), e))?;
        let rt: crate::runtime::RuntimeConfig = serde_json::from_str(&text).map_err(Error::other)?;
        let cwd = std::env::current_dir().ok();
        nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS)
            .map_err(|e| Error::other(format!("creating a mount namespace: {e}")))?;
        nix::mount::mount(
            None::<&str>,
            "/",
            None::<&str>,
            nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_PRIVATE,
            None::<&str>,
        )
        .map_err(|e| Error::other(format!("making mounts private: {e}")))?;
        if rt.rootfs.driver == "fuse-overlayfs" {
            // Mounted in our private namespace; the daemon dies with us (PDEATHSIG).
            let log = self.store.paths.container(&c.id).join("fuse-overlayfs-cp.log");
            crate::runtime::fuse::FuseMount::mount(&rt.rootfs, &log).map_err(Error::other)?.keep();
        }
        let merged = crate::runtime::init::mount_rootfs(&rt.rootfs).map_err(|e| Error::other(e.msg))?;
        if let Some(d) = cwd {
            let _ = std::env::set_current_dir(d);
        }
        let fd = open_dir_host(&merged).map_err(|e| Error::io(format!("opening {}", merged.display()), e))?;
        Ok((c, fd))
    }
}

/// The source: its directory opened (inside `root` when given), and its name.
fn source_side(root: Option<&OwnedFd>, path: &str, place: &str) -> Result<Side> {
    let s = split(path);
    let dir = open_dir(root, &s.dir).map_err(|_| not_found(path, place))?;
    let name = s.name.as_deref().map(cname).transpose()?;
    if let Some(n) = &name {
        match fdcopy::lstatat(dir.as_raw_fd(), n) {
            Ok(Some(st)) if s.trailing_slash && !fdcopy::is_dir(&st) => {
                return Err(Error::usage(format!("{path:?}: not a directory")))
            }
            Ok(Some(_)) => {}
            _ => return Err(not_found(path, place)),
        }
    }
    Ok(Side { dir, name })
}

/// Copies `from` to `dest` (inside `root` when given) with podman's rules: into an
/// existing directory under the source's name, else as `dest` itself in its existing
/// parent.
fn copy_sides(from: Side, root: Option<&OwnedFd>, dest: &str, place: &str, mode: CopyMode) -> Result<()> {
    let fail = |e: std::io::Error| {
        let msg = format!("copying to {dest:?} on {place}: {}", errno_text(&e));
        match e.raw_os_error() {
            Some(libc::ENOTDIR) | Some(libc::EISDIR) if !mode.overwrite => Error::usage_hint(
                msg,
                "a directory can't replace a non-directory (or the reverse) unless --overwrite is given",
            ),
            _ => Error::usage(msg),
        }
    };
    let src_is_dir = match &from.name {
        None => true,
        Some(n) => fdcopy::lstatat(from.dir.as_raw_fd(), n).ok().flatten().is_some_and(|st| fdcopy::is_dir(&st)),
    };
    if let Ok(dir) = open_dir(root, Path::new(dest)) {
        return match &from.name {
            Some(n) => fdcopy::copy_entry(from.dir.as_raw_fd(), n, dir.as_raw_fd(), n, mode).map_err(fail),
            None => fdcopy::copy_dir(&from.dir, dir.as_raw_fd(), mode).map_err(fail),
        };
    }
    let d = split(dest);
    let Some(dname) = d.name.as_deref() else { return Err(not_found(dest, place)) };
    if d.trailing_slash && !src_is_dir {
        return Err(not_found(dest, place));
    }
    let parent = open_dir(root, &d.dir).map_err(|_| not_found(&d.dir.display().to_string(), place))?;
    let dname = cname(dname)?;
    match &from.name {
        Some(n) => fdcopy::copy_entry(from.dir.as_raw_fd(), n, parent.as_raw_fd(), &dname, mode).map_err(fail),
        None => {
            if mode.overwrite {
                // `cp --overwrite DIR/. CTR:FILE`: the file makes way for the directory.
                let st = fdcopy::lstatat(parent.as_raw_fd(), &dname).map_err(fail)?;
                if st.is_some_and(|st| !fdcopy::is_dir(&st)) {
                    fdcopy::remove_at(parent.as_raw_fd(), &dname).map_err(fail)?;
                }
            }
            let r = unsafe { libc::mkdirat(parent.as_raw_fd(), dname.as_ptr(), 0o755) };
            if r < 0 {
                return Err(fail(std::io::Error::last_os_error()));
            }
            let target =
                fdcopy::openat(parent.as_raw_fd(), &dname, libc::O_DIRECTORY | libc::O_RDONLY, 0).map_err(fail)?;
            fdcopy::copy_dir(&from.dir, target.as_raw_fd(), mode).map_err(fail)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        assert_eq!(location("web:/etc"), Location::Container { name: "web".into(), path: "/etc".into() });
        assert_eq!(location("./a:b"), Location::Host("./a:b".into()));
        assert_eq!(location("file"), Location::Host("file".into()));
    }

    #[test]
    fn splits() {
        assert_eq!(
            split("/etc/passwd"),
            Split { dir: "/etc".into(), name: Some("passwd".into()), trailing_slash: false }
        );
        assert_eq!(split("/etc/"), Split { dir: "/".into(), name: Some("etc".into()), trailing_slash: true });
        assert_eq!(split("/data/."), Split { dir: "/data".into(), name: None, trailing_slash: true });
        assert_eq!(split("/"), Split { dir: "/".into(), name: None, trailing_slash: true });
        assert_eq!(split("f"), Split { dir: ".".into(), name: Some("f".into()), trailing_slash: false });
    }
}
