//! The one error type that leaves the engine, and its mapping to podman's exit codes.
//!
//! Lower modules have their own error enums; they convert into [`Error`] here so that
//! `main` alone decides what is printed and which exit code the process ends with.

use std::fmt;

/// Podman's exit codes: 125 for engine and usage errors, 126 when a command can't be
/// executed, 127 when it isn't found; anything else is a container's own code.
pub const EXIT_ENGINE: i32 = 125;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input from the user (flags, names, values); podman exits 125 for these.
    #[error("{msg}")]
    Usage { msg: String, hint: Option<String> },
    /// The named object does not exist (image, container, ...).
    #[error("{0}")]
    NotFound(String),
    /// A conflict with the current state (name in use, image in use, ...).
    #[error("{msg}")]
    Conflict { msg: String, hint: Option<String> },
    /// Input that crossed a trust boundary and was refused (archives, layers).
    #[error("{0}")]
    Refused(String),
    /// Something failed while doing the work; `context` names what was being done.
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("{0}")]
    Other(String),
    /// A database error with what was being done.
    #[error("{context}: {source}")]
    Db { context: String, source: rusqlite::Error },
    /// Writing to stdout failed because the reader went away: a normal end, not an error.
    #[error("broken pipe")]
    BrokenPipe,
    /// An error printed like any other but ending with a verb-specific exit code (podman's
    /// `rmi` exits 1 for an unknown image, 2 for one in use).
    #[error("{msg}")]
    WithCode { msg: String, code: i32 },
    /// Exit quietly with this code (e.g. `image exists` answering "no" with 1, or a
    /// command run by `unshare` exiting with its own code).
    #[error("exit {0}")]
    Exit(i32),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An OS error as Go prints it (podman's texts): `no such file or directory`, without
/// Rust's "(os error 2)".
pub fn errno_text(e: &std::io::Error) -> String {
    let text = e.raw_os_error().map(|n| nix::errno::Errno::from_raw(n).desc().to_string()).unwrap_or(e.to_string());
    let mut chars = text.chars();
    chars.next().map(|f| f.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

impl Error {
    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Usage { msg: msg.into(), hint: None }
    }
    pub fn usage_hint(msg: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage { msg: msg.into(), hint: Some(hint.into()) }
    }
    pub fn other(msg: impl fmt::Display) -> Self {
        Error::Other(msg.to_string())
    }
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::BrokenPipe;
        }
        Error::Io { context: context.into(), source }
    }
    pub fn db(context: impl Into<String>, source: rusqlite::Error) -> Self {
        Error::Db { context: context.into(), source }
    }
    /// The fix to print under the error, if there is one.
    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::Usage { hint, .. } | Error::Conflict { hint, .. } => hint.as_deref(),
            _ => None,
        }
    }
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Exit(code) | Error::WithCode { code, .. } => *code,
            Error::BrokenPipe => 0,
            _ => EXIT_ENGINE,
        }
    }
}

/// Adds "what was being done" to an I/O error.
pub trait IoContext<T> {
    fn ctx(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> IoContext<T> for std::result::Result<T, std::io::Error> {
    fn ctx(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| Error::io(what(), e))
    }
}

impl<T> IoContext<T> for std::result::Result<T, nix::Error> {
    fn ctx(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| Error::io(what(), std::io::Error::from(e)))
    }
}

/// Adds "what was being done" to a database error.
pub trait DbContext<T> {
    fn db_ctx(self, what: &str) -> Result<T>;
}

impl<T> DbContext<T> for std::result::Result<T, rusqlite::Error> {
    fn db_ctx(self, what: &str) -> Result<T> {
        self.map_err(|e| Error::db(what, e))
    }
}
