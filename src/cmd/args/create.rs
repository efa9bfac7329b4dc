//! The flags `create` and `run` share, and their translation into CreateOptions.

use clap::Args;

use crate::engine::container::create::CreateOptions;

#[derive(Debug, Clone, Args)]
pub struct CreateArgs {
    /// Print help (-h is --hostname, as in podman)
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    /// Add Linux capabilities
    #[arg(long = "cap-add", value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop Linux capabilities
    #[arg(long = "cap-drop", value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// Write the container id to this file
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<String>,
    /// Override the image's entrypoint ('' clears it; a JSON array is exec form)
    #[arg(long, value_name = "CMD", allow_hyphen_values = true)]
    pub entrypoint: Option<String>,
    /// Set an environment variable (KEY=VALUE, or KEY to copy it from this environment)
    #[arg(short = 'e', long = "env", value_name = "ENV")]
    pub env: Vec<String>,
    /// Read environment variables from a file
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_file: Vec<String>,
    /// Container host name
    #[arg(short = 'h', long)]
    pub hostname: Option<String>,
    /// Run an init inside the container that forwards signals and reaps processes
    #[arg(long)]
    pub init: bool,
    /// Keep stdin open
    #[arg(short = 'i', long)]
    pub interactive: bool,
    /// Set metadata on the container (KEY=VALUE)
    #[arg(short = 'l', long = "label")]
    pub label: Vec<String>,
    /// Add an annotation (KEY=VALUE)
    #[arg(long = "annotation")]
    pub annotation: Vec<String>,
    /// Memory limit (e.g. 512m, 1g)
    #[arg(short = 'm', long)]
    pub memory: Option<String>,
    /// Number of CPUs
    #[arg(long)]
    pub cpus: Option<f64>,
    /// Limit the number of processes (-1 = unlimited)
    #[arg(long = "pids-limit", allow_hyphen_values = true)]
    pub pids_limit: Option<i64>,
    /// Name of the container
    #[arg(long)]
    pub name: Option<String>,
    /// Network mode: none, host
    #[arg(long = "network", visible_alias = "net", default_value = "none")]
    pub network: String,
    /// Give extended privileges to the container
    #[arg(long)]
    pub privileged: bool,
    /// Pull policy: never, missing, always, newer
    #[arg(long, default_value = "missing")]
    pub pull: String,
    /// Make the root filesystem read-only
    #[arg(long = "read-only")]
    pub read_only: bool,
    /// With --read-only, mount tmpfs on /dev, /dev/shm, /run, /tmp and /var/tmp
    #[arg(long = "read-only-tmpfs", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub read_only_tmpfs: bool,
    /// Replace an existing container with the same name
    #[arg(long)]
    pub replace: bool,
    /// Restart policy: no, on-failure[:max_retries], always, unless-stopped
    #[arg(long, default_value = "no")]
    pub restart: String,
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// Security options: no-new-privileges, seccomp=unconfined|PATH, mask=..., unmask=...
    #[arg(long = "security-opt", value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// Signal to stop the container (default: the image's, else SIGTERM)
    #[arg(long = "stop-signal")]
    pub stop_signal: Option<String>,
    /// Seconds to wait before killing the container on stop
    #[arg(long = "stop-timeout")]
    pub stop_timeout: Option<u64>,
    /// Allocate a pseudo-TTY
    #[arg(short = 't', long)]
    pub tty: bool,
    /// Username or UID[:GID] to run as
    #[arg(short = 'u', long)]
    pub user: Option<String>,
    /// Ulimit options (e.g. nofile=1024:2048)
    #[arg(long)]
    pub ulimit: Vec<String>,
    /// Bind mount a host path or mount a volume: [SRC:]DEST[:OPTS] (ro, rw, z, Z, U, O, rbind, bind, nocopy, propagation)
    #[arg(short = 'v', long = "volume", value_name = "VOLUME")]
    pub volume: Vec<String>,
    /// Attach a filesystem mount: type=bind|volume|tmpfs,source=...,target=...[,OPTS]
    #[arg(long = "mount", value_name = "MOUNT")]
    pub mount: Vec<String>,
    /// Mount a tmpfs: DEST[:size=..,mode=..,OPTS]
    #[arg(long = "tmpfs", value_name = "TMPFS")]
    pub tmpfs: Vec<String>,
    /// User namespace: host (the default: your user namespace); keep-id, auto and nomap are not supported yet
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Working directory inside the container
    #[arg(short = 'w', long)]
    pub workdir: Option<String>,
    /// Image to create the container from
    pub image: String,
    /// Command and arguments
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

impl CreateArgs {
    pub fn options(&self) -> CreateOptions {
        CreateOptions {
            image: self.image.clone(),
            command: self.command.clone(),
            name: self.name.clone(),
            entrypoint: self.entrypoint.clone(),
            env: self.env.clone(),
            env_files: self.env_file.clone(),
            workdir: self.workdir.clone(),
            user: self.user.clone(),
            hostname: self.hostname.clone(),
            tty: self.tty,
            interactive: self.interactive,
            cap_add: self.cap_add.clone(),
            cap_drop: self.cap_drop.clone(),
            privileged: self.privileged,
            read_only: self.read_only,
            read_only_tmpfs: self.read_only_tmpfs,
            security_opts: self.security_opt.clone(),
            ulimits: self.ulimit.clone(),
            network: self.network.clone(),
            init: self.init,
            rm: self.rm,
            restart: self.restart.clone(),
            labels: self.label.clone(),
            annotations: self.annotation.clone(),
            stop_signal: self.stop_signal.clone(),
            stop_timeout: self.stop_timeout,
            memory: self.memory.clone(),
            cpus: self.cpus,
            pids_limit: self.pids_limit,
            replace: self.replace,
            cidfile: self.cidfile.clone(),
            volumes: self.volume.clone(),
            mounts: self.mount.clone(),
            tmpfs: self.tmpfs.clone(),
            userns: self.userns.clone(),
        }
    }
}
