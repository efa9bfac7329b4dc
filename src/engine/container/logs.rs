//! `logs`: reads a container's k8s-file log; `-f` follows it until the container exits.

use std::io::{Read, Seek, SeekFrom, Write};
use std::time::Duration;

use super::super::Engine;
use crate::error::{Error, Result};
use crate::monitor::log::parse_line;

#[derive(Debug, Clone, Default)]
pub struct LogsOptions {
    pub follow: bool,
    /// Only the last N lines (None = all).
    pub tail: Option<usize>,
    pub since: Option<i64>,
    pub until: Option<i64>,
    pub timestamps: bool,
    /// Prefix lines with the container id (several containers) or name (--names).
    pub prefix: Option<String>,
}

/// `--since`/`--until`: RFC 3339, a unix timestamp, or a duration before now (`10m`, `1h30m`).
pub fn parse_time(s: &str, now: i64) -> Result<i64> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.timestamp());
    }
    if let Ok(n) = s.parse::<f64>() {
        return Ok(n as i64);
    }
    let mut total = 0f64;
    let mut num = String::new();
    for ch in s.chars() {
        if ch.is_ascii_digit() || ch == '.' {
            num.push(ch);
            continue;
        }
        let n: f64 = num.parse().map_err(|_| Error::usage(format!("invalid time or duration {s:?}")))?;
        num.clear();
        total += n * match ch {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3600.0,
            _ => return Err(Error::usage(format!("invalid time or duration {s:?}"))),
        };
    }
    if !num.is_empty() {
        return Err(Error::usage(format!("invalid time or duration {s:?}")));
    }
    Ok(now - total as i64)
}

struct Printer<'a> {
    o: &'a LogsOptions,
    out: std::io::StdoutLock<'static>,
    err: std::io::StderrLock<'static>,
    /// Inside a partial line: don't repeat the prefix/timestamp.
    mid_line: bool,
}

impl Printer<'_> {
    fn record(&mut self, line: &[u8]) -> Result<()> {
        let Some(r) = parse_line(line) else { return Ok(()) };
        let t = chrono::DateTime::parse_from_rfc3339(r.time).map(|t| t.timestamp()).unwrap_or(0);
        if self.o.since.is_some_and(|s| t < s) || self.o.until.is_some_and(|u| t > u) {
            return Ok(());
        }
        let mut buf = Vec::new();
        if !self.mid_line {
            if let Some(p) = &self.o.prefix {
                buf.extend_from_slice(format!("{p} ").as_bytes());
            }
            if self.o.timestamps {
                buf.extend_from_slice(format!("{} ", r.time).as_bytes());
            }
        }
        buf.extend_from_slice(r.text);
        if !r.partial {
            buf.push(b'\n');
        }
        self.mid_line = r.partial;
        let w: &mut dyn Write = if r.stream == "stderr" { &mut self.err } else { &mut self.out };
        w.write_all(&buf).and_then(|_| w.flush()).map_err(|e| Error::io("writing logs", e))
    }
}

impl Engine {
    pub fn container_logs(&mut self, name: &str, o: &LogsOptions) -> Result<()> {
        let c = self.container(name)?;
        let path = self.store.paths.container(&c.id).join("ctr.log");
        let mut file = match std::fs::File::open(&path) {
            Ok(f) => Some(f),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(format!("reading {}", path.display()), e)),
        };
        let mut p = Printer { o, out: std::io::stdout().lock(), err: std::io::stderr().lock(), mid_line: false };
        let mut pending = Vec::new();
        if let Some(f) = file.as_mut() {
            let mut all = Vec::new();
            f.read_to_end(&mut all).map_err(|e| Error::io("reading logs", e))?;
            let complete = all.iter().rposition(|b| *b == b'\n').map(|i| i + 1).unwrap_or(0);
            pending = all[complete..].to_vec();
            let lines: Vec<&[u8]> = all[..complete].split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
            let skip = match o.tail {
                Some(n) => {
                    // --tail counts whole lines: a partial record belongs to the next full one.
                    let mut full = 0;
                    let mut idx = lines.len();
                    while idx > 0 && full < n {
                        idx -= 1;
                        if !parse_line(lines[idx]).is_some_and(|r| r.partial) {
                            full += 1;
                        }
                    }
                    while idx > 0 && parse_line(lines[idx - 1]).is_some_and(|r| r.partial) {
                        idx -= 1;
                    }
                    if full < n {
                        0
                    } else {
                        idx
                    }
                }
                None => 0,
            };
            for l in &lines[skip..] {
                p.record(l)?;
            }
        }
        if !o.follow {
            return Ok(());
        }
        loop {
            let active = self.container(&c.id).map(|r| r.state.is_active()).unwrap_or(false);
            if file.is_none() {
                file = std::fs::File::open(&path).ok();
            }
            if let Some(f) = file.as_mut() {
                let pos = f.stream_position().unwrap_or(0);
                let mut more = Vec::new();
                let _ = f.seek(SeekFrom::Start(pos));
                let _ = f.read_to_end(&mut more);
                pending.extend_from_slice(&more);
                while let Some(i) = pending.iter().position(|b| *b == b'\n') {
                    let line: Vec<u8> = pending.drain(..=i).collect();
                    p.record(&line[..line.len() - 1])?;
                }
            }
            if !active {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("10m", 1000).unwrap(), 400);
        assert_eq!(parse_time("1h1s", 4000).unwrap(), 399);
        assert_eq!(parse_time("2023-11-14T22:13:20Z", 0).unwrap(), 1700000000);
        assert_eq!(parse_time("1700000000", 0).unwrap(), 1700000000);
        assert!(parse_time("soon", 0).is_err());
    }
}
