//! Container logs in podman's k8s-file format: one line per record,
//! `<RFC 3339 nano timestamp> <stdout|stderr> <F|P> <text>`, `P` marking a partial line
//! whose continuation follows in the next record.

use std::io::Write;

pub struct LogWriter {
    file: Option<std::fs::File>,
}

pub fn timestamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

impl LogWriter {
    pub fn open(path: &std::path::Path) -> LogWriter {
        let file = std::fs::OpenOptions::new().create(true).append(true).open(path).ok();
        LogWriter { file }
    }

    pub fn write(&mut self, stream: &str, data: &[u8]) {
        let Some(f) = self.file.as_mut() else { return };
        let ts = timestamp();
        let mut out = Vec::with_capacity(data.len() + 64);
        let mut rest = data;
        while !rest.is_empty() {
            let (line, tag, next) = match rest.iter().position(|b| *b == b'\n') {
                Some(i) => (&rest[..i], "F", &rest[i + 1..]),
                None => (rest, "P", &rest[rest.len()..]),
            };
            out.extend_from_slice(format!("{ts} {stream} {tag} ").as_bytes());
            out.extend_from_slice(line);
            out.push(b'\n');
            rest = next;
        }
        let _ = f.write_all(&out);
    }
}

/// One parsed record of a k8s-file log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    pub time: &'a str,
    pub stream: &'a str,
    pub partial: bool,
    pub text: &'a [u8],
}

pub fn parse_line(line: &[u8]) -> Option<Record<'_>> {
    let mut parts = line.splitn(4, |b| *b == b' ');
    let time = std::str::from_utf8(parts.next()?).ok()?;
    let stream = std::str::from_utf8(parts.next()?).ok()?;
    let tag = parts.next()?;
    let text = parts.next().unwrap_or(b"");
    Some(Record { time, stream, partial: tag == b"P", text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_full_and_partial_lines() {
        let p = std::env::temp_dir().join(format!("burrow-log-{}", std::process::id()));
        let _ = std::fs::remove_file(&p);
        let mut w = LogWriter::open(&p);
        w.write("stdout", b"a\nb");
        w.write("stderr", b"c\n");
        let text = std::fs::read(&p).unwrap();
        let lines: Vec<_> =
            text.split(|b| *b == b'\n').filter(|l| !l.is_empty()).map(|l| parse_line(l).unwrap()).collect();
        assert_eq!(lines.len(), 3);
        assert_eq!((lines[0].stream, lines[0].partial, lines[0].text), ("stdout", false, &b"a"[..]));
        assert_eq!((lines[1].partial, lines[1].text), (true, &b"b"[..]));
        assert_eq!((lines[2].stream, lines[2].text), ("stderr", &b"c"[..]));
        let _ = std::fs::remove_file(&p);
    }
}
