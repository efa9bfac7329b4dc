//! Container networking: the `--network` modes (mode.rs), published ports (ports.rs), the
//! user-mode helpers that connect a container's namespace to the host (helper.rs: pasta,
//! slirp4netns), and the container's /etc/hosts and /etc/resolv.conf (files.rs).
//!
//! The engine decides everything at `create` and writes it into runtime.json as a
//! [`NetPlan`]; the monitor carries it out at each start without the database.

pub mod bridge;
pub mod files;
pub mod helper;
pub mod mode;
pub mod ports;
pub mod udp;

use serde::{Deserialize, Serialize};

pub use mode::NetMode;
pub use ports::PortMapping;

/// The container's network as the monitor sets it up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetPlan {
    pub mode: NetMode,
    #[serde(default)]
    pub ports: Vec<PortMapping>,
}
