//! The command line: clap definitions only. Each verb file turns flags into engine
//! Options, calls one engine verb and prints its Report; nothing here touches storage.

pub mod args;
pub mod container;
pub mod docs;
pub mod image;
pub mod inspect;
pub mod login;
pub mod system;
pub mod network;
pub mod volume;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::engine::GlobalOptions;
use crate::error::{Error, Result};
use crate::output::OutputError;

/// Manage containers and images without a daemon and without root.
#[derive(Debug, Parser)]
#[command(
    name = "burrow",
    disable_version_flag = true,
    subcommand_required = false,
    max_term_width = 100,
    after_help = "Run 'burrow COMMAND --help' for more information on a command."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags every command accepts, as podman's global flags.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)
    #[arg(long, global = true, value_name = "DIR")]
    pub runroot: Option<PathBuf>,
    /// Log messages at and above this level: trace, debug, info, warn, error, fatal, panic
    #[arg(long, global = true, default_value = "warn", value_name = "LEVEL",
          value_parser = ["trace", "debug", "info", "warn", "warning", "error", "fatal", "panic"])]
    pub log_level: String,
    /// Storage driver: overlay or vfs
    #[arg(long, global = true, value_name = "DRIVER")]
    pub storage_driver: Option<String>,
    /// Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf's options)
    #[arg(long = "storage-opt", global = true, value_name = "KEY=VALUE")]
    pub storage_opt: Vec<String>,
    /// Print the version
    #[arg(short = 'v', long)]
    pub version: bool,
}

impl GlobalArgs {
    pub fn options(&self) -> GlobalOptions {
        GlobalOptions {
            root: self.root.clone(),
            runroot: self.runroot.clone(),
            storage_driver: self.storage_driver.clone(),
            storage_opts: self.storage_opt.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it is the one invoked (clap's defer):
// building all of them cost every command ~0.5 ms.
#[command(defer = true)]
pub enum Command {
    /// Manage containers
    #[command(subcommand)]
    Container(container::ContainerCommand),
    /// Build an image using instructions from Containerfiles
    Build(image::build::BuildArgs),
    /// Create new image based on the changed container
    Commit(container::commit::CommitArgs),
    /// Export a container's filesystem contents as a tar archive
    Export(container::commit::ExportArgs),
    /// Copy files between the host and a container
    Cp(container::cp::CpArgs),
    /// Create but do not start a container
    Create(container::run::CreateCmd),
    /// Attach to a running container
    Attach(container::procs::AttachArgs),
    /// Inspect changes to a container's filesystem
    Diff(container::procs::DiffArgs),
    /// Run a process in a running container
    Exec(container::exec::ExecArgs),
    /// Pause all processes in one or more containers
    Pause(container::procs::PauseArgs),
    /// Display the running processes of a container
    Top(container::procs::TopArgs),
    /// Unpause the processes in one or more containers
    Unpause(container::procs::PauseArgs),
    /// Kill one or more running containers with a signal
    Kill(container::lifecycle::KillArgs),
    /// Fetch the logs of one or more containers
    Logs(container::logs::LogsArgs),
    /// List port mappings of a container
    Port(container::lifecycle::PortArgs),
    /// List containers
    Ps(container::ps::PsArgs),
    /// Rename an existing container
    Rename(container::lifecycle::RenameArgs),
    /// Restart one or more containers
    Restart(container::lifecycle::StopArgs),
    /// Remove one or more containers
    Rm(container::lifecycle::RmArgs),
    /// Run a command in a new container
    Run(container::run::RunCmd),
    /// Start one or more containers
    Start(container::lifecycle::StartArgs),
    /// Stop one or more containers
    Stop(container::lifecycle::StopArgs),
    /// Block on one or more containers until a condition is reached
    Wait(container::lifecycle::WaitArgs),
    /// Manage images
    #[command(subcommand)]
    Image(image::ImageCommand),
    /// List images in local storage
    Images(image::list::ListArgs),
    /// Import a tarball to create a filesystem image
    Import(image::import::ImportArgs),
    /// Show history of a specified image
    History(image::history::HistoryArgs),
    /// Display the configuration of an object
    Inspect(inspect::InspectArgs),
    /// Load image(s) from a tar archive
    Load(image::load::LoadArgs),
    /// Log in to a container registry
    Login(login::LoginArgs),
    /// Log out of a container registry
    Logout(login::LogoutArgs),
    /// Pull an image from a registry
    Pull(image::pull::PullArgs),
    /// Push an image to a registry
    Push(image::push::PushArgs),
    /// Remove one or more images from local storage
    Rmi(image::rm::RmArgs),
    /// Save image(s) to an archive
    Save(image::save::SaveArgs),
    /// Add an additional name to a local image
    Tag(image::tag::TagArgs),
    /// Remove a name from a local image
    Untag(image::tag::UntagArgs),
    /// Display burrow system information
    Info(system::info::InfoArgs),
    /// Display the burrow version information
    Version(system::version::VersionArgs),
    /// Run a command in a modified user namespace
    Unshare(system::unshare::UnshareArgs),
    /// Manage burrow
    #[command(subcommand)]
    System(system::SystemCommand),
    /// Manage networks
    #[command(subcommand)]
    Network(network::NetworkCommand),
    /// Manage volumes
    #[command(subcommand)]
    Volume(volume::VolumeCommand),
    /// Generate shell completions and man pages (used to keep completions/ and man/ current)
    #[command(name = "__gen-docs", hide = true)]
    GenDocs(docs::GenDocsArgs),
}

impl Command {
    /// Verbs that create or remove image content run inside the user namespace (file
    /// ownership through the id map, removal of files owned by subordinate ids); the
    /// others only read or change records and skip joining to stay fast.
    pub fn needs_userns(&self) -> bool {
        use container::ContainerCommand as C;
        use image::ImageCommand as I;
        match self {
            Command::Cp(_)
            | Command::Create(_)
            | Command::Exec(_)
            | Command::Kill(_)
            | Command::Restart(_)
            | Command::Rm(_) => true,
            Command::Run(_) | Command::Start(_) | Command::Stop(_) => true,
            Command::Diff(_) | Command::Pause(_) | Command::Top(_) | Command::Unpause(_) => true,
            Command::Container(
                C::Create(_)
                | C::Commit(_)
                | C::Export(_)
                | C::Exec(_)
                | C::Kill(_)
                | C::Prune(_)
                | C::Restart(_)
                | C::Rm(_)
                | C::Run(_)
                | C::Start(_)
                | C::Stop(_),
            ) => true,
            Command::Build(_)
            | Command::Commit(_)
            | Command::Export(_)
            | Command::Import(_)
            | Command::Load(_)
            | Command::Pull(_)
            | Command::Rmi(_)
            | Command::Unshare(_)
            | Command::Info(_) => true,
            Command::Image(I::Build(_) | I::Import(_) | I::Load(_) | I::Rm(_) | I::Pull(_) | I::Prune(_)) => true,
            Command::System(system::SystemCommand::Info(_) | system::SystemCommand::Migrate) => true,
            Command::Network(c) => c.needs_userns(),
            Command::Volume(
                volume::VolumeCommand::Rm(_)
                | volume::VolumeCommand::Prune(_)
                | volume::VolumeCommand::Export(_)
                | volume::VolumeCommand::Import(_),
            ) => true,
            _ => false,
        }
    }
}

/// Runs a parsed command; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    let g = cli.global.options();
    let Some(command) = cli.command else {
        if cli.global.version {
            return system::version::print_short();
        }
        return Err(Error::usage_hint("missing command 'burrow COMMAND'", "Try 'burrow --help' for more information."));
    };
    use container::lifecycle as L;
    use image::ImageCommand as I;
    match command {
        Command::Build(a) => image::build::run(&g, a),
        Command::Commit(a) => container::commit::commit(&g, a),
        Command::Export(a) => container::commit::export(&g, a),
        Command::Container(c) => container::run(&g, c),
        Command::Cp(a) => container::cp::run(&g, a),
        Command::Create(a) => container::run::create(&g, a),
        Command::Exec(a) => container::exec::run(&g, a),
        Command::Attach(a) => container::procs::attach(&g, a),
        Command::Diff(a) => container::procs::diff(&g, a),
        Command::Pause(a) => container::procs::pause(&g, a, true),
        Command::Top(a) => container::procs::top(&g, a),
        Command::Unpause(a) => container::procs::pause(&g, a, false),
        Command::Kill(a) => L::kill(&g, a),
        Command::Logs(a) => container::logs::run(&g, a),
        Command::Port(a) => L::port(&g, a),
        Command::Ps(a) => container::ps::run(&g, a),
        Command::Rename(a) => L::rename(&g, a),
        Command::Restart(a) => L::restart(&g, a),
        Command::Rm(a) => L::rm(&g, a),
        Command::Run(a) => container::run::run(&g, a),
        Command::Start(a) => L::start(&g, a),
        Command::Stop(a) => L::stop(&g, a),
        Command::Wait(a) => L::wait(&g, a),
        Command::Image(c) => match c {
            I::Build(a) => image::build::run(&g, a),
            I::Ls(a) | I::List(a) => image::list::run(&g, a),
            I::History(a) => image::history::run(&g, a),
            I::Prune(a) => image::history::run_prune(&g, a),
            I::Tree(a) => image::history::run_tree(&g, a),
            I::Import(a) => image::import::run(&g, a),
            I::Inspect(a) => image::inspect::run(&g, a),
            I::Load(a) => image::load::run(&g, a),
            I::Pull(a) => image::pull::run(&g, a),
            I::Push(a) => image::push::run(&g, a),
            I::Rm(a) => image::rm::run(&g, a),
            I::Save(a) => image::save::run(&g, a),
            I::Tag(a) => image::tag::run(&g, a),
            I::Untag(a) => image::tag::run_untag(&g, a),
            I::Exists(a) => image::exists::run(&g, a),
        },
        Command::Images(a) => image::list::run(&g, a),
        Command::Import(a) => image::import::run(&g, a),
        Command::History(a) => image::history::run(&g, a),
        Command::Inspect(a) => inspect::run(&g, a),
        Command::Load(a) => image::load::run(&g, a),
        Command::Login(a) => login::run_login(a),
        Command::Logout(a) => login::run_logout(a),
        Command::Pull(a) => image::pull::run(&g, a),
        Command::Push(a) => image::push::run(&g, a),
        Command::Rmi(a) => image::rm::run(&g, a),
        Command::Save(a) => image::save::run(&g, a),
        Command::Tag(a) => image::tag::run(&g, a),
        Command::Untag(a) => image::tag::run_untag(&g, a),
        Command::Info(a) => system::info::run(&g, a),
        Command::Version(a) => system::version::run(a),
        Command::Unshare(a) => system::unshare::run(&g, a),
        Command::System(c) => match c {
            system::SystemCommand::Info(a) => system::info::run(&g, a),
            system::SystemCommand::Migrate => system::migrate(&g),
        },
        Command::Network(c) => network::run(&g, c),
        Command::Volume(c) => volume::run(&g, c),
        Command::GenDocs(a) => docs::run(a),
    }
}

/// Converts an output error into the engine's error (broken pipe stays quiet).
pub fn out_err(e: OutputError) -> Error {
    match e {
        OutputError::BrokenPipe => Error::BrokenPipe,
        OutputError::Template(m) => Error::usage(m),
        OutputError::Io(e) => Error::io("writing output", e),
    }
}

/// Writes text to stdout, treating a closed pipe as a normal end.
pub fn print_out(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|_| out.flush()).map_err(|e| Error::io("writing output", e))
}

/// Asks `WARNING! <warning>` and podman's `Are you sure you want to continue? [y/N]` on
/// stderr; true when the answer is y or yes.
pub fn confirm(warning: &str) -> bool {
    eprint!("WARNING! {warning}\nAre you sure you want to continue? [y/N] ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let _ = std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut line);
    matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

/// `rm NAME...` of networks and volumes: removes every one, printing what `remove`
/// returns for each; every failure is reported, the last as the error, with podman's exit
/// code (1 for an unknown one, 2 for one in use, else 125).
pub fn remove_each(names: &[String], mut remove: impl FnMut(&str) -> Result<String>) -> Result<i32> {
    let mut code = 0;
    let mut last: Option<Error> = None;
    for n in names {
        match remove(n) {
            Ok(shown) => print_out(&format!("{shown}\n"))?,
            Err(e) => {
                code = match e {
                    Error::NotFound(_) => 1,
                    Error::Conflict { .. } => 2,
                    _ => 125,
                };
                if let Some(prev) = last.replace(e) {
                    eprintln!("Error: {prev}");
                }
            }
        }
    }
    match last {
        Some(e) => Err(Error::WithCode { msg: e.to_string(), code }),
        None => Ok(0),
    }
}

/// Whether a `label=KEY` or `label=KEY=VALUE` filter value matches labels looked up by
/// `get`.
pub fn label_matches<'a>(want: &str, get: impl Fn(&str) -> Option<&'a str>) -> bool {
    match want.split_once('=') {
        Some((k, v)) => get(k) == Some(v),
        None => get(want).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_filters() {
        let labels = std::collections::BTreeMap::from([("app".to_string(), "web".to_string())]);
        let get = |k: &str| labels.get(k).map(String::as_str);
        assert!(label_matches("app", get));
        assert!(label_matches("app=web", get));
        assert!(!label_matches("app=db", get));
        assert!(!label_matches("tier", get));
    }

    #[test]
    fn remove_each_reports_the_last_failure_with_its_code() {
        let names: Vec<String> = ["a", "gone", "busy"].iter().map(|s| s.to_string()).collect();
        let r = remove_each(&names, |n| match n {
            "gone" => Err(Error::NotFound(format!("no {n}"))),
            "busy" => Err(Error::Conflict { msg: format!("{n} in use"), hint: None }),
            _ => Ok(n.to_string()),
        });
        match r {
            Err(Error::WithCode { msg, code }) => assert_eq!((msg.as_str(), code), ("busy in use", 2)),
            other => panic!("{other:?}"),
        }
        assert_eq!(remove_each(&names[..1], |n| Ok(n.to_string())).unwrap(), 0);
    }
}
