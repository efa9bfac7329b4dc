//! Detach keys (`--detach-keys`, podman's default ctrl-p ctrl-q): recognised in what the user
//! types, by `attach` in the command and by the monitor for a foreground `run -i`/`start -a -i`,
//! whose terminal it reads itself.

/// Watches input for the detach sequence, across reads.
#[derive(Debug, Clone, Default)]
pub struct DetachMatcher {
    keys: Vec<u8>,
    matched: usize,
}

impl DetachMatcher {
    /// No keys: never detaches (`--detach-keys ""`).
    pub fn new(keys: Vec<u8>) -> DetachMatcher {
        DetachMatcher { keys, matched: 0 }
    }

    /// True when `data` completes the sequence.
    pub fn feed(&mut self, data: &[u8]) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        for &b in data {
            if b == self.keys[self.matched] {
                self.matched += 1;
                if self.matched == self.keys.len() {
                    self.matched = 0;
                    return true;
                }
            } else {
                // Start over, counting this byte if it begins the sequence.
                self.matched = usize::from(b == self.keys[0]);
            }
        }
        false
    }
}

/// The keys as a monitor argument (hex; empty for none).
pub fn encode(keys: &[u8]) -> String {
    hex::encode(keys)
}

pub fn decode(s: &str) -> Vec<u8> {
    hex::decode(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_across_reads() {
        let mut m = DetachMatcher::new(vec![16, 17]);
        assert!(!m.feed(b"ls\r"));
        assert!(!m.feed(&[16]));
        assert!(m.feed(&[17]), "split over two reads");
        assert!(!m.feed(&[16, b'x', 17]), "an interrupted sequence starts over");
        assert!(m.feed(&[16, 16, 17]), "a repeated first key still counts");
        let mut none = DetachMatcher::new(vec![]);
        assert!(!none.feed(&[16, 17]), "\"\" disables detaching");
        assert_eq!(decode(&encode(&[16, 17])), vec![16, 17]);
        assert!(decode("").is_empty());
    }
}
