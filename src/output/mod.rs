//! Command output: podman's `--format` semantics (default tables, `json`,
//! Go templates, `table` templates with headers), Go-compatible JSON, and the
//! human-readable sizes and ages podman prints. Every listing and inspect
//! command renders through here so they all behave alike.

pub mod table;
pub mod template;

pub use template::{compile, Compiled};

use std::io::Write;

use serde_json::Value as Json;

/// Why output could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The `--format` template did not parse or failed on the data; the
    /// message reads like Go's (`template: list:1:2: ...`).
    #[error("{0}")]
    Template(String),
    /// The reader went away (`| head`); callers exit quietly.
    #[error("broken pipe")]
    BrokenPipe,
    #[error("writing output: {0}")]
    Io(#[source] std::io::Error),
}

impl From<std::io::Error> for OutputError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            OutputError::BrokenPipe
        } else {
            OutputError::Io(e)
        }
    }
}

/// How the user asked for output (`--format`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// No `--format` (or an empty one): the command's default table.
    Default,
    /// `json`, `{{json}}` or `{{json .}}`: the whole result as one JSON document.
    Json,
    /// Anything else: a Go template.
    Template(String),
}

impl Format {
    pub fn parse(s: Option<&str>) -> Format {
        match s {
            None | Some("") => Format::Default,
            Some(s) if is_json_format(s) => Format::Json,
            Some(s) => Format::Template(s.to_string()),
        }
    }
}

/// Podman's `report.IsJSON`: `^\s*(json|{{\s*json\s*(\.)?\s*}})\s*$`. It is
/// case-sensitive, so `JSON` is a template that prints the word JSON.
fn is_json_format(s: &str) -> bool {
    let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\x0b');
    let s = s.trim_matches(ws);
    if s == "json" {
        return true;
    }
    let Some(inner) = s.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) else {
        return false;
    };
    match inner.trim_matches(ws).strip_prefix("json") {
        Some("") => true,
        Some(rest) => rest.trim_start_matches(ws) == ".",
        None => false,
    }
}

/// Layout of JSON documents. Podman is not uniform: `images`/`volume ls`
/// marshal with 4 spaces and Go's default HTML escaping, `ps` with 2 spaces,
/// and `inspect` uses an encoder with 5 spaces and HTML escaping off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonStyle {
    /// Spaces per level; `None` for compact single-line output.
    pub indent: Option<usize>,
    /// Escape `<`, `>`, `&` as `\u003c` etc. (Go's `json.Marshal` default).
    pub escape_html: bool,
}

impl JsonStyle {
    /// `json.MarshalIndent(v, "", "    ")` as used by `images --format json`.
    pub const LIST: JsonStyle = JsonStyle { indent: Some(4), escape_html: true };
    /// `json.MarshalIndent(v, "", "  ")` as used by `ps --format json`.
    pub const PS: JsonStyle = JsonStyle { indent: Some(2), escape_html: true };
    /// The encoder of `podman inspect`: 5-space indent, no HTML escaping.
    pub const INSPECT: JsonStyle = JsonStyle { indent: Some(5), escape_html: false };
    /// The template `json` function: compact, no HTML escaping.
    pub const COMPACT: JsonStyle = JsonStyle { indent: None, escape_html: false };
}

/// Renders a listing (images, ps, volume ls ...).
///
/// `headers` maps a field name to podman's column header for it; other fields
/// get a header derived from the name (`CreatedAt` -> `CREATED AT`).
/// `default_template` is the command's default, e.g.
/// `table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}`.
/// `--format json` uses [`JsonStyle::LIST`]; commands laid out differently
/// (ps) can handle [`Format::Json`] themselves with [`write_json`].
pub fn render_list(
    out: &mut dyn Write,
    rows: &[Json],
    format: &Format,
    default_template: &str,
    headers: &[(&str, &str)],
    no_heading: bool,
) -> Result<(), OutputError> {
    match format {
        Format::Json => write_json(out, rows, JsonStyle::LIST),
        Format::Default => {
            // Podman's own templates always go through the tabwriter with headers.
            let text = if template::is_table(default_template) {
                default_template.to_string()
            } else {
                format!("table {default_template}")
            };
            render_template(out, "list", rows, &text, Some(headers), no_heading)
        }
        Format::Template(text) => render_template(out, "list", rows, text, Some(headers), no_heading),
    }
}

/// Renders inspect-style output: by default (or with `json`) a JSON array laid
/// out like `podman inspect`; with a template, the template once per object.
pub fn render_inspect(out: &mut dyn Write, objs: &[Json], format: &Format) -> Result<(), OutputError> {
    match format {
        Format::Default | Format::Json => write_json(out, objs, JsonStyle::INSPECT),
        // Podman's inspect aligns `table` templates but never prints headers.
        Format::Template(text) => render_template(out, "inspect", objs, text, None, true),
    }
}

fn render_template(
    out: &mut dyn Write,
    name: &str,
    rows: &[Json],
    text: &str,
    headers: Option<&[(&str, &str)]>,
    no_heading: bool,
) -> Result<(), OutputError> {
    let compiled = compile(name, text)?;
    if !compiled.is_table() {
        let body = compiled.render_rows(rows)?;
        out.write_all(body.as_bytes())?;
        return Ok(out.flush()?);
    }
    // Podman renders the header by running the same template over a single
    // map of field -> header text, then feeds both through one tabwriter.
    let mut text = String::new();
    if let (Some(headers), false) = (headers, no_heading) {
        let data = table::header_data(rows, headers, compiled.text());
        text.push_str(&compiled.render(&data)?);
    }
    text.push_str(&compiled.render_rows(rows)?);
    let aligned = table::align(&text)?;
    out.write_all(aligned.as_bytes())?;
    Ok(out.flush()?)
}

/// Writes `items` as one JSON array followed by a newline (podman prints `[]`
/// when there is nothing).
pub fn write_json(out: &mut dyn Write, items: &[Json], style: JsonStyle) -> Result<(), OutputError> {
    let mut buf = String::new();
    json_array(&mut buf, items, style, 0);
    buf.push('\n');
    out.write_all(buf.as_bytes())?;
    Ok(out.flush()?)
}

/// Encodes a value the way Go's `encoding/json` would (number formatting,
/// string escapes, `MarshalIndent` layout).
pub fn to_go_json(v: &Json, style: JsonStyle) -> String {
    let mut buf = String::new();
    json_value(&mut buf, v, style, 0);
    buf
}

fn json_newline(buf: &mut String, style: JsonStyle, depth: usize) {
    if let Some(n) = style.indent {
        buf.push('\n');
        buf.extend(std::iter::repeat_n(' ', n * depth));
    }
}

fn json_array(buf: &mut String, items: &[Json], style: JsonStyle, depth: usize) {
    if items.is_empty() {
        buf.push_str("[]");
        return;
    }
    buf.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            buf.push(',');
        }
        json_newline(buf, style, depth + 1);
        json_value(buf, item, style, depth + 1);
    }
    json_newline(buf, style, depth);
    buf.push(']');
}

fn json_value(buf: &mut String, v: &Json, style: JsonStyle, depth: usize) {
    match v {
        Json::Null => buf.push_str("null"),
        Json::Bool(b) => buf.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                buf.push_str(&i.to_string());
            } else if let Some(u) = n.as_u64() {
                buf.push_str(&u.to_string());
            } else {
                buf.push_str(&go_json_float(n.as_f64().unwrap_or(0.0)));
            }
        }
        Json::String(s) => json_string(buf, s, style.escape_html),
        Json::Array(items) => json_array(buf, items, style, depth),
        Json::Object(obj) => {
            if obj.is_empty() {
                buf.push_str("{}");
                return;
            }
            buf.push('{');
            for (i, (k, item)) in obj.iter().enumerate() {
                if i > 0 {
                    buf.push(',');
                }
                json_newline(buf, style, depth + 1);
                json_string(buf, k, style.escape_html);
                buf.push_str(if style.indent.is_some() { ": " } else { ":" });
                json_value(buf, item, style, depth + 1);
            }
            json_newline(buf, style, depth);
            buf.push('}');
        }
    }
}

/// Go writes floats as `strconv` 'f' (shortest) unless tiny or huge, where
/// it switches to exponent form with at least one exponent digit (`1e-7`,
/// `1e+21`). Whole floats print without a fraction (`1`, not `1.0`).
fn go_json_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let s = format!("{f:e}");
        match s.split_once('e') {
            Some((mant, exp)) if !exp.starts_with('-') => format!("{mant}e+{exp}"),
            _ => s,
        }
    } else {
        format!("{f}")
    }
}

fn json_string(buf: &mut String, s: &str, escape_html: bool) {
    buf.push('"');
    for c in s.chars() {
        match c {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            '\n' => buf.push_str("\\n"),
            '\r' => buf.push_str("\\r"),
            '\t' => buf.push_str("\\t"),
            '\u{8}' => buf.push_str("\\b"),
            '\u{c}' => buf.push_str("\\f"),
            c if (c as u32) < 0x20 => buf.push_str(&format!("\\u{:04x}", c as u32)),
            '<' | '>' | '&' if escape_html => buf.push_str(&format!("\\u{:04x}", c as u32)),
            // Go always escapes the JavaScript line separators.
            '\u{2028}' | '\u{2029}' => buf.push_str(&format!("\\u{:04x}", c as u32)),
            c => buf.push(c),
        }
    }
    buf.push('"');
}

/// A size as podman's `images` prints it: go-units `HumanSizeWithPrecision(n, 3)`
/// (decimal units, `%.3g`) with a space before the unit: `977 B`, `5.37 kB`, `1.2 MB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1000.0 && unit < UNITS.len() - 1 {
        size /= 1000.0;
        unit += 1;
    }
    format!("{} {}", go_format_g(size, 3), UNITS[unit])
}

/// Go's `%.*g` for a non-negative finite value: `prec` significant digits,
/// trailing zeros dropped, exponent form when the exponent is < -4 or >= prec.
fn go_format_g(v: f64, prec: usize) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let prec = prec.max(1);
    let sci = format!("{:.*e}", prec - 1, v);
    let (mant, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if exp < -4 || exp >= prec as i32 {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", trim(mant), exp.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        trim(&format!("{v:.decimals$}"))
    }
}

/// How long ago something happened, as podman's `CreatedSince` prints it:
/// go-units `HumanDuration` plus " ago".
pub fn human_duration_ago(secs: i64) -> String {
    format!("{} ago", human_duration(secs))
}

/// go-units `HumanDuration` for a whole number of seconds.
pub fn human_duration(secs: i64) -> String {
    if secs < 1 {
        return "Less than a second".to_string();
    }
    if secs == 1 {
        return "1 second".to_string();
    }
    if secs < 60 {
        return format!("{secs} seconds");
    }
    let minutes = secs / 60;
    if minutes == 1 {
        return "About a minute".to_string();
    }
    if minutes < 60 {
        return format!("{minutes} minutes");
    }
    // Go rounds the duration to the nearest hour, halves away from zero.
    let hours = (secs + 1800) / 3600;
    if hours == 1 {
        "About an hour".to_string()
    } else if hours < 48 {
        format!("{hours} hours")
    } else if hours < 24 * 7 * 2 {
        format!("{} days", hours / 24)
    } else if hours < 24 * 30 * 2 {
        format!("{} weeks", hours / 24 / 7)
    } else if hours < 24 * 365 * 2 {
        format!("{} months", hours / 24 / 30)
    } else {
        // Years truncate the hours instead of rounding them, as Go does.
        format!("{} years", secs / 3600 / 24 / 365)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const IMAGES: &str = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    const HEADERS: &[(&str, &str)] = &[("ID", "IMAGE ID"), ("CreatedSince", "CREATED")];

    fn images() -> Vec<Json> {
        vec![
            json!({"Repository": "docker.io/library/alpine", "Tag": "latest", "ID": "5cb3aa00f899",
                   "CreatedSince": "2 weeks ago", "Size": "5.79 MB", "Labels": {}}),
            json!({"Repository": "<none>", "Tag": "<none>", "ID": "ebb91b73692b",
                   "CreatedSince": "4 weeks ago", "Size": "27.2 MB", "Labels": {"b": "2", "a": "1"}}),
        ]
    }

    fn list(rows: &[Json], format: &Format, no_heading: bool) -> Result<String, OutputError> {
        let mut out = Vec::new();
        render_list(&mut out, rows, format, IMAGES, HEADERS, no_heading)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn format_parse() {
        assert_eq!(Format::parse(None), Format::Default);
        assert_eq!(Format::parse(Some("")), Format::Default);
        for s in ["json", " json\n", "{{json}}", "{{json .}}", "{{ json . }}", "{{json.}}"] {
            assert_eq!(Format::parse(Some(s)), Format::Json, "{s:?}");
        }
        for s in ["JSON", "{{json .ID}}", "{{.ID}}", "table {{.ID}}"] {
            assert_eq!(Format::parse(Some(s)), Format::Template(s.into()), "{s:?}");
        }
    }

    #[test]
    fn default_table_bytes() {
        let got = list(&images(), &Format::Default, false).unwrap();
        assert_eq!(
            got,
            "REPOSITORY                TAG         IMAGE ID      CREATED      SIZE\n\
             docker.io/library/alpine  latest      5cb3aa00f899  2 weeks ago  5.79 MB\n\
             <none>                    <none>      ebb91b73692b  4 weeks ago  27.2 MB\n"
        );
    }

    #[test]
    fn default_table_without_rows_prints_header() {
        let got = list(&[], &Format::Default, false).unwrap();
        assert_eq!(got, "REPOSITORY  TAG         IMAGE ID    CREATED     SIZE\n");
        assert_eq!(list(&[], &Format::Default, true).unwrap(), "");
    }

    #[test]
    fn noheading_drops_header() {
        let got = list(&images(), &Format::Default, true).unwrap();
        assert!(got.starts_with("docker.io/library/alpine  latest"), "{got}");
        assert_eq!(got.lines().count(), 2);
    }

    #[test]
    fn user_table_template_with_derived_headers() {
        let f = Format::Template("table {{.ID}} {{.CreatedSince}} {{.Labels}}".into());
        let got = list(&images(), &f, false).unwrap();
        assert_eq!(
            got,
            "IMAGE ID      CREATED      LABELS\n\
             5cb3aa00f899  2 weeks ago  map[]\n\
             ebb91b73692b  4 weeks ago  map[a:1 b:2]\n"
        );
        let f = Format::Template("table {{.Tag}}\\t{{.Size | upper}}".into());
        let got = list(&images(), &f, false).unwrap();
        assert_eq!(got, "TAG         SIZE\nlatest      5.79 MB\n<none>      27.2 MB\n");
    }

    #[test]
    fn plain_template_has_no_header_or_alignment() {
        let f = Format::Template("{{.ID}}\\t{{.Tag}}".into());
        assert_eq!(list(&images(), &f, false).unwrap(), "5cb3aa00f899\tlatest\nebb91b73692b\t<none>\n");
        let f = Format::Template("{{.ID}}\n".into());
        assert_eq!(list(&images(), &f, false).unwrap(), "5cb3aa00f899\nebb91b73692b\n");
    }

    #[test]
    fn json_list() {
        assert_eq!(list(&[], &Format::Json, false).unwrap(), "[]\n");
        let rows = vec![json!({"ID": "a", "Names": ["<x>"], "Labels": {}, "Size": 5})];
        assert_eq!(
            list(&rows, &Format::Json, false).unwrap(),
            "[\n    {\n        \"ID\": \"a\",\n        \"Names\": [\n            \"\\u003cx\\u003e\"\n        ],\n        \"Labels\": {},\n        \"Size\": 5\n    }\n]\n"
        );
    }

    #[test]
    fn json_func_in_list_is_compact() {
        let rows = vec![json!({"ID": "a", "Cmd": "a > b && c"})];
        let f = Format::Template("{{json .}}|{{json .Cmd}}".into());
        assert_eq!(list(&rows, &f, false).unwrap(), "{\"ID\":\"a\",\"Cmd\":\"a > b && c\"}|\"a > b && c\"\n");
    }

    #[test]
    fn unknown_field_errors() {
        let f = Format::Template("{{.Foo}}".into());
        let err = list(&images(), &f, false).unwrap_err();
        assert!(matches!(err, OutputError::Template(_)));
        assert!(err.to_string().starts_with("template: list:"), "{err}");
        assert!(err.to_string().contains("Foo"), "{err}");
        let f = Format::Template("table {{.Foo}}".into());
        assert!(list(&images(), &f, false).is_err());
    }

    #[test]
    fn inspect_default_and_template() {
        let objs = vec![json!({"Id": "abc", "Config": {"Cmd": ["sh", "-c", "a > b"]}})];
        let mut out = Vec::new();
        render_inspect(&mut out, &objs, &Format::Default).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[\n     {\n          \"Id\": \"abc\",\n          \"Config\": {\n               \"Cmd\": [\n                    \"sh\",\n                    \"-c\",\n                    \"a > b\"\n               ]\n          }\n     }\n]\n"
        );
        let mut out = Vec::new();
        render_inspect(&mut out, &[], &Format::Json).unwrap();
        assert_eq!(out, b"[]\n");
        let mut out = Vec::new();
        let f = Format::Template("{{.Id}} {{index .Config.Cmd 0}}".into());
        render_inspect(&mut out, &[objs[0].clone(), objs[0].clone()], &f).unwrap();
        assert_eq!(out, b"abc sh\nabc sh\n");
    }

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn broken_pipe_is_distinct() {
        let err = render_list(&mut Closed, &images(), &Format::Default, IMAGES, HEADERS, false).unwrap_err();
        assert!(matches!(err, OutputError::BrokenPipe));
        let err = render_inspect(&mut Closed, &images(), &Format::Json).unwrap_err();
        assert!(matches!(err, OutputError::BrokenPipe));
    }

    #[test]
    fn go_json_details() {
        let s = |v: Json| to_go_json(&v, JsonStyle::COMPACT);
        assert_eq!(s(json!(1.0)), "1");
        assert_eq!(s(json!(2.5)), "2.5");
        assert_eq!(s(json!(1e21)), "1e+21");
        assert_eq!(s(json!(1e-7)), "1e-7");
        assert_eq!(s(json!(-3)), "-3");
        assert_eq!(s(json!(u64::MAX)), "18446744073709551615");
        assert_eq!(s(json!("a\"\\\n\t\u{1}\u{8}\u{2028}<")), "\"a\\\"\\\\\\n\\t\\u0001\\b\\u2028<\"");
        assert_eq!(to_go_json(&json!("<&>"), JsonStyle::LIST), "\"\\u003c\\u0026\\u003e\"");
        assert_eq!(s(json!({"a": [], "b": {}, "c": null})), "{\"a\":[],\"b\":{},\"c\":null}");
        assert_eq!(to_go_json(&json!([1, [2]]), JsonStyle::PS), "[\n  1,\n  [\n    2\n  ]\n]");
    }

    #[test]
    fn human_size_matches_go_units() {
        let cases = [
            (0, "0 B"),
            (1, "1 B"),
            (977, "977 B"),
            (999, "999 B"),
            (1000, "1 kB"),
            (1200, "1.2 kB"),
            (5370, "5.37 kB"),
            (5374, "5.37 kB"),
            (5375, "5.38 kB"),
            (999_499, "999 kB"),
            (999_999, "1e+03 kB"),
            (1_200_000, "1.2 MB"),
            (5_790_000, "5.79 MB"),
            (27_200_000, "27.2 MB"),
            (1_000_000_000, "1 GB"),
            (u64::MAX, "18.4 EB"),
        ];
        for (n, want) in cases {
            assert_eq!(human_size(n), want, "{n}");
        }
    }

    #[test]
    fn human_duration_matches_go_units() {
        const MIN: i64 = 60;
        const HOUR: i64 = 60 * MIN;
        const DAY: i64 = 24 * HOUR;
        const WEEK: i64 = 7 * DAY;
        const MONTH: i64 = 30 * DAY;
        const YEAR: i64 = 365 * DAY;
        let cases = [
            (-5, "Less than a second"),
            (0, "Less than a second"),
            (1, "1 second"),
            (3, "3 seconds"),
            (59, "59 seconds"),
            (60, "About a minute"),
            (119, "About a minute"),
            (120, "2 minutes"),
            (59 * MIN, "59 minutes"),
            (HOUR, "About an hour"),
            (HOUR + 29 * MIN, "About an hour"),
            (HOUR + 30 * MIN, "2 hours"),
            (3 * HOUR + 31 * MIN, "4 hours"),
            (DAY + 12 * HOUR, "36 hours"),
            (47 * HOUR + 29 * MIN, "47 hours"),
            (2 * DAY, "2 days"),
            (13 * DAY + 5 * HOUR, "13 days"),
            (2 * WEEK, "2 weeks"),
            (MONTH, "4 weeks"),
            (MONTH + 2 * WEEK, "6 weeks"),
            (2 * MONTH, "2 months"),
            (5 * MONTH + 2 * WEEK, "5 months"),
            (24 * MONTH, "24 months"),
            (24 * MONTH + 2 * WEEK, "2 years"),
            (3 * YEAR + 2 * MONTH, "3 years"),
        ];
        for (secs, want) in cases {
            assert_eq!(human_duration(secs), want, "{secs}");
        }
        assert_eq!(human_duration_ago(3), "3 seconds ago");
        assert_eq!(human_duration_ago(2 * DAY), "2 days ago");
    }
}

/// Renders one object (`info`, `version`): `json` prints it alone (not in an array), a
/// template is executed once against it.
pub fn render_one(out: &mut dyn Write, obj: &Json, format: &Format) -> Result<(), OutputError> {
    match format {
        Format::Default | Format::Json => {
            let mut text = to_go_json(obj, JsonStyle::INSPECT);
            text.push('\n');
            out.write_all(text.as_bytes())?;
            Ok(out.flush()?)
        }
        Format::Template(text) => render_template(out, "info", std::slice::from_ref(obj), text, None, true),
    }
}
