//! `burrow container ...` and the top-level container verbs (`run`, `ps`, `rm`, ...).

pub mod commit;
pub mod cp;
pub mod exec;
pub mod lifecycle;
pub mod logs;
pub mod procs;
pub mod ps;
pub mod run;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it is the one invoked (clap's defer):
// building all of them cost every command ~0.5 ms.
#[command(defer = true)]
pub enum ContainerCommand {
    /// Attach to a running container
    Attach(procs::AttachArgs),
    /// Create new image based on the changed container
    Commit(commit::CommitArgs),
    /// Create but do not start a container
    Create(run::CreateCmd),
    /// Inspect changes to a container's filesystem
    Diff(procs::DiffArgs),
    /// Pause all processes in one or more containers
    Pause(procs::PauseArgs),
    /// Display the running processes of a container
    Top(procs::TopArgs),
    /// Unpause the processes in one or more containers
    Unpause(procs::PauseArgs),
    /// Run a process in a running container
    Exec(exec::ExecArgs),
    /// Check if a container exists
    Exists(lifecycle::ExistsArgs),
    /// Display the configuration of containers
    Inspect(crate::cmd::inspect::InspectArgs),
    /// Kill one or more running containers with a signal
    Kill(lifecycle::KillArgs),
    /// Fetch the logs of one or more containers
    Logs(logs::LogsArgs),
    /// List containers
    #[command(visible_alias = "ls", visible_alias = "ps")]
    List(ps::PsArgs),
    /// List port mappings of a container
    Port(lifecycle::PortArgs),
    /// Remove all stopped containers
    Prune(lifecycle::PruneArgs),
    /// Rename an existing container
    Rename(lifecycle::RenameArgs),
    /// Restart one or more containers
    Restart(lifecycle::StopArgs),
    /// Remove one or more containers
    Rm(lifecycle::RmArgs),
    /// Run a command in a new container
    Run(run::RunCmd),
    /// Start one or more containers
    Start(lifecycle::StartArgs),
    /// Stop one or more containers
    Stop(lifecycle::StopArgs),
    /// Block on one or more containers until a condition is reached
    Wait(lifecycle::WaitArgs),
    /// Export a container's filesystem contents as a tar archive
    Export(commit::ExportArgs),
}

pub fn run(g: &crate::engine::GlobalOptions, c: ContainerCommand) -> crate::error::Result<i32> {
    match c {
        ContainerCommand::Attach(a) => procs::attach(g, a),
        ContainerCommand::Commit(a) => commit::commit(g, a),
        ContainerCommand::Export(a) => commit::export(g, a),
        ContainerCommand::Create(a) => run::create(g, a),
        ContainerCommand::Diff(a) => procs::diff(g, a),
        ContainerCommand::Pause(a) => procs::pause(g, a, true),
        ContainerCommand::Top(a) => procs::top(g, a),
        ContainerCommand::Unpause(a) => procs::pause(g, a, false),
        ContainerCommand::Exec(a) => exec::run(g, a),
        ContainerCommand::Exists(a) => lifecycle::exists(g, a),
        ContainerCommand::Inspect(mut a) => {
            a.kind = "container".into();
            crate::cmd::inspect::run(g, a)
        }
        ContainerCommand::Kill(a) => lifecycle::kill(g, a),
        ContainerCommand::Logs(a) => logs::run(g, a),
        ContainerCommand::List(a) => ps::run(g, a),
        ContainerCommand::Port(a) => lifecycle::port(g, a),
        ContainerCommand::Prune(a) => lifecycle::prune(g, a),
        ContainerCommand::Rename(a) => lifecycle::rename(g, a),
        ContainerCommand::Restart(a) => lifecycle::restart(g, a),
        ContainerCommand::Rm(a) => lifecycle::rm(g, a),
        ContainerCommand::Run(a) => run::run(g, a),
        ContainerCommand::Start(a) => lifecycle::start(g, a),
        ContainerCommand::Stop(a) => lifecycle::stop(g, a),
        ContainerCommand::Wait(a) => lifecycle::wait(g, a),
    }
}

/// Runs `f` for every target, printing podman-style errors for all but the last failure
/// and returning the last one (multi-target verbs act on every target).
pub fn for_each(targets: &[String], mut f: impl FnMut(&str) -> crate::error::Result<()>) -> crate::error::Result<i32> {
    let mut last: Option<crate::error::Error> = None;
    for t in targets {
        if let Err(e) = f(t) {
            if let Some(prev) = last.take() {
                eprintln!("Error: {prev}");
            }
            last = Some(e);
        }
    }
    match last {
        Some(e) => Err(e),
        None => Ok(0),
    }
}
