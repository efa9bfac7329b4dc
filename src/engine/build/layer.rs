//! Build layers: an overlay upper dir turned into a layer tar (whiteouts and opaque
//! directories as OCI `.wh.` entries), and any tar stream committed as the next layer of a
//! build image through the same staging path `load`/`import` use.

use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use super::super::load::{LayerJob, Staged};
use super::super::Engine;
use crate::error::{Error, IoContext, Result};

/// Says whether an entry (path relative to the root) is left out of the layer.
pub type Skip<'a> = &'a (dyn Fn(&str, &std::fs::Metadata) -> bool + Sync);

use crate::runtime::fdcopy::{same_owners, Owners};

/// Writes `root` (an overlay upper dir) as a layer tar, its owners passed through `owners`
/// (a container in a user namespace of its own stores its ids mapped).
pub fn write_upper_tar(root: &Path, w: &mut dyn Write, skip: Skip, owners: Owners) -> Result<()> {
    let mut b = tar::Builder::new(w);
    b.follow_symlinks(false);
    walk_upper(&mut b, root, "", skip, owners)?;
    b.finish().ctx(|| "writing the layer".into())?;
    Ok(())
}

/// Writes what a vfs copy `root` (a container's whole root) changed against the image
/// `below` as a layer tar: the added and changed entries (with their parent directories),
/// and a `.wh.` whiteout for each entry the copy no longer has.
pub fn write_copy_tar(root: &Path, below: &super::copy::SourceTree, w: &mut dyn Write, skip: Skip) -> Result<()> {
    let changes = super::copy::copy_changes(root, below);
    let changed: std::collections::HashSet<String> =
        changes.iter().filter(|(k, _)| *k != 'D').map(|(_, p)| p.trim_start_matches('/').to_string()).collect();
    let mut b = tar::Builder::new(w);
    b.follow_symlinks(false);
    walk_upper(&mut b, root, "", &|rel, meta| !changed.contains(rel) || skip(rel, meta), &same_owners)?;
    let root_meta = std::fs::symlink_metadata(root).ctx(|| format!("reading {}", root.display()))?;
    for (_, p) in changes.iter().filter(|(k, _)| *k == 'D') {
        let p = p.trim_start_matches('/');
        let wh = match p.rsplit_once('/') {
            Some((dir, name)) => format!("{dir}/.wh.{name}"),
            None => format!(".wh.{p}"),
        };
        append_empty(&mut b, &wh, &root_meta).map_err(|e| Error::io(format!("adding {wh} to the layer"), e))?;
    }
    b.finish().ctx(|| "writing the layer".into())?;
    Ok(())
}

fn walk_upper(b: &mut tar::Builder<&mut dyn Write>, dir: &Path, rel: &str, skip: Skip, owners: Owners) -> Result<()> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .ctx(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let name = name.to_string_lossy().into_owned();
        let entry = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        let meta = std::fs::symlink_metadata(&path).ctx(|| format!("reading {}", path.display()))?;
        let ft = meta.file_type();
        if skip(&entry, &meta) && (!ft.is_dir() || dir_is_empty(&path)) {
            continue;
        }
        let io = |e: std::io::Error| Error::io(format!("adding {entry} to the layer"), e);
        if is_whiteout(&meta) {
            let wh = match rel {
                "" => format!(".wh.{name}"),
                r => format!("{r}/.wh.{name}"),
            };
            append_empty(b, &wh, &meta).map_err(io)?;
            continue;
        }
        append_node(b, &entry, &path, &meta, owners).map_err(io)?;
        if ft.is_dir() {
            if super::copy::has_opaque(&path) {
                append_empty(b, &format!("{entry}/.wh..wh..opq"), &meta).map_err(io)?;
            }
            walk_upper(b, &path, &entry, skip, owners)?;
        }
    }
    Ok(())
}

/// One file, directory, symlink or device as it is on disk (a directory without contents).
fn append_node(
    b: &mut tar::Builder<&mut dyn Write>,
    entry: &str,
    path: &Path,
    meta: &std::fs::Metadata,
    owners: Owners,
) -> std::io::Result<()> {
    let ft = meta.file_type();
    let mut h = tar::Header::new_gnu();
    h.set_metadata_in_mode(meta, tar::HeaderMode::Complete);
    let (uid, gid) = owners(meta.uid(), meta.gid());
    h.set_uid(uid.into());
    h.set_gid(gid.into());
    if ft.is_dir() {
        h.set_size(0);
        b.append_data(&mut h, format!("{entry}/"), std::io::empty())
    } else if ft.is_symlink() {
        let target = std::fs::read_link(path)?;
        h.set_size(0);
        b.append_link(&mut h, entry, target)
    } else if ft.is_file() {
        let f = std::fs::File::open(path)?;
        b.append_data(&mut h, entry, f)
    } else {
        h.set_size(0);
        b.append_data(&mut h, entry, std::io::empty())
    }
}

fn is_whiteout(meta: &std::fs::Metadata) -> bool {
    meta.file_type().is_char_device() && meta.rdev() == 0
}

/// Writes layers (directories in overlay format, top first) merged into one layer tar: a
/// path comes from the topmost layer that has it, and a whiteout or opaque directory hides
/// what the layers below have. `keep_whiteouts` when the result goes on top of other
/// layers (`--squash`), where they still delete files; without (`--squash-all`) they go.
pub fn write_merged_tar(roots: &[PathBuf], w: &mut dyn Write, keep_whiteouts: bool) -> Result<()> {
    let mut b = tar::Builder::new(w);
    b.follow_symlinks(false);
    walk_merged(&mut b, roots, "", keep_whiteouts)?;
    b.finish().ctx(|| "writing the layer".into())?;
    Ok(())
}

fn walk_merged(b: &mut tar::Builder<&mut dyn Write>, dirs: &[PathBuf], rel: &str, keep: bool) -> Result<()> {
    let mut names = std::collections::BTreeSet::new();
    for d in dirs {
        for e in std::fs::read_dir(d).ctx(|| format!("reading {}", d.display()))? {
            names.insert(e.ctx(|| format!("reading {}", d.display()))?.file_name());
        }
    }
    for name in names {
        let name_s = name.to_string_lossy().into_owned();
        let entry = if rel.is_empty() { name_s.clone() } else { format!("{rel}/{name_s}") };
        let io = |e: std::io::Error| Error::io(format!("adding {entry} to the layer"), e);
        // The topmost layer's entry wins; a directory also shows the directories below it,
        // down to an opaque one or anything that is not a directory.
        let mut top: Option<(PathBuf, std::fs::Metadata)> = None;
        let mut below = Vec::new();
        let mut opaque = false;
        for d in dirs {
            let p = d.join(&name);
            let Ok(meta) = std::fs::symlink_metadata(&p) else { continue };
            let dir = meta.is_dir();
            if top.is_none() {
                top = Some((p.clone(), meta));
            }
            if !dir {
                break;
            }
            opaque = super::copy::has_opaque(&p);
            below.push(p);
            if opaque {
                break;
            }
        }
        let Some((path, meta)) = top else { continue };
        if is_whiteout(&meta) {
            if keep {
                let wh = if rel.is_empty() { format!(".wh.{name_s}") } else { format!("{rel}/.wh.{name_s}") };
                append_empty(b, &wh, &meta).map_err(io)?;
            }
            continue;
        }
        append_node(b, &entry, &path, &meta, &same_owners).map_err(io)?;
        if meta.is_dir() {
            if opaque && keep {
                append_empty(b, &format!("{entry}/.wh..wh..opq"), &meta).map_err(io)?;
            }
            walk_merged(b, &below, &entry, keep)?;
        }
    }
    Ok(())
}

fn dir_is_empty(p: &Path) -> bool {
    std::fs::read_dir(p).map(|mut d| d.next().is_none()).unwrap_or(false)
}

fn append_empty(b: &mut tar::Builder<&mut dyn Write>, path: &str, meta: &std::fs::Metadata) -> std::io::Result<()> {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Regular);
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_size(0);
    h.set_mtime(meta.mtime().max(0) as u64);
    b.append_data(&mut h, path, std::io::empty())
}

impl Engine {
    /// Runs `produce` (writing a tar) in a thread while the layer is extracted from its
    /// output, so no temp file is needed. Returns the staged layer, named by its chain id
    /// on top of `parent_chain`, and its diff_id.
    pub(super) fn stage_build_layer(
        &self,
        parent_chain: Option<&str>,
        label: &str,
        produce: impl FnOnce(&mut dyn Write) -> Result<()> + Send,
    ) -> Result<(Staged, String)> {
        let (r, w) = std::io::pipe().ctx(|| "creating a pipe".into())?;
        let provisional = format!("build-{}-{}", std::process::id(), next_serial());
        let (staged, produced) = std::thread::scope(|s| {
            let h = s.spawn(move || {
                let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
                let r = produce(&mut w);
                r.and_then(|_| w.flush().ctx(|| "writing the layer".into()))
            });
            let staged = self.stage_layers(vec![LayerJob {
                chain_id: provisional,
                diff_id: None,
                label: label.to_string(),
                reader: Box::new(r),
                blob_digest: None,
                keep_blob: false,
                tee_blob: true,
            }]);
            let produced = h.join().unwrap_or_else(|_| Err(Error::other("the layer writer panicked")));
            (staged, produced)
        });
        let mut staged = match (staged, produced) {
            (Ok(s), Ok(())) => s,
            (Ok(s), Err(e)) => {
                for st in &s {
                    let _ = crate::storage::remove_tree(&st.dir);
                }
                return Err(e);
            }
            // The reader stopping makes the writer fail with a broken pipe: report why.
            (Err(e), Ok(())) | (Err(e), Err(Error::BrokenPipe)) => return Err(e),
            // Otherwise the writer's error explains a truncated stream better.
            (Err(_), Err(e)) => return Err(e),
        };
        let s = staged.remove(0);
        let diff_id = s.report.diff_id.clone();
        let chain_id = match parent_chain {
            None => diff_id.trim_start_matches("sha256:").to_string(),
            Some(p) => crate::images::archive::sha256_hex(format!("sha256:{p} {diff_id}").as_bytes()),
        };
        Ok((Staged { chain_id, ..s }, diff_id))
    }
}

fn next_serial() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}

#[cfg(test)]
mod tests {
    use super::write_merged_tar;
    use std::io::Read;
    use std::path::Path;

    /// The entries of a tar, with the content of files.
    fn entries(tar_bytes: &[u8]) -> Vec<(String, String)> {
        let mut a = tar::Archive::new(tar_bytes);
        let mut out = Vec::new();
        for e in a.entries().unwrap() {
            let mut e = e.unwrap();
            let name = e.path().unwrap().to_string_lossy().into_owned();
            let mut s = String::new();
            let _ = e.read_to_string(&mut s);
            out.push((name, s));
        }
        out
    }

    fn write(p: &Path, s: &str) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    }

    #[test]
    fn merged_layers_take_the_top_entry_and_honour_opaque_dirs() {
        let base = std::env::temp_dir().join(format!("burrow-merge-test-{}", std::process::id()));
        let (top, low) = (base.join("top"), base.join("low"));
        write(&top.join("f1"), "new");
        write(&low.join("f1"), "old");
        write(&low.join("f2"), "two");
        write(&top.join("d/x"), "x");
        write(&low.join("d/y"), "y");
        let roots = [top.clone(), low.clone()];
        let mut out = Vec::new();
        write_merged_tar(&roots, &mut out, true).unwrap();
        let got = entries(&out);
        let has = |got: &[(String, String)], n: &str| got.iter().any(|(k, _)| k.trim_end_matches('/') == n);
        assert!(got.contains(&("f1".into(), "new".into())), "{got:?}");
        assert!(got.contains(&("f2".into(), "two".into())));
        assert!(has(&got, "d/x") && has(&got, "d/y"));
        // An opaque directory on top hides what the layers below have in it.
        let c = std::ffi::CString::new(top.join("d").as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: valid C strings and a one-byte value.
        let r = unsafe { libc::lsetxattr(c.as_ptr(), c"user.overlay.opaque".as_ptr(), b"y".as_ptr().cast(), 1, 0) };
        if r == 0 {
            let mut out = Vec::new();
            write_merged_tar(&roots, &mut out, true).unwrap();
            let got = entries(&out);
            assert!(has(&got, "d/x") && !has(&got, "d/y"), "{got:?}");
            assert!(has(&got, "d/.wh..wh..opq"), "kept on top of a base: {got:?}");
            let mut out = Vec::new();
            write_merged_tar(&roots, &mut out, false).unwrap();
            assert!(!entries(&out).iter().any(|(k, _)| k.contains(".wh.")), "nothing below to hide");
        }
        let _ = std::fs::remove_dir_all(&base);
    }
}
