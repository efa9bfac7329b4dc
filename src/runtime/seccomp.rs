//! Seccomp for the container process: the profile format (docker/podman `seccomp.json`,
//! which is a superset of the OCI runtime-spec `LinuxSeccomp`), podman's default profile,
//! loading a profile file, and compiling + installing a profile with libseccomp.
//!
//! A profile is turned into a filter in two steps, as containers/common and runc do:
//! [`resolve`] keeps the rules that apply to this container (their `includes` /
//! `excludes` name capabilities of its bounding set, the native architecture and a minimum
//! kernel) and picks the architectures; [`compile`] hands the result to libseccomp.
//! Syscall names libseccomp does not know are skipped, so a profile written for a newer
//! kernel still loads (runc and crun behave the same way).
//!
//! When to install (the container init's business, but it is why [`install`] is shaped
//! as it is): loading a filter needs either no_new_privs or CAP_SYS_ADMIN in the current
//! user namespace. podman leaves no_new_privs off by default (setuid binaries keep
//! working in the container), so the filter is loaded *before* capabilities are dropped,
//! while CAP_SYS_ADMIN is still held, and every later setup syscall (setgroups, setresuid,
//! capset, prctl, chdir, execve) must then be allowed by the profile, as they are by the
//! default one. With no_new_privs on, the filter is loaded last, right before `execve`,
//! which also keeps a strict custom profile from breaking the setup. libseccomp's own
//! habit of setting no_new_privs on load is switched off: that choice is the caller's.

use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use libseccomp::{ScmpAction, ScmpArch, ScmpArgCompare, ScmpCompareOp, ScmpFilterContext, ScmpSyscall};
use serde::{Deserialize, Deserializer, Serialize};

/// Which profile a container gets (`--security-opt seccomp=...`; `--privileged` means
/// Unconfined in podman).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Profile {
    Unconfined,
    #[default]
    Default,
    Custom(ProfileSpec),
}

impl Profile {
    /// The value of `--security-opt seccomp=VALUE`: `unconfined`, or a profile file.
    pub fn from_option(value: &str) -> Result<Profile, SeccompError> {
        match value {
            "unconfined" => Ok(Profile::Unconfined),
            path => load_file(Path::new(path)).map(Profile::Custom),
        }
    }

    /// The profile to install, None when unconfined.
    pub fn spec(&self) -> Option<ProfileSpec> {
        match self {
            Profile::Unconfined => None,
            Profile::Default => Some(default_profile()),
            Profile::Custom(p) => Some(p.clone()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeccompError {
    #[error("reading seccomp profile {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("decoding seccomp profile {} failed: {source}", path.display())]
    Parse { path: PathBuf, source: serde_json::Error },
    #[error("invalid seccomp profile {}: {msg}", path.display())]
    InvalidFile { path: PathBuf, msg: String },
    #[error("invalid seccomp profile: {0}")]
    Invalid(String),
    #[error("seccomp: {what}: {source}")]
    Libseccomp { what: String, source: libseccomp::error::SeccompError },
    #[error("seccomp: {what}: {source}")]
    Io { what: String, source: io::Error },
}

/// Seccomp actions, spelled as in profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    #[serde(rename = "SCMP_ACT_ALLOW")]
    Allow,
    #[serde(rename = "SCMP_ACT_ERRNO")]
    Errno,
    #[serde(rename = "SCMP_ACT_KILL")]
    Kill,
    #[serde(rename = "SCMP_ACT_KILL_THREAD")]
    KillThread,
    #[serde(rename = "SCMP_ACT_KILL_PROCESS")]
    KillProcess,
    #[serde(rename = "SCMP_ACT_TRAP")]
    Trap,
    #[serde(rename = "SCMP_ACT_TRACE")]
    Trace,
    #[serde(rename = "SCMP_ACT_LOG")]
    Log,
    /// Needs a listener (`listenerPath`), which burrow does not provide: rejected.
    #[serde(rename = "SCMP_ACT_NOTIFY")]
    Notify,
}

/// Argument comparisons, spelled as in profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CmpOp {
    #[serde(rename = "SCMP_CMP_NE")]
    Ne,
    #[serde(rename = "SCMP_CMP_LT")]
    Lt,
    #[serde(rename = "SCMP_CMP_LE")]
    Le,
    #[serde(rename = "SCMP_CMP_EQ")]
    Eq,
    #[serde(rename = "SCMP_CMP_GE")]
    Ge,
    #[serde(rename = "SCMP_CMP_GT")]
    Gt,
    /// `(arg & value) == valueTwo`: `value` is the mask, as in runc and docker.
    #[serde(rename = "SCMP_CMP_MASKED_EQ")]
    MaskedEq,
}

/// Real profiles write `null` for empty lists (`"args": null`); treat it as empty.
fn null_default<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A whole profile. Unknown keys (`comment`, docker's `defaultErrno` text, ...) are ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSpec {
    /// None only in an empty profile (`{}`), which podman takes to mean unconfined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_action: Option<Action>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_errno_ret: Option<u32>,
    /// OCI style: exactly these architectures (`SCMP_ARCH_X86_64`, ...).
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub architectures: Vec<String>,
    /// docker style: the entry for the native architecture brings its sub-architectures.
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub arch_map: Vec<ArchMap>,
    /// `SECCOMP_FILTER_FLAG_TSYNC`, `SECCOMP_FILTER_FLAG_LOG`, `SECCOMP_FILTER_FLAG_SPEC_ALLOW`.
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// Rejected when set: there is no seccomp agent to hand notifications to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listener_path: Option<String>,
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub syscalls: Vec<SyscallRule>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchMap {
    pub architecture: String,
    #[serde(default, deserialize_with = "null_default")]
    pub sub_architectures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyscallRule {
    /// Old docker profiles name one syscall per rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    pub action: Action,
    /// For SCMP_ACT_ERRNO and SCMP_ACT_TRACE; EPERM when absent (runc's rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errno_ret: Option<u32>,
    /// All must hold (AND) — except when one argument is tested twice, see [`compile`].
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<Arg>,
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Condition::is_empty")]
    pub includes: Condition,
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Condition::is_empty")]
    pub excludes: Condition,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Arg {
    pub index: u32,
    pub value: u64,
    #[serde(default)]
    pub value_two: u64,
    pub op: CmpOp,
}

/// `includes`: the rule applies only if all of these hold; `excludes`: it is dropped if
/// any of the capabilities or architectures is there. Architectures use Go's names
/// (`amd64`, `arm64`, `x86`, ...), as libseccomp-golang prints them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub caps: Vec<String>,
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub arches: Vec<String>,
    /// `"4.8"`: only on kernels at least this new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_kernel: Option<String>,
}

impl Condition {
    fn is_empty(&self) -> bool {
        self.caps.is_empty() && self.arches.is_empty() && self.min_kernel.is_none()
    }
}

impl SyscallRule {
    /// The syscall names, whichever of `name` / `names` the profile used.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.name.iter().map(String::as_str).chain(self.names.iter().map(String::as_str))
    }
}

impl ProfileSpec {
    /// podman treats a profile with neither a default action nor rules as "no seccomp".
    pub fn is_unconfined(&self) -> bool {
        self.default_action.is_none() && self.syscalls.is_empty()
    }

    /// Everything that can be checked without libseccomp, so that a bad file is reported
    /// when it is loaded rather than inside the container.
    pub fn validate(&self) -> Result<(), String> {
        if self.is_unconfined() {
            return Ok(());
        }
        let default = self.default_action.ok_or("defaultAction is missing")?;
        action(default, self.default_errno_ret)?;
        if !self.architectures.is_empty() && !self.arch_map.is_empty() {
            return Err("'architectures' and 'archMap' were both given; use one".into());
        }
        let arch_names = self
            .architectures
            .iter()
            .chain(self.arch_map.iter().flat_map(|m| std::iter::once(&m.architecture).chain(&m.sub_architectures)));
        for a in arch_names {
            ScmpArch::from_str(a).map_err(|_| format!("unknown architecture {a:?}"))?;
        }
        for f in &self.flags {
            if !FLAGS.contains(&f.as_str()) {
                return Err(format!("unsupported flag {f:?}"));
            }
        }
        if self.listener_path.is_some() {
            return Err("listenerPath (seccomp notify) is not supported".into());
        }
        for (i, r) in self.syscalls.iter().enumerate() {
            let what = |m: &str| format!("syscalls[{i}]: {m}");
            if r.name.is_some() && !r.names.is_empty() {
                return Err(what("'name' and 'names' were both given; use one"));
            }
            if r.all_names().next().is_none() {
                return Err(what("no syscall names"));
            }
            action(r.action, r.errno_ret).map_err(|m| what(&m))?;
            if let Some(a) = r.args.iter().find(|a| a.index > 5) {
                return Err(what(&format!("argument index {} out of range 0-5", a.index)));
            }
            for k in [&r.includes.min_kernel, &r.excludes.min_kernel].into_iter().flatten() {
                parse_kernel(k).ok_or_else(|| what(&format!("bad minKernel {k:?}")))?;
            }
        }
        Ok(())
    }
}

const FLAGS: &[&str] = &["SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW"];

/// Reads and checks a profile file; every error names the file.
pub fn load_file(path: &Path) -> Result<ProfileSpec, SeccompError> {
    let text = std::fs::read(path).map_err(|source| SeccompError::Read { path: path.to_path_buf(), source })?;
    let spec: ProfileSpec =
        serde_json::from_slice(&text).map_err(|source| SeccompError::Parse { path: path.to_path_buf(), source })?;
    spec.validate().map_err(|msg| SeccompError::InvalidFile { path: path.to_path_buf(), msg })?;
    Ok(spec)
}

fn action(a: Action, errno: Option<u32>) -> Result<ScmpAction, String> {
    let errno_or_eperm = || -> Result<i32, String> {
        let e = errno.unwrap_or(libc::EPERM as u32);
        // The kernel passes 16 bits of SECCOMP_RET_DATA; errno values stop at 4095.
        if e > 4095 {
            return Err(format!("errnoRet {e} out of range"));
        }
        Ok(e as i32)
    };
    Ok(match a {
        Action::Allow => ScmpAction::Allow,
        Action::Errno => ScmpAction::Errno(errno_or_eperm()?),
        Action::Kill | Action::KillThread => ScmpAction::KillThread,
        Action::KillProcess => ScmpAction::KillProcess,
        Action::Trap => ScmpAction::Trap,
        Action::Trace => ScmpAction::Trace(errno_or_eperm()? as u16),
        Action::Log => ScmpAction::Log,
        Action::Notify => return Err("SCMP_ACT_NOTIFY is not supported".into()),
    })
}

/// The native architecture, as libseccomp's token and as Go's name (for `arches`).
fn native_arch() -> (ScmpArch, &'static str) {
    let little = cfg!(target_endian = "little");
    match std::env::consts::ARCH {
        "x86_64" if cfg!(target_pointer_width = "32") => (ScmpArch::X32, "x32"),
        "x86_64" => (ScmpArch::X8664, "amd64"),
        "x86" => (ScmpArch::X86, "x86"),
        "aarch64" => (ScmpArch::Aarch64, "arm64"),
        "arm" => (ScmpArch::Arm, "arm"),
        "riscv64" => (ScmpArch::Riscv64, "riscv64"),
        "s390x" => (ScmpArch::S390X, "s390x"),
        "powerpc64" if little => (ScmpArch::Ppc64Le, "ppc64le"),
        "powerpc64" => (ScmpArch::Ppc64, "ppc64"),
        "powerpc" => (ScmpArch::Ppc, "ppc"),
        "mips64" if little => (ScmpArch::Mipsel64, "mipsel64"),
        "mips64" => (ScmpArch::Mips64, "mips64"),
        "mips" if little => (ScmpArch::Mipsel, "mipsel"),
        "mips" => (ScmpArch::Mips, "mips"),
        "loongarch64" => (ScmpArch::Loongarch64, "loong64"),
        _ => (ScmpArch::Native, ""),
    }
}

fn parse_kernel(v: &str) -> Option<(u32, u32)> {
    let mut it = v.trim().split(|c: char| !c.is_ascii_digit());
    let major = it.next()?.parse().ok()?;
    let minor = it.next().filter(|s| !s.is_empty()).map_or(Some(0), |s| s.parse().ok())?;
    Some((major, minor))
}

/// (major, minor) of the running kernel; (0, 0) if uname fails, so minKernel rules drop.
fn kernel_version() -> (u32, u32) {
    // SAFETY: uname fills a struct we own.
    let mut uts: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut uts) } != 0 {
        return (0, 0);
    }
    // SAFETY: uname NUL-terminates release.
    let rel = unsafe { std::ffi::CStr::from_ptr(uts.release.as_ptr()) };
    parse_kernel(&rel.to_string_lossy()).unwrap_or((0, 0))
}

fn cap_name(c: &str) -> String {
    let up = c.trim().to_ascii_uppercase();
    if up.starts_with("CAP_") {
        up
    } else {
        format!("CAP_{up}")
    }
}

/// The profile this container actually gets, as containers/common's `setupSeccomp`
/// computes it before writing the OCI config: rules whose `includes` / `excludes` do not
/// fit `caps` (the container's bounding set, any spelling), the native architecture or
/// the running kernel are dropped, the rest lose their conditions, and `archMap` becomes
/// the explicit `architectures` for this machine (amd64: x86_64 + x86 + x32, as docker).
pub fn resolve(profile: &ProfileSpec, caps: &[String]) -> ProfileSpec {
    let caps: Vec<String> = caps.iter().map(|c| cap_name(c)).collect();
    let (native, native_name) = native_arch();
    let kernel = kernel_version();
    let mut out = ProfileSpec { arch_map: Vec::new(), syscalls: Vec::new(), ..profile.clone() };
    if let Some(m) = profile.arch_map.iter().find(|m| ScmpArch::from_str(&m.architecture).ok() == Some(native)) {
        out.architectures = std::iter::once(&m.architecture).chain(&m.sub_architectures).cloned().collect();
    }
    let min = |k: &Option<String>| k.as_deref().and_then(parse_kernel);
    for r in &profile.syscalls {
        let (inc, exc) = (&r.includes, &r.excludes);
        let keep = !exc.caps.iter().any(|c| caps.contains(&cap_name(c)))
            && !exc.arches.iter().any(|a| a == native_name)
            && inc.caps.iter().all(|c| caps.contains(&cap_name(c)))
            && (inc.arches.is_empty() || inc.arches.iter().any(|a| a == native_name))
            && min(&inc.min_kernel).is_none_or(|m| kernel >= m)
            && min(&exc.min_kernel).is_none_or(|m| kernel < m);
        if keep {
            out.syscalls.push(SyscallRule {
                includes: Condition::default(),
                excludes: Condition::default(),
                ..r.clone()
            });
        }
    }
    out
}

fn lib_err(what: impl Into<String>) -> impl FnOnce(libseccomp::error::SeccompError) -> SeccompError {
    let what = what.into();
    move |source| SeccompError::Libseccomp { what, source }
}

fn comparison(a: &Arg) -> ScmpArgCompare {
    let op = match a.op {
        CmpOp::Ne => ScmpCompareOp::NotEqual,
        CmpOp::Lt => ScmpCompareOp::Less,
        CmpOp::Le => ScmpCompareOp::LessOrEqual,
        CmpOp::Eq => ScmpCompareOp::Equal,
        CmpOp::Ge => ScmpCompareOp::GreaterEqual,
        CmpOp::Gt => ScmpCompareOp::Greater,
        CmpOp::MaskedEq => return ScmpArgCompare::new(a.index, ScmpCompareOp::MaskedEqual(a.value), a.value_two),
    };
    ScmpArgCompare::new(a.index, op, a.value)
}

/// Builds (without loading) the libseccomp filter for `profile` as seen by a container
/// whose bounding set is `caps`.
///
/// Rules whose action equals the default action are left out (libseccomp refuses them).
/// Conditions of one rule are ANDed; libseccomp cannot test one argument twice in a rule,
/// so a rule that does (allowed by the format) becomes one rule per condition, i.e. an OR,
/// as runc does.
pub fn compile(profile: &ProfileSpec, caps: &[String]) -> Result<ScmpFilterContext, SeccompError> {
    profile.validate().map_err(SeccompError::Invalid)?;
    let r = resolve(profile, caps);
    let default_action = r.default_action.ok_or_else(|| SeccompError::Invalid("defaultAction is missing".into()))?;
    let default = action(default_action, r.default_errno_ret).map_err(SeccompError::Invalid)?;
    let mut ctx = ScmpFilterContext::new(default).map_err(lib_err("creating the filter"))?;
    ctx.set_ctl_nnp(false).map_err(lib_err("leaving no_new_privs alone"))?;
    for a in &r.architectures {
        let arch = ScmpArch::from_str(a).map_err(|_| SeccompError::Invalid(format!("unknown architecture {a:?}")))?;
        ctx.add_arch(arch).map_err(lib_err(format!("adding architecture {a}")))?;
    }
    for f in &r.flags {
        let set = match f.as_str() {
            "SECCOMP_FILTER_FLAG_TSYNC" => ctx.set_ctl_tsync(true),
            "SECCOMP_FILTER_FLAG_LOG" => ctx.set_ctl_log(true),
            _ => ctx.set_ctl_ssb(true),
        };
        set.map_err(lib_err(format!("setting {f}")))?;
    }
    for rule in &r.syscalls {
        let act = action(rule.action, rule.errno_ret).map_err(SeccompError::Invalid)?;
        if act == default {
            continue;
        }
        let conds: Vec<ScmpArgCompare> = rule.args.iter().map(comparison).collect();
        let mut seen = 0u32;
        let repeats = rule.args.iter().any(|a| {
            let bit = 1u32 << a.index;
            let dup = seen & bit != 0;
            seen |= bit;
            dup
        });
        for name in rule.all_names() {
            // Unknown to this libseccomp (newer than it, or misspelt): skipped, like runc.
            let Ok(sc) = ScmpSyscall::from_name(name) else { continue };
            let what = || format!("adding a rule for {name}");
            if conds.is_empty() {
                ctx.add_rule(act, sc).map_err(lib_err(what()))?;
            } else if repeats {
                for c in &conds {
                    ctx.add_rule_conditional(act, sc, std::slice::from_ref(c)).map_err(lib_err(what()))?;
                }
            } else {
                ctx.add_rule_conditional(act, sc, &conds).map_err(lib_err(what()))?;
            }
        }
    }
    Ok(ctx)
}

/// Compiles `profile` for a container whose bounding set is `caps` and loads it on the
/// calling thread (only that thread: the container init is single-threaded, and the filter
/// is inherited across fork/clone and kept across execve). An empty profile installs
/// nothing. Without no_new_privs this needs CAP_SYS_ADMIN in the current user namespace,
/// so call it before dropping capabilities; see the module documentation for the order.
pub fn install(profile: &ProfileSpec, caps: &[String]) -> Result<(), SeccompError> {
    if profile.is_unconfined() {
        return Ok(());
    }
    let ctx = compile(profile, caps)?;
    ctx.load().map_err(lib_err("loading the filter (needs no_new_privs or CAP_SYS_ADMIN)"))
}

// podman's default profile: containers/common's seccomp.json as shipped with podman 4.3
// (golang-github-containers-common 0.50.1 here), re-authored as data. Default action:
// ENOSYS, so that programs probing for newer syscalls fall back (glibc does for clone3).
// Unlike docker's profile it allows mount, unshare, clone and keyctl outright and leaves
// them to capabilities and user namespaces.

/// Allowed for everyone. (Upstream also lists setns under CAP_SYS_ADMIN below, with an
/// EPERM twin; the unconditional allow is what takes effect under podman — setns(-1, 0)
/// gives EBADF with the default caps — so it is only listed here.)
#[rustfmt::skip]
const ALLOWED: &[&str] = &[
    "_llseek", "_newselect", "accept", "accept4", "access", "adjtimex", "alarm", "bind", "brk", "capget",
    "capset", "chdir", "chmod", "chown", "chown32", "clock_adjtime", "clock_adjtime64", "clock_getres",
    "clock_getres_time64", "clock_gettime", "clock_gettime64", "clock_nanosleep", "clock_nanosleep_time64",
    "clone", "clone3", "close", "close_range", "connect", "copy_file_range", "creat", "dup", "dup2", "dup3",
    "epoll_create", "epoll_create1", "epoll_ctl", "epoll_ctl_old", "epoll_pwait", "epoll_pwait2", "epoll_wait",
    "epoll_wait_old", "eventfd", "eventfd2", "execve", "execveat", "exit", "exit_group", "faccessat",
    "faccessat2", "fadvise64", "fadvise64_64", "fallocate", "fanotify_mark", "fchdir", "fchmod", "fchmodat",
    "fchown", "fchown32", "fchownat", "fcntl", "fcntl64", "fdatasync", "fgetxattr", "flistxattr", "flock",
    "fork", "fremovexattr", "fsconfig", "fsetxattr", "fsmount", "fsopen", "fspick", "fstat", "fstat64",
    "fstatat64", "fstatfs", "fstatfs64", "fsync", "ftruncate", "ftruncate64", "futex", "futex_time64",
    "futimesat", "get_mempolicy", "get_robust_list", "get_thread_area", "getcpu", "getcwd", "getdents",
    "getdents64", "getegid", "getegid32", "geteuid", "geteuid32", "getgid", "getgid32", "getgroups",
    "getgroups32", "getitimer", "getpeername", "getpgid", "getpgrp", "getpid", "getppid", "getpriority",
    "getrandom", "getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit", "getrusage", "getsid",
    "getsockname", "getsockopt", "gettid", "gettimeofday", "getuid", "getuid32", "getxattr",
    "inotify_add_watch", "inotify_init", "inotify_init1", "inotify_rm_watch", "io_cancel", "io_destroy",
    "io_getevents", "io_setup", "io_submit", "ioctl", "ioprio_get", "ioprio_set", "ipc", "keyctl", "kill",
    "landlock_add_rule", "landlock_create_ruleset", "landlock_restrict_self", "lchown", "lchown32", "lgetxattr",
    "link", "linkat", "listen", "listxattr", "llistxattr", "lremovexattr", "lseek", "lsetxattr", "lstat",
    "lstat64", "madvise", "mbind", "membarrier", "memfd_create", "memfd_secret", "mincore", "mkdir", "mkdirat",
    "mknod", "mknodat", "mlock", "mlock2", "mlockall", "mmap", "mmap2", "mount", "mount_setattr", "move_mount",
    "mprotect", "mq_getsetattr", "mq_notify", "mq_open", "mq_timedreceive", "mq_timedreceive_time64",
    "mq_timedsend", "mq_timedsend_time64", "mq_unlink", "mremap", "msgctl", "msgget", "msgrcv", "msgsnd",
    "msync", "munlock", "munlockall", "munmap", "name_to_handle_at", "nanosleep", "newfstatat", "open",
    "open_tree", "openat", "openat2", "pause", "pidfd_getfd", "pidfd_open", "pidfd_send_signal", "pipe",
    "pipe2", "pivot_root", "pkey_alloc", "pkey_free", "pkey_mprotect", "poll", "ppoll", "ppoll_time64", "prctl",
    "pread64", "preadv", "preadv2", "prlimit64", "process_mrelease", "process_vm_readv", "process_vm_writev",
    "pselect6", "pselect6_time64", "ptrace", "pwrite64", "pwritev", "pwritev2", "read", "readahead", "readdir",
    "readlink", "readlinkat", "readv", "reboot", "recv", "recvfrom", "recvmmsg", "recvmmsg_time64", "recvmsg",
    "remap_file_pages", "removexattr", "rename", "renameat", "renameat2", "restart_syscall", "rmdir", "rseq",
    "rt_sigaction", "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo", "rt_sigreturn", "rt_sigsuspend",
    "rt_sigtimedwait", "rt_sigtimedwait_time64", "rt_tgsigqueueinfo", "sched_get_priority_max",
    "sched_get_priority_min", "sched_getaffinity", "sched_getattr", "sched_getparam", "sched_getscheduler",
    "sched_rr_get_interval", "sched_rr_get_interval_time64", "sched_setaffinity", "sched_setattr",
    "sched_setparam", "sched_setscheduler", "sched_yield", "seccomp", "select", "semctl", "semget", "semop",
    "semtimedop", "semtimedop_time64", "send", "sendfile", "sendfile64", "sendmmsg", "sendmsg", "sendto",
    "set_mempolicy", "set_robust_list", "set_thread_area", "set_tid_address", "setfsgid", "setfsgid32",
    "setfsuid", "setfsuid32", "setgid", "setgid32", "setgroups", "setgroups32", "setitimer", "setns", "setpgid",
    "setpriority", "setregid", "setregid32", "setresgid", "setresgid32", "setresuid", "setresuid32", "setreuid",
    "setreuid32", "setrlimit", "setsid", "setsockopt", "setuid", "setuid32", "setxattr", "shmat", "shmctl",
    "shmdt", "shmget", "shutdown", "sigaction", "sigaltstack", "signal", "signalfd", "signalfd4", "sigpending",
    "sigprocmask", "sigreturn", "sigsuspend", "socketcall", "socketpair", "splice", "stat", "stat64", "statfs",
    "statfs64", "statx", "symlink", "symlinkat", "sync", "sync_file_range", "syncfs", "syscall", "sysinfo",
    "syslog", "tee", "tgkill", "time", "timer_create", "timer_delete", "timer_getoverrun", "timer_gettime",
    "timer_gettime64", "timer_settime", "timer_settime64", "timerfd", "timerfd_create", "timerfd_gettime",
    "timerfd_gettime64", "timerfd_settime", "timerfd_settime64", "times", "tkill", "truncate", "truncate64",
    "ugetrlimit", "umask", "umount", "umount2", "uname", "unlink", "unlinkat", "unshare", "utime", "utimensat",
    "utimensat_time64", "utimes", "vfork", "wait4", "waitid", "waitpid", "write", "writev",
];

/// Refused with EPERM for everyone (obsolete, host-wide or hard to contain).
#[rustfmt::skip]
const DENIED: &[&str] = &[
    "bdflush", "io_pgetevents", "kexec_file_load", "kexec_load", "migrate_pages", "move_pages", "nfsservctl",
    "nice", "oldfstat", "oldlstat", "oldolduname", "oldstat", "olduname", "pciconfig_iobase", "pciconfig_read",
    "pciconfig_write", "sgetmask", "ssetmask", "swapcontext", "swapoff", "swapon", "sysfs", "uselib",
    "userfaultfd", "ustat", "vm86", "vm86old", "vmsplice",
];

/// Allowed with the capability, EPERM without it.
const BY_CAP: &[(&str, &[&str])] = &[
    ("CAP_DAC_READ_SEARCH", &["open_by_handle_at"]),
    (
        "CAP_SYS_ADMIN",
        &["bpf", "fanotify_init", "lookup_dcookie", "perf_event_open", "quotactl", "setdomainname", "sethostname"],
    ),
    ("CAP_SYS_CHROOT", &["chroot"]),
    ("CAP_SYS_MODULE", &["delete_module", "finit_module", "init_module", "query_module"]),
    ("CAP_SYS_PACCT", &["acct"]),
    ("CAP_SYS_PTRACE", &["kcmp", "process_madvise"]),
    ("CAP_SYS_RAWIO", &["ioperm", "iopl"]),
    ("CAP_SYS_TIME", &["clock_settime", "clock_settime64", "settimeofday", "stime"]),
    ("CAP_SYS_TTY_CONFIG", &["vhangup"]),
];

/// Allowed on these architectures only.
const BY_ARCH: &[(&[&str], &[&str])] = &[
    (&["ppc64le"], &["sync_file_range2"]),
    (
        &["arm", "arm64"],
        &["arm_fadvise64_64", "arm_sync_file_range", "breakpoint", "cacheflush", "set_tls", "sync_file_range2"],
    ),
    (&["amd64", "x32"], &["arch_prctl"]),
    (&["amd64", "x32", "x86"], &["modify_ldt"]),
    (&["s390", "s390x"], &["s390_pci_mmio_read", "s390_pci_mmio_write", "s390_runtime_instr"]),
];

/// personality(2) personas allowed: PER_LINUX, PER_LINUX32, UNAME26, UNAME26|PER_LINUX32,
/// and 0xffffffff (query). Anything else gets the default ENOSYS.
const PERSONAS: &[u64] = &[0x0, 0x8, 0x20000, 0x20008, 0xffff_ffff];

/// (architecture, sub-architectures) for the docker-style archMap.
const ARCHES: &[(&str, &[&str])] = &[
    ("SCMP_ARCH_X86_64", &["SCMP_ARCH_X86", "SCMP_ARCH_X32"]),
    ("SCMP_ARCH_AARCH64", &["SCMP_ARCH_ARM"]),
    ("SCMP_ARCH_MIPS64", &["SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64N32"]),
    ("SCMP_ARCH_MIPS64N32", &["SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64"]),
    ("SCMP_ARCH_MIPSEL64", &["SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64N32"]),
    ("SCMP_ARCH_MIPSEL64N32", &["SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64"]),
    ("SCMP_ARCH_S390X", &["SCMP_ARCH_S390"]),
];

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn rule(names: &[&str], action: Action, errno_ret: Option<u32>) -> SyscallRule {
    SyscallRule {
        name: None,
        names: strings(names),
        action,
        errno_ret,
        args: Vec::new(),
        includes: Condition::default(),
        excludes: Condition::default(),
    }
}

fn arg(index: u32, op: CmpOp, value: u64) -> Arg {
    Arg { index, value, value_two: 0, op }
}

/// podman's default profile (see the notes above [`ALLOWED`]).
pub fn default_profile() -> ProfileSpec {
    let eperm = Some(libc::EPERM as u32);
    let mut rules = vec![rule(DENIED, Action::Errno, eperm), rule(ALLOWED, Action::Allow, None)];
    for &p in PERSONAS {
        rules.push(SyscallRule { args: vec![arg(0, CmpOp::Eq, p)], ..rule(&["personality"], Action::Allow, None) });
    }
    for &(arches, names) in BY_ARCH {
        let includes = Condition { arches: strings(arches), ..Condition::default() };
        rules.push(SyscallRule { includes, ..rule(names, Action::Allow, None) });
    }
    for &(cap, names) in BY_CAP {
        let only = Condition { caps: vec![cap.to_string()], ..Condition::default() };
        rules.push(SyscallRule { includes: only.clone(), ..rule(names, Action::Allow, None) });
        rules.push(SyscallRule { excludes: only, ..rule(names, Action::Errno, eperm) });
    }
    // Without CAP_AUDIT_WRITE, a netlink audit socket is refused with EINVAL (as if the
    // protocol did not exist) and every other socket is allowed; with it, all are.
    let (netlink, audit) = (libc::AF_NETLINK as u64, libc::NETLINK_AUDIT as u64);
    let audit_cap = Condition { caps: vec!["CAP_AUDIT_WRITE".into()], ..Condition::default() };
    let socket = |action, errno_ret, args| SyscallRule {
        args,
        excludes: audit_cap.clone(),
        ..rule(&["socket"], action, errno_ret)
    };
    rules.push(socket(
        Action::Errno,
        Some(libc::EINVAL as u32),
        vec![arg(0, CmpOp::Eq, netlink), arg(2, CmpOp::Eq, audit)],
    ));
    rules.push(socket(Action::Allow, None, vec![arg(2, CmpOp::Ne, audit)]));
    rules.push(socket(Action::Allow, None, vec![arg(0, CmpOp::Ne, netlink)]));
    rules.push(SyscallRule { includes: audit_cap.clone(), ..rule(&["socket"], Action::Allow, None) });

    ProfileSpec {
        default_action: Some(Action::Errno),
        default_errno_ret: Some(libc::ENOSYS as u32),
        arch_map: ARCHES
            .iter()
            .map(|(a, subs)| ArchMap { architecture: a.to_string(), sub_architectures: strings(subs) })
            .collect(),
        syscalls: rules,
        ..ProfileSpec::default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::caps;
    use super::*;

    /// The profile podman 4.3 itself uses on this host, for cross-checks when present.
    const PODMAN_FILE: &str = "/usr/share/containers/seccomp.json";

    fn default_caps() -> Vec<String> {
        strings(caps::DEFAULT)
    }

    /// (action, errnoRet, args) of every resolved rule for `name`.
    fn rules_for(p: &ProfileSpec, name: &str) -> Vec<(Action, Option<u32>, Vec<Arg>)> {
        let mut v = Vec::new();
        for r in p.syscalls.iter().filter(|r| r.all_names().any(|n| n == name)) {
            let rule = (r.action, r.errno_ret, r.args.clone());
            if !v.contains(&rule) {
                v.push(rule);
            }
        }
        v
    }

    fn tempfile() -> std::fs::File {
        let path =
            std::env::temp_dir().join(format!("burrow-bpf-{}-{:?}", std::process::id(), std::thread::current().id()));
        let f = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(true).open(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        f
    }

    #[test]
    fn default_profile_compiles() {
        let p = default_profile();
        p.validate().unwrap();
        for c in [default_caps(), Vec::new(), strings(&["CAP_SYS_ADMIN", "cap_audit_write", "sys_ptrace"])] {
            let ctx = compile(&p, &c).unwrap();
            let mut bpf = tempfile();
            ctx.export_bpf(&bpf).unwrap();
            assert!(io::Seek::seek(&mut bpf, io::SeekFrom::End(0)).unwrap() > 100);
        }
        // Serializes to the profile format and back unchanged.
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("\"defaultErrnoRet\":38") && json.contains("\"archMap\""));
        assert_eq!(serde_json::from_str::<ProfileSpec>(&json).unwrap(), p);
    }

    #[test]
    fn rules_follow_capabilities() {
        let p = default_profile();
        let plain = resolve(&p, &default_caps());
        let mut admin_caps = default_caps();
        admin_caps.push("sys_admin".into());
        let admin = resolve(&p, &admin_caps);
        let allow = vec![(Action::Allow, None, vec![])];
        let eperm = vec![(Action::Errno, Some(1), vec![])];
        for name in ["bpf", "sethostname", "perf_event_open"] {
            assert_eq!(rules_for(&plain, name), eperm, "{name}");
            assert_eq!(rules_for(&admin, name), allow, "{name}");
        }
        // mount, unshare, setns and keyctl are left to capabilities in podman's profile.
        for name in ["mount", "umount2", "unshare", "setns", "keyctl", "ptrace", "clone3"] {
            assert_eq!(rules_for(&plain, name), allow, "{name}");
        }
        for name in ["kexec_load", "swapon", "init_module", "userfaultfd"] {
            assert_eq!(rules_for(&plain, name), eperm, "{name}");
        }
        assert!(rules_for(&plain, "add_key").is_empty(), "add_key falls to the ENOSYS default");
        assert_eq!(rules_for(&plain, "chroot"), allow, "CAP_SYS_CHROOT is a default cap");
        assert_eq!(rules_for(&resolve(&p, &[]), "chroot"), eperm);
        assert_eq!(rules_for(&plain, "socket").len(), 3);
        assert_eq!(rules_for(&resolve(&p, &strings(&["CAP_AUDIT_WRITE"])), "socket"), allow);
        assert!(
            plain.arch_map.is_empty() && plain.syscalls.iter().all(|r| r.includes.is_empty() && r.excludes.is_empty())
        );
        if cfg!(target_arch = "x86_64") {
            assert_eq!(plain.architectures, ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]);
            assert_eq!(rules_for(&plain, "arch_prctl"), allow);
            assert!(rules_for(&plain, "cacheflush").is_empty());
        }
    }

    #[test]
    fn matches_podmans_own_file() {
        let Ok(theirs) = load_file(Path::new(PODMAN_FILE)) else {
            eprintln!("skipping: no {PODMAN_FILE}");
            return;
        };
        compile(&theirs, &default_caps()).unwrap();
        let mut all = ALLOWED.to_vec();
        all.extend(DENIED);
        all.extend(BY_CAP.iter().flat_map(|(_, n)| n.iter()));
        all.extend(["personality", "socket", "arch_prctl", "modify_ldt"]);
        for caps in [default_caps(), Vec::new(), strings(&["CAP_SYS_ADMIN", "CAP_AUDIT_WRITE", "CAP_SYS_TIME"])] {
            let (ours, theirs) = (resolve(&default_profile(), &caps), resolve(&theirs, &caps));
            assert_eq!(ours.architectures, theirs.architectures);
            for name in &all {
                let (a, mut b) = (rules_for(&ours, name), rules_for(&theirs, name));
                if *name == "setns" {
                    // Theirs lists it twice; the first, unconditional allow is what counts.
                    b.truncate(1);
                }
                assert_eq!(a, b, "{name} with {caps:?}");
            }
        }
    }

    fn write_profile(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        path
    }

    #[test]
    fn custom_files() {
        let dir = std::env::temp_dir().join(format!("burrow-seccomp-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = write_profile(&dir, "bad.json", r#"{"defaultAction":"SCMP_ACT_FOO","syscalls":[]}"#);
        let msg = load_file(&bad).unwrap_err().to_string();
        assert!(msg.contains(&*bad.to_string_lossy()) && msg.contains("SCMP_ACT_FOO"), "{msg}");
        let bad = write_profile(
            &dir,
            "rule.json",
            r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_NOPE"}]}"#,
        );
        let msg = load_file(&bad).unwrap_err().to_string();
        assert!(msg.contains("rule.json") && msg.contains("SCMP_ACT_NOPE"), "{msg}");
        let both = write_profile(
            &dir,
            "both.json",
            r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"name":"read","names":["write"],"action":"SCMP_ACT_ERRNO"}]}"#,
        );
        let msg = load_file(&both).unwrap_err().to_string();
        assert!(msg.contains("both.json") && msg.contains("syscalls[0]"), "{msg}");
        let notify = write_profile(&dir, "n.json", r#"{"defaultAction":"SCMP_ACT_NOTIFY"}"#);
        assert!(load_file(&notify).unwrap_err().to_string().contains("not supported"));
        let missing = dir.join("missing.json");
        assert!(load_file(&missing).unwrap_err().to_string().contains("missing.json"));
        assert!(Profile::from_option(&missing.to_string_lossy()).is_err());
        assert_eq!(Profile::from_option("unconfined").unwrap().spec(), None);

        // An old docker-style profile: single names, nulls, unknown keys, a syscall this
        // libseccomp does not know, a repeated argument index, minKernel.
        let old = write_profile(
            &dir,
            "old.json",
            r#"{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"comment":"x",
                "flags":null,"syscalls":[
                {"name":"read","action":"SCMP_ACT_ALLOW","args":null,"includes":null},
                {"names":["no_such_syscall_42","write"],"action":"SCMP_ACT_ALLOW","args":[]},
                {"names":["socket"],"action":"SCMP_ACT_ALLOW","args":[
                    {"index":0,"value":2,"op":"SCMP_CMP_EQ"},{"index":0,"value":10,"op":"SCMP_CMP_EQ"}]},
                {"names":["personality"],"action":"SCMP_ACT_TRACE","errnoRet":5,
                 "args":[{"index":0,"value":255,"valueTwo":8,"op":"SCMP_CMP_MASKED_EQ"}]},
                {"names":["mbind"],"action":"SCMP_ACT_ALLOW","includes":{"minKernel":"99.0"}},
                {"names":["kcmp"],"action":"SCMP_ACT_ALLOW","includes":{"minKernel":"3.0"}}]}"#,
        );
        let p = load_file(&old).unwrap();
        assert_eq!(p.default_action, Some(Action::Errno));
        let r = resolve(&p, &[]);
        assert!(rules_for(&r, "mbind").is_empty() && !rules_for(&r, "kcmp").is_empty());
        compile(&p, &[]).unwrap();
        let empty = write_profile(&dir, "empty.json", "{}");
        let p = load_file(&empty).unwrap();
        assert!(p.is_unconfined());
        install(&p, &[]).unwrap(); // installs nothing
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn errno_of(rc: libc::c_long) -> i32 {
        if rc < 0 {
            io::Error::last_os_error().raw_os_error().unwrap_or(0)
        } else {
            0
        }
    }

    /// Probes run after installing the profile and dropping to podman's default caps as
    /// root. The expected errnos are what podman 4.3 (runc, rootless, this host's
    /// /usr/share/containers/seccomp.json) gave for the same calls from a static probe in
    /// a busybox container: 0 means the call succeeded.
    #[cfg(target_arch = "x86_64")]
    fn probe(which: &str) -> Result<(), String> {
        use libc::*;
        // A private mount and UTS namespace: nothing below can touch the host's even if a
        // check fails.
        let private = unsafe {
            unshare(CLONE_NEWNS | CLONE_NEWUTS) == 0
                && mount(std::ptr::null(), c"/".as_ptr(), std::ptr::null(), MS_REC | MS_PRIVATE, std::ptr::null()) == 0
        };
        if !private {
            return Err("making a private mount namespace failed".into());
        }
        let profile = if which == "file" {
            load_file(Path::new(PODMAN_FILE)).map_err(|e| e.to_string())?
        } else {
            default_profile()
        };
        install(&profile, &default_caps()).map_err(|e| e.to_string())?;
        caps::apply(&caps::sets_for(&default_caps(), 0).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
        let n = std::ptr::null::<c_void>();
        // errno is read right after each call, before the next one can change it.
        let r = |rc: c_long| (rc, errno_of(rc));
        let probes: Vec<(&str, (c_long, i32), i32)> = unsafe {
            vec![
                ("mount", r(mount(c"none".as_ptr(), c"/tmp".as_ptr(), c"tmpfs".as_ptr(), 0, n).into()), EPERM),
                ("umount2", r(umount2(c"/tmp".as_ptr(), 0).into()), EPERM),
                ("unshare(NEWNS)", r(unshare(CLONE_NEWNS).into()), EPERM),
                ("setns(-1)", r(setns(-1, 0).into()), EBADF),
                ("keyctl(GET_KEYRING_ID)", r(syscall(SYS_keyctl, 0, -3, 0)), 0),
                ("add_key", r(syscall(SYS_add_key, c"user".as_ptr(), c"x".as_ptr(), c"y".as_ptr(), 1, -3)), ENOSYS),
                ("request_key", r(syscall(SYS_request_key, c"user".as_ptr(), c"x".as_ptr(), n, -3)), ENOSYS),
                ("bpf", r(syscall(SYS_bpf, 0, n, 0)), EPERM),
                ("perf_event_open", r(syscall(SYS_perf_event_open, n, 0, -1, -1, 0)), EPERM),
                ("ptrace(GETREGS, self)", r(syscall(SYS_ptrace, 12, getpid(), 0, 0)), ESRCH),
                ("reboot(bad magic)", r(syscall(SYS_reboot, 0, 0, 0, 0)), EPERM),
                ("swapon", r(syscall(SYS_swapon, c"/nonexistent".as_ptr(), 0)), EPERM),
                ("kexec_load", r(syscall(SYS_kexec_load, 0, 0, n, 0)), EPERM),
                ("init_module", r(syscall(SYS_init_module, n, 0, c"".as_ptr())), EPERM),
                ("pivot_root", r(syscall(SYS_pivot_root, c"/nonexistent".as_ptr(), c"/nonexistent".as_ptr())), EPERM),
                ("sethostname", r(sethostname(c"x".as_ptr(), 1).into()), EPERM),
                ("userfaultfd", r(syscall(SYS_userfaultfd, 0)), EPERM),
                ("io_uring_setup", r(syscall(SYS_io_uring_setup, 0, n)), ENOSYS),
                ("socket(NETLINK_AUDIT)", r(socket(AF_NETLINK, SOCK_RAW, NETLINK_AUDIT).into()), EINVAL),
                ("socket(NETLINK_ROUTE)", r(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE).into()), 0),
                ("personality(query)", r(syscall(SYS_personality, 0xffff_ffffu64)), 0),
                ("personality(READ_IMPLIES_EXEC)", r(syscall(SYS_personality, 0x40_0000u64)), ENOSYS),
                ("open_by_handle_at", r(syscall(SYS_open_by_handle_at, -1, n, 0)), EPERM),
                ("clone3(NULL)", r(syscall(SYS_clone3, n, 0)), EINVAL),
                ("syscall 1000", r(syscall(1000)), ENOSYS),
                ("ioperm", r(syscall(SYS_ioperm, 0, 1, 1)), EPERM),
                ("settimeofday", r(syscall(SYS_settimeofday, n, n)), EPERM),
                ("acct", r(syscall(SYS_acct, n)), EPERM),
                ("kcmp", r(syscall(SYS_kcmp, getpid(), getpid(), 0, 0, 0)), EPERM),
                ("mbind", r(syscall(SYS_mbind, n, 0, 0, n, 0, 0)), 0),
                ("getpid", r(syscall(SYS_getpid)), 0),
                ("write", r(write(1, c"".as_ptr().cast(), 0) as c_long), 0),
                // Last: it leaves the namespace that holds our capabilities.
                ("unshare(NEWUSER)", r(unshare(CLONE_NEWUSER).into()), 0),
            ]
        };
        let bad: Vec<String> = probes
            .iter()
            .filter(|(_, (rc, errno), want)| errno != want || (*rc < 0) != (*want != 0))
            .map(|(name, (rc, errno), want)| format!("{name}: rc {rc} errno {errno} (podman: {want})"))
            .collect();
        if bad.is_empty() {
            Ok(())
        } else {
            Err(bad.join("; "))
        }
    }

    /// Child half of `probes_match_podman`, see caps::tests::apply_child.
    #[test]
    #[ignore = "helper run by probes_match_podman"]
    fn probe_child() {
        let Ok(which) = std::env::var("BURROW_SECCOMP_CHILD") else { return };
        #[cfg(target_arch = "x86_64")]
        caps::tests::forked(|| probe(&which)).unwrap();
        println!("SECCOMP-CHILD-OK {which}");
    }

    #[test]
    fn probes_match_podman() {
        if !cfg!(target_arch = "x86_64") || unsafe { libc::geteuid() } != 0 {
            eprintln!("skipping: needs root on x86_64");
            return;
        }
        let mut which = vec!["default"];
        if Path::new(PODMAN_FILE).exists() {
            which.push("file");
        }
        let name = format!("{}::probe_child", module_path!().split_once("::").unwrap().1);
        for w in which {
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", &name, "--ignored", "--nocapture", "--test-threads=1"])
                .env("BURROW_SECCOMP_CHILD", w)
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && stdout.contains("SECCOMP-CHILD-OK"),
                "{w}: {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// A filter as libseccomp compiled it: the raw BPF program (an array of `sock_filter`),
/// loaded with seccomp(2) directly.
pub struct Compiled(pub Vec<u8>);

/// Compiles a profile for a cap set, or reads it from `cache_dir` when the same profile
/// and caps were compiled before. libseccomp takes ~15 ms for podman's profile; a cached
/// program loads in microseconds, which is most of a container start.
/// Returns None for an unconfined (empty) profile.
pub fn compile_cached(
    profile: &ProfileSpec,
    caps: &[String],
    cache_dir: &Path,
) -> Result<Option<Compiled>, SeccompError> {
    if profile.is_unconfined() {
        return Ok(None);
    }
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(serde_json::to_vec(profile).unwrap_or_default());
    let mut sorted: Vec<&String> = caps.iter().collect();
    sorted.sort();
    for c in sorted {
        h.update(c.as_bytes());
        h.update(b"\0");
    }
    h.update(std::env::consts::ARCH.as_bytes());
    let key = hex::encode(h.finalize());
    let path = cache_dir.join(format!("seccomp-{key}.bpf"));
    if let Ok(data) = std::fs::read(&path) {
        if !data.is_empty() && data.len() % 8 == 0 {
            return Ok(Some(Compiled(data)));
        }
    }
    let ctx = compile(profile, caps)?;
    let _ = std::fs::create_dir_all(cache_dir);
    // Not the pid alone: every container's init is pid 1 of its own namespace.
    let mut nonce = [0u8; 8];
    unsafe { libc::getrandom(nonce.as_mut_ptr().cast(), nonce.len(), 0) };
    let tmp = cache_dir.join(format!(".seccomp-{key}.{}.{}", std::process::id(), hex::encode(nonce)));
    let io = |what: &'static str| move |e: std::io::Error| SeccompError::Io { what: what.into(), source: e };
    let file = std::fs::File::create(&tmp).map_err(io("creating the seccomp cache file"))?;
    ctx.export_bpf(&file).map_err(lib_err("exporting the filter"))?;
    drop(file);
    let data = std::fs::read(&tmp).map_err(io("reading the compiled filter"))?;
    // Renamed into place whole, so a concurrent reader never sees half a program.
    let _ = std::fs::rename(&tmp, &path);
    Ok(Some(Compiled(data)))
}

/// Loads a compiled program on the calling thread (same rules as [`install`]).
pub fn load_compiled(c: &Compiled) -> std::io::Result<()> {
    #[repr(C)]
    struct SockFprog {
        len: u16,
        filter: *const u8,
    }
    let prog = SockFprog { len: (c.0.len() / 8) as u16, filter: c.0.as_ptr() };
    const SECCOMP_SET_MODE_FILTER: libc::c_ulong = 1;
    let r = unsafe {
        libc::syscall(libc::SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0 as libc::c_ulong, &prog as *const SockFprog)
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
