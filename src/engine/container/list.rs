//! `ps` rows and `container inspect` JSON, with podman's field names.

use serde_json::{json, Value};

use super::super::Engine;
use super::create::StoredConfig;
use crate::error::{Error, Result};
use crate::storage::containers::{ContainerRow, State};

fn unix(t: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(t).map(|d| d.timestamp()).unwrap_or(0)
}

pub(crate) fn go_time(t: &str) -> String {
    if t.is_empty() {
        "0001-01-01T00:00:00Z".into()
    } else {
        t.to_string()
    }
}

pub fn stored(c: &ContainerRow) -> StoredConfig {
    serde_json::from_slice(&c.config).unwrap_or_default()
}

/// podman's STATUS column: `Up 3 seconds`, `Exited (0) 2 minutes ago`, `Created`.
pub fn status_text(c: &ContainerRow, now: i64) -> String {
    match c.state {
        State::Running => format!("Up {}", crate::output::human_duration(now - unix(&c.started_at))),
        State::Paused => "Paused".into(),
        State::Stopping => "Stopping".into(),
        State::Exited => {
            format!("Exited ({}) {}", c.exit_code, crate::output::human_duration_ago(now - unix(&c.finished_at)))
        }
        State::Removing => "Removing".into(),
        State::Created => "Created".into(),
    }
}

#[derive(Debug, Clone, Default)]
pub struct PsOptions {
    pub all: bool,
    pub filters: Vec<String>,
    pub last: Option<usize>,
    pub latest: bool,
    pub sort: Option<String>,
}

fn filter_keep(c: &ContainerRow, f: &str) -> Result<bool> {
    let (k, v) = f.split_once('=').ok_or_else(|| Error::usage(format!("invalid filter {f:?}: expected KEY=VALUE")))?;
    Ok(match k {
        "name" => super::super::images::glob_match(v, &c.name) || c.name.contains(v),
        "id" => c.id.starts_with(v),
        "status" => {
            if !matches!(v, "created" | "exited" | "paused" | "running" | "unknown" | "removing" | "stopping") {
                return Err(Error::usage(format!("{v} is not a valid status")));
            }
            c.state.as_str() == v
        }
        "ancestor" => {
            let short = c.image_name.rsplit('/').next().unwrap_or(&c.image_name);
            c.image_name == v
                || c.image_id.starts_with(v)
                || short == v
                || short.split(':').next() == Some(v)
                || c.image_name.split(':').next().is_some_and(|r| r == v || r.ends_with(&format!("/{v}")))
        }
        "label" => {
            let labels = stored(c).labels;
            match v.split_once('=') {
                Some((lk, lv)) => labels.get(lk).and_then(Value::as_str) == Some(lv),
                None => labels.contains_key(v),
            }
        }
        "exited" => c.state == State::Exited && v.parse::<i32>().is_ok_and(|n| n == c.exit_code),
        _ => return Err(Error::usage(format!("invalid filter {k:?}"))),
    })
}

impl Engine {
    pub fn list_containers(&mut self, o: &PsOptions) -> Result<Vec<ContainerRow>> {
        let mut all = self.containers()?;
        // Filters of one key are ORed, different keys ANDed (podman).
        let mut by_key: std::collections::BTreeMap<&str, Vec<&String>> = Default::default();
        for f in &o.filters {
            by_key.entry(f.split('=').next().unwrap_or("")).or_default().push(f);
        }
        let mut kept = Vec::new();
        for c in all.drain(..) {
            let mut keep = o.all
                || c.state == State::Running
                || c.state == State::Paused
                || !o.filters.is_empty()
                || o.latest
                || o.last.is_some();
            for fs in by_key.values() {
                let mut any = false;
                for f in fs {
                    any |= filter_keep(&c, f)?;
                }
                keep &= any;
            }
            if keep {
                kept.push(c);
            }
        }
        if o.latest {
            kept.truncate(1);
        }
        if let Some(n) = o.last {
            kept.truncate(n);
        }
        match o.sort.as_deref() {
            None | Some("created") => {}
            Some("id") => kept.sort_by(|a, b| a.id.cmp(&b.id)),
            Some("names") => kept.sort_by(|a, b| a.name.cmp(&b.name)),
            Some("image") => kept.sort_by(|a, b| a.image_name.cmp(&b.image_name)),
            Some("status") => kept.sort_by(|a, b| a.state.as_str().cmp(b.state.as_str())),
            Some("runningfor") => kept.sort_by(|a, b| b.created.cmp(&a.created)),
            Some(other) => return Err(Error::usage(format!("invalid option for --sort, options are: command, created, id, image, names, runningfor, size, or status: {other:?}"))),
        }
        Ok(kept)
    }

    pub fn inspect_container_json(&self, c: &ContainerRow) -> Value {
        let s = stored(c);
        let dir = self.store.paths.container(&c.id);
        let userdata = dir.join("userdata");
        // `--network container:X` shares X's hosts and resolv.conf.
        let net_userdata = self.shared_userdata(&s.net.mode).unwrap_or_else(|| userdata.clone());
        let (path, args) = s.args.split_first().map(|(p, a)| (p.clone(), a.to_vec())).unwrap_or_default();
        let restart = super::create::parse_restart(&s.opts.restart).unwrap_or_default();
        let caps = self.container_caps(c);
        let (uid_maps, gid_maps) = self.container_id_mappings(c);
        let mut v = json!({
            "Id": c.id,
            "Created": c.created,
            "Path": path,
            "Args": args,
            "State": {
                "OciVersion": "1.2.0",
                "Status": c.state.as_str(),
                "Running": c.state == State::Running,
                "Paused": c.state == State::Paused,
                "Restarting": false,
                "OOMKilled": false,
                "Dead": false,
                "Pid": c.pid,
                "ConmonPid": 0,
                "ExitCode": c.exit_code,
                "Error": c.error,
                "StartedAt": go_time(&c.started_at),
                "FinishedAt": go_time(&c.finished_at),
                "CheckpointedAt": "0001-01-01T00:00:00Z",
                "RestoredAt": "0001-01-01T00:00:00Z",
            },
            "Image": c.image_id,
            "ImageName": c.image_name,
            "Rootfs": "",
            "Pod": "",
            "ResolvConfPath": net_userdata.join("resolv.conf"),
            "HostnamePath": userdata.join("hostname"),
            "HostsPath": net_userdata.join("hosts"),
            "StaticDir": dir,
            "OCIConfigPath": dir.join("config.json"),
            "OCIRuntime": "burrow",
            "ConmonPidFile": self.store.paths.container_run(&c.id).join("monitor.pid"),
            "PidFile": "",
            "Name": c.name,
            "RestartCount": c.restarts,
            "Driver": self.store.driver,
            "MountLabel": "",
            "ProcessLabel": "",
            "AppArmorProfile": "",
            "EffectiveCaps": caps,
            "BoundingCaps": caps,
            "ExecIDs": [],
            "GraphDriver": {"Name": self.store.driver, "Data": {"UpperDir": dir.join("upper"), "WorkDir": dir.join("work"), "MergedDir": dir.join("merged")}},
            "Mounts": s.mounts.iter().map(super::mount_plan::MountRecord::inspect_json).collect::<Vec<_>>(),
            "Dependencies": [],
            "NetworkSettings": {
                "EndpointID": "",
                "Gateway": "",
                "IPAddress": "",
                "IPPrefixLen": 0,
                "IPv6Gateway": "",
                "GlobalIPv6Address": "",
                "GlobalIPv6PrefixLen": 0,
                "MacAddress": "",
                "Bridge": "",
                "SandboxID": "",
                "HairpinMode": false,
                "LinkLocalIPv6Address": "",
                "LinkLocalIPv6PrefixLen": 0,
                "Ports": crate::network::ports::inspect_map(&s.net.ports),
                "SandboxKey": if c.pid > 0 && c.state.is_active() && s.net.mode.new_namespace() { format!("/proc/{}/ns/net", c.pid) } else { String::new() },
            },
            "Namespace": "",
            "IsInfra": false,
            "IsService": false,
            "Config": {
                "Hostname": s.hostname,
                "Domainname": "",
                "User": s.opts.user.clone().unwrap_or_default(),
                "AttachStdin": s.opts.interactive,
                "AttachStdout": false,
                "AttachStderr": false,
                "Tty": s.opts.tty,
                "OpenStdin": s.opts.interactive,
                "StdinOnce": false,
                "Env": s.env,
                "Cmd": if s.opts.command.is_empty() { Value::Null } else { json!(s.opts.command) },
                "Image": c.image_name,
                "Volumes": null,
                "WorkingDir": s.workdir,
                "Entrypoint": s.opts.entrypoint.clone().unwrap_or_default(),
                "OnBuild": null,
                "Labels": s.labels,
                "Annotations": {},
                "StopSignal": s.stop_signal,
                "StopTimeout": s.stop_timeout,
                "CreateCommand": [],
                "Umask": "0022",
                "Timeout": 0,
            },
            "HostConfig": {
                "Binds": [],
                "NetworkMode": s.net.mode.name(),
                "PortBindings": crate::network::ports::inspect_map(&s.net.ports),
                "Dns": s.opts.dns,
                "DnsOptions": s.opts.dns_options,
                "DnsSearch": s.opts.dns_search,
                "ExtraHosts": s.opts.add_hosts,
                "PublishAllPorts": s.opts.publish_all,
                "RestartPolicy": {"Name": restart.name, "MaximumRetryCount": restart.max_retries},
                "AutoRemove": s.opts.rm,
                "CapAdd": s.opts.cap_add,
                "CapDrop": s.opts.cap_drop,
                "Privileged": s.opts.privileged,
                "ReadonlyRootfs": s.opts.read_only,
                "SecurityOpt": s.opts.security_opts,
                "Init": s.opts.init,
                "Memory": s.opts.memory.as_deref().and_then(|m| super::create::parse_size(m).ok()).unwrap_or(0),
                "NanoCpus": s.opts.cpus.map(|c| (c * 1e9) as i64).unwrap_or(0),
                "PidsLimit": s.opts.pids_limit.unwrap_or(0),
                "Ulimits": s.opts.ulimits,
                // podman: the mode as given ("private" for --uidmap), and the maps as
                // container:host:size strings when the container has its own namespace.
                "UsernsMode": if !s.opts.uidmaps.is_empty() || !s.opts.gidmaps.is_empty() {
                    "private".to_string()
                } else {
                    s.opts.userns.clone().unwrap_or_default()
                },
                "IDMappings": if uid_maps.is_empty() { Value::Null } else { json!({"UidMap": uid_maps, "GidMap": gid_maps}) },
            },
        });
        // User-defined networks: podman's per-network settings (engine/network.rs).
        if let Some(n) = self.inspect_networks(&s.net) {
            v["NetworkSettings"]["Networks"] = n;
        }
        v
    }

    /// The container's own user namespace maps from its config.json, podman's
    /// `container:host:size` strings (empty for one in the per-user namespace).
    fn container_id_mappings(&self, c: &ContainerRow) -> (Vec<String>, Vec<String>) {
        let path = self.store.paths.container(&c.id).join("config.json");
        let linux = crate::monitor::files::read_json::<oci_spec::runtime::Spec>(&path).and_then(|s| s.linux().clone());
        let fmt = |m: Option<&Vec<oci_spec::runtime::LinuxIdMapping>>| -> Vec<String> {
            m.map(|v| v.iter().map(|m| format!("{}:{}:{}", m.container_id(), m.host_id(), m.size())).collect())
                .unwrap_or_default()
        };
        match &linux {
            Some(l) => (fmt(l.uid_mappings().as_ref()), fmt(l.gid_mappings().as_ref())),
            None => (Vec::new(), Vec::new()),
        }
    }

    fn container_caps(&self, c: &ContainerRow) -> Vec<String> {
        let path = self.store.paths.container(&c.id).join("config.json");
        crate::monitor::files::read_json::<oci_spec::runtime::Spec>(&path)
            .and_then(|s| s.process().clone())
            .and_then(|p| p.capabilities().clone())
            .and_then(|c| c.bounding().clone())
            .map(|b| {
                let mut v: Vec<String> = b.iter().map(|c| format!("CAP_{c}")).collect();
                v.sort();
                v
            })
            .unwrap_or_default()
    }
}
