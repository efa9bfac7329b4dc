//! Creating each kind of archive entry under the extraction root.
//!
//! Every entry is placed as (parent fd, final component): the parent comes
//! from `fsops::walk`, which refuses symlinks, and the final component is
//! created with an exclusive-create syscall. If something is already there
//! we remove it and create again ("replace, never write through").

use std::collections::{BTreeMap, HashSet};
use std::ffi::CString;
use std::fs::File;
use std::io::Read;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use nix::errno::Errno;
use nix::fcntl::{openat, AtFlags, OFlag};
use nix::sys::stat::{
    fchmod, fchmodat, futimens, makedev, mkdirat, mknodat, utimensat, FchmodatFlags, Mode, SFlag, UtimensatFlags,
};
use nix::sys::time::TimeSpec;
use nix::unistd::{fchown, fchownat, linkat, symlinkat, unlinkat, Gid, Uid, UnlinkatFlags};
use tar::EntryType;

use super::fsops::{self, WalkError};
use super::names::{self, Component, Whiteout};
use super::{copy_data, ExtractError, ExtractOptions};

/// Counters that end up in the `ExtractReport`.
#[derive(Debug, Default)]
pub(super) struct Counts {
    pub(super) content_size: u64,
    pub(super) chown_failures: u64,
    pub(super) skipped_devices: u64,
}

/// Ownership, permissions, time and xattrs of one entry.
struct Meta {
    uid: u32,
    gid: u32,
    /// Permission bits including setuid/setgid/sticky.
    mode: u32,
    mtime: TimeSpec,
    /// From PAX `SCHILY.xattr.<name>` records.
    xattrs: Vec<(CString, Vec<u8>)>,
}

/// Mode and mtime of a directory, applied after all entries (see `finish`).
struct DirMeta {
    mode: u32,
    mtime: TimeSpec,
}

/// Where one entry goes.
struct Target<'a> {
    /// The directory that will contain it, reached without symlinks.
    parent: OwnedFd,
    /// Its final component.
    name: &'a [u8],
    /// Its full normalised path (for the deferred directory metadata).
    path: &'a [Component],
    /// Its name as written in the archive, for messages.
    entry: &'a str,
}

/// How to reach an already created entry for chown and xattrs.
#[derive(Clone, Copy)]
enum Handle<'a> {
    /// An open file or directory.
    Fd(BorrowedFd<'a>),
    /// A symlink, fifo or device: (parent dir, name), never followed.
    At(BorrowedFd<'a>, &'a [u8]),
}

/// Extraction state across entries.
pub(super) struct Unpacker<'o> {
    root: OwnedFd,
    opts: &'o ExtractOptions,
    counts: Counts,
    /// Directory metadata to apply at the end, keyed by path so a directory
    /// listed twice gets the last values and a removed one is forgotten.
    dirs: BTreeMap<Vec<Component>, DirMeta>,
    /// The parent directory of the previous entry. Layers list siblings
    /// together, so this saves re-walking the path for most entries. It is
    /// dropped whenever a directory is removed so it can never point to a
    /// deleted or replaced directory.
    parent_cache: Option<(Vec<Component>, OwnedFd)>,
    /// Devices skipped because of `skip_devices`, so that hardlinks to them
    /// can be skipped too instead of failing as "target missing".
    skipped: HashSet<Vec<Component>>,
}

impl<'o> Unpacker<'o> {
    pub(super) fn new(root: OwnedFd, opts: &'o ExtractOptions) -> Self {
        Unpacker {
            root,
            opts,
            counts: Counts::default(),
            dirs: BTreeMap::new(),
            parent_cache: None,
            skipped: HashSet::new(),
        }
    }

    /// Creates one archive entry.
    pub(super) fn entry<R: Read>(&mut self, entry: &mut tar::Entry<'_, R>) -> Result<(), ExtractError> {
        let raw = entry.path_bytes().into_owned();
        let shown = names::lossy(&raw);
        let kind = entry_kind(entry.header().entry_type(), &raw);
        if kind == EntryType::XGlobalHeader {
            // Global PAX records describe no file; nothing we use lives there.
            return Ok(());
        }
        let path = names::normalize(&raw).map_err(|r| refused(&shown, r))?;
        let meta = Meta::read(entry, &shown)?;
        let Some((name, parents)) = path.split_last() else {
            return self.root_dir(kind, &meta, &shown);
        };
        match names::whiteout(name).map_err(|r| refused(&shown, r))? {
            Whiteout::Opaque => return self.opaque(parents, &shown),
            Whiteout::AufsMeta => return Ok(()),
            Whiteout::Remove(hidden) => return self.whiteout(parents, hidden, &shown),
            Whiteout::None => {}
        }
        let at = Target { parent: self.parent(parents, &shown)?, name, path: &path, entry: &shown };
        let link = entry.link_name_bytes().map(|l| l.into_owned());
        match kind {
            EntryType::Regular | EntryType::Continuous | EntryType::GNUSparse => self.file(&at, entry, &meta),
            EntryType::Directory => self.dir(&at, &meta),
            EntryType::Symlink => self.symlink(&at, link, &meta),
            EntryType::Link => self.hardlink(&at, link),
            EntryType::Char | EntryType::Block | EntryType::Fifo => self.node(&at, kind, entry.header(), &meta),
            other => Err(refused(&shown, format!("unsupported entry type {:?}", other.as_byte() as char))),
        }
    }

    /// Applies the deferred directory modes and mtimes and returns the
    /// counters. Deepest directories go first: once a parent has a
    /// restrictive mode (0555, 0000) an unprivileged extractor could no
    /// longer reach its children. Doing this last also means that creating
    /// children no longer disturbs the directory mtimes.
    pub(super) fn finish(mut self) -> Result<Counts, ExtractError> {
        let mut dirs: Vec<_> = std::mem::take(&mut self.dirs).into_iter().collect();
        dirs.sort_by_key(|(path, _)| std::cmp::Reverse(path.len()));
        for (path, meta) in dirs {
            let shown = names::join(&path);
            let fd = match fsops::walk(self.root.as_fd(), &path, false) {
                Ok(fd) => fd,
                // Replaced by a later entry (even by a symlink): nothing to do.
                Err(WalkError::Missing(_) | WalkError::Symlink(_) | WalkError::NotDir(_)) => continue,
                Err(e) => return Err(walk_error(e, &shown, "")),
            };
            fchmod(fd.as_fd(), Mode::from_bits_truncate(meta.mode))
                .map_err(|e| io_error(&shown, "setting directory mode", e))?;
            futimens(fd.as_fd(), &meta.mtime, &meta.mtime)
                .map_err(|e| io_error(&shown, "setting directory times", e))?;
        }
        Ok(self.counts)
    }

    /// An fd for the directory `comps`, creating missing directories and
    /// refusing any path through a symlink or non-directory.
    fn parent(&mut self, comps: &[Component], shown: &str) -> Result<OwnedFd, ExtractError> {
        let dup = |fd: &OwnedFd| fd.try_clone().map_err(|e| io_error(shown, "duplicating fd", io_errno(e)));
        if let Some((cached, fd)) = &self.parent_cache {
            if cached.as_slice() == comps {
                return dup(fd);
            }
        }
        let fd = fsops::walk(self.root.as_fd(), comps, true).map_err(|e| walk_error(e, shown, ""))?;
        self.parent_cache = Some((comps.to_vec(), dup(&fd)?));
        Ok(fd)
    }

    /// Runs a create-style syscall; if the name exists, removes what is
    /// there and tries once more. Nothing is ever opened or written through
    /// an existing name.
    fn create<T>(
        &mut self,
        at: &Target<'_>,
        what: &str,
        op: impl Fn(BorrowedFd<'_>, &[u8]) -> nix::Result<T>,
    ) -> Result<T, ExtractError> {
        let first = op(at.parent.as_fd(), at.name);
        let result = match first {
            Err(Errno::EEXIST) => {
                self.clear(at)?;
                op(at.parent.as_fd(), at.name)
            }
            other => other,
        };
        result.map_err(|e| io_error(at.entry, what, e))
    }

    /// Removes whatever is at `at`; a directory is removed with everything
    /// in it, as Docker does when a non-directory replaces a directory.
    fn clear(&mut self, at: &Target<'_>) -> Result<(), ExtractError> {
        let dir = at.parent.as_fd();
        let existing = fsops::lstat_at(dir, at.name).map_err(|e| io_error(at.entry, "inspecting", e))?;
        match existing {
            None => Ok(()),
            Some(st) if fsops::is_dir(&st) => {
                fsops::remove_tree(dir, at.name)
                    .map_err(|e| io_error(at.entry, "removing the directory it replaces", e))?;
                self.dirs.retain(|path, _| !path.starts_with(at.path));
                self.parent_cache = None;
                Ok(())
            }
            Some(_) => unlinkat(dir, at.name, UnlinkatFlags::NoRemoveDir)
                .map_err(|e| io_error(at.entry, "removing the file it replaces", e)),
        }
    }

    fn file<R: Read>(
        &mut self,
        at: &Target<'_>,
        entry: &mut tar::Entry<'_, R>,
        meta: &Meta,
    ) -> Result<(), ExtractError> {
        let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let fd =
            self.create(at, "creating file", |dir, name| openat(dir, name, flags, Mode::from_bits_truncate(0o600)))?;
        let mut file = File::from(fd);
        let size = entry.size();
        self.counts.content_size += copy_data(entry, &mut file, size, at.entry)?;
        let handle = Handle::Fd(file.as_fd());
        self.counts.chown_failures += chown(handle, meta, self.opts, at.entry)?;
        // After chown, which clears setuid/setgid.
        fchmod(file.as_fd(), Mode::from_bits_truncate(meta.mode)).map_err(|e| io_error(at.entry, "setting mode", e))?;
        // After chown too, which drops security.capability.
        apply_xattrs(handle, meta, at.entry)?;
        futimens(file.as_fd(), &meta.mtime, &meta.mtime).map_err(|e| io_error(at.entry, "setting times", e))
    }

    /// An existing directory stays (only its metadata is updated); anything
    /// else at that name is replaced. Mode and mtime are deferred to
    /// `finish` so that a read-only directory can still be filled.
    fn dir(&mut self, at: &Target<'_>, meta: &Meta) -> Result<(), ExtractError> {
        let dir_mode = Mode::from_bits_truncate(0o755);
        match mkdirat(at.parent.as_fd(), at.name, dir_mode) {
            Ok(()) => {}
            Err(Errno::EEXIST) => {
                let st =
                    fsops::lstat_at(at.parent.as_fd(), at.name).map_err(|e| io_error(at.entry, "inspecting", e))?;
                if !st.as_ref().is_some_and(fsops::is_dir) {
                    self.clear(at)?;
                    mkdirat(at.parent.as_fd(), at.name, dir_mode)
                        .map_err(|e| io_error(at.entry, "creating directory", e))?;
                }
            }
            Err(e) => return Err(io_error(at.entry, "creating directory", e)),
        }
        let fd =
            fsops::open_dir_at(at.parent.as_fd(), at.name).map_err(|e| io_error(at.entry, "opening directory", e))?;
        self.set_dir_meta(fd.as_fd(), at.path, meta, at.entry)
    }

    /// `./` (or `/`) in the archive: metadata for the layer root itself.
    fn root_dir(&mut self, kind: EntryType, meta: &Meta, shown: &str) -> Result<(), ExtractError> {
        if kind != EntryType::Directory {
            return Err(refused(shown, "names the layer root but is not a directory"));
        }
        let root = self.root.try_clone().map_err(|e| io_error(shown, "duplicating fd", io_errno(e)))?;
        self.set_dir_meta(root.as_fd(), &[], meta, shown)
    }

    fn set_dir_meta(
        &mut self,
        fd: BorrowedFd<'_>,
        path: &[Component],
        meta: &Meta,
        shown: &str,
    ) -> Result<(), ExtractError> {
        self.counts.chown_failures += chown(Handle::Fd(fd), meta, self.opts, shown)?;
        apply_xattrs(Handle::Fd(fd), meta, shown)?;
        let deferred = DirMeta { mode: meta.mode, mtime: meta.mtime };
        self.dirs.insert(path.to_vec(), deferred);
        Ok(())
    }

    /// Symlinks are created exactly as given; they are resolved inside the
    /// container's root later and never followed here.
    fn symlink(&mut self, at: &Target<'_>, target: Option<Vec<u8>>, meta: &Meta) -> Result<(), ExtractError> {
        let target = match target {
            Some(t) if !t.is_empty() && !t.contains(&0) => t,
            _ => return Err(refused(at.entry, "symlink has an empty or invalid target")),
        };
        self.create(at, "creating symlink", |dir, name| symlinkat(target.as_slice(), dir, name))?;
        self.set_node_meta(at, meta, None)
    }

    /// Hardlink targets follow the entry rules and must already exist in
    /// the layer as a non-directory; linkat is called without
    /// AT_SYMLINK_FOLLOW, so a symlink target links the symlink itself.
    /// No metadata is applied: the inode belongs to the target entry.
    fn hardlink(&mut self, at: &Target<'_>, target: Option<Vec<u8>>) -> Result<(), ExtractError> {
        let raw = target.ok_or_else(|| refused(at.entry, "hardlink has no target"))?;
        let shown_target = names::lossy(&raw);
        let path =
            names::normalize(&raw).map_err(|r| refused(at.entry, format!("hardlink target {shown_target:?}: {r}")))?;
        let Some((name, parents)) = path.split_last() else {
            return Err(refused(at.entry, "hardlink target is the layer root"));
        };
        if path.as_slice() == at.path {
            return Ok(()); // linking a name to itself changes nothing
        }
        let dir =
            fsops::walk(self.root.as_fd(), parents, false).map_err(|e| walk_error(e, at.entry, "hardlink target "))?;
        let existing =
            fsops::lstat_at(dir.as_fd(), name).map_err(|e| io_error(at.entry, "inspecting hardlink target", e))?;
        match existing {
            Some(st) if fsops::is_dir(&st) => {
                return Err(refused(at.entry, format!("hardlink target {shown_target:?} is a directory")));
            }
            Some(_) => {}
            None if self.skipped.contains(&path) => {
                // A link to a device we skipped is that device again.
                self.counts.skipped_devices += 1;
                self.skipped.insert(at.path.to_vec());
                return Ok(());
            }
            None => {
                let reason = format!("hardlink target {shown_target:?} does not exist in the layer");
                return Err(refused(at.entry, reason));
            }
        }
        self.create(at, "creating hardlink", |parent, new| {
            linkat(dir.as_fd(), name.as_slice(), parent, new, AtFlags::empty())
        })
    }

    /// Fifos always; block/char devices unless `skip_devices`.
    fn node(
        &mut self,
        at: &Target<'_>,
        kind: EntryType,
        header: &tar::Header,
        meta: &Meta,
    ) -> Result<(), ExtractError> {
        let (sflag, what) = match kind {
            EntryType::Fifo => (SFlag::S_IFIFO, "creating fifo"),
            EntryType::Char => {
                (SFlag::S_IFCHR, "creating character device (needs CAP_MKNOD; set skip_devices when rootless)")
            }
            _ => (SFlag::S_IFBLK, "creating block device (needs CAP_MKNOD; set skip_devices when rootless)"),
        };
        if kind != EntryType::Fifo && self.opts.skip_devices {
            self.counts.skipped_devices += 1;
            self.skipped.insert(at.path.to_vec());
            return Ok(());
        }
        let dev = if kind == EntryType::Fifo { 0 } else { device_number(header, at.entry)? };
        self.create(at, what, |dir, name| mknodat(dir, name, sflag, Mode::from_bits_truncate(0o600), dev))?;
        self.set_node_meta(at, meta, Some(meta.mode))
    }

    /// Owner, mode, xattrs and times for something we cannot open
    /// (symlink, fifo, device).
    fn set_node_meta(&mut self, at: &Target<'_>, meta: &Meta, mode: Option<u32>) -> Result<(), ExtractError> {
        let handle = Handle::At(at.parent.as_fd(), at.name);
        self.counts.chown_failures += chown(handle, meta, self.opts, at.entry)?;
        if let Some(mode) = mode {
            // Following is the only mode fchmodat supports everywhere. It is
            // safe: mknodat made this fifo/device an instant ago in a
            // directory nobody else writes to.
            fchmodat(at.parent.as_fd(), at.name, Mode::from_bits_truncate(mode), FchmodatFlags::FollowSymlink)
                .map_err(|e| io_error(at.entry, "setting mode", e))?;
        }
        apply_xattrs(handle, meta, at.entry)?;
        let flag = UtimensatFlags::NoFollowSymlink;
        utimensat(at.parent.as_fd(), at.name, &meta.mtime, &meta.mtime, flag)
            .map_err(|e| io_error(at.entry, "setting times", e))
    }

    /// `<dir>/.wh.<name>`: record the deletion of `<name>` as overlayfs
    /// does, with a 0/0 character device (unprivileged since Linux 5.8).
    fn whiteout(&mut self, parents: &[Component], hidden: &[u8], shown: &str) -> Result<(), ExtractError> {
        let mut path = parents.to_vec();
        path.push(hidden.to_vec());
        let at = Target { parent: self.parent(parents, shown)?, name: hidden, path: &path, entry: shown };
        let what = "creating whiteout (character device 0/0; needs Linux 5.8+ or CAP_MKNOD)";
        self.create(&at, what, |dir, name| mknodat(dir, name, SFlag::S_IFCHR, Mode::empty(), 0))
    }

    /// `<dir>/.wh..wh..opq`: mark `<dir>` opaque for overlayfs.
    fn opaque(&mut self, parents: &[Component], shown: &str) -> Result<(), ExtractError> {
        let dir = self.parent(parents, shown)?;
        let key = if self.opts.user_xattrs { c"user.overlay.opaque" } else { c"trusted.overlay.opaque" };
        fsops::set_xattr_fd(dir.as_fd(), key, b"y")
            .map_err(|e| io_error(shown, &format!("marking directory opaque with {key:?}"), e))
    }
}

impl Meta {
    fn read<R: Read>(entry: &mut tar::Entry<'_, R>, shown: &str) -> Result<Meta, ExtractError> {
        let bad = |what: &str, e: &dyn std::fmt::Display| ExtractError::corrupt(&format!("{what} of {shown:?}"), e);
        let header = entry.header();
        let uid = header.uid().map_err(|e| bad("uid", &e))?;
        let gid = header.gid().map_err(|e| bad("gid", &e))?;
        let mode = header.mode().map_err(|e| bad("mode", &e))? & 0o7777;
        let secs = header.mtime().map_err(|e| bad("mtime", &e))?;
        let mut meta = Meta {
            uid: u32::try_from(uid).map_err(|e| bad("uid", &e))?,
            gid: u32::try_from(gid).map_err(|e| bad("gid", &e))?,
            mode,
            mtime: TimeSpec::new(i64::try_from(secs).map_err(|e| bad("mtime", &e))?, 0),
            xattrs: Vec::new(),
        };
        let Some(records) = entry.pax_extensions().map_err(|e| bad("PAX records", &e))? else {
            return Ok(meta);
        };
        for record in records {
            let record = record.map_err(|e| bad("PAX records", &e))?;
            let (key, value) = (record.key_bytes(), record.value_bytes());
            if key == b"mtime" {
                let (s, ns) = parse_pax_time(value).ok_or_else(|| bad("PAX mtime", &names::lossy(value)))?;
                meta.mtime = TimeSpec::new(s, ns);
            } else if let Some(name) = key.strip_prefix(b"SCHILY.xattr.") {
                let name = CString::new(name).map_err(|e| bad("PAX xattr name", &e))?;
                meta.xattrs.push((name, value.to_vec()));
            }
        }
        Ok(meta)
    }
}

/// Parses a PAX time (`[-]seconds[.fraction]`) into seconds and
/// nanoseconds with the nanoseconds always in 0..1e9.
fn parse_pax_time(value: &[u8]) -> Option<(i64, i64)> {
    let text = std::str::from_utf8(value).ok()?;
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(frac) {
        return None;
    }
    let secs: i64 = whole.parse().ok()?;
    let mut nanos: i64 = 0;
    // Pad or cut the fraction to exactly nine digits.
    for digit in frac.bytes().chain(std::iter::repeat(b'0')).take(9) {
        nanos = nanos * 10 + i64::from(digit - b'0');
    }
    match (negative, nanos) {
        (false, _) => Some((secs, nanos)),
        (true, 0) => Some((-secs, 0)),
        (true, _) => Some((-secs - 1, 1_000_000_000 - nanos)),
    }
}

/// Pre-POSIX archives mark directories only by a trailing slash on an
/// old-style regular entry (type byte NUL); Go's tar reader does the same.
fn entry_kind(kind: EntryType, raw: &[u8]) -> EntryType {
    if kind.as_byte() == 0 && raw.ends_with(b"/") {
        EntryType::Directory
    } else {
        kind
    }
}

fn device_number(header: &tar::Header, shown: &str) -> Result<libc::dev_t, ExtractError> {
    let bad = |e: std::io::Error| ExtractError::corrupt(&format!("device number of {shown:?}"), e);
    let major = header.device_major().map_err(bad)?.unwrap_or(0);
    let minor = header.device_minor().map_err(bad)?.unwrap_or(0);
    Ok(makedev(u64::from(major), u64::from(minor)))
}

/// Changes the owner; returns 1 if a failure was ignored (and counted) per
/// `ignore_chown_errors`, 0 otherwise. EPERM/EINVAL are what the kernel
/// says when the id is not mapped in our user namespace.
fn chown(handle: Handle<'_>, meta: &Meta, opts: &ExtractOptions, shown: &str) -> Result<u64, ExtractError> {
    let (u, g) = match &opts.id_maps {
        Some((um, gm)) => (crate::userns::mapping::to_parent(um, meta.uid), crate::userns::mapping::to_parent(gm, meta.gid)),
        None => (meta.uid, meta.gid),
    };
    let (uid, gid) = (Some(Uid::from_raw(u)), Some(Gid::from_raw(g)));
    let result = match handle {
        Handle::Fd(fd) => fchown(fd, uid, gid),
        Handle::At(dir, name) => fchownat(dir, name, uid, gid, AtFlags::AT_SYMLINK_NOFOLLOW),
    };
    match result {
        Ok(()) => Ok(0),
        Err(Errno::EPERM | Errno::EINVAL) if opts.ignore_chown_errors => Ok(1),
        Err(e) => Err(ExtractError::Chown { entry: shown.to_string(), uid: meta.uid, gid: meta.gid, source: e.into() }),
    }
}

/// Applies PAX xattrs. Like Docker we skip EPERM and EOPNOTSUPP: an
/// unprivileged extractor may not set `trusted.*`/`security.*`, symlinks
/// and devices cannot carry `user.*`, and some filesystems have no xattrs.
fn apply_xattrs(handle: Handle<'_>, meta: &Meta, shown: &str) -> Result<(), ExtractError> {
    for (key, value) in &meta.xattrs {
        if is_overlay_private(key.as_bytes()) {
            continue;
        }
        let result = match handle {
            Handle::Fd(fd) => fsops::set_xattr_fd(fd, key, value),
            Handle::At(dir, name) => fsops::set_xattr_at(dir, name, key, value),
        };
        match result {
            Ok(()) | Err(Errno::EPERM | Errno::EOPNOTSUPP) => {}
            Err(e) => return Err(io_error(shown, &format!("setting xattr {key:?}"), e)),
        }
    }
    Ok(())
}

/// overlayfs acts on its own xattrs (redirect, metacopy, origin, opaque),
/// and some of them are unsafe with untrusted layers. A layer may express
/// overlay semantics only through OCI whiteout names, which we translate
/// ourselves, so these xattrs are dropped when they come from the archive.
fn is_overlay_private(key: &[u8]) -> bool {
    key.starts_with(b"trusted.overlay.") || key.starts_with(b"user.overlay.")
}

fn walk_error(err: WalkError, shown: &str, what: &str) -> ExtractError {
    match err {
        WalkError::Symlink(p) => refused(shown, format!("{what}path goes through symlink {p:?}")),
        WalkError::NotDir(p) => refused(shown, format!("{what}path goes through {p:?}, which is not a directory")),
        WalkError::Missing(p) => refused(shown, format!("{what}directory {p:?} does not exist in the layer")),
        WalkError::Io(p, e) => io_error(shown, &format!("opening directory {p:?}"), e),
    }
}

fn refused(entry: &str, reason: impl Into<String>) -> ExtractError {
    ExtractError::Refused { entry: entry.to_string(), reason: reason.into() }
}

fn io_error(entry: &str, what: &str, e: Errno) -> ExtractError {
    ExtractError::Io { context: format!("layer entry {entry:?}: {what}"), source: e.into() }
}

fn io_errno(e: std::io::Error) -> Errno {
    Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))
}
