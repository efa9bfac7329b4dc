//! Generates shell completions and man pages from the one clap definition, so help,
//! completions and man pages never disagree. The files are checked in; a test fails when
//! they are stale.

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory};

use crate::error::{IoContext, Result};

#[derive(Debug, Args)]
pub struct GenDocsArgs {
    /// Repository root to write completions/ and man/ into
    pub dir: PathBuf,
}

pub fn run(a: GenDocsArgs) -> Result<i32> {
    write_all(&a.dir)?;
    Ok(0)
}

pub fn write_all(dir: &Path) -> Result<()> {
    let comp = dir.join("completions");
    let man = dir.join("man");
    std::fs::create_dir_all(&comp).ctx(|| format!("creating {}", comp.display()))?;
    std::fs::create_dir_all(&man).ctx(|| format!("creating {}", man.display()))?;
    for (shell, file) in [
        (clap_complete::Shell::Bash, "burrow.bash"),
        (clap_complete::Shell::Zsh, "_burrow"),
        (clap_complete::Shell::Fish, "burrow.fish"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut full_command(), "burrow", &mut buf);
        std::fs::write(comp.join(file), buf).ctx(|| format!("writing {file}"))?;
    }
    write_man(&full_command(), "burrow", &man)
}

/// The whole command tree: subcommands are deferred (built when invoked), so build them all.
fn full_command() -> clap::Command {
    let mut cmd = super::Cli::command();
    cmd.build();
    cmd
}

fn write_man(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    if cmd.is_hide_set() {
        return Ok(());
    }
    let mut buf = Vec::new();
    let page = cmd.clone().name(name.to_string());
    clap_mangen::Man::new(page).render(&mut buf).ctx(|| format!("rendering man page {name}"))?;
    std::fs::write(dir.join(format!("{name}.1")), buf).ctx(|| format!("writing man page {name}"))?;
    // (`help` is clap's own subcommand, added by the build.)
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        write_man(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
