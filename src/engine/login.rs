//! `login` and `logout`: check credentials against a registry and keep them in podman's
//! auth file (see images/registry/authfile.rs for the files and their order).

use std::path::PathBuf;

use super::pull::{reg_err, RegistryOptions};
use crate::error::{Error, Result};
use crate::images::registry::conf::{RegistriesConf, Source};
use crate::images::registry::{authfile, Creds, RegistryError};

/// Splits `host[/repo]` (a scheme is dropped, as podman does).
pub fn split_key(arg: &str) -> (String, String) {
    let a = arg.strip_prefix("https://").or_else(|| arg.strip_prefix("http://")).unwrap_or(arg);
    let a = a.trim_end_matches('/');
    match a.split_once('/') {
        Some((h, r)) => (h.to_string(), r.to_string()),
        None => (a.to_string(), String::new()),
    }
}

/// The registry to use when none is named: the first unqualified-search registry.
pub fn default_registry() -> Result<String> {
    let conf = RegistriesConf::load().map_err(Error::Other)?;
    conf.search.first().cloned().ok_or_else(|| Error::usage("no registry specified"))
}

/// Checks `creds` against the registry and stores them; returns the auth file written.
pub fn login(reg: &RegistryOptions, key: &str, creds: &Creds) -> Result<PathBuf> {
    let (host, repo) = split_key(key);
    let conf = RegistriesConf::load().map_err(Error::Other)?;
    let src = Source {
        host: host.clone(),
        repo: if repo.is_empty() { "x".into() } else { repo.clone() },
        insecure: conf.insecure(&host),
    };
    let opts = RegistryOptions { creds: Some(format!("{}:{}", creds.username, creds.password)), ..reg.clone() };
    let client = opts.client(&src, false)?;
    client.check_login().map_err(|e| match e {
        RegistryError::Unauthorized(_) => Error::Other(format!("logging into {key:?}: invalid username/password")),
        RegistryError::Tls(m) => reg_err(RegistryError::Tls(format!("authenticating creds for {key:?}: {m}"))),
        other => Error::Other(format!("authenticating creds for {key:?}: {other}")),
    })?;
    let k = if repo.is_empty() { host } else { format!("{host}/{repo}") };
    authfile::store(reg.authfile.as_deref(), &k, creds).map_err(Error::Other)
}

/// The user name stored for a registry (`login --get-login`).
pub fn get_login(reg: &RegistryOptions, key: &str) -> Result<String> {
    let (host, repo) = split_key(key);
    let c = if repo.is_empty() {
        authfile::lookup(reg.authfile.as_deref(), &host, "").map_err(Error::Other)?
    } else {
        authfile::lookup(reg.authfile.as_deref(), &host, &repo).map_err(Error::Other)?
    };
    c.map(|c| c.username).ok_or_else(|| Error::Other(format!("not logged into {key}")))
}

/// Existing credentials for a registry, if any.
pub fn existing(reg: &RegistryOptions, key: &str) -> Option<Creds> {
    let (host, repo) = split_key(key);
    authfile::lookup(reg.authfile.as_deref(), &host, &repo).ok().flatten()
}

pub fn logout(reg: &RegistryOptions, key: &str) -> Result<()> {
    let (host, repo) = split_key(key);
    let k = if repo.is_empty() { host } else { format!("{host}/{repo}") };
    if authfile::remove(reg.authfile.as_deref(), &k).map_err(Error::Other)? {
        return Ok(());
    }
    if authfile::in_docker_config(&k) {
        return Err(Error::Other(format!("not logged into {key} with Podman. Existing credentials were established via Docker login. Please use Docker to logout")));
    }
    Err(Error::Other(format!("not logged into {key}")))
}

pub fn logout_all(reg: &RegistryOptions) -> Result<()> {
    authfile::remove_all(reg.authfile.as_deref()).map_err(Error::Other)
}
