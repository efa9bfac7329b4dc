//! Flag groups shared by several verbs (written once).

pub mod create;
