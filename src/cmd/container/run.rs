//! `run` and `create`.

use clap::Args;

use crate::cmd::args::create::CreateArgs;
use crate::cmd::print_out;
use crate::engine::container::start::{Attach, StartOutcome};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

// `-h` is `--hostname` (as in podman), so help is `--help` only.
#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct CreateCmd {
    #[command(flatten)]
    pub create: CreateArgs,
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
}

#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct RunCmd {
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    /// Run the container in the background and print its id
    #[arg(short = 'd', long)]
    pub detach: bool,
    /// Proxy received signals to the container (foreground only)
    #[arg(long = "sig-proxy", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub sig_proxy: bool,
    /// Key sequence for detaching a container (with -i; "" disables it)
    #[arg(long = "detach-keys", default_value = "ctrl-p,ctrl-q", value_name = "KEYS")]
    pub detach_keys: String,
    #[command(flatten)]
    pub create: CreateArgs,
}

fn check_pull(policy: &str) -> Result<()> {
    match policy {
        "never" | "missing" | "always" | "newer" => Ok(()),
        other => Err(Error::usage(format!("invalid pull policy {other:?}: must be always, missing, never or newer"))),
    }
}

/// `--pull`: make the image present (pulling it when the policy says so).
fn ensure_image(engine: &mut Engine, image: &str, policy: &str) -> Result<()> {
    use crate::engine::pull::{PullOptions, PullPolicy};
    let policy: PullPolicy = policy.parse()?;
    let opts = PullOptions {
        name: image.to_string(),
        all_tags: false,
        platform: Default::default(),
        reg: Default::default(),
        tty: false,
    };
    engine.ensure_image(image, policy, &opts).map(|_| ())
}

pub fn create(g: &GlobalOptions, a: CreateCmd) -> Result<i32> {
    check_pull(&a.create.pull)?;
    let mut engine = Engine::open_in_userns(g)?;
    ensure_image(&mut engine, &a.create.image, &a.create.pull)?;
    let row = engine.create_container(&a.create.options())?;
    print_out(&format!("{}\n", row.id))?;
    Ok(0)
}

/// `BURROW_TRACE_TIMING=1` prints how long each phase of `run` took (for profiling).
fn phase(start: std::time::Instant, what: &str) {
    if std::env::var_os("BURROW_TRACE_TIMING").is_some() {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        eprintln!(
            "[cli {}.{:06}] [{:>8.3} ms] {what}",
            t.as_secs() % 100,
            t.subsec_micros(),
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

pub fn run(g: &GlobalOptions, a: RunCmd) -> Result<i32> {
    let t0 = std::time::Instant::now();
    check_pull(&a.create.pull)?;
    let detach_keys = crate::engine::container::attach::parse_detach_keys(&a.detach_keys)?;
    let opts = a.create.options();
    let mut engine = Engine::open_in_userns(g)?;
    phase(t0, "joined the user namespace, opened the store");
    ensure_image(&mut engine, &opts.image, &a.create.pull)?;
    let row = engine.create_container(&opts)?;
    phase(t0, "created");
    let attach = if a.detach { Attach::No } else { Attach::Yes { sig_proxy: a.sig_proxy, detach_keys } };
    let outcome = engine.start_container(&row, attach);
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => {
            if opts.rm {
                let _ = engine.remove_container(&row.id, true, true);
            }
            return Err(e);
        }
    };
    match outcome {
        // podman prints nothing when the user detaches; `--rm` is left to the monitor.
        StartOutcome::Detached(_) => Ok(0),
        StartOutcome::Running(r) => {
            print_out(&format!("{}\n", r.id))?;
            Ok(0)
        }
        StartOutcome::Exited { row, code } => {
            phase(t0, "exited");
            if opts.rm {
                engine.remove_container(&row.id, true, true)?;
                phase(t0, "removed");
            }
            Ok(code)
        }
    }
}
