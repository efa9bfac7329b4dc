//! Resolving `-u name|uid[:group|gid]` in the container's own /etc/passwd and /etc/group.
//!
//! This runs in the container init after pivot_root, so the files read are the
//! container's and a symlink in the image can't point the lookup at a host file.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedUser {
    pub uid: u32,
    pub gid: u32,
    pub home: String,
    pub additional_gids: Vec<u32>,
}

/// Resolves `spec` ("" = root) against the text of /etc/passwd and /etc/group.
pub fn resolve(spec: &str, passwd: &str, group: &str) -> Result<ResolvedUser, String> {
    let (user_part, group_part) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let user_part = if user_part.is_empty() { "0" } else { user_part };
    let entry = passwd.lines().filter_map(parse_passwd).find(|e| match user_part.parse::<u32>() {
        Ok(uid) => e.uid == uid,
        Err(_) => e.name == user_part,
    });
    let (name, uid, mut gid, home) = match (entry, user_part.parse::<u32>()) {
        (Some(e), _) => (Some(e.name.to_string()), e.uid, e.gid, e.home.to_string()),
        (None, Ok(uid)) => (None, uid, 0, "/".to_string()),
        (None, Err(_)) => {
            return Err(format!("unable to find user {user_part}: no matching entries in passwd file"));
        }
    };
    if let Some(g) = group_part {
        gid = match g.parse::<u32>() {
            Ok(n) => n,
            Err(_) => group
                .lines()
                .filter_map(parse_group)
                .find(|(gname, _, _)| *gname == g)
                .map(|(_, gid, _)| gid)
                .ok_or_else(|| format!("unable to find group {g}: no matching entries in group file"))?,
        };
    }
    let mut additional_gids = Vec::new();
    if let (Some(name), None) = (&name, group_part) {
        for (_, g, members) in group.lines().filter_map(parse_group) {
            if members.split(',').any(|m| m == name) && g != gid && !additional_gids.contains(&g) {
                additional_gids.push(g);
            }
        }
    }
    Ok(ResolvedUser { uid, gid, home, additional_gids })
}

struct PasswdEntry<'a> {
    name: &'a str,
    uid: u32,
    gid: u32,
    home: &'a str,
}

fn parse_passwd(line: &str) -> Option<PasswdEntry<'_>> {
    let f: Vec<&str> = line.split(':').collect();
    if f.len() < 7 || line.starts_with('#') {
        return None;
    }
    Some(PasswdEntry { name: f[0], uid: f[2].parse().ok()?, gid: f[3].parse().ok()?, home: f[5] })
}

fn parse_group(line: &str) -> Option<(&str, u32, &str)> {
    let f: Vec<&str> = line.split(':').collect();
    if f.len() < 4 || line.starts_with('#') {
        return None;
    }
    Some((f[0], f[2].parse().ok()?, f[3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:u:/home/user:/bin/sh\n";
    const GROUP: &str = "root:x:0:\nuser:x:1000:\nwheel:x:10:user,other\naudio:x:29:user\n";

    #[test]
    fn resolves_names_ids_and_groups() {
        assert_eq!(resolve("", PASSWD, GROUP).unwrap().home, "/root");
        let u = resolve("user", PASSWD, GROUP).unwrap();
        assert_eq!((u.uid, u.gid, u.home.as_str()), (1000, 1000, "/home/user"));
        assert_eq!(u.additional_gids, vec![10, 29]);
        let u = resolve("1000:wheel", PASSWD, GROUP).unwrap();
        assert_eq!((u.uid, u.gid), (1000, 10));
        assert!(u.additional_gids.is_empty());
        let u = resolve("4242:4343", PASSWD, GROUP).unwrap();
        assert_eq!((u.uid, u.gid, u.home.as_str()), (4242, 4343, "/"));
        assert_eq!(
            resolve("nosuch", PASSWD, GROUP).unwrap_err(),
            "unable to find user nosuch: no matching entries in passwd file"
        );
        assert!(resolve("user:nosuchgroup", PASSWD, GROUP).unwrap_err().contains("unable to find group nosuchgroup"));
    }
}
