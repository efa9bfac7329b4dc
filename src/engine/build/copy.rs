//! COPY and ADD: where the sources come from (the build context with its ignore rules, or
//! the layers of a stage or image), Docker's directory semantics, and the layer tar they
//! become. Files are written into the tar with their final owner and mode, so the layer
//! extraction (inside the user namespace) applies `--chown` and `--chmod`.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::images::build::ignore::{self, IgnoreRules};

/// A read-only view of a file tree: the context dir, or image layers (top first).
pub struct SourceTree {
    roots: Vec<PathBuf>,
    ignore: IgnoreRules,
    /// A build context: symlinks must not lead out of it; ignore rules apply.
    context: bool,
}

/// A found path: its clean components, the host file, its metadata.
#[derive(Debug)]
pub struct Node {
    pub rel: Vec<String>,
    pub path: PathBuf,
    pub meta: std::fs::Metadata,
}

/// Cleans a path inside a tree; `..` that would leave the root is an error.
pub fn clean_rel(p: &str) -> std::result::Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if out.pop().is_none() {
                    return Err(format!("{p:?} is outside the build context"));
                }
            }
            c => out.push(c.to_string()),
        }
    }
    Ok(out)
}

impl SourceTree {
    pub fn context(dir: PathBuf, ignore: IgnoreRules) -> SourceTree {
        SourceTree { roots: vec![dir], ignore, context: true }
    }

    /// Layers listed top first.
    pub fn layers(roots: Vec<PathBuf>) -> SourceTree {
        SourceTree { roots, ignore: IgnoreRules::default(), context: false }
    }

    fn excluded(&self, rel: &[String]) -> bool {
        self.context && !rel.is_empty() && self.ignore.excluded(&rel.join("/"))
    }

    /// The topmost layer's entry at `rel` (None when absent, whited out or ignored).
    pub fn find(&self, rel: &[String]) -> Option<Node> {
        if self.excluded(rel) {
            return None;
        }
        if rel.is_empty() {
            let root = self.roots.first()?;
            let m = std::fs::symlink_metadata(root).ok()?;
            return Some(Node { rel: Vec::new(), path: root.clone(), meta: m });
        }
        'layers: for root in &self.roots {
            let mut p = root.clone();
            for (i, c) in rel.iter().enumerate() {
                p.push(c);
                let last = i + 1 == rel.len();
                match std::fs::symlink_metadata(&p) {
                    // A whiteout in a higher layer hides the path in every lower one.
                    Ok(m) if !self.context && m.file_type().is_char_device() && m.rdev() == 0 => return None,
                    Ok(m) if last => return Some(Node { rel: rel.to_vec(), path: p, meta: m }),
                    Ok(m) if m.is_dir() => {}
                    _ => continue 'layers,
                }
            }
        }
        None
    }

    /// Names in a directory, merged over the layers (whiteouts and opaque dirs honoured).
    pub fn children(&self, rel: &[String]) -> Vec<String> {
        let mut names = std::collections::BTreeSet::new();
        let mut hidden = std::collections::HashSet::new();
        for root in &self.roots {
            let mut p = root.clone();
            p.extend(rel);
            let Ok(rd) = std::fs::read_dir(&p) else { continue };
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if hidden.contains(&n) {
                    continue;
                }
                let m = e.metadata();
                if let Ok(m) = &m {
                    if m.file_type().is_char_device() && m.rdev() == 0 && !self.context {
                        hidden.insert(n);
                        continue;
                    }
                }
                hidden.insert(n.clone());
                names.insert(n);
            }
            if !self.context && has_opaque(&p) {
                break;
            }
        }
        names
            .into_iter()
            .filter(|n| {
                let mut r = rel.to_vec();
                r.push(n.clone());
                !self.excluded(&r)
            })
            .collect()
    }

    /// A source path with every symlink on it followed; in a context they must not
    /// lead out of it (an absolute target is outside), in image layers they resolve
    /// inside the image's root.
    pub fn resolve(&self, rel: Vec<String>) -> std::result::Result<Option<Node>, String> {
        let mut todo: std::collections::VecDeque<String> = rel.into();
        let mut cur: Vec<String> = Vec::new();
        let mut hops = 0;
        while let Some(c) = todo.pop_front() {
            cur.push(c);
            let Some(n) = self.find(&cur) else { return Ok(None) };
            if !n.meta.file_type().is_symlink() {
                continue;
            }
            hops += 1;
            if hops > 40 {
                return Err(format!("{}: too many levels of symbolic links", cur.join("/")));
            }
            let target = std::fs::read_link(&n.path).map_err(|e| format!("reading {}: {e}", n.path.display()))?;
            let t = target.to_string_lossy();
            let outside = || format!("{} is a symlink to {t}, outside the build context", cur.join("/"));
            let base = if t.starts_with('/') {
                if self.context {
                    return Err(outside());
                }
                String::new()
            } else {
                cur[..cur.len() - 1].join("/")
            };
            let next = clean_rel(&format!("{base}/{t}")).map_err(|_| outside())?;
            cur.clear();
            for x in next.into_iter().rev() {
                todo.push_front(x);
            }
        }
        Ok(self.find(&cur))
    }

    /// Matches a source with wildcards against the tree, component by component.
    pub fn glob(&self, pattern: &[String]) -> Vec<Vec<String>> {
        let mut found = vec![Vec::new()];
        for comp in pattern {
            let mut next = Vec::new();
            for base in &found {
                if ignore::has_glob(comp) {
                    for n in self.children(base) {
                        if ignore::match_component(comp, &n) {
                            let mut r = base.clone();
                            r.push(n);
                            next.push(r);
                        }
                    }
                } else {
                    let mut r = base.clone();
                    r.push(comp.clone());
                    if self.find(&r).is_some() {
                        next.push(r);
                    }
                }
            }
            found = next;
        }
        found
    }

    pub fn read(&self, rel: &[String]) -> Option<Vec<u8>> {
        let n = self.find(rel)?;
        std::fs::read(n.path).ok()
    }
}

/// Overlay marks a directory that hides the lower layers with an `overlay.opaque` xattr
/// (`user.` rootless, `trusted.` as root).
pub(super) fn has_opaque(path: &std::path::Path) -> bool {
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()) else { return false };
    [c"user.overlay.opaque", c"trusted.overlay.opaque"].iter().any(|name| {
        let mut v = [0u8; 4];
        // SAFETY: valid C strings and a buffer of the given length.
        let n = unsafe { libc::lgetxattr(c.as_ptr(), name.as_ptr(), v.as_mut_ptr().cast(), v.len()) };
        n >= 1 && v[0] == b'y'
    })
}

/// What one entry of the new layer holds.
pub enum Content {
    File(PathBuf),
    Data(Vec<u8>),
    Dir,
    Symlink(String),
    /// A local tar archive (ADD) whose entries are unpacked under the destination.
    Archive(PathBuf),
}

pub struct Entry {
    pub content: Content,
    pub mode: u32,
    pub uid: u64,
    pub gid: u64,
    pub mtime: u64,
}

/// The files a COPY/ADD adds, by destination path (relative to `/`).
#[derive(Default)]
pub struct CopyPlan {
    pub entries: BTreeMap<String, Entry>,
}

/// Ownership and mode overrides of a COPY/ADD.
#[derive(Clone, Copy, Default)]
pub struct Overrides {
    pub owner: Option<(u64, u64)>,
    pub chmod: Option<u32>,
}

impl CopyPlan {
    /// Adds `node` (and, for a directory, its contents) at `dest`.
    pub fn add_tree(
        &mut self,
        tree: &SourceTree,
        node: &Node,
        dest: &str,
        ov: Overrides,
        preserve_owner: bool,
    ) -> Result<()> {
        let m = &node.meta;
        let (uid, gid) = ov.owner.unwrap_or(if preserve_owner { (m.uid() as u64, m.gid() as u64) } else { (0, 0) });
        let ft = m.file_type();
        let mode = ov.chmod.unwrap_or(m.mode() & 0o7777);
        let mtime = m.mtime().max(0) as u64;
        let unreadable = |e: std::io::Error| {
            let name = if node.rel.is_empty() { ".".to_string() } else { node.rel.join("/") };
            Error::usage(format!(
                "cannot read {name}: {} (make it readable, or exclude it in .containerignore)",
                crate::error::errno_text(&e)
            ))
        };
        if ft.is_dir() {
            // Fail on a directory that can't be listed rather than copy it empty.
            std::fs::read_dir(&node.path).map_err(unreadable)?;
            self.entries.insert(dest.to_string(), Entry { content: Content::Dir, mode, uid, gid, mtime });
            for n in tree.children(&node.rel) {
                let mut r = node.rel.clone();
                r.push(n.clone());
                let Some(child) = tree.find(&r) else { continue };
                self.add_tree(tree, &child, &join(dest, &n), ov, preserve_owner)?;
            }
        } else if ft.is_symlink() {
            let t =
                std::fs::read_link(&node.path).map_err(|e| Error::io(format!("reading {}", node.path.display()), e))?;
            self.entries.insert(
                dest.to_string(),
                Entry { content: Content::Symlink(t.to_string_lossy().into_owned()), mode: 0o777, uid, gid, mtime },
            );
        } else if ft.is_file() {
            // Fail now, naming the file, rather than half-way through the layer.
            std::fs::File::open(&node.path).map_err(unreadable)?;
            self.entries
                .insert(dest.to_string(), Entry { content: Content::File(node.path.clone()), mode, uid, gid, mtime });
        }
        Ok(())
    }

    /// Adds the parent directories of every entry that are not in the plan: as they are in
    /// the image below (so the layer does not change them), else root-owned 0755.
    pub fn add_parents(&mut self, below: &SourceTree) {
        let mut missing = Vec::new();
        for k in self.entries.keys() {
            let comps: Vec<&str> = k.split('/').collect();
            for i in 1..comps.len() {
                let p = comps[..i].join("/");
                if !self.entries.contains_key(&p) {
                    missing.push(p);
                }
            }
        }
        for p in missing {
            if self.entries.contains_key(&p) {
                continue;
            }
            let rel: Vec<String> = p.split('/').map(str::to_string).collect();
            let e = match below.find(&rel) {
                Some(n) if n.meta.is_dir() => Entry {
                    content: Content::Dir,
                    mode: n.meta.mode() & 0o7777,
                    uid: n.meta.uid() as u64,
                    gid: n.meta.gid() as u64,
                    mtime: n.meta.mtime().max(0) as u64,
                },
                _ => Entry { content: Content::Dir, mode: 0o755, uid: 0, gid: 0, mtime: now() },
            };
            self.entries.insert(p, e);
        }
    }

    /// A hash of everything the layer will hold: the cache key of the step.
    pub fn content_hash(&self) -> Result<String> {
        let mut h = Sha256::new();
        for (k, e) in &self.entries {
            h.update(format!("{k}\0{:o}\0{}\0{}\0", e.mode, e.uid, e.gid).as_bytes());
            match &e.content {
                Content::File(p) | Content::Archive(p) => {
                    let mut f =
                        std::fs::File::open(p).map_err(|err| Error::io(format!("reading {}", p.display()), err))?;
                    let mut buf = vec![0u8; 1 << 16];
                    loop {
                        let n = f.read(&mut buf).map_err(|err| Error::io(format!("reading {}", p.display()), err))?;
                        if n == 0 {
                            break;
                        }
                        h.update(&buf[..n]);
                    }
                }
                Content::Data(d) => h.update(d),
                Content::Dir => h.update(b"dir"),
                Content::Symlink(t) => h.update(t.as_bytes()),
            }
            h.update(b"\n");
        }
        Ok(hex::encode(h.finalize()))
    }

    pub fn write_tar(&self, w: &mut dyn Write) -> Result<()> {
        let mut b = tar::Builder::new(w);
        for (k, e) in &self.entries {
            let io = |err: std::io::Error| Error::io(format!("adding {k} to the layer"), err);
            let mut h = tar::Header::new_gnu();
            h.set_mode(e.mode);
            h.set_uid(e.uid);
            h.set_gid(e.gid);
            h.set_mtime(e.mtime);
            match &e.content {
                Content::Dir => {
                    h.set_entry_type(tar::EntryType::Directory);
                    h.set_size(0);
                    b.append_data(&mut h, format!("{k}/"), std::io::empty()).map_err(io)?;
                }
                Content::Symlink(t) => {
                    h.set_entry_type(tar::EntryType::Symlink);
                    h.set_size(0);
                    b.append_link(&mut h, k, t).map_err(io)?;
                }
                Content::File(p) => {
                    let f = std::fs::File::open(p).map_err(io)?;
                    let len = f.metadata().map_err(io)?.len();
                    h.set_entry_type(tar::EntryType::Regular);
                    h.set_size(len);
                    b.append_data(&mut h, k, f.take(len)).map_err(io)?;
                }
                Content::Data(d) => {
                    h.set_entry_type(tar::EntryType::Regular);
                    h.set_size(d.len() as u64);
                    b.append_data(&mut h, k, d.as_slice()).map_err(io)?;
                }
                Content::Archive(p) => append_archive(&mut b, p, k, e).map_err(io)?,
            }
        }
        b.finish().map_err(|err| Error::io("writing the layer", err))?;
        Ok(())
    }
}

/// Re-roots the entries of a local (optionally gzip-compressed) tar under `dest`.
fn append_archive(
    b: &mut tar::Builder<&mut dyn Write>,
    p: &std::path::Path,
    dest: &str,
    e: &Entry,
) -> std::io::Result<()> {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Directory);
    h.set_mode(0o755);
    h.set_uid(e.uid);
    h.set_gid(e.gid);
    h.set_mtime(e.mtime);
    h.set_size(0);
    b.append_data(&mut h, format!("{dest}/"), std::io::empty())?;
    let f = std::fs::File::open(p)?;
    let reader: Box<dyn Read> = if is_gzip(p) { Box::new(flate2::read::GzDecoder::new(f)) } else { Box::new(f) };
    let mut a = tar::Archive::new(reader);
    for entry in a.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.to_string_lossy().into_owned();
        let Ok(rel) = clean_rel(&path) else { continue };
        if rel.is_empty() {
            continue;
        }
        let target = format!("{dest}/{}", rel.join("/"));
        let mut h = entry.header().clone();
        match h.entry_type() {
            tar::EntryType::Symlink => {
                let link = entry.link_name()?.map(|l| l.to_string_lossy().into_owned()).unwrap_or_default();
                b.append_link(&mut h, &target, link)?;
            }
            tar::EntryType::Link => {
                let link = entry.link_name()?.map(|l| l.to_string_lossy().into_owned()).unwrap_or_default();
                let Ok(l) = clean_rel(&link) else { continue };
                b.append_link(&mut h, &target, format!("{dest}/{}", l.join("/")))?;
            }
            _ => b.append_data(&mut h, &target, &mut entry)?,
        }
    }
    Ok(())
}

fn is_gzip(p: &std::path::Path) -> bool {
    let mut m = [0u8; 2];
    std::fs::File::open(p).and_then(|mut f| f.read_exact(&mut m)).is_ok() && m == [0x1f, 0x8b]
}

/// Whether a local file is a tar archive (plain or gzip), which ADD unpacks.
pub fn is_tar_archive(p: &std::path::Path) -> bool {
    let Ok(f) = std::fs::File::open(p) else { return false };
    let mut r: Box<dyn Read> = if is_gzip(p) { Box::new(flate2::read::GzDecoder::new(f)) } else { Box::new(f) };
    let mut head = [0u8; 512];
    r.read_exact(&mut head).is_ok() && &head[257..262] == b"ustar"
}

pub fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// `--chown=user:group` with names looked up in the image's /etc/passwd and /etc/group.
pub fn parse_chown(spec: &str, tree: &SourceTree) -> std::result::Result<(u64, u64), String> {
    let (u, g) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    // name:x:id:... in both files; passwd's fourth field is the primary group.
    let lookup = |file: &str, name: &str| -> Option<(u64, Option<u64>)> {
        let text = tree.read(&["etc".to_string(), file.to_string()])?;
        String::from_utf8_lossy(&text).lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            if f.len() < 3 || f[0] != name {
                return None;
            }
            Some((f[2].parse().ok()?, f.get(3).and_then(|g| g.parse().ok())))
        })
    };
    let (uid, primary) = match u.parse::<u64>() {
        Ok(n) => (n, n),
        Err(_) => {
            let (id, g) =
                lookup("passwd", u).ok_or_else(|| format!("looking up user {u:?}: no such user in /etc/passwd"))?;
            (id, g.unwrap_or(id))
        }
    };
    let gid = match g {
        None => primary,
        Some(g) => match g.parse::<u64>() {
            Ok(n) => n,
            Err(_) => lookup("group", g)
                .map(|x| x.0)
                .ok_or_else(|| format!("looking up group {g:?}: no such group in /etc/group"))?,
        },
    };
    Ok((uid, gid))
}

/// What a vfs copy `root` (a container's whole root) changed against the image `image`,
/// as `diff` shows it: (A|C|D, "/path"), parents before children.
pub fn copy_changes(root: &Path, image: &SourceTree) -> Vec<(char, String)> {
    let mut out = Vec::new();
    diff_copy_at(root, image, &mut Vec::new(), &mut out);
    out
}

/// `diff` for a vfs copy: entries of the copy at `rel` that the image lacks (A) or has
/// otherwise (C: type, mode, owner, size, mtime or link target differ), and the image's
/// entries the copy lacks (D).
fn diff_copy_at(
    root: &Path,
    image: &SourceTree,
    rel: &mut Vec<String>,
    out: &mut Vec<(char, String)>,
) {
    use std::os::unix::fs::MetadataExt;
    let dir: PathBuf = rel.iter().fold(root.to_path_buf(), |p, c| p.join(c));
    let mut present = std::collections::HashSet::new();
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        present.insert(name.clone());
        rel.push(name);
        let shown = format!("/{}", rel.join("/"));
        let path = dir.join(e.file_name());
        if let Ok(m) = std::fs::symlink_metadata(&path) {
            match image.find(rel) {
                None => out.push(('A', shown)),
                Some(node) => {
                    let i = &node.meta;
                    let link = |p: &Path| std::fs::read_link(p).ok();
                    let differs = m.mode() != i.mode()
                        || (m.uid(), m.gid()) != (i.uid(), i.gid())
                        || (!m.is_dir() && m.size() != i.size())
                        || (m.mtime(), m.mtime_nsec()) != (i.mtime(), i.mtime_nsec())
                        || (m.file_type().is_symlink() && link(&path) != link(&node.path));
                    if differs {
                        out.push(('C', shown));
                    }
                }
            }
            if m.is_dir() {
                diff_copy_at(root, image, rel, out);
            }
        }
        rel.pop();
    }
    for name in image.children(rel) {
        if !present.contains(&name) {
            out.push(('D', format!("/{}", rel.iter().chain(std::iter::once(&name)).cloned().collect::<Vec<_>>().join("/"))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("burrow-copy-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("dir/sub")).unwrap();
        std::fs::write(d.join("dir/a"), "a").unwrap();
        std::fs::write(d.join("dir/sub/b"), "b").unwrap();
        std::fs::write(d.join("x.log"), "l").unwrap();
        d
    }

    #[test]
    fn sources_stay_in_the_context() {
        let d = scratch("escape");
        std::os::unix::fs::symlink("/etc/passwd", d.join("abs")).unwrap();
        std::os::unix::fs::symlink("../..", d.join("up")).unwrap();
        std::os::unix::fs::symlink("dir/sub", d.join("inside")).unwrap();
        let t = SourceTree::context(d.clone(), IgnoreRules::parse("*.log"));
        assert!(clean_rel("../x").is_err());
        assert!(t.resolve(vec!["abs".into()]).unwrap_err().contains("outside the build context"));
        assert!(t.resolve(clean_rel("up/etc/passwd").unwrap()).is_err());
        let n = t.resolve(clean_rel("inside/b").unwrap()).unwrap().unwrap();
        assert_eq!(n.rel, vec!["dir", "sub", "b"]);
        assert!(t.find(&["x.log".to_string()]).is_none(), "ignored");
        assert_eq!(t.glob(&clean_rel("dir/*").unwrap()).len(), 2);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_directory_copies_its_contents() {
        let d = scratch("plan");
        let t = SourceTree::context(d.clone(), IgnoreRules::default());
        let node = t.resolve(vec!["dir".into()]).unwrap().unwrap();
        let mut plan = CopyPlan::default();
        plan.add_tree(&t, &node, "dst", Overrides { owner: Some((7, 8)), chmod: None }, false).unwrap();
        plan.add_parents(&SourceTree::layers(vec![]));
        let keys: Vec<&str> = plan.entries.keys().map(String::as_str).collect();
        assert_eq!(keys, vec!["dst", "dst/a", "dst/sub", "dst/sub/b"]);
        assert_eq!(plan.entries["dst/a"].uid, 7);
        let h1 = plan.content_hash().unwrap();
        std::fs::write(d.join("dir/a"), "changed").unwrap();
        assert_ne!(plan.content_hash().unwrap(), h1);
        let mut tar = Vec::new();
        plan.write_tar(&mut tar).unwrap();
        let names: Vec<String> = tar::Archive::new(tar.as_slice())
            .entries()
            .unwrap()
            .map(|e| e.unwrap().path().unwrap().display().to_string())
            .collect();
        assert_eq!(names, vec!["dst/", "dst/a", "dst/sub/", "dst/sub/b"]);
        let _ = std::fs::remove_dir_all(&d);
    }
}
