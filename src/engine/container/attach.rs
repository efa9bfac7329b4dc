//! `attach`: connect to a running container's monitor and stream its output here (and our
//! stdin there, when it was started with -i) until it exits or the user detaches with the
//! detach keys (ctrl-p ctrl-q by default on a terminal).

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;

use super::super::Engine;
use crate::error::{Error, IoContext, Result};
use crate::storage::containers::State;

#[derive(Debug, Clone)]
pub struct AttachOptions {
    pub no_stdin: bool,
    /// Key sequence that detaches, as bytes (ctrl-p ctrl-q = [16, 17]).
    pub detach_keys: Vec<u8>,
}

/// Parses podman's `--detach-keys` ("ctrl-p,ctrl-q", "ctrl-a,x"); "" disables detaching.
pub fn parse_detach_keys(s: &str) -> Result<Vec<u8>> {
    if s.is_empty() {
        return Ok(vec![]);
    }
    s.split(',')
        .map(|k| match k.strip_prefix("ctrl-") {
            Some(c) if c.len() == 1 && c.as_bytes()[0].is_ascii_alphabetic() => {
                Ok(c.as_bytes()[0].to_ascii_lowercase() - b'a' + 1)
            }
            Some("@") => Ok(0),
            Some("[") => Ok(27),
            Some("\\\\") => Ok(28),
            Some("]") => Ok(29),
            Some("^") => Ok(30),
            Some("_") => Ok(31),
            None if k.len() == 1 => Ok(k.as_bytes()[0]),
            _ => Err(Error::usage(format!("invalid detach keys {s:?}"))),
        })
        .collect()
}

/// The outcome of an attach session.
pub enum Attached {
    Exited(i32),
    Detached,
}

impl Engine {
    pub fn attach_container(&mut self, name: &str, o: &AttachOptions) -> Result<Attached> {
        let c = self.container(name)?;
        if c.state != State::Running {
            return Err(Error::Conflict {
                msg: "you can only attach to running containers: container state improper".into(),
                hint: None,
            });
        }
        let run_dir = self.store.paths.container_run(&c.id);
        let sock = run_dir.join(crate::monitor::ATTACH_SOCKET);
        let mut stream = crate::storage::paths::short_socket_path(&run_dir, crate::monitor::ATTACH_SOCKET)
            .and_then(|(_dir, p)| UnixStream::connect(p))
            .ctx(|| format!("connecting to {}", sock.display()))?;
        let mut detach = crate::monitor::detach::DetachMatcher::new(o.detach_keys.clone());
        let mut stdin_open = !o.no_stdin;
        let mut buf = vec![0u8; 65536];
        let mut pending: Vec<u8> = Vec::new();
        loop {
            let mut fds = vec![libc::pollfd { fd: stream.as_raw_fd(), events: libc::POLLIN, revents: 0 }];
            if stdin_open {
                fds.push(libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 });
            }
            if unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) } < 0 {
                if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                break;
            }
            if fds[0].revents != 0 {
                let n = stream.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break;
                }
                pending.extend_from_slice(&buf[..n]);
                // Frames: [1 = stdout | 2 = stderr][u32 BE length][bytes]; [3][4][exit code] last.
                while pending.len() >= 5 {
                    let len = u32::from_be_bytes([pending[1], pending[2], pending[3], pending[4]]) as usize;
                    if pending.len() < 5 + len {
                        break;
                    }
                    let data = &pending[5..5 + len];
                    if pending[0] == 3 {
                        // The monitor's last word: the exit code.
                        if let Ok(code) = <[u8; 4]>::try_from(data) {
                            return Ok(Attached::Exited(i32::from_be_bytes(code)));
                        }
                    }
                    let r = if pending[0] == 2 {
                        std::io::stderr().write_all(data).and_then(|_| std::io::stderr().flush())
                    } else {
                        std::io::stdout().write_all(data).and_then(|_| std::io::stdout().flush())
                    };
                    r.map_err(|e| Error::io("writing output", e))?;
                    pending.drain(..5 + len);
                }
            }
            if fds.len() > 1 && fds[1].revents != 0 {
                let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
                if n <= 0 {
                    stdin_open = false;
                    continue;
                }
                let data = &buf[..n as usize];
                if detach.feed(data) {
                    return Ok(Attached::Detached);
                }
                if stream.write_all(data).is_err() {
                    stdin_open = false;
                }
            }
        }
        // The monitor closed the connection: the container exited. Its exit code follows.
        for _ in 0..500 {
            let rows = self.sync_all(vec![c.clone()])?;
            if let Some(r) = rows.into_iter().next() {
                if !r.state.is_active() {
                    return Ok(Attached::Exited(r.exit_code));
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        Err(Error::other(format!("container {} closed its output but did not exit", c.name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_keys() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), vec![16, 17]);
        assert_eq!(parse_detach_keys("ctrl-a,x").unwrap(), vec![1, b'x']);
        assert!(parse_detach_keys("").unwrap().is_empty());
        assert!(parse_detach_keys("ctrl-").is_err());
    }
}
