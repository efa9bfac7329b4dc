//! Image formats: references, configs, archives.

pub mod archive;
pub mod build;
pub mod config;
pub mod reference;
pub mod registry;
