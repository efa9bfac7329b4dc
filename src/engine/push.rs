//! `push`: upload an image's layer blobs (as kept in the content store, so a pulled image
//! keeps its digests), its config and its manifest. Blobs the registry has are skipped
//! (`HEAD`), blobs another repository of the same registry has are mounted, and the
//! manifest is rewritten only when another format or compression is asked for.

use std::io::Read;
use std::sync::Arc;

use serde_json::{json, Value};

use super::pull::{reg_err, RegistryOptions};
use super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::images::archive::{self, sha256_hex};
use crate::images::reference::{split_name, Reference};
use crate::images::registry::conf::{RegistriesConf, Source};
use crate::images::registry::Client;

pub const MEDIA_DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
pub const MEDIA_OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
pub const MEDIA_DOCKER_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";
pub const MEDIA_OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
pub const MEDIA_OCI_LAYER_ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zstd,
}

#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    pub image: String,
    pub dest: Option<String>,
    /// `--format`: `oci` or `v2s2`; None keeps the stored manifest's format.
    pub format: Option<String>,
    pub compression: Option<Compression>,
    pub reg: RegistryOptions,
}

/// What push shows while it runs.
pub trait PushProgress {
    fn blob(&self, _digest: &str, _skipped: bool) {}
    fn config(&self, _digest: &str) {}
    fn writing_manifest(&self) {}
}

/// A layer blob to send.
struct LayerBlob {
    digest: String,
    size: u64,
    media_type: String,
    path: std::path::PathBuf,
}

impl Engine {
    pub fn push(&mut self, opts: &PushOptions, progress: &dyn PushProgress) -> Result<String> {
        let images = self.store.db.images()?;
        let (img, _) = super::images::lookup(&images, &opts.image)?;
        let img = img.clone();
        let dest_text = opts.dest.clone().unwrap_or_else(|| opts.image.clone());
        let dest_text = dest_text.strip_prefix("docker://").unwrap_or(&dest_text).to_string();
        let dest = Reference::parse_docker(&dest_text).map_err(|e| Error::usage(e.to_string()))?;
        if opts.dest.is_none() && Reference::parse(&dest_text).map(|r| r.domain.is_empty()).unwrap_or(true) {
            // podman refuses to guess a registry for `push NAME` of a short name.
            if !img.names.iter().any(|n| n.starts_with(&format!("{}/", dest.domain))) {
                return Err(Error::usage(format!(
                    "{dest_text}: a destination registry is needed: push NAME REGISTRY/REPOSITORY[:TAG]"
                )));
            }
        }
        if img.manifest.is_none() {
            return Err(Error::other(format!("image {} has no stored manifest", img.id)));
        }
        let stored_type = img.manifest_type.clone().unwrap_or_else(|| archive::MEDIA_OCI_MANIFEST.into());
        let stored = self.stored_layers(&img)?;
        let consistent = super::save::manifest_matches(&stored);
        let mut blobs: Vec<LayerBlob> = stored
            .into_iter()
            .map(|l| LayerBlob { digest: l.blob_digest, size: l.blob_size, media_type: l.media_type, path: l.blob })
            .collect();

        let want_oci = match opts.format.as_deref() {
            None => stored_type == archive::MEDIA_OCI_MANIFEST,
            Some("oci") => true,
            Some("v2s2") | Some("docker") => false,
            Some(f) => return Err(Error::usage(format!("unsupported manifest type {f:?}: use oci or v2s2"))),
        };
        if opts.compression == Some(Compression::Zstd) && !want_oci {
            return Err(Error::usage("zstd compression requires the oci format (--format oci)"));
        }
        let mut rewrite = !consistent || want_oci != (stored_type == archive::MEDIA_OCI_MANIFEST);
        // Recompress layers whose compression differs from the one asked for.
        let mut temps = Vec::new();
        if let Some(c) = opts.compression {
            for b in &mut blobs {
                let is_zstd = b.media_type.ends_with("+zstd");
                if is_zstd != (c == Compression::Zstd) {
                    let (path, digest, size) = self.recompress(&b.path, c)?;
                    temps.push(path.clone());
                    b.path = path;
                    b.digest = digest;
                    b.size = size;
                    b.media_type =
                        if c == Compression::Zstd { MEDIA_OCI_LAYER_ZSTD.into() } else { MEDIA_OCI_LAYER_GZIP.into() };
                    rewrite = true;
                }
            }
        }
        let _cleanup = TempFiles(temps);

        let conf = RegistriesConf::load().map_err(Error::Other)?;
        let src = Source { host: dest.domain.clone(), repo: dest.path.clone(), insecure: conf.insecure(&dest.domain) };
        // A repository of the same registry that already holds this image: mount from it.
        let mount_from = img
            .names
            .iter()
            .map(|n| split_name(n).0.to_string())
            .filter_map(|repo| repo.strip_prefix(&format!("{}/", dest.domain)).map(str::to_string))
            .find(|r| *r != dest.path);
        let mut client = opts.reg.client(&src, true)?;
        if let Some(from) = &mount_from {
            client = client.with_scope_repo(from);
        }
        let client = Arc::new(client);
        client.ping().map_err(reg_err)?;
        self.upload_blobs(&client, &blobs, mount_from.as_deref(), progress)?;

        let config_digest = format!("sha256:{}", img.id);
        if !client.has_blob(&config_digest).map_err(reg_err)? {
            let cfg = Arc::new(img.config.clone());
            let open = move || -> std::io::Result<Box<dyn Read + Send>> {
                Ok(Box::new(std::io::Cursor::new(cfg.as_ref().clone())))
            };
            client.upload_blob(&config_digest, img.config.len() as u64, &open).map_err(reg_err)?;
        }
        progress.config(&config_digest);

        let (bytes, media) = if rewrite {
            let layers: Vec<Value> = blobs
                .iter()
                .map(|b| {
                    let mt = if want_oci { to_oci_layer(&b.media_type) } else { to_docker_layer(&b.media_type) };
                    json!({"mediaType": mt, "size": b.size, "digest": b.digest})
                })
                .collect();
            let (mt, cmt) = if want_oci {
                (archive::MEDIA_OCI_MANIFEST, MEDIA_OCI_CONFIG)
            } else {
                (archive::MEDIA_DOCKER_MANIFEST, MEDIA_DOCKER_CONFIG)
            };
            let mut m = json!({
                "schemaVersion": 2,
                "mediaType": mt,
                "config": {"mediaType": cmt, "size": img.config.len(), "digest": config_digest},
                "layers": layers,
            });
            // OCI manifests keep the image's annotations (`build --annotation`).
            let annotations = super::images::manifest_annotations(&img);
            if want_oci && annotations.as_object().is_some_and(|a| !a.is_empty()) {
                m["annotations"] = annotations;
            }
            (serde_json::to_vec(&m).map_err(Error::other)?, mt.to_string())
        } else {
            (img.manifest.clone().unwrap_or_default(), stored_type)
        };
        progress.writing_manifest();
        let tag = dest.digest.clone().or_else(|| dest.tag.clone()).unwrap_or_else(|| "latest".into());
        client.put_manifest(&tag, &bytes, &media).map_err(reg_err)?;
        Ok(format!("sha256:{}", sha256_hex(&bytes)))
    }

    fn upload_blobs(
        &self,
        client: &Arc<Client>,
        blobs: &[LayerBlob],
        mount_from: Option<&str>,
        progress: &dyn PushProgress,
    ) -> Result<()> {
        let results: Vec<Result<bool>> = std::thread::scope(|s| {
            let handles: Vec<_> = blobs
                .iter()
                .map(|b| {
                    let client = client.clone();
                    s.spawn(move || -> Result<bool> {
                        if client.has_blob(&b.digest).map_err(reg_err)? {
                            return Ok(true);
                        }
                        if let Some(from) = mount_from {
                            if client.mount_blob(&b.digest, from).unwrap_or(false) {
                                return Ok(true);
                            }
                        }
                        let path = b.path.clone();
                        let open = move || -> std::io::Result<Box<dyn Read + Send>> {
                            Ok(Box::new(std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(&path)?)))
                        };
                        client.upload_blob(&b.digest, b.size, &open).map_err(reg_err)?;
                        Ok(false)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Err(Error::other("upload thread panicked"))))
                .collect()
        });
        for (b, r) in blobs.iter().zip(results) {
            progress.blob(&b.digest, r?);
        }
        Ok(())
    }

    /// Decompresses a blob and compresses it again; returns (temp file, digest, size).
    fn recompress(&self, src: &std::path::Path, c: Compression) -> Result<(std::path::PathBuf, String, u64)> {
        use sha2::{Digest, Sha256};
        use std::io::Write;
        let input = std::fs::File::open(src).ctx(|| format!("opening {}", src.display()))?;
        let mut input = std::io::BufReader::new(input);
        let mut magic = [0u8; 4];
        let n = input.read(&mut magic).ctx(|| format!("reading {}", src.display()))?;
        let head = std::io::Cursor::new(magic[..n].to_vec()).chain(input);
        let mut plain: Box<dyn Read> = if magic[..n].starts_with(&[0x1f, 0x8b]) {
            Box::new(flate2::read::MultiGzDecoder::new(head))
        } else if magic[..n].starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Box::new(zstd::stream::read::Decoder::new(head).map_err(|e| Error::io("starting zstd", e))?)
        } else {
            Box::new(head)
        };
        let tmp = self.store.paths.blob_temp(&format!("push-{}", sha256_hex(src.to_string_lossy().as_bytes())));
        struct Hashing<W> {
            w: W,
            h: Sha256,
            n: u64,
        }
        impl<W: Write> Write for Hashing<W> {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                let k = self.w.write(b)?;
                self.h.update(&b[..k]);
                self.n += k as u64;
                Ok(k)
            }
            fn flush(&mut self) -> std::io::Result<()> {
                self.w.flush()
            }
        }
        let out = std::fs::File::create(&tmp).ctx(|| format!("creating {}", tmp.display()))?;
        let mut hw = Hashing { w: std::io::BufWriter::new(out), h: Sha256::new(), n: 0 };
        let what = || format!("recompressing {}", src.display());
        match c {
            Compression::Gzip => {
                let mut enc = flate2::write::GzEncoder::new(&mut hw, flate2::Compression::fast());
                std::io::copy(&mut plain, &mut enc).ctx(what)?;
                enc.finish().ctx(what)?;
            }
            Compression::Zstd => {
                let mut enc = zstd::stream::write::Encoder::new(&mut hw, 3).ctx(what)?;
                std::io::copy(&mut plain, &mut enc).ctx(what)?;
                enc.finish().ctx(what)?;
            }
        }
        hw.flush().ctx(what)?;
        let digest = format!("sha256:{}", hex::encode(hw.h.clone().finalize()));
        Ok((tmp, digest, hw.n))
    }
}

struct TempFiles(Vec<std::path::PathBuf>);

impl Drop for TempFiles {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn to_oci_layer(mt: &str) -> &'static str {
    if mt.ends_with("zstd") {
        MEDIA_OCI_LAYER_ZSTD
    } else if mt.ends_with("gzip") {
        MEDIA_OCI_LAYER_GZIP
    } else {
        "application/vnd.oci.image.layer.v1.tar"
    }
}

fn to_docker_layer(mt: &str) -> &'static str {
    if mt.ends_with("gzip") {
        MEDIA_DOCKER_LAYER_GZIP
    } else {
        "application/vnd.docker.image.rootfs.diff.tar"
    }
}
