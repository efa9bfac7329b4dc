//! Image references (`registry/repo:tag@digest`), parsed with the grammar of Docker's
//! reference package that podman uses, and normalised the two ways podman does: local
//! names get `localhost/`, names from archives and registries get `docker.io/library/`.

use std::fmt;

pub const DEFAULT_TAG: &str = "latest";
pub const LOCAL_DOMAIN: &str = "localhost";
pub const DOCKER_DOMAIN: &str = "docker.io";
const NAME_TOTAL_MAX: usize = 255;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Registry host[:port]; empty when the reference was written without one.
    pub domain: String,
    /// Repository path below the domain, e.g. `library/busybox`.
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefError {
    #[error("invalid reference format")]
    Invalid,
    #[error("invalid reference format: repository name must be lowercase")]
    Uppercase,
    #[error("invalid reference format: repository name must have at most {NAME_TOTAL_MAX} characters")]
    TooLong,
    #[error("invalid repository name ({0}), cannot specify 64-byte hexadecimal strings")]
    HexName(String),
    #[error("invalid reference format: invalid digest {0:?}")]
    Digest(String),
}

impl Reference {
    /// Parses a reference as written, without adding a domain or tag.
    pub fn parse(s: &str) -> Result<Reference, RefError> {
        if s.is_empty() {
            return Err(RefError::Invalid);
        }
        let (rest, digest) = match s.split_once('@') {
            Some((r, d)) => {
                validate_digest(d)?;
                (r, Some(d.to_string()))
            }
            None => (s, None),
        };
        // A tag is after the last ':' that comes after the last '/' (a ':' before it is a port).
        let last_slash = rest.rfind('/').map(|i| i + 1).unwrap_or(0);
        let (name, tag) = match rest[last_slash..].rfind(':') {
            Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..])),
            None => (rest, None),
        };
        if let Some(t) = tag {
            if !valid_tag(t) {
                return Err(RefError::Invalid);
            }
        }
        if name.len() > NAME_TOTAL_MAX {
            return Err(RefError::TooLong);
        }
        let (domain, path) = split_domain(name);
        if domain.is_empty() && !path.contains('/') && is_full_hex(path) {
            return Err(RefError::HexName(path.to_string()));
        }
        if !domain.is_empty() && !valid_domain(domain) {
            return Err(RefError::Invalid);
        }
        if path.is_empty() {
            return Err(RefError::Invalid);
        }
        for comp in path.split('/') {
            if !valid_component(comp) {
                return Err(
                    if comp.chars().any(|c| c.is_ascii_uppercase()) && valid_component(&comp.to_ascii_lowercase()) {
                        RefError::Uppercase
                    } else {
                        RefError::Invalid
                    },
                );
            }
        }
        Ok(Reference { domain: domain.to_string(), path: path.to_string(), tag: tag.map(str::to_string), digest })
    }

    /// podman's naming of a local image (`tag`, `import`, `build -t`): no domain means
    /// `localhost/`, and no tag means `:latest`.
    pub fn parse_local(s: &str) -> Result<Reference, RefError> {
        let mut r = Reference::parse(s)?;
        if r.domain.is_empty() {
            r.domain = LOCAL_DOMAIN.to_string();
        }
        r.default_tag();
        Ok(r)
    }

    /// Docker's normalisation, for names found in archives and for pulls: no domain means
    /// `docker.io`, and a one-component path there gets `library/`.
    pub fn parse_docker(s: &str) -> Result<Reference, RefError> {
        let mut r = Reference::parse(s)?;
        if r.domain.is_empty() {
            r.domain = DOCKER_DOMAIN.to_string();
        }
        if r.domain == DOCKER_DOMAIN && !r.path.contains('/') {
            r.path = format!("library/{}", r.path);
        }
        r.default_tag();
        Ok(r)
    }

    fn default_tag(&mut self) {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some(DEFAULT_TAG.to_string());
        }
    }

    /// `domain/path` (or just `path` without a domain).
    pub fn repository(&self) -> String {
        if self.domain.is_empty() {
            self.path.clone()
        } else {
            format!("{}/{}", self.domain, self.path)
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repository())?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

/// Splits a stored, fully qualified `repo:tag` name into repository and tag.
pub fn split_name(name: &str) -> (&str, &str) {
    let last_slash = name.rfind('/').map(|i| i + 1).unwrap_or(0);
    match name[last_slash..].rfind(':') {
        Some(i) => (&name[..last_slash + i], &name[last_slash + i + 1..]),
        None => (name, ""),
    }
}

fn split_domain(name: &str) -> (&str, &str) {
    match name.split_once('/') {
        Some((first, rest))
            if first.contains('.')
                || first.contains(':')
                || first == LOCAL_DOMAIN
                || first.chars().any(|c| c.is_ascii_uppercase()) =>
        {
            (first, rest)
        }
        _ => ("", name),
    }
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
fn valid_component(c: &str) -> bool {
    let b = c.as_bytes();
    if b.is_empty() || !is_alnum(b[0]) || !is_alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if is_alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !is_alnum(b[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

fn is_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

fn valid_domain(d: &str) -> bool {
    let (host, port) = match d.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || d.starts_with('[') => (h, Some(p)),
        _ => (d, None),
    };
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    if host.starts_with('[') {
        return host.ends_with(']') && host[1..host.len() - 1].parse::<std::net::Ipv6Addr>().is_ok();
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            let b = label.as_bytes();
            !b.is_empty()
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter().all(|x| x.is_ascii_alphanumeric() || *x == b'-')
        })
}

fn valid_tag(t: &str) -> bool {
    let b = t.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter().all(|x| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'.' | b'-'))
}

pub fn is_full_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// `sha256:<64 lower-case hex>`; other algorithms are refused before they reach a path.
pub fn validate_digest(d: &str) -> Result<(), RefError> {
    match d.split_once(':') {
        Some(("sha256", hex)) if is_full_hex(hex) => Ok(()),
        _ => Err(RefError::Digest(d.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_get_localhost_and_latest() {
        assert_eq!(Reference::parse_local("busybox").unwrap().to_string(), "localhost/busybox:latest");
        assert_eq!(Reference::parse_local("a/b:1.0").unwrap().to_string(), "localhost/a/b:1.0");
        assert_eq!(Reference::parse_local("quay.io/x/y").unwrap().to_string(), "quay.io/x/y:latest");
        assert_eq!(Reference::parse_local("localhost:5000/app:v2").unwrap().to_string(), "localhost:5000/app:v2");
    }

    #[test]
    fn docker_names_get_library() {
        assert_eq!(Reference::parse_docker("busybox").unwrap().to_string(), "docker.io/library/busybox:latest");
        assert_eq!(Reference::parse_docker("me/app:1").unwrap().to_string(), "docker.io/me/app:1");
        assert_eq!(Reference::parse_docker("localhost/x:t").unwrap().to_string(), "localhost/x:t");
    }

    #[test]
    fn digests() {
        let d = format!("sha256:{}", "a".repeat(64));
        let r = Reference::parse(&format!("reg.io/app@{d}")).unwrap();
        assert_eq!(r.digest.as_deref(), Some(d.as_str()));
        assert_eq!(r.tag, None);
        assert!(matches!(Reference::parse("app@sha256:abc"), Err(RefError::Digest(_))));
        assert!(matches!(Reference::parse("app@md5:../../etc"), Err(RefError::Digest(_))));
    }

    #[test]
    fn refuses_bad_names() {
        assert_eq!(Reference::parse("Busybox"), Err(RefError::Uppercase));
        for bad in ["", ":tag", "a:", "a b", "-a", "a/-b", "a//b", "a:bad/tag", "a:-x", "a..b", "x:/", "app:t@g"] {
            assert!(Reference::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(matches!(Reference::parse(&"a".repeat(64)), Err(RefError::HexName(_))));
        assert!(Reference::parse(&"a".repeat(300)).is_err());
    }

    #[test]
    fn ports_are_not_tags() {
        let r = Reference::parse("localhost:5000/app").unwrap();
        assert_eq!((r.domain.as_str(), r.path.as_str(), r.tag), ("localhost:5000", "app", None));
    }

    #[test]
    fn splits_stored_names() {
        assert_eq!(split_name("localhost:5000/a/b:t"), ("localhost:5000/a/b", "t"));
        assert_eq!(split_name("localhost/x"), ("localhost/x", ""));
    }
}
