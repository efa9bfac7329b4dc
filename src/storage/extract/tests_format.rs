//! Stream handling (compression, digest, truncation), tar format
//! features and the metadata we preserve.

use super::*;

// ---- streams ---------------------------------------------------------------

fn sample_tar() -> Vec<u8> {
    Tar::default().dir("etc/", 0o755).file("etc/hostname", b"burrow\n").finish()
}

#[test]
fn gzip_and_plain_are_detected_and_diff_id_is_of_plain_bytes() {
    let plain = sample_tar();
    let want = (sha256_id(&plain), plain.len() as u64);
    let (first, second) = plain.split_at(700);
    let mut multi = gzip(first);
    multi.extend(gzip(second));
    for stream in [plain.clone(), gzip(&plain), multi] {
        let s = Scratch::new();
        let report = s.extract(&stream).unwrap();
        assert_eq!((report.diff_id.clone(), report.uncompressed_size), want);
        assert_eq!(fs::read(s.path("etc/hostname")).unwrap(), b"burrow\n");
        assert_eq!(digest_layer(stream.as_slice()).unwrap(), want);
    }
}

#[test]
fn corrupt_zstd_is_refused_and_xz_is_unsupported() {
    let s = Scratch::new();
    let zstd = [0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0];
    let err = s.extract(&zstd).unwrap_err();
    assert!(matches!(err, ExtractError::Corrupt { .. }), "{err:?}");
    assert!(digest_layer(&zstd[..]).is_err());
    let xz = [0xfd, b'7', b'z', b'X', b'Z', 0, 1, 2];
    assert!(matches!(s.extract(&xz), Err(ExtractError::UnsupportedCompression { format: "xz" })));
}

/// Records whether the reader was read until it reported EOF.
struct EofProbe<'a> {
    data: &'a [u8],
    saw_eof: bool,
}

impl Read for EofProbe<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.data.read(buf)?;
        self.saw_eof |= n == 0;
        Ok(n)
    }
}

#[test]
fn whole_stream_is_consumed_and_hashed_past_end_of_archive() {
    let mut plain = sample_tar();
    plain.extend_from_slice(&[0u8; 10 * 1024]);
    for stream in [plain.clone(), gzip(&plain)] {
        let s = Scratch::new();
        let mut probe = EofProbe { data: &stream, saw_eof: false };
        let report = extract_layer(&mut probe, &s.dest, &opts()).unwrap();
        assert!(probe.saw_eof);
        assert_eq!(report.diff_id, sha256_id(&plain));
        assert_eq!(report.uncompressed_size, plain.len() as u64);
    }
}

#[test]
fn truncated_archives_are_errors() {
    let data = vec![7u8; 2000];
    let full = Tar::default().file("big", &data).finish();
    // Inside a header, inside file data, inside the padding after the data.
    for cut in [300, 512 + 1000, 512 + 2000 + 10] {
        let s = Scratch::new();
        let err = s.extract(&full[..cut]).unwrap_err();
        assert!(matches!(err, ExtractError::Corrupt { .. }), "cut {cut}: {err:?}");
        let gz = gzip(&full);
        assert!(s.extract(&gz[..gz.len() / 2]).is_err(), "truncated gzip");
    }
}

#[test]
fn garbage_is_an_error() {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut garbage: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    garbage[0] = b'x';
    let s = Scratch::new();
    assert!(matches!(s.extract(&garbage), Err(ExtractError::Corrupt { .. })));
    assert!(matches!(s.extract(&garbage[..100]), Err(ExtractError::Corrupt { .. })));
    let mut fake_gzip = vec![0x1f, 0x8b];
    fake_gzip.extend_from_slice(&garbage[..200]);
    assert!(matches!(s.extract(&fake_gzip), Err(ExtractError::Corrupt { .. })));
    s.assert_outside_untouched();
}

// ---- tar formats -----------------------------------------------------------

#[test]
fn long_names_and_pax_paths() {
    let long_dir = format!("long/{}", "d".repeat(80));
    let long_name = format!("{long_dir}/{}", "f".repeat(60));
    let long_target = format!("/{}", "t".repeat(200));
    let tar = Tar::default()
        .file(&long_name, b"long")
        .symlink("link", &long_target)
        .hardlink(&format!("{long_dir}/{}", "h".repeat(60)), &long_name)
        .pax(EntryType::XHeader, &[("path", b"pax/named/file")])
        .file("ignored", b"pax")
        .pax(EntryType::XGlobalHeader, &[("comment", b"global records are ignored")])
        .finish();
    let s = Scratch::new();
    s.extract(&tar).unwrap();
    assert_eq!(fs::read(s.path(&long_name)).unwrap(), b"long");
    assert_eq!(fs::read_link(s.path("link")).unwrap(), Path::new(&long_target));
    assert_eq!(lstat(&s.path(&long_name)).nlink(), 2);
    assert_eq!(fs::read(s.path("pax/named/file")).unwrap(), b"pax");
    assert!(!s.path("ignored").exists());
    // Hostile names hidden in the extension records are checked too.
    let long_evil = format!("{}{}x", "a/".repeat(60), "../".repeat(61));
    let s = Scratch::new();
    let (entry, _) = refusal(s.extract(&Tar::default().file(&long_evil, b"").finish()));
    assert_eq!(entry, long_evil);
    let pax_evil = Tar::default().pax(EntryType::XHeader, &[("path", b"../x")]).file("ok", b"").finish();
    let (entry, _) = refusal(s.extract(&pax_evil));
    assert_eq!(entry, "../x");
    s.assert_outside_untouched();
}

#[test]
fn unsupported_entry_types_are_refused() {
    let s = Scratch::new();
    let tar = Tar::default().add(b"vol", EntryType::new(b'V'), b"", 0o644, b"").finish();
    let (entry, reason) = refusal(s.extract(&tar));
    assert_eq!(entry, "vol");
    assert!(reason.contains("unsupported entry type"), "{reason}");
}

// ---- metadata --------------------------------------------------------------

#[test]
fn permissions_including_setuid_are_preserved() {
    let s = Scratch::new();
    let tar = Tar::default()
        .file_mode("suid", 0o4755)
        .file_mode("sgid", 0o2711)
        .file_mode("ro", 0o444)
        .dir("sticky/", 0o1777)
        .dir("locked/", 0o555)
        .file_mode("locked/inner", 0o600)
        .dir("late/child/", 0o700)
        .dir("late/", 0o500)
        .dir("./", 0o750)
        .finish();
    s.extract(&tar).unwrap();
    let mode = |p: &str| lstat(&s.path(p)).mode() & 0o7777;
    assert_eq!(mode("suid"), 0o4755);
    assert_eq!(mode("sgid"), 0o2711);
    assert_eq!(mode("ro"), 0o444);
    assert_eq!(mode("sticky"), 0o1777);
    assert_eq!(mode("locked"), 0o555);
    assert_eq!(mode("locked/inner"), 0o600);
    assert_eq!(mode("late"), 0o500);
    assert_eq!(mode("late/child"), 0o700);
    assert_eq!(lstat(&s.dest).mode() & 0o7777, 0o750);
}

#[test]
fn root_entry_must_be_a_directory() {
    let s = Scratch::new();
    let (entry, _) = refusal(s.extract(&Tar::default().file("./", b"").finish()));
    assert_eq!(entry, "./");
}

#[test]
fn mtimes_are_preserved_including_directories_and_pax() {
    let s = Scratch::new();
    let tar = Tar::default()
        .dir("d/", 0o755)
        .file("d/f", b"x")
        .symlink("d/s", "f")
        .pax(EntryType::XHeader, &[("mtime", b"1234567890.5")])
        .file("d/precise", b"")
        .finish();
    s.extract(&tar).unwrap();
    for p in ["d", "d/f", "d/s"] {
        assert_eq!(lstat(&s.path(p)).mtime(), MTIME as i64, "{p}");
    }
    let precise = lstat(&s.path("d/precise"));
    assert_eq!((precise.mtime(), precise.mtime_nsec()), (1_234_567_890, 500_000_000));
}

#[test]
fn pax_xattrs_are_applied_but_overlay_ones_dropped() {
    let s = Scratch::new();
    if !user_xattrs_supported(&s) {
        eprintln!("skipping xattr test: no user xattrs on {}", s.top.display());
        return;
    }
    let records: &[(&str, &[u8])] = &[
        ("SCHILY.xattr.user.note", b"hello"),
        ("SCHILY.xattr.trusted.overlay.redirect", b"/etc"),
        ("SCHILY.xattr.user.overlay.metacopy", b""),
    ];
    let tar = Tar::default().pax(EntryType::XHeader, records).file("x", b"").finish();
    s.extract(&tar).unwrap();
    let x = s.path("x");
    assert_eq!(get_xattr(&x, "user.note").unwrap().as_deref(), Some(&b"hello"[..]));
    assert_eq!(get_xattr(&x, "user.overlay.metacopy").unwrap(), None);
    if is_root() {
        assert_eq!(get_xattr(&x, "trusted.overlay.redirect").unwrap(), None);
    }
}

#[test]
fn chown_is_applied_or_fails_per_options() {
    let mut tar = Tar::default();
    let mut h = header(b"owned", EntryType::Regular, 0o644, 0);
    h.set_uid(1234);
    h.set_gid(5678);
    let tar = tar.push(h, b"").finish();
    let strict = ExtractOptions { ignore_chown_errors: false, ..opts() };
    let s = Scratch::new();
    if is_root() {
        let report = s.extract_with(&tar, &strict).unwrap();
        assert_eq!(report.chown_failures, 0);
        let meta = lstat(&s.path("owned"));
        assert_eq!((meta.uid(), meta.gid()), (1234, 5678));
        return;
    }
    match s.extract_with(&tar, &strict) {
        Err(ExtractError::Chown { entry, uid: 1234, gid: 5678, .. }) => assert_eq!(entry, "owned"),
        other => panic!("expected a chown error, got {other:?}"),
    }
    let s = Scratch::new();
    assert_eq!(s.extract(&tar).unwrap().chown_failures, 1);
}

#[test]
fn devices_are_skipped_when_asked_and_fifos_always_made() {
    let mut tar = Tar::default();
    for (name, kind, major, minor) in [("dev/null", EntryType::Char, 1, 3), ("dev/sda", EntryType::Block, 8, 0)] {
        let mut h = header(name.as_bytes(), kind, 0o666, 0);
        h.set_device_major(major).unwrap();
        h.set_device_minor(minor).unwrap();
        tar.push(h, b"");
    }
    let tar = tar.add(b"dev/fifo", EntryType::Fifo, b"", 0o640, b"").hardlink("dev/null2", "dev/null").finish();
    let s = Scratch::new();
    let skip = ExtractOptions { skip_devices: true, ..opts() };
    let report = s.extract_with(&tar, &skip).unwrap();
    assert_eq!(report.skipped_devices, 3, "two devices and a hardlink to one");
    assert_eq!(names_in(&s.path("dev")), ["fifo"]);
    let fifo = lstat(&s.path("dev/fifo"));
    assert!(fifo.file_type().is_fifo());
    assert_eq!(fifo.mode() & 0o7777, 0o640);
    if !is_root() {
        eprintln!("skipping device creation: needs CAP_MKNOD");
        return;
    }
    let s = Scratch::new();
    let make = ExtractOptions { skip_devices: false, ..opts() };
    assert_eq!(s.extract_with(&tar, &make).unwrap().skipped_devices, 0);
    let null = lstat(&s.path("dev/null"));
    assert!(null.file_type().is_char_device());
    assert_eq!(null.rdev(), libc::makedev(1, 3));
    assert!(lstat(&s.path("dev/sda")).file_type().is_block_device());
    assert_eq!(lstat(&s.path("dev/null2")).ino(), null.ino());
}

#[test]
fn content_size_counts_regular_file_bytes() {
    let s = Scratch::new();
    let tar = Tar::default()
        .file("a", b"abc")
        .dir("d/", 0o755)
        .file("d/b", b"defgh")
        .symlink("s", "a")
        .hardlink("h", "a")
        .finish();
    assert_eq!(s.extract(&tar).unwrap().content_size, 8);
}
