//! `mounts`, `linux.namespaces` and `linux.devices`.

use std::path::Path;

use oci_spec::runtime::{
    LinuxDevice, LinuxDeviceBuilder, LinuxDeviceType, LinuxNamespace, LinuxNamespaceBuilder, LinuxNamespaceType, Mount,
    MountBuilder,
};

use super::{oci, NetworkMode, SpecError, SpecInput, INIT_PATH};

/// The files the caller writes into `userdata`, and where they appear in the container.
const USERDATA_FILES: &[(&str, &str)] = &[
    ("hosts", "/etc/hosts"),
    ("hostname", "/etc/hostname"),
    ("resolv.conf", "/etc/resolv.conf"),
    (".containerenv", "/run/.containerenv"),
];

/// Directories podman puts a tmpfs on under `--read-only` (unless `--read-only-tmpfs=false`).
const READ_ONLY_TMPFS: &[&str] = &["/tmp", "/var/tmp", "/run"];

/// podman's mounts, in an order where nothing is hidden by a later mount: the kernel
/// filesystems, /dev/shm, the `--read-only` tmpfs dirs (before the /run files!), the userdata
/// files, then the init binary.
///
/// Rootless with the host's network, sysfs cannot be mounted (the netns belongs to the real
/// root), so /sys and /sys/fs/cgroup are recursive read-only binds of the host's, as in podman.
/// `--privileged` makes /sys and the cgroup filesystem writable. `--security-opt proc-opts=`
/// options are added to /proc's.
pub(super) fn mounts(input: &SpecInput, proc_opts: &[String]) -> Result<Vec<Mount>, SpecError> {
    let access = if input.privileged { "rw" } else { "ro" };
    let mut proc_options = vec!["nosuid", "noexec", "nodev"];
    proc_options.extend(proc_opts.iter().map(String::as_str));
    let mut list = vec![
        mount("/proc", "proc", "proc", &proc_options)?,
        mount("/dev", "tmpfs", "tmpfs", &["nosuid", "strictatime", "mode=755", "size=65536k"])?,
        mount(
            "/dev/pts",
            "devpts",
            "devpts",
            &["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"],
        )?,
        mount("/dev/mqueue", "mqueue", "mqueue", &["nosuid", "noexec", "nodev"])?,
    ];
    if input.rootless && input.network == NetworkMode::Host {
        let bind = ["rprivate", "nosuid", "noexec", "nodev", access, "rbind"];
        list.push(mount("/sys", "bind", "/sys", &bind)?);
        list.push(mount("/sys/fs/cgroup", "bind", "/sys/fs/cgroup", &bind)?);
    } else {
        list.push(mount("/sys", "sysfs", "sysfs", &["nosuid", "noexec", "nodev", access])?);
        list.push(mount(
            "/sys/fs/cgroup",
            "cgroup",
            "cgroup",
            &["rprivate", "nosuid", "noexec", "nodev", "relatime", access],
        )?);
    }
    list.push(mount("/dev/shm", "tmpfs", "shm", &["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"])?);
    if input.read_only && input.read_only_tmpfs {
        for dir in READ_ONLY_TMPFS {
            list.push(mount(dir, "tmpfs", "tmpfs", &["rw", "rprivate", "nosuid", "nodev", "tmpcopyup"])?);
        }
    }
    list.extend(userdata_mounts(input)?);
    list.retain(|m| !input.user_mounts.iter().any(|u| u.destination() == m.destination()));
    let mut user = input.user_mounts.clone();
    // A mount inside another one must come after it (podman sorts by path depth).
    user.sort_by_key(|m| m.destination().components().count());
    list.extend(user);
    if input.init {
        list.push(init_mount(input)?);
    }
    Ok(list)
}

/// /etc/hosts, /etc/hostname, /etc/resolv.conf and /run/.containerenv, bound from the files
/// the caller wrote; read-only too under `--read-only`, as podman does.
fn userdata_mounts(input: &SpecInput) -> Result<Vec<Mount>, SpecError> {
    let mut options = vec!["bind", "rprivate"];
    if input.read_only {
        options.extend(["ro", "nosuid", "noexec", "nodev"]);
    }
    USERDATA_FILES
        .iter()
        .filter(|(file, _)| !(input.no_hosts && *file == "hosts"))
        .map(|(file, destination)| {
            let dir = match &input.net_files {
                Some(shared) if matches!(*file, "hosts" | "resolv.conf") => shared,
                _ => &input.userdata,
            };
            let source = Path::new(dir).join(file);
            mount(destination, "bind", &source.to_string_lossy(), &options)
        })
        .collect()
}

fn init_mount(input: &SpecInput) -> Result<Mount, SpecError> {
    if input.init_host_path.is_empty() {
        return Err(SpecError::new("no path to init binary found but container requested an init"));
    }
    mount(INIT_PATH, "bind", &input.init_host_path, &["bind", "ro"])
}

fn mount(destination: &str, kind: &str, source: &str, options: &[&str]) -> Result<Mount, SpecError> {
    oci(MountBuilder::default()
        .destination(destination)
        .typ(kind)
        .source(source)
        .options(options.iter().map(|o| o.to_string()).collect::<Vec<_>>())
        .build())
}

/// New pid, ipc, uts and mount namespaces always; a new network namespace unless the host's
/// is used; a new cgroup namespace on cgroup v2 (podman's default `cgroupns`: private on v2,
/// host on v1). The user namespace is the caller's: it is already joined when the runtime runs.
pub(super) fn namespaces(input: &SpecInput) -> Result<Vec<LinuxNamespace>, SpecError> {
    let mut kinds = vec![LinuxNamespaceType::Pid];
    if input.network == NetworkMode::None {
        kinds.push(LinuxNamespaceType::Network);
    }
    kinds.extend([LinuxNamespaceType::Ipc, LinuxNamespaceType::Uts, LinuxNamespaceType::Mount]);
    if input.cgroup_v2 {
        kinds.push(LinuxNamespaceType::Cgroup);
    }
    kinds.into_iter().map(|kind| oci(LinuxNamespaceBuilder::default().typ(kind).build())).collect()
}

/// The devices every container gets (the runtime spec's and podman's default set). Rootless,
/// the init bind-mounts them from the host; `--privileged` and `--device` additions are the
/// caller's.
pub(super) fn default_devices() -> Result<Vec<LinuxDevice>, SpecError> {
    [
        ("/dev/null", 1, 3),
        ("/dev/zero", 1, 5),
        ("/dev/full", 1, 7),
        ("/dev/random", 1, 8),
        ("/dev/urandom", 1, 9),
        ("/dev/tty", 5, 0),
    ]
    .into_iter()
    .map(|(path, major, minor)| {
        oci(LinuxDeviceBuilder::default()
            .path(path)
            .typ(LinuxDeviceType::C)
            .major(major)
            .minor(minor)
            .file_mode(0o666u32)
            .uid(0u32)
            .gid(0u32)
            .build())
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::config::RunConfig;

    fn destinations(list: &[Mount]) -> Vec<String> {
        list.iter().map(|m| m.destination().to_string_lossy().into_owned()).collect()
    }

    fn find<'a>(list: &'a [Mount], dest: &str) -> &'a Mount {
        list.iter().find(|m| m.destination() == Path::new(dest)).unwrap()
    }

    fn options(m: &Mount) -> Vec<String> {
        m.options().clone().unwrap_or_default()
    }

    #[test]
    fn default_mounts_in_podman_order() {
        let img = RunConfig::default();
        let input = SpecInput::new(&img, "/r", "/data/c1/userdata", "h");
        let list = mounts(&input, &[]).unwrap();
        assert_eq!(
            destinations(&list),
            [
                "/proc",
                "/dev",
                "/dev/pts",
                "/dev/mqueue",
                "/sys",
                "/sys/fs/cgroup",
                "/dev/shm",
                "/etc/hosts",
                "/etc/hostname",
                "/etc/resolv.conf",
                "/run/.containerenv"
            ]
        );
        let sys = find(&list, "/sys");
        assert_eq!(sys.typ().as_deref(), Some("sysfs"));
        assert_eq!(options(sys), ["nosuid", "noexec", "nodev", "ro"]);
        assert_eq!(
            options(find(&list, "/dev/pts")),
            ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]
        );
        let hosts = find(&list, "/etc/hosts");
        assert_eq!(hosts.source().as_deref(), Some(Path::new("/data/c1/userdata/hosts")));
        assert_eq!(options(hosts), ["bind", "rprivate"]);
        assert_eq!(
            find(&list, "/run/.containerenv").source().as_deref(),
            Some(Path::new("/data/c1/userdata/.containerenv"))
        );
    }

    #[test]
    fn rootless_host_network_binds_sys() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.network = NetworkMode::Host;
        let list = mounts(&input, &[]).unwrap();
        let sys = find(&list, "/sys");
        assert_eq!(sys.typ().as_deref(), Some("bind"));
        assert_eq!(options(sys), ["rprivate", "nosuid", "noexec", "nodev", "ro", "rbind"]);
        assert_eq!(find(&list, "/sys/fs/cgroup").typ().as_deref(), Some("bind"));
        input.rootless = false;
        assert_eq!(find(&mounts(&input, &[]).unwrap(), "/sys").typ().as_deref(), Some("sysfs"));
    }

    #[test]
    fn read_only_adds_tmpfs_before_run_files() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.read_only = true;
        let list = mounts(&input, &[]).unwrap();
        let dests = destinations(&list);
        for dir in READ_ONLY_TMPFS {
            let m = find(&list, dir);
            assert_eq!(m.typ().as_deref(), Some("tmpfs"));
            assert_eq!(options(m), ["rw", "rprivate", "nosuid", "nodev", "tmpcopyup"]);
        }
        let run = dests.iter().position(|d| d == "/run").unwrap();
        let env = dests.iter().position(|d| d == "/run/.containerenv").unwrap();
        assert!(run < env, "the /run tmpfs must not hide /run/.containerenv");
        assert_eq!(options(find(&list, "/etc/resolv.conf")), ["bind", "rprivate", "ro", "nosuid", "noexec", "nodev"]);

        input.read_only_tmpfs = false;
        let list = mounts(&input, &[]).unwrap();
        assert!(!destinations(&list).contains(&"/tmp".to_string()));
        input.read_only = false;
        input.read_only_tmpfs = true;
        assert!(!destinations(&mounts(&input, &[]).unwrap()).contains(&"/tmp".to_string()));
    }

    #[test]
    fn init_binary_is_bound_read_only_last() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.init = true;
        assert!(mounts(&input, &[]).is_err(), "an init needs its host path");
        input.init_host_path = "/usr/libexec/burrow/init".into();
        let list = mounts(&input, &[]).unwrap();
        let last = list.last().unwrap();
        assert_eq!(last.destination(), Path::new(INIT_PATH));
        assert_eq!(last.source().as_deref(), Some(Path::new("/usr/libexec/burrow/init")));
        assert_eq!(options(last), ["bind", "ro"]);
    }

    #[test]
    fn privileged_and_proc_opts() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.privileged = true;
        let list = mounts(&input, &["hidepid=2".to_string()]).unwrap();
        assert!(options(find(&list, "/sys")).contains(&"rw".to_string()));
        assert!(options(find(&list, "/sys/fs/cgroup")).contains(&"rw".to_string()));
        assert_eq!(options(find(&list, "/proc")), ["nosuid", "noexec", "nodev", "hidepid=2"]);
    }

    #[test]
    fn network_and_cgroup_namespaces() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        let kinds = |input: &SpecInput| namespaces(input).unwrap().iter().map(|n| n.typ()).collect::<Vec<_>>();
        use LinuxNamespaceType::*;
        assert_eq!(kinds(&input), [Pid, Network, Ipc, Uts, Mount, Cgroup]);
        input.network = NetworkMode::Host;
        input.cgroup_v2 = false;
        assert_eq!(kinds(&input), [Pid, Ipc, Uts, Mount]);
        assert!(!kinds(&input).contains(&User), "the caller owns the user namespace");
    }

    #[test]
    fn user_mounts_replace_defaults_parents_first() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.user_mounts = vec![
            mount("/data/sub", "bind", "/h2", &["rbind"]).unwrap(),
            mount("/data", "bind", "/h1", &["rbind"]).unwrap(),
            mount("/dev/shm", "tmpfs", "tmpfs", &["size=1m"]).unwrap(),
        ];
        let list = mounts(&input, &[]).unwrap();
        let dests = destinations(&list);
        assert_eq!(dests.iter().filter(|d| *d == "/dev/shm").count(), 1);
        assert_eq!(options(find(&list, "/dev/shm")), ["size=1m"]);
        let parent = dests.iter().position(|d| d == "/data").unwrap();
        let child = dests.iter().position(|d| d == "/data/sub").unwrap();
        assert!(parent < child);
    }

    #[test]
    fn default_device_set() {
        let devices = default_devices().unwrap();
        let paths: Vec<String> = devices.iter().map(|d| d.path().to_string_lossy().into_owned()).collect();
        assert_eq!(paths, ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty"]);
        let tty = &devices[5];
        assert_eq!((tty.major(), tty.minor(), tty.file_mode()), (5, 0, Some(0o666)));
    }

    #[test]
    fn a_shared_network_shares_hosts_and_resolv_conf_only() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/data/c1/userdata", "h");
        input.net_files = Some("/data/c0/userdata".into());
        let list = mounts(&input, &[]).unwrap();
        let src = |d: &str| find(&list, d).source().clone().unwrap();
        assert_eq!(src("/etc/hosts"), Path::new("/data/c0/userdata/hosts"));
        assert_eq!(src("/etc/resolv.conf"), Path::new("/data/c0/userdata/resolv.conf"));
        assert_eq!(src("/etc/hostname"), Path::new("/data/c1/userdata/hostname"));
        assert_eq!(src("/run/.containerenv"), Path::new("/data/c1/userdata/.containerenv"));
    }
}
