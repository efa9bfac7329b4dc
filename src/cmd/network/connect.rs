//! `network connect` and `network disconnect`.

use clap::Args;

use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct ConnectArgs {
    /// Add a network-scoped alias for the container
    #[arg(long = "alias")]
    pub alias: Vec<String>,
    /// Set a static IPv4 address for the container on this network
    #[arg(long)]
    pub ip: Option<String>,
    /// Network name or ID
    pub network: String,
    /// Container name or ID
    pub container: String,
}

#[derive(Debug, Args)]
pub struct DisconnectArgs {
    /// Disconnect even if the container's interface can't be removed
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Network name or ID
    pub network: String,
    /// Container name or ID
    pub container: String,
}

pub fn run_connect(g: &GlobalOptions, a: ConnectArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    engine.connect_network(&a.network, &a.container, &a.alias, a.ip.as_deref())?;
    Ok(0)
}

pub fn run_disconnect(g: &GlobalOptions, a: DisconnectArgs) -> Result<i32> {
    let mut engine = Engine::open_in_userns(g)?;
    engine.disconnect_network(&a.network, &a.container)?;
    Ok(0)
}
