//! `build`: runs a Containerfile stage by stage. Every instruction that changes the image
//! commits an (untagged, intermediate) image; RUN steps run in a container of burrow's own
//! runtime and their overlay upper dir becomes the layer; COPY/ADD write their layer tar
//! directly. A step's result is cached under its parent image and resolved instruction
//! (plus a content hash for COPY/ADD) in the `build_cache` table.

mod args;
mod commit;
pub(crate) mod copy;
mod layer;
mod mounts;
mod steps;

pub use commit::CommitOptions;
pub use mounts::{parse_secret, SecretSource};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::images::archive::{self, sha256_hex};
use crate::images::build::ignore::IgnoreRules;
use crate::images::build::parser::{self, Args, Instruction};
use crate::images::config::{History, ImageConfig};
use crate::images::reference::Reference;
use crate::storage::db::{self, ImageRow};
pub(super) use args::platform_arg;
use args::{check_platform, parse_annotations, parse_build_args};
use copy::SourceTree;

/// Where the build context comes from.
#[derive(Debug, Clone)]
pub enum ContextSource {
    Dir(PathBuf),
    /// A tar archive on stdin.
    Stdin,
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub context: ContextSource,
    /// `-f`: the Containerfile (default: Containerfile, else Dockerfile, in the context).
    pub file: Option<PathBuf>,
    pub tags: Vec<String>,
    pub build_args: Vec<String>,
    pub build_arg_files: Vec<PathBuf>,
    pub target: Option<String>,
    pub no_cache: bool,
    pub quiet: bool,
    pub iidfile: Option<PathBuf>,
    pub labels: Vec<String>,
    pub network: Option<String>,
    /// `--pull`: when base images are pulled.
    pub pull: super::pull::PullPolicy,
    /// `--format docker` (else OCI).
    pub docker_format: bool,
    /// `--secret`: ids and where their values come from, for `RUN --mount=type=secret`.
    pub secrets: Vec<(String, SecretSource)>,
    /// `--layers` (default true): keep every step as a cached intermediate image. Without,
    /// the build's steps are squashed into one layer and no intermediate image is kept.
    pub layers: bool,
    pub squash: Squash,
    /// `--annotation KEY=VALUE`: OCI manifest annotations of the final image.
    pub annotations: Vec<String>,
    /// `--platform OS/ARCH[/VARIANT][,...]`.
    pub platform: Option<String>,
}

/// What `--squash` / `--squash-all` / `--layers=false` make of the build's layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Squash {
    #[default]
    No,
    /// The build's own layers become one layer on top of the base's.
    New,
    /// Every layer, the base's too, becomes one.
    All,
}

pub struct BuildReport {
    pub id: String,
    pub names: Vec<String>,
}

/// Proxy variables usable as build args without an ARG instruction (Docker's list).
const PREDEFINED_ARGS: &[&str] = &[
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
];

struct StageDef {
    name: Option<String>,
    from: Instruction,
    body: Vec<Instruction>,
}

/// A stage being built: the image so far (committed, unless `dirty`) and what is in scope.
#[derive(Clone)]
struct State {
    /// The image the state was committed as; empty for `scratch` before its first commit.
    image_id: String,
    cfg: ImageConfig,
    layers: Vec<String>,
    /// ARGs declared in this stage, with their values.
    args: Vec<(String, Option<String>)>,
    /// CMD was set in this stage (an ENTRYPOINT then keeps it).
    cmd_set: bool,
    /// `cfg` differs from the committed image (ONBUILD triggers cleared).
    dirty: bool,
    /// How many of `layers` are the base image's (FROM).
    base_layers: usize,
    /// The images this state was committed as, oldest first (intermediate images).
    trail: Vec<String>,
    /// OCI manifest annotations to commit with (the final image only).
    annotations: BTreeMap<String, String>,
}

struct Build<'a> {
    opts: &'a BuildOptions,
    file: String,
    escape: char,
    ctx_dir: PathBuf,
    ignore: IgnoreRules,
    global_args: Vec<(String, Option<String>)>,
    build_args: BTreeMap<String, String>,
    used_args: HashSet<String>,
    stages: Vec<StageDef>,
    built: HashMap<usize, State>,
    out: &'a mut dyn Write,
    multi: bool,
}

impl Build<'_> {
    fn say(&mut self, line: &str) {
        if !self.opts.quiet {
            let _ = writeln!(self.out, "{line}");
            let _ = self.out.flush();
        }
    }

    /// A step's cache key to record: none when intermediate images aren't kept.
    fn record<'k>(&self, key: &'k str) -> Option<&'k str> {
        self.opts.layers.then_some(key)
    }

    fn err(&self, ins: &Instruction, msg: impl std::fmt::Display) -> Error {
        Error::usage(format!("{}:{}: {}: {msg}", self.file, ins.line, ins.keyword))
    }

    /// The stage a `FROM x` or `--from=x` names: by name (case-insensitive) or index.
    fn stage_ref(&self, name: &str, before: usize) -> Option<usize> {
        if let Ok(i) = name.parse::<usize>() {
            return (i < before).then_some(i);
        }
        self.stages[..before].iter().position(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)))
    }

    /// A variable in FROM lines: a global ARG (with its --build-arg), else a platform arg.
    fn global_lookup(&self, name: &str) -> Option<String> {
        match self.global_args.iter().rev().find(|(k, _)| k == name) {
            Some((_, default)) => self.build_args.get(name).cloned().or_else(|| default.clone()),
            None => platform_arg(name),
        }
    }

    /// FROM's image after global ARG expansion, and the stage name.
    fn from_target(&self, i: usize) -> Result<String> {
        let ins = &self.stages[i].from;
        let Args::Shell(s) = &ins.args else { return Err(self.err(ins, "FROM takes an image name")) };
        let words = parser::words(s, self.escape, &|n| self.global_lookup(n)).map_err(|e| self.err(ins, e))?;
        words.into_iter().next().filter(|w| !w.is_empty()).ok_or_else(|| self.err(ins, "FROM requires an image name"))
    }
}

impl Engine {
    pub fn build(&mut self, opts: &BuildOptions, out: &mut dyn Write) -> Result<BuildReport> {
        let mut tags = Vec::new();
        for t in &opts.tags {
            let r = Reference::parse_local(t).map_err(|e| Error::usage(format!("tag {t}: {e}")))?;
            tags.push(r.to_string());
        }
        check_platform(opts.platform.as_deref())?;
        let annotations = parse_annotations(&opts.annotations)?;
        let build_args = parse_build_args(opts)?;
        let (ctx_dir, _spool) = self.build_context(&opts.context)?;
        let (file, text) = read_containerfile(opts, &ctx_dir)?;
        let cf = parser::parse(&file, &text).map_err(|e| Error::usage(e.to_string()))?;
        let ignore = [".containerignore", ".dockerignore"]
            .iter()
            .find_map(|n| std::fs::read_to_string(ctx_dir.join(n)).ok())
            .map(|t| IgnoreRules::parse(&t))
            .unwrap_or_default();
        let mut global_args = Vec::new();
        let mut stages: Vec<StageDef> = Vec::new();
        for ins in cf.instructions {
            if ins.keyword == "FROM" {
                let name = match &ins.args {
                    Args::Shell(s) => {
                        let w: Vec<&str> = s.split_whitespace().collect();
                        match w.as_slice() {
                            [_] => None,
                            [_, as_kw, n] if as_kw.eq_ignore_ascii_case("as") => Some(n.to_string()),
                            _ => {
                                return Err(Error::usage(format!(
                                    "{file}:{}: FROM: expected FROM IMAGE [AS NAME], got {s:?}",
                                    ins.line
                                )))
                            }
                        }
                    }
                    Args::Exec(_) => None,
                };
                stages.push(StageDef { name, from: ins, body: Vec::new() });
            } else if let Some(st) = stages.last_mut() {
                st.body.push(ins);
            } else if ins.keyword == "ARG" {
                let Args::Shell(s) = &ins.args else { continue };
                for w in parser::words(s, cf.escape, &|_| None).map_err(Error::usage)? {
                    let (k, v) = match w.split_once('=') {
                        Some((k, v)) => (k.to_string(), Some(v.to_string())),
                        None => (w, None),
                    };
                    global_args.push((k, v));
                }
            } else {
                return Err(Error::usage(format!(
                    "{file}:{}: {}: no FROM instruction before it (a Containerfile must start with FROM)",
                    ins.line, ins.keyword
                )));
            }
        }
        if stages.is_empty() {
            return Err(Error::usage(format!("{file}: no FROM instruction")));
        }
        let multi = stages.len() > 1;
        let mut b = Build {
            opts,
            file,
            escape: cf.escape,
            ctx_dir,
            ignore,
            global_args,
            build_args,
            used_args: HashSet::new(),
            stages,
            built: HashMap::new(),
            out,
            multi,
        };
        let target = match &opts.target {
            Some(t) => {
                b.stage_ref(t, b.stages.len()).ok_or_else(|| Error::usage(format!("target stage {t:?} not found")))?
            }
            None => b.stages.len() - 1,
        };
        let needed = needed_stages(&b, target)?;
        for i in 0..=target {
            if needed.contains(&i) {
                let st = self.run_stage(&mut b, i, i == target)?;
                b.built.insert(i, st);
            }
        }
        let Some(mut st) = b.built.remove(&target) else { return Err(Error::other("the target stage was not built")) };
        if !opts.labels.is_empty() {
            let labels = st.cfg.config.labels.get_or_insert_with(Default::default);
            for l in &opts.labels {
                let (k, v) = l.split_once('=').unwrap_or((l, ""));
                labels.insert(k.to_string(), serde_json::Value::String(v.to_string()));
            }
            st.dirty = true;
        }
        if !annotations.is_empty() {
            if opts.docker_format {
                eprintln!("WARN[0000] annotations are not supported by the docker format: they are left out");
            } else {
                st.annotations = annotations;
                st.dirty = true;
            }
        }
        if let Some(n) = tags.first() {
            b.say(&format!("COMMIT {}", opts.tags.first().map(String::as_str).unwrap_or(n.as_str())));
        } else {
            b.say("COMMIT");
        }
        if st.dirty || st.image_id.is_empty() {
            // Recorded like a step, so that `rmi` finds the image's parent and a rebuild
            // with the same labels and annotations reuses it.
            let extra = serde_json::to_string(&(&st.cfg.config, &st.annotations)).map_err(Error::other)?;
            let key = cache_key(&st, &["COMMIT", &extra]);
            let reusable = !st.image_id.is_empty() && opts.squash == Squash::No;
            if !(reusable && self.cache_hit(&mut b, &mut st, &key)?) {
                let record = if st.image_id.is_empty() { None } else { b.record(&key) };
                self.commit_state(&mut st, None, None, record, opts.docker_format)?;
            }
        }
        if opts.squash != Squash::No || !opts.layers {
            self.squash_state(&mut st, opts.squash == Squash::All, opts.docker_format)?;
        }
        if !opts.layers {
            // No intermediate image outlives the build: every stage's steps go.
            let mut gone: Vec<String> = b.built.values().flat_map(|s| s.trail.iter().cloned()).collect();
            gone.extend(st.trail.iter().cloned());
            gone.retain(|id| *id != st.image_id);
            gone.sort();
            gone.dedup();
            self.remove_intermediates(&gone)?;
        }
        let unused: Vec<&String> = b
            .build_args
            .keys()
            .filter(|k| !b.used_args.contains(*k) && !PREDEFINED_ARGS.contains(&k.as_str()))
            .collect();
        if !unused.is_empty() {
            eprintln!(
                "[Warning] one or more build args were not consumed: [{}]",
                unused.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
            );
        }
        let id = st.image_id.clone();
        b.say(&format!("--> {}", &id[..11]));
        self.store.db.write("tagging the image", |tx| {
            for n in &tags {
                db::set_name(tx, n, &id)?;
            }
            Ok(())
        })?;
        for n in &tags {
            b.say(&format!("Successfully tagged {n}"));
        }
        if let Some(f) = &opts.iidfile {
            std::fs::write(f, format!("sha256:{id}")).ctx(|| format!("writing {}", f.display()))?;
        }
        Ok(BuildReport { id, names: tags })
    }

    /// The context directory; a tar on stdin is unpacked into a temp dir removed at the end.
    fn build_context(&mut self, src: &ContextSource) -> Result<(PathBuf, Option<TempDir>)> {
        match src {
            ContextSource::Dir(d) => {
                if !d.is_dir() {
                    return Err(Error::usage(format!("context directory {} does not exist", d.display())));
                }
                Ok((d.clone(), None))
            }
            ContextSource::Stdin => {
                let dir = self.store.paths.runroot.join(format!("build-context-{}", std::process::id()));
                let _ = crate::storage::remove_tree(&dir);
                std::fs::create_dir_all(&dir).ctx(|| format!("creating {}", dir.display()))?;
                let guard = TempDir(dir.clone());
                let mut a = tar::Archive::new(std::io::stdin().lock());
                a.set_preserve_permissions(true);
                a.unpack(&dir).map_err(|e| Error::usage(format!("reading the build context from stdin: {e}")))?;
                Ok((dir, Some(guard)))
            }
        }
    }

    fn run_stage(&mut self, b: &mut Build, i: usize, is_target: bool) -> Result<State> {
        let total = b.stages[i].body.len() + 1;
        let prefix = if b.multi { format!("[{}/{}] ", i + 1, b.stages.len()) } else { String::new() };
        let from = b.stages[i].from.clone();
        b.say(&format!("{prefix}STEP 1/{total}: FROM {}", from.original.trim()));
        for (k, v) in &from.flags {
            match k.as_str() {
                "platform" => {
                    let p = parser::expand(v, b.escape, &|n| b.global_lookup(n)).map_err(|e| b.err(&from, e))?;
                    check_platform(Some(&p)).map_err(|e| b.err(&from, e))?;
                }
                other => return Err(b.err(&from, format!("unknown flag --{other}"))),
            }
        }
        let image = b.from_target(i)?;
        let mut st = if image.eq_ignore_ascii_case("scratch") {
            State {
                image_id: String::new(),
                cfg: ImageConfig { architecture: super::load::host_arch(), os: "linux".into(), ..Default::default() },
                layers: Vec::new(),
                args: Vec::new(),
                cmd_set: false,
                dirty: false,
                base_layers: 0,
                trail: Vec::new(),
                annotations: BTreeMap::new(),
            }
        } else if let Some(j) = b.stage_ref(&image, i) {
            let mut s =
                b.built.get(&j).cloned().ok_or_else(|| b.err(&from, format!("stage {image:?} was not built")))?;
            s.args.clear();
            s.cmd_set = false;
            s
        } else {
            let id = self.base_image(&image, b.opts.pull).map_err(|e| b.err(&from, e))?;
            self.load_state(&id)?.ok_or_else(|| b.err(&from, format!("{image}: image not known")))?
        };
        // ONBUILD triggers of the base run first, then are dropped from the new image.
        let triggers = onbuild_triggers(&st.cfg);
        if !triggers.is_empty() {
            st.cfg.config.other.remove("OnBuild");
            st.dirty = true;
            let text = triggers.join("\n");
            let cf = parser::parse(&format!("{} (ONBUILD of {image})", b.file), &text)
                .map_err(|e| Error::usage(e.to_string()))?;
            for ins in cf.instructions {
                self.step(b, &mut st, &ins)?;
            }
        }
        let body = b.stages[i].body.clone();
        for (n, ins) in body.iter().enumerate() {
            b.say(&format!("{prefix}STEP {}/{total}: {} {}", n + 2, ins.keyword, ins.original.trim()));
            self.step(b, &mut st, ins)?;
            let last = is_target && n + 1 == body.len();
            if !last && !st.image_id.is_empty() && changes_image(&ins.keyword) {
                b.say(&format!("--> {}", &st.image_id[..11]));
            }
        }
        Ok(st)
    }

    /// FROM an image: present locally, or pulled.
    fn base_image(&mut self, name: &str, policy: super::pull::PullPolicy) -> Result<String> {
        use super::pull::PullOptions;
        let opts = PullOptions {
            name: name.to_string(),
            all_tags: false,
            platform: Default::default(),
            reg: Default::default(),
            tty: false,
        };
        self.ensure_image(name, policy, &opts)
    }

    fn load_state(&self, id: &str) -> Result<Option<State>> {
        let Some(row) = self.store.db.image(id)? else { return Ok(None) };
        let cfg = ImageConfig::parse(&row.config).map_err(Error::Refused)?;
        let base_layers = row.layers.len();
        Ok(Some(State {
            image_id: row.id,
            cfg,
            layers: row.layers,
            args: Vec::new(),
            cmd_set: false,
            dirty: false,
            base_layers,
            trail: Vec::new(),
            annotations: BTreeMap::new(),
        }))
    }

    /// Looks a step up in the cache; on a hit the state becomes the cached image.
    fn cached(&self, b: &mut Build, st: &mut State, key: &str) -> Result<bool> {
        if st.dirty {
            return Ok(false);
        }
        self.cache_hit(b, st, key)
    }

    /// A cache lookup for a key that covers everything the state holds.
    fn cache_hit(&self, b: &mut Build, st: &mut State, key: &str) -> Result<bool> {
        if b.opts.no_cache || !b.opts.layers {
            return Ok(false);
        }
        let Some(id) = self.store.db.build_cache(key)? else { return Ok(false) };
        let Some(found) = self.load_state(&id)? else { return Ok(false) };
        b.say(&format!("--> Using cache {id}"));
        st.image_id = found.image_id;
        st.cfg = found.cfg;
        st.layers = found.layers;
        st.dirty = false;
        Ok(true)
    }

    /// Commits the state as a new image (with a new layer and a history entry when given)
    /// and records it in the build cache under `key`.
    fn commit_state(
        &mut self,
        st: &mut State,
        layer: Option<(super::load::Staged, String)>,
        history: Option<History>,
        key: Option<&str>,
        docker_format: bool,
    ) -> Result<()> {
        let mut cfg = st.cfg.clone();
        let now = super::load::now_rfc3339();
        let mut staged = Vec::new();
        let mut layers = st.layers.clone();
        if let Some((s, diff_id)) = layer {
            cfg.rootfs.diff_ids.push(diff_id);
            layers.push(s.chain_id.clone());
            staged.push(s);
        }
        if let Some(mut h) = history {
            h.created = Some(now.clone());
            cfg.history.push(h);
        }
        cfg.created = Some(now);
        let config = serde_json::to_vec(&cfg).map_err(Error::other)?;
        let id = sha256_hex(&config);
        let mut size = 0;
        let mut descs = Vec::new();
        for (i, c) in layers.iter().enumerate() {
            let s = self.layer_size(c, &staged)?;
            size += s;
            let blob = match staged.iter().find(|x| &x.chain_id == c) {
                Some(x) => x.blob.clone(),
                None => self.store.db.layer(c)?.and_then(|l| l.compressed_digest),
            };
            let diff = cfg.rootfs.diff_ids.get(i).cloned().unwrap_or_default();
            descs.push(super::load::blob_descriptor(&self.store.paths, blob.as_deref(), &diff, s, !docker_format));
        }
        let (mtype, ctype) = if docker_format {
            (archive::MEDIA_DOCKER_MANIFEST, "application/vnd.docker.container.image.v1+json")
        } else {
            (archive::MEDIA_OCI_MANIFEST, "application/vnd.oci.image.config.v1+json")
        };
        let mut manifest = serde_json::json!({
            "schemaVersion": 2,
            "mediaType": mtype,
            "config": {"mediaType": ctype, "digest": format!("sha256:{id}"), "size": config.len()},
            "layers": descs,
        });
        if !st.annotations.is_empty() {
            manifest["annotations"] = serde_json::json!(st.annotations);
        }
        let manifest = serde_json::to_vec(&manifest).map_err(Error::other)?;
        let row = ImageRow {
            digest: Some(format!("sha256:{}", sha256_hex(&manifest))),
            id: id.clone(),
            config,
            manifest: Some(manifest),
            manifest_type: Some(mtype.into()),
            size,
            added: db::now(),
            names: Vec::new(),
            layers: layers.clone(),
        };
        let diff_ids = cfg.rootfs.diff_ids.clone();
        {
            let _lock = self.store.lock()?;
            self.commit_image(row, &diff_ids, staged, &[])?;
        }
        if let Some(k) = key {
            let parent = st.image_id.clone();
            self.store.db.write("recording the build cache", |tx| db::set_build_cache(tx, k, &id, &parent))?;
        }
        st.trail.push(id.clone());
        st.image_id = id;
        st.cfg = cfg;
        st.layers = layers;
        st.dirty = false;
        Ok(())
    }

    /// `--squash` / `--layers=false`: the layers the build added become one layer on top of
    /// the base's; `--squash-all`: all layers become one. The history keeps every step, with
    /// only the last one carrying the layer.
    fn squash_state(&mut self, st: &mut State, all: bool, docker_format: bool) -> Result<()> {
        let keep = if all { 0 } else { st.base_layers.min(st.layers.len()) };
        if st.layers.len() - keep <= 1 {
            return Ok(());
        }
        let roots: Vec<PathBuf> = st.layers[keep..].iter().rev().map(|l| self.store.layer_diff(l)).collect();
        let parent = st.layers[..keep].last().cloned();
        let staged =
            self.stage_build_layer(parent.as_deref(), "squash", |w| layer::write_merged_tar(&roots, w, !all))?;
        // The first `keep` history entries with a layer stay as they are; later ones lose
        // theirs and the last entry carries the squashed layer.
        let mut with_layer = 0;
        for h in st.cfg.history.iter_mut() {
            if !h.empty_layer {
                with_layer += 1;
                if with_layer > keep {
                    h.empty_layer = true;
                }
            }
        }
        if let Some(h) = st.cfg.history.last_mut() {
            h.empty_layer = false;
        }
        st.layers.truncate(keep);
        st.cfg.rootfs.diff_ids.truncate(keep);
        self.commit_state(st, Some(staged), None, None, docker_format)
    }

    /// Removes images a `--layers=false` build committed on the way (untagged, unused).
    fn remove_intermediates(&mut self, ids: &[String]) -> Result<()> {
        let opts = super::images::RemoveOptions { names: ids.to_vec(), all: false, force: false };
        let report = self.remove_images(&opts)?;
        // One already gone with its child is fine; anything else is worth saying.
        for e in report.errors.iter().filter(|e| !matches!(e, Error::NotFound(_))) {
            eprintln!("WARN[0000] removing an intermediate image: {e}");
        }
        Ok(())
    }

    /// The layers of a state as a tree (top layer first).
    fn state_tree(&self, st: &State) -> SourceTree {
        SourceTree::layers(st.layers.iter().rev().map(|l| self.store.layer_diff(l)).collect())
    }
}

/// A cache key: the parent image and everything the step's result depends on.
fn cache_key(st: &State, parts: &[&str]) -> String {
    let parent = if st.image_id.is_empty() { format!("scratch:{}", st.cfg.architecture) } else { st.image_id.clone() };
    sha256_hex(format!("{parent}\n{}", parts.join("\n")).as_bytes())
}

fn changes_image(keyword: &str) -> bool {
    !matches!(keyword, "ARG")
}

fn onbuild_triggers(cfg: &ImageConfig) -> Vec<String> {
    match cfg.config.other.get("OnBuild") {
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

/// The stages the target needs: itself, the stage it is FROM, `COPY --from` and
/// `RUN --mount=from=` sources.
fn needed_stages(b: &Build, target: usize) -> Result<HashSet<usize>> {
    let mut needed = HashSet::new();
    let mut todo = vec![target];
    while let Some(i) = todo.pop() {
        if !needed.insert(i) {
            continue;
        }
        let image = b.from_target(i)?;
        if let Some(j) = b.stage_ref(&image, i) {
            todo.push(j);
        }
        for ins in &b.stages[i].body {
            for (k, v) in &ins.flags {
                let from = match (k.as_str(), ins.keyword.as_str()) {
                    ("from", "COPY" | "ADD") => v.as_str(),
                    ("mount", "RUN") => match v.split(',').find_map(|f| f.strip_prefix("from=")) {
                        Some(f) => f,
                        None => continue,
                    },
                    _ => continue,
                };
                let from = parser::expand(from, b.escape, &|n| b.global_lookup(n)).unwrap_or_else(|_| from.to_string());
                if let Some(j) = b.stage_ref(&from, i) {
                    todo.push(j);
                }
            }
        }
    }
    Ok(needed)
}

/// The Containerfile's display name and text.
fn read_containerfile(opts: &BuildOptions, ctx: &Path) -> Result<(String, String)> {
    let path = match &opts.file {
        Some(f) if f.as_os_str() == "-" => {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .ctx(|| "reading the Containerfile from stdin".into())?;
            return Ok(("(stdin)".into(), s));
        }
        // A relative -f that is not in the current directory is looked up in the context.
        Some(f) if f.is_relative() && !f.exists() => ctx.join(f),
        Some(f) => f.clone(),
        None => ["Containerfile", "Dockerfile"].iter().map(|n| ctx.join(n)).find(|p| p.is_file()).ok_or_else(|| {
            Error::usage(format!(
                "no Containerfile or Dockerfile specified or found in context directory, {}",
                ctx.display()
            ))
        })?,
    };
    let text = std::fs::read_to_string(&path).map_err(|e| Error::usage(format!("reading {}: {e}", path.display())))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((name, text))
}

/// A directory removed when dropped (a stdin context).
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = crate::storage::remove_tree(&self.0);
    }
}
