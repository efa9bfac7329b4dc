//! Go-template `--format` strings: podman's normalisation of what the user
//! typed, podman's extra template functions, and the bridge from JSON rows to
//! `gotmpl` values.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use gotmpl::parse::{Expr, ListNode, Node, PipeNode};
use gotmpl::{MissingKey, TemplateError, Value};
use serde_json::Value as Json;

use super::{to_go_json, JsonStyle, OutputError};

/// Original JSON of every map and list handed to a template, keyed by the
/// address of the `gotmpl` value built from it. `{{json .}}` looks here so a
/// row keeps its field order (Go marshals struct fields in declaration order);
/// values made inside the template fall back to a sorted-key encoding, which
/// is what Go does for maps.
type Sources = Arc<Mutex<HashMap<usize, Json>>>;

/// A parsed `--format` template.
pub struct Compiled {
    tmpl: gotmpl::Template,
    name: String,
    table: bool,
    text: String,
    sources: Sources,
}

/// Whether podman treats a format as a table: it must start with `table `
/// (podman's `HasTable` is a plain prefix test, no trimming).
pub fn is_table(format: &str) -> bool {
    format.starts_with("table ")
}

/// Podman's `NormalizeFormat`. For tables, every `table ` is dropped and every
/// space becomes a column break, so `table {{.ID}} {{.Tag}}` lays out as two
/// columns. Literal `\t` and `\n` typed in the shell become the real characters.
/// The template always ends in a newline so each row is its own line.
pub fn normalize(format: &str, table: bool) -> String {
    let mut out = String::with_capacity(format.len() + 1);
    let mut rest = format;
    while let Some(c) = rest.chars().next() {
        if table && rest.starts_with("table ") {
            rest = &rest[6..];
        } else if rest.starts_with("\\t") {
            out.push('\t');
            rest = &rest[2..];
        } else if rest.starts_with("\\n") {
            out.push('\n');
            rest = &rest[2..];
        } else {
            out.push(if table && c == ' ' { '\t' } else { c });
            rest = &rest[c.len_utf8()..];
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Podman's `EnforceRange`: a user template is applied per item unless it
/// already ranges over the list itself (`{{range .}}...{{end}}`).
pub fn enforce_range(text: &str) -> String {
    if has_top_range(text) {
        text.to_string()
    } else {
        format!("{{{{range .}}}}{text}{{{{end -}}}}")
    }
}

fn is_go_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Matches the action `{{ <word> [.] [-] }}` at the start of `s`, returning its length.
fn action_at(s: &str, word: &str, dot: bool, dash: bool) -> Option<usize> {
    let mut rest = s.strip_prefix("{{")?.trim_start_matches(is_go_space);
    rest = rest.strip_prefix(word)?.trim_start_matches(is_go_space);
    if dot {
        rest = rest.strip_prefix('.')?.trim_start_matches(is_go_space);
    }
    if dash {
        if let Some(r) = rest.strip_prefix('-') {
            rest = r.trim_start_matches(is_go_space);
        }
    }
    rest = rest.strip_prefix("}}")?;
    Some(s.len() - rest.len())
}

/// Podman's `{{\s*range\s*\.\s*}}.*{{\s*end\s*-?\s*}}` test. Unlike Go's
/// regexp we let `.*` cross newlines: podman's version breaks a multi-line
/// range by wrapping it in a second one, which only ever produces an error.
fn has_top_range(text: &str) -> bool {
    let Some(start) =
        text.match_indices("{{").find_map(|(i, _)| action_at(&text[i..], "range", true, false).map(|n| i + n))
    else {
        return false;
    };
    text[start..].match_indices("{{").any(|(i, _)| action_at(&text[start + i..], "end", false, true).is_some())
}

/// Parses `format` the way podman's report formatter does: tables and user
/// templates get wrapped in `{{range .}}`. If the escape-converted text does
/// not parse, the raw text is tried, because converting `\n` breaks formats
/// like `{{printf "\n"}}` (podman does the same retry).
pub fn compile(name: &str, format: &str) -> Result<Compiled, OutputError> {
    let sources: Sources = Arc::default();
    let table = is_table(format);
    let (normalized, raw) = if table {
        let body = &format["table ".len()..];
        (
            format!("{{{{range .}}}}{}{{{{end -}}}}", normalize(format, true)),
            format!("{{{{range .}}}}{body}{{{{end -}}}}"),
        )
    } else {
        (enforce_range(&normalize(format, false)), enforce_range(format))
    };
    let first = if newline_in_string(&normalized) {
        // Go's lexer rejects this ("unterminated quoted string"); gotmpl
        // would accept it, which would skip podman's retry below.
        None
    } else {
        parse(name, &sources, &normalized).ok()
    };
    let (tmpl, text) = match first {
        Some(t) => (t, normalized),
        None => (parse(name, &sources, &raw)?, raw),
    };
    Ok(Compiled { tmpl, name: name.to_string(), table, text, sources })
}

fn parse(name: &str, sources: &Sources, text: &str) -> Result<gotmpl::Template, OutputError> {
    let tmpl = build(name, sources).parse(text).map_err(|e| template_error(name, e))?;
    // Go resolves function names while parsing; gotmpl only when a call runs,
    // which would let a typo pass silently when there are no rows.
    let unknown = tmpl.templates().into_iter().filter_map(|n| tmpl.lookup(n)).find_map(unknown_func_in_list);
    match unknown {
        Some((line, func)) => {
            Err(OutputError::Template(format!("template: {name}:{line}: function {func:?} not defined")))
        }
        None => Ok(tmpl),
    }
}

/// Functions every template can call: Go's builtins plus podman's additions.
const FUNCS: &[&str] = &[
    "and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "print", "println", "printf", "len", "index", "slice",
    "call", "html", "js", "urlquery", "json", "lower", "upper", "title", "split", "join", "pad", "truncate",
];

fn unknown_func_in_list(list: &ListNode) -> Option<(usize, String)> {
    list.nodes.iter().find_map(|node| match node {
        Node::List(l) => unknown_func_in_list(l),
        Node::Action(a) => unknown_func_in_pipe(&a.pipe),
        Node::If(b) | Node::Range(b) | Node::With(b) => unknown_func_in_pipe(&b.pipe)
            .or_else(|| unknown_func_in_list(&b.body))
            .or_else(|| b.else_body.as_ref().and_then(unknown_func_in_list)),
        Node::Template(t) => t.pipe.as_ref().and_then(unknown_func_in_pipe),
        Node::Define(d) => unknown_func_in_list(&d.body),
        _ => None,
    })
}

fn unknown_func_in_pipe(pipe: &PipeNode) -> Option<(usize, String)> {
    pipe.commands.iter().flat_map(|c| c.args.iter()).find_map(unknown_func_in_expr)
}

fn unknown_func_in_expr(expr: &Expr) -> Option<(usize, String)> {
    match expr {
        Expr::Identifier(pos, name) if !FUNCS.contains(&name.as_str()) => Some((pos.line, name.to_string())),
        Expr::Pipe(_, pipe) => unknown_func_in_pipe(pipe),
        Expr::Chain(_, inner, _) => unknown_func_in_expr(inner),
        _ => None,
    }
}

/// True if a newline sits inside a `"..."` or `'.'` literal within an action.
fn newline_in_string(text: &str) -> bool {
    #[derive(PartialEq)]
    enum State {
        Text,
        Action,
        Quoted(char),
        Raw,
    }
    let mut state = State::Text;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match state {
            State::Text if c == '{' && chars.peek() == Some(&'{') => {
                chars.next();
                state = State::Action;
            }
            State::Text => {}
            State::Action => match c {
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    state = State::Text;
                }
                '"' | '\'' => state = State::Quoted(c),
                '`' => state = State::Raw,
                _ => {}
            },
            State::Quoted(q) => match c {
                '\\' => {
                    chars.next();
                }
                '\n' => return true,
                c if c == q => state = State::Action,
                _ => {}
            },
            State::Raw if c == '`' => state = State::Action,
            State::Raw => {}
        }
    }
    false
}

impl Compiled {
    /// True for `table ...` formats: output is aligned and may carry a header.
    pub fn is_table(&self) -> bool {
        self.table
    }

    /// The template text that was parsed (after normalisation).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Renders the template over a list of JSON items (the template ranges over it).
    pub fn render_rows(&self, rows: &[Json]) -> Result<String, OutputError> {
        let data = {
            let mut sources = self.sources.lock().unwrap_or_else(|p| p.into_inner());
            sources.clear();
            let items: Vec<Value> = rows.iter().map(|r| to_value(r, &mut sources)).collect();
            Value::List(Arc::from(items))
        };
        let result = self.render(&data);
        self.sources.lock().unwrap_or_else(|p| p.into_inner()).clear();
        result
    }

    /// Renders the template over an already-built value (e.g. the header row).
    pub fn render(&self, data: &Value) -> Result<String, OutputError> {
        self.tmpl.execute_to_string(data).map_err(|e| template_error(&self.name, e))
    }
}

/// Turns a `gotmpl` error into podman's `template: NAME:...` wording.
fn template_error(name: &str, err: TemplateError) -> OutputError {
    let msg = match err {
        // Go's parse errors name the line only: `template: list:1: unclosed action`.
        TemplateError::Parse { line, message, .. } | TemplateError::Lex { line, message, .. } => {
            format!("template: {name}:{line}: {message}")
        }
        TemplateError::MissingKey { key } => {
            format!("template: {name}: executing \"{name}\" at <.{key}>: can't evaluate field {key}")
        }
        TemplateError::Exec(m) => format!("template: {name}: executing \"{name}\": {m}"),
        other => format!("template: {name}: executing \"{name}\": {other}"),
    };
    OutputError::Template(msg)
}

fn to_value(j: &Json, sources: &mut HashMap<usize, Json>) -> Value {
    match j {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Int(i)
            } else if let Some(u) = n.as_u64() {
                Value::Uint(u)
            } else {
                Value::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Json::String(s) => Value::String(Arc::from(s.as_str())),
        Json::Array(items) => {
            let list: Arc<[Value]> = items.iter().map(|v| to_value(v, sources)).collect();
            sources.insert(list_key(&list), j.clone());
            Value::List(list)
        }
        Json::Object(obj) => {
            let map: BTreeMap<Arc<str>, Value> =
                obj.iter().map(|(k, v)| (Arc::from(k.as_str()), to_value(v, sources))).collect();
            let map = Arc::new(map);
            sources.insert(map_key(&map), j.clone());
            Value::Map(map)
        }
    }
}

fn list_key(list: &Arc<[Value]>) -> usize {
    Arc::as_ptr(list) as *const Value as usize
}

fn map_key(map: &Arc<BTreeMap<Arc<str>, Value>>) -> usize {
    Arc::as_ptr(map) as usize
}

fn to_json(v: &Value, sources: &HashMap<usize, Json>) -> Result<Json, TemplateError> {
    Ok(match v {
        Value::Nil => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Uint(u) => Json::from(*u),
        Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(Json::Number)
            .ok_or_else(|| TemplateError::Exec(format!("json: unsupported value: {f}")))?,
        Value::String(s) => Json::String(s.to_string()),
        Value::List(l) => match sources.get(&list_key(l)) {
            Some(orig) => orig.clone(),
            None => Json::Array(l.iter().map(|x| to_json(x, sources)).collect::<Result<_, _>>()?),
        },
        Value::Map(m) => match sources.get(&map_key(m)) {
            Some(orig) => orig.clone(),
            None => {
                let mut obj = serde_json::Map::new();
                for (k, x) in m.iter() {
                    obj.insert(k.to_string(), to_json(x, sources)?);
                }
                Json::Object(obj)
            }
        },
        Value::Function(_) => return Err(TemplateError::Exec("json: unsupported type: func".into())),
    })
}

fn build(name: &str, sources: &Sources) -> gotmpl::Template {
    let sources = Arc::clone(sources);
    gotmpl::Template::new(name)
        .missing_key(MissingKey::Error)
        .func("json", move |args| {
            arity("json", args, 1)?;
            let map = sources.lock().unwrap_or_else(|p| p.into_inner());
            let json = to_json(&args[0], &map)?;
            // Podman's json func: encoder with SetEscapeHTML(false), newline trimmed.
            Ok(string(to_go_json(&json, JsonStyle::COMPACT)))
        })
        .func("lower", |args| {
            arity("lower", args, 1)?;
            Ok(string(str_arg(args, 0)?.to_lowercase()))
        })
        .func("upper", |args| {
            arity("upper", args, 1)?;
            Ok(string(str_arg(args, 0)?.to_uppercase()))
        })
        .func("title", |args| {
            arity("title", args, 1)?;
            Ok(string(go_title(str_arg(args, 0)?)))
        })
        .func("split", |args| {
            arity("split", args, 2)?;
            let parts = go_split(str_arg(args, 0)?, str_arg(args, 1)?);
            Ok(Value::List(parts.into_iter().map(string).collect()))
        })
        .func("join", |args| {
            arity("join", args, 2)?;
            let sep = str_arg(args, 1)?;
            match &args[0] {
                Value::List(items) => {
                    let parts: Vec<String> = items.iter().map(|v| v.to_string()).collect();
                    Ok(string(parts.join(sep)))
                }
                // A nil []string joins to "" in Go.
                Value::Nil => Ok(string(String::new())),
                other => Err(wrong_type("[]string", other)),
            }
        })
        .func("pad", |args| {
            arity("pad", args, 3)?;
            let s = str_arg(args, 0)?;
            let (pre, post) = (count_arg(args, 1)?, count_arg(args, 2)?);
            if s.is_empty() {
                return Ok(string(String::new()));
            }
            Ok(string(format!("{}{s}{}", " ".repeat(pre), " ".repeat(post))))
        })
        .func("truncate", |args| {
            arity("truncate", args, 2)?;
            let s = str_arg(args, 0)?;
            let len = count_arg(args, 1)?;
            if s.len() < len {
                return Ok(string(s.to_string()));
            }
            // Go slices bytes; back off to a char boundary rather than emit broken UTF-8.
            let mut end = len;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            Ok(string(s[..end].to_string()))
        })
}

fn string(s: String) -> Value {
    Value::String(Arc::from(s.as_str()))
}

fn arity(name: &str, args: &[Value], want: usize) -> Result<(), TemplateError> {
    if args.len() == want {
        Ok(())
    } else {
        Err(TemplateError::Exec(format!("wrong number of args for {name}: want {want} got {}", args.len())))
    }
}

fn wrong_type(want: &str, got: &Value) -> TemplateError {
    TemplateError::Exec(format!("wrong type for value; expected {want}; got {}", got.type_name()))
}

fn str_arg(args: &[Value], i: usize) -> Result<&str, TemplateError> {
    match args.get(i) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(wrong_type("string", other)),
        None => Err(TemplateError::Exec("missing argument".into())),
    }
}

/// An `int` argument used as a count; Go would panic on a negative one.
fn count_arg(args: &[Value], i: usize) -> Result<usize, TemplateError> {
    let n = match args.get(i) {
        Some(Value::Int(n)) => *n,
        Some(Value::Uint(n)) => i64::try_from(*n).unwrap_or(i64::MAX),
        Some(other) => return Err(wrong_type("int", other)),
        None => return Err(TemplateError::Exec("missing argument".into())),
    };
    usize::try_from(n).map_err(|_| TemplateError::Exec(format!("invalid negative count {n}")))
}

/// Go's `strings.Split`: an empty separator splits after each character.
fn go_split(s: &str, sep: &str) -> Vec<String> {
    if sep.is_empty() {
        return s.chars().map(String::from).collect();
    }
    s.split(sep).map(String::from).collect()
}

/// Go's deprecated `strings.Title`: upper-case the first letter of every word,
/// where ASCII punctuation and whitespace separate words.
fn go_title(s: &str) -> String {
    fn is_separator(c: char) -> bool {
        if c.is_ascii() {
            return !(c.is_ascii_alphanumeric() || c == '_');
        }
        if c.is_alphanumeric() {
            return false;
        }
        c.is_whitespace()
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        if is_separator(prev) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(format: &str, rows: &[Json]) -> Result<String, OutputError> {
        compile("list", format)?.render_rows(rows)
    }

    #[test]
    fn normalize_plain_converts_escapes_and_adds_newline() {
        assert_eq!(normalize("{{.ID}}\\t{{.Tag}}", false), "{{.ID}}\t{{.Tag}}\n");
        assert_eq!(normalize("a\\nb\n", false), "a\nb\n");
        // Plain templates keep their spaces.
        assert_eq!(normalize("{{.A}} {{.B}}", false), "{{.A}} {{.B}}\n");
    }

    #[test]
    fn normalize_table_turns_spaces_into_columns() {
        assert_eq!(normalize("table {{.ID}} {{.Tag}}", true), "{{.ID}}\t{{.Tag}}\n");
        assert_eq!(normalize("table {{.ID}}\\t{{.Tag}}", true), "{{.ID}}\t{{.Tag}}\n");
    }

    #[test]
    fn table_prefix_is_exact() {
        assert!(is_table("table {{.ID}}"));
        assert!(!is_table("table"));
        assert!(!is_table(" table {{.ID}}"));
        assert!(!is_table("{{.ID}}"));
    }

    #[test]
    fn enforce_range_detects_existing_range() {
        assert_eq!(enforce_range("{{.ID}}\n"), "{{range .}}{{.ID}}\n{{end -}}");
        let own = "{{range .}}{{.ID}} {{end}}";
        assert_eq!(enforce_range(own), own);
        let own = "{{ range . }}{{.ID}}\n{{ end -}}";
        assert_eq!(enforce_range(own), own);
        // Ranging over a field is not ranging over the list.
        assert!(enforce_range("{{range .Names}}{{.}}{{end}}").starts_with("{{range .}}"));
    }

    #[test]
    fn renders_each_row_with_newline() {
        let rows = vec![json!({"ID": "a", "Tag": "1"}), json!({"ID": "b", "Tag": "2"})];
        assert_eq!(run("{{.ID}}\\t{{.Tag}}", &rows).unwrap(), "a\t1\nb\t2\n");
        assert_eq!(run("{{.ID}}\n", &rows).unwrap(), "a\nb\n");
        // A template that ranges itself is run once; podman still appends the newline.
        assert_eq!(run("{{range .}}{{.ID}},{{end}}", &rows).unwrap(), "a,b,\n");
    }

    #[test]
    fn falls_back_to_raw_text_when_escapes_break_parsing() {
        // `\n` inside a string literal becomes a real newline, which Go's
        // lexer rejects in a quoted string; podman retries with the raw text.
        let rows = vec![json!({"ID": "a"})];
        assert_eq!(run("{{printf \"%s\\n\" .ID}}", &rows).unwrap(), "a\n");
        // The retry keeps every escape literal and adds no newline, like podman.
        assert_eq!(run("{{.ID}}\\t{{printf \"%s\\n\" .ID}}", &rows).unwrap(), "a\\ta\n");
        assert!(newline_in_string("{{printf \"a\nb\"}}"));
        assert!(!newline_in_string("{{printf `a\nb`}}\n\"x\n\""));
    }

    #[test]
    fn maps_and_lists_print_like_go() {
        let rows = vec![json!({"Labels": {"b": "2", "a": "1"}, "Names": ["x", "y"], "E": {}})];
        assert_eq!(run("{{.Labels}} {{.Names}} {{.E}}", &rows).unwrap(), "map[a:1 b:2] [x y] map[]\n");
    }

    #[test]
    fn json_func_is_compact_ordered_and_unescaped() {
        let rows = vec![json!({"Z": 1, "A": "<&>", "L": {"k": [1, 2.5]}})];
        assert_eq!(run("{{json .}}", &rows).unwrap(), "{\"Z\":1,\"A\":\"<&>\",\"L\":{\"k\":[1,2.5]}}\n");
        assert_eq!(run("{{json .L}}", &rows).unwrap(), "{\"k\":[1,2.5]}\n");
        assert_eq!(run("{{json .A}}", &rows).unwrap(), "\"<&>\"\n");
        assert_eq!(run("{{json (split \"a,b\" \",\")}}", &rows).unwrap(), "[\"a\",\"b\"]\n");
    }

    #[test]
    fn string_functions() {
        let rows = vec![json!({"N": "hello wORLD-x_y", "E": "", "L": ["a", "b"]})];
        let cases = [
            ("{{lower .N}}", "hello world-x_y"),
            ("{{upper .N}}", "HELLO WORLD-X_Y"),
            ("{{title .N}}", "Hello WORLD-X_y"),
            ("{{split .N \" \"}}", "[hello wORLD-x_y]"),
            ("{{split \"abc\" \"\"}}", "[a b c]"),
            ("{{join .L \", \"}}", "a, b"),
            ("{{pad .N 2 1}}|", "  hello wORLD-x_y |"),
            ("{{pad .E 2 1}}|", "|"),
            ("{{truncate .N 5}}", "hello"),
            ("{{truncate .N 99}}", "hello wORLD-x_y"),
            ("{{truncate (.N | upper) 3}}", "HEL"),
            ("{{len .L}} {{index .L 1}} {{if eq .E \"\"}}empty{{end}}", "2 b empty"),
        ];
        for (format, want) in cases {
            assert_eq!(run(format, &rows).unwrap(), format!("{want}\n"), "{format}");
        }
    }

    #[test]
    fn function_type_errors() {
        let rows = vec![json!({"N": 5})];
        let err = run("{{upper .N}}", &rows).unwrap_err().to_string();
        assert!(err.starts_with("template: list:"), "{err}");
        assert!(err.contains("expected string"), "{err}");
        assert!(run("{{truncate \"x\" -1}}", &rows).is_err());
        assert!(run("{{upper}}", &rows).is_err());
    }

    #[test]
    fn unknown_field_is_an_error() {
        let rows = vec![json!({"ID": "a"})];
        let err = run("{{.Foo}}", &rows).unwrap_err();
        assert_eq!(err.to_string(), "template: list: executing \"list\" at <.Foo>: can't evaluate field Foo");
    }

    #[test]
    fn parse_error_names_position() {
        // As in podman, the error reported is the one from the raw-text retry.
        let err = run("{{.ID", &[]).unwrap_err().to_string();
        assert!(err.starts_with("template: list:1:"), "{err}");
        let err = run("{{.ID}}\n{{if .ID}}{{nosuchfunc .ID}}{{end}}", &[]).unwrap_err();
        assert_eq!(err.to_string(), "template: list:2: function \"nosuchfunc\" not defined");
        let err = run("{{.ID | upper | (lower (bogus .))}}", &[]).unwrap_err();
        assert!(err.to_string().contains("\"bogus\""), "{err}");
    }

    #[test]
    fn title_matches_go() {
        assert_eq!(go_title("foo bar"), "Foo Bar");
        assert_eq!(go_title("foo.bar/baz"), "Foo.Bar/Baz");
        assert_eq!(go_title("élan vital"), "Élan Vital");
        assert_eq!(go_title(""), "");
    }
}
