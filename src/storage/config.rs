//! The parts of containers-storage's configuration (storage.conf) burrow follows, and the
//! global `--storage-opt` flags that override its options: the graph driver and the
//! overlay `mount_program` (fuse-overlayfs).
//!
//! The file is looked up as podman does: `$CONTAINERS_STORAGE_CONF`, else (rootless)
//! `$XDG_CONFIG_HOME/containers/storage.conf` or `~/.config/containers/storage.conf`, else
//! `/etc/containers/storage.conf`, else `/usr/share/containers/storage.conf`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What storage.conf and `--storage-opt` say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StorageConf {
    /// The file read (None: there is none).
    pub file: Option<PathBuf>,
    /// `[storage] driver`.
    pub driver: Option<String>,
    /// `[storage.options.overlay] mount_program` (or the older `[storage.options] mount_program`).
    pub mount_program: Option<PathBuf>,
}

#[derive(Deserialize, Default)]
struct FileToml {
    #[serde(default)]
    storage: SectionToml,
}

#[derive(Deserialize, Default)]
struct SectionToml {
    driver: Option<String>,
    #[serde(default)]
    options: OptionsToml,
}

#[derive(Deserialize, Default)]
struct OptionsToml {
    mount_program: Option<String>,
    #[serde(default)]
    overlay: OverlayToml,
}

#[derive(Deserialize, Default)]
struct OverlayToml {
    mount_program: Option<String>,
}

/// Parses storage.conf text.
pub fn parse(text: &str) -> Result<StorageConf, String> {
    let f: FileToml = toml::from_str(text).map_err(|e| e.to_string())?;
    let o = f.storage.options;
    let program = o.overlay.mount_program.or(o.mount_program).filter(|p| !p.is_empty());
    Ok(StorageConf {
        file: None,
        driver: f.storage.driver.filter(|d| !d.is_empty()),
        mount_program: program.map(PathBuf::from),
    })
}

fn env_path(key: &str) -> Option<PathBuf> {
    std::env::var_os(key).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// The storage.conf podman would read, if any exists.
pub fn locate(rootless: bool) -> Option<PathBuf> {
    if let Some(p) = env_path("CONTAINERS_STORAGE_CONF") {
        return Some(p);
    }
    let mut candidates = Vec::new();
    if rootless {
        if let Some(x) = env_path("XDG_CONFIG_HOME") {
            candidates.push(x.join("containers/storage.conf"));
        } else if let Some(h) = env_path("HOME") {
            candidates.push(h.join(".config/containers/storage.conf"));
        }
    }
    candidates.push(PathBuf::from("/etc/containers/storage.conf"));
    candidates.push(PathBuf::from("/usr/share/containers/storage.conf"));
    candidates.into_iter().find(|p| p.is_file())
}

/// Reads the storage.conf podman would read (an empty config when there is none).
pub fn load(rootless: bool) -> Result<StorageConf, String> {
    let Some(path) = locate(rootless) else { return Ok(StorageConf::default()) };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        // CONTAINERS_STORAGE_CONF naming a missing file: podman reads nothing either.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(StorageConf::default()),
        Err(e) => return Err(format!("reading {}: {e}", path.display())),
    };
    let mut conf = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    conf.file = Some(path);
    Ok(conf)
}

/// Applies global `--storage-opt KEY=VALUE` flags for `driver`. As in podman, giving any
/// replaces the file's options (`--storage-opt ""` clears them).
pub fn apply_storage_opts(conf: &mut StorageConf, driver: &str, opts: &[String]) -> Result<(), String> {
    if opts.is_empty() {
        return Ok(());
    }
    conf.mount_program = None;
    for o in opts.iter().filter(|o| !o.trim().is_empty()) {
        let (key, value) = o.split_once('=').ok_or_else(|| format!("unable to parse key/value option: {o}"))?;
        let key = key.trim().to_ascii_lowercase();
        let bare = key.strip_prefix("overlay2.").or_else(|| key.strip_prefix("overlay.")).unwrap_or(&key);
        let bare = bare.strip_prefix('.').unwrap_or(bare);
        match (driver, bare) {
            ("overlay", "mount_program") => {
                conf.mount_program = Some(PathBuf::from(value.trim())).filter(|p| !p.as_os_str().is_empty())
            }
            ("overlay", _) => return Err(format!("overlay: unknown option {key}")),
            _ => return Err(format!("{driver} driver does not support {key} options")),
        }
    }
    Ok(())
}

/// podman refuses a mount_program it can't find, for every command.
pub fn check_mount_program(p: &Path) -> Result<(), String> {
    std::fs::metadata(p).map(|_| ()).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::NotFound { "no such file or directory".into() } else { e.to_string() };
        format!("overlay: can't stat program {:?}: stat {}: {why}", p.display().to_string(), p.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_driver_and_mount_program() {
        let c = parse(
            "[storage]\ndriver = \"overlay\"\ngraphroot = \"/x\"\n[storage.options]\npull_options = {enable_partial_images = \"false\"}\n[storage.options.overlay]\nmount_program = \"/usr/bin/fuse-overlayfs\"\nmountopt = \"nodev\"\n",
        )
        .unwrap();
        assert_eq!(c.driver.as_deref(), Some("overlay"));
        assert_eq!(c.mount_program, Some(PathBuf::from("/usr/bin/fuse-overlayfs")));
        let old = parse("[storage.options]\nmount_program = \"/bin/f\"\n").unwrap();
        assert_eq!(old.mount_program, Some(PathBuf::from("/bin/f")));
        assert_eq!(parse("").unwrap(), StorageConf::default());
        assert!(parse("[storage\n").is_err());
    }

    #[test]
    fn storage_opts_override_the_file() {
        let mut c = StorageConf { mount_program: Some("/from/file".into()), ..Default::default() };
        apply_storage_opts(&mut c, "overlay", &["overlay.mount_program=/usr/bin/fuse-overlayfs".into()]).unwrap();
        assert_eq!(c.mount_program, Some(PathBuf::from("/usr/bin/fuse-overlayfs")));
        apply_storage_opts(&mut c, "overlay", &["".into()]).unwrap();
        assert_eq!(c.mount_program, None, "--storage-opt \"\" clears the file's options");
        apply_storage_opts(&mut c, "overlay", &["mount_program=/bin/f".into()]).unwrap();
        assert_eq!(c.mount_program, Some(PathBuf::from("/bin/f")));
        let mut c = StorageConf { mount_program: Some("/from/file".into()), ..Default::default() };
        apply_storage_opts(&mut c, "overlay", &[]).unwrap();
        assert_eq!(c.mount_program, Some(PathBuf::from("/from/file")), "no flag keeps the file's");
        assert_eq!(apply_storage_opts(&mut c, "overlay", &["bogus=1".into()]).unwrap_err(), "overlay: unknown option bogus");
        assert!(apply_storage_opts(&mut c, "vfs", &["mount_program=/x".into()]).unwrap_err().contains("vfs driver"));
        assert!(apply_storage_opts(&mut c, "overlay", &["novalue".into()]).is_err());
    }

    #[test]
    fn missing_program_is_named() {
        let e = check_mount_program(Path::new("/nonexistent/fuse")).unwrap_err();
        assert_eq!(e, "overlay: can't stat program \"/nonexistent/fuse\": stat /nonexistent/fuse: no such file or directory");
    }
}
