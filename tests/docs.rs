//! completions/ and man/ are generated from the clap definition and checked in: this test
//! fails when they are stale. Regenerate with `cargo run -- __gen-docs .`.

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for sub in ["completions", "man"] {
        let d = dir.join(sub);
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let data = std::fs::read(e.path()).unwrap_or_default();
            out.push((PathBuf::from(sub).join(e.file_name()), data));
        }
    }
    out.sort();
    out
}

#[test]
fn completions_and_man_pages_are_current() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = std::env::temp_dir().join(format!("burrow-docs-{}", std::process::id()));
    burrow::cmd::docs::write_all(&tmp).expect("generating docs");
    let fresh = files(&tmp);
    let _ = std::fs::remove_dir_all(&tmp);
    let checked_in = files(repo);
    let names = |v: &[(PathBuf, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&checked_in), names(&fresh), "completions/ or man/ files differ: run `cargo run -- __gen-docs .`");
    for ((p, a), (_, b)) in checked_in.iter().zip(fresh.iter()) {
        assert!(a == b, "{} is stale: run `cargo run -- __gen-docs .`", p.display());
    }
}
