//! `process.env`: podman's defaults, the image's Env, `--env-file` and `-e`, in that order of
//! precedence, plus the `--env-file` parser the CLI also uses.

use super::{SpecError, SpecInput};

const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The proxy variables podman copies from the host while `--http-proxy` is on (its default).
const PROXY_VARS: &[&str] =
    &["http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY"];

/// podman's `whiteSpaces`: what is trimmed before a name and forbidden inside it.
const BLANKS: &[char] = &[' ', '\t'];

/// An environment that keeps first-insertion order, where setting an existing name replaces
/// its value in place (so the output is stable and readable).
#[derive(Debug, Default)]
struct EnvList {
    vars: Vec<(String, String)>,
}

impl EnvList {
    fn set(&mut self, name: &str, value: &str) {
        match self.vars.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = value.to_string(),
            None => self.vars.push((name.to_string(), value.to_string())),
        }
    }

    fn contains(&self, name: &str) -> bool {
        self.vars.iter().any(|(n, _)| n == name)
    }

    fn into_strings(self) -> Vec<String> {
        self.vars.into_iter().map(|(n, v)| format!("{n}={v}")).collect()
    }
}

/// The container's environment, lowest precedence first:
///
/// 1. podman's built-ins: `PATH` and `container=podman`. burrow sets `container=podman`, not
///    `container=burrow`: it is a podman-compatible engine, and scripts and tools (systemd,
///    toolbox, shell prompts) test `$container` for the known engine names.
/// 2. containers.conf's defaults: the whole host environment with `--env-host`, otherwise the
///    host's proxy variables with `--http-proxy`; then `PATH` and `TERM=xterm`. podman sets
///    `TERM=xterm` for every container, with or without `-t`.
/// 3. the image's Env.
/// 4. `--env-file` files in order, then `-e` in order.
///
/// `HOSTNAME` is added last when still unset. `HOME` is left to the init (module docs).
pub(super) fn container_env(input: &SpecInput, warnings: &mut Vec<String>) -> Result<Vec<String>, SpecError> {
    let mut env = EnvList::default();
    env.set("PATH", DEFAULT_PATH);
    env.set("container", "podman");
    add_engine_defaults(&mut env, input);
    add_image_env(&mut env, input.image.env.as_deref().unwrap_or_default(), warnings);
    for (path, contents) in &input.env_files {
        for_each_line(path, contents, |entry| parse_entry(&mut env, entry, &input.host_env))?;
    }
    for entry in &input.env {
        parse_entry(&mut env, entry, &input.host_env).map_err(SpecError::new)?;
    }
    if !env.contains("HOSTNAME") {
        env.set("HOSTNAME", &input.hostname);
    }
    Ok(env.into_strings())
}

fn add_engine_defaults(env: &mut EnvList, input: &SpecInput) {
    if input.env_host {
        for (name, value) in &input.host_env {
            env.set(name, value);
        }
    } else if input.http_proxy {
        for (name, value) in &input.host_env {
            if PROXY_VARS.contains(&name.as_str()) {
                env.set(name, value);
            }
        }
    }
    env.set("PATH", DEFAULT_PATH);
    env.set("TERM", "xterm");
}

/// Image entries are `K=V`; anything else is skipped with a warning rather than failing a
/// container over a malformed image.
fn add_image_env(env: &mut EnvList, entries: &[String], warnings: &mut Vec<String>) {
    for entry in entries {
        match entry.split_once('=') {
            Some((name, value)) if !name.is_empty() => env.set(name, value),
            _ => warnings.push(format!("ignoring invalid environment variable {entry:?} from the image")),
        }
    }
}

/// Parses an `--env-file` body as podman does: one `KEY=VALUE` per line, leading blanks
/// trimmed, blank lines and `#` comment lines skipped, no quote processing (quotes are part of
/// the value). `KEY` alone takes the host's value (skipped when unset) and `KEY*` takes every
/// host variable starting with `KEY`. A later line replaces an earlier one with the same name.
/// Errors name the file and the line.
pub fn parse_env_file(path: &str, contents: &str, host_env: &[(String, String)]) -> Result<Vec<String>, SpecError> {
    let mut env = EnvList::default();
    for_each_line(path, contents, |entry| parse_entry(&mut env, entry, host_env))?;
    Ok(env.into_strings())
}

fn for_each_line(
    path: &str,
    contents: &str,
    mut apply: impl FnMut(&str) -> Result<(), String>,
) -> Result<(), SpecError> {
    for (index, line) in contents.lines().enumerate() {
        let line = line.trim_start_matches(BLANKS);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        apply(line).map_err(|e| SpecError::new(format!("parsing file {path:?}: line {}: {e}", index + 1)))?;
    }
    Ok(())
}

/// One `-e` value or env-file line, with podman's `parseEnv` rules and error texts.
fn parse_entry(env: &mut EnvList, entry: &str, host_env: &[(String, String)]) -> Result<(), String> {
    let (raw_name, value) = match entry.split_once('=') {
        Some((name, value)) => (name, Some(value)),
        None => (entry, None),
    };
    let name = raw_name.trim_start_matches(BLANKS);
    if name.is_empty() {
        return Err(format!("invalid environment variable: {entry:?}"));
    }
    if name.contains(BLANKS) {
        return Err(format!("name {name:?} has white spaces, poorly formatted name"));
    }
    match (value, name.strip_suffix('*')) {
        (Some(value), _) => env.set(name, value),
        (None, Some(prefix)) => {
            for (host_name, host_value) in host_env.iter().filter(|(n, _)| n.starts_with(prefix)) {
                env.set(host_name, host_value);
            }
        }
        (None, None) => {
            if let Some((_, host_value)) = host_env.iter().find(|(n, _)| n == name) {
                env.set(name, host_value);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::config::RunConfig;

    fn host() -> Vec<(String, String)> {
        [("HOME", "/home/me"), ("FOO_A", "1"), ("FOO_B", "2"), ("http_proxy", "http://p:3128"), ("SHELL", "/bin/bash")]
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    fn env_of(input: &SpecInput) -> Vec<String> {
        container_env(input, &mut Vec::new()).unwrap()
    }

    fn get<'a>(env: &'a [String], name: &str) -> Option<&'a str> {
        env.iter().find_map(|e| e.strip_prefix(name)?.strip_prefix('='))
    }

    #[test]
    fn defaults_match_podman() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "myhost");
        input.host_env = host();
        let env = env_of(&input);
        assert_eq!(
            env,
            vec![
                format!("PATH={DEFAULT_PATH}"),
                "container=podman".to_string(),
                "http_proxy=http://p:3128".to_string(),
                "TERM=xterm".to_string(),
                "HOSTNAME=myhost".to_string(),
            ]
        );
        assert_eq!(get(&env, "HOME"), None, "HOME is left to the init");
    }

    #[test]
    fn precedence_is_defaults_image_files_flags() {
        let img = RunConfig {
            env: Some(vec![
                "PATH=/img/bin".into(),
                "A=image".into(),
                "B=image".into(),
                "C=image".into(),
                "TERM=dumb".into(),
            ]),
            ..RunConfig::default()
        };
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.env_files = vec![("f1".into(), "B=file1\nC=file1\n".into()), ("f2".into(), "C=file2\n".into())];
        input.env = vec!["C=flag".into(), "D=flag".into(), "D=flag2".into(), "HOSTNAME=custom".into()];
        let env = env_of(&input);
        assert_eq!(get(&env, "PATH"), Some("/img/bin"));
        assert_eq!(get(&env, "TERM"), Some("dumb"));
        assert_eq!(get(&env, "A"), Some("image"));
        assert_eq!(get(&env, "B"), Some("file1"));
        assert_eq!(get(&env, "C"), Some("flag"));
        assert_eq!(get(&env, "D"), Some("flag2"));
        assert_eq!(get(&env, "HOSTNAME"), Some("custom"));
        // Replaced in place: C keeps the image's position.
        let pos = |n: &str| env.iter().position(|e| e.starts_with(&format!("{n}="))).unwrap();
        assert!(pos("A") < pos("C") && pos("C") < pos("D"));
    }

    #[test]
    fn flag_forms_take_from_host() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.host_env = host();
        input.env = vec!["SHELL".into(), "UNSET_VAR".into(), "FOO*".into(), "  X=1".into(), "E=".into()];
        let env = env_of(&input);
        assert_eq!(get(&env, "SHELL"), Some("/bin/bash"));
        assert_eq!(get(&env, "UNSET_VAR"), None);
        assert_eq!(get(&env, "FOO_A"), Some("1"));
        assert_eq!(get(&env, "FOO_B"), Some("2"));
        assert_eq!(get(&env, "X"), Some("1"));
        assert_eq!(get(&env, "E"), Some(""));
    }

    #[test]
    fn env_host_and_http_proxy() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.host_env = host();
        input.env_host = true;
        let env = env_of(&input);
        assert_eq!(get(&env, "SHELL"), Some("/bin/bash"));
        assert_eq!(get(&env, "HOME"), Some("/home/me"));
        assert_eq!(get(&env, "PATH"), Some(DEFAULT_PATH), "containers.conf's PATH wins over the host's");
        input.env_host = false;
        input.http_proxy = false;
        assert_eq!(get(&env_of(&input), "http_proxy"), None);
    }

    #[test]
    fn bad_flag_values_are_errors() {
        let img = RunConfig::default();
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.env = vec!["=x".into()];
        assert_eq!(
            container_env(&input, &mut Vec::new()).unwrap_err().to_string(),
            r#"invalid environment variable: "=x""#
        );
        input.env = vec!["A B=1".into()];
        assert_eq!(
            container_env(&input, &mut Vec::new()).unwrap_err().to_string(),
            r#"name "A B" has white spaces, poorly formatted name"#
        );
    }

    #[test]
    fn malformed_image_env_is_a_warning() {
        let img = RunConfig { env: Some(vec!["NOVALUE".into(), "=x".into(), "OK=1".into()]), ..RunConfig::default() };
        let input = SpecInput::new(&img, "/r", "/u", "h");
        let mut warnings = Vec::new();
        let env = container_env(&input, &mut warnings).unwrap();
        assert_eq!(get(&env, "OK"), Some("1"));
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn env_file_parsing() {
        let body =
            "# comment\n\n   \tLEAD=trimmed\nQUOTED=\"kept\" \nEMPTY=\nEQ=a=b\r\nSHELL\nMISSING\nFOO*\nLEAD=again\n";
        let env = parse_env_file("vars.env", body, &host()).unwrap();
        assert_eq!(
            env,
            vec!["LEAD=again", "QUOTED=\"kept\" ", "EMPTY=", "EQ=a=b", "SHELL=/bin/bash", "FOO_A=1", "FOO_B=2"]
        );
    }

    #[test]
    fn env_file_errors_name_file_and_line() {
        let err = parse_env_file("/tmp/e.env", "A=1\n=x\n", &[]).unwrap_err();
        assert_eq!(err.to_string(), r#"parsing file "/tmp/e.env": line 2: invalid environment variable: "=x""#);
        let err = parse_env_file("e", "# c\nMY KEY=1\n", &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"parsing file "e": line 2: name "MY KEY" has white spaces, poorly formatted name"#
        );
    }
}
