//! `image history` and `image prune`.

use super::images::{lookup, RemoveOptions, RemoveReport};
use super::Engine;
use crate::error::{Error, Result};
use crate::images::config::ImageConfig;

/// One step of an image's history, newest first (podman's order).
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    /// The image id for the newest step, None (`<missing>`) for the others.
    pub id: Option<String>,
    pub created: i64,
    pub created_by: String,
    pub size: u64,
    pub comment: String,
}

impl Engine {
    pub fn history(&self, name: &str) -> Result<Vec<HistoryEntry>> {
        let images = self.store.db.images()?;
        let (img, _) = lookup(&images, name)?;
        let cfg = ImageConfig::parse(&img.config).map_err(Error::Refused)?;
        let mut sizes = Vec::new();
        for l in &img.layers {
            sizes.push(self.store.db.layer(l)?.map(|r| r.size).unwrap_or(0));
        }
        let mut layer = 0;
        let mut out = Vec::new();
        for h in &cfg.history {
            let size = if h.empty_layer {
                0
            } else {
                layer += 1;
                sizes.get(layer - 1).copied().unwrap_or(0)
            };
            let created = h
                .created
                .as_deref()
                .and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok())
                .map(|t| t.timestamp())
                .unwrap_or(0);
            out.push(HistoryEntry {
                id: None,
                created,
                created_by: h.created_by.clone().unwrap_or_default(),
                size,
                comment: h.comment.clone().unwrap_or_default(),
            });
        }
        if out.is_empty() {
            out.push(HistoryEntry {
                id: None,
                created: cfg.created_unix(),
                created_by: String::new(),
                size: img.size,
                comment: String::new(),
            });
        }
        out.reverse();
        out[0].id = Some(img.id.clone());
        Ok(out)
    }

    /// Removes dangling images (no name), or with `all` every image (no container uses
    /// images yet); returns what was removed.
    pub fn prune_images(&mut self, all: bool) -> Result<RemoveReport> {
        let targets: Vec<String> =
            self.store.db.images()?.into_iter().filter(|i| all || i.names.is_empty()).map(|i| i.id).collect();
        if targets.is_empty() {
            return Ok(RemoveReport::default());
        }
        self.remove_images(&RemoveOptions { names: targets, all: false, force: true })
    }
}

/// `image tree`: an image's layers, base first, with the images whose top layer each is.
#[derive(Debug, Clone)]
pub struct TreeReport {
    pub id: String,
    pub names: Vec<String>,
    pub size: u64,
    /// (chain id, size, names of images whose top layer this is), base first.
    pub layers: Vec<(String, u64, Vec<String>)>,
}

impl Engine {
    pub fn image_tree(&self, name: &str) -> Result<TreeReport> {
        let images = self.store.db.images()?;
        let (img, _) = lookup(&images, name)?;
        let mut layers = Vec::new();
        for l in &img.layers {
            let size = self.store.db.layer(l)?.map(|r| r.size).unwrap_or(0);
            let tops: Vec<String> = images
                .iter()
                .filter(|i| i.layers.last() == Some(l))
                .flat_map(|i| if i.names.is_empty() { vec![i.id[..12].to_string()] } else { i.names.clone() })
                .collect();
            layers.push((l.clone(), size, tops));
        }
        Ok(TreeReport { id: img.id.clone(), names: img.names.clone(), size: img.size, layers })
    }
}
