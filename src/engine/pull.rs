//! `pull`: resolve a name through registries.conf, negotiate the manifest, pick the
//! platform, then download and extract every missing layer at once (one downloader thread
//! feeding one extractor thread per layer). Each blob is hashed while it streams and kept
//! in the content store only when its digest matches; each layer's tar is checked against
//! the config's diff_id before it is committed under the store lock.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::load::{host_arch, LayerJob};
use super::Engine;
use crate::error::{Error, Result};
use crate::images::archive::{self, sha256_hex};
use crate::images::config::ImageConfig;
use crate::images::reference::Reference;
use crate::images::registry::authfile;
use crate::images::registry::conf::{RegistriesConf, Source};
use crate::images::registry::{check_digest, Client, Creds, Endpoint, RegistryError};
use crate::storage::db::{self, ImageRow};
use crate::storage::StorePaths;

/// Flags shared by the verbs that talk to registries.
#[derive(Debug, Clone, Default)]
pub struct RegistryOptions {
    /// `--tls-verify`: None means "as registries.conf says".
    pub tls_verify: Option<bool>,
    pub creds: Option<String>,
    pub authfile: Option<PathBuf>,
    pub cert_dir: Option<PathBuf>,
}

impl RegistryOptions {
    /// Credentials for a repository: `--creds`, else the auth files.
    pub fn creds_for(&self, host: &str, repo: &str) -> Result<Option<Creds>> {
        if let Some(c) = &self.creds {
            return Ok(Some(Creds::parse(c)));
        }
        authfile::lookup(self.authfile.as_deref(), host, repo).map_err(Error::Other)
    }

    pub fn client(&self, src: &Source, push: bool) -> Result<Client> {
        let insecure = match self.tls_verify {
            Some(v) => !v,
            None => src.insecure,
        };
        let creds = self.creds_for(&src.host, &src.repo)?;
        let endpoint = Endpoint { host: src.host.clone(), insecure, cert_dir: self.cert_dir.clone() };
        Client::new(endpoint, &src.repo, creds, push).map_err(reg_err)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Platform {
    pub os: Option<String>,
    pub arch: Option<String>,
    pub variant: Option<String>,
}

impl Platform {
    /// Parses `--platform os/arch[/variant]`.
    pub fn parse(s: &str) -> Result<Platform> {
        let parts: Vec<&str> = s.split('/').collect();
        if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(Error::usage(format!("invalid platform {s:?}: expected OS/ARCH[/VARIANT]")));
        }
        Ok(Platform {
            os: Some(parts[0].into()),
            arch: Some(parts[1].into()),
            variant: parts.get(2).map(|v| v.to_string()),
        })
    }
    fn os(&self) -> String {
        self.os.clone().unwrap_or_else(|| "linux".into())
    }
    fn arch(&self) -> String {
        self.arch.clone().unwrap_or_else(host_arch)
    }
}

#[derive(Debug, Clone, Default)]
pub struct PullOptions {
    pub name: String,
    pub all_tags: bool,
    pub platform: Platform,
    pub reg: RegistryOptions,
    /// stdin and stderr are terminals (short-name prompting rules).
    pub tty: bool,
}

/// What the caller shows while a pull runs (progress bars or podman's quiet lines).
pub trait PullProgress: Send + Sync {
    fn trying(&self, _name: &str) {}
    fn signatures(&self) {}
    fn blob_start(&self, _digest: &str, _size: u64) {}
    fn blob_bytes(&self, _digest: &str, _n: u64) {}
    fn blob_done(&self, _digest: &str) {}
    fn blob_skipped(&self, _digest: &str) {}
    fn config(&self, _digest: &str) {}
    fn writing_manifest(&self) {}
}

/// Pulls nothing visible: for `ensure_image` callers that print their own way.
pub struct NoProgress;
impl PullProgress for NoProgress {}

/// `--pull` policy of run/create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullPolicy {
    Missing,
    Always,
    Never,
    Newer,
}

impl std::str::FromStr for PullPolicy {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "missing" => Ok(PullPolicy::Missing),
            "always" | "true" => Ok(PullPolicy::Always),
            "never" | "false" => Ok(PullPolicy::Never),
            "newer" | "ifnewer" => Ok(PullPolicy::Newer),
            _ => Err(Error::usage(format!("unsupported pull policy {s:?}"))),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    digest: String,
    #[serde(default)]
    size: u64,
    platform: Option<PlatformDesc>,
}

#[derive(Deserialize)]
struct PlatformDesc {
    architecture: String,
    os: String,
    variant: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ManifestDoc {
    #[serde(default)]
    media_type: Option<String>,
    #[serde(default)]
    schema_version: Option<u32>,
    config: Option<Descriptor>,
    #[serde(default)]
    layers: Vec<Descriptor>,
    #[serde(default)]
    manifests: Vec<Descriptor>,
}

pub fn reg_err(e: RegistryError) -> Error {
    match e {
        RegistryError::Tls(m) => Error::Usage {
            msg: m,
            hint: Some("if the registry is trusted, add its CA to /etc/containers/certs.d/HOST:PORT/ca.crt, or use --tls-verify=false".into()),
        },
        RegistryError::Refused(m) => Error::Refused(m),
        other => Error::Other(other.to_string()),
    }
}

impl Engine {
    /// Pulls an image (or every tag of a repository); returns the image ids.
    pub fn pull(&mut self, opts: &PullOptions, progress: Arc<dyn PullProgress>) -> Result<Vec<String>> {
        let conf = RegistriesConf::load().map_err(Error::Other)?;
        let candidates = conf.resolve(&opts.name, opts.tty).map_err(Error::usage)?;
        if opts.all_tags {
            let c = &candidates[0];
            let written = Reference::parse(&opts.name).map_err(|e| Error::usage(e.to_string()))?;
            if written.tag.is_some() || written.digest.is_some() {
                return Err(Error::usage("tag can't be used with --all-tags/-a"));
            }
            let src = conf.sources(c).map_err(Error::Other)?.remove(0);
            let client = opts.reg.client(&src, false)?;
            let tags = client.tags().map_err(reg_err)?;
            let mut ids = Vec::new();
            for t in tags {
                let mut r = c.clone();
                r.tag = Some(t);
                let id = self.pull_reference(&conf, &r, opts, &progress)?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            return Ok(ids);
        }
        let mut errors = Vec::new();
        for c in &candidates {
            match self.pull_reference(&conf, c, opts, &progress) {
                Ok(id) => return Ok(vec![id]),
                Err(e) => errors.push(e),
            }
        }
        if errors.len() == 1 {
            return Err(errors.remove(0));
        }
        let mut msg = format!("{} errors occurred while pulling:", errors.len());
        for e in errors {
            msg.push_str(&format!("\n * {e}"));
        }
        Err(Error::Other(msg))
    }

    /// Makes sure an image is present as the policy asks (run/create's `--pull`); returns
    /// its id.
    pub fn ensure_image(&mut self, name: &str, policy: PullPolicy, opts: &PullOptions) -> Result<String> {
        let local = {
            let images = self.store.db.images()?;
            super::images::lookup(&images, name).ok().map(|(img, _)| img.id.clone())
        };
        match (policy, local) {
            (PullPolicy::Never, Some(id)) | (PullPolicy::Missing, Some(id)) => Ok(id),
            (PullPolicy::Never, None) => Err(super::images::not_known(name)),
            _ => {
                let o = PullOptions { name: name.to_string(), ..opts.clone() };
                let mut ids = self.pull(&o, Arc::new(NoProgress))?;
                Ok(ids.remove(0))
            }
        }
    }

    fn pull_reference(
        &mut self,
        conf: &RegistriesConf,
        r: &Reference,
        opts: &PullOptions,
        progress: &Arc<dyn PullProgress>,
    ) -> Result<String> {
        progress.trying(&r.to_string());
        let sources = conf.sources(r).map_err(Error::Other)?;
        let mut last = None;
        for src in &sources {
            let res =
                opts.reg.client(src, false).and_then(|client| self.pull_from(Arc::new(client), r, opts, progress));
            match res {
                Ok(id) => return Ok(id),
                Err(e) => last = Some(e),
            }
        }
        let e = last.unwrap_or_else(|| Error::other("no registry to pull from"));
        Err(match e {
            Error::Other(m) => Error::Other(format!("initializing source docker://{r}: {m}")),
            Error::Usage { msg, hint } => {
                Error::Usage { msg: format!("initializing source docker://{r}: {msg}"), hint }
            }
            other => other,
        })
    }

    fn pull_from(
        &mut self,
        client: Arc<Client>,
        r: &Reference,
        opts: &PullOptions,
        p: &Arc<dyn PullProgress>,
    ) -> Result<String> {
        let want = r.digest.clone().or_else(|| r.tag.clone()).unwrap_or_else(|| "latest".into());
        let (mut bytes, mut ctype) = client.manifest(&want).map_err(reg_err)?;
        if let Some(d) = &r.digest {
            verify_manifest(&bytes, d)?;
        }
        let mut doc: ManifestDoc = parse_manifest(&bytes)?;
        let mut media = manifest_media(&doc, &ctype);
        if media == archive::MEDIA_OCI_INDEX || media == archive::MEDIA_DOCKER_LIST {
            let child = choose_platform(&doc.manifests, &opts.platform)?;
            check_digest(&child).map_err(reg_err)?;
            let (b, c) = client.manifest(&child).map_err(reg_err)?;
            verify_manifest(&b, &child)?;
            bytes = b;
            ctype = c;
            doc = parse_manifest(&bytes)?;
            media = manifest_media(&doc, &ctype);
        }
        if media != archive::MEDIA_OCI_MANIFEST && media != archive::MEDIA_DOCKER_MANIFEST {
            return Err(Error::Refused(format!("unsupported manifest type {media:?} for {r}")));
        }
        let config_desc =
            doc.config.as_ref().ok_or_else(|| Error::Refused(format!("manifest of {r} has no config")))?;
        check_digest(&config_desc.digest).map_err(reg_err)?;
        for l in &doc.layers {
            check_digest(&l.digest).map_err(reg_err)?;
        }
        p.signatures();
        let config = client.blob_bytes(&config_desc.digest, 64 << 20).map_err(reg_err)?;
        let id = sha256_hex(&config);
        if format!("sha256:{id}") != config_desc.digest {
            return Err(Error::Refused(format!(
                "Digest did not match, expected {}, got sha256:{id}",
                config_desc.digest
            )));
        }
        let cfg = ImageConfig::parse(&config).map_err(Error::Refused)?;
        let diff_ids = cfg.rootfs.diff_ids.clone();
        for d in &diff_ids {
            archive::check_diff_id(d)?;
        }
        if diff_ids.len() != doc.layers.len() {
            return Err(Error::Refused(format!(
                "image {id}: the manifest lists {} layers but the config has {} diff_ids",
                doc.layers.len(),
                diff_ids.len()
            )));
        }
        let chain = archive::chain_ids(&diff_ids);
        let mut jobs = Vec::new();
        let mut blob_only = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, l) in doc.layers.iter().enumerate() {
            if let Some(have) = self.store.db.layer(&chain[i])? {
                // The layer is stored, maybe from another compression of it (an archive, an
                // other registry): fetch just the blob, so a push keeps this image's digests.
                if have.compressed_digest.as_deref() != Some(l.digest.as_str())
                    && !self.store.paths.blob(&l.digest).exists()
                {
                    blob_only.push((l.digest.clone(), l.size));
                }
                p.blob_skipped(&l.digest);
                continue;
            }
            if !seen.insert(chain[i].clone()) {
                p.blob_skipped(&l.digest);
                continue;
            }
            p.blob_start(&l.digest, l.size);
            jobs.push(LayerJob {
                chain_id: chain[i].clone(),
                diff_id: Some(diff_ids[i].clone()),
                label: l.digest.clone(),
                reader: Box::new(RemoteBlob::start(&client, &self.store.paths, &l.digest, l.size, p)),
                blob_digest: Some(l.digest.clone()),
                keep_blob: true,
                tee_blob: false,
            });
        }
        for (digest, size) in blob_only {
            let mut r = RemoteBlob::start(&client, &self.store.paths, &digest, size, p);
            std::io::copy(&mut r, &mut std::io::sink())
                .map_err(|e| Error::Refused(format!("fetching blob {digest}: {e}")))?;
        }
        let staged = self.stage_layers(jobs)?;
        for l in &doc.layers {
            p.blob_done(&l.digest);
        }
        p.config(&config_desc.digest);
        p.writing_manifest();
        let _lock = self.store.lock()?;
        let mut size = 0;
        for c in &chain {
            size += self.layer_size(c, &staged)?;
        }
        let names = if r.digest.is_none() { vec![r.to_string()] } else { vec![] };
        let row = ImageRow {
            digest: Some(format!("sha256:{}", sha256_hex(&bytes))),
            id: id.clone(),
            config,
            manifest: Some(bytes),
            manifest_type: Some(media),
            size,
            added: db::now(),
            names: names.clone(),
            layers: chain,
        };
        self.commit_image(row, &diff_ids, staged, &names)?;
        Ok(id)
    }
}

fn parse_manifest(bytes: &[u8]) -> Result<ManifestDoc> {
    let doc: ManifestDoc =
        serde_json::from_slice(bytes).map_err(|e| Error::Refused(format!("decoding the manifest: {e}")))?;
    if doc.schema_version.unwrap_or(2) != 2 {
        return Err(Error::Refused("schema 1 manifests are not supported".into()));
    }
    Ok(doc)
}

fn manifest_media(doc: &ManifestDoc, ctype: &str) -> String {
    if let Some(m) = doc.media_type.as_deref().filter(|m| !m.is_empty()) {
        return m.to_string();
    }
    if !ctype.is_empty() && ctype != "application/json" && ctype != "text/plain" {
        return ctype.to_string();
    }
    if !doc.manifests.is_empty() {
        archive::MEDIA_OCI_INDEX.into()
    } else {
        archive::MEDIA_OCI_MANIFEST.into()
    }
}

fn verify_manifest(bytes: &[u8], digest: &str) -> Result<()> {
    let got = format!("sha256:{}", sha256_hex(bytes));
    if got != digest {
        return Err(Error::Refused(format!("manifest digest mismatch: expected {digest}, got {got}")));
    }
    Ok(())
}

fn choose_platform(list: &[Descriptor], want: &Platform) -> Result<String> {
    let (os, arch) = (want.os(), want.arch());
    let matching: Vec<&Descriptor> =
        list.iter().filter(|d| d.platform.as_ref().is_some_and(|p| p.os == os && p.architecture == arch)).collect();
    let pick = match &want.variant {
        Some(v) => matching.iter().find(|d| d.platform.as_ref().and_then(|p| p.variant.as_deref()) == Some(v.as_str())),
        None => matching.first(),
    };
    match pick {
        Some(d) => Ok(d.digest.clone()),
        None => Err(Error::Other(format!(
            "choosing an image from manifest list: no image found in manifest list for architecture {arch:?}, variant {:?}, OS {os:?}",
            want.variant.clone().unwrap_or_default()
        ))),
    }
}

/// A layer blob being fetched by a downloader thread: it takes the blob's fetch lock,
/// reuses a blob already in the content store, or streams it from the registry into a temp
/// file while hashing, renames it into place only when the digest and size match, and hands
/// the bytes to the extractor through a bounded channel.
struct RemoteBlob {
    rx: Receiver<std::io::Result<Vec<u8>>>,
    buf: Vec<u8>,
    pos: usize,
    done: bool,
}

impl RemoteBlob {
    fn start(
        client: &Arc<Client>,
        paths: &StorePaths,
        digest: &str,
        size: u64,
        p: &Arc<dyn PullProgress>,
    ) -> RemoteBlob {
        let (tx, rx) = sync_channel::<std::io::Result<Vec<u8>>>(16);
        let job = FetchJob {
            client: client.clone(),
            progress: p.clone(),
            paths: paths.clone(),
            digest: digest.to_string(),
            size,
        };
        std::thread::spawn(move || {
            let r = job.run(&tx);
            if let Err(e) = r {
                let _ = tx.send(Err(e));
            }
        });
        RemoteBlob { rx, buf: Vec::new(), pos: 0, done: false }
    }
}

impl Read for RemoteBlob {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.buf.len() {
            if self.done {
                return Ok(0);
            }
            match self.rx.recv() {
                Ok(Ok(chunk)) if chunk.is_empty() => self.done = true,
                Ok(Ok(chunk)) => {
                    self.buf = chunk;
                    self.pos = 0;
                }
                Ok(Err(e)) => return Err(e),
                Err(_) => return Err(std::io::Error::other("blob download stopped")),
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

struct FetchJob {
    client: Arc<Client>,
    progress: Arc<dyn PullProgress>,
    paths: StorePaths,
    digest: String,
    size: u64,
}

const CHUNK: usize = 256 * 1024;

impl FetchJob {
    fn run(&self, tx: &std::sync::mpsc::SyncSender<std::io::Result<Vec<u8>>>) -> std::io::Result<()> {
        let client = &self.client;
        let progress = &self.progress;
        let _lock = self.paths.lock_blob(&self.digest).map_err(|e| std::io::Error::other(e.to_string()))?;
        let final_path = self.paths.blob(&self.digest);
        if let Ok(mut f) = std::fs::File::open(&final_path) {
            // Fetched by another pull (or kept from an earlier one): verified again below by
            // the extractor's blob digest check.
            loop {
                let mut chunk = vec![0u8; CHUNK];
                let n = f.read(&mut chunk)?;
                chunk.truncate(n);
                progress.blob_bytes(&self.digest, n as u64);
                let end = n == 0;
                if tx.send(Ok(chunk)).is_err() || end {
                    return Ok(());
                }
            }
        }
        let body = client.blob(&self.digest).map_err(|e| std::io::Error::other(e.to_string()))?;
        let tmp = self.paths.blob_temp(&self.digest);
        let mut file = std::fs::File::create(&tmp)?;
        let res = (|| {
            // The length the server announced (a body of another length than the manifest
            // says is complete, and refused below by its digest).
            let expected = body.length.or((self.size > 0).then_some(self.size));
            let mut reader = body.reader;
            let mut hasher = Sha256::new();
            let mut total = 0u64;
            let mut resumes = 0;
            loop {
                let mut chunk = vec![0u8; CHUNK];
                let n = match reader.read(&mut chunk) {
                    Ok(0) if expected.is_none_or(|e| total >= e) => break,
                    Ok(0) => {
                        // Shorter than the server announced: resume like a broken connection.
                        reader = self.resume(&mut resumes, total, std::io::ErrorKind::UnexpectedEof.into())?;
                        continue;
                    }
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        reader = self.resume(&mut resumes, total, e)?;
                        continue;
                    }
                };
                chunk.truncate(n);
                hasher.update(&chunk);
                file.write_all(&chunk)?;
                total += n as u64;
                progress.blob_bytes(&self.digest, n as u64);
                if tx.send(Ok(chunk)).is_err() {
                    return Err(std::io::Error::other("extraction stopped"));
                }
            }
            let got = format!("sha256:{}", hex::encode(hasher.finalize()));
            if got != self.digest {
                return Err(std::io::Error::other(format!(
                    "Digest did not match, expected {}, got {got}",
                    self.digest
                )));
            }
            if self.size != 0 && total != self.size {
                return Err(std::io::Error::other(format!(
                    "blob {} is {total} bytes, the manifest says {}",
                    self.digest, self.size
                )));
            }
            drop(file);
            std::fs::rename(&tmp, &final_path)?;
            let _ = tx.send(Ok(Vec::new()));
            Ok(())
        })();
        if res.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        res
    }
}

/// How often a broken blob download is resumed before the pull fails.
const RESUMES: u32 = 3;

impl FetchJob {
    /// Reopens the blob at `offset` after `err`, with backoff, at most [`RESUMES`] times.
    fn resume(&self, resumes: &mut u32, offset: u64, err: std::io::Error) -> std::io::Result<Box<dyn Read + Send>> {
        if *resumes >= RESUMES {
            return Err(std::io::Error::new(
                err.kind(),
                format!("reading blob {} after {offset} bytes: {err}", self.digest),
            ));
        }
        *resumes += 1;
        std::thread::sleep(std::time::Duration::from_millis(100 * 3u64.pow(*resumes - 1)));
        let body = self.client.blob_from(&self.digest, offset).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(body.reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(arch: &str, variant: Option<&str>, digest: char) -> Descriptor {
        Descriptor {
            digest: format!("sha256:{}", digest.to_string().repeat(64)),
            size: 1,
            platform: Some(PlatformDesc {
                architecture: arch.into(),
                os: "linux".into(),
                variant: variant.map(str::to_string),
            }),
        }
    }

    #[test]
    fn platform_is_chosen_from_a_list() {
        let list = vec![desc("arm", Some("v6"), 'a'), desc("arm", Some("v7"), 'b'), desc("amd64", None, 'c')];
        let want = |s: &str| Platform::parse(s).unwrap();
        assert!(choose_platform(&list, &want("linux/arm/v7")).unwrap().ends_with('b'));
        assert!(choose_platform(&list, &want("linux/amd64")).unwrap().ends_with('c'));
        let e = choose_platform(&list, &want("linux/s390x")).unwrap_err().to_string();
        assert!(e.contains("no image found in manifest list for architecture \"s390x\""), "{e}");
        assert!(Platform::parse("linux").is_err());
        assert!(Platform::parse("linux/amd64/v2/x").is_err());
    }

    #[test]
    fn pull_policies_parse() {
        assert_eq!("missing".parse::<PullPolicy>().unwrap(), PullPolicy::Missing);
        assert_eq!("always".parse::<PullPolicy>().unwrap(), PullPolicy::Always);
        assert_eq!("never".parse::<PullPolicy>().unwrap(), PullPolicy::Never);
        assert_eq!("newer".parse::<PullPolicy>().unwrap(), PullPolicy::Newer);
        assert!("sometimes".parse::<PullPolicy>().is_err());
    }
}
