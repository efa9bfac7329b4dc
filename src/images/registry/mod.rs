//! A blocking client for the OCI distribution API (v2): manifests, blobs, uploads, with
//! anonymous, basic and bearer-token auth, retries with backoff on transient failures, and
//! redirects to blob storage. It returns bytes and readers; verifying digests is the
//! caller's job, but every digest is checked for form before it goes into a URL.

pub mod authfile;
pub mod conf;
pub mod tls;

mod auth;

use std::io::Read;
use std::sync::Mutex;
use std::time::Duration;

use base64::Engine as _;

use auth::Challenge;

pub const ACCEPT_MANIFESTS: &str = "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

/// What went wrong talking to a registry, in words close to podman's.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The registry refused our credentials (or wants some).
    #[error("{0}")]
    Unauthorized(String),
    /// Manifest, blob or repository unknown.
    #[error("{0}")]
    NotFound(String),
    /// The connection could not be made or broke (after retries).
    #[error("{0}")]
    Transport(String),
    /// The server's certificate is not trusted.
    #[error("{0}")]
    Tls(String),
    /// Any other refusal from the server.
    #[error("{0}")]
    Status(String),
    /// The server sent something we must not use (bad digest, bad media type...).
    #[error("{0}")]
    Refused(String),
}

pub type RegResult<T> = Result<T, RegistryError>;

/// Credentials for one registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creds {
    pub username: String,
    pub password: String,
}

impl Creds {
    /// Parses `--creds USER[:PASSWORD]`.
    pub fn parse(s: &str) -> Creds {
        match s.split_once(':') {
            Some((u, p)) => Creds { username: u.into(), password: p.into() },
            None => Creds { username: s.into(), password: String::new() },
        }
    }
    fn basic(&self) -> String {
        let raw = format!("{}:{}", self.username, self.password);
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(raw))
    }
}

/// How to reach one registry host.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// host[:port] as written in image names (`docker.io` is reached at registry-1.docker.io).
    pub host: String,
    /// Skip TLS verification and fall back to plain HTTP (`--tls-verify=false`, `insecure`).
    pub insecure: bool,
    /// `--cert-dir`: replaces the certs.d directories.
    pub cert_dir: Option<std::path::PathBuf>,
}

impl Endpoint {
    fn api_host(&self) -> &str {
        if self.host == "docker.io" {
            "registry-1.docker.io"
        } else {
            &self.host
        }
    }
}

/// A session with one repository on one registry.
pub struct Client {
    agent: ureq::Agent,
    /// `https://host` or `http://host` once known.
    base: Mutex<Option<String>>,
    pub endpoint: Endpoint,
    pub repo: String,
    creds: Option<Creds>,
    /// Extra repositories we want pull access to (cross-repository mounts).
    extra_scopes: Vec<String>,
    push: bool,
    auth: Mutex<AuthState>,
}

#[derive(Default)]
enum AuthState {
    #[default]
    Unknown,
    None,
    Basic,
    Bearer {
        challenge: Challenge,
        token: Option<String>,
    },
}

/// A response we keep reading from (a blob body).
pub struct Body {
    pub reader: Box<dyn Read + Send>,
    pub length: Option<u64>,
}

const RETRIES: u32 = 4;

impl Client {
    pub fn new(endpoint: Endpoint, repo: &str, creds: Option<Creds>, push: bool) -> RegResult<Client> {
        let tls = tls::config_for(&endpoint.host, endpoint.insecure, endpoint.cert_dir.as_deref())
            .map_err(RegistryError::Tls)?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .tls_config(tls)
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_per_read(Some(Duration::from_secs(120)))
            .max_redirects(10)
            .user_agent(concat!("burrow/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Ok(Client {
            agent,
            base: Mutex::new(None),
            endpoint,
            repo: repo.to_string(),
            creds,
            extra_scopes: Vec::new(),
            push,
            auth: Mutex::new(AuthState::Unknown),
        })
    }

    /// Asks for pull access to another repository too (a mount source).
    pub fn with_scope_repo(mut self, repo: &str) -> Client {
        self.extra_scopes.push(format!("repository:{repo}:pull"));
        self
    }

    fn scopes(&self) -> Vec<String> {
        let actions = if self.push { "pull,push" } else { "pull" };
        let mut s = vec![format!("repository:{}:{actions}", self.repo)];
        s.extend(self.extra_scopes.iter().cloned());
        s
    }

    /// Finds the scheme and the auth the registry wants: `GET /v2/` (podman's "pinging").
    pub fn ping(&self) -> RegResult<()> {
        if self.base.lock().map(|b| b.is_some()).unwrap_or(false) {
            return Ok(());
        }
        let host = self.endpoint.api_host().to_string();
        let schemes: &[&str] = if self.endpoint.insecure { &["https", "http"] } else { &["https"] };
        let mut last = None;
        for scheme in schemes {
            let url = format!("{scheme}://{host}/v2/");
            // With an http fallback, a failing https attempt is not worth retrying.
            let res = if *scheme == "https" && schemes.len() > 1 {
                self.agent.get(&url).call().map_err(|e| classify(e, &url))
            } else {
                self.send_retrying(|| self.agent.get(&url).call(), &url)
            };
            match res {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let chal =
                        resp.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).and_then(Challenge::parse);
                    let state = match (status, chal) {
                        (401, Some(c)) if c.scheme == "bearer" => AuthState::Bearer { challenge: c, token: None },
                        (401, _) => AuthState::Basic,
                        (200..=299, _) => AuthState::None,
                        (s, _) => {
                            last = Some(RegistryError::Status(format!(
                                "pinging container registry {}: StatusCode: {s}, {url}",
                                self.endpoint.host
                            )));
                            continue;
                        }
                    };
                    if let Ok(mut a) = self.auth.lock() {
                        *a = state;
                    }
                    if let Ok(mut b) = self.base.lock() {
                        *b = Some(format!("{scheme}://{host}"));
                    }
                    return Ok(());
                }
                Err(e) => {
                    let e = match e {
                        RegistryError::Transport(m) | RegistryError::Tls(m) if *scheme == "https" => {
                            let tlsish = is_tls_error(&m);
                            let m = format!("pinging container registry {}: Get \"{url}\": {m}", self.endpoint.host);
                            if tlsish {
                                RegistryError::Tls(m)
                            } else {
                                RegistryError::Transport(m)
                            }
                        }
                        RegistryError::Transport(m) => RegistryError::Transport(format!(
                            "pinging container registry {}: Get \"{url}\": {m}",
                            self.endpoint.host
                        )),
                        other => other,
                    };
                    last = Some(e);
                }
            }
        }
        Err(last.unwrap_or_else(|| RegistryError::Transport("no scheme to try".into())))
    }

    fn base(&self) -> RegResult<String> {
        self.ping()?;
        Ok(self.base.lock().ok().and_then(|b| b.clone()).unwrap_or_default())
    }

    /// The Authorization header for the next request, fetching a token when needed.
    fn authorization(&self, refresh: bool) -> RegResult<Option<String>> {
        let mut st = self.auth.lock().map_err(|_| RegistryError::Transport("auth state poisoned".into()))?;
        match &mut *st {
            AuthState::Unknown | AuthState::None => Ok(None),
            AuthState::Basic => Ok(self.creds.as_ref().map(Creds::basic)),
            AuthState::Bearer { challenge, token } => {
                if token.is_none() || refresh {
                    *token = Some(self.fetch_token(challenge)?);
                }
                Ok(token.as_ref().map(|t| format!("Bearer {t}")))
            }
        }
    }

    fn fetch_token(&self, c: &Challenge) -> RegResult<String> {
        let mut url = c.realm.clone();
        let mut params = Vec::new();
        if let Some(s) = &c.service {
            params.push(format!("service={}", auth::urlencode(s)));
        }
        for s in self.scopes() {
            params.push(format!("scope={}", auth::urlencode(&s)));
        }
        if !params.is_empty() {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&params.join("&"));
        }
        let resp = self.send_retrying(
            || {
                let mut req = self.agent.get(&url);
                if let Some(cr) = &self.creds {
                    req = req.header("Authorization", cr.basic());
                }
                req.call()
            },
            &url,
        )?;
        let status = resp.status().as_u16();
        let mut resp = resp;
        let body = resp.body_mut().with_config().limit(1 << 20).read_to_vec().unwrap_or_default();
        match status {
            200 => {}
            401 | 403 => {
                return Err(RegistryError::Unauthorized(format!(
                    "unable to retrieve auth token: invalid username/password: {}",
                    registry_message(&body).unwrap_or_else(|| "unauthorized: authentication required".into())
                )))
            }
            s => return Err(RegistryError::Status(format!("requesting bearer token: {s} from {}", c.realm))),
        }
        #[derive(serde::Deserialize)]
        struct Tok {
            token: Option<String>,
            access_token: Option<String>,
        }
        let t: Tok = serde_json::from_slice(&body)
            .map_err(|e| RegistryError::Refused(format!("decoding the bearer token from {}: {e}", c.realm)))?;
        t.token
            .or(t.access_token)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| RegistryError::Refused(format!("no token in the answer of {}", c.realm)))
    }

    /// Sends a request with auth, refreshing a token once on 401; retries transient errors.
    fn request(
        &self,
        method: &str,
        path_or_url: &str,
        headers: &[(&str, String)],
        body: Option<&dyn Fn() -> ureq::SendBody<'static>>,
    ) -> RegResult<ureq::http::Response<ureq::Body>> {
        let url = if path_or_url.starts_with("http://") || path_or_url.starts_with("https://") {
            path_or_url.to_string()
        } else {
            format!("{}{}", self.base()?, path_or_url)
        };
        let mut refreshed = false;
        loop {
            let authz = self.authorization(refreshed)?;
            let resp = self.send_retrying(
                || {
                    let mut b = ureq::http::Request::builder().method(method).uri(&url);
                    for (k, v) in headers {
                        b = b.header(*k, v);
                    }
                    if let Some(a) = &authz {
                        b = b.header("Authorization", a);
                    }
                    match body {
                        Some(mk) => {
                            let req = b.body(mk()).map_err(|e| ureq::Error::BadUri(e.to_string()))?;
                            self.agent.run(req)
                        }
                        None => {
                            let req = b.body(()).map_err(|e| ureq::Error::BadUri(e.to_string()))?;
                            self.agent.run(req)
                        }
                    }
                },
                &url,
            )?;
            if resp.status().as_u16() == 401 && !refreshed {
                let bearer = matches!(self.auth.lock().as_deref(), Ok(AuthState::Bearer { .. }));
                if bearer {
                    refreshed = true;
                    continue;
                }
            }
            return Ok(resp);
        }
    }

    /// Runs `f` up to RETRIES times with backoff while it fails in a transient way
    /// (connection trouble, 429, 5xx).
    fn send_retrying(
        &self,
        f: impl Fn() -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
        url: &str,
    ) -> RegResult<ureq::http::Response<ureq::Body>> {
        let mut delay = Duration::from_millis(100);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let r = f();
            let transient = match &r {
                Ok(resp) => matches!(resp.status().as_u16(), 429 | 500 | 502 | 503 | 504),
                Err(e) => is_transient(e),
            };
            if !transient || attempt >= RETRIES {
                return r.map_err(|e| classify(e, url));
            }
            std::thread::sleep(delay);
            delay *= 3;
        }
    }

    /// Fetches a manifest by tag or digest: (bytes, media type).
    pub fn manifest(&self, reference: &str) -> RegResult<(Vec<u8>, String)> {
        check_reference(reference)?;
        let path = format!("/v2/{}/manifests/{reference}", self.repo);
        let mut resp = self.request("GET", &path, &[("Accept", ACCEPT_MANIFESTS.to_string())], None)?;
        let status = resp.status().as_u16();
        let ctype = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(|s| s.split(';').next().unwrap_or("").trim().to_string())
            .unwrap_or_default();
        let body = resp
            .body_mut()
            .with_config()
            .limit(8 << 20)
            .read_to_vec()
            .map_err(|e| RegistryError::Transport(format!("reading manifest {reference}: {e}")))?;
        if status != 200 {
            return Err(self.status_error(status, &body, &format!("reading manifest {reference} in {}", self.name())));
        }
        Ok((body, ctype))
    }

    /// `registry/repo` as podman names it in messages.
    pub fn name(&self) -> String {
        format!("{}/{}", self.endpoint.host, self.repo)
    }

    fn status_error(&self, status: u16, body: &[u8], what: &str) -> RegistryError {
        let msg = registry_message(body).unwrap_or_else(|| format!("StatusCode: {status}"));
        match status {
            401 | 403 => RegistryError::Unauthorized(format!("{what}: {msg}")),
            404 => RegistryError::NotFound(format!("{what}: {msg}")),
            _ => RegistryError::Status(format!("{what}: {msg}")),
        }
    }

    /// Opens a blob for reading (following redirects to blob storage).
    pub fn blob(&self, digest: &str) -> RegResult<Body> {
        self.blob_from(digest, 0)
    }

    /// Opens a blob from byte `offset` on (resuming a broken download): asks for a range,
    /// and skips the first bytes itself when the server sends the whole blob instead.
    pub fn blob_from(&self, digest: &str, offset: u64) -> RegResult<Body> {
        check_digest(digest)?;
        let path = format!("/v2/{}/blobs/{digest}", self.repo);
        let range = [("Range", format!("bytes={offset}-"))];
        let headers: &[(&str, String)] = if offset > 0 { &range } else { &[] };
        let mut resp = self.request("GET", &path, headers, None)?;
        let status = resp.status().as_u16();
        if offset > 0 && (status == 200 || status == 206) {
            let mut reader = resp.into_body().into_reader();
            if status == 200 {
                let skipped = std::io::copy(&mut (&mut reader).take(offset), &mut std::io::sink())
                    .map_err(|e| RegistryError::Transport(format!("resuming blob {digest}: {e}")))?;
                if skipped < offset {
                    return Err(RegistryError::Transport(format!(
                        "resuming blob {digest}: it ended before byte {offset}"
                    )));
                }
            }
            return Ok(Body { reader: Box::new(reader), length: None });
        }
        if status != 200 {
            let body = resp.body_mut().with_config().limit(1 << 20).read_to_vec().unwrap_or_default();
            return Err(self.status_error(status, &body, &format!("fetching blob {digest}")));
        }
        let length = resp.headers().get("content-length").and_then(|v| v.to_str().ok()?.parse().ok());
        let reader = resp.into_body().into_reader();
        Ok(Body { reader: Box::new(reader), length })
    }

    /// Reads a small blob (a config) whole.
    pub fn blob_bytes(&self, digest: &str, limit: u64) -> RegResult<Vec<u8>> {
        let b = self.blob(digest)?;
        let mut out = Vec::new();
        b.reader
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| RegistryError::Transport(format!("reading blob {digest}: {e}")))?;
        if out.len() as u64 > limit {
            return Err(RegistryError::Refused(format!("blob {digest} is larger than {limit} bytes")));
        }
        Ok(out)
    }

    /// Whether the repository already has a blob (`HEAD`).
    pub fn has_blob(&self, digest: &str) -> RegResult<bool> {
        check_digest(digest)?;
        let path = format!("/v2/{}/blobs/{digest}", self.repo);
        let resp = self.request("HEAD", &path, &[], None)?;
        match resp.status().as_u16() {
            200 => Ok(true),
            404 => Ok(false),
            401 | 403 => Err(RegistryError::Unauthorized(format!(
                "checking whether a blob {digest} exists in {}: authentication required",
                self.name()
            ))),
            s => Err(RegistryError::Status(format!("checking blob {digest}: StatusCode: {s}"))),
        }
    }

    /// Tries a cross-repository mount; true when the registry mounted the blob.
    pub fn mount_blob(&self, digest: &str, from: &str) -> RegResult<bool> {
        check_digest(digest)?;
        let path = format!("/v2/{}/blobs/uploads/?mount={digest}&from={}", self.repo, auth::urlencode(from));
        let mut resp =
            self.request("POST", &path, &[("Content-Length", "0".into())], Some(&|| ureq::SendBody::none()))?;
        let status = resp.status().as_u16();
        if status == 201 {
            return Ok(true);
        }
        // 202 started a normal upload session instead; abandon it (it expires).
        let _ = resp.body_mut().read_to_vec();
        Ok(false)
    }

    /// Uploads a blob: monolithic (POST then one PUT) for small blobs, chunked (PATCH per
    /// chunk, then PUT) for large ones. `open` returns a fresh reader of the content.
    pub fn upload_blob(
        &self,
        digest: &str,
        size: u64,
        open: &(dyn Fn() -> std::io::Result<Box<dyn Read + Send>> + Sync),
    ) -> RegResult<()> {
        check_digest(digest)?;
        let location = self.start_upload()?;
        let sep = if location.contains('?') { '&' } else { '?' };
        if size <= CHUNKED_ABOVE {
            let url = format!("{location}{sep}digest={digest}");
            let mk = || -> ureq::SendBody<'static> {
                match open() {
                    Ok(r) => ureq::SendBody::from_owned_reader(r),
                    Err(_) => ureq::SendBody::none(),
                }
            };
            let headers =
                [("Content-Type", "application/octet-stream".to_string()), ("Content-Length", size.to_string())];
            let mut resp = self.request("PUT", &url, &headers, Some(&mk))?;
            let status = resp.status().as_u16();
            let body = resp.body_mut().with_config().limit(1 << 20).read_to_vec().unwrap_or_default();
            if status != 201 {
                return Err(self.status_error(status, &body, &format!("uploading blob {digest}")));
            }
            return Ok(());
        }
        self.upload_chunked(location, digest, size, open)
    }

    fn start_upload(&self) -> RegResult<String> {
        let path = format!("/v2/{}/blobs/uploads/", self.repo);
        let mut resp =
            self.request("POST", &path, &[("Content-Length", "0".into())], Some(&|| ureq::SendBody::none()))?;
        let status = resp.status().as_u16();
        let loc = resp.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_string);
        let body = resp.body_mut().with_config().limit(1 << 20).read_to_vec().unwrap_or_default();
        if status != 202 {
            return Err(self.status_error(status, &body, &format!("initiating layer upload to {}", self.name())));
        }
        let loc = loc.ok_or_else(|| RegistryError::Refused("upload answer has no Location".into()))?;
        self.absolute(&loc)
    }

    fn absolute(&self, loc: &str) -> RegResult<String> {
        if loc.starts_with("http://") || loc.starts_with("https://") {
            Ok(loc.to_string())
        } else {
            Ok(format!("{}{}", self.base()?, loc))
        }
    }

    fn upload_chunked(
        &self,
        mut location: String,
        digest: &str,
        size: u64,
        open: &(dyn Fn() -> std::io::Result<Box<dyn Read + Send>> + Sync),
    ) -> RegResult<()> {
        let mut reader = open().map_err(|e| RegistryError::Transport(format!("reading blob {digest}: {e}")))?;
        let mut offset = 0u64;
        while offset < size {
            let n = CHUNK.min(size - offset);
            let mut chunk = vec![0u8; n as usize];
            reader
                .read_exact(&mut chunk)
                .map_err(|e| RegistryError::Transport(format!("reading blob {digest}: {e}")))?;
            let chunk = std::sync::Arc::new(chunk);
            let c2 = chunk.clone();
            let mk = move || ureq::SendBody::from_owned_reader(std::io::Cursor::new(c2.as_ref().clone()));
            let headers = [
                ("Content-Type", "application/octet-stream".to_string()),
                ("Content-Length", n.to_string()),
                ("Content-Range", format!("{}-{}", offset, offset + n - 1)),
            ];
            let mut resp = self.request("PATCH", &location, &headers, Some(&mk))?;
            let status = resp.status().as_u16();
            let loc = resp.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_string);
            let body = resp.body_mut().with_config().limit(1 << 20).read_to_vec().unwrap_or_default();
            if status != 202 {
                return Err(self.status_error(status, &body, &format!("uploading blob {digest}")));
            }
            if let Some(l) = loc {
                location = self.absolute(&l)?;
            }
            offset += n;
        }
        let sep = if location.contains('?') { '&' } else { '?' };
        let url = format!("{location}{sep}digest={digest}");
        let mut resp =
            self.request("PUT", &url, &[("Content-Length", "0".into())], Some(&|| ureq::SendBody::none()))?;
        let status = resp.status().as_u16();
        let body = resp.body_mut().with_config().limit(1 << 20).read_to_vec().unwrap_or_default();
        if status != 201 {
            return Err(self.status_error(status, &body, &format!("uploading blob {digest}")));
        }
        Ok(())
    }

    /// Stores a manifest under a tag (or digest).
    pub fn put_manifest(&self, reference: &str, bytes: &[u8], media_type: &str) -> RegResult<()> {
        check_reference(reference)?;
        let path = format!("/v2/{}/manifests/{reference}", self.repo);
        let data = std::sync::Arc::new(bytes.to_vec());
        let mk = move || ureq::SendBody::from_owned_reader(std::io::Cursor::new(data.as_ref().clone()));
        let headers = [("Content-Type", media_type.to_string()), ("Content-Length", bytes.len().to_string())];
        let mut resp = self.request("PUT", &path, &headers, Some(&mk))?;
        let status = resp.status().as_u16();
        let body = resp.body_mut().with_config().limit(1 << 20).read_to_vec().unwrap_or_default();
        if status != 201 && status != 200 {
            return Err(self.status_error(status, &body, "writing manifest"));
        }
        Ok(())
    }

    /// Lists the repository's tags (`--all-tags`).
    pub fn tags(&self) -> RegResult<Vec<String>> {
        let path = format!("/v2/{}/tags/list", self.repo);
        let mut resp = self.request("GET", &path, &[], None)?;
        let status = resp.status().as_u16();
        let body = resp.body_mut().with_config().limit(16 << 20).read_to_vec().unwrap_or_default();
        if status != 200 {
            return Err(self.status_error(status, &body, &format!("listing tags of {}", self.name())));
        }
        #[derive(serde::Deserialize)]
        struct Tags {
            tags: Option<Vec<String>>,
        }
        let t: Tags = serde_json::from_slice(&body)
            .map_err(|e| RegistryError::Refused(format!("decoding the tag list of {}: {e}", self.name())))?;
        Ok(t.tags.unwrap_or_default())
    }

    /// Checks credentials: `GET /v2/` with them (fetching a token for bearer registries).
    pub fn check_login(&self) -> RegResult<()> {
        self.ping()?;
        let mut resp = self.request("GET", "/v2/", &[], None)?;
        let status = resp.status().as_u16();
        let _ = resp.body_mut().read_to_vec();
        match status {
            200..=299 => Ok(()),
            401 | 403 => Err(RegistryError::Unauthorized("invalid username/password".into())),
            s => Err(RegistryError::Status(format!("StatusCode: {s}"))),
        }
    }
}

/// Blobs above this size are uploaded in chunks of [`CHUNK`] bytes.
const CHUNKED_ABOVE: u64 = 64 << 20;
const CHUNK: u64 = 32 << 20;

/// The `errors[0].message` (with code) of a registry's JSON error body.
fn registry_message(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Errs {
        errors: Vec<E>,
    }
    #[derive(serde::Deserialize)]
    struct E {
        code: Option<String>,
        message: Option<String>,
    }
    let e: Errs = serde_json::from_slice(body).ok()?;
    let first = e.errors.into_iter().next()?;
    let msg = first.message.unwrap_or_default();
    Some(match first.code.as_deref() {
        Some("UNAUTHORIZED") | Some("DENIED") => format!("{}: {msg}", first.code.unwrap_or_default().to_lowercase()),
        _ if msg.is_empty() => first.code.unwrap_or_default().to_lowercase(),
        _ => msg,
    })
}

fn is_transient(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::Io(io) => {
            matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::ConnectionAborted
                    | std::io::ErrorKind::BrokenPipe
                    | std::io::ErrorKind::TimedOut
                    | std::io::ErrorKind::UnexpectedEof
                    | std::io::ErrorKind::Interrupted
            ) && !is_tls_error(&io.to_string())
        }
        ureq::Error::Timeout(_) => true,
        _ => false,
    }
}

fn is_tls_error(m: &str) -> bool {
    let m = m.to_ascii_lowercase();
    m.contains("certificate") || m.contains("tls") || m.contains("unknownissuer") || m.contains("handshake")
}

fn classify(e: ureq::Error, url: &str) -> RegistryError {
    let text = match &e {
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            let hostport = url.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or("");
            format!("dial tcp {hostport}: connect: connection refused")
        }
        other => other.to_string(),
    };
    match e {
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) => RegistryError::Tls(tls_text(&text)),
        _ if is_tls_error(&text) => RegistryError::Tls(tls_text(&text)),
        _ => RegistryError::Transport(text),
    }
}

/// Go's wording for an untrusted certificate, which scripts and users look for.
fn tls_text(t: &str) -> String {
    if t.contains("UnknownIssuer") || t.contains("unknown issuer") {
        format!("tls: failed to verify certificate: x509: certificate signed by unknown authority ({t})")
    } else {
        t.to_string()
    }
}

/// A digest that may go into a URL or a path: `sha256:` and 64 lower-case hex digits.
pub fn check_digest(d: &str) -> RegResult<()> {
    match d.strip_prefix("sha256:") {
        Some(h) if h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) => Ok(()),
        _ => Err(RegistryError::Refused(format!("invalid digest {d:?}"))),
    }
}

/// A tag (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`) or a digest.
fn check_reference(r: &str) -> RegResult<()> {
    if r.starts_with("sha256:") {
        return check_digest(r);
    }
    let ok = !r.is_empty()
        && r.len() <= 128
        && r.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-')
        && !r.starts_with(['.', '-']);
    if ok {
        Ok(())
    } else {
        Err(RegistryError::Refused(format!("invalid tag {r:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_checked_before_use() {
        assert!(check_digest(&format!("sha256:{}", "a".repeat(64))).is_ok());
        assert!(check_digest("sha256:../../etc/passwd").is_err());
        assert!(check_digest(&format!("sha256:{}", "A".repeat(64))).is_err());
        assert!(check_digest(&format!("sha512:{}", "a".repeat(64))).is_err());
        assert!(check_reference("v1.0-rc").is_ok());
        assert!(check_reference("a/b").is_err());
    }

    #[test]
    fn registry_errors_are_read() {
        let b = br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}"#;
        assert_eq!(registry_message(b).as_deref(), Some("manifest unknown"));
    }
}
