//! Turning the names written in an archive into safe relative paths.
//!
//! Nothing here touches the filesystem: these are the lexical rules, and the
//! symlink rules live in `fsops`.

/// One component of a normalised path. Never empty, never `.` or `..`, and
/// never contains `/` or NUL.
pub(super) type Component = Vec<u8>;

/// Normalises an archive name (entry path or hardlink target) into
/// components relative to the layer root; an empty result *is* the root.
///
/// Leading `/` and `./` are stripped (absolute names are relative to the
/// layer root, as in Docker), `.` and repeated slashes are dropped.
///
/// `..` decision: we normalise it lexically, like Go's `filepath.Clean` in
/// Docker/containers-storage, so `a/../b` means `b`; a `..` that would climb
/// above the root is refused. This is safe because the result is then
/// walked component by component without following symlinks, so the
/// lexical result is exactly where the entry lands.
pub(super) fn normalize(raw: &[u8]) -> Result<Vec<Component>, String> {
    if raw.is_empty() {
        return Err("empty name".to_string());
    }
    if raw.contains(&0) {
        return Err("name contains a NUL byte".to_string());
    }
    let mut out: Vec<Component> = Vec::new();
    for part in raw.split(|b| *b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => {
                if out.pop().is_none() {
                    return Err("path climbs above the layer root with \"..\"".to_string());
                }
            }
            _ => out.push(part.to_vec()),
        }
    }
    Ok(out)
}

/// What an entry's final component means under the OCI whiteout rules.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Whiteout<'a> {
    /// An ordinary name.
    None,
    /// `.wh..wh..opq`: the containing directory hides lower layers.
    Opaque,
    /// `.wh.<name>`: `<name>` is deleted by this layer.
    Remove(&'a [u8]),
    /// Other `.wh..wh.*` names: aufs bookkeeping, ignored.
    AufsMeta,
}

const WH_PREFIX: &[u8] = b".wh.";
const WH_META_PREFIX: &[u8] = b".wh..wh.";
const WH_OPAQUE: &[u8] = b".wh..wh..opq";

/// Classifies a final component. `.wh.`, `.wh..` and `.wh...` are refused:
/// they would whiteout the directory itself or its parent, and `..` as a
/// name to create would point outside the directory.
pub(super) fn whiteout(name: &[u8]) -> Result<Whiteout<'_>, String> {
    if name == WH_OPAQUE {
        return Ok(Whiteout::Opaque);
    }
    if name.starts_with(WH_META_PREFIX) {
        return Ok(Whiteout::AufsMeta);
    }
    match name.strip_prefix(WH_PREFIX) {
        None => Ok(Whiteout::None),
        Some(b"" | b"." | b"..") => Err("whiteout names no valid file".to_string()),
        Some(target) => Ok(Whiteout::Remove(target)),
    }
}

/// A printable form of a name, for messages only.
pub(super) fn lossy(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw).into_owned()
}

/// A printable form of normalised components, for messages only.
pub(super) fn join(comps: &[Component]) -> String {
    lossy(&comps.join(&b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Result<String, String> {
        normalize(s.as_bytes()).map(|c| join(&c))
    }

    #[test]
    fn normalize_rules() {
        assert_eq!(norm("/etc/passwd").as_deref(), Ok("etc/passwd"));
        assert_eq!(norm("./a//b/./c/").as_deref(), Ok("a/b/c"));
        assert_eq!(norm("a/../b").as_deref(), Ok("b"));
        assert_eq!(norm("./").as_deref(), Ok(""));
        assert!(norm("../x").is_err());
        assert!(norm("a/../../x").is_err());
        assert!(norm("/..").is_err());
        assert!(norm("").is_err());
        assert!(normalize(b"a\0b").is_err());
    }

    #[test]
    fn whiteout_rules() {
        assert_eq!(whiteout(b"x"), Ok(Whiteout::None));
        assert_eq!(whiteout(b".wh..wh..opq"), Ok(Whiteout::Opaque));
        assert_eq!(whiteout(b".wh..wh.plnk"), Ok(Whiteout::AufsMeta));
        assert_eq!(whiteout(b".wh.foo"), Ok(Whiteout::Remove(&b"foo"[..])));
        assert!(whiteout(b".wh.").is_err());
        assert!(whiteout(b".wh..").is_err());
        assert!(whiteout(b".wh...").is_err());
    }
}
