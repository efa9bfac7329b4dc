//! TLS trust for a registry: the system CA store (/etc/ssl/certs), plus what podman reads
//! from `certs.d`: `/etc/containers/certs.d/<host[:port]>/` and
//! `$HOME/.config/containers/certs.d/<host[:port]>/` (`*.crt` are extra CAs, a `*.cert`
//! with its `*.key` is a client certificate). `--cert-dir` replaces these directories, as
//! podman's does.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ureq::tls::{Certificate, ClientCert, PemItem, PrivateKey, RootCerts, TlsConfig};

/// System CA bundles, first found wins (Debian's first).
const SYSTEM_BUNDLES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/ssl/cert.pem",
];

/// The certs.d directories searched for `host`, in podman's order.
pub fn cert_dirs(host: &str, cert_dir: Option<&Path>) -> Vec<PathBuf> {
    if let Some(d) = cert_dir {
        return vec![d.to_path_buf()];
    }
    let mut dirs = Vec::new();
    if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        dirs.push(PathBuf::from(h).join(".config/containers/certs.d").join(host));
    }
    dirs.push(PathBuf::from("/etc/containers/certs.d").join(host));
    dirs.push(PathBuf::from("/etc/docker/certs.d").join(host));
    dirs
}

pub fn config_for(host: &str, insecure: bool, cert_dir: Option<&Path>) -> Result<TlsConfig, String> {
    if insecure {
        return Ok(TlsConfig::builder().disable_verification(true).build());
    }
    let mut roots: Vec<Certificate<'static>> = Vec::new();
    for b in SYSTEM_BUNDLES {
        if let Ok(pem) = std::fs::read(b) {
            roots.extend(certs_in(&pem));
            break;
        }
    }
    let mut client = None;
    for dir in cert_dirs(host, cert_dir) {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for p in &names {
            match p.extension().and_then(|e| e.to_str()) {
                Some("crt") => {
                    let pem = std::fs::read(p).map_err(|e| format!("reading {}: {e}", p.display()))?;
                    roots.extend(certs_in(&pem));
                }
                Some("cert") => {
                    let key = p.with_extension("key");
                    client = Some(client_cert(p, &key)?);
                }
                _ => {}
            }
        }
    }
    if roots.is_empty() {
        return Ok(TlsConfig::builder().root_certs(RootCerts::WebPki).client_cert(client).build());
    }
    Ok(TlsConfig::builder().root_certs(RootCerts::Specific(Arc::new(roots))).client_cert(client).build())
}

fn certs_in(pem: &[u8]) -> Vec<Certificate<'static>> {
    ureq::tls::parse_pem(pem)
        .filter_map(|i| match i {
            Ok(PemItem::Certificate(c)) => Some(c),
            _ => None,
        })
        .collect()
}

fn client_cert(cert: &Path, key: &Path) -> Result<ClientCert, String> {
    let pem = std::fs::read(cert).map_err(|e| format!("reading {}: {e}", cert.display()))?;
    let chain = certs_in(&pem);
    let kpem = std::fs::read(key)
        .map_err(|e| format!("missing key {} for client certificate {}: {e}", key.display(), cert.display()))?;
    let key: Option<PrivateKey<'static>> = ureq::tls::parse_pem(&kpem).find_map(|i| match i {
        Ok(PemItem::PrivateKey(k)) => Some(k),
        _ => None,
    });
    let key = key.ok_or_else(|| format!("no private key in {}", cert.with_extension("key").display()))?;
    Ok(ClientCert::new_with_certs(&chain, key))
}
