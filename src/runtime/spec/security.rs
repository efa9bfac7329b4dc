//! `--security-opt` parsing and the masked / read-only kernel paths.

use super::{NetworkMode, SpecError, SpecInput};

/// podman's default masked paths (containers/common for podman 4.x plus `/sys/dev/block`,
/// which podman 4.3 also masked).
pub const MASKED_PATHS: &[&str] = &[
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/sys/dev/block",
];

/// podman's default read-only paths.
pub const READONLY_PATHS: &[&str] =
    &["/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

/// How the caller must set up seccomp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Seccomp {
    /// burrow's default profile.
    Default,
    Unconfined,
    /// A profile file the caller loads.
    File(String),
}

/// The `--security-opt` values that shape the spec. `label=` and `apparmor=` are accepted for
/// compatibility and ignored: burrow applies neither SELinux nor AppArmor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SecurityOpts {
    pub no_new_privileges: bool,
    pub seccomp: Seccomp,
    pub mask: Vec<String>,
    pub unmask: Vec<String>,
    pub proc_opts: Vec<String>,
}

/// The `linux.maskedPaths` and `linux.readonlyPaths` lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct KernelPaths {
    pub masked: Vec<String>,
    pub readonly: Vec<String>,
}

impl SecurityOpts {
    /// podman's parser: `key=value` (or Docker's deprecated `key:value`), with its error texts
    /// `invalid --security-opt 1: "opt"` (no value) and `invalid --security-opt 2: "opt"`
    /// (unknown key or bad value).
    pub fn parse(opts: &[String]) -> Result<SecurityOpts, SpecError> {
        let mut parsed = SecurityOpts {
            no_new_privileges: false,
            seccomp: Seccomp::Default,
            mask: Vec::new(),
            unmask: Vec::new(),
            proc_opts: Vec::new(),
        };
        for opt in opts {
            parsed.apply(opt)?;
        }
        Ok(parsed)
    }

    fn apply(&mut self, opt: &str) -> Result<(), SpecError> {
        let separator = if opt.contains('=') { '=' } else { ':' };
        let (key, value) = match opt.split_once(separator) {
            Some((key, value)) => (key, Some(value)),
            None => (opt, None),
        };
        let unknown = || SpecError::new(format!("invalid --security-opt 2: {opt:?}"));
        let Some(value) = value else {
            if key == "no-new-privileges" {
                self.no_new_privileges = true;
                return Ok(());
            }
            return Err(SpecError::new(format!("invalid --security-opt 1: {opt:?}")));
        };
        match key {
            "apparmor" | "label" => {}
            "mask" => self.mask.extend(value.split(':').map(str::to_string)),
            "unmask" => self.unmask.extend(value.split(':').map(str::to_string)),
            "proc-opts" => self.proc_opts = value.split(',').map(str::to_string).collect(),
            "seccomp" => self.seccomp = seccomp_choice(value),
            // Docker's spelling of unmask=ALL.
            "systempaths" if value == "unconfined" => self.unmask.push("ALL".to_string()),
            "systempaths" => {
                return Err(SpecError::new(format!(
                    "invalid systempaths option {value:?}, only `unconfined` is supported"
                )))
            }
            "no-new-privileges" => self.no_new_privileges = parse_go_bool(value).ok_or_else(unknown)?,
            _ => return Err(unknown()),
        }
        Ok(())
    }

    /// The `io.burrow.seccomp` annotation value; `--privileged` turns seccomp off (podman).
    pub fn seccomp_annotation(&self, privileged: bool) -> String {
        match (&self.seccomp, privileged) {
            (_, true) | (Seccomp::Unconfined, _) => "unconfined".to_string(),
            (Seccomp::Default, _) => "default".to_string(),
            (Seccomp::File(path), _) => format!("file:{path}"),
        }
    }

    /// podman's `BlockAccessToKernelFilesystems`: without `--privileged` the defaults minus
    /// whatever `unmask=` names (`ALL`, paths or globs; it applies to the read-only list too),
    /// then the `mask=` paths (even with `--privileged`). Rootless with the host's network,
    /// /sys is the host's bind-mounted, so podman also masks /sys/kernel.
    pub fn kernel_paths(&self, input: &SpecInput, warnings: &mut Vec<String>) -> KernelPaths {
        let mut paths = KernelPaths { masked: Vec::new(), readonly: Vec::new() };
        if !input.privileged {
            paths.masked = self.kept(MASKED_PATHS);
            paths.readonly = self.kept(READONLY_PATHS);
            if input.rootless && input.network == NetworkMode::Host {
                paths.masked.push("/sys/kernel".to_string());
            }
        }
        for path in self.mask.iter().filter(|p| !p.is_empty()) {
            if !path.starts_with('/') {
                warnings.push(format!("path {path:?} is not an absolute path, skipping it for --security-opt mask"));
            } else if !paths.masked.contains(path) {
                paths.masked.push(path.clone());
            }
        }
        paths
    }

    fn kept(&self, defaults: &[&str]) -> Vec<String> {
        defaults
            .iter()
            .filter(|path| !self.unmask.iter().any(|u| u.eq_ignore_ascii_case("all") || glob_match(u, path)))
            .map(|path| path.to_string())
            .collect()
    }
}

fn seccomp_choice(value: &str) -> Seccomp {
    match value {
        "unconfined" => Seccomp::Unconfined,
        "" | "default" => Seccomp::Default,
        path => Seccomp::File(path.to_string()),
    }
}

/// Go's `strconv.ParseBool`, which podman uses for `no-new-privileges=`.
fn parse_go_bool(value: &str) -> Option<bool> {
    match value {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// Go's `filepath.Match` for the `unmask=` globs: `*` and `?` never match `/`, `[...]` classes
/// with ranges and `^` negation. A malformed pattern matches nothing.
fn glob_match(pattern: &str, path: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let path: Vec<char> = path.chars().collect();
    matches_from(&pattern, &path)
}

fn matches_from(pattern: &[char], path: &[char]) -> bool {
    match pattern.first() {
        None => path.is_empty(),
        Some('*') => {
            let rest = &pattern[1..];
            (0..=path.len()).take_while(|&i| i == 0 || path[i - 1] != '/').any(|i| matches_from(rest, &path[i..]))
        }
        Some('?') => path.first().is_some_and(|&c| c != '/') && matches_from(&pattern[1..], &path[1..]),
        Some('[') => match (path.first(), class_match(&pattern[1..], path.first().copied())) {
            (Some(&c), Some((true, len))) if c != '/' => matches_from(&pattern[1 + len..], &path[1..]),
            _ => false,
        },
        Some('\\') if pattern.len() > 1 => path.first() == Some(&pattern[1]) && matches_from(&pattern[2..], &path[1..]),
        Some(&c) => path.first() == Some(&c) && matches_from(&pattern[1..], &path[1..]),
    }
}

/// Matches `c` against the class body after `[`; returns (matched, length including `]`), or
/// None when the class is not closed.
fn class_match(body: &[char], c: Option<char>) -> Option<(bool, usize)> {
    let negated = body.first() == Some(&'^');
    let mut i = usize::from(negated);
    let mut matched = false;
    while i < body.len() {
        if body[i] == ']' && i > usize::from(negated) {
            return Some((matched != negated, i + 1));
        }
        let low = body[i];
        let (high, step) = if body.get(i + 1) == Some(&'-') && body.get(i + 2).is_some_and(|&h| h != ']') {
            (body[i + 2], 3)
        } else {
            (low, 1)
        };
        matched |= c.is_some_and(|c| low <= c && c <= high);
        i += step;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::config::RunConfig;

    fn opts(list: &[&str]) -> Result<SecurityOpts, SpecError> {
        SecurityOpts::parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn paths(list: &[&str], privileged: bool) -> KernelPaths {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.privileged = privileged;
        opts(list).unwrap().kernel_paths(&input, &mut Vec::new())
    }

    #[test]
    fn no_new_privileges_forms() {
        assert!(!opts(&[]).unwrap().no_new_privileges);
        assert!(opts(&["no-new-privileges"]).unwrap().no_new_privileges);
        assert!(opts(&["no-new-privileges=true"]).unwrap().no_new_privileges);
        assert!(opts(&["no-new-privileges:true"]).unwrap().no_new_privileges, "Docker's old syntax");
        assert!(!opts(&["no-new-privileges", "no-new-privileges=false"]).unwrap().no_new_privileges);
        assert_eq!(
            opts(&["no-new-privileges=maybe"]).unwrap_err().to_string(),
            r#"invalid --security-opt 2: "no-new-privileges=maybe""#
        );
    }

    #[test]
    fn unknown_or_valueless_keys_are_errors() {
        assert_eq!(opts(&["frobnicate=1"]).unwrap_err().to_string(), r#"invalid --security-opt 2: "frobnicate=1""#);
        assert_eq!(opts(&["seccomp"]).unwrap_err().to_string(), r#"invalid --security-opt 1: "seccomp""#);
        assert!(opts(&["systempaths=confined"]).is_err());
        assert!(opts(&["label=disable", "label=type:spc_t", "apparmor=unconfined"]).is_ok());
    }

    #[test]
    fn seccomp_choices() {
        assert_eq!(opts(&[]).unwrap().seccomp_annotation(false), "default");
        assert_eq!(opts(&["seccomp=unconfined"]).unwrap().seccomp_annotation(false), "unconfined");
        assert_eq!(opts(&["seccomp=/etc/p.json"]).unwrap().seccomp_annotation(false), "file:/etc/p.json");
        assert_eq!(opts(&["seccomp=/etc/p.json"]).unwrap().seccomp_annotation(true), "unconfined");
    }

    #[test]
    fn defaults_and_privileged() {
        let p = paths(&[], false);
        assert_eq!(p.masked, MASKED_PATHS.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(p.readonly, READONLY_PATHS.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let p = paths(&[], true);
        assert!(p.masked.is_empty() && p.readonly.is_empty());
        // mask= still applies with --privileged, as in podman.
        assert_eq!(paths(&["mask=/x"], true).masked, vec!["/x"]);
    }

    #[test]
    fn unmask_and_mask() {
        let p = paths(&["unmask=ALL"], false);
        assert!(p.masked.is_empty() && p.readonly.is_empty(), "ALL covers the read-only list too");
        assert!(paths(&["systempaths=unconfined"], false).masked.is_empty());

        let p = paths(&["unmask=/proc/kcore:/proc/keys"], false);
        assert!(!p.masked.contains(&"/proc/kcore".to_string()));
        assert!(!p.masked.contains(&"/proc/keys".to_string()));
        assert_eq!(p.masked.len(), MASKED_PATHS.len() - 2);

        let p = paths(&["unmask=/proc/*"], false);
        assert!(p.masked.iter().all(|m| !m.starts_with("/proc/")));
        assert!(p.readonly.is_empty());

        let p = paths(&["mask=/x:/y", "mask=relative:/x"], false);
        assert_eq!(&p.masked[MASKED_PATHS.len()..], &["/x".to_string(), "/y".to_string()]);
    }

    #[test]
    fn relative_mask_is_warned_about() {
        let img = RunConfig::default();
        let input = SpecInput::new(&img, "/r", "/u", "h");
        let mut warnings = Vec::new();
        opts(&["mask=etc/shadow"]).unwrap().kernel_paths(&input, &mut warnings);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn rootless_host_network_masks_sys_kernel() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.network = NetworkMode::Host;
        let p = opts(&[]).unwrap().kernel_paths(&input, &mut Vec::new());
        assert!(p.masked.contains(&"/sys/kernel".to_string()));
    }

    #[test]
    fn proc_opts_are_split() {
        assert_eq!(opts(&["proc-opts=subset=pid,hidepid=2"]).unwrap().proc_opts, vec!["subset=pid", "hidepid=2"]);
    }

    #[test]
    fn globs_follow_go_filepath_match() {
        assert!(glob_match("/proc/*", "/proc/kcore"));
        assert!(!glob_match("/proc/*", "/proc/sys/kernel"));
        assert!(glob_match("/proc/k?ys", "/proc/keys"));
        assert!(glob_match("/proc/[kl]*", "/proc/latency_stats"));
        assert!(!glob_match("/proc/[^kl]*", "/proc/keys"));
        assert!(glob_match("/sys/[a-f]irmware", "/sys/firmware"));
        assert!(!glob_match("/sys/[a-f", "/sys/f"));
        assert!(glob_match("/proc/kcore", "/proc/kcore"));
        assert!(!glob_match("/proc/kcore", "/proc/kcore2"));
    }
}
