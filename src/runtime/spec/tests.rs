//! Tests of [`generate`] as a whole; each submodule tests its own rules in detail.

use super::*;
use oci_spec::runtime::{Capability, LinuxNamespaceType, Spec};

fn image() -> RunConfig {
    RunConfig {
        env: Some(vec!["PATH=/usr/bin:/bin".into(), "LANG=C.UTF-8".into()]),
        cmd: Some(vec!["/bin/sh".into()]),
        working_dir: "/srv".into(),
        user: "app".into(),
        stop_signal: "SIGQUIT".into(),
        ..RunConfig::default()
    }
}

fn generate_ok(input: &SpecInput) -> SpecOutput {
    generate(input).unwrap()
}

fn annotation<'a>(spec: &'a Spec, key: &str) -> Option<&'a str> {
    spec.annotations().as_ref()?.get(key).map(String::as_str)
}

fn process(spec: &Spec) -> &oci_spec::runtime::Process {
    spec.process().as_ref().unwrap()
}

fn linux(spec: &Spec) -> &oci_spec::runtime::Linux {
    spec.linux().as_ref().unwrap()
}

#[test]
fn plain_run_produces_podman_like_spec() {
    let img = image();
    let mut input = SpecInput::new(&img, "/storage/c1/merged", "/storage/c1/userdata", "c1host");
    input.host_rlimits = vec![("nofile".into(), 1024, 4096), ("nproc".into(), 100, 200)];
    let out = generate_ok(&input);
    let spec = &out.spec;
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);

    let root = spec.root().as_ref().unwrap();
    assert_eq!(root.path(), std::path::Path::new("/storage/c1/merged"));
    assert_eq!(root.readonly(), Some(false));
    assert_eq!(spec.hostname().as_deref(), Some("c1host"));

    let p = process(spec);
    assert_eq!(p.args().as_deref(), Some(&["/bin/sh".to_string()][..]));
    assert_eq!(p.cwd(), std::path::Path::new("/srv"));
    assert_eq!(p.terminal(), Some(false));
    assert_eq!(p.no_new_privileges(), Some(false));
    assert_eq!((p.user().uid(), p.user().gid()), (0, 0), "placeholders: the init resolves the user");
    let env = p.env().as_ref().unwrap();
    assert!(env.contains(&"PATH=/usr/bin:/bin".to_string()));
    assert!(env.contains(&"container=podman".to_string()));
    assert!(env.contains(&"HOSTNAME=c1host".to_string()));
    assert_eq!(p.rlimits().as_ref().unwrap().len(), 2);

    assert_eq!(annotation(spec, ANNOTATION_USER), Some("app"));
    assert_eq!(annotation(spec, ANNOTATION_SECCOMP), Some("default"));
    assert_eq!(annotation(spec, ANNOTATION_STOP_SIGNAL), Some("SIGQUIT"));

    let l = linux(spec);
    assert!(l.seccomp().is_none());
    assert_eq!(l.masked_paths().as_ref().unwrap().len(), MASKED_PATHS.len());
    assert_eq!(l.readonly_paths().as_ref().unwrap().len(), READONLY_PATHS.len());
    assert!(l.resources().is_none());
    assert_eq!(l.devices().as_ref().unwrap().len(), 6);
    assert!(l.uid_mappings().is_none(), "the caller owns the user namespace");
}

#[test]
fn json_round_trip() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.tty = true;
    input.init = true;
    input.init_host_path = "/usr/libexec/burrow-init".into();
    input.read_only = true;
    input.memory = Some(64 << 20);
    input.cpus = Some(0.5);
    input.pids_limit = Some(50);
    input.cap_add = vec!["net_admin".into()];
    input.annotations = vec![("org.example/a".into(), "b".into())];
    input.ulimits = vec!["core=-1".into()];
    let spec = generate_ok(&input).spec;
    let json = serde_json::to_string_pretty(&spec).unwrap();
    let back: Spec = serde_json::from_str(&json).unwrap();
    assert_eq!(back, spec);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["ociVersion"], "1.0.2");
    assert_eq!(value["process"]["terminal"], true);
    assert_eq!(value["process"]["noNewPrivileges"], false);
    assert_eq!(value["root"]["readonly"], true);
    assert_eq!(value["linux"]["resources"]["cpu"]["quota"], 50_000);
    assert_eq!(value["linux"]["resources"]["pids"]["limit"], 50);
    assert_eq!(value["annotations"]["org.example/a"], "b");
    assert!(value["linux"]["maskedPaths"].is_array());
}

#[test]
fn user_flag_and_workdir_override_image() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.user = Some("1000:1000".into());
    input.workdir = Some("/work".into());
    let spec = generate_ok(&input).spec;
    assert_eq!(annotation(&spec, ANNOTATION_USER), Some("1000:1000"));
    assert_eq!(process(&spec).cwd(), std::path::Path::new("/work"));
    // A non-root user has no effective capabilities.
    assert!(process(&spec).capabilities().as_ref().unwrap().effective().as_ref().unwrap().is_empty());

    input.user = Some(String::new());
    assert_eq!(annotation(&generate_ok(&input).spec, ANNOTATION_USER), Some("app"), "empty -u means not given");
    let bare = RunConfig { cmd: Some(vec!["true".into()]), ..RunConfig::default() };
    let spec = generate_ok(&SpecInput::new(&bare, "/r", "/u", "h")).spec;
    assert_eq!(annotation(&spec, ANNOTATION_USER), Some("0"));
    assert_eq!(process(&spec).cwd(), std::path::Path::new("/"));
}

#[test]
fn relative_workdir_is_taken_from_root() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.workdir = Some("data/./x/".into());
    assert_eq!(process(&generate_ok(&input).spec).cwd(), std::path::Path::new("/data/x"));
}

#[test]
fn no_new_privileges_flag() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.security_opts = vec!["no-new-privileges".into()];
    assert_eq!(process(&generate_ok(&input).spec).no_new_privileges(), Some(true));
    input.security_opts = vec!["no-new-privileges=false".into()];
    assert_eq!(process(&generate_ok(&input).spec).no_new_privileges(), Some(false));
    input.security_opts = vec!["bogus=1".into()];
    assert_eq!(generate(&input).unwrap_err().to_string(), r#"invalid --security-opt 2: "bogus=1""#);
}

#[test]
fn privileged_drops_confinement() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.user = Some("root".into());
    input.privileged = true;
    input.security_opts = vec!["seccomp=/p.json".into()];
    let spec = generate_ok(&input).spec;
    assert_eq!(annotation(&spec, ANNOTATION_SECCOMP), Some("unconfined"));
    assert!(linux(&spec).masked_paths().as_ref().unwrap().is_empty());
    assert!(linux(&spec).readonly_paths().as_ref().unwrap().is_empty());
    let caps = process(&spec).capabilities().as_ref().unwrap();
    assert_eq!(caps.effective().as_ref().unwrap().len(), ALL_CAPABILITIES.len());
    assert!(caps.effective().as_ref().unwrap().contains(&Capability::SysAdmin));
}

#[test]
fn host_network_shares_the_netns_but_keeps_uts() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "host.example");
    input.network = NetworkMode::Host;
    let spec = generate_ok(&input).spec;
    let kinds: Vec<_> = linux(&spec).namespaces().as_ref().unwrap().iter().map(|n| n.typ()).collect();
    assert!(!kinds.contains(&LinuxNamespaceType::Network));
    assert!(kinds.contains(&LinuxNamespaceType::Uts));
    assert_eq!(spec.hostname().as_deref(), Some("host.example"));
}

#[test]
fn stop_signal_flag_wins_and_is_normalised() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.stop_signal = Some("9".into());
    assert_eq!(annotation(&generate_ok(&input).spec, ANNOTATION_STOP_SIGNAL), Some("SIGKILL"));
    input.stop_signal = Some("BOGUS".into());
    assert_eq!(generate(&input).unwrap_err().to_string(), "invalid signal: BOGUS");
    let plain = RunConfig { cmd: Some(vec!["true".into()]), ..RunConfig::default() };
    let spec = generate_ok(&SpecInput::new(&plain, "/r", "/u", "h")).spec;
    assert_eq!(annotation(&spec, ANNOTATION_STOP_SIGNAL), Some("SIGTERM"));
}

#[test]
fn reserved_annotations_are_replaced_with_a_warning() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.annotations = vec![(ANNOTATION_USER.into(), "evil".into()), ("k".into(), "v".into())];
    let out = generate_ok(&input);
    assert_eq!(annotation(&out.spec, ANNOTATION_USER), Some("app"));
    assert_eq!(annotation(&out.spec, "k"), Some("v"));
    assert_eq!(out.warnings.len(), 1);
}

#[test]
fn init_runs_the_command_under_the_bound_binary() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.init = true;
    input.init_host_path = "/opt/burrow/init".into();
    let spec = generate_ok(&input).spec;
    assert_eq!(process(&spec).args().as_ref().unwrap()[..2], [INIT_PATH.to_string(), "--".to_string()]);
    assert!(spec.mounts().as_ref().unwrap().iter().any(|m| m.destination() == std::path::Path::new(INIT_PATH)));
}

#[test]
fn errors_surface_from_every_part() {
    let img = image();
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.cap_add = vec!["nope".into()];
    assert!(generate(&input).is_err());
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.ulimits = vec!["nofile=x".into()];
    assert!(generate(&input).is_err());
    let mut input = SpecInput::new(&img, "/r", "/u", "h");
    input.env_files = vec![("e".into(), "=bad".into())];
    assert!(generate(&input).is_err());
    let empty = RunConfig::default();
    assert!(generate(&SpecInput::new(&empty, "/r", "/u", "h")).is_err());
}
