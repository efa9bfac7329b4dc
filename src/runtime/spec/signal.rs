//! Signal names for `--stop-signal` and the image's StopSignal.

use super::SpecError;

/// Linux signal numbers 1..=31 in the generic numbering (x86, arm, aarch64, riscv, ...).
const SIGNALS: &[(&str, i32)] = &[
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("ILL", 4),
    ("TRAP", 5),
    ("ABRT", 6),
    ("BUS", 7),
    ("FPE", 8),
    ("KILL", 9),
    ("USR1", 10),
    ("SEGV", 11),
    ("USR2", 12),
    ("PIPE", 13),
    ("ALRM", 14),
    ("TERM", 15),
    ("STKFLT", 16),
    ("CHLD", 17),
    ("CONT", 18),
    ("STOP", 19),
    ("TSTP", 20),
    ("TTIN", 21),
    ("TTOU", 22),
    ("URG", 23),
    ("XCPU", 24),
    ("XFSZ", 25),
    ("VTALRM", 26),
    ("PROF", 27),
    ("WINCH", 28),
    ("IO", 29),
    ("PWR", 30),
    ("SYS", 31),
];

/// Other names for the same numbers, accepted but never produced.
const ALIASES: &[(&str, i32)] = &[("IOT", 6), ("CLD", 17), ("POLL", 29)];

/// glibc's SIGRTMIN (the kernel's 32 and 33 are reserved by the C library); podman and Docker
/// name real-time signals relative to it.
const RTMIN: i32 = 34;
const RTMAX: i32 = 64;

/// Parses a signal given as a number (`15`), a name (`TERM`, `SIGTERM`, any case) or a
/// real-time name (`RTMIN+3`, `SIGRTMAX-1`); returns its number and canonical name (`SIGTERM`,
/// `SIGRTMIN+3`). Signals 32 and 33 have no name and keep their number as text. The error
/// text is podman's: `invalid signal: X`.
pub fn parse_signal(raw: &str) -> Result<(i32, String), SpecError> {
    let invalid = || SpecError::new(format!("invalid signal: {raw}"));
    let number = match raw.parse::<i32>() {
        Ok(n) => n,
        Err(_) => number_of(raw).ok_or_else(invalid)?,
    };
    if !(1..=RTMAX).contains(&number) {
        return Err(invalid());
    }
    Ok((number, name_of(number)))
}

fn number_of(raw: &str) -> Option<i32> {
    let upper = raw.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    if let Some(&(_, n)) = SIGNALS.iter().chain(ALIASES).find(|(s, _)| *s == name) {
        return Some(n);
    }
    realtime_number(name)
}

/// `RTMIN`, `RTMIN+n`, `RTMAX`, `RTMAX-n`, staying within the real-time range.
fn realtime_number(name: &str) -> Option<i32> {
    let offset = |text: &str| if text.is_empty() { Some(0) } else { text.parse::<i32>().ok() };
    let number = if let Some(rest) = name.strip_prefix("RTMIN") {
        RTMIN + rest.strip_prefix('+').map_or_else(|| offset(rest), offset)?
    } else if let Some(rest) = name.strip_prefix("RTMAX") {
        RTMAX - rest.strip_prefix('-').map_or_else(|| offset(rest), offset)?
    } else {
        return None;
    };
    (RTMIN..=RTMAX).contains(&number).then_some(number)
}

fn name_of(number: i32) -> String {
    if let Some((name, _)) = SIGNALS.iter().find(|(_, n)| *n == number) {
        return format!("SIG{name}");
    }
    match number {
        RTMIN => "SIGRTMIN".to_string(),
        RTMAX => "SIGRTMAX".to_string(),
        n if n > RTMIN && n < RTMIN + 16 => format!("SIGRTMIN+{}", n - RTMIN),
        n if n > RTMIN && n < RTMAX => format!("SIGRTMAX-{}", RTMAX - n),
        n => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_numbers_names_and_prefixes() {
        for raw in ["15", "TERM", "SIGTERM", "sigterm", "term"] {
            assert_eq!(parse_signal(raw).unwrap(), (15, "SIGTERM".to_string()), "{raw}");
        }
        assert_eq!(parse_signal("9").unwrap().1, "SIGKILL");
        assert_eq!(parse_signal("SIGQUIT").unwrap().1, "SIGQUIT");
        assert_eq!(parse_signal("IOT").unwrap(), (6, "SIGABRT".to_string()));
        assert_eq!(parse_signal("SIGWINCH").unwrap().0, 28);
    }

    #[test]
    fn realtime_signals() {
        assert_eq!(parse_signal("RTMIN").unwrap(), (34, "SIGRTMIN".to_string()));
        assert_eq!(parse_signal("SIGRTMIN+3").unwrap(), (37, "SIGRTMIN+3".to_string()));
        assert_eq!(parse_signal("RTMAX-1").unwrap(), (63, "SIGRTMAX-1".to_string()));
        assert_eq!(parse_signal("64").unwrap().1, "SIGRTMAX");
        assert_eq!(parse_signal("50").unwrap().1, "SIGRTMAX-14");
        assert_eq!(parse_signal("32").unwrap().1, "32");
        // Canonical names parse back to the same number.
        for n in 1..=64 {
            let (_, name) = parse_signal(&n.to_string()).unwrap();
            assert_eq!(parse_signal(&name).unwrap().0, n, "{name}");
        }
    }

    #[test]
    fn unknown_signals_are_errors() {
        for raw in ["0", "65", "-1", "FOO", "SIG", "", "RTMIN+31", "RTMAX-31", "RTMIN+x"] {
            assert_eq!(parse_signal(raw).unwrap_err().to_string(), format!("invalid signal: {raw}"), "{raw}");
        }
    }
}
