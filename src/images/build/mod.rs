//! Containerfile parsing and `.containerignore` rules (pure; the executor is engine/build).

pub mod ignore;
pub mod parser;
