//! `pull [--all-tags] [-q] NAME`: progress bars on a terminal, podman's lines otherwise,
//! and the image id on stdout.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use clap::Args;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cmd::args::RegistryArgs;
use crate::cmd::print_out;
use crate::engine::pull::{Platform, PullOptions, PullProgress};
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct PullArgs {
    /// Pull all tagged images in the repository
    #[arg(short = 'a', long)]
    pub all_tags: bool,
    /// Suppress output information when pulling images
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Credentials (USERNAME:PASSWORD) to use for authenticating to a registry
    #[arg(long, value_name = "USER:PASS")]
    pub creds: Option<String>,
    /// Specify the platform for selecting the image (OS/ARCH[/VARIANT])
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Use ARCH instead of the architecture of the machine for choosing images
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// Use OS instead of the running OS for choosing images
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,
    /// Use VARIANT instead of the running architecture variant for choosing images
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
    #[command(flatten)]
    pub reg: RegistryArgs,
    /// Image to pull
    #[arg(value_name = "NAME")]
    pub name: String,
}

pub fn run(g: &GlobalOptions, a: PullArgs) -> Result<i32> {
    let mut platform = match &a.platform {
        Some(p) => Platform::parse(p)?,
        None => Platform::default(),
    };
    platform.os = a.os.clone().or(platform.os);
    platform.arch = a.arch.clone().or(platform.arch);
    platform.variant = a.variant.clone().or(platform.variant);
    let opts = PullOptions {
        name: a.name.clone(),
        all_tags: a.all_tags,
        platform,
        reg: a.reg.options(a.creds.clone()),
        tty: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
    };
    let mut engine = Engine::open_in_userns(g)?;
    let progress: Arc<dyn PullProgress> = if a.quiet {
        Arc::new(crate::engine::pull::NoProgress)
    } else if std::io::stderr().is_terminal() {
        Arc::new(Bars::new())
    } else {
        Arc::new(Lines)
    };
    let ids = engine.pull(&opts, progress)?;
    let mut text = String::new();
    for id in ids {
        text.push_str(&id);
        text.push('\n');
    }
    print_out(&text)?;
    Ok(0)
}

/// podman's output when stderr is not a terminal.
pub struct Lines;

impl PullProgress for Lines {
    fn trying(&self, name: &str) {
        eprintln!("Trying to pull {name}...");
    }
    fn signatures(&self) {
        eprintln!("Getting image source signatures");
    }
    fn blob_start(&self, digest: &str, _size: u64) {
        eprintln!("Copying blob {digest}");
    }
    fn blob_skipped(&self, digest: &str) {
        eprintln!("Copying blob {digest} skipped: already exists");
    }
    fn config(&self, digest: &str) {
        eprintln!("Copying config {digest}");
    }
    fn writing_manifest(&self) {
        eprintln!("Writing manifest to image destination");
        eprintln!("Storing signatures");
    }
}

/// One progress bar per blob on a terminal.
pub struct Bars {
    multi: MultiProgress,
    bars: Mutex<HashMap<String, ProgressBar>>,
}

impl Bars {
    pub fn new() -> Bars {
        Bars { multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()), bars: Mutex::new(HashMap::new()) }
    }
}

impl Default for Bars {
    fn default() -> Self {
        Bars::new()
    }
}

fn short(d: &str) -> &str {
    let h = d.trim_start_matches("sha256:");
    &h[..h.len().min(12)]
}

impl PullProgress for Bars {
    fn trying(&self, name: &str) {
        let _ = self.multi.println(format!("Trying to pull {name}..."));
    }
    fn blob_start(&self, digest: &str, size: u64) {
        let bar = self.multi.add(ProgressBar::new(size));
        let style = ProgressStyle::with_template("Copying blob {msg} {bar:30} {bytes}/{total_bytes} {bytes_per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(short(digest).to_string());
        if let Ok(mut b) = self.bars.lock() {
            b.insert(digest.to_string(), bar);
        }
    }
    fn blob_bytes(&self, digest: &str, n: u64) {
        if let Some(b) = self.bars.lock().ok().and_then(|b| b.get(digest).cloned()) {
            b.inc(n);
        }
    }
    fn blob_done(&self, digest: &str) {
        if let Some(b) = self.bars.lock().ok().and_then(|b| b.get(digest).cloned()) {
            b.finish();
        }
    }
    fn blob_skipped(&self, digest: &str) {
        let _ = self.multi.println(format!("Copying blob {} skipped: already exists", short(digest)));
    }
    fn config(&self, digest: &str) {
        let _ = self.multi.println(format!("Copying config {} done", short(digest)));
    }
    fn writing_manifest(&self) {
        let _ = self.multi.println("Writing manifest to image destination");
    }
}
