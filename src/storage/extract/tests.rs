//! Adversarial tests for layer extraction, with tarballs crafted byte by
//! byte (the tar crate's builder refuses the hostile names we need).
//!
//! Every test extracts into `<tmp>/burrow-extract-<pid>-<n>/dest`, next to a
//! `sentinel` directory that stands for "everything outside dest" and must
//! come out untouched. The tests pass as root and as an unprivileged user;
//! privilege-dependent assertions branch on the effective uid.

use super::*;
use std::ffi::CString;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use tar::{EntryType, Header};

const MTIME: u64 = 1_000_000_000;
const SENTINEL_DATA: &[u8] = b"sentinel";

fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// The options a rootless caller would use; root also gets devices.
fn opts() -> ExtractOptions {
    ExtractOptions { user_xattrs: true, skip_devices: !is_root(), ignore_chown_errors: true, id_maps: None }
}

/// `<tmp>/burrow-extract-<pid>-<n>/{dest/, sentinel/f}`.
struct Scratch {
    top: PathBuf,
    dest: PathBuf,
    sentinel_mtime: (i64, i64),
}

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let top = std::env::temp_dir().join(format!("burrow-extract-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&top);
        let dest = top.join("dest");
        fs::create_dir_all(&dest).unwrap();
        fs::create_dir(top.join("sentinel")).unwrap();
        fs::write(top.join("sentinel/f"), SENTINEL_DATA).unwrap();
        let meta = fs::metadata(top.join("sentinel")).unwrap();
        let sentinel_mtime = (meta.mtime(), meta.mtime_nsec());
        Scratch { top, dest, sentinel_mtime }
    }

    fn extract(&self, tar: &[u8]) -> Result<ExtractReport, ExtractError> {
        self.extract_with(tar, &opts())
    }

    fn extract_with(&self, tar: &[u8], opts: &ExtractOptions) -> Result<ExtractReport, ExtractError> {
        extract_layer(tar, &self.dest, opts)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dest.join(rel)
    }

    /// Nothing outside `dest` was created, modified, linked or removed.
    fn assert_outside_untouched(&self) {
        assert_eq!(names_in(&self.top), ["dest", "sentinel"], "something appeared next to dest");
        let sentinel = self.top.join("sentinel");
        assert_eq!(names_in(&sentinel), ["f"], "sentinel directory changed");
        let meta = fs::metadata(&sentinel).unwrap();
        assert_eq!((meta.mtime(), meta.mtime_nsec()), self.sentinel_mtime, "sentinel dir modified");
        let f = fs::symlink_metadata(sentinel.join("f")).unwrap();
        assert!(f.file_type().is_file());
        assert_eq!(f.nlink(), 1, "sentinel file was hardlinked");
        assert_eq!(fs::read(sentinel.join("f")).unwrap(), SENTINEL_DATA);
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        make_writable(&self.top);
        let _ = fs::remove_dir_all(&self.top);
    }
}

/// Extracted directories may be read-only (0555, 0000); open them up so
/// an unprivileged test run can clean up.
fn make_writable(dir: &Path) {
    let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o755));
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            make_writable(&entry.path());
        }
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn refusal(result: Result<ExtractReport, ExtractError>) -> (String, String) {
    match result {
        Err(ExtractError::Refused { entry, reason }) => (entry, reason),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn lstat(path: &Path) -> fs::Metadata {
    fs::symlink_metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn get_xattr(path: &Path, key: &str) -> io::Result<Option<Vec<u8>>> {
    let path = CString::new(path.as_os_str().as_bytes()).unwrap();
    let key = CString::new(key).unwrap();
    let mut buf = vec![0u8; 256];
    // SAFETY: both strings are NUL-terminated and buf has buf.len() bytes.
    let n = unsafe { libc::lgetxattr(path.as_ptr(), key.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        let err = io::Error::last_os_error();
        return if err.raw_os_error() == Some(libc::ENODATA) { Ok(None) } else { Err(err) };
    }
    buf.truncate(n as usize);
    Ok(Some(buf))
}

/// Whether the scratch filesystem takes `user.*` xattrs at all.
fn user_xattrs_supported(s: &Scratch) -> bool {
    let probe = s.top.join("probe");
    fs::write(&probe, b"").unwrap();
    let path = CString::new(probe.as_os_str().as_bytes()).unwrap();
    // SAFETY: NUL-terminated strings, one-byte value.
    let rc = unsafe { libc::setxattr(path.as_ptr(), c"user.probe".as_ptr(), b"y".as_ptr().cast(), 1, 0) };
    fs::remove_file(&probe).unwrap();
    rc == 0
}

/// A GNU header with `name` copied raw (at most 100 bytes), owned by 0:0.
fn header(name: &[u8], kind: EntryType, mode: u32, size: u64) -> Header {
    let mut h = Header::new_gnu();
    h.as_old_mut().name[..name.len()].copy_from_slice(name);
    h.set_entry_type(kind);
    h.set_mode(mode);
    h.set_mtime(MTIME);
    h.set_uid(0);
    h.set_gid(0);
    h.set_size(size);
    h
}

/// A tar stream written header by header, names copied raw.
#[derive(Default)]
struct Tar {
    bytes: Vec<u8>,
}

impl Tar {
    /// One entry; names or link targets over 100 bytes get GNU long-name
    /// records, exactly as GNU tar writes them.
    fn add(&mut self, name: &[u8], kind: EntryType, link: &[u8], mode: u32, data: &[u8]) -> &mut Self {
        if name.len() > 100 {
            self.long_record(EntryType::GNULongName, name);
        }
        if link.len() > 100 {
            self.long_record(EntryType::GNULongLink, link);
        }
        let mut h = header(&name[..name.len().min(100)], kind, mode, data.len() as u64);
        let l = link.len().min(100);
        h.as_old_mut().linkname[..l].copy_from_slice(&link[..l]);
        self.push(h, data)
    }

    fn push(&mut self, mut h: Header, data: &[u8]) -> &mut Self {
        h.set_cksum();
        self.bytes.extend_from_slice(h.as_bytes());
        self.bytes.extend_from_slice(data);
        let pad = (512 - data.len() % 512) % 512;
        self.bytes.extend(std::iter::repeat_n(0u8, pad));
        self
    }

    fn long_record(&mut self, kind: EntryType, value: &[u8]) {
        let mut data = value.to_vec();
        data.push(0);
        let h = header(b"././@LongLink", kind, 0o644, data.len() as u64);
        self.push(h, &data);
    }

    /// A PAX extended header (`x`, or `g` for global) for the next entry.
    fn pax(&mut self, kind: EntryType, records: &[(&str, &[u8])]) -> &mut Self {
        let mut body = Vec::new();
        for (key, value) in records {
            let base = key.len() + value.len() + 3; // ' ', '=', '\n'
            let mut len = base + base.to_string().len();
            if len.to_string().len() != base.to_string().len() {
                len = base + len.to_string().len();
            }
            body.extend_from_slice(format!("{len} {key}=").as_bytes());
            body.extend_from_slice(value);
            body.push(b'\n');
        }
        self.add(b"PaxHeader", kind, b"", 0o644, &body)
    }

    fn file(&mut self, name: &str, data: &[u8]) -> &mut Self {
        self.add(name.as_bytes(), EntryType::Regular, b"", 0o644, data)
    }
    fn file_mode(&mut self, name: &str, mode: u32) -> &mut Self {
        self.add(name.as_bytes(), EntryType::Regular, b"", mode, b"")
    }
    fn dir(&mut self, name: &str, mode: u32) -> &mut Self {
        self.add(name.as_bytes(), EntryType::Directory, b"", mode, b"")
    }
    fn symlink(&mut self, name: &str, target: &str) -> &mut Self {
        self.add(name.as_bytes(), EntryType::Symlink, target.as_bytes(), 0o777, b"")
    }
    fn hardlink(&mut self, name: &str, target: &str) -> &mut Self {
        self.add(name.as_bytes(), EntryType::Link, target.as_bytes(), 0o644, b"")
    }

    /// The stream with its two end-of-archive blocks.
    fn finish(&self) -> Vec<u8> {
        let mut out = self.bytes.clone();
        out.extend_from_slice(&[0u8; 1024]);
        out
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn sha256_id(data: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(data)))
}

#[path = "tests_escape.rs"]
mod escape;
#[path = "tests_format.rs"]
mod format;
