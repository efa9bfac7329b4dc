//! `info` and `version`: what burrow is and what it found on this host, with podman's
//! field names so that `--format '{{.Store.GraphDriverName}}'` works the same.

use serde_json::{json, Value};

use super::GlobalOptions;
use crate::error::Result;
use crate::storage::{rootfs, Db};
use crate::userns::{self, IdMap, Identity};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The podman API level whose behaviour burrow follows.
pub const API_VERSION: &str = "4.3.1";

pub fn version_json() -> Value {
    json!({
        "Client": {
            "APIVersion": API_VERSION,
            "Version": VERSION,
            "GoVersion": format!("rust (burrow {VERSION})"),
            "GitCommit": option_env!("BURROW_GIT_COMMIT").unwrap_or(""),
            "BuiltTime": "",
            "Built": 0,
            "OsArch": format!("linux/{}", arch()),
            "Os": "linux",
        }
    })
}

pub fn arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    }
}

fn helper(name: &str) -> Value {
    match userns::helper_path(name) {
        Some(p) => json!({"executable": p.display().to_string(), "package": "", "version": tool_version(&p)}),
        None => json!({"executable": "", "package": "", "version": ""}),
    }
}

fn tool_version(p: &std::path::Path) -> String {
    version_lines(p).into_iter().next().unwrap_or_default()
}

/// The non-empty lines `p --version` prints (stdout, then stderr).
fn version_lines(p: &std::path::Path) -> Vec<String> {
    let Ok(o) = std::process::Command::new(p).arg("--version").stdin(std::process::Stdio::null()).output() else {
        return vec![];
    };
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

fn read_trim(p: &str) -> String {
    std::fs::read_to_string(p).map(|s| s.trim().to_string()).unwrap_or_default()
}

fn meminfo(key: &str) -> u64 {
    read_trim("/proc/meminfo")
        .lines()
        .find_map(|l| {
            l.strip_prefix(key)?.trim_start_matches(':').trim().strip_suffix("kB")?.trim().parse::<u64>().ok()
        })
        .map(|kb| kb * 1024)
        .unwrap_or(0)
}

fn cgroup_version() -> &'static str {
    if std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
        "v2"
    } else {
        "v1"
    }
}

fn maps_json(maps: &[IdMap]) -> Value {
    serde_json::to_value(maps).unwrap_or(Value::Null)
}

/// podman's `store.graphOptions`: the overlay mount program in use (configured, or found
/// because the kernel can't mount overlay here), described.
fn graph_options(mount_program: Option<&std::path::Path>) -> Value {
    match mount_program {
        Some(p) => json!({"overlay.mount_program": {
            "Executable": p.display().to_string(),
            "Package": "",
            "Version": version_lines(p).join("\n"),
        }}),
        None => json!({}),
    }
}

pub fn info(g: &GlobalOptions, db: &Db) -> Result<Value> {
    let paths = g.paths()?;
    let (driver, conf) = g.storage()?;
    let rootless = userns::is_rootless();
    let backend = rootfs::host_backend(&driver, conf.mount_program.as_deref(), rootless);
    let native_diff = backend == rootfs::Backend::KernelOverlay;
    let id = Identity::current();
    let (uidmap, gidmap) = if rootless {
        userns::current_maps(&paths).unwrap_or_else(|| (id.uid_map(), id.gid_map()))
    } else {
        (vec![], vec![])
    };
    let images = db.images()?.len();
    let uname = nix::sys::utsname::uname().ok();
    let kernel = uname.as_ref().map(|u| u.release().to_string_lossy().into_owned()).unwrap_or_default();
    let hostname = uname.as_ref().map(|u| u.nodename().to_string_lossy().into_owned()).unwrap_or_default();
    let distro = read_trim("/etc/os-release");
    let field = |k: &str| {
        distro
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_default()
    };
    let uptime = read_trim("/proc/uptime").split_whitespace().next().unwrap_or("0").to_string();
    Ok(json!({
        "host": {
            "arch": arch(),
            "cgroupManager": "cgroupfs",
            "cgroupVersion": cgroup_version(),
            "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            "distribution": {"distribution": field("ID"), "version": field("VERSION_ID"), "codename": field("VERSION_CODENAME")},
            "hostname": hostname,
            "idMappings": {"uidmap": maps_json(&uidmap), "gidmap": maps_json(&gidmap)},
            "kernel": kernel,
            "memFree": meminfo("MemFree"),
            "memTotal": meminfo("MemTotal"),
            "ociRuntime": {"name": "burrow", "package": "built in", "path": std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default(), "version": VERSION},
            "os": "linux",
            "security": {"rootless": rootless, "seccompEnabled": true, "selinuxEnabled": false, "apparmorEnabled": false},
            "helpers": {
                "newuidmap": helper("newuidmap"),
                "newgidmap": helper("newgidmap"),
                "fuse-overlayfs": helper("fuse-overlayfs"),
                "pasta": helper("pasta"),
                "slirp4netns": helper("slirp4netns"),
            },
            "slirp4netns": helper("slirp4netns"),
            "pasta": helper("pasta"),
            "networkBackend": "burrow",
            "networkBackendInfo": {
                "backend": "burrow",
                "defaultRootlessNetworkCmd": default_network_cmd(),
                "helpers": {"pasta": helper("pasta"), "slirp4netns": helper("slirp4netns")},
                "tunDevice": tun_usable(),
            },
            "uptime": format!("{}s", uptime.split('.').next().unwrap_or("0")),
        },
        "store": {
            "configFile": conf.file.as_ref().map(|f| f.display().to_string()).unwrap_or_default(),
            "containerStore": {"number": 0, "paused": 0, "running": 0, "stopped": 0},
            "graphDriverName": driver,
            "graphOptions": graph_options(match &backend {
                rootfs::Backend::Fuse(p) => Some(p.as_path()),
                _ => None,
            }),
            "graphRoot": paths.root.display().to_string(),
            "graphStatus": {"Backing Filesystem": "", "Native Overlay Diff": native_diff.to_string(), "Rootfs Mount": backend.name()},
            "imageStore": {"number": images},
            "runRoot": paths.runroot.display().to_string(),
            "volumePath": paths.root.join("volumes").display().to_string(),
        },
        "version": version_json()["Client"].clone(),
    }))
}

/// The user-mode network of a container without `--network`: containers.conf's
/// `[network] default_rootless_network_cmd` (`pasta` unless set to `slirp4netns`), read from
/// /usr/share/containers, /etc/containers and ~/.config/containers, later files winning.
pub fn default_network_cmd() -> String {
    let mut files = vec![
        std::path::PathBuf::from("/usr/share/containers/containers.conf"),
        std::path::PathBuf::from("/etc/containers/containers.conf"),
    ];
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".config")));
    if let Some(c) = config_home {
        files.push(c.join("containers/containers.conf"));
    }
    let mut cmd = "pasta".to_string();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        let Ok(v) = text.parse::<toml::Table>() else { continue };
        if let Some(c) = v.get("network").and_then(|n| n.get("default_rootless_network_cmd")).and_then(|c| c.as_str()) {
            cmd = c.to_string();
        }
    }
    cmd
}

/// Whether /dev/net/tun can be opened (pasta and slirp4netns need it).
pub fn tun_usable() -> bool {
    std::fs::OpenOptions::new().read(true).write(true).open("/dev/net/tun").is_ok()
}

/// podman's warning when -m/--cpus/--pids-limit can't be enforced: rootless needs a
/// delegated cgroup v2 subtree; on cgroup v1 nothing can be applied.
pub fn resource_limit_warnings(rootless: bool) -> Vec<String> {
    if !rootless {
        return vec![];
    }
    if cgroup_version() == "v1" {
        return vec!["Resource limits are not supported and ignored on cgroups V1 rootless systems".into()];
    }
    let Some(base) = crate::runtime::cgroup::delegated_base(rootless) else {
        return vec!["Resource limits are not supported and ignored: no cgroup v2 subtree is delegated to this user (systemd user session)".into()];
    };
    // Joining a cgroup under `base` needs write access to the common ancestor: the command
    // (and so the monitor) must already run inside the delegated subtree.
    let own = std::fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    let inside = own
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .is_some_and(|p| std::path::Path::new("/sys/fs/cgroup").join(p.trim_start_matches('/')).starts_with(&base));
    if inside {
        vec![]
    } else {
        vec![format!("Resource limits are not supported and ignored: this command does not run inside the delegated cgroup {} (start it from the systemd user session, e.g. systemd-run --user --scope)", base.display())]
    }
}
