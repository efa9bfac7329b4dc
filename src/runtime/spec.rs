//! Generation of a container's OCI runtime spec (`config.json`) from the image config and the
//! `run`/`create` flags.
//!
//! This is pure logic: the caller reads files (env files), queries the host (environment,
//! rlimits, cgroup version) and writes the userdata files (`hosts`, `hostname`, `resolv.conf`,
//! `.containerenv`); [`generate`] only turns those facts into a [`Spec`]. Podman 4.x is the
//! reference for every default and every error text.
//!
//! Some decisions cannot be made here because they need the container's root filesystem, so
//! they are handed to the container init through annotations and documented gaps:
//!
//! * `io.burrow.user` ([`ANNOTATION_USER`]): the user to run as, as text (`name|uid[:group|gid]`,
//!   `0` when neither `-u` nor the image names one). `process.user` keeps uid/gid 0 as a
//!   placeholder; the init resolves the text against the rootfs' `/etc/passwd` and
//!   `/etc/group`, sets supplementary groups, and sets `HOME` from the passwd entry (or `/`)
//!   unless the environment already has `HOME` — this module never sets `HOME` by itself.
//! * `io.burrow.seccomp` ([`ANNOTATION_SECCOMP`]): `default`, `unconfined` or `file:<path>`;
//!   `linux.seccomp` stays empty and the caller loads the profile.
//! * `io.burrow.stop-signal` ([`ANNOTATION_STOP_SIGNAL`]): the normalised stop signal name.
//! * `linux.devices` lists podman's default devices; rootless, the init must bind-mount them
//!   from the host instead of calling mknod.
//! * The init creates the working directory when it does not exist (podman does).
//! * `tmpcopyup` on the `--read-only` tmpfs mounts means: copy the image's content of that
//!   directory into the fresh tmpfs (a crun/runc extension the init must honour).

#[path = "spec/caps.rs"]
mod caps;
#[path = "spec/command.rs"]
mod command;
#[path = "spec/env.rs"]
mod env;
#[path = "spec/limits.rs"]
mod limits;
#[path = "spec/mounts.rs"]
mod mounts;
#[path = "spec/security.rs"]
mod security;
#[path = "spec/signal.rs"]
mod signal;

use std::collections::HashMap;

use oci_spec::runtime::{LinuxBuilder, ProcessBuilder, RootBuilder, Spec, SpecBuilder, UserBuilder};

use crate::images::config::RunConfig;

pub use caps::{ALL_CAPABILITIES, DEFAULT_CAPABILITIES};
pub use command::INIT_PATH;
pub use env::parse_env_file;
pub use security::{MASKED_PATHS, READONLY_PATHS};
pub use signal::parse_signal;

/// Annotation holding the user text the init resolves inside the rootfs.
pub const ANNOTATION_USER: &str = "io.burrow.user";
/// Annotation holding the seccomp choice: `default`, `unconfined` or `file:<path>`.
pub const ANNOTATION_SECCOMP: &str = "io.burrow.seccomp";
/// Annotation holding the normalised stop signal name (e.g. `SIGTERM`).
pub const ANNOTATION_STOP_SIGNAL: &str = "io.burrow.stop-signal";

/// The container's network namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkMode {
    /// A new network namespace with only a loopback device (`--network none`).
    None,
    /// The host's network namespace (`--network host`).
    Host,
    /// Another namespace the init joins (`--network container:`): sysfs is mounted as usual.
    Joined,
}

/// Everything [`generate`] needs; the caller has already read files and queried the host.
#[derive(Debug, Clone)]
pub struct SpecInput<'a> {
    /// The image's defaults (Env, Entrypoint, Cmd, WorkingDir, User, StopSignal).
    pub image: &'a RunConfig,
    /// The words after IMAGE on the command line (may be empty).
    pub command: Vec<String>,
    /// `--entrypoint` as given: `""` clears the image's, a JSON array is exec form, anything
    /// else is one word. Giving it at all stops the image's Cmd from being used.
    pub entrypoint: Option<String>,
    /// `-e` values in order: `K=V`, `K` (taken from `host_env`, skipped when unset) or `K*`
    /// (every host variable whose name starts with `K`).
    pub env: Vec<String>,
    /// `--env-file` contents in order, as (path for messages, contents).
    pub env_files: Vec<(String, String)>,
    /// The CLI's environment.
    pub host_env: Vec<(String, String)>,
    /// `--env-host`: start from the whole host environment.
    pub env_host: bool,
    /// `--http-proxy` (podman's default is true): pass the host's proxy variables.
    pub http_proxy: bool,
    /// `-w`.
    pub workdir: Option<String>,
    /// `-u`, kept as text (see [`ANNOTATION_USER`]).
    pub user: Option<String>,
    /// Already decided by the caller.
    pub hostname: String,
    /// `-t`.
    pub tty: bool,
    /// `-i`: recorded for completeness; `config.json` has no stdin setting, the caller wires
    /// stdin itself.
    pub interactive: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    /// `--read-only`.
    pub read_only: bool,
    /// `--read-only-tmpfs` (podman's default is true): with `--read-only`, tmpfs on /tmp,
    /// /var/tmp and /run.
    pub read_only_tmpfs: bool,
    /// `--security-opt` values.
    pub security_opts: Vec<String>,
    /// `--ulimit` values (`nofile=1024:2048`, `core=-1`, `host`).
    pub ulimits: Vec<String>,
    /// The CLI's current (name, soft, hard) limits, at least for `nofile` and `nproc`.
    pub host_rlimits: Vec<(String, u64, u64)>,
    pub rootless: bool,
    /// The host uses the unified cgroup hierarchy (podman then gives a new cgroup namespace).
    pub cgroup_v2: bool,
    pub network: NetworkMode,
    /// `root.path`.
    pub rootfs: String,
    /// Directory holding the `hosts`, `hostname`, `resolv.conf` and `.containerenv` files.
    pub userdata: String,
    /// `--network container:X`: X's userdata directory, whose `hosts` and `resolv.conf` the
    /// container shares (as podman does), so that edits in one show in the other.
    pub net_files: Option<String>,
    /// `--init`: run the command under [`INIT_PATH`].
    pub init: bool,
    /// Host path of the init binary, bind-mounted read-only at [`INIT_PATH`].
    pub init_host_path: String,
    /// `-m` in bytes; zero or less means no limit.
    pub memory: Option<i64>,
    /// `--cpus`; zero means no limit.
    pub cpus: Option<f64>,
    /// `--pids-limit`; zero or less means unlimited.
    pub pids_limit: Option<i64>,
    /// `--annotation` pairs.
    pub annotations: Vec<(String, String)>,
    /// `--stop-signal`.
    pub stop_signal: Option<String>,
    /// The user's `-v`, `--mount` and `--tmpfs` mounts, ready for the spec: they replace a
    /// default mount on the same destination and come after the defaults, parents first.
    pub user_mounts: Vec<oci_spec::runtime::Mount>,
    /// `--no-hosts`: the image's /etc/hosts stays.
    pub no_hosts: bool,
}

impl<'a> SpecInput<'a> {
    /// An input with podman's flag defaults (`--http-proxy`, `--read-only-tmpfs`, rootless,
    /// cgroup v2, `--network none`) and nothing else set.
    pub fn new(image: &'a RunConfig, rootfs: &str, userdata: &str, hostname: &str) -> Self {
        SpecInput {
            image,
            command: Vec::new(),
            entrypoint: None,
            env: Vec::new(),
            env_files: Vec::new(),
            host_env: Vec::new(),
            env_host: false,
            http_proxy: true,
            workdir: None,
            user: None,
            hostname: hostname.to_string(),
            tty: false,
            interactive: false,
            cap_add: Vec::new(),
            cap_drop: Vec::new(),
            privileged: false,
            read_only: false,
            read_only_tmpfs: true,
            security_opts: Vec::new(),
            ulimits: Vec::new(),
            host_rlimits: Vec::new(),
            rootless: true,
            cgroup_v2: true,
            network: NetworkMode::None,
            rootfs: rootfs.to_string(),
            userdata: userdata.to_string(),
            net_files: None,
            init: false,
            init_host_path: String::new(),
            memory: None,
            cpus: None,
            pids_limit: None,
            annotations: Vec::new(),
            stop_signal: None,
            user_mounts: Vec::new(),
            no_hosts: false,
        }
    }
}

/// The generated spec and the warnings the CLI prints before running the container.
#[derive(Debug, Clone)]
pub struct SpecOutput {
    pub spec: Spec,
    pub warnings: Vec<String>,
}

/// A flag or image value that cannot be turned into a spec. Display is the user-facing text
/// that follows "Error: ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("{0}")]
    Invalid(String),
}

impl SpecError {
    fn new(message: impl Into<String>) -> Self {
        SpecError::Invalid(message.into())
    }
}

/// Builds the container's runtime spec. See the module documentation for what is left to the
/// caller and to the container init.
pub fn generate(input: &SpecInput) -> Result<SpecOutput, SpecError> {
    let mut warnings = Vec::new();
    let security = security::SecurityOpts::parse(&input.security_opts)?;
    let args = command::process_args(input)?;
    let env = env::container_env(input, &mut warnings)?;
    let user = effective_user(input);
    let capabilities = caps::capabilities(input, caps::is_root_user(&user))?;
    let rlimits = limits::rlimits(input, &mut warnings)?;
    let resources = limits::resources(input.memory, input.cpus, input.pids_limit)?;
    let stop_signal = stop_signal(input)?;
    let paths = security.kernel_paths(input, &mut warnings);

    let mut process = oci(ProcessBuilder::default()
        .terminal(input.tty)
        .user(oci(UserBuilder::default().uid(0u32).gid(0u32).build())?)
        .args(args)
        .env(env)
        .cwd(working_dir(input))
        .capabilities(capabilities)
        .no_new_privileges(security.no_new_privileges)
        .build())?;
    // None (not an empty list) means "inherit the CLI's limits", which is `--ulimit host`.
    process.set_rlimits(rlimits);

    let mut linux = oci(LinuxBuilder::default()
        .namespaces(mounts::namespaces(input)?)
        .devices(mounts::default_devices()?)
        .masked_paths(paths.masked)
        .readonly_paths(paths.readonly)
        .build())?;
    // Set even when None: the builder would otherwise fill in oci-spec's own default.
    linux.set_resources(resources);
    let root = oci(RootBuilder::default().path(&input.rootfs).readonly(input.read_only).build())?;
    let annotations = annotations(input, &user, &security, &stop_signal, &mut warnings);

    let spec = oci(SpecBuilder::default()
        .version("1.0.2")
        .root(root)
        .hostname(input.hostname.clone())
        .mounts(mounts::mounts(input, &security.proc_opts)?)
        .process(process)
        .linux(linux)
        .annotations(annotations)
        .build())?;
    Ok(SpecOutput { spec, warnings })
}

/// Maps an oci-spec builder error (which only fires on our own programming mistakes) into
/// the module's error type so that nothing here panics.
fn oci<T>(result: Result<T, oci_spec::OciSpecError>) -> Result<T, SpecError> {
    result.map_err(|e| SpecError::new(format!("building the runtime spec: {e}")))
}

/// `-u`, else the image's User, else root. Empty `-u` counts as not given (podman).
fn effective_user(input: &SpecInput) -> String {
    let given = input.user.as_deref().filter(|u| !u.is_empty());
    let image = Some(input.image.user.as_str()).filter(|u| !u.is_empty());
    given.or(image).unwrap_or("0").to_string()
}

/// `-w`, else the image's WorkingDir, else `/`. The runtime spec requires an absolute cwd, so
/// a relative directory is taken relative to `/` (as buildah's `--workingdir` does).
fn working_dir(input: &SpecInput) -> String {
    let given = input.workdir.as_deref().filter(|w| !w.is_empty());
    let image = Some(input.image.working_dir.as_str()).filter(|w| !w.is_empty());
    let dir = given.or(image).unwrap_or("/");
    let parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    format!("/{}", parts.join("/"))
}

/// `--stop-signal`, else the image's StopSignal, else SIGTERM; normalised to its name.
fn stop_signal(input: &SpecInput) -> Result<String, SpecError> {
    let given = input.stop_signal.as_deref().filter(|s| !s.is_empty());
    let image = Some(input.image.stop_signal.as_str()).filter(|s| !s.is_empty());
    match given.or(image) {
        Some(raw) => parse_signal(raw).map(|(_, name)| name),
        None => Ok("SIGTERM".to_string()),
    }
}

/// The user's annotations plus burrow's own, which win: the init relies on them.
fn annotations(
    input: &SpecInput,
    user: &str,
    security: &security::SecurityOpts,
    stop_signal: &str,
    warnings: &mut Vec<String>,
) -> HashMap<String, String> {
    let mut map: HashMap<String, String> = input.annotations.iter().cloned().collect();
    let seccomp = security.seccomp_annotation(input.privileged);
    for (key, value) in [
        (ANNOTATION_USER, user.to_string()),
        (ANNOTATION_SECCOMP, seccomp),
        (ANNOTATION_STOP_SIGNAL, stop_signal.to_string()),
    ] {
        if map.contains_key(key) {
            warnings.push(format!("annotation {key} is reserved by burrow and was replaced"));
        }
        map.insert(key.to_string(), value);
    }
    map
}

#[cfg(test)]
#[path = "spec/tests.rs"]
mod tests;
