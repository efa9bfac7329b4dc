//! The Containerfile/Dockerfile parser: directives (`# syntax=`, `# escape=`), comments,
//! line continuations, heredocs, flags, JSON (exec) and shell forms. Pure: text in,
//! instructions out, errors naming file and line.

use std::fmt;

/// One instruction as written, continuations joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    /// 1-based line where the instruction starts.
    pub line: usize,
    /// Upper-cased keyword (`RUN`, `COPY`, ...).
    pub keyword: String,
    /// `--name=value` flags before the arguments (`--link` alone has an empty value).
    pub flags: Vec<(String, String)>,
    pub args: Args,
    pub heredocs: Vec<Heredoc>,
    /// The text after the keyword, continuations joined (flags included).
    pub original: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Args {
    /// `["a", "b"]`
    Exec(Vec<String>),
    /// Everything else, as one string (heredoc markers kept).
    Shell(String),
}

/// `<<EOF ... EOF`: the body of a here-document.
#[derive(Debug, Clone, PartialEq)]
pub struct Heredoc {
    pub name: String,
    pub content: String,
    /// Unquoted delimiters have their body expanded.
    pub expand: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub instruction: String,
    pub msg: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.instruction.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.msg)
        } else {
            write!(f, "{}:{}: {}: {}", self.file, self.line, self.instruction, self.msg)
        }
    }
}

pub const KEYWORDS: &[&str] = &[
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

/// Instructions whose arguments may start with `--flag` options.
const WITH_FLAGS: &[&str] = &["ADD", "COPY", "FROM", "HEALTHCHECK", "RUN"];

#[derive(Debug, Clone, PartialEq)]
pub struct Containerfile {
    pub escape: char,
    pub syntax: Option<String>,
    pub instructions: Vec<Instruction>,
}

/// Parses a whole file; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Containerfile, ParseError> {
    let lines: Vec<&str> = text.lines().collect();
    let err = |line: usize, instruction: &str, msg: String| ParseError {
        file: file.to_string(),
        line,
        instruction: instruction.to_string(),
        msg,
    };
    let mut escape = '\\';
    let mut syntax = None;
    let mut i = 0;
    // Parser directives: only at the very top, before any comment, blank line or instruction.
    while i < lines.len() {
        let Some(d) = directive(lines[i]) else { break };
        match d.0.as_str() {
            "escape" => match d.1.as_str() {
                "\\" => escape = '\\',
                "`" => escape = '`',
                other => return Err(err(i + 1, "", format!("invalid escape directive {other:?}: must be ` or \\"))),
            },
            "syntax" => syntax = Some(d.1),
            _ => {}
        }
        i += 1;
    }
    let mut out = Vec::new();
    while i < lines.len() {
        let trimmed = lines[i].trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        let start = i;
        let mut logical = String::new();
        loop {
            let l = lines[i];
            let t = l.trim_end();
            i += 1;
            if let Some(body) = t.strip_suffix(escape) {
                logical.push_str(body);
                // Comment and blank lines inside a continuation are dropped (Docker does).
                while i < lines.len() && (lines[i].trim().is_empty() || lines[i].trim_start().starts_with('#')) {
                    i += 1;
                }
                if i >= lines.len() {
                    break;
                }
            } else {
                logical.push_str(l);
                break;
            }
        }
        let logical = logical.trim();
        let (kw, rest) = match logical.find(char::is_whitespace) {
            Some(p) => (&logical[..p], logical[p..].trim_start()),
            None => (logical, ""),
        };
        let keyword = kw.to_ascii_uppercase();
        if !KEYWORDS.contains(&keyword.as_str()) {
            return Err(err(start + 1, kw, format!("unknown instruction: {}", kw.to_ascii_uppercase())));
        }
        let mut ins = parse_instruction(&keyword, rest).map_err(|m| err(start + 1, &keyword, m))?;
        ins.line = start + 1;
        if matches!(keyword.as_str(), "RUN" | "COPY" | "ADD") {
            if let Args::Shell(s) = &ins.args {
                for (name, expand, strip_tabs) in heredoc_markers(s) {
                    let mut content = String::new();
                    let mut closed = false;
                    while i < lines.len() {
                        let l = lines[i];
                        i += 1;
                        let l = if strip_tabs { l.trim_start_matches('\t') } else { l };
                        if l == name {
                            closed = true;
                            break;
                        }
                        content.push_str(l);
                        content.push('\n');
                    }
                    if !closed {
                        return Err(err(start + 1, &keyword, format!("unterminated heredoc <<{name}")));
                    }
                    ins.heredocs.push(Heredoc { name, content, expand });
                }
            }
        }
        out.push(ins);
    }
    Ok(Containerfile { escape, syntax, instructions: out })
}

/// `# key=value` at the top of the file.
fn directive(line: &str) -> Option<(String, String)> {
    let body = line.trim().strip_prefix('#')?;
    let (k, v) = body.split_once('=')?;
    let k = k.trim().to_ascii_lowercase();
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some((k, v.trim().to_string()))
}

fn parse_instruction(keyword: &str, rest: &str) -> Result<Instruction, String> {
    let mut flags = Vec::new();
    let mut body = rest;
    if WITH_FLAGS.contains(&keyword) {
        while let Some(f) = body.strip_prefix("--") {
            let end = f.find(char::is_whitespace).unwrap_or(f.len());
            let word = &f[..end];
            let (k, v) = word.split_once('=').unwrap_or((word, ""));
            if k.is_empty() {
                return Err("empty flag name".into());
            }
            flags.push((k.to_string(), v.to_string()));
            body = f[end..].trim_start();
        }
    }
    let args = match body.trim_start().starts_with('[') {
        true => match serde_json::from_str::<Vec<String>>(body.trim()) {
            Ok(v) => Args::Exec(v),
            Err(_) => Args::Shell(body.to_string()),
        },
        false => Args::Shell(body.to_string()),
    };
    let empty = match &args {
        Args::Exec(v) => v.is_empty() && !matches!(keyword, "CMD" | "ENTRYPOINT" | "SHELL"),
        Args::Shell(s) => s.trim().is_empty(),
    };
    if empty {
        return Err(format!("{keyword} requires at least one argument"));
    }
    Ok(Instruction {
        line: 0,
        keyword: keyword.to_string(),
        flags,
        args,
        heredocs: Vec::new(),
        original: rest.to_string(),
    })
}

/// The heredoc markers of a shell-form line: (`name`, expand body, strip leading tabs).
pub fn heredoc_markers(s: &str) -> Vec<(String, bool, bool)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(p) = rest.find("<<") {
        let mut r = &rest[p + 2..];
        let strip = r.starts_with('-');
        if strip {
            r = &r[1..];
        }
        let quote = r.chars().next().filter(|c| *c == '"' || *c == '\'');
        if let Some(q) = quote {
            r = &r[1..];
            let end = r.find(q).unwrap_or(r.len());
            if end > 0 {
                out.push((r[..end].to_string(), false, strip));
            }
            rest = &r[end.min(r.len())..];
            continue;
        }
        let end = r.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(r.len());
        // A delimiter is a word; `$((1<<2))` is a shift, not a heredoc.
        if end > 0 && !r.starts_with(|c: char| c.is_ascii_digit()) {
            out.push((r[..end].to_string(), true, strip));
        }
        rest = &r[end..];
    }
    out
}

/// Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` (and the forms without
/// the colon) in one word, removing quotes; single-quoted text is kept literally and the
/// escape character makes the next one literal.
pub fn expand(s: &str, escape: char, lookup: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    Ok(words_inner(s, escape, lookup, false)?.into_iter().next().unwrap_or_default())
}

/// Splits `s` into words on unquoted whitespace, expanding variables as `expand` does.
pub fn words(s: &str, escape: char, lookup: &dyn Fn(&str) -> Option<String>) -> Result<Vec<String>, String> {
    words_inner(s, escape, lookup, true)
}

fn words_inner(
    s: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
    split: bool,
) -> Result<Vec<String>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match (quote, c) {
            (Some('\''), '\'') => quote = None,
            (Some('\''), c) => cur.push(c),
            (Some('"'), '"') => quote = None,
            (None, '\'') | (None, '"') => {
                quote = Some(c);
                in_word = true;
            }
            (q, c) if c == escape => {
                if let Some(&n) = chars.get(i) {
                    // Inside double quotes only the escape, `"` and `$` are escapable.
                    if q == Some('"') && !(n == '"' || n == '$' || n == escape) {
                        cur.push(c);
                    } else {
                        cur.push(n);
                        i += 1;
                    }
                } else {
                    cur.push(c);
                }
                in_word = true;
            }
            (_, '$') => {
                let (val, used) = variable(&chars[i..], escape, lookup)?;
                i += used;
                cur.push_str(&val);
                in_word = true;
            }
            (None, c) if split && c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (_, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(format!("unterminated quote in {s:?}"));
    }
    if in_word || !split {
        out.push(cur);
    }
    Ok(out)
}

/// After a `$`: the value and how many chars were consumed.
fn variable(chars: &[char], escape: char, lookup: &dyn Fn(&str) -> Option<String>) -> Result<(String, usize), String> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if chars.first() == Some(&'{') {
        let close = chars.iter().position(|c| *c == '}').ok_or("missing '}' in variable substitution")?;
        let inner: String = chars[1..close].iter().collect();
        let name_end = inner.find(|c: char| !is_name(c)).unwrap_or(inner.len());
        let name = &inner[..name_end];
        if name.is_empty() {
            return Err(format!("bad substitution ${{{inner}}}"));
        }
        let op = &inner[name_end..];
        let val = lookup(name);
        let word = |w: &str| expand(w, escape, lookup);
        let v = if op.is_empty() {
            val.unwrap_or_default()
        } else if let Some(d) = op.strip_prefix(":-") {
            match val.filter(|v| !v.is_empty()) {
                Some(v) => v,
                None => word(d)?,
            }
        } else if let Some(a) = op.strip_prefix(":+") {
            match val.filter(|v| !v.is_empty()) {
                Some(_) => word(a)?,
                None => String::new(),
            }
        } else if let Some(d) = op.strip_prefix('-') {
            match val {
                Some(v) => v,
                None => word(d)?,
            }
        } else if let Some(a) = op.strip_prefix('+') {
            match val {
                Some(_) => word(a)?,
                None => String::new(),
            }
        } else {
            return Err(format!("unsupported modifier {op:?} in substitution ${{{inner}}}"));
        };
        return Ok((v, close + 1));
    }
    let end = chars.iter().position(|c| !is_name(*c)).unwrap_or(chars.len());
    if end == 0 {
        return Ok(("$".into(), 0));
    }
    let name: String = chars[..end].iter().collect();
    Ok((lookup(&name).unwrap_or_default(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(k: &str) -> Option<String> {
        match k {
            "A" => Some("1".into()),
            "E" => Some(String::new()),
            _ => None,
        }
    }

    #[test]
    fn continuations_comments_and_case() {
        let f = parse(
            "Containerfile",
            "# syntax=docker/dockerfile:1\nfrom busybox\n# c\nrun echo a \\\n  # inner\n  b\n\nCmd [\"sh\"]\n",
        )
        .unwrap();
        assert_eq!(f.syntax.as_deref(), Some("docker/dockerfile:1"));
        assert_eq!(f.instructions.len(), 3);
        assert_eq!(f.instructions[1].keyword, "RUN");
        assert_eq!(f.instructions[1].args, Args::Shell("echo a   b".into()));
        assert_eq!(f.instructions[2].args, Args::Exec(vec!["sh".into()]));
        assert_eq!(f.instructions[2].line, 8);
    }

    #[test]
    fn escape_directive_and_flags() {
        let f = parse("f", "# escape=`\nFROM x\nCOPY --chown=1:2 --link a \\b `\n c\n").unwrap();
        assert_eq!(f.escape, '`');
        let c = &f.instructions[1];
        assert_eq!(c.flags, vec![("chown".into(), "1:2".into()), ("link".into(), String::new())]);
        assert_eq!(c.args, Args::Shell("a \\b  c".into()));
    }

    #[test]
    fn heredocs() {
        let f =
            parse("f", "FROM x\nRUN <<EOF\necho hi\necho there\nEOF\nCOPY <<-'END' /a\n\tliteral $A\n\tEND\nCMD x\n")
                .unwrap();
        assert_eq!(f.instructions.len(), 4);
        assert_eq!(f.instructions[1].heredocs[0].content, "echo hi\necho there\n");
        let h = &f.instructions[2].heredocs[0];
        assert_eq!((h.name.as_str(), h.content.as_str(), h.expand), ("END", "literal $A\n", false));
        assert!(heredoc_markers("echo $((1<<2))").is_empty());
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("Containerfile", "FROM x\n\nFROBNICATE y\n").unwrap_err();
        assert_eq!(e.to_string(), "Containerfile:3: FROBNICATE: unknown instruction: FROBNICATE");
        let e = parse("f", "FROM x\nRUN\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn substitution() {
        assert_eq!(expand("${A}x$A", '\\', &env).unwrap(), "1x1");
        assert_eq!(expand("${B:-def}", '\\', &env).unwrap(), "def");
        assert_eq!(expand("${E:-def}${E-no}", '\\', &env).unwrap(), "def");
        assert_eq!(expand("${A:+alt}${B:+alt}", '\\', &env).unwrap(), "alt");
        assert_eq!(expand("'$A'\\$A\"$A\"", '\\', &env).unwrap(), "$A$A1");
        assert_eq!(words("K=\"a b\" L=$A", '\\', &env).unwrap(), vec!["K=a b", "L=1"]);
        assert!(expand("${A", '\\', &env).is_err());
    }
}
