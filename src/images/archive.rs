//! Reading image archives: docker-archive (`manifest.json`, as `podman save` and `docker
//! save` write it) and oci-archive (an OCI image layout in a tar).
//!
//! The archive is indexed once (entry name -> byte span), so that layers can be read
//! later by several threads at once with positioned reads. Nothing here trusts the
//! archive: every digest it claims is checked, by the caller for layers (while they are
//! extracted) and here for manifests and configs.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;

use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::images::reference::{is_full_hex, validate_digest};

/// Manifests, configs and indexes are small; anything bigger is not one.
const MAX_JSON: u64 = 16 << 20;

pub const MEDIA_OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const MEDIA_OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const MEDIA_DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const MEDIA_DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
const REF_NAME: &str = "org.opencontainers.image.ref.name";

#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub offset: u64,
    pub size: u64,
}

/// Entry name (without a leading `./`) -> its data, with symlinks resolved.
pub struct TarIndex {
    entries: HashMap<String, Span>,
}

/// Reads a span of a file with positioned reads, so several can share one `File`.
pub struct SectionReader<'a> {
    file: &'a File,
    pos: u64,
    end: u64,
}

impl<'a> SectionReader<'a> {
    pub fn new(file: &'a File, span: Span) -> Self {
        SectionReader { file, pos: span.offset, end: span.offset + span.size }
    }
}

impl Read for SectionReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.end.saturating_sub(self.pos);
        if left == 0 {
            return Ok(0);
        }
        let n = buf.len().min(left as usize);
        let got = self.file.read_at(&mut buf[..n], self.pos)?;
        if got == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "archive is truncated"));
        }
        self.pos += got as u64;
        Ok(got)
    }
}

fn refused(msg: impl Into<String>) -> Error {
    Error::Refused(msg.into())
}

fn clean(name: &str) -> String {
    let mut n = name.trim_start_matches("./").trim_start_matches('/').to_string();
    while n.ends_with('/') {
        n.pop();
    }
    n
}

pub fn index(file: &File) -> Result<TarIndex> {
    let len = file.metadata().map_err(|e| Error::io("reading the archive", e))?.len();
    let mut archive = tar::Archive::new(file);
    let mut entries = HashMap::new();
    let mut links: Vec<(String, String)> = Vec::new();
    let bad = |e: std::io::Error| {
        refused(format!("payload does not match any of the supported image formats: reading the archive: {e}"))
    };
    for entry in archive.entries_with_seek().map_err(bad)? {
        let entry = entry.map_err(bad)?;
        let name = clean(&String::from_utf8_lossy(&entry.path_bytes()));
        let kind = entry.header().entry_type();
        if kind.is_symlink() || kind.is_hard_link() {
            if let Ok(Some(target)) = entry.link_name() {
                let target = target.to_string_lossy().into_owned();
                // Symlink targets are relative to the link's directory; hardlinks to the root.
                let base = if kind.is_symlink() {
                    name.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default()
                } else {
                    String::new()
                };
                links.push((name, normalise(&format!("{base}{target}"))));
            }
            continue;
        }
        if !kind.is_file() {
            continue;
        }
        let span = Span { offset: entry.raw_file_position(), size: entry.size() };
        if span.offset.saturating_add(span.size) > len {
            return Err(refused(format!("archive is truncated: entry {name:?} ends past the end of the file")));
        }
        entries.insert(name, span);
    }
    for (name, target) in links {
        if let Some(span) = entries.get(&target).copied() {
            entries.insert(name, span);
        }
    }
    Ok(TarIndex { entries })
}

/// Resolves `.` and `..` lexically; `..` can't climb above the archive root.
fn normalise(p: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out.join("/")
}

impl TarIndex {
    pub fn span(&self, name: &str) -> Option<Span> {
        self.entries.get(&clean(name)).copied()
    }
    fn has(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }
    fn read_json(&self, file: &File, name: &str) -> Result<Vec<u8>> {
        let span = self.span(name).ok_or_else(|| refused(format!("archive has no {name:?}")))?;
        if span.size > MAX_JSON {
            return Err(refused(format!("{name:?} in the archive is too large ({} bytes)", span.size)));
        }
        let mut buf = Vec::with_capacity(span.size as usize);
        SectionReader::new(file, span)
            .read_to_end(&mut buf)
            .map_err(|e| refused(format!("reading {name:?} from the archive: {e}")))?;
        Ok(buf)
    }
}

/// One image found in an archive, not yet verified against its layers.
#[derive(Debug)]
pub struct ArchiveImage {
    pub config: Vec<u8>,
    /// The manifest as stored in the archive (oci-archive only).
    pub manifest: Option<Vec<u8>>,
    pub manifest_type: Option<String>,
    /// Names as written in the archive; the caller normalises them.
    pub names: Vec<String>,
    pub layers: Vec<ArchiveLayer>,
}

#[derive(Debug)]
pub struct ArchiveLayer {
    pub name: String,
    pub span: Span,
    /// The digest the archive claims for the layer blob as stored (compressed or not);
    /// docker-archives claim only diff_ids, which live in the config.
    pub blob_digest: Option<String>,
    pub media_type: Option<String>,
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Finds the images in an indexed archive (docker-archive or oci-archive).
pub fn read_images(file: &File, idx: &TarIndex) -> Result<Vec<ArchiveImage>> {
    if idx.has("manifest.json") {
        read_docker(file, idx)
    } else if idx.has("index.json") && idx.has("oci-layout") {
        read_oci(file, idx)
    } else {
        Err(refused(
            "payload does not match any of the supported image formats: neither docker-archive (manifest.json) nor oci-archive (oci-layout, index.json)",
        ))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DockerEntry {
    config: String,
    #[serde(default)]
    repo_tags: Option<Vec<String>>,
    layers: Vec<String>,
}

fn read_docker(file: &File, idx: &TarIndex) -> Result<Vec<ArchiveImage>> {
    let raw = idx.read_json(file, "manifest.json")?;
    let entries: Vec<DockerEntry> =
        serde_json::from_slice(&raw).map_err(|e| refused(format!("invalid manifest.json in docker-archive: {e}")))?;
    if entries.is_empty() {
        return Err(refused("docker-archive manifest.json lists no images"));
    }
    entries
        .into_iter()
        .map(|e| {
            let config = idx.read_json(file, &e.config)?;
            let layers = e
                .layers
                .iter()
                .map(|l| {
                    let span = idx.span(l).ok_or_else(|| refused(format!("archive is missing layer {l:?}")))?;
                    Ok(ArchiveLayer { name: l.clone(), span, blob_digest: None, media_type: None })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(ArchiveImage {
                config,
                manifest: None,
                manifest_type: None,
                names: e.repo_tags.unwrap_or_default(),
                layers,
            })
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    #[serde(default)]
    media_type: Option<String>,
    digest: String,
    #[serde(default)]
    size: Option<u64>,
    #[serde(default)]
    annotations: Option<HashMap<String, String>>,
    #[serde(default)]
    platform: Option<Value>,
}

#[derive(Deserialize)]
struct Index {
    manifests: Vec<Descriptor>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    #[serde(default)]
    media_type: Option<String>,
    config: Descriptor,
    layers: Vec<Descriptor>,
}

/// Reads a blob of an OCI layout and checks it against its digest (and size, if given).
fn read_blob(file: &File, idx: &TarIndex, d: &Descriptor) -> Result<Vec<u8>> {
    let hex = blob_hex(&d.digest)?;
    let data = idx.read_json(file, &format!("blobs/sha256/{hex}"))?;
    if sha256_hex(&data) != hex {
        return Err(refused(format!("blob {} in the archive does not match its digest", d.digest)));
    }
    if let Some(size) = d.size {
        if size != data.len() as u64 {
            return Err(refused(format!("blob {} in the archive has size {}, expected {size}", d.digest, data.len())));
        }
    }
    Ok(data)
}

fn blob_hex(digest: &str) -> Result<&str> {
    validate_digest(digest).map_err(|e| refused(e.to_string()))?;
    Ok(&digest["sha256:".len()..])
}

fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    }
}

fn read_oci(file: &File, idx: &TarIndex) -> Result<Vec<ArchiveImage>> {
    let raw = idx.read_json(file, "index.json")?;
    let index: Index =
        serde_json::from_slice(&raw).map_err(|e| refused(format!("invalid index.json in oci-archive: {e}")))?;
    let mut images = Vec::new();
    for desc in index.manifests {
        let name = desc.annotations.as_ref().and_then(|a| a.get(REF_NAME)).cloned();
        let (manifest_desc, manifest_bytes) = resolve_manifest(file, idx, desc, 0)?;
        let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
            .map_err(|e| refused(format!("invalid manifest {} in oci-archive: {e}", manifest_desc.digest)))?;
        let config = read_blob(file, idx, &manifest.config)?;
        let layers = manifest
            .layers
            .iter()
            .map(|l| {
                let hex = blob_hex(&l.digest)?;
                let name = format!("blobs/sha256/{hex}");
                let span =
                    idx.span(&name).ok_or_else(|| refused(format!("archive is missing layer blob {}", l.digest)))?;
                if let Some(size) = l.size {
                    if size != span.size {
                        return Err(refused(format!(
                            "layer blob {} has size {}, expected {size}",
                            l.digest, span.size
                        )));
                    }
                }
                Ok(ArchiveLayer { name, span, blob_digest: Some(l.digest.clone()), media_type: l.media_type.clone() })
            })
            .collect::<Result<Vec<_>>>()?;
        images.push(ArchiveImage {
            config,
            manifest_type: manifest.media_type.clone().or(manifest_desc.media_type.clone()),
            manifest: Some(manifest_bytes),
            names: name.into_iter().collect(),
            layers,
        });
    }
    if images.is_empty() {
        return Err(refused("oci-archive index.json lists no images"));
    }
    Ok(images)
}

/// Follows an index (OCI index or Docker manifest list) down to the manifest for this
/// host's platform.
fn resolve_manifest(file: &File, idx: &TarIndex, desc: Descriptor, depth: u32) -> Result<(Descriptor, Vec<u8>)> {
    let bytes = read_blob(file, idx, &desc)?;
    let media = desc
        .media_type
        .clone()
        .or_else(|| serde_json::from_slice::<Value>(&bytes).ok()?.get("mediaType")?.as_str().map(str::to_string));
    let is_index = matches!(media.as_deref(), Some(MEDIA_OCI_INDEX) | Some(MEDIA_DOCKER_LIST));
    if !is_index {
        return Ok((desc, bytes));
    }
    if depth > 4 {
        return Err(refused("oci-archive: indexes nested too deeply"));
    }
    let inner: Index =
        serde_json::from_slice(&bytes).map_err(|e| refused(format!("invalid image index {}: {e}", desc.digest)))?;
    let want = host_arch();
    let pick = inner
        .manifests
        .into_iter()
        .find(|m| {
            m.platform.as_ref().is_none_or(|p| {
                p.get("architecture").and_then(Value::as_str).is_none_or(|a| a == want)
                    && p.get("os").and_then(Value::as_str).is_none_or(|o| o == "linux")
            })
        })
        .ok_or_else(|| refused(format!("image index {} has no manifest for linux/{want}", desc.digest)))?;
    resolve_manifest(file, idx, pick, depth + 1)
}

/// Chain ids identify a layer together with everything below it (OCI image spec):
/// chain(0) = diff(0), chain(n) = sha256(chain(n-1) + " " + diff(n)).
pub fn chain_ids(diff_ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(diff_ids.len());
    for d in diff_ids {
        let next = match out.last() {
            None => d.trim_start_matches("sha256:").to_string(),
            Some(prev) => sha256_hex(format!("sha256:{prev} {d}").as_bytes()),
        };
        out.push(next);
    }
    out
}

/// Checks that a diff_id from an untrusted config is a well-formed sha256 digest before it
/// names a directory.
pub fn check_diff_id(d: &str) -> Result<()> {
    match d.strip_prefix("sha256:") {
        Some(h) if is_full_hex(h) => Ok(()),
        _ => Err(refused(format!("image config has an invalid layer diff_id {d:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_ids_follow_the_spec() {
        let a = format!("sha256:{}", "a".repeat(64));
        let b = format!("sha256:{}", "b".repeat(64));
        let c = chain_ids(&[a.clone(), b.clone()]);
        assert_eq!(c[0], "a".repeat(64));
        assert_eq!(c[1], sha256_hex(format!("{a} {b}").as_bytes()));
    }

    #[test]
    fn normalises_link_targets() {
        assert_eq!(normalise("a/b/../c"), "c".replace('c', "a/c"));
        assert_eq!(normalise("../../x"), "x");
    }

    #[test]
    fn bad_diff_ids_are_refused() {
        assert!(check_diff_id("sha256:../../etc").is_err());
        assert!(check_diff_id(&format!("sha256:{}", "0".repeat(64))).is_ok());
    }
}
