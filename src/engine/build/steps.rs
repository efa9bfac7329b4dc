//! One Containerfile instruction applied to a stage: metadata instructions change the
//! config, RUN runs a container and commits its changes, COPY/ADD commit the files.

use serde_json::{Map, Value};

use super::copy::{self, CopyPlan, Overrides, SourceTree};
use super::{cache_key, Build, State, PREDEFINED_ARGS};
use crate::engine::container::create::CreateOptions;
use crate::engine::container::start::{Attach, StartOutcome};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::images::build::parser::{self, Args, Instruction};
use crate::images::config::History;

impl Engine {
    pub(super) fn step(&mut self, b: &mut Build, st: &mut State, ins: &Instruction) -> Result<()> {
        match ins.keyword.as_str() {
            "ARG" => declare_args(b, st, ins),
            "RUN" => self.run_step(b, st, ins),
            "COPY" | "ADD" => self.copy_step(b, st, ins),
            "FROM" => Err(b.err(ins, "FROM is not allowed here")),
            _ => {
                let before = st.cfg.config.clone();
                apply_meta(b, st, ins)?;
                let resolved = serde_json::to_string(&st.cfg.config).map_err(Error::other)?;
                let key = cache_key(st, &[&ins.keyword, &resolved, &ins.original]);
                let after = std::mem::replace(&mut st.cfg.config, before);
                if self.cached(b, st, &key)? {
                    return Ok(());
                }
                st.cfg.config = after;
                let h = History {
                    created_by: Some(format!("/bin/sh -c #(nop) {} {}", ins.keyword, ins.original.trim())),
                    empty_layer: true,
                    ..Default::default()
                };
                self.commit_state(st, None, Some(h), b.record(&key), b.opts.docker_format)
            }
        }
    }

    fn run_step(&mut self, b: &mut Build, st: &mut State, ins: &Instruction) -> Result<()> {
        let mut network = b.opts.network.clone().unwrap_or_else(|| "host".into());
        let mut mount_specs = Vec::new();
        for (k, v) in &ins.flags {
            match k.as_str() {
                "network" => network = if v == "default" { "host".into() } else { v.clone() },
                "mount" => mount_specs.push(expand(b, st, ins, v)?),
                "security" => {}
                other => return Err(b.err(ins, format!("unknown flag --{other}"))),
            }
        }
        let mounts = self.run_mounts(b, st, ins, &mount_specs)?;
        let shell = shell_of(st);
        let (command, shown) = match &ins.args {
            Args::Exec(v) => (v.clone(), serde_json::to_string(v).unwrap_or_default()),
            Args::Shell(s) if !ins.heredocs.is_empty() => {
                let only_heredoc = s.trim().starts_with("<<") && ins.heredocs.len() == 1;
                let script = if only_heredoc {
                    ins.heredocs[0].content.clone()
                } else {
                    let mut t = format!("{s}\n");
                    for h in &ins.heredocs {
                        t.push_str(&h.content);
                        t.push_str(&h.name);
                        t.push('\n');
                    }
                    t
                };
                let mut c = shell.clone();
                c.push(script.clone());
                (c, script)
            }
            Args::Shell(s) => {
                let mut c = shell.clone();
                c.push(s.trim().to_string());
                (c, s.trim().to_string())
            }
        };
        // Build args in scope reach RUN as environment (an ENV of the same name wins).
        let env_names: Vec<String> =
            st.cfg.config.env.iter().flatten().filter_map(|e| e.split('=').next().map(str::to_string)).collect();
        let mut arg_env: Vec<String> = Vec::new();
        for (k, v) in &st.args {
            if let Some(v) = v {
                if !env_names.contains(k) {
                    arg_env.push(format!("{k}={v}"));
                }
            }
        }
        for p in PREDEFINED_ARGS {
            if let Some(v) = b.build_args.get(*p) {
                arg_env.push(format!("{p}={v}"));
            }
        }
        let cmd_json = serde_json::to_string(&command).map_err(Error::other)?;
        let key = cache_key(st, &["RUN", &cmd_json, &arg_env.join("\n"), &network, &mounts.key.join("\n")]);
        if self.cached(b, st, &key)? {
            return Ok(());
        }
        let failed = |code: i32| Error::WithCode {
            msg: format!(
                "building at STEP \"RUN {}\" ({}:{}): while running runtime: exit status {code}",
                shown.trim(),
                b.file,
                ins.line
            ),
            code,
        };
        // podman's runtime fails to create a container whose program is missing (RUN on a
        // bare `FROM scratch`): its message, and exit status 1.
        if let Some(why) = missing_program(&self.state_tree(st), st, &command) {
            eprintln!(
                "error running container: from burrow creating container for [{}]: {why}\n: exit status 1",
                command.join(" ")
            );
            return Err(failed(1));
        }
        if st.image_id.is_empty() || st.dirty {
            self.commit_state(st, None, None, None, b.opts.docker_format)?;
        }
        let opts = CreateOptions {
            image: st.image_id.clone(),
            command,
            entrypoint: Some(String::new()),
            env: arg_env,
            secret_env: mounts.env.clone(),
            network,
            spec_mounts: mounts.spec.clone(),
            ..Default::default()
        };
        let row = self.create_container(&opts).map_err(|e| b.err(ins, e))?;
        let outcome = self.start_container(&row, Attach::Yes { sig_proxy: true, detach_keys: vec![] });
        let code = match outcome {
            Ok(StartOutcome::Exited { code, .. }) => code,
            Ok(StartOutcome::Running(_) | StartOutcome::Detached(_)) => 0,
            Err(e) => {
                let _ = self.remove_container(&row.id, true, false);
                return Err(b.err(ins, e));
            }
        };
        if code != 0 {
            let _ = self.remove_container(&row.id, true, false);
            return Err(failed(code));
        }
        let upper = self.store.paths.container(&row.id).join("upper");
        let below = self.state_tree(st);
        super::mounts::remove_mount_points(&upper, &mounts.targets, &below);
        drop(mounts);
        let parent = st.layers.last().cloned();
        let copy = self.is_vfs_copy(&row.id);
        let staged = self.stage_build_layer(parent.as_deref(), "RUN", |w| {
            let skip = |rel: &str, meta: &std::fs::Metadata| runtime_artifact(&below, rel, meta);
            if copy {
                super::layer::write_copy_tar(&upper, &below, w, &skip)
            } else {
                super::layer::write_upper_tar(&upper, w, &skip, &crate::runtime::fdcopy::same_owners)
            }
        });
        let _ = self.remove_container(&row.id, true, false);
        let staged = staged?;
        let h = History { created_by: Some(format!("/bin/sh -c {shown}")), ..Default::default() };
        self.commit_state(st, Some(staged), Some(h), b.record(&key), b.opts.docker_format)
    }

    fn copy_step(&mut self, b: &mut Build, st: &mut State, ins: &Instruction) -> Result<()> {
        let add = ins.keyword == "ADD";
        let mut from = None;
        let mut chown = None;
        let mut chmod = None;
        for (k, v) in &ins.flags {
            let v = expand(b, st, ins, v)?;
            match k.as_str() {
                "from" if !add => from = Some(v),
                "chown" => chown = Some(v),
                "chmod" => {
                    chmod = Some(
                        u32::from_str_radix(&v, 8)
                            .map_err(|_| b.err(ins, format!("invalid --chmod={v}: expected an octal mode")))?,
                    )
                }
                "link" | "checksum" | "keep-git-dir" => {}
                other => return Err(b.err(ins, format!("unknown flag --{other}"))),
            }
        }
        let mut words = match &ins.args {
            Args::Exec(v) => v.iter().map(|w| expand(b, st, ins, w)).collect::<Result<Vec<_>>>()?,
            Args::Shell(s) => parser::words(s, b.escape, &|n| lookup(b, st, n)).map_err(|e| b.err(ins, e))?,
        };
        if words.len() < 2 {
            return Err(b.err(ins, format!("{} requires at least two arguments: SOURCE... DEST", ins.keyword)));
        }
        let dest_raw = words.pop().unwrap_or_default();
        let below = self.state_tree(st);
        let workdir =
            if st.cfg.config.working_dir.is_empty() { "/".to_string() } else { st.cfg.config.working_dir.clone() };
        let dest_abs = if dest_raw.starts_with('/') { dest_raw.clone() } else { format!("{workdir}/{dest_raw}") };
        let dest = copy::clean_rel(&dest_abs).map_err(|e| b.err(ins, e))?.join("/");
        let dest_exists_dir = below.find(&copy::clean_rel(&dest).unwrap_or_default()).is_some_and(|n| n.meta.is_dir());
        let (tree, preserve) = match &from {
            Some(f) => match b.stage_ref(f, b.stages.len()).and_then(|i| b.built.get(&i)) {
                Some(s) => (self.state_tree(s), true),
                None => {
                    let id = self
                        .base_image(f, b.opts.pull)
                        .map_err(|e| b.err(ins, format!("--from={f}: no stage or image of that name: {e}")))?;
                    let s = self.load_state(&id)?.ok_or_else(|| b.err(ins, format!("--from={f}: image not known")))?;
                    (self.state_tree(&s), true)
                }
            },
            None => (SourceTree::context(b.ctx_dir.clone(), b.ignore.clone()), false),
        };
        let owner = match &chown {
            Some(c) => Some(copy::parse_chown(c, &below).map_err(|e| b.err(ins, e))?),
            None => None,
        };
        let ov = Overrides { owner, chmod };
        let mut plan = CopyPlan::default();
        let many = words.len() > 1 || words.iter().any(|w| crate::images::build::ignore::has_glob(w));
        let dest_is_dir = dest_raw.ends_with('/') || many || dest_exists_dir;
        for src in &words {
            if let Some(h) =
                ins.heredocs.iter().find(|h| src == &format!("<<{}", h.name) || src == &format!("<<-{}", h.name))
            {
                let content = if h.expand {
                    expand(b, st, ins, &h.content).unwrap_or_else(|_| h.content.clone())
                } else {
                    h.content.clone()
                };
                let target = if dest_is_dir { copy::join(&dest, &h.name) } else { dest.clone() };
                let (uid, gid) = ov.owner.unwrap_or((0, 0));
                plan.entries.insert(
                    target,
                    copy::Entry {
                        content: copy::Content::Data(content.into_bytes()),
                        mode: ov.chmod.unwrap_or(0o644),
                        uid,
                        gid,
                        mtime: 0,
                    },
                );
                continue;
            }
            if add && (src.starts_with("http://") || src.starts_with("https://")) {
                let data = download(src).map_err(|e| b.err(ins, e))?;
                let base = src.rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or("index.html");
                let target = if dest_is_dir { copy::join(&dest, base) } else { dest.clone() };
                let (uid, gid) = ov.owner.unwrap_or((0, 0));
                plan.entries.insert(
                    target,
                    copy::Entry {
                        content: copy::Content::Data(data),
                        mode: ov.chmod.unwrap_or(0o600),
                        uid,
                        gid,
                        mtime: 0,
                    },
                );
                continue;
            }
            let rel =
                copy::clean_rel(src).map_err(|_| b.err(ins, format!("source {src:?} is outside the build context")))?;
            let matches = if crate::images::build::ignore::has_glob(src) {
                let m = tree.glob(&rel);
                if m.is_empty() {
                    return Err(b.err(ins, format!("no source files match {src:?}")));
                }
                m
            } else {
                vec![rel]
            };
            for m in matches {
                let node = tree.resolve(m.clone()).map_err(|e| b.err(ins, e))?.ok_or_else(|| {
                    b.err(
                        ins,
                        format!(
                            "source {src:?} not found{}",
                            if from.is_some() { "" } else { " in the build context" }
                        ),
                    )
                })?;
                if node.meta.is_dir() {
                    plan.add_tree(&tree, &node, &dest, ov, preserve).map_err(|e| b.err(ins, e))?;
                    continue;
                }
                let name = m.last().cloned().unwrap_or_default();
                if add && from.is_none() && copy::is_tar_archive(&node.path) {
                    plan.entries.insert(
                        dest.clone(),
                        copy::Entry {
                            content: copy::Content::Archive(node.path.clone()),
                            mode: 0o755,
                            uid: 0,
                            gid: 0,
                            mtime: 0,
                        },
                    );
                    continue;
                }
                let target = if dest_is_dir { copy::join(&dest, &name) } else { dest.clone() };
                plan.add_tree(&tree, &node, &target, ov, preserve).map_err(|e| b.err(ins, e))?;
            }
        }
        if dest_is_dir && !dest.is_empty() && !plan.entries.contains_key(&dest) {
            let (uid, gid) = ov.owner.unwrap_or((0, 0));
            plan.entries
                .insert(dest.clone(), copy::Entry { content: copy::Content::Dir, mode: 0o755, uid, gid, mtime: 0 });
        }
        plan.entries.remove("");
        plan.add_parents(&below);
        let hash = plan.content_hash()?;
        let flags = format!("{:?}", ins.flags);
        let key = cache_key(st, &[&ins.keyword, &hash, &dest, &flags]);
        if self.cached(b, st, &key)? {
            return Ok(());
        }
        let parent = st.layers.last().cloned();
        let staged = self.stage_build_layer(parent.as_deref(), &ins.keyword, |w| plan.write_tar(w))?;
        let h = History {
            created_by: Some(format!("/bin/sh -c #(nop) {} file:{hash} in /{dest} ", ins.keyword)),
            ..Default::default()
        };
        self.commit_state(st, Some(staged), Some(h), b.record(&key), b.opts.docker_format)
    }
}

/// runc's words when a RUN's program is not in the image: an absolute path that isn't
/// there, or a name found in none of the image's PATH directories.
fn missing_program(tree: &SourceTree, st: &State, command: &[String]) -> Option<String> {
    let exe = command.first()?;
    let exists = |p: &str| copy::clean_rel(p).ok().and_then(|r| tree.resolve(r).ok().flatten()).is_some();
    if exe.contains('/') {
        let abs = if exe.starts_with('/') { exe.clone() } else { format!("/{exe}") };
        return (!exists(&abs)).then(|| format!("exec: \"{exe}\": stat {exe}: no such file or directory"));
    }
    let path = st
        .cfg
        .config
        .env
        .iter()
        .flatten()
        .find_map(|e| e.strip_prefix("PATH="))
        .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        .to_string();
    let found = path.split(':').filter(|d| d.starts_with('/')).any(|d| exists(&format!("{d}/{exe}")));
    (!found).then(|| format!("exec: \"{exe}\": executable file not found in $PATH"))
}

/// Files the runtime creates as mount points (and which the image below lacks) are not
/// part of what RUN changed.
pub(super) fn runtime_artifact(below: &SourceTree, rel: &str, meta: &std::fs::Metadata) -> bool {
    const FILES: &[&str] = &["etc/hosts", "etc/hostname", "etc/resolv.conf", "run/.containerenv"];
    const DIRS: &[&str] = &["proc", "sys", "dev", "run", "etc", "tmp"];
    let empty_file = meta.is_file() && meta.len() == 0 && FILES.contains(&rel);
    let empty_dir = meta.is_dir() && DIRS.contains(&rel);
    if !(empty_file || empty_dir) {
        return false;
    }
    let comps: Vec<String> = rel.split('/').map(str::to_string).collect();
    below.find(&comps).is_none()
}

fn download(url: &str) -> std::result::Result<Vec<u8>, String> {
    let mut resp = ureq::get(url).call().map_err(|e| format!("downloading {url}: {e}"))?;
    resp.body_mut().with_config().limit(1 << 32).read_to_vec().map_err(|e| format!("downloading {url}: {e}"))
}

fn shell_of(st: &State) -> Vec<String> {
    match st.cfg.config.other.get("Shell") {
        Some(Value::Array(a)) if !a.is_empty() => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => vec!["/bin/sh".into(), "-c".into()],
    }
}

/// A variable's value in a stage: ENV first, then the stage's ARGs.
fn lookup(b: &Build, st: &State, name: &str) -> Option<String> {
    for e in st.cfg.config.env.iter().flatten().rev() {
        if let Some((k, v)) = e.split_once('=') {
            if k == name {
                return Some(v.to_string());
            }
        }
    }
    let _ = b;
    st.args.iter().rev().find(|(k, _)| k == name).and_then(|(_, v)| v.clone())
}

fn expand(b: &Build, st: &State, ins: &Instruction, s: &str) -> Result<String> {
    parser::expand(s, b.escape, &|n| lookup(b, st, n)).map_err(|e| b.err(ins, e))
}

fn shell_words(b: &Build, st: &State, ins: &Instruction) -> Result<Vec<String>> {
    match &ins.args {
        Args::Exec(v) => v.iter().map(|w| expand(b, st, ins, w)).collect(),
        Args::Shell(s) => parser::words(s, b.escape, &|n| lookup(b, st, n)).map_err(|e| b.err(ins, e)),
    }
}

fn declare_args(b: &mut Build, st: &mut State, ins: &Instruction) -> Result<()> {
    for w in shell_words(b, st, ins)? {
        let (k, default) = match w.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (w.clone(), None),
        };
        if k.is_empty() {
            return Err(b.err(ins, format!("invalid ARG {w:?}")));
        }
        let value = b.build_args.get(&k).cloned().or(default).or_else(|| b.global_lookup(&k));
        let value = value.or_else(|| super::platform_arg(&k));
        b.used_args.insert(k.clone());
        st.args.push((k, value));
    }
    Ok(())
}

/// Exec form as given; shell form wrapped in the stage's SHELL.
fn command_form(st: &State, ins: &Instruction) -> Vec<String> {
    match &ins.args {
        Args::Exec(v) => v.clone(),
        Args::Shell(s) => {
            let mut c = shell_of(st);
            c.push(s.trim().to_string());
            c
        }
    }
}

fn apply_meta(b: &mut Build, st: &mut State, ins: &Instruction) -> Result<()> {
    match ins.keyword.as_str() {
        "ENV" => {
            let words = shell_words(b, st, ins)?;
            let pairs: Vec<(String, String)> = if words.first().is_some_and(|w| !w.contains('=')) {
                let Args::Shell(s) = &ins.args else { return Err(b.err(ins, "ENV requires KEY=VALUE")) };
                let (k, v) = s.trim().split_once(char::is_whitespace).unwrap_or((s.trim(), ""));
                vec![(k.to_string(), expand(b, st, ins, v.trim())?)]
            } else {
                words
                    .into_iter()
                    .map(|w| match w.split_once('=') {
                        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
                        _ => Err(b.err(ins, format!("{w:?} is not KEY=VALUE"))),
                    })
                    .collect::<Result<_>>()?
            };
            let env = st.cfg.config.env.get_or_insert_with(Vec::new);
            for (k, v) in pairs {
                env.retain(|e| e.split('=').next() != Some(k.as_str()));
                env.push(format!("{k}={v}"));
            }
        }
        "LABEL" => {
            let words = shell_words(b, st, ins)?;
            let labels = st.cfg.config.labels.get_or_insert_with(Map::new);
            for w in words {
                let (k, v) = w.split_once('=').ok_or_else(|| b.err(ins, format!("{w:?} is not KEY=VALUE")))?;
                labels.insert(k.to_string(), Value::String(v.to_string()));
            }
        }
        "MAINTAINER" => {
            let Args::Shell(s) = &ins.args else { return Ok(()) };
            st.cfg.author = Some(s.trim().to_string());
        }
        "WORKDIR" => {
            let w = single(b, st, ins)?;
            let wd = &st.cfg.config.working_dir;
            let base = if wd.is_empty() { "/".to_string() } else { wd.clone() };
            let full = if w.starts_with('/') { w } else { format!("{base}/{w}") };
            let clean = copy::clean_rel(&full).unwrap_or_default().join("/");
            st.cfg.config.working_dir = format!("/{clean}");
        }
        "USER" => st.cfg.config.user = single(b, st, ins)?,
        "STOPSIGNAL" => st.cfg.config.stop_signal = single(b, st, ins)?,
        "EXPOSE" => {
            for p in shell_words(b, st, ins)? {
                let p = if p.contains('/') { p } else { format!("{p}/tcp") };
                st.cfg.config.exposed_ports.get_or_insert_with(Map::new).insert(p, Value::Object(Map::new()));
            }
        }
        "VOLUME" => {
            for v in shell_words(b, st, ins)? {
                st.cfg.config.volumes.get_or_insert_with(Map::new).insert(v, Value::Object(Map::new()));
            }
        }
        "CMD" => {
            st.cfg.config.cmd = Some(command_form(st, ins));
            st.cmd_set = true;
        }
        "ENTRYPOINT" => {
            let e = command_form(st, ins);
            st.cfg.config.entrypoint = Some(e);
            if !st.cmd_set {
                st.cfg.config.cmd = None;
            }
        }
        "SHELL" => {
            let Args::Exec(v) = &ins.args else {
                return Err(b.err(ins, "SHELL requires the JSON form: SHELL [\"executable\", \"parameters\"]"));
            };
            st.cfg.config.other.insert("Shell".into(), Value::from(v.clone()));
        }
        "ONBUILD" => {
            let t = ins.original.trim();
            let kw = t.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
            if matches!(kw.as_str(), "ONBUILD" | "FROM" | "MAINTAINER") {
                return Err(b.err(ins, format!("{kw} isn't allowed as an ONBUILD trigger")));
            }
            let list = st.cfg.config.other.entry("OnBuild").or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(a) = list {
                a.push(Value::String(t.to_string()));
            }
        }
        "HEALTHCHECK" => {
            let hc = healthcheck(b, ins)?;
            st.cfg.config.other.insert("Healthcheck".into(), hc);
        }
        other => return Err(b.err(ins, format!("unknown instruction: {other}"))),
    }
    Ok(())
}

fn single(b: &Build, st: &State, ins: &Instruction) -> Result<String> {
    let Args::Shell(s) = &ins.args else { return Err(b.err(ins, "expected one value")) };
    expand(b, st, ins, s.trim())
}

/// HEALTHCHECK NONE | [--interval=D --timeout=D --start-period=D --retries=N] CMD ...
fn healthcheck(b: &Build, ins: &Instruction) -> Result<Value> {
    let Args::Shell(s) = &ins.args else { return Err(b.err(ins, "expected NONE or CMD")) };
    let s = s.trim();
    if s.eq_ignore_ascii_case("none") {
        return Ok(serde_json::json!({"Test": ["NONE"]}));
    }
    let rest = match s.get(..3) {
        Some(k) if k.eq_ignore_ascii_case("CMD") => s[3..].trim(),
        _ => return Err(b.err(ins, "expected NONE or CMD")),
    };
    let test: Vec<String> = match serde_json::from_str::<Vec<String>>(rest) {
        Ok(v) => std::iter::once("CMD".to_string()).chain(v).collect(),
        Err(_) => vec!["CMD-SHELL".into(), rest.to_string()],
    };
    let mut hc = Map::new();
    hc.insert("Test".into(), Value::from(test));
    for (k, v) in &ins.flags {
        let field = match k.as_str() {
            "interval" => "Interval",
            "timeout" => "Timeout",
            "start-period" => "StartPeriod",
            "start-interval" => "StartInterval",
            "retries" => {
                let n: u64 = v.parse().map_err(|_| b.err(ins, format!("invalid --retries={v}")))?;
                hc.insert("Retries".into(), Value::from(n));
                continue;
            }
            other => return Err(b.err(ins, format!("unknown flag --{other}"))),
        };
        let ns =
            parse_duration(v).ok_or_else(|| b.err(ins, format!("invalid --{k}={v}: expected a duration like 30s")))?;
        hc.insert(field.into(), Value::from(ns));
    }
    Ok(Value::Object(hc))
}

/// Go durations (`1m30s`, `500ms`, `2h`) in nanoseconds.
pub fn parse_duration(s: &str) -> Option<u64> {
    let mut total: f64 = 0.0;
    let mut rest = s;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let n_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
        let n: f64 = rest[..n_end].parse().ok()?;
        rest = &rest[n_end..];
        let u_end = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let mult = match &rest[..u_end] {
            "ns" => 1.0,
            "us" | "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        total += n * mult;
        rest = &rest[u_end..];
    }
    Some(total as u64)
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s"), Some(30_000_000_000));
        assert_eq!(parse_duration("1m30s"), Some(90_000_000_000));
        assert_eq!(parse_duration("500ms"), Some(500_000_000));
        assert_eq!(parse_duration("5"), None);
    }
}
