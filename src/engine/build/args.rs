//! The build's own flags and built-in args, checked before anything runs: `--build-arg`
//! (and `--build-arg-file`), `--annotation`, `--platform`, and the platform args Docker
//! defines (`TARGETARCH`, ...).

use std::collections::BTreeMap;

use super::BuildOptions;
use crate::error::{Error, Result};

/// The platform args Docker and podman define without an ARG default (`ARG TARGETARCH`
/// takes its value from here): target and build platform are both the host's.
pub fn platform_arg(name: &str) -> Option<String> {
    let arch = crate::engine::load::host_arch();
    let v = match name {
        "TARGETPLATFORM" | "BUILDPLATFORM" => format!("linux/{arch}"),
        "TARGETOS" | "BUILDOS" => "linux".into(),
        "TARGETARCH" | "BUILDARCH" => arch,
        "TARGETVARIANT" | "BUILDVARIANT" => String::new(),
        _ => return None,
    };
    Some(v)
}

/// `--platform`: podman's syntax; only the host's platform can be built (RUN steps execute
/// the image's binaries, and burrow has no emulation of other architectures).
pub(super) fn check_platform(spec: Option<&str>) -> Result<()> {
    let Some(spec) = spec else { return Ok(()) };
    let host = crate::engine::load::host_arch();
    for p in spec.split(',') {
        let parts: Vec<&str> = p.split('/').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|x| x.is_empty()) {
            return Err(Error::usage(format!("invalid platform syntax for {spec:?} (use OS/ARCH[/VARIANT][,...])")));
        }
        let arch = match parts[1] {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            a => a,
        };
        if parts[0] != "linux" || arch != host {
            return Err(Error::usage_hint(
                format!("building for platform {p:?} is not supported: this host runs linux/{host} and burrow does not emulate other platforms"),
                format!("use --platform linux/{host}, or build on a {} host", parts[1]),
            ));
        }
    }
    Ok(())
}

/// `--annotation KEY=VALUE`.
pub(super) fn parse_annotations(list: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for a in list {
        match a.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                out.insert(k.to_string(), v.to_string());
            }
            _ => {
                return Err(Error::usage_hint(
                    format!("invalid annotation {a:?}: expected KEY=VALUE"),
                    "use --annotation KEY=VALUE",
                ))
            }
        }
    }
    Ok(out)
}

pub(super) fn parse_build_args(opts: &BuildOptions) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut lines: Vec<String> = Vec::new();
    for f in &opts.build_arg_files {
        let text = std::fs::read_to_string(f)
            .map_err(|e| Error::usage(format!("reading build arg file {}: {e}", f.display())))?;
        lines.extend(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string));
    }
    lines.extend(opts.build_args.iter().cloned());
    for a in lines {
        let (k, v) = match a.split_once('=') {
            Some((k, v)) => (k, Some(v.to_string())),
            None => (a.as_str(), None),
        };
        let valid = !k.is_empty()
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !k.starts_with(|c: char| c.is_ascii_digit());
        if !valid {
            return Err(Error::usage_hint(
                format!("invalid --build-arg {a:?}: the name must be letters, digits and underscores"),
                "use --build-arg NAME=VALUE (or NAME alone to take the value from the environment)",
            ));
        }
        match v.or_else(|| std::env::var(k).ok()) {
            Some(v) => {
                out.insert(k.to_string(), v);
            }
            None => {
                out.remove(k);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms() {
        let host = format!("linux/{}", crate::engine::load::host_arch());
        assert!(check_platform(None).is_ok());
        assert!(check_platform(Some(&host)).is_ok());
        let e = check_platform(Some("foo")).unwrap_err().to_string();
        assert!(e.contains("invalid platform syntax for \"foo\" (use OS/ARCH[/VARIANT][,...])"), "{e}");
        assert!(check_platform(Some("linux/arm64/v8/x")).is_err());
        assert!(check_platform(Some("linux/s390x")).unwrap_err().to_string().contains("not supported"));
        assert!(check_platform(Some(&format!("{host},linux/s390x"))).is_err());
        assert_eq!(platform_arg("TARGETPLATFORM"), Some(host));
        assert_eq!(platform_arg("TARGETVARIANT"), Some(String::new()));
        assert_eq!(platform_arg("HOME"), None);
    }

    #[test]
    fn annotations() {
        let a = parse_annotations(&["a=1".into(), "b=x=y".into()]).unwrap();
        assert_eq!(a.get("b").map(String::as_str), Some("x=y"));
        assert!(parse_annotations(&["novalue".into()]).is_err());
        assert!(parse_annotations(&["=v".into()]).is_err());
    }
}
