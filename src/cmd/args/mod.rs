//! Flag groups shared by several verbs (written once).

pub mod create;
pub mod registry;

pub use registry::RegistryArgs;
