//! burrow's entry point: hidden roles first, then parse, join the user namespace when the
//! verb needs it (before any thread exists), run, and turn the result into podman's exit
//! code and `Error: ...` text.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Parser;

use burrow::cmd::{self, Cli};
use burrow::error::{Error, EXIT_ENGINE};

fn main() {
    // SIGPIPE is ignored by Rust's runtime; a closed stdout then shows up as EPIPE,
    // which every writer maps to a quiet exit.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `--version` alone is answered before building the command tree (scripts call it a lot).
    if args.len() == 2 && (args[1] == "--version" || args[1] == "-v") {
        std::process::exit(report_result(cmd::system::version::print_short()));
    }
    if args.first().and_then(|a| a.to_str()).is_some_and(burrow::runtime::reaper::is_reaper) {
        let all: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        burrow::runtime::reaper::main(&all);
    }
    match args.get(1).and_then(|a| a.to_str()) {
        Some(burrow::userns::PAUSE_ROLE) => burrow::userns::pause_main(),
        Some(burrow::network::bridge::netns::ROLE) => {
            let rest: Vec<String> = args[2..].iter().map(|a| a.to_string_lossy().into_owned()).collect();
            burrow::network::bridge::netns::keeper_main(&rest)
        }
        Some(burrow::monitor::ROLE) => {
            let rest: Vec<String> = args[2..].iter().map(|a| a.to_string_lossy().into_owned()).collect();
            burrow::monitor::main(&rest)
        }
        _ => {}
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(c) => c,
        Err(e) => std::process::exit(clap_error(e)),
    };
    std::process::exit(report_result(cmd::run(cli)));
}

fn report_result(r: burrow::error::Result<i32>) -> i32 {
    match r {
        Ok(code) => code,
        Err(e) => report(e),
    }
}

fn report(e: Error) -> i32 {
    match &e {
        Error::BrokenPipe | Error::Exit(_) => {}
        _ => {
            eprintln!("Error: {e}");
            if let Some(h) = e.hint() {
                eprintln!("{h}");
            }
        }
    }
    e.exit_code()
}

/// Prints clap's parse errors the way podman (cobra) does, exiting 125.
fn clap_error(e: clap::Error) -> i32 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return 0;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return EXIT_ENGINE;
        }
        _ => {}
    }
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
            let flag = arg.split('=').next().unwrap_or(&arg).to_string();
            if flag.starts_with('-') {
                eprintln!("Error: unknown flag: {flag}\nSee 'burrow --help'");
            } else {
                eprintln!(
                    "Error: accepts at most the given arguments, received unexpected {arg:?}\nSee 'burrow --help'"
                );
            }
        }
        ErrorKind::InvalidSubcommand => {
            let sub = ctx(ContextKind::InvalidSubcommand).unwrap_or_default();
            eprintln!("Error: unrecognized command `burrow {sub}`\nTry 'burrow --help' for more information");
        }
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("").trim_start_matches("error: ").to_string();
            eprintln!("Error: {first}");
            for l in text.lines().skip(1).filter(|l| l.trim_start().starts_with("Usage:")) {
                eprintln!("{}", l.trim());
            }
        }
    }
    EXIT_ENGINE
}
