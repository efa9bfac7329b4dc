//! start, stop, restart, kill, rm, wait, exists, rename, prune, port.

use clap::Args;

use super::for_each;
use crate::cmd::print_out;
use crate::engine::container::start::{Attach, StartOutcome};
use crate::engine::{Engine, GlobalOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Attach to the container's output (and wait for it to exit)
    #[arg(short = 'a', long)]
    pub attach: bool,
    /// Keep stdin open (with --attach)
    #[arg(short = 'i', long)]
    pub interactive: bool,
    /// Proxy signals to the container (with --attach)
    #[arg(long = "sig-proxy", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub sig_proxy: bool,
    /// Key sequence for detaching a container (with --attach and -i; "" disables it)
    #[arg(long = "detach-keys", default_value = "ctrl-p,ctrl-q", value_name = "KEYS")]
    pub detach_keys: String,
    /// Containers to start
    #[arg(required = true)]
    pub containers: Vec<String>,
}

pub fn start(g: &GlobalOptions, a: StartArgs) -> Result<i32> {
    if a.attach && a.containers.len() > 1 {
        return Err(Error::usage("you cannot start and attach multiple containers at once"));
    }
    let detach_keys = crate::engine::container::attach::parse_detach_keys(&a.detach_keys)?;
    let mut engine = Engine::open_in_userns(g)?;
    if a.attach {
        let c = engine.container(&a.containers[0])?;
        return match engine.start_container(&c, Attach::Yes { sig_proxy: a.sig_proxy, detach_keys })? {
            StartOutcome::Exited { code, row } => {
                let s: crate::engine::container::create::StoredConfig =
                    serde_json::from_slice(&row.config).unwrap_or_default();
                if s.opts.rm {
                    engine.remove_container(&row.id, true, true)?;
                }
                Ok(code)
            }
            StartOutcome::Running(_) | StartOutcome::Detached(_) => Ok(0),
        };
    }
    for_each(&a.containers, |name| {
        let c = engine.container(name)?;
        engine.start_container(&c, Attach::No)?;
        print_out(&format!("{name}\n"))
    })
}

#[derive(Debug, Args)]
pub struct StopArgs {
    /// Seconds to wait before killing the container
    #[arg(short = 't', long = "time")]
    pub time: Option<u64>,
    /// Stop all running containers
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Ignore unknown containers
    #[arg(short = 'i', long)]
    pub ignore: bool,
    /// Read container ids from these files
    #[arg(long)]
    pub cidfile: Vec<String>,
    pub containers: Vec<String>,
}

fn targets(
    engine: &mut Engine,
    names: &[String],
    all: bool,
    cidfiles: &[String],
    only_running: bool,
) -> Result<Vec<String>> {
    let mut t = names.to_vec();
    for f in cidfiles {
        let id = std::fs::read_to_string(f).map_err(|e| Error::usage(format!("reading CIDFile {f}: {e}")))?;
        t.push(id.trim().to_string());
    }
    if all {
        t = engine.containers()?.into_iter().filter(|c| !only_running || c.state.is_active()).map(|c| c.name).collect();
    } else if t.is_empty() {
        return Err(Error::usage("you must provide at least one container name or id"));
    }
    Ok(t)
}

pub fn stop(g: &GlobalOptions, a: StopArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    let t = targets(&mut engine, &a.containers, a.all, &a.cidfile, true)?;
    for_each(&t, |name| match engine.stop_container(name, a.time) {
        Ok(_) => print_out(&format!("{name}\n")),
        Err(Error::NotFound(_)) if a.ignore => Ok(()),
        Err(e) => Err(e),
    })
}

pub fn restart(g: &GlobalOptions, a: StopArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    let t = targets(&mut engine, &a.containers, a.all, &a.cidfile, false)?;
    for_each(&t, |name| {
        let c = engine.stop_container(name, a.time)?;
        engine.start_container(&c, Attach::No)?;
        print_out(&format!("{}\n", c.id))
    })
}

#[derive(Debug, Args)]
pub struct KillArgs {
    /// Signal to send
    #[arg(short = 's', long, default_value = "KILL")]
    pub signal: String,
    /// Signal all running containers
    #[arg(short = 'a', long)]
    pub all: bool,
    #[arg(long)]
    pub cidfile: Vec<String>,
    pub containers: Vec<String>,
}

pub fn kill(g: &GlobalOptions, a: KillArgs) -> Result<i32> {
    crate::engine::container::stop::parse_signal(&a.signal)?;
    let mut engine = Engine::open_in_userns(g)?;
    let t = targets(&mut engine, &a.containers, a.all, &a.cidfile, true)?;
    for_each(&t, |name| {
        engine.kill_container(name, &a.signal)?;
        print_out(&format!("{name}\n"))
    })
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Kill running containers first
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Remove all containers
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Ignore unknown containers
    #[arg(short = 'i', long)]
    pub ignore: bool,
    /// Remove anonymous volumes too (accepted; volumes arrive later)
    #[arg(short = 'v', long)]
    pub volumes: bool,
    /// Seconds to wait for a stop before killing (with --force)
    #[arg(short = 't', long = "time")]
    pub time: Option<u64>,
    #[arg(long)]
    pub cidfile: Vec<String>,
    pub containers: Vec<String>,
}

pub fn rm(g: &GlobalOptions, a: RmArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    let t = targets(&mut engine, &a.containers, a.all, &a.cidfile, false)?;
    let mut code = 0;
    let r = for_each(&t, |name| match engine.remove_container(name, a.force, a.volumes) {
        Ok(_) => print_out(&format!("{name}\n")),
        Err(Error::NotFound(_)) if a.ignore || a.force => Ok(()),
        Err(e @ Error::NotFound(_)) => {
            code = code.max(1);
            Err(e)
        }
        Err(e @ Error::Conflict { .. }) => {
            code = 2;
            Err(e)
        }
        Err(e) => {
            code = 125;
            Err(e)
        }
    });
    match r {
        Ok(c) => Ok(c),
        // podman rm: 1 no such container, 2 running without --force, 125 otherwise.
        Err(e) => Err(Error::WithCode { msg: e.to_string(), code: if code == 0 { 125 } else { code } }),
    }
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Condition to wait for: running, exited, stopped, paused, created, ... (several allowed)
    #[arg(long)]
    pub condition: Vec<String>,
    /// Time between checks, e.g. 250ms
    #[arg(short = 'i', long, default_value = "250ms")]
    pub interval: String,
    /// Ignore unknown containers
    #[arg(long)]
    pub ignore: bool,
    #[arg(required = true)]
    pub containers: Vec<String>,
}

fn parse_interval(s: &str) -> Result<std::time::Duration> {
    let bad = || Error::usage(format!("invalid interval {s:?}"));
    if let Some(ms) = s.strip_suffix("ms") {
        return ms.parse().map(std::time::Duration::from_millis).map_err(|_| bad());
    }
    if let Some(sec) = s.strip_suffix('s') {
        return sec.parse::<f64>().map(std::time::Duration::from_secs_f64).map_err(|_| bad());
    }
    s.parse::<u64>().map(std::time::Duration::from_millis).map_err(|_| bad())
}

pub fn wait(g: &GlobalOptions, a: WaitArgs) -> Result<i32> {
    let interval = parse_interval(&a.interval)?.max(std::time::Duration::from_millis(5));
    let mut engine = Engine::open(g)?;
    for_each(&a.containers, |name| match engine.wait_container(name, &a.condition, interval) {
        Ok(code) => print_out(&format!("{code}\n")),
        Err(Error::NotFound(_)) if a.ignore => print_out("-1\n"),
        Err(e) => Err(e),
    })
}

#[derive(Debug, Args)]
pub struct ExistsArgs {
    pub container: String,
}

pub fn exists(g: &GlobalOptions, a: ExistsArgs) -> Result<i32> {
    let mut engine = Engine::open(g)?;
    match engine.container(&a.container) {
        Ok(_) => Ok(0),
        Err(Error::NotFound(_)) => Err(Error::Exit(1)),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    pub container: String,
    pub new_name: String,
}

pub fn rename(g: &GlobalOptions, a: RenameArgs) -> Result<i32> {
    Engine::open(g)?.rename_container(&a.container, &a.new_name)?;
    Ok(0)
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short = 'f', long)]
    pub force: bool,
}

pub fn prune(g: &GlobalOptions, a: PruneArgs) -> Result<i32> {
    if !a.force
        && std::io::IsTerminal::is_terminal(&std::io::stdin())
        && !crate::cmd::confirm("This will remove all non running containers.")
    {
        return Ok(0);
    }
    let mut engine = Engine::open_in_userns(g)?;
    let ids = engine.prune_containers()?;
    print_out(&ids.iter().map(|i| format!("{i}\n")).collect::<String>())?;
    Ok(0)
}

#[derive(Debug, Args)]
pub struct PortArgs {
    /// Show the port mappings of every container
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Act on the latest container
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// Container (and optionally PRIVATE_PORT[/PROTO])
    pub args: Vec<String>,
}

/// `port CTR [PORT[/PROTO]]`, `port -a`: the published ports, as podman prints them.
pub fn port(g: &GlobalOptions, a: PortArgs) -> Result<i32> {
    let mut engine = Engine::open(g)?;
    let mut args = a.args.iter();
    let containers = if a.all {
        engine.containers()?
    } else if a.latest {
        let mut all = engine.containers()?;
        all.sort_by(|x, y| x.created.cmp(&y.created));
        all.pop().into_iter().collect()
    } else {
        let Some(name) = args.next() else {
            return Err(Error::usage("you must supply a running container name or id"));
        };
        vec![engine.container(name)?]
    };
    let wanted = match args.next() {
        None => None,
        Some(p) => {
            let (num, proto) = p.split_once('/').unwrap_or((p, "tcp"));
            let n: u16 = num.parse().map_err(|_| Error::usage(format!("invalid port {p:?}: use PORT[/PROTOCOL]")))?;
            Some((n, proto.to_string(), p.clone()))
        }
    };
    let mut out = String::new();
    for c in &containers {
        let s = crate::engine::container::list::stored(c);
        let all = crate::network::ports::expand(&s.net.ports);
        match &wanted {
            Some((n, proto, shown)) => {
                let hits: Vec<_> = all.iter().filter(|(p, pr, _, _)| p == n && pr == proto).collect();
                if hits.is_empty() {
                    return Err(Error::usage(format!("failed to find published port {shown:?}")));
                }
                for (_, _, ip, hp) in hits {
                    out.push_str(&format!("{ip}:{hp}\n"));
                }
            }
            None => {
                for (p, proto, ip, hp) in &all {
                    if a.all {
                        out.push_str(&format!("{}\t", &c.id[..12]));
                    }
                    out.push_str(&format!("{p}/{proto} -> {ip}:{hp}\n"));
                }
            }
        }
    }
    print_out(&out)?;
    Ok(0)
}
