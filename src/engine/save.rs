//! `save`: write images as docker-archive (podman's default), oci-archive, oci-dir or
//! docker-dir, from the blobs kept in the content store.
//!
//! docker-archive holds uncompressed layers named by their diff_id; since every layer's
//! uncompressed size is recorded, the archive's layout is known before any byte is
//! written, so each layer is decompressed straight into its place in the output file, all
//! layers at once. The OCI formats keep the stored (compressed) blobs and manifest as they
//! are, so digests are preserved.

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::images::archive::{self, sha256_hex};
use crate::storage::db::ImageRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFormat {
    DockerArchive,
    OciArchive,
    OciDir,
    DockerDir,
}

impl std::str::FromStr for SaveFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "docker-archive" => Ok(SaveFormat::DockerArchive),
            "oci-archive" => Ok(SaveFormat::OciArchive),
            "oci-dir" => Ok(SaveFormat::OciDir),
            "docker-dir" => Ok(SaveFormat::DockerDir),
            _ => Err(Error::usage(format!(
                "unknown format option {s:?}: use docker-archive, oci-archive, oci-dir or docker-dir"
            ))),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Output {
    File(PathBuf),
    Stdout,
}

#[derive(Debug, Clone)]
pub struct SaveOptions {
    pub names: Vec<String>,
    pub output: Output,
    pub format: SaveFormat,
    pub multi_image: bool,
    /// docker-archive: decompress layers (`--uncompressed`).
    pub uncompressed: bool,
}

/// A layer of a stored image with the blob kept for it (what save and push send).
#[derive(Clone)]
pub(super) struct Layer {
    pub diff_id: String,
    pub blob_digest: String,
    pub blob: PathBuf,
    pub blob_size: u64,
    /// Uncompressed size.
    pub size: u64,
    /// OCI media type from the blob's compression (gzip, zstd or plain tar).
    pub media_type: String,
    /// The stored manifest names this very blob at this position.
    pub in_manifest: bool,
}

/// Whether every layer's kept blob is the one the stored manifest names (a layer shared
/// with an image stored earlier may have kept another compression of the same content).
pub(super) fn manifest_matches(layers: &[Layer]) -> bool {
    layers.iter().all(|l| l.in_manifest)
}

fn sniff_media_type(path: &Path) -> String {
    let mut magic = [0u8; 4];
    let n = File::open(path).and_then(|mut f| f.read(&mut magic)).unwrap_or(0);
    if magic[..n].starts_with(&[0x1f, 0x8b]) {
        super::push::MEDIA_OCI_LAYER_GZIP.into()
    } else if magic[..n].starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        super::push::MEDIA_OCI_LAYER_ZSTD.into()
    } else {
        "application/vnd.oci.image.layer.v1.tar".into()
    }
}

/// An image with the names it is saved under.
struct Item {
    img: ImageRow,
    tags: Vec<String>,
    layers: Vec<Layer>,
}

/// A member of the tar being written: its name and where its bytes come from.
enum Content {
    Bytes(Vec<u8>),
    /// A compressed blob to be decompressed into `size` bytes.
    Decompress {
        blob: PathBuf,
        size: u64,
    },
    /// A file copied as it is.
    Copy {
        path: PathBuf,
        size: u64,
    },
}

impl Content {
    fn size(&self) -> u64 {
        match self {
            Content::Bytes(b) => b.len() as u64,
            Content::Decompress { size, .. } | Content::Copy { size, .. } => *size,
        }
    }
}

impl Engine {
    pub fn save(&self, opts: &SaveOptions) -> Result<()> {
        let images = self.store.db.images()?;
        let mut items: Vec<Item> = Vec::new();
        for n in &opts.names {
            let (img, matched) = super::images::lookup(&images, n)?;
            let tag = match matched {
                super::images::Matched::Name(full) => Some(full),
                super::images::Matched::Id => None,
            };
            if let Some(it) = items.iter_mut().find(|i| i.img.id == img.id) {
                it.tags.extend(tag);
                continue;
            }
            if !opts.multi_image && !items.is_empty() && opts.format != SaveFormat::DockerArchive {
                return Err(Error::usage("saving several images needs --multi-image-archive (-m)"));
            }
            let layers = self.stored_layers(img)?;
            items.push(Item { img: img.clone(), tags: tag.into_iter().collect(), layers });
        }
        match opts.format {
            SaveFormat::DockerArchive => {
                let members = docker_archive(&items, opts.uncompressed)?;
                write_tar(&opts.output, members)
            }
            SaveFormat::OciArchive => write_tar(&opts.output, oci_layout(&items)?),
            SaveFormat::OciDir => write_dir(&opts.output, oci_layout(&items)?),
            SaveFormat::DockerDir => {
                if items.len() != 1 {
                    return Err(Error::usage("docker-dir holds one image"));
                }
                write_dir(&opts.output, docker_dir(&items[0])?)
            }
        }
    }

    /// The layers of an image with their kept blobs.
    pub(super) fn stored_layers(&self, img: &ImageRow) -> Result<Vec<Layer>> {
        let manifest: Value =
            img.manifest.as_deref().and_then(|m| serde_json::from_slice(m).ok()).unwrap_or(Value::Null);
        let stored = manifest.get("layers").and_then(|l| l.as_array()).cloned().unwrap_or_default();
        let mut out = Vec::new();
        for (i, chain) in img.layers.iter().enumerate() {
            let row = self.store.db.layer(chain)?.ok_or_else(|| Error::other(format!("layer {chain} is missing")))?;
            // The blob the manifest names, when kept, else the one kept with the layer.
            let named = stored.get(i).and_then(|l| l.get("digest")).and_then(|d| d.as_str()).map(str::to_string);
            let named =
                named.filter(|d| crate::images::registry::check_digest(d).is_ok() && self.store.paths.blob(d).exists());
            let digest = named.or(row.compressed_digest.clone()).ok_or_else(|| {
                Error::other(format!(
                    "layer {} of image {} has no stored blob (stored by an older burrow: pull or load it again)",
                    row.diff_id, img.id
                ))
            })?;
            let blob = self.store.paths.blob(&digest);
            let blob_size = std::fs::metadata(&blob).ctx(|| format!("reading blob {}", blob.display()))?.len();
            let in_manifest =
                stored.get(i).and_then(|l| l.get("digest")).and_then(|d| d.as_str()) == Some(digest.as_str());
            let media_type = sniff_media_type(&blob);
            out.push(Layer {
                diff_id: row.diff_id,
                blob_digest: digest,
                blob,
                blob_size,
                size: row.size,
                media_type,
                in_manifest,
            });
        }
        Ok(out)
    }
}

/// `uncompressed` writes layers as plain tars (as podman does); otherwise the stored
/// compressed blobs go in as they are, which podman, skopeo and docker load alike
/// (they detect the compression) and which costs no inflate and a third of the writes.
fn docker_archive(items: &[Item], uncompressed: bool) -> Result<Vec<(String, Content)>> {
    let mut members: Vec<(String, Content)> = Vec::new();
    let mut manifest = Vec::new();
    let mut repositories = serde_json::Map::new();
    let mut written = std::collections::HashSet::new();
    for it in items {
        let cfg_name = format!("{}.json", it.img.id);
        if written.insert(cfg_name.clone()) {
            members.push((cfg_name.clone(), Content::Bytes(it.img.config.clone())));
        }
        let mut layer_names = Vec::new();
        for l in &it.layers {
            let name = format!("{}.tar", l.diff_id.trim_start_matches("sha256:"));
            if written.insert(name.clone()) {
                let c = if uncompressed {
                    Content::Decompress { blob: l.blob.clone(), size: l.size }
                } else {
                    Content::Copy { path: l.blob.clone(), size: l.blob_size }
                };
                members.push((name.clone(), c));
            }
            layer_names.push(name);
        }
        let tags: Vec<String> = it.tags.clone();
        if let Some(top) = it.layers.last() {
            for t in &tags {
                let (repo, tag) = crate::images::reference::split_name(t);
                let entry = repositories.entry(repo.to_string()).or_insert_with(|| json!({}));
                if let Some(o) = entry.as_object_mut() {
                    o.insert(tag.to_string(), json!(top.diff_id.trim_start_matches("sha256:")));
                }
            }
        }
        manifest.push(json!({"Config": cfg_name, "RepoTags": tags, "Layers": layer_names}));
    }
    members.push(("manifest.json".into(), Content::Bytes(serde_json::to_vec(&manifest).map_err(Error::other)?)));
    if !repositories.is_empty() {
        members.push(("repositories".into(), Content::Bytes(serde_json::to_vec(&repositories).map_err(Error::other)?)));
    }
    Ok(members)
}

fn oci_layout(items: &[Item]) -> Result<Vec<(String, Content)>> {
    let mut members: Vec<(String, Content)> =
        vec![("oci-layout".into(), Content::Bytes(br#"{"imageLayoutVersion": "1.0.0"}"#.to_vec()))];
    let mut index = Vec::new();
    let mut written = std::collections::HashSet::new();
    let mut add = |members: &mut Vec<(String, Content)>, digest: &str, c: Content| {
        let name = format!("blobs/sha256/{}", digest.trim_start_matches("sha256:"));
        if written.insert(name.clone()) {
            members.push((name, c));
        }
    };
    for it in items {
        for l in &it.layers {
            add(&mut members, &l.blob_digest, Content::Copy { path: l.blob.clone(), size: l.blob_size });
        }
        add(&mut members, &format!("sha256:{}", it.img.id), Content::Bytes(it.img.config.clone()));
        let (manifest, mt) = oci_manifest(it)?;
        let mdigest = format!("sha256:{}", sha256_hex(&manifest));
        let msize = manifest.len();
        add(&mut members, &mdigest, Content::Bytes(manifest));
        let mut desc = json!({"mediaType": mt, "digest": mdigest, "size": msize});
        if let Some(t) = it.tags.first() {
            desc["annotations"] = json!({"org.opencontainers.image.ref.name": t});
        }
        index.push(desc);
    }
    let idx = json!({"schemaVersion": 2, "manifests": index});
    members.push(("index.json".into(), Content::Bytes(serde_json::to_vec(&idx).map_err(Error::other)?)));
    Ok(members)
}

/// The stored manifest when it is OCI already; else one rewritten with OCI media types.
fn oci_manifest(it: &Item) -> Result<(Vec<u8>, String)> {
    if it.img.manifest_type.as_deref() == Some(archive::MEDIA_OCI_MANIFEST) && manifest_matches(&it.layers) {
        if let Some(m) = &it.img.manifest {
            return Ok((m.clone(), archive::MEDIA_OCI_MANIFEST.into()));
        }
    }
    let layers: Vec<Value> = it
        .layers
        .iter()
        .map(|l| {
            let mt = if l.media_type.ends_with("zstd") {
                super::push::MEDIA_OCI_LAYER_ZSTD
            } else if l.media_type.ends_with("gzip") {
                super::push::MEDIA_OCI_LAYER_GZIP
            } else {
                "application/vnd.oci.image.layer.v1.tar"
            };
            json!({"mediaType": mt, "digest": l.blob_digest, "size": l.blob_size})
        })
        .collect();
    let mut m = json!({
        "schemaVersion": 2,
        "mediaType": archive::MEDIA_OCI_MANIFEST,
        "config": {"mediaType": super::push::MEDIA_OCI_CONFIG, "digest": format!("sha256:{}", it.img.id), "size": it.img.config.len()},
        "layers": layers,
    });
    // A rewritten manifest keeps the image's annotations (`build --annotation`).
    let annotations = super::images::manifest_annotations(&it.img);
    if annotations.as_object().is_some_and(|a| !a.is_empty()) {
        m["annotations"] = annotations;
    }
    Ok((serde_json::to_vec(&m).map_err(Error::other)?, archive::MEDIA_OCI_MANIFEST.into()))
}

/// containers/image's `dir:` layout: the manifest, blobs named by hex digest, a version.
fn docker_dir(it: &Item) -> Result<Vec<(String, Content)>> {
    let mut members = vec![("version".to_string(), Content::Bytes(b"Directory Transport Version: 1.1\n".to_vec()))];
    for l in &it.layers {
        members.push((
            l.blob_digest.trim_start_matches("sha256:").to_string(),
            Content::Copy { path: l.blob.clone(), size: l.blob_size },
        ));
    }
    members.push((it.img.id.clone(), Content::Bytes(it.img.config.clone())));
    let manifest = match &it.img.manifest {
        Some(m) if manifest_matches(&it.layers) => m.clone(),
        _ => oci_manifest(it)?.0,
    };
    members.push(("manifest.json".into(), Content::Bytes(manifest)));
    Ok(members)
}

fn header(name: &str, size: u64, dir: bool) -> Result<tar::Header> {
    let mut h = tar::Header::new_ustar();
    h.set_path(name).map_err(|e| Error::other(format!("archive member {name}: {e}")))?;
    h.set_size(size);
    h.set_mode(if dir { 0o755 } else { 0o644 });
    h.set_entry_type(if dir { tar::EntryType::Directory } else { tar::EntryType::Regular });
    h.set_mtime(0);
    h.set_cksum();
    Ok(h)
}

fn padded(n: u64) -> u64 {
    n.div_ceil(512) * 512
}

/// Writes the tar: headers and small members first, then every large member into its
/// precomputed place, all at once (a file), or one after the other (stdout).
fn write_tar(out: &Output, members: Vec<(String, Content)>) -> Result<()> {
    let mut dirs = std::collections::BTreeSet::new();
    for (name, _) in &members {
        let mut p = Path::new(name).parent();
        while let Some(d) = p.filter(|d| !d.as_os_str().is_empty()) {
            dirs.insert(format!("{}/", d.display()));
            p = d.parent();
        }
    }
    match out {
        Output::Stdout => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            for d in &dirs {
                w.write_all(header(d, 0, true)?.as_bytes()).ctx(|| "writing the archive".into())?;
            }
            for (name, c) in &members {
                w.write_all(header(name, c.size(), false)?.as_bytes()).ctx(|| "writing the archive".into())?;
                let n = copy_content(c, &mut w)?;
                let pad = padded(n) - n;
                w.write_all(&vec![0u8; pad as usize]).ctx(|| "writing the archive".into())?;
            }
            w.write_all(&[0u8; 1024]).ctx(|| "writing the archive".into())?;
            w.flush().ctx(|| "writing the archive".into())
        }
        Output::File(path) => {
            let tmp = path.with_file_name(format!(
                ".{}.tmp-{}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("save"),
                std::process::id()
            ));
            let res = write_tar_file(&tmp, &dirs, &members).and_then(|_| {
                std::fs::rename(&tmp, path).ctx(|| format!("renaming {} to {}", tmp.display(), path.display()))
            });
            if res.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            res
        }
    }
}

fn write_tar_file(path: &Path, dirs: &std::collections::BTreeSet<String>, members: &[(String, Content)]) -> Result<()> {
    let file = File::create(path).ctx(|| format!("creating {}", path.display()))?;
    let mut small = Vec::new();
    let mut jobs = Vec::new();
    for d in dirs {
        small.extend_from_slice(header(d, 0, true)?.as_bytes());
    }
    // Directory headers come first; every member's header and place follow from the sizes.
    let mut pos = small.len() as u64;
    let mut layout = Vec::new();
    for (name, c) in members {
        layout.push((pos, header(name, c.size(), false)?));
        pos += 512;
        match c {
            Content::Bytes(_) => {}
            _ => jobs.push((pos, c)),
        }
        pos += padded(c.size());
    }
    let total = pos + 1024;
    file.set_len(total).ctx(|| format!("sizing {}", path.display()))?;
    for ((hpos, h), (_, c)) in layout.iter().zip(members) {
        file.write_all_at(h.as_bytes(), *hpos).ctx(|| format!("writing {}", path.display()))?;
        if let Content::Bytes(b) = c {
            file.write_all_at(b, hpos + 512).ctx(|| format!("writing {}", path.display()))?;
        }
    }
    file.write_all_at(&small, 0).ctx(|| format!("writing {}", path.display()))?;
    let results: Vec<Result<()>> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|(at, c)| {
                let file = &file;
                s.spawn(move || -> Result<()> {
                    let mut w = AtWriter { file, pos: *at };
                    let mut bw = std::io::BufWriter::with_capacity(1 << 20, &mut w);
                    let n = copy_content(c, &mut bw)?;
                    bw.flush().ctx(|| "writing the archive".into())?;
                    if n != c.size() {
                        return Err(Error::other(format!("a layer decompressed to {n} bytes, {} expected", c.size())));
                    }
                    Ok(())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(Error::other("writer thread panicked")))).collect()
    });
    for r in results {
        r?;
    }
    Ok(())
}

struct AtWriter<'a> {
    file: &'a File,
    pos: u64,
}

impl Write for AtWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write_at(buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn copy_content(c: &Content, w: &mut dyn Write) -> Result<u64> {
    match c {
        Content::Bytes(b) => {
            w.write_all(b).ctx(|| "writing the archive".into())?;
            Ok(b.len() as u64)
        }
        Content::Copy { path, .. } => {
            let mut f = File::open(path).ctx(|| format!("opening {}", path.display()))?;
            std::io::copy(&mut f, w).ctx(|| format!("copying {}", path.display()))
        }
        Content::Decompress { blob, .. } => {
            let f = File::open(blob).ctx(|| format!("opening {}", blob.display()))?;
            let mut r = std::io::BufReader::with_capacity(1 << 20, f);
            let mut magic = [0u8; 4];
            let n = r.read(&mut magic).ctx(|| format!("reading {}", blob.display()))?;
            let head = std::io::Cursor::new(magic[..n].to_vec()).chain(r);
            let mut plain: Box<dyn Read> = if magic[..n].starts_with(&[0x1f, 0x8b]) {
                Box::new(flate2::bufread::MultiGzDecoder::new(std::io::BufReader::with_capacity(1 << 20, head)))
            } else if magic[..n].starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
                Box::new(zstd::stream::read::Decoder::new(head).ctx(|| "starting zstd".into())?)
            } else {
                Box::new(head)
            };
            std::io::copy(&mut plain, w).ctx(|| format!("decompressing {}", blob.display()))
        }
    }
}

fn write_dir(out: &Output, members: Vec<(String, Content)>) -> Result<()> {
    let Output::File(dir) = out else {
        return Err(Error::usage("a directory format needs --output DIR"));
    };
    std::fs::create_dir_all(dir).ctx(|| format!("creating {}", dir.display()))?;
    for (name, c) in &members {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).ctx(|| format!("creating {}", parent.display()))?;
        }
        let mut f = File::create(&p).ctx(|| format!("creating {}", p.display()))?;
        copy_content(c, &mut f)?;
    }
    Ok(())
}
