//! User-defined networks: `network create/ls/inspect/rm/prune/exists/connect/disconnect`,
//! and the resolution (existence, addresses) of the networks a container joins.
//!
//! Records are one JSON file per network under `<store>/networks/` (podman keeps the same
//! layout), written while holding `<store>/networks/.lock`; the default network "podman"
//! exists implicitly. Which containers use a network is read from their records.

use std::fs::File;
use std::net::Ipv4Addr;
use std::os::fd::AsRawFd;

use serde_json::{json, Value};

use super::container::list::stored;
use super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::network::bridge::{self, attach, CreateRequest, Network};
use crate::network::mode::Attachment;
use crate::network::NetMode;
use crate::storage::containers::{self, ContainerRow};

fn not_found(name: &str) -> Error {
    Error::NotFound(format!("unable to find network with name or ID {name}: network not found"))
}

/// How long an address chosen at `create` is held for the container's record to appear.
const LEASE_TIME: std::time::Duration = std::time::Duration::from_secs(60);

/// A lock on the network records.
struct NetLock(#[allow(dead_code)] File);

/// The container's attachments to user-defined networks.
fn attachments(c: &ContainerRow) -> Vec<Attachment> {
    match stored(c).net.mode {
        NetMode::Bridge { networks } => networks,
        _ => Vec::new(),
    }
}

impl Engine {
    fn lock_networks(&self) -> Result<NetLock> {
        let dir = attach::networks_dir(&self.store.paths.root);
        std::fs::create_dir_all(&dir).ctx(|| format!("creating {}", dir.display()))?;
        let path = dir.join(".lock");
        let f = File::options().create(true).truncate(false).write(true).open(&path).ctx(|| format!("opening {}", path.display()))?;
        if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(Error::io("locking the network records", std::io::Error::last_os_error()));
        }
        Ok(NetLock(f))
    }

    /// Every network, the default one too, by name (podman's order).
    pub fn networks(&self) -> Result<Vec<Network>> {
        let dir = attach::networks_dir(&self.store.paths.root);
        let mut out = Vec::new();
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(n) = name.strip_suffix(".json") {
                if let Some(net) = attach::load(&self.store.paths.root, n) {
                    out.push(net);
                }
            }
        }
        out.push(bridge::default_network());
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// A network by name, full id or unique id prefix.
    pub fn network(&self, name: &str) -> Result<Network> {
        let all = self.networks()?;
        if let Some(n) = all.iter().find(|n| n.name == name || n.id == name) {
            return Ok(n.clone());
        }
        let by_prefix: Vec<&Network> = all.iter().filter(|n| !name.is_empty() && n.id.starts_with(name)).collect();
        match by_prefix.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(not_found(name)),
            _ => Err(Error::usage(format!("more than one result for network ID {name}"))),
        }
    }

    pub fn create_network(&mut self, req: &CreateRequest) -> Result<Network> {
        let _l = self.lock_networks()?;
        let existing = self.networks()?;
        let id = super::container::create::random_hex(32);
        // Local time as podman prints it (`Z` for UTC, else the offset).
        let now = chrono::Local::now();
        let created = if now.offset().local_minus_utc() == 0 {
            now.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
        } else {
            now.to_rfc3339_opts(chrono::SecondsFormat::Nanos, false)
        };
        let net = bridge::plan(req, &existing, id, created).map_err(|e| {
            if e.contains("already exists") {
                Error::Conflict { msg: e, hint: Some("choose another name, or remove the existing network".into()) }
            } else {
                Error::usage(e)
            }
        })?;
        let path = attach::networks_dir(&self.store.paths.root).join(format!("{}.json", net.name));
        let tmp = path.with_extension("json.tmp");
        let data = serde_json::to_vec_pretty(&net).map_err(Error::other)?;
        std::fs::write(&tmp, data).ctx(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &path).ctx(|| format!("writing {}", path.display()))?;
        Ok(net)
    }

    /// The containers attached to the network: (id, name).
    pub fn network_users(&mut self, net: &str) -> Result<Vec<(String, String)>> {
        Ok(self
            .containers()?
            .iter()
            .filter(|c| attachments(c).iter().any(|a| a.network == net))
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect())
    }

    /// `network rm`: refused while containers use it, unless `force` (they are removed).
    pub fn remove_network(&mut self, name: &str, force: bool) -> Result<Network> {
        let net = self.network(name)?;
        if net.name == bridge::DEFAULT_NAME {
            return Err(Error::usage(format!("default network {} cannot be removed", net.name)));
        }
        let users = self.network_users(&net.name)?;
        if !users.is_empty() && !force {
            return Err(Error::Conflict {
                msg: format!(
                    "\"{}\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used",
                    net.name
                ),
                hint: None,
            });
        }
        for (id, _) in &users {
            self.remove_container(id, true, false)?;
        }
        let _l = self.lock_networks()?;
        let path = attach::networks_dir(&self.store.paths.root).join(format!("{}.json", net.name));
        std::fs::remove_file(&path).ctx(|| format!("removing {}", path.display()))?;
        bridge::netns::remove_network(&self.store.paths.runroot, &net);
        Ok(net)
    }

    /// `network prune`: every network but the default that no container uses.
    pub fn prune_networks(&mut self, keep: impl Fn(&Network) -> bool) -> Result<Vec<String>> {
        let mut removed = Vec::new();
        for n in self.networks()? {
            if n.name == bridge::DEFAULT_NAME || !keep(&n) || !self.network_users(&n.name)?.is_empty() {
                continue;
            }
            self.remove_network(&n.name, false)?;
            removed.push(n.name);
        }
        Ok(removed)
    }

    /// Addresses in use on a network: by any container's record but `except`'s, and by
    /// the leases of `create`s still on their way to writing their record.
    fn used_ips(&mut self, net: &str, except: &str) -> Result<Vec<Ipv4Addr>> {
        let mut used: Vec<Ipv4Addr> = self
            .containers()?
            .iter()
            .filter(|c| c.id != except)
            .flat_map(attachments)
            .filter(|a| a.network == net)
            .filter_map(|a| a.ip.parse().ok())
            .collect();
        let dir = attach::networks_dir(&self.store.paths.root).join("leases");
        let prefix = format!("{net}@");
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let age = e.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
            if age.is_none_or(|a| a > LEASE_TIME) {
                let _ = std::fs::remove_file(e.path());
            } else if let Some(ip) = name.strip_prefix(&prefix).and_then(|i| i.parse().ok()) {
                used.push(ip);
            }
        }
        Ok(used)
    }

    /// Holds an address chosen for a container whose record isn't written yet (the lock
    /// on the records is released before that).
    fn lease(&self, net: &str, ip: Ipv4Addr) -> Result<()> {
        let dir = attach::networks_dir(&self.store.paths.root).join("leases");
        std::fs::create_dir_all(&dir).ctx(|| format!("creating {}", dir.display()))?;
        let path = dir.join(format!("{net}@{ip}"));
        std::fs::write(&path, b"").ctx(|| format!("writing {}", path.display()))
    }

    /// At create: the networks must exist (names become canonical) and each attachment
    /// gets its address.
    pub(crate) fn resolve_attachments(&mut self, atts: &mut [Attachment]) -> Result<()> {
        let _l = self.lock_networks()?;
        let mut taken: Vec<(String, Ipv4Addr)> = Vec::new();
        for a in atts.iter_mut() {
            let net = self.network(&a.network)?;
            if taken.iter().any(|(n, _)| *n == net.name) {
                return Err(Error::usage(format!("network {} is given more than once", net.name)));
            }
            if !a.interface_name.is_empty() {
                bridge::check_interface_name(&a.interface_name).map_err(Error::usage)?;
            }
            for al in &a.aliases {
                if !bridge::valid_name(al) {
                    return Err(Error::usage(format!("invalid network alias {al:?}: use [a-zA-Z0-9][a-zA-Z0-9_.-]*")));
                }
            }
            let used = self.used_ips(&net.name, "")?;
            let ip = bridge::pick_ip(&net, &used, Some(&a.ip)).map_err(Error::usage)?;
            self.lease(&net.name, ip)?;
            a.network = net.name.clone();
            a.ip = ip.to_string();
            taken.push((net.name, ip));
        }
        Ok(())
    }

    /// Writes the container's attachments into its record and its runtime.json.
    fn set_attachments(&mut self, c: &ContainerRow, atts: Vec<Attachment>) -> Result<()> {
        let mut cfg = stored(c);
        cfg.net.mode = NetMode::Bridge { networks: atts.clone() };
        let data = serde_json::to_vec(&cfg).map_err(Error::other)?;
        let rt_path = self.store.paths.container(&c.id).join("runtime.json");
        let mut rt: Value = serde_json::from_slice(&std::fs::read(&rt_path).ctx(|| format!("reading {}", rt_path.display()))?)
            .map_err(Error::other)?;
        rt["net"]["mode"] = serde_json::to_value(&cfg.net.mode).map_err(Error::other)?;
        let tmp = rt_path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec(&rt).map_err(Error::other)?).ctx(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &rt_path).ctx(|| format!("writing {}", rt_path.display()))?;
        let id = c.id.clone();
        self.store.db.write_state("updating the container's networks", |tx| containers::set_config(tx, &id, &data))
    }

    /// `network connect`: adds the network to the container; a running one gets its
    /// interface at once.
    pub fn connect_network(&mut self, name: &str, ctr: &str, aliases: &[String], ip: Option<&str>) -> Result<()> {
        let net = self.network(name)?;
        let c = self.container(ctr)?;
        let mut atts = match stored(&c).net.mode {
            NetMode::Bridge { networks } => networks,
            other => {
                return Err(Error::usage(format!(
                    "network mode \"{}\" is not supported: container {} can only be connected to networks when it was created with --network NAME",
                    other.name(),
                    c.name
                )))
            }
        };
        if atts.iter().any(|a| a.network == net.name) {
            return Err(Error::Conflict {
                msg: format!("container {} is already connected to network \"{}\": network is already connected", c.id, net.name),
                hint: None,
            });
        }
        let _l = self.lock_networks()?;
        let used = self.used_ips(&net.name, &c.id)?;
        let ip = bridge::pick_ip(&net, &used, ip).map_err(Error::usage)?;
        let att = Attachment { network: net.name.clone(), ip: ip.to_string(), aliases: aliases.to_vec(), ..Default::default() };
        let index = atts.len();
        atts.push(att.clone());
        if c.state.is_active() && c.pid > 0 {
            let ns = File::open(format!("/proc/{}/ns/net", c.pid)).ctx(|| format!("opening the network namespace of container {}", c.name))?;
            let who = attach::Who { runroot: &self.store.paths.runroot, id: &c.id, name: &c.name };
            attach::attach_one(&who, &ns, &net, &att, &attach::ifname(&att, index), index == 0).map_err(Error::other)?;
        }
        let old_ips: Vec<String> = atts[..index].iter().map(|a| a.ip.clone()).collect();
        self.set_attachments(&c, atts)?;
        self.edit_network_files(&c, &net, &old_ips, &att.ip, true)
    }

    /// `network connect`/`disconnect`: the container's /etc/hosts gains or loses the
    /// entry of its address on `net`, and resolv.conf the network's DNS responder, as
    /// podman edits them. podman regenerates both at every start; burrow writes them at
    /// create, so a stopped container's files are edited too. Written in place: they are
    /// bind-mounted files, a rename would leave the container the old one.
    fn edit_network_files(
        &self,
        c: &ContainerRow,
        net: &Network,
        old_ips: &[String],
        ip: &str,
        connect: bool,
    ) -> Result<()> {
        use crate::network::files;
        let userdata = self.store.paths.container(&c.id).join("userdata");
        let hostname = std::fs::read_to_string(userdata.join("hostname")).unwrap_or_default();
        let names = files::own_names(hostname.trim(), &c.name);
        let hosts = userdata.join("hosts");
        if let Ok(cur) = std::fs::read_to_string(&hosts) {
            let ip = [ip.to_string()];
            let new = if connect {
                files::hosts_add(&cur, old_ips, &ip, &names)
            } else {
                Some(files::hosts_remove(&cur, &ip, &names))
            };
            if let Some(new) = new.filter(|n| *n != cur) {
                std::fs::write(&hosts, new).ctx(|| format!("writing {}", hosts.display()))?;
            }
        }
        let dns: Vec<String> = net.gateway().filter(|_| net.dns_enabled).map(|g| g.to_string()).into_iter().collect();
        let resolv = userdata.join("resolv.conf");
        if let (false, Ok(cur)) = (dns.is_empty(), std::fs::read_to_string(&resolv)) {
            let new = if connect {
                files::resolv_add_nameservers(&cur, &dns)
            } else {
                files::resolv_remove_nameservers(&cur, &dns)
            };
            if new != cur {
                std::fs::write(&resolv, new).ctx(|| format!("writing {}", resolv.display()))?;
            }
        }
        Ok(())
    }

    /// `network disconnect`: removes the network from the container (and its interface
    /// when it runs).
    pub fn disconnect_network(&mut self, name: &str, ctr: &str) -> Result<()> {
        let net = self.network(name)?;
        let c = self.container(ctr)?;
        let mut atts = attachments(&c);
        let Some(gone) = atts.iter().position(|a| a.network == net.name).map(|i| atts.remove(i)) else {
            return Err(Error::usage(format!(
                "container {} is not connected to network {}: network is not connected",
                c.id, net.name
            )));
        };
        if c.state.is_active() {
            attach::detach_one(&self.store.paths.runroot, &c.id, &net).map_err(Error::other)?;
        }
        let _l = self.lock_networks()?;
        self.set_attachments(&c, atts)?;
        self.edit_network_files(&c, &net, &[], &gone.ip, false)
    }

    /// `inspect`'s NetworkSettings.Networks of a container on user-defined networks.
    pub fn inspect_networks(&self, plan: &crate::network::NetPlan) -> Option<Value> {
        let NetMode::Bridge { networks } = &plan.mode else { return None };
        let mut m = serde_json::Map::new();
        for a in networks {
            let net = attach::load(&self.store.paths.root, &a.network);
            let prefix = net.as_ref().and_then(Network::cidr).map(|c| c.prefix).unwrap_or(0);
            let gw = net.as_ref().and_then(Network::gateway).map(|g| g.to_string()).unwrap_or_default();
            m.insert(
                a.network.clone(),
                json!({
                    "EndpointID": "",
                    "Gateway": gw,
                    "IPAddress": a.ip,
                    "IPPrefixLen": prefix,
                    "IPv6Gateway": "",
                    "GlobalIPv6Address": "",
                    "GlobalIPv6PrefixLen": 0,
                    "MacAddress": a.mac,
                    "NetworkID": net.as_ref().map(|n| n.id.clone()).unwrap_or_default(),
                    "DriverOpts": null,
                    "IPAMConfig": null,
                    "Links": null,
                    "Aliases": a.aliases,
                }),
            );
        }
        Some(Value::Object(m))
    }

    /// podman's `network inspect` object, with the containers attached when asked.
    pub fn network_json(&self, n: &Network) -> Value {
        let mut v = serde_json::to_value(n).unwrap_or_default();
        if let Some(subnets) = v["subnets"].as_array_mut() {
            for s in subnets {
                if s.get("lease_range").is_some_and(Value::is_null) {
                    s.as_object_mut().map(|o| o.remove("lease_range"));
                }
            }
        }
        v
    }

    /// The network as Go templates see it (podman's struct field names), for `ls` and
    /// `inspect --format`; `trunc` shortens the id as `ls` does.
    pub fn network_row(&self, n: &Network, trunc: bool) -> Value {
        let id = if trunc { n.id[..n.id.len().min(12)].to_string() } else { n.id.clone() };
        let subnets: Vec<Value> = n
            .subnets
            .iter()
            .map(|s| {
                let mut v = json!({"Subnet": s.subnet, "Gateway": s.gateway});
                if let Some(r) = &s.lease_range {
                    v["LeaseRange"] = json!({"StartIP": r.start_ip, "EndIP": r.end_ip});
                }
                v
            })
            .collect();
        json!({
            "Name": n.name,
            "ID": id,
            "Driver": n.driver,
            "NetworkInterface": n.network_interface,
            "Created": n.created,
            "Subnets": subnets,
            "IPv6Enabled": n.ipv6_enabled,
            "Internal": n.internal,
            "DNSEnabled": n.dns_enabled,
            "Labels": n.labels,
            "Options": n.options,
            "IPAMOptions": n.ipam_options,
        })
    }
}
