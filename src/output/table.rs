//! Column tables for `table` formats: alignment the way podman's tabwriter
//! does it, and the header row podman derives from field names.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

use gotmpl::Value;
use serde_json::Value as Json;
use tabwriter::TabWriter;

/// Podman builds its tabwriter as `NewWriter(out, 12, 2, 2, ' ', StripEscape)`.
/// Go's minwidth counts the padding (`width = max(minwidth, cell + padding)`),
/// the `tabwriter` crate adds padding on top (`max(minwidth, cell) + padding`),
/// so 10 here gives Go's 12 byte for byte.
pub const MIN_WIDTH: usize = 10;
/// Spaces after every column (Go's `padding` argument).
pub const PADDING: usize = 2;

/// Aligns tab-separated cells into columns, exactly as podman's report writer.
/// Lines are separated by `\n`; a cell is ended by `\t`, and the last cell of a
/// line is not padded.
pub fn align(text: &str) -> std::io::Result<String> {
    let mut tw = TabWriter::new(Vec::with_capacity(text.len() * 2)).minwidth(MIN_WIDTH).padding(PADDING);
    tw.write_all(text.as_bytes())?;
    tw.flush()?;
    let bytes = tw.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    // The writer only inserts ASCII spaces between the UTF-8 cells it was given.
    String::from_utf8(bytes).map_err(|e| std::io::Error::other(e.to_string()))
}

/// The column header podman gives a field it has no override for: the Go field
/// name split at camel-case boundaries and upper-cased (`CreatedAt` -> `CREATED AT`).
pub fn derive_header(field: &str) -> String {
    camel_split(field).join(" ").to_uppercase()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Lower,
    Upper,
    Digit,
    Other,
}

fn class_of(c: char) -> Class {
    if c.is_lowercase() {
        Class::Lower
    } else if c.is_uppercase() {
        Class::Upper
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Other
    }
}

/// Splits a camel-case identifier into words the way podman's vendored
/// `camelcase.Split` does: runs of one character class, then the last capital
/// of an upper-case run moves to a following lower-case run
/// (`PDFLoader` -> `PDF`, `Loader`).
fn camel_split(src: &str) -> Vec<String> {
    let mut runs: Vec<Vec<char>> = Vec::new();
    let mut last: Option<Class> = None;
    for c in src.chars() {
        let class = class_of(c);
        match runs.last_mut() {
            Some(run) if last == Some(class) => run.push(c),
            _ => runs.push(vec![c]),
        }
        last = Some(class);
    }
    for i in 1..runs.len() {
        let upper_then_lower =
            runs[i - 1].first().is_some_and(|c| c.is_uppercase()) && runs[i].first().is_some_and(|c| c.is_lowercase());
        if upper_then_lower {
            if let Some(moved) = runs[i - 1].pop() {
                runs[i].insert(0, moved);
            }
        }
    }
    runs.into_iter().filter(|r| !r.is_empty()).map(|r| r.into_iter().collect()).collect()
}

/// The value podman renders a table's header line from: one map of field name
/// to header text, wrapped in a list because the table template ranges over
/// its data. Every field the rows have, every override, and every top-level
/// `.Field` the template mentions gets an entry, so the header renders even
/// when there are no rows to learn the field names from.
pub fn header_data(rows: &[Json], overrides: &[(&str, &str)], template_text: &str) -> Value {
    let mut names: Vec<String> = overrides.iter().map(|(k, _)| (*k).to_string()).collect();
    for row in rows {
        if let Json::Object(obj) = row {
            names.extend(obj.keys().cloned());
        }
    }
    names.extend(referenced_fields(template_text));

    let mut map: BTreeMap<Arc<str>, Value> = BTreeMap::new();
    for name in names {
        if map.contains_key(name.as_str()) {
            continue;
        }
        // Podman upper-cases its overrides too (report.Headers).
        let text = overrides
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_uppercase())
            .unwrap_or_else(|| derive_header(&name));
        map.insert(Arc::from(name.as_str()), Value::String(Arc::from(text.as_str())));
    }
    let row = Value::Map(Arc::new(map));
    Value::List(Arc::from(vec![row]))
}

/// Top-level field names a template refers to (`.Foo`, `$.Foo`, `(.Foo)`),
/// ignoring the tails of chains like `.Foo.Bar`. Over-matching (text outside
/// actions) only adds unused header entries, so a plain scan is enough.
fn referenced_fields(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if chars[i] != '.' {
            continue;
        }
        let chained = i > 0 && {
            let p = chars[i - 1];
            p.is_alphanumeric() || p == '_' || p == ')' || p == ']'
        };
        if chained {
            continue;
        }
        let ident: String = chars[i + 1..].iter().take_while(|c| c.is_alphanumeric() || **c == '_').collect();
        if ident.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') {
            out.push(ident);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_split_matches_podman_examples() {
        let cases: &[(&str, &[&str])] = &[
            ("lowercase", &["lowercase"]),
            ("MyClass", &["My", "Class"]),
            ("MyC", &["My", "C"]),
            ("HTML", &["HTML"]),
            ("PDFLoader", &["PDF", "Loader"]),
            ("SimpleXMLParser", &["Simple", "XML", "Parser"]),
            ("vimRPCPlugin", &["vim", "RPC", "Plugin"]),
            ("GL11Version", &["GL", "11", "Version"]),
            ("99Bottles", &["99", "Bottles"]),
            ("BFG9000", &["BFG", "9000"]),
            ("BöseÜberraschung", &["Böse", "Überraschung"]),
            ("Two  spaces", &["Two", "  ", "spaces"]),
        ];
        for (input, want) in cases {
            assert_eq!(camel_split(input), *want, "{input}");
        }
        assert!(camel_split("").is_empty());
    }

    #[test]
    fn derived_headers() {
        assert_eq!(derive_header("CreatedAt"), "CREATED AT");
        assert_eq!(derive_header("ID"), "ID");
        assert_eq!(derive_header("CreatedSince"), "CREATED SINCE");
        assert_eq!(derive_header("IPAddress"), "IP ADDRESS");
        assert_eq!(derive_header("Names"), "NAMES");
    }

    #[test]
    fn align_matches_go_minwidth_12() {
        // Go: width = max(12, cell + 2); the last cell is never padded.
        let got = align("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n").unwrap();
        assert_eq!(got, "REPOSITORY  TAG         IMAGE ID    CREATED     SIZE\n");
        let got = align("docker.io/library/alpine\tlatest\t5cb3aa00f899\n<none>\t<none>\tebb91b73692b\n").unwrap();
        assert_eq!(
            got,
            "docker.io/library/alpine  latest      5cb3aa00f899\n\
             <none>                    <none>      ebb91b73692b\n"
        );
    }

    #[test]
    fn align_passes_untabbed_lines_through() {
        assert_eq!(align("plain\nlines\n").unwrap(), "plain\nlines\n");
        assert_eq!(align("").unwrap(), "");
    }

    #[test]
    fn referenced_fields_skips_chains() {
        let got = referenced_fields("{{.ID}}\t{{ $.Repo }} {{(.Size)}} {{.Config.Labels}} {{index .Labels \"a\"}}");
        assert_eq!(got, vec!["ID", "Repo", "Size", "Config", "Labels"]);
        assert!(referenced_fields("{{.}} {{ . }} 1.5").is_empty());
    }

    #[test]
    fn header_data_overrides_and_derives() {
        let rows = vec![serde_json::json!({"ID": "x", "CreatedAt": "y"})];
        let hdr = header_data(&rows, &[("ID", "image id")], "{{.ID}} {{.Extra}}");
        let Value::List(list) = hdr else { panic!("not a list") };
        let row = &list[0];
        assert_eq!(row.field("ID"), Some(&Value::String("IMAGE ID".into())));
        assert_eq!(row.field("CreatedAt"), Some(&Value::String("CREATED AT".into())));
        assert_eq!(row.field("Extra"), Some(&Value::String("EXTRA".into())));
    }
}
