#![recursion_limit = "256"]
//! burrow: a rootless, daemonless container engine with a podman-compatible CLI.
//!
//! Data flows one way: `cmd -> engine -> {storage, images, userns}`; lower modules
//! return values and errors, and only `main` prints errors and picks exit codes.

pub mod cmd;
pub mod engine;
pub mod error;
pub mod images;
pub mod monitor;
pub mod network;
pub mod output;
pub mod runtime;
pub mod storage;
pub mod userns;
