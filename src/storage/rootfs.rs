//! Which way a container's root filesystem is put together (see docs/storage.md):
//! kernel overlay inside the user namespace, fuse-overlayfs when the kernel can't do that
//! or when a mount_program is configured, and a copy of the layers (vfs) as the last resort
//! or with `--storage-driver vfs`.

use std::path::{Path, PathBuf};

/// The rootfs backend, as recorded in the container's runtime.json (`RootfsPlan::driver`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// Kernel overlayfs, mounted by the container's init in its own mount namespace.
    KernelOverlay,
    /// fuse-overlayfs (the program given), mounted by the monitor in the user namespace.
    Fuse(PathBuf),
    /// The layers copied into the container's directory at create, bind-mounted.
    Copy,
}

impl Backend {
    /// The name in runtime.json and `info`'s `Rootfs Mount`.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::KernelOverlay => "overlay",
            Backend::Fuse(_) => "fuse-overlayfs",
            Backend::Copy => "vfs",
        }
    }
}

/// Whether the kernel mounts overlayfs for us: always as real root, and inside a user
/// namespace from Linux 5.13 on (`release` as in /proc/sys/kernel/osrelease).
pub fn kernel_overlay_in_userns(rootless: bool, release: &str) -> bool {
    let mut nums = release.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse::<u32>().ok());
    let (major, minor) = (nums.next().unwrap_or(0), nums.next().unwrap_or(0));
    !rootless || (major, minor) >= (5, 13)
}

/// The backend for `driver` given what is configured and what this host has.
pub fn choose(driver: &str, mount_program: Option<&Path>, kernel_overlay: bool, fuse_helper: Option<PathBuf>) -> Backend {
    if driver == "vfs" {
        return Backend::Copy;
    }
    if let Some(p) = mount_program {
        return Backend::Fuse(p.to_path_buf());
    }
    if kernel_overlay {
        return Backend::KernelOverlay;
    }
    match fuse_helper {
        Some(p) => Backend::Fuse(p),
        None => Backend::Copy,
    }
}

/// The backend containers created now get on this host.
pub fn host_backend(driver: &str, mount_program: Option<&Path>, rootless: bool) -> Backend {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let kernel = kernel_overlay_in_userns(rootless, release.trim());
    // Looked for only when needed: PATH walks cost time on every create.
    let helper = if driver == "overlay" && mount_program.is_none() && !kernel {
        crate::userns::helper_path("fuse-overlayfs")
    } else {
        None
    };
    choose(driver, mount_program, kernel, helper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_versions() {
        assert!(kernel_overlay_in_userns(true, "5.13.0-1-amd64"));
        assert!(kernel_overlay_in_userns(true, "6.18.44-fc"));
        assert!(!kernel_overlay_in_userns(true, "5.10.0-28-amd64"));
        assert!(kernel_overlay_in_userns(false, "4.19.0"), "real root mounts overlay on any kernel");
        assert!(!kernel_overlay_in_userns(true, ""));
    }

    #[test]
    fn backend_choice() {
        let fuse = PathBuf::from("/usr/bin/fuse-overlayfs");
        assert_eq!(choose("vfs", Some(&fuse), true, None), Backend::Copy, "the vfs driver always copies");
        assert_eq!(choose("overlay", Some(&fuse), true, None), Backend::Fuse(fuse.clone()), "configured wins");
        assert_eq!(choose("overlay", None, true, Some(fuse.clone())), Backend::KernelOverlay);
        assert_eq!(choose("overlay", None, false, Some(fuse.clone())), Backend::Fuse(fuse.clone()));
        assert_eq!(choose("overlay", None, false, None), Backend::Copy, "the last resort");
        assert_eq!(Backend::Fuse(fuse).name(), "fuse-overlayfs");
    }
}
