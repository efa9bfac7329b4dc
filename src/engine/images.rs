//! Image verbs on records: lookup, list, inspect, tag, untag, remove, exists.

use serde_json::{json, Map, Value};

use super::Engine;
use crate::error::{Error, Result};
use crate::images::config::ImageConfig;
use crate::images::reference::{split_name, Reference, LOCAL_DOMAIN};
use crate::storage::db::{self, ImageRow};

/// podman's "not known" error for an image name.
pub fn not_known(name: &str) -> Error {
    Error::NotFound(format!("{name}: image not known"))
}

/// How a lookup matched: by a name (which `rmi` then untags) or by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matched {
    Name(String),
    Id,
}

/// Finds the image `name` refers to, as podman does: a full or short name (a short name
/// matches `localhost/` first, then that repository under any registry), `name@digest`,
/// then a full id, `sha256:<id>`, or a unique id prefix.
pub fn lookup<'a>(images: &'a [ImageRow], name: &str) -> Result<(&'a ImageRow, Matched)> {
    if let Ok(r) = Reference::parse(name) {
        if let Some(d) = &r.digest {
            let found = images.iter().find(|i| {
                i.digest.as_deref() == Some(d.as_str()) && i.names.iter().any(|n| repo_matches(split_name(n).0, &r))
            });
            if let Some(img) = found {
                return Ok((img, Matched::Id));
            }
        } else {
            let tag = r.tag.clone().unwrap_or_else(|| "latest".into());
            let candidates: Vec<String> = if r.domain.is_empty() {
                vec![format!("{LOCAL_DOMAIN}/{}:{tag}", r.path)]
            } else {
                vec![format!("{}:{tag}", r.repository())]
            };
            for c in &candidates {
                if let Some(img) = images.iter().find(|i| i.names.contains(c)) {
                    return Ok((img, Matched::Name(c.clone())));
                }
            }
            if r.domain.is_empty() {
                for img in images {
                    for n in &img.names {
                        let (repo, t) = split_name(n);
                        if t == tag && (repo.ends_with(&format!("/{}", r.path))) {
                            return Ok((img, Matched::Name(n.clone())));
                        }
                    }
                }
            }
        }
    }
    let hex = name.strip_prefix("sha256:").unwrap_or(name);
    if !hex.is_empty() && hex.len() <= 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        let hex = hex.to_ascii_lowercase();
        let mut found = images.iter().filter(|i| i.id.starts_with(&hex));
        if let Some(first) = found.next() {
            if found.next().is_some() {
                return Err(Error::Conflict {
                    msg: format!("{name}: image id prefix is ambiguous: it matches more than one image"),
                    hint: Some("give more characters of the id".into()),
                });
            }
            return Ok((first, Matched::Id));
        }
    }
    Err(not_known(name))
}

fn repo_matches(stored_repo: &str, r: &Reference) -> bool {
    if r.domain.is_empty() {
        stored_repo == format!("{LOCAL_DOMAIN}/{}", r.path) || stored_repo.ends_with(&format!("/{}", r.path))
    } else {
        stored_repo == r.repository()
    }
}

/// One row of `images`: an image under one of its names.
#[derive(Debug, Clone)]
pub struct ImageSummary {
    pub row: ImageRow,
    pub config: ImageConfig,
    /// `repo:tag` this row is for; None for an untagged image.
    pub name: Option<String>,
    /// Untagged, and the parent of a cached build step (podman's intermediate image: hidden
    /// without `-a`, never dangling).
    pub intermediate: bool,
}

#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    pub all: bool,
    pub filters: Vec<String>,
}

enum Filter {
    Reference(String),
    Dangling(bool),
    Label(String, Option<String>),
    Id(String),
}

fn parse_filter(f: &str) -> Result<Filter> {
    let (k, v) =
        f.split_once('=').ok_or_else(|| Error::usage(format!("invalid image filter {f:?}: expected KEY=VALUE")))?;
    Ok(match k {
        "reference" => Filter::Reference(v.to_string()),
        "dangling" => Filter::Dangling(match v {
            "true" | "1" => true,
            "false" | "0" => false,
            _ => return Err(Error::usage(format!("invalid filter {f:?}: dangling takes true or false"))),
        }),
        "label" => match v.split_once('=') {
            Some((lk, lv)) => Filter::Label(lk.to_string(), Some(lv.to_string())),
            None => Filter::Label(v.to_string(), None),
        },
        "id" => Filter::Id(v.to_string()),
        _ => {
            return Err(Error::usage_hint(
                format!("invalid image filter {k:?}"),
                "supported filters: reference, dangling, label, id",
            ))
        }
    })
}

/// Shell-style match (`*`, `?`) as Go's path.Match for reference filters.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    fn go(p: &[u8], t: &[u8]) -> bool {
        match (p.first(), t.first()) {
            (None, None) => true,
            (Some(b'*'), _) => go(&p[1..], t) || (!t.is_empty() && t[0] != b'/' && go(p, &t[1..])),
            (Some(b'?'), Some(c)) if *c != b'/' => go(&p[1..], &t[1..]),
            (Some(a), Some(b)) if a == b => go(&p[1..], &t[1..]),
            _ => false,
        }
    }
    go(pattern.as_bytes(), text.as_bytes())
}

/// podman's reference filter: the pattern is matched against the full name and the
/// familiar forms a user would write (without the registry, without `:tag`).
fn reference_matches(pattern: &str, name: &str) -> bool {
    let (repo, tag) = split_name(name);
    let short_repo = repo.split_once('/').map(|(_, r)| r).unwrap_or(repo);
    let short_repo_nolib = short_repo.strip_prefix("library/").unwrap_or(short_repo);
    let mut forms = vec![name.to_string(), repo.to_string(), format!("{short_repo}:{tag}"), short_repo.to_string()];
    forms.push(format!("{short_repo_nolib}:{tag}"));
    forms.push(short_repo_nolib.to_string());
    forms.iter().any(|f| glob_match(pattern, f))
}

impl Filter {
    fn keep(&self, s: &ImageSummary) -> bool {
        match self {
            Filter::Reference(p) => s.name.as_deref().is_some_and(|n| reference_matches(p, n)),
            Filter::Dangling(d) => (s.row.names.is_empty() && !s.intermediate) == *d,
            Filter::Label(k, v) => {
                let labels = s.config.labels();
                match (labels.get(k), v) {
                    (Some(Value::String(have)), Some(want)) => have == want,
                    (Some(_), None) => true,
                    _ => false,
                }
            }
            Filter::Id(p) => s.row.id.starts_with(p.trim_start_matches("sha256:")),
        }
    }
}

impl Engine {
    pub fn list_images(&self, opts: &ListOptions) -> Result<Vec<ImageSummary>> {
        let filters = opts.filters.iter().map(|f| parse_filter(f)).collect::<Result<Vec<_>>>()?;
        let mut out = Vec::new();
        // podman hides intermediate images (untagged, with a child) unless -a.
        let parents = self.store.db.build_parents()?;
        for row in self.store.db.images()? {
            let intermediate = row.names.is_empty() && parents.contains(&row.id);
            if intermediate && !opts.all {
                continue;
            }
            let config = ImageConfig::parse(&row.config).unwrap_or_default();
            let names: Vec<Option<String>> =
                if row.names.is_empty() { vec![None] } else { row.names.iter().cloned().map(Some).collect() };
            for name in names {
                let s = ImageSummary { row: row.clone(), config: config.clone(), name, intermediate };
                if filters.iter().all(|f| f.keep(&s)) {
                    out.push(s);
                }
            }
        }
        // Newest first, as podman sorts by creation time.
        out.sort_by(|a, b| b.config.created_unix().cmp(&a.config.created_unix()).then(b.row.added.cmp(&a.row.added)));
        Ok(out)
    }

    pub fn image_exists(&self, name: &str) -> Result<bool> {
        let images = self.store.db.images()?;
        match lookup(&images, name) {
            Ok(_) => Ok(true),
            Err(Error::NotFound(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Podman's `image inspect` JSON for each name, or the first error.
    pub fn inspect_images(&self, names: &[String]) -> Result<Vec<Value>> {
        let images = self.store.db.images()?;
        names
            .iter()
            .map(|n| {
                let (img, _) = lookup(&images, n)?;
                Ok(self.inspect_json(img))
            })
            .collect()
    }

    pub fn inspect_json(&self, img: &ImageRow) -> Value {
        let cfg = ImageConfig::parse(&img.config).unwrap_or_default();
        let cfg_value = serde_json::to_value(&cfg.config).unwrap_or(Value::Null);
        let repo_digests: Vec<String> = match &img.digest {
            Some(d) => {
                let mut repos: Vec<&str> = img.names.iter().map(|n| split_name(n).0).collect();
                repos.dedup();
                repos.iter().map(|r| format!("{r}@{d}")).collect()
            }
            None => Vec::new(),
        };
        let layer_dirs: Vec<String> =
            img.layers.iter().rev().map(|l| self.store.layer_diff(l).display().to_string()).collect();
        let mut graph = Map::new();
        if let Some((top, lower)) = layer_dirs.split_first() {
            graph.insert("UpperDir".into(), json!(top));
            if !lower.is_empty() {
                graph.insert("LowerDir".into(), json!(lower.join(":")));
            }
        }
        let labels = cfg.config.labels.clone().map(Value::Object).unwrap_or(Value::Null);
        json!({
            "Id": img.id,
            "Digest": img.digest.clone().unwrap_or_default(),
            "RepoTags": img.names,
            "RepoDigests": repo_digests,
            "Parent": "",
            "Comment": cfg.history.last().and_then(|h| h.comment.clone()).unwrap_or_default(),
            "Created": cfg.created.clone().unwrap_or_else(|| "0001-01-01T00:00:00Z".into()),
            "Config": cfg_value,
            "Version": cfg.other.get("docker_version").cloned().unwrap_or(json!("")),
            "Author": cfg.author.clone().unwrap_or_default(),
            "Architecture": cfg.architecture,
            "Os": cfg.os,
            "Size": img.size,
            "VirtualSize": img.size,
            "GraphDriver": {"Name": self.store.driver, "Data": graph},
            "RootFS": {"Type": cfg.rootfs.kind, "Layers": cfg.rootfs.diff_ids},
            "Labels": labels,
            "Annotations": manifest_annotations(img),
            "ManifestType": img.manifest_type.clone().unwrap_or_default(),
            "User": cfg.config.user,
            "History": cfg.history,
            "NamesHistory": img.names,
        })
    }

    /// Adds names to an image; a name another image had moves to this one.
    pub fn tag(&mut self, image: &str, new_names: &[String]) -> Result<()> {
        let names = new_names
            .iter()
            .map(|n| Reference::parse_local(n).map(|r| r.to_string()).map_err(|e| Error::usage(format!("{e}: {n:?}"))))
            .collect::<Result<Vec<_>>>()?;
        let images = self.store.db.images()?;
        let (img, _) = lookup(&images, image)?;
        let id = img.id.clone();
        self.store.db.write("tagging the image", |tx| {
            for n in &names {
                db::set_name(tx, n, &id)?;
            }
            Ok(())
        })
    }

    /// Removes names from an image (all of them when `names` is empty).
    pub fn untag(&mut self, image: &str, names: &[String]) -> Result<()> {
        let images = self.store.db.images()?;
        let (img, _) = lookup(&images, image)?;
        let targets: Vec<String> = if names.is_empty() {
            img.names.clone()
        } else {
            names
                .iter()
                .map(|n| {
                    let full = Reference::parse_local(n).map_err(|e| Error::usage(e.to_string()))?.to_string();
                    if img.names.contains(&full) {
                        Ok(full)
                    } else {
                        Err(Error::NotFound(format!("{n}: tag not known")))
                    }
                })
                .collect::<Result<_>>()?
        };
        self.store.db.write("untagging the image", |tx| {
            for n in &targets {
                db::remove_name(tx, n)?;
            }
            Ok(())
        })
    }
}

/// The stored manifest's `annotations` (`{}` without).
pub(super) fn manifest_annotations(img: &ImageRow) -> Value {
    img.manifest
        .as_deref()
        .and_then(|m| serde_json::from_slice::<Value>(m).ok())
        .and_then(|m| m.get("annotations").cloned())
        .unwrap_or_else(|| json!({}))
}

/// What `rmi` did, in podman's order: untagged names, then deleted ids.
#[derive(Debug, Default)]
pub struct RemoveReport {
    pub untagged: Vec<String>,
    pub deleted: Vec<String>,
    pub errors: Vec<Error>,
}

impl RemoveReport {
    /// podman rmi: 1 when the only failures were unknown images, 2 for images in use,
    /// 125 otherwise.
    pub fn exit_code(&self) -> i32 {
        if self.errors.is_empty() {
            0
        } else if self.errors.iter().all(|e| matches!(e, Error::NotFound(_))) {
            1
        } else if self.errors.iter().any(|e| matches!(e, Error::WithCode { code: 2, .. })) {
            2
        } else {
            crate::error::EXIT_ENGINE
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RemoveOptions {
    pub names: Vec<String>,
    pub all: bool,
    pub force: bool,
}

impl Engine {
    pub fn remove_images(&mut self, opts: &RemoveOptions) -> Result<RemoveReport> {
        let _lock = self.store.lock()?;
        let mut report = RemoveReport::default();
        let targets: Vec<String> =
            if opts.all { self.store.db.images()?.into_iter().map(|i| i.id).collect() } else { opts.names.clone() };
        for name in targets {
            // Already removed as the dangling parent of an image removed before it.
            let id_part = name.trim_start_matches("sha256:");
            if id_part.len() >= 3 && report.deleted.iter().any(|d| d.starts_with(id_part)) {
                continue;
            }
            if let Err(e) = self.remove_one(&name, opts.force, &mut report) {
                if !(opts.force && matches!(e, Error::NotFound(_))) {
                    report.errors.push(e);
                }
            }
        }
        Ok(report)
    }

    fn remove_one(&mut self, name: &str, force: bool, report: &mut RemoveReport) -> Result<()> {
        let images = self.store.db.images()?;
        let (img, matched) = lookup(&images, name)?;
        let img = img.clone();
        if let Matched::Name(n) = &matched {
            if img.names.len() > 1 {
                self.store.db.write("untagging the image", |tx| db::remove_name(tx, n).map(|_| ()))?;
                report.untagged.push(n.clone());
                return Ok(());
            }
        }
        let users = crate::storage::containers::using_image(self.store.db.conn(), &img.id)?;
        if !users.is_empty() {
            if !force {
                return Err(Error::WithCode {
                    msg: format!(
                        "image used by {}: image is in use by a container: consider listing external containers and force-removing image",
                        users[0].0
                    ),
                    code: 2,
                });
            }
            // podman rmi -f removes the containers that use the image first.
            for (id, _) in &users {
                self.remove_container(id, true, true)?;
            }
        }
        if !matches!(matched, Matched::Name(_)) && img.names.len() > 1 && !force {
            return Err(Error::Conflict {
                msg: format!(
                    "unable to delete image {:?} by ID with more than one tag ([{}]): please force removal",
                    img.id,
                    img.names.join(" ")
                ),
                hint: None,
            });
        }
        let parent = self.store.db.build_parent(&img.id)?;
        self.delete_image_and_files(&img)?;
        report.untagged.extend(img.names.iter().cloned());
        report.deleted.push(img.id.clone());
        self.remove_dangling_parents(parent, report)
    }

    /// podman's rule for what a build left: a parent image (the step before, from the build
    /// cache) that has no name, no other child and no container goes with its last child,
    /// and so on up the chain.
    fn remove_dangling_parents(&mut self, mut parent: Option<String>, report: &mut RemoveReport) -> Result<()> {
        while let Some(p) = parent.take() {
            let Some(img) = self.store.db.image(&p)? else { break };
            let in_use = !crate::storage::containers::using_image(self.store.db.conn(), &img.id)?.is_empty();
            if !img.names.is_empty() || in_use || self.store.db.has_build_children(&img.id)? {
                break;
            }
            parent = self.store.db.build_parent(&img.id)?;
            self.delete_image_and_files(&img)?;
            report.deleted.push(img.id.clone());
        }
        Ok(())
    }

    /// Deletes an image's record, then the layers and blobs no other image uses.
    fn delete_image_and_files(&mut self, img: &ImageRow) -> Result<()> {
        let mut blobs = std::collections::HashMap::new();
        for l in &img.layers {
            if let Some(d) = self.store.db.layer(l)?.and_then(|r| r.compressed_digest) {
                blobs.insert(l.clone(), d);
            }
        }
        let copies = crate::storage::idmapped::copies_of(self.store.db.conn(), &img.id)?;
        let orphaned = self.store.db.write("removing the image", |tx| db::delete_image(tx, &img.id))?;
        self.remove_idmapped_copies(&copies)?;
        // Records first, then files: a crash in between leaves only unreferenced dirs,
        // which the next lock holder removes.
        for l in orphaned {
            self.store.remove_layer_dir(&l)?;
            if let Some(d) = blobs.get(&l) {
                self.store.remove_blob_if_unused(d)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn img(id: &str, names: &[&str]) -> ImageRow {
        ImageRow {
            id: id.to_string(),
            digest: Some(format!("sha256:{}", "d".repeat(64))),
            config: b"{}".to_vec(),
            manifest: None,
            manifest_type: None,
            size: 0,
            added: 0,
            names: names.iter().map(|s| s.to_string()).collect(),
            layers: vec![],
        }
    }

    #[test]
    fn lookup_follows_podman_rules() {
        let a = "a".repeat(63) + "1";
        let b = "a".repeat(63) + "2";
        let imgs = vec![
            img(&a, &["localhost/busybox:latest", "localhost/busybox:test"]),
            img(&b, &["docker.io/library/alpine:3"]),
        ];
        assert_eq!(lookup(&imgs, "busybox").unwrap().0.id, a);
        assert_eq!(lookup(&imgs, "busybox:test").unwrap().1, Matched::Name("localhost/busybox:test".into()));
        assert_eq!(lookup(&imgs, "alpine:3").unwrap().0.id, b);
        assert_eq!(lookup(&imgs, "docker.io/library/alpine:3").unwrap().0.id, b);
        assert!(matches!(lookup(&imgs, "alpine"), Err(Error::NotFound(_))));
        assert_eq!(lookup(&imgs, &b).unwrap().1, Matched::Id);
        assert_eq!(lookup(&imgs, &format!("sha256:{b}")).unwrap().0.id, b);
        assert!(matches!(lookup(&imgs, "aaaa"), Err(Error::Conflict { .. })));
        assert!(matches!(lookup(&imgs, "nosuch"), Err(Error::NotFound(m)) if m == "nosuch: image not known"));
        let by_digest = format!("busybox@sha256:{}", "d".repeat(64));
        assert_eq!(lookup(&imgs, &by_digest).unwrap().0.id, a);
    }

    #[test]
    fn reference_filter_forms() {
        assert!(reference_matches("busybox", "localhost/busybox:latest"));
        assert!(reference_matches("busybox:test", "localhost/busybox:test"));
        assert!(reference_matches("alpine", "docker.io/library/alpine:3"));
        assert!(reference_matches("*box*", "localhost/busybox:test"));
        assert!(reference_matches("localhost/*", "localhost/busybox:test"));
        assert!(!reference_matches("alpine", "localhost/busybox:latest"));
    }

    #[test]
    fn glob() {
        assert!(glob_match("a*c", "abbc"));
        assert!(!glob_match("a*c", "ab/c"));
        assert!(glob_match("a?c", "abc"));
    }
}
