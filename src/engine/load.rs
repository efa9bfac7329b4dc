//! `load` and `import`: bring image content in from archives and rootfs tarballs.
//!
//! Both extract layers under temp names (in parallel for several layers), verify every
//! digest the input claims, and only then rename the layers into place and commit the
//! records in one transaction; see storage/mod.rs for how leftovers are cleaned.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::images::archive::{self, sha256_hex, ArchiveImage, SectionReader};
use crate::images::config::{apply_change, History, ImageConfig, RootFs, RunConfig};
use crate::images::reference::Reference;
use crate::storage::db::{self, ImageRow, LayerRow};
use crate::storage::extract::{self, ExtractOptions, ExtractReport};
use crate::storage::StorePaths;

/// Where an archive or tarball comes from.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub input: Input,
    pub name: Option<String>,
    pub changes: Vec<String>,
    pub message: Option<String>,
    pub arch: Option<String>,
    pub os: Option<String>,
    pub variant: Option<String>,
}

/// What `load` stored: the names given to the loaded images, or `sha256:<id>` for an
/// image without one (podman prints `Loaded image: X` for each).
pub struct LoadReport {
    pub loaded: Vec<String>,
}

/// A layer to be stored: where its bytes are and what they must hash to.
pub(super) struct LayerJob<'a> {
    pub chain_id: String,
    /// What the uncompressed tar must hash to; None for `import`, which learns it here.
    pub diff_id: Option<String>,
    pub label: String,
    pub reader: Box<dyn Read + Send + 'a>,
    pub blob_digest: Option<String>,
    /// The blob is kept in the content store under this digest (pulled layers).
    pub keep_blob: bool,
    /// Copy the bytes read into the content store (loaded layers), so that save and push
    /// can reproduce them.
    pub tee_blob: bool,
}

pub(super) struct Staged {
    pub chain_id: String,
    pub dir: PathBuf,
    pub report: ExtractReport,
    /// Digest of the compressed blob kept in blobs/, if any.
    pub blob: Option<String>,
}

pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

pub(super) fn host_arch() -> String {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    }
    .to_string()
}

/// Hashes the bytes that pass through (the blob digest of a compressed layer), and
/// copies them to `tee` when the blob is kept.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    tee: Option<std::io::BufWriter<File>>,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        if let Some(t) = &mut self.tee {
            t.write_all(&buf[..n])?;
        }
        Ok(n)
    }
}

impl Engine {
    fn extract_options(&self) -> ExtractOptions {
        ExtractOptions {
            user_xattrs: self.store.rootless,
            skip_devices: self.store.rootless,
            ignore_chown_errors: false,
            id_maps: None,
        }
    }

    /// Extracts layers into staging dirs, several at once, and checks each against its
    /// diff_id and blob digest. On error every staged dir is removed.
    pub(super) fn stage_layers(&self, jobs: Vec<LayerJob<'_>>) -> Result<Vec<Staged>> {
        let opts = self.extract_options();
        let paths = &self.store.paths;
        let rootless = self.store.rootless;
        let threads = jobs.len().min(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2));
        let slots: Vec<Mutex<Option<LayerJob>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Result<Staged>>> = Mutex::new(Vec::new());
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(slot) = slots.get(i) else { break };
                    let job = slot.lock().ok().and_then(|mut g| g.take());
                    let Some(job) = job else { continue };
                    let r = stage_one(paths, rootless, job, &opts);
                    let failed = r.is_err();
                    if let Ok(mut v) = results.lock() {
                        v.push(r);
                    }
                    if failed {
                        // Stop handing out work; the caller discards everything.
                        next.store(usize::MAX / 2, Ordering::SeqCst);
                        break;
                    }
                });
            }
        });
        let results = results.into_inner().unwrap_or_default();
        let mut staged = Vec::new();
        let mut first_err = None;
        for r in results {
            match r {
                Ok(s) => staged.push(s),
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        if let Some(e) = first_err {
            for s in &staged {
                let _ = crate::storage::remove_tree(&s.dir);
            }
            return Err(e);
        }
        Ok(staged)
    }
}

fn stage_one(paths: &StorePaths, rootless: bool, job: LayerJob<'_>, opts: &ExtractOptions) -> Result<Staged> {
    let dir = paths.stage_layer(&job.chain_id)?;
    let mut blob = if job.keep_blob { job.blob_digest.clone() } else { None };
    let tee = if job.tee_blob { Some(paths.blob_temp(&job.chain_id)) } else { None };
    let result = (|| {
        let sink = match &tee {
            Some(p) => {
                crate::storage::paths::create_private_dir(&paths.blobs())?;
                Some(std::io::BufWriter::with_capacity(
                    1 << 20,
                    File::create(p).ctx(|| format!("creating {}", p.display()))?,
                ))
            }
            None => None,
        };
        let mut hr = HashingReader { inner: job.reader, hasher: Sha256::new(), tee: sink };
        let report = extract::extract_layer(&mut hr, &dir.join("diff"), opts)
            .map_err(|e| extract_error(&job.label, e, rootless))?;
        // The tar may end before the blob does (padding, compression trailer).
        std::io::copy(&mut hr, &mut std::io::sink()).ctx(|| format!("reading layer {}", job.label))?;
        let got = format!("sha256:{}", hex::encode(hr.hasher.clone().finalize()));
        if let (Some(p), Some(mut w)) = (&tee, hr.tee.take()) {
            w.flush().ctx(|| format!("writing {}", p.display()))?;
            let dest = paths.blob(&got);
            std::fs::rename(p, &dest).ctx(|| format!("storing blob {}", dest.display()))?;
            blob = Some(got.clone());
        }
        if let Some(want) = &job.blob_digest {
            if &got != want {
                return Err(Error::Refused(format!(
                    "layer {}: blob digest mismatch: archive claims {want}, content is {got}",
                    job.label
                )));
            }
        }
        if let Some(want) = job.diff_id.filter(|d| *d != report.diff_id) {
            return Err(Error::Refused(format!(
                "layer {}: digest mismatch: image config claims {want}, layer content is {}",
                job.label, report.diff_id
            )));
        }
        Ok(report)
    })();
    match result {
        Ok(report) => Ok(Staged { chain_id: job.chain_id, dir, report, blob }),
        Err(e) => {
            let _ = crate::storage::remove_tree(&dir);
            if let Some(p) = &tee {
                let _ = std::fs::remove_file(p);
            }
            Err(e)
        }
    }
}

impl Engine {
    /// Moves staged layers into place and records them and the image in one transaction.
    pub(super) fn commit_image(
        &mut self,
        row: ImageRow,
        diff_ids: &[String],
        staged: Vec<Staged>,
        names: &[String],
    ) -> Result<()> {
        let mut new_layers = Vec::new();
        for s in staged {
            // A concurrent pull or load may have stored the same layer meanwhile.
            if self.store.db.layer(&s.chain_id)?.is_some() {
                crate::storage::remove_tree(&s.dir)?;
                continue;
            }
            self.store.commit_layer_dir(&s.dir, &s.chain_id)?;
            new_layers.push((s.chain_id, s.report, s.blob));
        }
        let chain = &row.layers;
        self.store.db.write("storing the image", |tx| {
            for (id, report, blob) in &new_layers {
                let i = chain.iter().position(|c| c == id).unwrap_or(0);
                db::insert_layer(
                    tx,
                    &LayerRow {
                        id: id.clone(),
                        parent: if i > 0 { Some(chain[i - 1].clone()) } else { None },
                        diff_id: diff_ids[i].clone(),
                        size: report.uncompressed_size,
                        compressed_digest: blob.clone(),
                    },
                )?;
            }
            db::upsert_image(tx, &row)?;
            for n in names {
                db::set_name(tx, n, &row.id)?;
            }
            Ok(())
        })
    }

    /// Layer sizes of the given chain: new ones from their extraction, others from records.
    pub(super) fn layer_size(&self, chain_id: &str, staged: &[Staged]) -> Result<u64> {
        if let Some(s) = staged.iter().find(|s| s.chain_id == chain_id) {
            return Ok(s.report.uncompressed_size);
        }
        Ok(self.store.db.layer(chain_id)?.map(|l| l.size).unwrap_or(0))
    }

    pub fn load(&mut self, input: &Input) -> Result<LoadReport> {
        let _lock = self.store.lock()?;
        let (file, _spool) = open_archive(input, &self.store.paths.tmp())?;
        let idx = archive::index(&file)?;
        let images = archive::read_images(&file, &idx)?;
        let mut loaded = Vec::new();
        for img in images {
            loaded.extend(self.load_one(&file, img)?);
        }
        Ok(LoadReport { loaded })
    }

    fn load_one(&mut self, file: &File, img: ArchiveImage) -> Result<Vec<String>> {
        let cfg = ImageConfig::parse(&img.config).map_err(Error::Refused)?;
        let id = sha256_hex(&img.config);
        let diff_ids = cfg.rootfs.diff_ids.clone();
        for d in &diff_ids {
            archive::check_diff_id(d)?;
        }
        if diff_ids.len() != img.layers.len() {
            return Err(Error::Refused(format!(
                "image {id}: the manifest lists {} layers but the config has {} diff_ids",
                img.layers.len(),
                diff_ids.len()
            )));
        }
        let names = img
            .names
            .iter()
            .map(|n| {
                Reference::parse_docker(n)
                    .map(|r| r.to_string())
                    .map_err(|e| Error::Refused(format!("archive names the image {n:?}: {e}")))
            })
            .collect::<Result<Vec<_>>>()?;
        let chain = archive::chain_ids(&diff_ids);
        let mut jobs = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, layer) in img.layers.iter().enumerate() {
            if self.store.db.layer(&chain[i])?.is_some() || !seen.insert(chain[i].clone()) {
                continue;
            }
            jobs.push(LayerJob {
                chain_id: chain[i].clone(),
                diff_id: Some(diff_ids[i].clone()),
                label: layer.name.clone(),
                reader: Box::new(SectionReader::new(file, layer.span)),
                blob_digest: layer.blob_digest.clone(),
                keep_blob: false,
                tee_blob: true,
            });
        }
        let staged = self.stage_layers(jobs)?;
        let mut size = 0;
        let mut layer_descs = Vec::new();
        for (i, c) in chain.iter().enumerate() {
            let s = self.layer_size(c, &staged)?;
            size += s;
            let blob = match staged.iter().find(|st| &st.chain_id == c) {
                Some(st) => st.blob.clone(),
                None => self.store.db.layer(c)?.and_then(|l| l.compressed_digest),
            };
            layer_descs.push(blob_descriptor(&self.store.paths, blob.as_deref(), &diff_ids[i], s, false));
        }
        let (manifest, manifest_type) = match img.manifest {
            Some(m) => (m, img.manifest_type.unwrap_or_else(|| archive::MEDIA_OCI_MANIFEST.into())),
            None => (docker_manifest(&img.config, &id, layer_descs), archive::MEDIA_DOCKER_MANIFEST.to_string()),
        };
        let row = ImageRow {
            digest: Some(format!("sha256:{}", sha256_hex(&manifest))),
            id: id.clone(),
            config: img.config,
            manifest: Some(manifest),
            manifest_type: Some(manifest_type),
            size,
            added: db::now(),
            names: names.clone(),
            layers: chain,
        };
        self.commit_image(row, &diff_ids, staged, &names)?;
        Ok(if names.is_empty() { vec![format!("sha256:{id}")] } else { names })
    }

    pub fn import(&mut self, opts: &ImportOptions) -> Result<String> {
        let name = match &opts.name {
            Some(n) => Some(Reference::parse_local(n).map_err(|e| Error::usage(e.to_string()))?.to_string()),
            None => None,
        };
        let mut run = RunConfig::default();
        for c in &opts.changes {
            apply_change(&mut run, c).map_err(Error::usage)?;
        }
        let _lock = self.store.lock()?;
        let reader: Box<dyn Read + Send> = match &opts.input {
            Input::File(p) => Box::new(File::open(p).ctx(|| format!("opening {}", p.display()))?),
            Input::Stdin => Box::new(std::io::stdin()),
        };
        let label = match &opts.input {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "(stdin)".into(),
        };
        // The digest is only known after reading, so extract under a provisional name.
        let provisional = format!("import-{}", std::process::id());
        let mut staged = self.stage_layers(vec![LayerJob {
            chain_id: provisional,
            diff_id: None,
            label,
            reader,
            blob_digest: None,
            keep_blob: false,
            tee_blob: true,
        }])?;
        let s = staged.remove(0);
        let diff_id = s.report.diff_id.clone();
        let chain_id = diff_id.trim_start_matches("sha256:").to_string();
        let created = now_rfc3339();
        let cfg = ImageConfig {
            created: Some(created.clone()),
            architecture: opts.arch.clone().unwrap_or_else(host_arch),
            os: opts.os.clone().unwrap_or_else(|| "linux".into()),
            variant: opts.variant.clone(),
            config: run,
            rootfs: RootFs { kind: "layers".into(), diff_ids: vec![diff_id.clone()] },
            history: vec![History {
                created: Some(created),
                created_by: Some(format!("/bin/sh -c #(nop) ADD file:{chain_id} in / ")),
                comment: opts.message.clone(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let config = serde_json::to_vec(&cfg).map_err(Error::other)?;
        let id = sha256_hex(&config);
        let size = s.report.uncompressed_size;
        let manifest = serde_json::to_vec(&serde_json::json!({
            "schemaVersion": 2,
            "mediaType": archive::MEDIA_OCI_MANIFEST,
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": format!("sha256:{id}"), "size": config.len()},
            "layers": [blob_descriptor(&self.store.paths, s.blob.as_deref(), &diff_id, size, true)],
        }))
        .map_err(Error::other)?;
        let staged = if self.store.db.layer(&chain_id)?.is_some() {
            crate::storage::remove_tree(&s.dir)?;
            vec![]
        } else {
            vec![Staged { chain_id: chain_id.clone(), ..s }]
        };
        let names: Vec<String> = name.into_iter().collect();
        let row = ImageRow {
            digest: Some(format!("sha256:{}", sha256_hex(&manifest))),
            id: id.clone(),
            config,
            manifest: Some(manifest),
            manifest_type: Some(archive::MEDIA_OCI_MANIFEST.into()),
            size,
            added: db::now(),
            names: names.clone(),
            layers: vec![chain_id],
        };
        self.commit_image(row, &[diff_id], staged, &names)?;
        Ok(id)
    }
}

/// The manifest entry of a layer whose blob is kept in the content store: its digest,
/// size and a media type from its compression; the uncompressed tar when it isn't kept.
pub(super) fn blob_descriptor(
    paths: &StorePaths,
    blob: Option<&str>,
    diff_id: &str,
    size: u64,
    oci: bool,
) -> serde_json::Value {
    let kept = blob.and_then(|d| {
        let p = paths.blob(d);
        let len = std::fs::metadata(&p).ok()?.len();
        let mut magic = [0u8; 4];
        let n = File::open(&p).ok()?.read(&mut magic).ok()?;
        Some((d.to_string(), len, magic[..n].to_vec()))
    });
    let (digest, size, magic) = kept.unwrap_or_else(|| (diff_id.to_string(), size, Vec::new()));
    let media = match (magic.starts_with(&[0x1f, 0x8b]), magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]), oci) {
        (true, _, true) => "application/vnd.oci.image.layer.v1.tar+gzip",
        (true, _, false) => "application/vnd.docker.image.rootfs.diff.tar.gzip",
        (_, true, _) => "application/vnd.oci.image.layer.v1.tar+zstd",
        (_, _, true) => "application/vnd.oci.image.layer.v1.tar",
        _ => "application/vnd.docker.image.rootfs.diff.tar",
    };
    serde_json::json!({"mediaType": media, "size": size, "digest": digest})
}

fn docker_manifest(config: &[u8], id: &str, layers: Vec<serde_json::Value>) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "schemaVersion": 2,
        "mediaType": archive::MEDIA_DOCKER_MANIFEST,
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": config.len(), "digest": format!("sha256:{id}")},
        "layers": layers,
    }))
    .unwrap_or_default()
}

fn extract_error(label: &str, e: extract::ExtractError, rootless: bool) -> Error {
    let is_chown = matches!(e, extract::ExtractError::Chown { .. });
    let msg = format!("layer {label}: {e}");
    if rootless && is_chown {
        return Error::Usage {
            msg: format!("{msg}: potentially insufficient UIDs or GIDs available in the user namespace"),
            hint: Some("check /etc/subuid and /etc/subgid for your user (sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 $USER), then kill the old pause process: pkill -f 'burrow __pause'".into()),
        };
    }
    Error::Refused(msg)
}

/// Opens the archive to load: a file as is, stdin spooled to a temp file (layers are read
/// in parallel with positioned reads); a gzip-compressed archive is decompressed first.
fn open_archive(input: &Input, tmp: &Path) -> Result<(File, Option<Spool>)> {
    let mut src: Box<dyn Read> = match input {
        Input::File(p) => {
            let mut f = File::open(p).ctx(|| format!("opening {}", p.display()))?;
            let mut magic = [0u8; 2];
            let n = read_fully(&mut f, &mut magic).ctx(|| format!("reading {}", p.display()))?;
            if n < 2 || magic != [0x1f, 0x8b] {
                let f = File::open(p).ctx(|| format!("opening {}", p.display()))?;
                return Ok((f, None));
            }
            Box::new(File::open(p).ctx(|| format!("opening {}", p.display()))?)
        }
        Input::Stdin => Box::new(std::io::stdin().lock()),
    };
    let path = tmp.join(format!("load-{}.tar", std::process::id()));
    let spool = Spool(path.clone());
    let mut out = File::options()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)
        .ctx(|| format!("creating {}", path.display()))?;
    let mut head = [0u8; 2];
    let n = read_fully(&mut src, &mut head).ctx(|| "reading the archive".into())?;
    let chained = std::io::Cursor::new(head[..n].to_vec()).chain(src);
    if n == 2 && head == [0x1f, 0x8b] {
        let mut gz = flate2::read::MultiGzDecoder::new(chained);
        std::io::copy(&mut gz, &mut out).map_err(|e| Error::Refused(format!("decompressing the archive: {e}")))?;
    } else {
        let mut chained = chained;
        std::io::copy(&mut chained, &mut out).ctx(|| "reading the archive".into())?;
    }
    out.flush().ctx(|| "writing the spooled archive".into())?;
    // The index reads from the current position.
    out.seek(std::io::SeekFrom::Start(0)).ctx(|| "rewinding the spooled archive".into())?;
    Ok((out, Some(spool)))
}

fn read_fully(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// A spooled archive, removed when the load ends (or by the next lock holder if killed).
struct Spool(PathBuf);

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
