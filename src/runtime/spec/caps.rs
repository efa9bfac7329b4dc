//! `process.capabilities`: podman's default set merged with `--cap-add`/`--cap-drop`, all of
//! them with `--privileged`, and podman's rule for non-root users.

use oci_spec::runtime::{Capabilities, Capability, LinuxCapabilities, LinuxCapabilitiesBuilder};

use super::{oci, SpecError, SpecInput};

/// Every capability the kernel defines, in kernel order (CAP_CHOWN = 0 ...
/// CAP_CHECKPOINT_RESTORE = 40): what `ALL` and `--privileged` mean. One list for the
/// runtime and the spec: runtime/caps.rs owns it.
pub const ALL_CAPABILITIES: &[&str] = &crate::runtime::caps::NAMES;

/// containers.conf's `default_capabilities` (containers-common shipped with podman 4.x).
pub const DEFAULT_CAPABILITIES: &[&str] = crate::runtime::caps::DEFAULT;

const ALL: &str = "ALL";

/// The capability sets podman 4.3 gives a container:
///
/// * bounding: the defaults merged with `--cap-add`/`--cap-drop` (every capability with
///   `--privileged`, which ignores `--cap-drop` as podman 4.3 does);
/// * root user (`""`, `root`, `0`): effective = permitted = bounding; inheritable and ambient
///   empty, as the kernel does;
/// * any other user: effective = permitted = inheritable = ambient = only the capabilities
///   named by `--cap-add`, so `-u 1000` runs with CapEff 0.
pub(super) fn capabilities(input: &SpecInput, root_user: bool) -> Result<LinuxCapabilities, SpecError> {
    let bounding = if input.privileged {
        normalize_all(&input.cap_add)?;
        normalize_all(&input.cap_drop)?;
        ALL_CAPABILITIES.iter().map(|c| c.to_string()).collect()
    } else {
        let defaults: Vec<String> = DEFAULT_CAPABILITIES.iter().map(|c| c.to_string()).collect();
        merge(&defaults, &input.cap_add, &input.cap_drop)?
    };
    let (process_caps, kernel_sets) = if root_user {
        (bounding.clone(), Vec::new())
    } else {
        let added = merge(&[], &input.cap_add, &[])?;
        let user_caps: Vec<String> = added.into_iter().filter(|c| bounding.contains(c)).collect();
        (user_caps.clone(), user_caps)
    };
    oci(LinuxCapabilitiesBuilder::default()
        .bounding(to_oci(&bounding)?)
        .effective(to_oci(&process_caps)?)
        .permitted(to_oci(&process_caps)?)
        .inheritable(to_oci(&kernel_sets)?)
        .ambient(to_oci(&kernel_sets)?)
        .build())
}

/// podman's test for "runs as root": the user part of `user[:group]` is empty, `root` or `0`.
pub(super) fn is_root_user(user: &str) -> bool {
    matches!(user.split(':').next().unwrap_or(""), "" | "root" | "0")
}

/// `CAP_NET_ADMIN` from `net_admin`, `NET_ADMIN` or `cap_net_admin`; `ALL` stays `ALL`.
fn normalize(name: &str) -> Result<String, SpecError> {
    let upper = name.to_ascii_uppercase();
    if upper == ALL {
        return Ok(upper);
    }
    let full = if upper.starts_with("CAP_") { upper } else { format!("CAP_{upper}") };
    if ALL_CAPABILITIES.contains(&full.as_str()) {
        Ok(full)
    } else {
        Err(SpecError::new(format!("{full:?}: unknown capability")))
    }
}

fn normalize_all(names: &[String]) -> Result<Vec<String>, SpecError> {
    names.iter().map(|n| normalize(n)).collect()
}

/// containers/common's `MergeCapabilities`: drop `ALL` keeps only the added ones, add `ALL`
/// starts from every capability, and naming one capability in both lists is an error.
fn merge(base: &[String], add: &[String], drop: &[String]) -> Result<Vec<String>, SpecError> {
    let add = normalize_all(add)?;
    let drop = normalize_all(drop)?;
    let all = |list: &[String]| list.iter().any(|c| c == ALL);
    if all(&drop) {
        if all(&add) {
            return Err(SpecError::new("adding all caps and removing all caps not allowed"));
        }
        return Ok(sorted(add));
    }
    if let Some(both) = add.iter().find(|c| drop.contains(c)) {
        return Err(SpecError::new(format!("capability {both:?} cannot be dropped and added")));
    }
    let base: Vec<String> =
        if all(&add) { ALL_CAPABILITIES.iter().map(|c| c.to_string()).collect() } else { base.to_vec() };
    let mut caps: Vec<String> = base.into_iter().filter(|c| !drop.contains(c)).collect();
    for cap in add.into_iter().filter(|c| c != ALL) {
        if !caps.contains(&cap) {
            caps.push(cap);
        }
    }
    Ok(sorted(caps))
}

fn sorted(mut caps: Vec<String>) -> Vec<String> {
    caps.sort();
    caps.dedup();
    caps
}

fn to_oci(names: &[String]) -> Result<Capabilities, SpecError> {
    names
        .iter()
        .map(|name| {
            name.trim_start_matches("CAP_")
                .parse::<Capability>()
                .map_err(|_| SpecError::new(format!("{name:?}: unknown capability")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::config::RunConfig;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn caps_of(set: &Option<Capabilities>) -> Vec<String> {
        let mut v: Vec<String> = set.iter().flatten().map(|c| format!("CAP_{c}")).collect();
        v.sort();
        v
    }

    fn run(add: &[&str], drop: &[&str], privileged: bool, user: &str) -> Result<LinuxCapabilities, SpecError> {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.cap_add = names(add);
        input.cap_drop = names(drop);
        input.privileged = privileged;
        capabilities(&input, is_root_user(user))
    }

    #[test]
    fn defaults_are_podmans_eleven() {
        let caps = run(&[], &[], false, "").unwrap();
        assert_eq!(caps_of(caps.bounding()).len(), 11);
        assert_eq!(caps_of(caps.effective()), sorted(names(DEFAULT_CAPABILITIES)));
        assert_eq!(caps.bounding(), caps.permitted());
        assert!(caps_of(caps.inheritable()).is_empty());
        assert!(caps_of(caps.ambient()).is_empty());
    }

    #[test]
    fn add_and_drop_accept_every_spelling() {
        let caps = run(&["net_admin", "SYS_PTRACE", "cap_sys_admin"], &["CHOWN", "cap_kill"], false, "root").unwrap();
        let eff = caps_of(caps.effective());
        for c in ["CAP_NET_ADMIN", "CAP_SYS_PTRACE", "CAP_SYS_ADMIN"] {
            assert!(eff.contains(&c.to_string()), "{c}");
        }
        assert!(!eff.contains(&"CAP_CHOWN".to_string()));
        assert!(!eff.contains(&"CAP_KILL".to_string()));
    }

    #[test]
    fn all_keywords() {
        assert_eq!(caps_of(run(&["ALL"], &[], false, "").unwrap().bounding()).len(), ALL_CAPABILITIES.len());
        let only = run(&["net_raw"], &["all"], false, "").unwrap();
        assert_eq!(caps_of(only.bounding()), names(&["CAP_NET_RAW"]));
        assert_eq!(
            run(&["ALL"], &["ALL"], false, "").unwrap_err().to_string(),
            "adding all caps and removing all caps not allowed"
        );
        assert_eq!(caps_of(run(&["all"], &["mknod"], false, "").unwrap().bounding()).len(), ALL_CAPABILITIES.len() - 1);
    }

    #[test]
    fn conflicts_and_unknown_names_are_errors() {
        assert_eq!(
            run(&["chown"], &["CAP_CHOWN"], false, "").unwrap_err().to_string(),
            r#"capability "CAP_CHOWN" cannot be dropped and added"#
        );
        assert_eq!(
            run(&["frobnicate"], &[], false, "").unwrap_err().to_string(),
            r#""CAP_FROBNICATE": unknown capability"#
        );
        assert!(run(&[], &["bogus"], true, "").is_err(), "names are checked even with --privileged");
    }

    #[test]
    fn privileged_gets_everything() {
        let caps = run(&[], &["chown"], true, "").unwrap();
        assert_eq!(caps_of(caps.bounding()).len(), ALL_CAPABILITIES.len());
        assert_eq!(caps.effective(), caps.bounding());
    }

    #[test]
    fn non_root_user_gets_only_added_caps() {
        let plain = run(&[], &[], false, "1000").unwrap();
        assert_eq!(caps_of(plain.bounding()).len(), 11);
        assert!(caps_of(plain.effective()).is_empty(), "CapEff 0 for -u 1000");
        assert!(caps_of(plain.permitted()).is_empty());

        let added = run(&["net_bind_service", "net_admin"], &["net_admin"], false, "nobody:nogroup");
        assert!(added.is_err(), "a cap both added and dropped is still an error");

        let added = run(&["net_raw"], &[], false, "app").unwrap();
        for set in [added.effective(), added.permitted(), added.inheritable(), added.ambient()] {
            assert_eq!(caps_of(set), names(&["CAP_NET_RAW"]));
        }
    }

    #[test]
    fn root_detection() {
        for root in ["", "0", "root", "0:0", "root:wheel"] {
            assert!(is_root_user(root), "{root}");
        }
        for other in ["1000", "nobody", "1000:0", "rootless"] {
            assert!(!is_root_user(other), "{other}");
        }
    }

    #[test]
    fn every_known_capability_converts() {
        assert_eq!(to_oci(&names(ALL_CAPABILITIES)).unwrap().len(), ALL_CAPABILITIES.len());
    }
}
