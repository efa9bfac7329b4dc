//! `process.rlimits` from podman's defaults and `--ulimit`, and `linux.resources` from
//! `-m`, `--cpus` and `--pids-limit`.

use oci_spec::runtime::{
    LinuxCpuBuilder, LinuxMemoryBuilder, LinuxPidsBuilder, LinuxResources, LinuxResourcesBuilder, PosixRlimit,
    PosixRlimitBuilder, PosixRlimitType,
};

use super::{oci, SpecError, SpecInput};

/// podman's `RLimitDefaultValue`: what NOFILE and NPROC get when nothing caps them.
const RLIMIT_DEFAULT: u64 = 1_048_576;
/// The kernel's RLIM_INFINITY, written as `-1` on the command line.
const UNLIMITED: u64 = u64::MAX;
/// The CFS period `--cpus` is expressed against (podman's).
const CPU_PERIOD: u64 = 100_000;

/// The names `--ulimit` accepts (go-units' table: `as` is deliberately not among them).
const ULIMIT_NAMES: &[(&str, PosixRlimitType)] = &[
    ("core", PosixRlimitType::RlimitCore),
    ("cpu", PosixRlimitType::RlimitCpu),
    ("data", PosixRlimitType::RlimitData),
    ("fsize", PosixRlimitType::RlimitFsize),
    ("locks", PosixRlimitType::RlimitLocks),
    ("memlock", PosixRlimitType::RlimitMemlock),
    ("msgqueue", PosixRlimitType::RlimitMsgqueue),
    ("nice", PosixRlimitType::RlimitNice),
    ("nofile", PosixRlimitType::RlimitNofile),
    ("nproc", PosixRlimitType::RlimitNproc),
    ("rss", PosixRlimitType::RlimitRss),
    ("rtprio", PosixRlimitType::RlimitRtprio),
    ("rttime", PosixRlimitType::RlimitRttime),
    ("sigpending", PosixRlimitType::RlimitSigpending),
    ("stack", PosixRlimitType::RlimitStack),
];

/// One parsed `--ulimit name=soft[:hard]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ulimit {
    name: &'static str,
    kind: PosixRlimitType,
    soft: u64,
    hard: u64,
}

/// The container's rlimits; `None` (inherit the CLI's own) for `--ulimit host`.
///
/// NOFILE and NPROC default as in podman's `addRlimits`: rootful 1048576; rootless the CLI's
/// current limits capped at 1048576, with NOFILE's soft limit raised to its hard limit because
/// podman raises its own soft NOFILE to the hard limit at startup. `--ulimit` then overrides.
pub(super) fn rlimits(input: &SpecInput, warnings: &mut Vec<String>) -> Result<Option<Vec<PosixRlimit>>, SpecError> {
    if input.ulimits.iter().any(|u| u == "host") {
        if input.ulimits.len() != 1 {
            return Err(SpecError::new("ulimit can use host only once"));
        }
        return Ok(None);
    }
    let mut limits = default_limits(input);
    for raw in &input.ulimits {
        let ulimit = parse_ulimit(raw)?;
        if input.rootless {
            warn_above_host(&ulimit, &input.host_rlimits, warnings);
        }
        match limits.iter_mut().find(|l| l.kind == ulimit.kind) {
            Some(existing) => *existing = ulimit,
            None => limits.push(ulimit),
        }
    }
    let built: Result<Vec<PosixRlimit>, SpecError> = limits
        .iter()
        .map(|l| oci(PosixRlimitBuilder::default().typ(l.kind).soft(l.soft).hard(l.hard).build()))
        .collect();
    built.map(Some)
}

/// Whether this process may raise hard resource limits (CAP_SYS_RESOURCE in CapEff).
fn has_sys_resource() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
        .is_some_and(|caps| caps & (1 << 24) != 0)
}

fn default_limits(input: &SpecInput) -> Vec<Ulimit> {
    let mut limits = Vec::new();
    for (name, kind, soft_from_hard) in
        [("nofile", PosixRlimitType::RlimitNofile, true), ("nproc", PosixRlimitType::RlimitNproc, false)]
    {
        let (soft, hard) = if input.rootless {
            // Without the CLI's limits there is nothing safe to ask for: inherit them.
            let Some((soft, hard)) = host_limit(&input.host_rlimits, name) else { continue };
            let hard = hard.min(RLIMIT_DEFAULT);
            (if soft_from_hard { hard } else { soft.min(hard) }, hard)
        } else {
            match host_limit(&input.host_rlimits, name) {
                // Root without CAP_SYS_RESOURCE (a confined root) can't raise its hard limit.
                Some((_, hard)) if hard < RLIMIT_DEFAULT && !has_sys_resource() => (hard, hard),
                _ => (RLIMIT_DEFAULT, RLIMIT_DEFAULT),
            }
        };
        limits.push(Ulimit { name, kind, soft, hard });
    }
    limits
}

/// The CLI's (soft, hard) for `name`, given as `nofile` or `RLIMIT_NOFILE` in any case.
fn host_limit(host: &[(String, u64, u64)], name: &str) -> Option<(u64, u64)> {
    host.iter()
        .find(|(n, _, _)| strip_rlimit_prefix(&n.to_ascii_lowercase()) == name)
        .map(|&(_, soft, hard)| (soft, hard))
}

fn strip_rlimit_prefix(name: &str) -> &str {
    name.strip_prefix("rlimit_").unwrap_or(name)
}

/// A rootless container cannot raise a hard limit above the CLI's; say so before the
/// runtime fails with a bare EPERM.
fn warn_above_host(ulimit: &Ulimit, host: &[(String, u64, u64)], warnings: &mut Vec<String>) {
    if let Some((_, host_hard)) = host_limit(host, ulimit.name) {
        if ulimit.hard > host_hard {
            warnings.push(format!(
                "--ulimit {}: hard limit {} is above the current hard limit {host_hard}, which a rootless container cannot raise",
                ulimit.name,
                show(ulimit.hard)
            ));
        }
    }
}

/// go-units' `ParseUlimit` as podman calls it: the name is lower-cased and may carry an
/// `RLIMIT_` prefix, `soft` alone sets both limits, `-1` is unlimited.
fn parse_ulimit(raw: &str) -> Result<Ulimit, SpecError> {
    let lowered = raw.to_ascii_lowercase();
    let text = strip_rlimit_prefix(&lowered);
    let fail = |why: String| {
        SpecError::new(format!("ulimit option {text:?} requires name=SOFT:HARD, failed to be parsed: {why}"))
    };
    let Some((name, values)) = text.split_once('=') else {
        return Err(fail(format!("invalid ulimit argument: {text}")));
    };
    let (name, kind) = ULIMIT_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
        .ok_or_else(|| fail(format!("invalid ulimit type: {name}")))?;
    let parts: Vec<&str> = values.split(':').collect();
    if parts.len() > 2 {
        return Err(fail(format!("too many limit value arguments - {values}, can only have up to two, `soft[:hard]`")));
    }
    let soft = limit_value(parts[0]).map_err(&fail)?;
    let hard = match parts.get(1) {
        Some(hard) => limit_value(hard).map_err(&fail)?,
        None => soft,
    };
    if soft > hard {
        return Err(fail(format!(
            "ulimit soft limit must be less than or equal to hard limit: {} > {}",
            show(soft),
            show(hard)
        )));
    }
    Ok(Ulimit { name, kind, soft, hard })
}

fn limit_value(text: &str) -> Result<u64, String> {
    match text {
        "-1" => Ok(UNLIMITED),
        _ => text.parse::<u64>().map_err(|_| format!("invalid limit value {text:?}")),
    }
}

fn show(value: u64) -> String {
    if value == UNLIMITED {
        "unlimited".to_string()
    } else {
        value.to_string()
    }
}

/// `linux.resources`, or None when no flag asks for a limit. Whether the limits can be
/// applied (rootless needs a delegated cgroup v2) is the caller's decision.
pub(super) fn resources(
    memory: Option<i64>,
    cpus: Option<f64>,
    pids: Option<i64>,
) -> Result<Option<LinuxResources>, SpecError> {
    let mut builder = LinuxResourcesBuilder::default();
    let mut any = false;
    if let Some(limit) = memory.filter(|&m| m > 0) {
        builder = builder.memory(oci(LinuxMemoryBuilder::default().limit(limit).build())?);
        any = true;
    }
    if let Some(quota) = cpu_quota(cpus)? {
        builder = builder.cpu(oci(LinuxCpuBuilder::default().quota(quota).period(CPU_PERIOD).build())?);
        any = true;
    }
    if let Some(limit) = pids {
        // Zero or less is podman's "unlimited"; -1 says so explicitly to the runtime.
        let limit = if limit > 0 { limit } else { -1 };
        builder = builder.pids(oci(LinuxPidsBuilder::default().limit(limit).build())?);
        any = true;
    }
    if any {
        oci(builder.build()).map(Some)
    } else {
        Ok(None)
    }
}

/// `--cpus N` as a CFS quota over a 100ms period (podman's `CoresToPeriodAndQuota`); 0 means
/// no limit.
fn cpu_quota(cpus: Option<f64>) -> Result<Option<i64>, SpecError> {
    match cpus {
        None => Ok(None),
        Some(c) if !c.is_finite() || c < 0.0 => {
            Err(SpecError::new(format!("invalid --cpus value {c}: must be a positive number")))
        }
        Some(0.0) => Ok(None),
        // Truncation, as podman's int64() conversion does; the product is far below i64::MAX
        // for any real CPU count.
        Some(c) => Ok(Some((c * CPU_PERIOD as f64) as i64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::config::RunConfig;

    fn host(nofile: (u64, u64), nproc: (u64, u64)) -> Vec<(String, u64, u64)> {
        vec![("RLIMIT_NOFILE".into(), nofile.0, nofile.1), ("nproc".into(), nproc.0, nproc.1)]
    }

    fn limits_for(ulimits: &[&str], rootless: bool) -> Result<Option<Vec<PosixRlimit>>, SpecError> {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.rootless = rootless;
        input.host_rlimits = host((1024, 524288), (62000, 63000));
        input.ulimits = ulimits.iter().map(|s| s.to_string()).collect();
        rlimits(&input, &mut Vec::new())
    }

    fn find(list: &[PosixRlimit], kind: PosixRlimitType) -> (u64, u64) {
        let l = list.iter().find(|l| l.typ() == kind).unwrap();
        (l.soft(), l.hard())
    }

    #[test]
    fn rootless_defaults_follow_host_hard_limits() {
        let list = limits_for(&[], true).unwrap().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(find(&list, PosixRlimitType::RlimitNofile), (524288, 524288));
        assert_eq!(find(&list, PosixRlimitType::RlimitNproc), (62000, 63000));
    }

    #[test]
    fn defaults_are_capped_and_rootful_uses_podman_value() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.host_rlimits = host((UNLIMITED, UNLIMITED), (UNLIMITED, UNLIMITED));
        let list = rlimits(&input, &mut Vec::new()).unwrap().unwrap();
        assert_eq!(find(&list, PosixRlimitType::RlimitNofile), (RLIMIT_DEFAULT, RLIMIT_DEFAULT));
        let list = limits_for(&[], false).unwrap().unwrap();
        // Rootful: podman's value, unless this root can't raise its hard limit of 63000.
        let want = if has_sys_resource() { RLIMIT_DEFAULT } else { 63000 };
        assert_eq!(find(&list, PosixRlimitType::RlimitNproc), (want, want));
        input.host_rlimits.clear();
        assert_eq!(rlimits(&input, &mut Vec::new()).unwrap(), Some(Vec::new()), "unknown host limits are inherited");
    }

    #[test]
    fn ulimit_overrides_and_adds() {
        let list =
            limits_for(&["nofile=1024:2048", "core=-1", "RLIMIT_STACK=8192", "NPROC=100"], true).unwrap().unwrap();
        assert_eq!(find(&list, PosixRlimitType::RlimitNofile), (1024, 2048));
        assert_eq!(find(&list, PosixRlimitType::RlimitCore), (UNLIMITED, UNLIMITED));
        assert_eq!(find(&list, PosixRlimitType::RlimitStack), (8192, 8192));
        assert_eq!(find(&list, PosixRlimitType::RlimitNproc), (100, 100));
        assert_eq!(list.len(), 4);
        assert_eq!(
            find(&limits_for(&["nofile=1024"], true).unwrap().unwrap(), PosixRlimitType::RlimitNofile),
            (1024, 1024)
        );
        assert_eq!(
            find(&limits_for(&["memlock=64:-1"], true).unwrap().unwrap(), PosixRlimitType::RlimitMemlock),
            (64, UNLIMITED)
        );
    }

    #[test]
    fn every_podman_name_parses() {
        for (name, kind) in ULIMIT_NAMES {
            assert_eq!(parse_ulimit(&format!("{name}=1")).unwrap().kind, *kind);
        }
    }

    #[test]
    fn bad_ulimits_name_the_value() {
        let err = |u: &str| limits_for(&[u], true).unwrap_err().to_string();
        assert_eq!(
            err("nofile"),
            r#"ulimit option "nofile" requires name=SOFT:HARD, failed to be parsed: invalid ulimit argument: nofile"#
        );
        assert_eq!(
            err("as=1"),
            r#"ulimit option "as=1" requires name=SOFT:HARD, failed to be parsed: invalid ulimit type: as"#
        );
        assert!(err("nofile=abc").contains(r#"invalid limit value "abc""#));
        assert!(err("nofile=1:2:3").contains("too many limit value arguments"));
        assert!(
            err("nofile=2048:1024").contains("ulimit soft limit must be less than or equal to hard limit: 2048 > 1024")
        );
        assert!(err("nofile=-1:1024").contains("unlimited > 1024"));
        assert!(err("nofile=-2").contains("invalid limit value"));
    }

    #[test]
    fn host_means_inherit() {
        assert_eq!(limits_for(&["host"], true).unwrap(), None);
        assert_eq!(limits_for(&["host", "nofile=1"], true).unwrap_err().to_string(), "ulimit can use host only once");
    }

    #[test]
    fn rootless_raise_above_hard_is_warned() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.host_rlimits = host((1024, 4096), (10, 10));
        input.ulimits = vec!["nofile=8192".into()];
        let mut warnings = Vec::new();
        rlimits(&input, &mut warnings).unwrap();
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn resource_limits() {
        assert!(resources(None, None, None).unwrap().is_none());
        assert!(resources(Some(0), Some(0.0), None).unwrap().is_none());
        let r = resources(Some(512 << 20), Some(1.5), Some(100)).unwrap().unwrap();
        assert_eq!(r.memory().as_ref().unwrap().limit(), Some(512 << 20));
        let cpu = r.cpu().as_ref().unwrap();
        assert_eq!((cpu.quota(), cpu.period()), (Some(150_000), Some(100_000)));
        assert_eq!(r.pids().as_ref().unwrap().limit(), 100);
        let r = resources(None, None, Some(0)).unwrap().unwrap();
        assert_eq!(r.pids().as_ref().unwrap().limit(), -1);
        assert!(resources(None, Some(-1.0), None).is_err());
        assert!(resources(None, Some(f64::NAN), None).is_err());
    }
}
