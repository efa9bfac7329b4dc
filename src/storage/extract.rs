//! Layer extraction: turning an OCI/Docker layer tarball into a directory tree.
//!
//! This module owns the whole path from "a byte stream somebody handed us"
//! to "files on disk": compression detection, the OCI `diff_id` digest, tar
//! parsing, and the creation of every entry under `dest`.
//!
//! It is a **trust boundary**. Layer tarballs come from registries and from
//! `podman load`-style archives, i.e. from whoever published the image, and
//! they are unpacked by a process that may be real root. A hostile archive
//! must not be able to create, modify, link to or delete anything outside
//! `dest`. The defences, all in the submodules:
//!
//! * every name is normalised before use (`names`): NUL and empty names are
//!   refused, `..` that would climb above the layer root is refused;
//! * every filesystem operation is relative to a directory fd that was
//!   reached from `dest` one component at a time with `O_NOFOLLOW`
//!   (`fsops`), so a symlink planted by an earlier entry is never
//!   traversed — an entry whose parent path contains a symlink is refused;
//! * existing final components are unlinked and recreated with `O_EXCL`,
//!   never written through;
//! * hardlink targets obey the same rules and must already exist inside
//!   `dest`;
//! * whiteout names that would name `.` or `..` are refused, and
//!   `*.overlay.*` xattrs carried by the archive are dropped (overlayfs
//!   acts on them; only OCI whiteout names may express overlay semantics).
//!
//! The caller deletes `dest` on error; we do not clean up partial results.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::OwnedFd;
use std::path::Path;

use nix::fcntl::{open, OFlag};
use nix::sys::stat::Mode;
use sha2::{Digest, Sha256};

// Explicit paths resolve the same whether this file is reached as
// `storage/extract.rs` or through a `#[path]` attribute.
#[path = "extract/fsops.rs"]
mod fsops;
#[path = "extract/names.rs"]
mod names;
#[path = "extract/unpack.rs"]
mod unpack;

#[cfg(test)]
#[path = "extract/tests.rs"]
mod tests;

/// How to map archive features that depend on privileges or the overlay mode.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Store opaque-dir markers as `user.overlay.opaque` (rootless kernel
    /// overlay with the `userxattr` mount option) instead of
    /// `trusted.overlay.opaque`.
    pub user_xattrs: bool,
    /// Skip block and character device entries (counted in
    /// [`ExtractReport::skipped_devices`]); fifos are still created. Set
    /// when rootless: creating devices needs `CAP_MKNOD`.
    pub skip_devices: bool,
    /// Ownership changes that fail with EPERM/EINVAL (the id is not mapped
    /// in our user namespace) are counted instead of failing the extraction.
    pub ignore_chown_errors: bool,
    /// Owners in the tar are a container's ids (`cp -` into a container with its own user
    /// namespace): map them to ours with these (uid, gid) maps first.
    pub id_maps: Option<(Vec<crate::userns::IdMap>, Vec<crate::userns::IdMap>)>,
}

/// What an extraction produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractReport {
    /// `sha256:<hex>` of the *uncompressed* tar stream (the OCI diff_id),
    /// including everything after the end-of-archive blocks.
    pub diff_id: String,
    /// Bytes in the uncompressed tar stream.
    pub uncompressed_size: u64,
    /// Sum of the sizes of regular files written (podman's image Size).
    pub content_size: u64,
    /// Ownership changes skipped because of `ignore_chown_errors`.
    pub chown_failures: u64,
    /// Block/char devices skipped because of `skip_devices`.
    pub skipped_devices: u64,
}

/// Why an extraction failed. Entry names are printed with `{:?}` so that
/// control characters in hostile names cannot reach a terminal raw.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The archive tried something we never do (escape `dest`, go through a
    /// symlink, link to something missing, ...). `entry` is the name as
    /// written in the archive.
    #[error("refusing layer entry {entry:?}: {reason}")]
    Refused { entry: String, reason: String },
    /// The stream is compressed with a format we cannot decode yet.
    #[error("layer is compressed with {format}, which is not supported yet")]
    UnsupportedCompression { format: &'static str },
    /// The stream is not a valid (gzip-compressed) tar archive: bad header,
    /// truncated data, bad gzip data. Read errors of the underlying reader
    /// also land here because the tar parser cannot tell them apart.
    #[error("corrupt layer archive: {detail}")]
    Corrupt { detail: String },
    /// Changing the owner failed and `ignore_chown_errors` was not set.
    #[error("layer entry {entry:?}: cannot change owner to {uid}:{gid}: {source}")]
    Chown {
        entry: String,
        uid: u32,
        gid: u32,
        #[source]
        source: io::Error,
    },
    /// A filesystem operation under `dest` failed.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
}

impl ExtractError {
    fn corrupt(what: &str, err: impl std::fmt::Display) -> Self {
        ExtractError::Corrupt { detail: format!("{what}: {err}") }
    }
}

/// Extracts a layer tar (plain, gzip or zstd; xz is detected and
/// refused with [`ExtractError::UnsupportedCompression`]) into `dest`, an
/// existing empty directory. The whole stream is consumed to EOF so the
/// digest covers trailing padding as well.
pub fn extract_layer<R: Read>(reader: R, dest: &Path, opts: &ExtractOptions) -> Result<ExtractReport, ExtractError> {
    let root = open_dest(dest)?;
    let stream = HashingReader::new(decompress(reader)?);
    let mut archive = tar::Archive::new(stream);
    let mut unpacker = unpack::Unpacker::new(root, opts);
    let entries = archive.entries().map_err(|e| ExtractError::corrupt("reading archive", e))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| ExtractError::corrupt("reading entry header", e))?;
        unpacker.entry(&mut entry)?;
    }
    let (diff_id, uncompressed_size) = archive.into_inner().finish()?;
    let counts = unpacker.finish()?;
    Ok(ExtractReport {
        diff_id,
        uncompressed_size,
        content_size: counts.content_size,
        chown_failures: counts.chown_failures,
        skipped_devices: counts.skipped_devices,
    })
}

/// Computes the diff_id (`sha256:<hex>` of the uncompressed stream) and the
/// uncompressed size of a layer without extracting or parsing it.
pub fn digest_layer<R: Read>(reader: R) -> Result<(String, u64), ExtractError> {
    HashingReader::new(decompress(reader)?).finish()
}

fn open_dest(dest: &Path) -> Result<OwnedFd, ExtractError> {
    // `dest` itself is chosen by our caller, so following a symlink here is
    // fine; everything below it is reached without following any.
    open(dest, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()).map_err(|e| ExtractError::Io {
        context: format!("opening extraction directory {}", dest.display()),
        source: e.into(),
    })
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];
const XZ_MAGIC: &[u8] = &[0xfd, b'7', b'z', b'X', b'Z', 0x00];
/// Enough bytes to recognise every magic above.
const MAGIC_LEN: usize = 6;

/// Wraps `reader` in a decoder chosen by its magic bytes. Anything that is
/// not a recognised compressed format is treated as a plain tar (which the
/// tar parser then validates). bzip2 is deliberately not sniffed: its
/// 3-byte magic "BZh" is also a plausible first file name in a plain tar.
fn decompress<'r, R: Read + 'r>(mut reader: R) -> Result<Box<dyn Read + 'r>, ExtractError> {
    let mut magic = [0u8; MAGIC_LEN];
    let got = read_up_to(&mut reader, &mut magic).map_err(|e| ExtractError::corrupt("reading layer stream", e))?;
    let magic = &magic[..got];
    if magic.starts_with(XZ_MAGIC) {
        return Err(ExtractError::UnsupportedCompression { format: "xz" });
    }
    let gzip = magic.starts_with(GZIP_MAGIC);
    let zstd = magic.starts_with(ZSTD_MAGIC);
    let whole = io::BufReader::with_capacity(64 * 1024, io::Cursor::new(magic.to_vec()).chain(reader));
    if gzip {
        // Multi-member gzip is valid gzip; Go's reader (Docker, podman)
        // accepts it too.
        let decoder = flate2::bufread::MultiGzDecoder::new(whole);
        Ok(Box::new(io::BufReader::with_capacity(64 * 1024, decoder)))
    } else if zstd {
        let decoder = zstd::stream::read::Decoder::with_buffer(whole)
            .map_err(|e| ExtractError::corrupt("starting zstd decompression", e))?;
        Ok(Box::new(io::BufReader::with_capacity(64 * 1024, decoder)))
    } else {
        Ok(Box::new(whole))
    }
}

/// Reads until `buf` is full or EOF; returns how many bytes were read.
fn read_up_to<R: Read>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match reader.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Hashes and counts every byte of the uncompressed stream as the tar
/// parser pulls it, so digesting costs no second pass.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    count: u64,
}

impl<R: Read> HashingReader<R> {
    fn new(inner: R) -> Self {
        HashingReader { inner, hasher: Sha256::new(), count: 0 }
    }

    /// Drains the rest of the stream (the tar parser stops at the first
    /// end-of-archive block, but the diff_id covers the whole stream) and
    /// returns the digest and size.
    fn finish(mut self) -> Result<(String, u64), ExtractError> {
        io::copy(&mut self, &mut io::sink())
            .map_err(|e| ExtractError::corrupt("reading to the end of the layer", e))?;
        let digest = hex::encode(self.hasher.finalize());
        Ok((format!("sha256:{digest}"), self.count))
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

/// Copies an entry's data into `file`, telling read errors (archive
/// problems) apart from write errors (our disk), and insisting on the full
/// declared size: the tar parser silently returns short data when the
/// stream ends inside an entry.
fn copy_data<R: Read>(data: &mut R, file: &mut File, expected: u64, entry: &str) -> Result<u64, ExtractError> {
    use std::io::Write;
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = match data.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ExtractError::corrupt(&format!("reading data of {entry:?}"), e)),
        };
        file.write_all(&buf[..n]).map_err(|e| ExtractError::Io {
            context: format!("layer entry {entry:?}: writing file data"),
            source: e,
        })?;
        total += n as u64;
    }
    if total != expected {
        return Err(ExtractError::Corrupt {
            detail: format!("entry {entry:?} is truncated: {total} of {expected} bytes present"),
        });
    }
    Ok(total)
}
