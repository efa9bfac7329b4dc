//! Archives that try to reach outside `dest`, or to replace what an
//! earlier entry created in a way that would write through it.

use super::*;

// ---- paths ---------------------------------------------------------------

#[test]
fn dotdot_prefix_is_refused() {
    let s = Scratch::new();
    let (entry, reason) = refusal(s.extract(&Tar::default().file("../x", b"evil").finish()));
    assert_eq!(entry, "../x");
    assert!(reason.contains(".."), "{reason}");
    s.assert_outside_untouched();
}

#[test]
fn dotdot_climbing_out_of_a_subdir_is_refused() {
    let s = Scratch::new();
    let tar = Tar::default().file("a/../../sentinel/f", b"evil").finish();
    let (entry, _) = refusal(s.extract(&tar));
    assert_eq!(entry, "a/../../sentinel/f");
    s.assert_outside_untouched();
}

#[test]
fn dotdot_staying_inside_is_normalised() {
    let s = Scratch::new();
    s.extract(&Tar::default().file("a/../b", b"ok").finish()).unwrap();
    assert_eq!(fs::read(s.path("b")).unwrap(), b"ok");
    assert!(!s.path("a").exists());
    s.assert_outside_untouched();
}

#[test]
fn absolute_names_land_inside_dest() {
    let s = Scratch::new();
    let abs = format!("{}/sentinel/pwned", s.top.display());
    s.extract(&Tar::default().file("/etc/x", b"1").file(&abs, b"2").finish()).unwrap();
    assert_eq!(fs::read(s.path("etc/x")).unwrap(), b"1");
    assert_eq!(fs::read(s.dest.join(abs.trim_start_matches('/'))).unwrap(), b"2");
    s.assert_outside_untouched();
}

#[test]
fn empty_and_nul_names_are_refused() {
    let s = Scratch::new();
    let (entry, reason) = refusal(s.extract(&Tar::default().file("", b"x").finish()));
    assert_eq!((entry.as_str(), reason.as_str()), ("", "empty name"));
    let tar = Tar::default().pax(EntryType::XHeader, &[("path", b"a\0b")]).file("placeholder", b"x").finish();
    let (_, reason) = refusal(s.extract(&tar));
    assert!(reason.contains("NUL"), "{reason}");
    s.assert_outside_untouched();
}

#[test]
fn parent_that_is_a_file_is_refused() {
    let s = Scratch::new();
    let (entry, reason) = refusal(s.extract(&Tar::default().file("f", b"").file("f/x", b"").finish()));
    assert_eq!(entry, "f/x");
    assert!(reason.contains("not a directory"), "{reason}");
}

// ---- symlinks --------------------------------------------------------------

#[test]
fn write_through_symlink_to_root_is_refused() {
    let s = Scratch::new();
    let err = s.extract(&Tar::default().symlink("evil", "/").file("evil/x", b"pwned").finish());
    let err = err.unwrap_err();
    assert_eq!(err.to_string(), r#"refusing layer entry "evil/x": path goes through symlink "evil""#);
    s.assert_outside_untouched();
}

#[test]
fn write_through_relative_symlink_to_sentinel_is_refused() {
    let s = Scratch::new();
    for name in ["evil/f", "evil/new", "evil/sub/deeper"] {
        let tar = Tar::default().symlink("evil", "../sentinel").file(name, b"pwned").finish();
        let (entry, reason) = refusal(s.extract(&tar));
        assert_eq!(entry, name);
        assert!(reason.contains(r#"symlink "evil""#), "{reason}");
        s.assert_outside_untouched();
    }
}

#[test]
fn dot_symlink_chains_cannot_escape() {
    let s = Scratch::new();
    let (entry, _) = refusal(s.extract(&Tar::default().symlink("d", ".").file("d/d/d/x", b"").finish()));
    assert_eq!(entry, "d/d/d/x");
    // The kernel would read d/d/../.. as "above dest"; we normalise
    // lexically and never follow d, so this lands inside dest.
    let s = Scratch::new();
    s.extract(&Tar::default().symlink("d", ".").file("d/d/../../sentinel/f", b"in").finish()).unwrap();
    assert_eq!(fs::read(s.path("sentinel/f")).unwrap(), b"in");
    s.assert_outside_untouched();
    let s = Scratch::new();
    let (entry, _) = refusal(s.extract(&Tar::default().symlink("d", ".").file("d/../../x", b"").finish()));
    assert_eq!(entry, "d/../../x");
    s.assert_outside_untouched();
}

#[test]
fn directory_replaced_by_symlink_is_not_followed_later() {
    let s = Scratch::new();
    let tar =
        Tar::default().dir("a/", 0o755).file("a/f", b"1").symlink("a", "../sentinel").file("a/g", b"pwned").finish();
    let (entry, reason) = refusal(s.extract(&tar));
    assert_eq!(entry, "a/g");
    assert!(reason.contains(r#"symlink "a""#), "{reason}");
    s.assert_outside_untouched();
}

#[test]
fn symlink_is_replaced_not_written_through() {
    let s = Scratch::new();
    let tar = Tar::default()
        .symlink("f", "../sentinel/f")
        .file("f", b"new")
        .symlink("d", "../sentinel")
        .dir("d/", 0o755)
        .file("d/x", b"inside")
        .finish();
    s.extract(&tar).unwrap();
    assert!(lstat(&s.path("f")).file_type().is_file());
    assert_eq!(fs::read(s.path("f")).unwrap(), b"new");
    assert!(lstat(&s.path("d")).file_type().is_dir());
    assert_eq!(fs::read(s.path("d/x")).unwrap(), b"inside");
    s.assert_outside_untouched();
}

#[test]
fn symlinks_are_created_verbatim() {
    let s = Scratch::new();
    s.extract(&Tar::default().symlink("abs", "/etc/passwd").symlink("rel", "../../x").finish()).unwrap();
    assert_eq!(fs::read_link(s.path("abs")).unwrap(), Path::new("/etc/passwd"));
    assert_eq!(fs::read_link(s.path("rel")).unwrap(), Path::new("../../x"));
}

// ---- hardlinks -------------------------------------------------------------

#[test]
fn hardlink_outside_dest_is_refused() {
    let s = Scratch::new();
    let (entry, reason) = refusal(s.extract(&Tar::default().hardlink("l", "../sentinel/f").finish()));
    assert_eq!(entry, "l");
    assert!(reason.contains("hardlink target"), "{reason}");
    s.assert_outside_untouched();
}

#[test]
fn hardlink_to_absolute_path_resolves_inside_dest() {
    let s = Scratch::new();
    let (entry, reason) = refusal(s.extract(&Tar::default().hardlink("l", "/etc/passwd").finish()));
    assert_eq!(entry, "l");
    assert!(reason.contains("does not exist"), "{reason}");
    let s = Scratch::new();
    s.extract(&Tar::default().file("etc/passwd", b"root").hardlink("l", "/etc/passwd").finish()).unwrap();
    assert_eq!(lstat(&s.path("l")).ino(), lstat(&s.path("etc/passwd")).ino());
    s.assert_outside_untouched();
}

#[test]
fn hardlink_through_symlink_is_refused() {
    let s = Scratch::new();
    let tar = Tar::default().symlink("evil", "../sentinel").hardlink("l", "evil/f").finish();
    let (entry, reason) = refusal(s.extract(&tar));
    assert_eq!(entry, "l");
    assert_eq!(reason, r#"hardlink target path goes through symlink "evil""#);
    s.assert_outside_untouched();
}

#[test]
fn hardlink_to_directory_is_refused_and_to_symlink_links_the_symlink() {
    let s = Scratch::new();
    let (_, reason) = refusal(s.extract(&Tar::default().dir("d/", 0o755).hardlink("l", "d").finish()));
    assert!(reason.contains("is a directory"), "{reason}");
    let s = Scratch::new();
    s.extract(&Tar::default().symlink("s", "../sentinel/f").hardlink("l", "s").finish()).unwrap();
    assert!(lstat(&s.path("l")).file_type().is_symlink());
    s.assert_outside_untouched();
}

// ---- replacement -----------------------------------------------------------

#[test]
fn file_replaced_by_dir_and_dir_replaced_by_file() {
    let s = Scratch::new();
    let tar = Tar::default()
        .file("x", b"file first")
        .dir("x/", 0o755)
        .file("x/y", b"child")
        .dir("d/", 0o700)
        .file("d/c/deep", b"")
        .file("d", b"now a file")
        .finish();
    s.extract(&tar).unwrap();
    assert!(lstat(&s.path("x")).is_dir());
    assert_eq!(fs::read(s.path("x/y")).unwrap(), b"child");
    assert_eq!(fs::read(s.path("d")).unwrap(), b"now a file");
}

#[test]
fn existing_directory_is_kept_and_updated() {
    let s = Scratch::new();
    let tar = Tar::default().dir("d/", 0o700).file("d/f", b"1").dir("d/", 0o750).finish();
    s.extract(&tar).unwrap();
    assert_eq!(fs::read(s.path("d/f")).unwrap(), b"1");
    assert_eq!(lstat(&s.path("d")).mode() & 0o7777, 0o750);
}

// ---- whiteouts -------------------------------------------------------------

#[test]
fn whiteout_through_symlink_is_refused() {
    let s = Scratch::new();
    let tar = Tar::default().symlink("evil", "../sentinel").file("evil/.wh.f", b"").finish();
    let (entry, reason) = refusal(s.extract(&tar));
    assert_eq!(entry, "evil/.wh.f");
    assert!(reason.contains(r#"symlink "evil""#), "{reason}");
    s.assert_outside_untouched();
}

#[test]
fn whiteouts_of_dot_names_are_refused() {
    // ".wh.." would name the parent of dest, ".wh..." its grandparent.
    for name in [".wh..", "a/.wh...", ".wh."] {
        let s = Scratch::new();
        let (entry, _) = refusal(s.extract(&Tar::default().file(name, b"").finish()));
        assert_eq!(entry, name);
        s.assert_outside_untouched();
    }
}

#[test]
fn whiteout_becomes_a_0_0_char_device() {
    let s = Scratch::new();
    let tar = Tar::default()
        .dir("d/", 0o755)
        .file("d/x", b"replaced by the whiteout")
        .file("d/.wh.x", b"")
        .file("d/.wh.gone", b"")
        .finish();
    s.extract(&tar).unwrap();
    for name in ["d/x", "d/gone"] {
        let meta = lstat(&s.path(name));
        assert!(meta.file_type().is_char_device(), "{name}");
        assert_eq!(meta.rdev(), 0, "{name}");
    }
    assert_eq!(names_in(&s.path("d")), ["gone", "x"]);
}

#[test]
fn opaque_marker_sets_xattr_and_aufs_metadata_is_ignored() {
    let s = Scratch::new();
    if !user_xattrs_supported(&s) {
        eprintln!("skipping opaque xattr assertions: no user xattrs on {}", s.top.display());
        return;
    }
    let tar = Tar::default().dir("d/", 0o755).file("d/.wh..wh..opq", b"").file("d/.wh..wh.plnk", b"").finish();
    s.extract(&tar).unwrap();
    assert_eq!(get_xattr(&s.path("d"), "user.overlay.opaque").unwrap().as_deref(), Some(&b"y"[..]));
    assert!(names_in(&s.path("d")).is_empty());
    if is_root() {
        let s = Scratch::new();
        let trusted = ExtractOptions { user_xattrs: false, ..opts() };
        s.extract_with(&tar, &trusted).unwrap();
        let got = get_xattr(&s.path("d"), "trusted.overlay.opaque").unwrap();
        assert_eq!(got.as_deref(), Some(&b"y"[..]));
    }
}
