//! `login` and `logout`.

use std::io::{BufRead, IsTerminal, Write};

use clap::Args;

use crate::cmd::args::RegistryArgs;
use crate::cmd::print_out;
use crate::engine::login;
use crate::error::{Error, Result};
use crate::images::registry::Creds;

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Username for the registry
    #[arg(short = 'u', long)]
    pub username: Option<String>,
    /// Password for the registry
    #[arg(short = 'p', long)]
    pub password: Option<String>,
    /// Take the password from stdin
    #[arg(long)]
    pub password_stdin: bool,
    /// Return the current login user for the registry
    #[arg(long)]
    pub get_login: bool,
    #[command(flatten)]
    pub reg: RegistryArgs,
    /// Registry (host[:port][/repository])
    #[arg(value_name = "REGISTRY")]
    pub registry: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Remove the cached credentials for all registries in the auth file
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Path of the authentication file
    #[arg(long, value_name = "FILE", env = "REGISTRY_AUTH_FILE")]
    pub authfile: Option<std::path::PathBuf>,
    /// Registry (host[:port][/repository])
    #[arg(value_name = "REGISTRY")]
    pub registry: Option<String>,
}

pub fn run_login(a: LoginArgs) -> Result<i32> {
    let key = match &a.registry {
        Some(r) => r.clone(),
        None => login::default_registry()?,
    };
    let reg = a.reg.options(None);
    if a.get_login {
        let user = login::get_login(&reg, &key)?;
        print_out(&format!("{user}\n"))?;
        return Ok(0);
    }
    if a.password.is_some() && a.password_stdin {
        return Err(Error::usage("--password and --password-stdin are mutually exclusive"));
    }
    if a.username.is_none() && a.password.is_none() && !a.password_stdin {
        if let Some(c) = login::existing(&reg, &key) {
            if login::login(&reg, &key, &c).is_ok() {
                print_out(&format!("Authenticating with existing credentials for {key}\nExisting credentials are valid. Already logged in to {key}\n"))?;
                return Ok(0);
            }
        }
    }
    let username = match a.username {
        Some(u) => u,
        None => prompt("Username: ")?,
    };
    let password = if a.password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| Error::io("reading the password from stdin", e))?;
        line.trim_end_matches(['\n', '\r']).to_string()
    } else {
        match a.password {
            Some(p) => p,
            None => prompt_hidden("Password: ")?,
        }
    };
    if username.is_empty() {
        return Err(Error::usage("username can't be empty"));
    }
    login::login(&reg, &key, &Creds { username, password })?;
    print_out("Login Succeeded!\n")?;
    Ok(0)
}

fn prompt(label: &str) -> Result<String> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::usage_hint(
            "cannot prompt for credentials without a terminal",
            "use -u USER with -p PASSWORD or --password-stdin",
        ));
    }
    eprint!("{label}");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| Error::io("reading from the terminal", e))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// Reads a line with echo off.
fn prompt_hidden(label: &str) -> Result<String> {
    use nix::sys::termios::{tcgetattr, tcsetattr, LocalFlags, SetArg};
    if !std::io::stdin().is_terminal() {
        return prompt(label);
    }
    let stdin = std::io::stdin();
    let old = tcgetattr(&stdin).map_err(|e| Error::io("reading terminal settings", e.into()))?;
    let mut quiet = old.clone();
    quiet.local_flags.remove(LocalFlags::ECHO);
    let _ = tcsetattr(&stdin, SetArg::TCSANOW, &quiet);
    let r = prompt(label);
    let _ = tcsetattr(&stdin, SetArg::TCSANOW, &old);
    eprintln!();
    r
}

pub fn run_logout(a: LogoutArgs) -> Result<i32> {
    let reg = crate::engine::pull::RegistryOptions { authfile: a.authfile.clone(), ..Default::default() };
    if a.all {
        login::logout_all(&reg)?;
        print_out("Removed login credentials for all registries\n")?;
        return Ok(0);
    }
    let key = match &a.registry {
        Some(r) => r.clone(),
        None => login::default_registry()?,
    };
    login::logout(&reg, &key)?;
    print_out(&format!("Removed login credentials for {key}\n"))?;
    Ok(0)
}
