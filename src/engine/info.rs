//! `info` and `version`: what burrow is and what it found on this host, with podman's
//! field names so that `--format '{{.Store.GraphDriverName}}'` works the same.

use serde_json::{json, Value};

use super::GlobalOptions;
use crate::error::Result;
use crate::storage::Db;
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
    std::process::Command::new(p)
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().next().unwrap_or("").trim().to_string())
        .unwrap_or_default()
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

/// The overlay flavour a container rootfs would use here: kernel overlay inside the user
/// namespace (Linux >= 5.13), else fuse-overlayfs, else a copy.
pub fn overlay_backend(driver: &str) -> &'static str {
    if driver == "vfs" {
        return "vfs";
    }
    let release = read_trim("/proc/sys/kernel/osrelease");
    let mut nums = release.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse::<u32>().ok());
    let (major, minor) = (nums.next().unwrap_or(0), nums.next().unwrap_or(0));
    if !userns::is_rootless() || (major, minor) >= (5, 13) {
        "kernel overlay"
    } else if userns::helper_path("fuse-overlayfs").is_some() {
        "fuse-overlayfs"
    } else {
        "vfs"
    }
}

pub fn info(g: &GlobalOptions, db: &Db) -> Result<Value> {
    let paths = g.paths()?;
    let driver = g.driver()?;
    let rootless = userns::is_rootless();
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
            "configFile": "",
            "containerStore": {"number": 0, "paused": 0, "running": 0, "stopped": 0},
            "graphDriverName": driver,
            "graphOptions": {},
            "graphRoot": paths.root.display().to_string(),
            "graphStatus": {"Backing Filesystem": "", "Native Overlay Diff": (driver == "overlay").to_string(), "Rootfs Mount": overlay_backend(&driver)},
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
    let uid = nix::unistd::getuid().as_raw();
    let delegated = format!("/sys/fs/cgroup/user.slice/user-{uid}.slice/user@{uid}.service/cgroup.subtree_control");
    if std::path::Path::new(&delegated).exists() {
        vec![]
    } else {
        vec!["Resource limits are not supported and ignored: no cgroup v2 subtree is delegated to this user (systemd user session)".into()]
    }
}
