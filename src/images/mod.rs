//! Image formats: references, configs, archives.

pub mod archive;
pub mod config;
pub mod reference;
pub mod registry;
