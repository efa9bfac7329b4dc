//! `top`, `pause`/`unpause` and `diff`: looking at a container's processes and files.
//!
//! Processes are found by pid namespace (every host pid whose /proc/PID/ns/pid is the
//! init's). Pausing uses SIGSTOP/SIGCONT on each of them: the cgroup freezer needs a
//! delegated cgroup v2 subtree, which rootless users on cgroup v1 hosts don't have.

use std::path::{Path, PathBuf};

use super::super::Engine;
use crate::error::{Error, Result};
use crate::storage::containers::{self, State};

/// Host pids of every process in the pid namespace of `init`.
fn pids_in_ns(init: i32) -> Vec<i32> {
    let Ok(target) = std::fs::read_link(format!("/proc/{init}/ns/pid")) else { return vec![] };
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for e in entries.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
            if std::fs::read_link(format!("/proc/{pid}/ns/pid")).ok().as_ref() == Some(&target) {
                out.push(pid);
            }
        }
    }
    out.sort();
    out
}

fn status_field(status: &str, key: &str) -> String {
    status.lines().find_map(|l| l.strip_prefix(key)).map(|v| v.trim().to_string()).unwrap_or_default()
}

/// The columns `podman top` prints by default.
pub const DEFAULT_DESCRIPTORS: &[&str] = &["user", "pid", "ppid", "%cpu", "elapsed", "tty", "time", "args"];

fn header(d: &str) -> Result<&'static str> {
    Ok(match d {
        "user" => "USER",
        "pid" => "PID",
        "ppid" => "PPID",
        "%cpu" | "pcpu" => "%CPU",
        "elapsed" | "etime" => "ELAPSED",
        "tty" => "TTY",
        "time" => "TIME",
        "args" | "command" => "COMMAND",
        "comm" => "COMMAND",
        "uid" => "UID",
        "gid" => "GID",
        "group" => "GROUP",
        "nice" => "NI",
        "state" | "stat" => "STATE",
        "vsz" => "VSZ",
        "rss" => "RSS",
        other => return Err(Error::usage(format!("unknown descriptor: {other}"))),
    })
}

impl Engine {
    /// Rows for `top`: a header and one row per process, columns as asked.
    pub fn top_container(&mut self, name: &str, descriptors: &[String]) -> Result<Vec<Vec<String>>> {
        let c = self.container(name)?;
        if c.state != State::Running && c.state != State::Paused {
            return Err(Error::Conflict {
                msg: "top can only be used on running containers: container state improper".into(),
                hint: None,
            });
        }
        let ds: Vec<String> = if descriptors.is_empty() {
            DEFAULT_DESCRIPTORS.iter().map(|s| s.to_string()).collect()
        } else {
            descriptors.to_vec()
        };
        let mut rows = vec![ds.iter().map(|d| header(d).map(str::to_string)).collect::<Result<Vec<_>>>()?];
        let passwd = std::fs::read_to_string(format!("/proc/{}/root/etc/passwd", c.pid)).unwrap_or_default();
        let group = std::fs::read_to_string(format!("/proc/{}/root/etc/group", c.pid)).unwrap_or_default();
        let name_of = |text: &str, id: &str| {
            text.lines()
                .find_map(|l| {
                    let f: Vec<&str> = l.split(':').collect();
                    (f.len() > 2 && f[2] == id).then(|| f[0].to_string())
                })
                .unwrap_or_else(|| id.to_string())
        };
        let tick = 100.0f64;
        let uptime: f64 = std::fs::read_to_string("/proc/uptime")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse().ok())
            .unwrap_or(0.0);
        for pid in pids_in_ns(c.pid) {
            let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else { continue };
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
            let f: Vec<&str> = after.split_whitespace().collect();
            let num = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
            let cpu_secs = (num(11) + num(12)) / tick;
            let elapsed = (uptime - num(19) / tick).max(0.0);
            // NSpid lists the pid in each namespace: the last is the container's view.
            let nspid = status_field(&status, "NSpid:").split_whitespace().last().unwrap_or("").to_string();
            let ppid_host = status_field(&status, "PPid:");
            let ppid = std::fs::read_to_string(format!("/proc/{ppid_host}/status"))
                .ok()
                .filter(|_| ppid_host != "0")
                .map(|s| status_field(&s, "NSpid:").split_whitespace().last().unwrap_or("0").to_string())
                .unwrap_or_else(|| "0".into());
            let ppid = if nspid == "1" { "0".to_string() } else { ppid };
            let uid = status_field(&status, "Uid:").split_whitespace().nth(1).unwrap_or("0").to_string();
            let gid = status_field(&status, "Gid:").split_whitespace().nth(1).unwrap_or("0").to_string();
            let args = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let args =
                String::from_utf8_lossy(&args).split('\0').filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
            let row = ds
                .iter()
                .map(|d| match d.as_str() {
                    "user" => name_of(&passwd, &uid),
                    "group" => name_of(&group, &gid),
                    "uid" => uid.clone(),
                    "gid" => gid.clone(),
                    "pid" => nspid.clone(),
                    "ppid" => ppid.clone(),
                    "%cpu" | "pcpu" => format!("{:.3}", if elapsed > 0.0 { 100.0 * cpu_secs / elapsed } else { 0.0 }),
                    "elapsed" | "etime" => format!("{elapsed:.9}s"),
                    "tty" => "?".into(),
                    "time" => format!("{}s", cpu_secs as u64),
                    "comm" => status_field(&status, "Name:"),
                    "nice" => f.get(16).unwrap_or(&"0").to_string(),
                    "state" | "stat" => f.first().unwrap_or(&"?").to_string(),
                    "vsz" => status_field(&status, "VmSize:").trim_end_matches(" kB").trim().to_string(),
                    "rss" => status_field(&status, "VmRSS:").trim_end_matches(" kB").trim().to_string(),
                    _ => args.clone(),
                })
                .collect();
            rows.push(row);
        }
        Ok(rows)
    }

    /// `pause` (true) / `unpause` (false).
    pub fn pause_container(&mut self, name: &str, pause: bool) -> Result<()> {
        let mut c = self.container(name)?;
        match (pause, c.state) {
            (true, State::Running) | (false, State::Paused) => {}
            (true, State::Paused) => {
                return Err(Error::Conflict {
                    msg: format!("\"{}\" is already paused: container state improper", c.id),
                    hint: None,
                })
            }
            (false, _) => {
                return Err(Error::Conflict {
                    msg: format!("\"{}\" is not paused, can't unpause: container state improper", c.id),
                    hint: None,
                })
            }
            (true, _) => {
                return Err(Error::Conflict {
                    msg: format!("\"{}\" is not running, can't pause: container state improper", c.id),
                    hint: None,
                })
            }
        }
        let sig = if pause { libc::SIGSTOP } else { libc::SIGCONT };
        for pid in pids_in_ns(c.pid) {
            unsafe { libc::kill(pid, sig) };
        }
        c.state = if pause { State::Paused } else { State::Running };
        self.store.db.write_state("recording the pause", |tx| containers::update_state(tx, &c))
    }

    /// `diff`: changes of the container's filesystem against its image, as
    /// `A path` (added), `C path` (changed), `D path` (deleted), sorted by path.
    pub fn diff_container(&mut self, name: &str) -> Result<Vec<(char, String)>> {
        let c = self.container(name)?;
        let upper = self.store.paths.container(&c.id).join("upper");
        let images = self.store.db.images()?;
        let lowers: Vec<PathBuf> = images
            .iter()
            .find(|i| i.id == c.image_id)
            .map(|i| i.layers.iter().map(|l| self.store.layer_diff(l)).collect())
            .unwrap_or_default();
        let mut out = Vec::new();
        if self.is_vfs_copy(&c.id) {
            // upper/ is a whole copy of the root: compare it with the image.
            let image = crate::engine::build::copy::SourceTree::layers(lowers.iter().rev().cloned().collect());
            out = crate::engine::build::copy::copy_changes(&upper, &image);
        } else {
            walk(&upper, &upper, &lowers, &mut out);
        }
        out.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(out)
    }
}


fn walk(base: &Path, dir: &Path, lowers: &[PathBuf], out: &mut Vec<(char, String)>) {
    use std::os::unix::fs::FileTypeExt;
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let rel = path.strip_prefix(base).map(|r| r.to_path_buf()).unwrap_or_default();
        let shown = format!("/{}", rel.display());
        let Ok(ft) = e.file_type() else { continue };
        let in_lower = lowers.iter().any(|l| std::fs::symlink_metadata(l.join(&rel)).is_ok());
        if ft.is_char_device()
            && std::fs::metadata(&path).map(|m| std::os::unix::fs::MetadataExt::rdev(&m) == 0).unwrap_or(false)
        {
            out.push(('D', shown));
            continue;
        }
        out.push((if in_lower { 'C' } else { 'A' }, shown));
        if ft.is_dir() {
            walk(base, &path, lowers, out);
        }
    }
}
