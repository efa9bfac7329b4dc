//! `create`: a container record, its directory (overlay upper/work, userdata files) and
//! its OCI config.json + runtime.json, ready for a monitor to start.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::super::Engine;
use crate::engine::images::lookup as image_lookup;
use crate::error::{Error, IoContext, Result};
use crate::images::config::ImageConfig;
use crate::network::files::FileInput;
use crate::network::mode::Requested;
use crate::network::{NetMode, NetPlan};
use crate::runtime::spec::{self, NetworkMode, SpecInput};
use crate::runtime::{RestartPolicy, RootfsPlan, RuntimeConfig};
use crate::storage::rootfs;
use crate::storage::containers::{self, ContainerRow, State};

/// Everything `run`/`create` accept, as given; kept in the record for inspect.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CreateOptions {
    pub image: String,
    pub command: Vec<String>,
    pub name: Option<String>,
    pub entrypoint: Option<String>,
    pub env: Vec<String>,
    pub env_files: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub tty: bool,
    pub interactive: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    pub read_only: bool,
    pub read_only_tmpfs: bool,
    pub security_opts: Vec<String>,
    pub ulimits: Vec<String>,
    pub network: String,
    pub init: bool,
    pub rm: bool,
    pub restart: String,
    pub labels: Vec<String>,
    pub annotations: Vec<String>,
    pub stop_signal: Option<String>,
    pub stop_timeout: Option<u64>,
    pub memory: Option<String>,
    pub cpus: Option<f64>,
    pub pids_limit: Option<i64>,
    pub replace: bool,
    pub cidfile: Option<String>,
    /// `-v`, `--mount`, `--tmpfs` as given.
    #[serde(default)]
    pub volumes: Vec<String>,
    #[serde(default)]
    pub mounts: Vec<String>,
    #[serde(default)]
    pub tmpfs: Vec<String>,
    /// `--userns`.
    #[serde(default)]
    pub userns: Option<String>,
    /// More `--network` values after the first (`network` above).
    #[serde(default)]
    pub extra_networks: Vec<String>,
    /// `-p`, `-P`, `--expose`.
    #[serde(default)]
    pub publish: Vec<String>,
    #[serde(default)]
    pub publish_all: bool,
    #[serde(default)]
    pub expose: Vec<String>,
    /// `--add-host`, `--dns`, `--dns-search`, `--dns-option`, `--no-hosts`.
    #[serde(default)]
    pub add_hosts: Vec<String>,
    #[serde(default)]
    pub dns: Vec<String>,
    #[serde(default)]
    pub dns_search: Vec<String>,
    #[serde(default)]
    pub dns_options: Vec<String>,
    #[serde(default)]
    pub no_hosts: bool,
    /// `--uidmap`, `--gidmap` as given.
    #[serde(default)]
    pub uidmaps: Vec<String>,
    #[serde(default)]
    pub gidmaps: Vec<String>,
    /// Mounts the engine itself adds (a build's `RUN --mount`), after the user's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spec_mounts: Vec<oci_spec::runtime::Mount>,
    /// `NAME=value` of build secrets (`RUN --mount=type=secret,env=`): only in the spec,
    /// never in the record.
    #[serde(skip)]
    pub secret_env: Vec<String>,
}

/// What the engine derived for a container: kept beside the options in the record.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StoredConfig {
    pub opts: CreateOptions,
    pub hostname: String,
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub workdir: String,
    pub stop_signal: String,
    pub stop_timeout: u64,
    pub labels: serde_json::Map<String, serde_json::Value>,
    pub warnings: Vec<String>,
    /// The user's mounts and the image's VOLUMEs, as inspect shows them.
    #[serde(default)]
    pub mounts: Vec<super::mount_plan::MountRecord>,
    /// The network mode and published ports (host ports chosen).
    #[serde(default)]
    pub net: NetPlan,
}

pub fn parse_restart(s: &str) -> Result<RestartPolicy> {
    let (name, max) = s.split_once(':').unwrap_or((s, ""));
    let name = if name.is_empty() { "no" } else { name };
    if !matches!(name, "no" | "on-failure" | "always" | "unless-stopped") {
        return Err(Error::usage(format!(
            "invalid restart policy {s:?}: must be one of no, on-failure[:max_retries], always, unless-stopped"
        )));
    }
    let max_retries = if max.is_empty() {
        0
    } else if name == "on-failure" {
        max.parse::<u32>()
            .map_err(|_| Error::usage(format!("invalid restart policy {s:?}: maximum retries must be a number")))?
    } else {
        return Err(Error::usage(format!("restart policy retries can only be given with on-failure: {s:?}")));
    };
    Ok(RestartPolicy { name: name.to_string(), max_retries })
}

/// podman parses `-m 512m` style sizes (b, k, m, g; binary multiples).
pub fn parse_size(s: &str) -> Result<i64> {
    let t = s.trim().to_ascii_lowercase();
    let (num, mult) = match t.trim_end_matches('b').chars().last() {
        Some('k') => (&t[..t.trim_end_matches('b').len() - 1], 1i64 << 10),
        Some('m') => (&t[..t.trim_end_matches('b').len() - 1], 1 << 20),
        Some('g') => (&t[..t.trim_end_matches('b').len() - 1], 1 << 30),
        _ => (t.trim_end_matches('b'), 1),
    };
    let n: f64 = num.parse().map_err(|_| Error::usage(format!("invalid size: {s:?}")))?;
    Ok((n * mult as f64) as i64)
}

const ADJECTIVES: &[&str] = &[
    "admiring",
    "amazing",
    "blissful",
    "bold",
    "brave",
    "busy",
    "clever",
    "cool",
    "dazzling",
    "eager",
    "elegant",
    "epic",
    "festive",
    "focused",
    "gifted",
    "happy",
    "hopeful",
    "jolly",
    "keen",
    "kind",
    "lucid",
    "modest",
    "nifty",
    "optimistic",
    "quirky",
    "relaxed",
    "serene",
    "sharp",
    "stoic",
    "tender",
    "trusting",
    "vibrant",
    "wizardly",
    "zen",
];
const NAMES: &[&str] = &[
    "agnesi", "babbage", "bardeen", "bose", "cerf", "curie", "darwin", "dijkstra", "einstein", "euler", "fermi",
    "galileo", "goodall", "hopper", "hypatia", "kepler", "knuth", "lamarr", "lovelace", "meitner", "newton", "noether",
    "pasteur", "ritchie", "shannon", "tesla", "thompson", "turing", "wilson", "wozniak",
];

pub(crate) fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf)).is_ok();
    if !ok {
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        buf = <sha2::Sha256 as sha2::Digest>::digest(seed.as_bytes()).to_vec();
        buf.truncate(bytes);
    }
    hex::encode(buf)
}

fn random_name() -> String {
    let r = random_hex(4);
    let n = u32::from_str_radix(&r, 16).unwrap_or(0) as usize;
    format!("{}_{}", ADJECTIVES[n % ADJECTIVES.len()], NAMES[(n / ADJECTIVES.len()) % NAMES.len()])
}

fn valid_name(n: &str) -> bool {
    let b = n.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// Hard and soft limits the caller may give the container (podman raises nofile/nproc to
/// the hard limit).
fn host_rlimits() -> Vec<(String, u64, u64)> {
    let mut out = Vec::new();
    for (name, res) in [("RLIMIT_NOFILE", libc::RLIMIT_NOFILE), ("RLIMIT_NPROC", libc::RLIMIT_NPROC)] {
        let mut l = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if unsafe { libc::getrlimit(res, &mut l) } == 0 {
            out.push((name.to_string(), l.rlim_cur, l.rlim_max));
        }
    }
    out
}

fn write_file(path: &Path, data: &str) -> Result<()> {
    std::fs::write(path, data).ctx(|| format!("writing {}", path.display()))
}

impl Engine {
    pub fn create_container(&mut self, opts: &CreateOptions) -> Result<ContainerRow> {
        let restart = parse_restart(&opts.restart)?;
        if opts.rm && restart.name != "no" {
            return Err(Error::usage(
                "the --rm option conflicts with --restart, when the restart policy is not \"no\"",
            ));
        }
        let net = self.plan_network(opts)?;
        let network = match &net.mode {
            NetMode::Host | NetMode::Ns { .. } => NetworkMode::Host,
            NetMode::Container { .. } => NetworkMode::Joined,
            _ => NetworkMode::None,
        };
        super::userns::requested_mode(opts)?;
        let images = self.store.db.images()?;
        let (img, _) = image_lookup(&images, &opts.image).map_err(|e| match e {
            Error::NotFound(_) => Error::NotFound(format!("{}: image not known", opts.image)),
            other => other,
        })?;
        let img = img.clone();
        let cfg = ImageConfig::parse(&img.config).map_err(Error::other)?;
        let mut net = net;
        self.plan_ports(opts, &cfg, &mut net)?;
        let name = match &opts.name {
            Some(n) if !valid_name(n) => {
                return Err(Error::usage(format!(
                    "container name {n:?} is invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"
                )))
            }
            Some(n) => n.clone(),
            None => loop {
                let n = random_name();
                if containers::name_taken(self.store.db.conn(), &n)?.is_none() {
                    break n;
                }
            },
        };
        if let Some(other) = containers::name_taken(self.store.db.conn(), &name)? {
            if opts.replace {
                self.remove_container(&other, true, true)?;
            } else {
                return Err(Error::Conflict {
                    msg: format!("creating container storage: the container name \"{name}\" is already in use by {other}. You have to remove that container to be able to reuse that name: that name is already in use"),
                    hint: Some("use --replace to replace the existing container, or choose another --name".into()),
                });
            }
        }
        if let Some(f) = &opts.cidfile {
            if Path::new(f).exists() {
                return Err(Error::usage(format!(
                    "container id file exists. Ensure another container is not using it or delete {f}"
                )));
            }
        }
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let mut requests = super::mount_plan::parse_all(opts, &cwd)?;
        requests.extend(super::mount_plan::image_volumes(&cfg.config, &requests));
        let id = random_hex(32);
        let host_network = matches!(net.mode, NetMode::Host);
        let hostname = match (&opts.hostname, host_network) {
            (Some(h), _) => h.clone(),
            (None, true) => nix::unistd::gethostname().map(|h| h.to_string_lossy().into_owned()).unwrap_or_default(),
            (None, false) => id[..12].to_string(),
        };
        let dir = self.store.paths.container(&id);
        // Only the upper dir now (diff, cp and commit read it); work, merged and the userdata
        // files are made at the first start, as podman does: a container that is created and
        // removed without running costs three inodes, not eleven (docs/storage.md).
        let upper = dir.join("upper");
        std::fs::create_dir_all(&upper).ctx(|| format!("creating {}", upper.display()))?;
        let result = self.plan_userns(opts, &img, &id).and_then(|userns| {
            if let Some(u) = &userns {
                // The root of the container's filesystem is its upper dir: it must belong to
                // the container's root, not to an id its user namespace doesn't map.
                let root_of = |m: &[crate::userns::IdMap]| m.iter().find(|m| m.container_id == 0).map(|m| m.host_id);
                std::os::unix::fs::lchown(&upper, root_of(&u.uid_map), root_of(&u.gid_map))
                    .ctx(|| format!("handing {} to the container's root", upper.display()))?;
            }
            let mut mounts = self.plan_mounts(&requests, &dir)?;
            mounts.0.extend(opts.spec_mounts.iter().cloned());
            let records = mounts.1.clone();
            let r = self.write_container_files(
                opts,
                &id,
                &name,
                &hostname,
                (network, &net),
                &img,
                &cfg,
                &dir,
                restart,
                mounts,
                userns.as_ref(),
            );
            if r.is_err() {
                self.remove_anonymous_volumes(&records);
            }
            r
        });
        let stored = match result {
            Ok(s) => s,
            Err(e) => {
                self.free_userns(&id);
                let _ = crate::storage::remove_tree(&dir);
                return Err(e);
            }
        };
        let row = ContainerRow {
            id: id.clone(),
            name,
            image_id: img.id.clone(),
            image_name: img.names.first().cloned().unwrap_or_else(|| opts.image.clone()),
            created: crate::engine::load::now_rfc3339(),
            config: serde_json::to_vec(&stored).map_err(Error::other)?,
            state: State::Created,
            pid: 0,
            exit_code: 0,
            started_at: String::new(),
            finished_at: String::new(),
            error: String::new(),
            restarts: 0,
            run_id: 0,
        };
        let r = self.store.db.write_state("creating the container", |tx| containers::insert(tx, &row));
        if let Err(e) = r {
            self.free_userns(&id);
            let _ = crate::storage::remove_tree(&dir);
            return Err(e);
        }
        if let Some(f) = &opts.cidfile {
            std::fs::write(f, &id).ctx(|| format!("writing the container id file {f}"))?;
        }
        for w in &stored.warnings {
            eprintln!("WARN[0000] {w}");
        }
        Ok(row)
    }

    #[allow(clippy::too_many_arguments)]
    fn write_container_files(
        &self,
        opts: &CreateOptions,
        id: &str,
        name: &str,
        hostname: &str,
        (network, net): (NetworkMode, &NetPlan),
        img: &crate::storage::ImageRow,
        cfg: &ImageConfig,
        dir: &Path,
        restart: RestartPolicy,
        mounts: (Vec<oci_spec::runtime::Mount>, Vec<super::mount_plan::MountRecord>),
        userns: Option<&super::userns::UsernsPlan>,
    ) -> Result<StoredConfig> {
        let (user_mounts, mount_records) = mounts;
        let userdata = dir.join("userdata");
        let mut env_files = Vec::new();
        for f in &opts.env_files {
            let text = std::fs::read_to_string(f).map_err(|e| Error::usage(format!("open {f}: {e}")))?;
            env_files.push((f.clone(), text));
        }
        let host_env: Vec<(String, String)> = std::env::vars().collect();
        let annotations = opts
            .annotations
            .iter()
            .map(|a| {
                let (k, v) = a.split_once('=').unwrap_or((a, ""));
                (k.to_string(), v.to_string())
            })
            .collect();
        let memory = opts.memory.as_deref().map(parse_size).transpose()?;
        let input = SpecInput {
            image: &cfg.config,
            command: opts.command.clone(),
            entrypoint: opts.entrypoint.clone(),
            env: opts.env.clone(),
            env_files,
            host_env,
            env_host: false,
            http_proxy: true,
            workdir: opts.workdir.clone(),
            // keep-id: the user's own ids are the container's default user (podman).
            user: opts.user.clone().or_else(|| userns.and_then(|u| u.keep_id).map(|(u, g)| format!("{u}:{g}"))),
            hostname: hostname.to_string(),
            tty: opts.tty,
            interactive: opts.interactive,
            cap_add: opts.cap_add.clone(),
            cap_drop: opts.cap_drop.clone(),
            privileged: opts.privileged,
            read_only: opts.read_only,
            read_only_tmpfs: opts.read_only_tmpfs,
            security_opts: opts.security_opts.clone(),
            ulimits: opts.ulimits.clone(),
            host_rlimits: host_rlimits(),
            rootless: self.store.rootless,
            network,
            rootfs: dir.join("merged").display().to_string(),
            userdata: userdata.display().to_string(),
            net_files: self.shared_userdata(&net.mode).map(|d| d.display().to_string()),
            init: opts.init,
            init_host_path: std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default(),
            memory,
            cpus: opts.cpus,
            pids_limit: opts.pids_limit,
            annotations,
            stop_signal: opts
                .stop_signal
                .clone()
                .or_else(|| Some(cfg.config.stop_signal.clone()).filter(|s| !s.is_empty())),
            cgroup_v2: std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists(),
            user_mounts,
            no_hosts: opts.no_hosts,
        };
        let mut out = spec::generate(&input).map_err(|e| Error::usage(e.to_string()))?;
        let process = out.spec.process().clone().unwrap_or_default();
        if let Some(plan) = userns {
            set_id_mappings(&mut out.spec, plan)?;
            let mounted: Vec<&str> = mount_records.iter().map(|m| m.destination.as_str()).collect();
            let extra = self.keep_id_files(plan, opts, &process.cwd().display().to_string(), &userdata, &mounted)?;
            if !extra.is_empty() {
                let mut all = out.spec.mounts().clone().unwrap_or_default();
                all.extend(extra);
                out.spec.set_mounts(Some(all));
            }
        }
        if !opts.secret_env.is_empty() {
            let mut p = process.clone();
            let mut env = p.env().clone().unwrap_or_default();
            for e in &opts.secret_env {
                let name = e.split('=').next().unwrap_or_default();
                env.retain(|x| x.split('=').next() != Some(name));
                env.push(e.clone());
            }
            p.set_env(Some(env));
            out.spec.set_process(Some(p));
        }
        let stop_signal =
            crate::runtime::annotation(&out.spec, crate::runtime::ANN_STOP_SIGNAL).unwrap_or_else(|| "SIGTERM".into());
        let mut warnings = out.warnings;
        if memory.is_some() || opts.cpus.is_some() || opts.pids_limit.is_some() {
            warnings.extend(crate::engine::info::resource_limit_warnings(self.store.rootless));
        }
        let config = serde_json::to_vec_pretty(&out.spec).map_err(Error::other)?;
        write_file(&dir.join("config.json"), &String::from_utf8_lossy(&config))?;
        let mut rootfs = self.rootfs_plan(img, dir)?;
        if let Some(plan) = userns {
            // The id-mapped copy is the only lower layer.
            rootfs.layers_dir = plan.lower.parent().map(Path::to_path_buf).unwrap_or_default();
            rootfs.lowers = vec![plan.lower.clone()];
        }
        let rt = RuntimeConfig {
            id: id.to_string(),
            name: name.to_string(),
            rootfs,
            log_path: dir.join("ctr.log"),
            tty: opts.tty,
            interactive: opts.interactive,
            rootless: self.store.rootless,
            restart,
            rm: opts.rm,
            store_root: self.store.paths.root.clone(),
            store_runroot: self.store.paths.runroot.clone(),
            net: net.clone(),
            userns: userns
                .map(|u| crate::runtime::ChildUserns { uid_map: u.uid_map.clone(), gid_map: u.gid_map.clone() }),
        };
        let rt_json = serde_json::to_string(&rt).map_err(Error::other)?;
        write_file(&dir.join("runtime.json"), &rt_json)?;
        let mut labels = cfg.labels();
        for l in &opts.labels {
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            labels.insert(k.to_string(), serde_json::Value::String(v.to_string()));
        }
        Ok(StoredConfig {
            opts: opts.clone(),
            hostname: hostname.to_string(),
            args: process.args().clone().unwrap_or_default(),
            env: process.env().clone().unwrap_or_default(),
            workdir: process.cwd().display().to_string(),
            stop_signal,
            stop_timeout: opts.stop_timeout.unwrap_or(10),
            labels,
            warnings,
            mounts: mount_records,
            net: net.clone(),
        })
    }
}

impl Engine {
    /// `--network`: the mode, with container names resolved and helpers checked.
    fn plan_network(&mut self, opts: &CreateOptions) -> Result<NetPlan> {
        let mut values = vec![opts.network.clone()];
        values.extend(opts.extra_networks.iter().cloned());
        // containers.conf is read only when the default is asked for.
        let default = if matches!(opts.network.as_str(), "" | "private" | "default") {
            crate::engine::info::default_network_cmd()
        } else {
            String::new()
        };
        let requested = crate::network::mode::parse(&values, &default).map_err(|e| Error::usage(e.0))?;
        let mode = match requested {
            Requested::Mode(m) => m,
            Requested::Container(name) => {
                let id = self.container(&name)?.id;
                NetMode::Container { id }
            }
        };
        if matches!(mode, NetMode::Pasta { .. } | NetMode::Slirp4netns { .. }) && !crate::engine::info::tun_usable() {
            return Err(Error::usage_hint(
                format!("/dev/net/tun can't be opened, so {} can't give the container a network", mode.name()),
                "make /dev/net/tun usable (mode 0666, as desktop distributions ship it), or use --network none or host",
            ));
        }
        let mut mode = mode;
        match &mut mode {
            NetMode::Pasta { .. } if crate::userns::find_in_path("pasta").is_none() => {
                return Err(Error::usage(crate::network::helper::missing_program("pasta")))
            }
            NetMode::Slirp4netns { .. } if crate::userns::find_in_path("slirp4netns").is_none() => {
                return Err(Error::usage(crate::network::helper::missing_program("slirp4netns")))
            }
            NetMode::Bridge { networks } => self.resolve_attachments(networks)?,
            _ => {}
        }
        for h in &opts.add_hosts {
            crate::network::files::parse_add_host(h).map_err(Error::usage)?;
        }
        for d in &opts.dns {
            if d != "none" && d.parse::<std::net::IpAddr>().is_err() {
                return Err(Error::usage(format!("{d} is not an ip address")));
            }
        }
        Ok(NetPlan { mode, ports: Vec::new() })
    }

    /// `-p`, `-P`: the published ports, with free host ports chosen where none was given.
    fn plan_ports(&self, opts: &CreateOptions, cfg: &ImageConfig, net: &mut NetPlan) -> Result<()> {
        let mut ports = Vec::new();
        for p in &opts.publish {
            ports.extend(crate::network::ports::parse_publish(p).map_err(|e| Error::usage(e.0))?);
        }
        if opts.publish_all {
            let mut exposed: Vec<String> =
                cfg.config.exposed_ports.as_ref().map(|m| m.keys().cloned().collect()).unwrap_or_default();
            exposed.extend(opts.expose.iter().cloned());
            let extra = crate::network::ports::from_exposed(exposed.iter().map(String::as_str))
                .map_err(|e| Error::usage(e.0))?;
            crate::network::ports::merge_exposed(&mut ports, extra);
        }
        if ports.is_empty() {
            return Ok(());
        }
        if !net.mode.publishes() {
            eprintln!(
                "WARN[0000] Port mappings have been discarded as one of the Host, Container, Pod, and None network modes are in use"
            );
            return Ok(());
        }
        crate::network::ports::assign_host_ports(&mut ports).map_err(|e| Error::usage(e.0))?;
        net.ports = ports;
        Ok(())
    }

    /// `--network container:X`: X's userdata dir, whose hosts and resolv.conf the container
    /// shares (podman binds the same files).
    pub(super) fn shared_userdata(&self, mode: &NetMode) -> Option<PathBuf> {
        match mode {
            NetMode::Container { id } => Some(self.store.paths.container(id).join("userdata")),
            _ => None,
        }
    }

    /// The container's /etc/hosts and /etc/resolv.conf for its network mode.
    fn network_files(&self, opts: &CreateOptions, hostname: &str, name: &str, net: &NetPlan) -> (String, String) {
        let route = crate::network::files::default_route();
        let inp = FileInput {
            hostname: hostname.to_string(),
            name: name.to_string(),
            add_hosts: opts.add_hosts.clone(),
            dns: opts.dns.clone(),
            dns_search: opts.dns_search.clone(),
            dns_options: opts.dns_options.clone(),
            bridge_ips: Vec::new(),
            bridge_dns: Vec::new(),
            host_resolv: std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default(),
            host_hosts: std::fs::read_to_string("/etc/hosts").unwrap_or_default(),
            host_ips: crate::network::files::host_ipv4s(route.as_ref().map(|r| r.0.as_str())),
            gateway: route.map(|r| r.1),
        };
        let mut inp = inp;
        if let NetMode::Bridge { networks } = &net.mode {
            (inp.bridge_ips, inp.bridge_dns) = crate::network::bridge::attach::file_input(&self.store.paths.root, networks);
        }
        (crate::network::files::hosts(&net.mode, &inp), crate::network::files::resolv(&net.mode, &inp))
    }

    /// The files bound over /etc/hosts, /etc/hostname, /etc/resolv.conf and
    /// /run/.containerenv, written at the first start (podman writes them at init). A restart
    /// keeps them, with whatever `network connect` or the container changed.
    pub(super) fn write_userdata(&self, c: &ContainerRow, st: &StoredConfig) -> Result<()> {
        let userdata = self.store.paths.container(&c.id).join("userdata");
        if userdata.join("hostname").exists() {
            return Ok(());
        }
        std::fs::create_dir_all(&userdata).ctx(|| format!("creating {}", userdata.display()))?;
        // With another container's network its hosts and resolv.conf are bound instead.
        if self.shared_userdata(&st.net.mode).is_none() {
            let (hosts, resolv) = self.network_files(&st.opts, &st.hostname, &c.name, &st.net);
            write_file(&userdata.join("hosts"), &hosts)?;
            write_file(&userdata.join("resolv.conf"), &resolv)?;
        }
        write_file(
            &userdata.join(".containerenv"),
            &format!(
                "engine=\"burrow-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\nrootless={}\n",
                crate::engine::info::VERSION,
                c.name,
                c.id,
                st.opts.image,
                c.image_id,
                u8::from(self.store.rootless)
            ),
        )?;
        // Last: its presence says the set is complete.
        write_file(&userdata.join("hostname"), &format!("{}\n", st.hostname))
    }

    /// How this container's root is put together (storage/rootfs.rs). For a copy (vfs), the
    /// image's layers are copied into its upper dir now, as podman's vfs driver does.
    fn rootfs_plan(&self, img: &crate::storage::ImageRow, dir: &Path) -> Result<RootfsPlan> {
        let s = &self.store;
        let backend = rootfs::host_backend(&s.driver, s.conf.mount_program.as_deref(), s.rootless);
        let lowers: Vec<PathBuf> = img.layers.iter().rev().map(|l| s.layer_diff(l)).collect();
        let upper = dir.join("upper");
        if backend == rootfs::Backend::Copy {
            let bottom_first: Vec<PathBuf> = lowers.iter().rev().cloned().collect();
            crate::storage::flatten::flatten(&bottom_first, &upper)
                .ctx(|| format!("copying the layers of image {} into {}", img.id, upper.display()))?;
        }
        Ok(RootfsPlan {
            driver: backend.name().into(),
            mount_program: match backend {
                rootfs::Backend::Fuse(p) => Some(p),
                _ => None,
            },
            layers_dir: s.paths.layers(),
            lowers,
            upper,
            work: dir.join("work"),
            merged: dir.join("merged"),
            userxattr: s.rootless,
        })
    }
}

/// The container's own maps in config.json (`linux.uidMappings`), where the OCI spec keeps them.
fn set_id_mappings(spec: &mut oci_spec::runtime::Spec, plan: &super::userns::UsernsPlan) -> Result<()> {
    let conv = |maps: &[crate::userns::IdMap]| -> Result<Vec<oci_spec::runtime::LinuxIdMapping>> {
        maps.iter()
            .map(|m| {
                oci_spec::runtime::LinuxIdMappingBuilder::default()
                    .container_id(m.container_id)
                    .host_id(m.host_id)
                    .size(m.size)
                    .build()
                    .map_err(Error::other)
            })
            .collect()
    };
    let mut linux = spec.linux().clone().unwrap_or_default();
    linux.set_uid_mappings(Some(conv(&plan.uid_map)?));
    linux.set_gid_mappings(Some(conv(&plan.gid_map)?));
    spec.set_linux(Some(linux));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restart_policies() {
        assert_eq!(parse_restart("").unwrap().name, "no");
        assert_eq!(parse_restart("on-failure:3").unwrap().max_retries, 3);
        assert!(parse_restart("sometimes").is_err());
        assert!(parse_restart("always:3").is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512m").unwrap(), 512 << 20);
        assert_eq!(parse_size("1g").unwrap(), 1 << 30);
        assert_eq!(parse_size("100").unwrap(), 100);
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn names() {
        assert!(valid_name("web-1.a_b"));
        assert!(!valid_name("-x"));
        assert!(!valid_name("a b"));
        assert!(random_name().contains('_'));
    }
}
