//! Flags of the verbs that talk to a registry.

use std::path::PathBuf;

use clap::Args;

use crate::engine::pull::RegistryOptions;

// Flags of the verbs that talk to a registry (pull, push, login).
#[derive(Debug, Clone, Args)]
pub struct RegistryArgs {
    /// Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)
    #[arg(long, value_name = "FILE", env = "REGISTRY_AUTH_FILE")]
    pub authfile: Option<PathBuf>,
    /// Use certificates at the specified path to access the registry
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
}

impl RegistryArgs {
    pub fn options(&self, creds: Option<String>) -> RegistryOptions {
        RegistryOptions {
            tls_verify: self.tls_verify,
            creds,
            authfile: self.authfile.clone(),
            cert_dir: self.cert_dir.clone(),
        }
    }
}
