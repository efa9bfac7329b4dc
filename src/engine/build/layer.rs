//! Build layers: an overlay upper dir turned into a layer tar (whiteouts and opaque
//! directories as OCI `.wh.` entries), and any tar stream committed as the next layer of a
//! build image through the same staging path `load`/`import` use.

use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

use super::super::load::{LayerJob, Staged};
use super::super::Engine;
use crate::error::{Error, IoContext, Result};

/// Says whether an entry (path relative to the root) is left out of the layer.
pub type Skip<'a> = &'a (dyn Fn(&str, &std::fs::Metadata) -> bool + Sync);

/// Writes `root` (an overlay upper dir) as a layer tar.
pub fn write_upper_tar(root: &Path, w: &mut dyn Write, skip: Skip) -> Result<()> {
    let mut b = tar::Builder::new(w);
    b.follow_symlinks(false);
    walk_upper(&mut b, root, "", skip)?;
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
    walk_upper(&mut b, root, "", &|rel, meta| !changed.contains(rel) || skip(rel, meta))?;
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

fn walk_upper(b: &mut tar::Builder<&mut dyn Write>, dir: &Path, rel: &str, skip: Skip) -> Result<()> {
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
        if ft.is_char_device() && meta.rdev() == 0 {
            let wh = match rel {
                "" => format!(".wh.{name}"),
                r => format!("{r}/.wh.{name}"),
            };
            append_empty(b, &wh, &meta).map_err(io)?;
            continue;
        }
        let mut h = tar::Header::new_gnu();
        h.set_metadata_in_mode(&meta, tar::HeaderMode::Complete);
        if ft.is_dir() {
            h.set_size(0);
            b.append_data(&mut h, format!("{entry}/"), std::io::empty()).map_err(io)?;
            if super::copy::has_opaque(&path) {
                append_empty(b, &format!("{entry}/.wh..wh..opq"), &meta).map_err(io)?;
            }
            walk_upper(b, &path, &entry, skip)?;
        } else if ft.is_symlink() {
            let target = std::fs::read_link(&path).map_err(io)?;
            h.set_size(0);
            b.append_link(&mut h, &entry, target).map_err(io)?;
        } else if ft.is_file() {
            let f = std::fs::File::open(&path).map_err(io)?;
            b.append_data(&mut h, &entry, f).map_err(io)?;
        } else {
            h.set_size(0);
            b.append_data(&mut h, &entry, std::io::empty()).map_err(io)?;
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
