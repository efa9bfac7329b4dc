//! `network create [NAME]`: prints the network's name.

use clap::Args;

use crate::cmd::print_out;
use crate::engine::{Engine, GlobalOptions};
use crate::error::Result;
use crate::network::bridge::CreateRequest;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Driver to manage the network (only `bridge`)
    #[arg(short = 'd', long, default_value = "bridge")]
    pub driver: String,
    /// Subnet in CIDR format (free /24s of 10.89.0.0/16 when not given)
    #[arg(long)]
    pub subnet: Option<String>,
    /// IPv4 gateway for the subnet (its first address when not given)
    #[arg(long)]
    pub gateway: Option<String>,
    /// Allocate container addresses from a range (CIDR inside the subnet)
    #[arg(long = "ip-range")]
    pub ip_range: Option<String>,
    /// Set metadata on a network (KEY=VALUE)
    #[arg(long = "label")]
    pub label: Vec<String>,
    /// Set driver specific options (mtu=N)
    #[arg(short = 'o', long = "opt")]
    pub opt: Vec<String>,
    /// Restrict external access from this network
    #[arg(long)]
    pub internal: bool,
    /// Disable the DNS responder for this network
    #[arg(long = "disable-dns")]
    pub disable_dns: bool,
    /// Enable IPv6 networking (not supported yet: refused)
    #[arg(long)]
    pub ipv6: bool,
    /// Don't fail if the network already exists
    #[arg(long)]
    pub ignore: bool,
    /// Name of the network (burrowN when not given)
    pub name: Option<String>,
}

pub fn run(g: &GlobalOptions, a: CreateArgs) -> Result<i32> {
    let mut engine = Engine::open(g)?;
    let name = match a.name {
        Some(n) => n,
        None => {
            let names: Vec<String> = engine.networks()?.into_iter().map(|n| n.name).collect();
            (1..).map(|i| format!("podman{i}")).find(|n| !names.contains(n)).unwrap_or_default()
        }
    };
    if a.ignore {
        if let Ok(n) = engine.network(&name) {
            return print_out(&format!("{}\n", n.name)).map(|_| 0);
        }
    }
    let req = CreateRequest {
        name,
        driver: a.driver,
        subnet: a.subnet,
        gateway: a.gateway,
        ip_range: a.ip_range,
        labels: a.label,
        options: a.opt,
        internal: a.internal,
        disable_dns: a.disable_dns,
        ipv6: a.ipv6,
    };
    let n = engine.create_network(&req)?;
    print_out(&format!("{}\n", n.name))?;
    Ok(0)
}
