//! `.containerignore` / `.dockerignore`: Docker's pattern rules (Go `filepath.Match` per
//! path component, `**` for any number of directories, `!` exceptions, last match wins,
//! an excluded directory excludes what is inside it). Also the glob matcher COPY uses.

#[derive(Debug, Clone, Default)]
pub struct IgnoreRules {
    rules: Vec<(Vec<String>, bool)>,
}

impl IgnoreRules {
    pub fn parse(text: &str) -> IgnoreRules {
        let mut rules = Vec::new();
        for line in text.lines() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let (negate, p) = match l.strip_prefix('!') {
                Some(p) => (true, p.trim()),
                None => (false, l),
            };
            let comps = split_clean(p);
            if comps.is_empty() {
                continue;
            }
            rules.push((comps, negate));
        }
        IgnoreRules { rules }
    }

    /// Whether `path` (relative to the context, `/`-separated) is excluded.
    pub fn excluded(&self, path: &str) -> bool {
        let comps = split_clean(path);
        let mut out = false;
        for (pat, negate) in &self.rules {
            // A pattern matching a parent directory matches everything inside it.
            let hit = (1..=comps.len()).any(|n| match_path(pat, &comps[..n]));
            if hit {
                out = !negate;
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Splits a path into clean components (`.` dropped, `..` pops, leading `/` ignored).
pub fn split_clean(p: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            c => out.push(c.to_string()),
        }
    }
    out
}

/// Matches path components against pattern components; `**` matches zero or more.
pub fn match_path(pat: &[String], path: &[String]) -> bool {
    match pat.first() {
        None => path.is_empty(),
        Some(p) if p == "**" => (0..=path.len()).any(|k| match_path(&pat[1..], &path[k..])),
        Some(p) => !path.is_empty() && match_component(p, &path[0]) && match_path(&pat[1..], &path[1..]),
    }
}

/// `filepath.Match` for one component: `*`, `?`, `[...]` (with `^`/`!` and ranges), `\` escapes.
pub fn match_component(pat: &str, name: &str) -> bool {
    let p: Vec<char> = pat.chars().collect();
    let n: Vec<char> = name.chars().collect();
    match_from(&p, &n)
}

fn match_from(p: &[char], n: &[char]) -> bool {
    match p.first() {
        None => n.is_empty(),
        Some('*') => (0..=n.len()).any(|k| match_from(&p[1..], &n[k..])),
        Some('?') => !n.is_empty() && match_from(&p[1..], &n[1..]),
        Some('[') => {
            let Some(c) = n.first() else { return false };
            let Some(close) = p.iter().skip(2).position(|x| *x == ']').map(|i| i + 2) else {
                return false;
            };
            let mut set = &p[1..close];
            let negate = matches!(set.first(), Some('^') | Some('!'));
            if negate {
                set = &set[1..];
            }
            let mut hit = false;
            let mut i = 0;
            while i < set.len() {
                if i + 2 < set.len() && set[i + 1] == '-' {
                    hit |= set[i] <= *c && *c <= set[i + 2];
                    i += 3;
                } else {
                    hit |= set[i] == *c;
                    i += 1;
                }
            }
            hit != negate && match_from(&p[close + 1..], &n[1..])
        }
        Some('\\') if p.len() > 1 => n.first() == Some(&p[1]) && match_from(&p[2..], &n[1..]),
        Some(c) => n.first() == Some(c) && match_from(&p[1..], &n[1..]),
    }
}

pub fn has_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_rules() {
        let r = IgnoreRules::parse("# comment\n*.md\n!README.md\n**/*.tmp\nbuild/\n/secret\n");
        assert!(r.excluded("a.md"));
        assert!(!r.excluded("README.md"));
        assert!(!r.excluded("docs/a.md"));
        assert!(r.excluded("x/y/z.tmp"));
        assert!(r.excluded("z.tmp"));
        assert!(r.excluded("build/out/bin"));
        assert!(r.excluded("secret"));
        assert!(!r.excluded("src/main.rs"));
    }

    #[test]
    fn components() {
        assert!(match_component("a*c", "abbc"));
        assert!(match_component("f?.[a-c]", "f1.b"));
        assert!(!match_component("f?.[!a-c]", "f1.b"));
        assert!(match_component("\\*", "*"));
    }
}
