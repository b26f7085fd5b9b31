//! Where every subcommand's output goes: one writer that sanitises text
//! (`crate::sanitize`), escapes JSON, and turns a failed write into an
//! error instead of a panic. Output is buffered and flushed once at the
//! end (or at [`Out::flush`]), so a full disk surfaces as
//! [`CliError::Output`]: a one-line message and exit code 74.

use std::io::Write;

use super::CliError;
use crate::sanitize;

/// Bold on and off: the only escape sequences casebook itself writes
/// (search hits on a terminal); anything else escape-like is data and shown visibly.
pub const BOLD_ON: &str = "\x1b[1m";
pub const BOLD_OFF: &str = "\x1b[22m";

/// The command line's standard output.
pub struct Out {
    w: Box<dyn Write>,
}

impl Out {
    /// Buffered standard output.
    pub fn stdout() -> Out {
        Out::to(Box::new(std::io::BufWriter::new(std::io::stdout())))
    }

    /// Any writer (tests).
    pub fn to(w: Box<dyn Write>) -> Out {
        Out { w }
    }

    /// Text, CSV or Markdown: control and bidi characters shown as visible
    /// escapes; newlines and tabs kept.
    pub fn text(&mut self, s: &str) -> Result<(), CliError> {
        self.raw(&sanitize::text(s))
    }

    /// Text in which casebook's own bold markers ([`BOLD_ON`], [`BOLD_OFF`])
    /// are kept and everything else is sanitised as in [`Out::text`].
    pub fn text_with_bold(&mut self, s: &str) -> Result<(), CliError> {
        let mut rest = s;
        while let Some(i) = rest.find('\x1b') {
            self.text(&rest[..i])?;
            let tail = &rest[i..];
            let marker = [BOLD_ON, BOLD_OFF].into_iter().find(|m| tail.starts_with(m));
            match marker {
                Some(m) => {
                    self.raw(m)?;
                    rest = &tail[m.len()..];
                }
                None => {
                    self.text("\x1b")?;
                    rest = &tail[1..];
                }
            }
        }
        self.text(rest)
    }

    /// A value as pretty JSON (every control and bidi character escaped), then a newline.
    pub fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CliError> {
        let s = sanitize::json(value).map_err(|e| CliError::Other(e.to_string()))?;
        self.raw(&s)?;
        self.raw("\n")
    }

    /// Push everything written so far out; a failure is [`CliError::Output`].
    pub fn flush(&mut self) -> Result<(), CliError> {
        self.w.flush().map_err(CliError::Output)
    }

    fn raw(&mut self, s: &str) -> Result<(), CliError> {
        self.w.write_all(s.as_bytes()).map_err(CliError::Output)
    }
}

/// Print an error to standard error as `error: …` (sanitised). A failure to
/// write it cannot be reported anywhere; the exit code still says it failed.
pub fn report(message: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", sanitize::text(message.trim_end()));
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("lock").extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn written(f: impl FnOnce(&mut Out)) -> String {
        let buf = Shared::default();
        let mut out = Out::to(Box::new(buf.clone()));
        f(&mut out);
        String::from_utf8(buf.0.lock().expect("lock").clone()).expect("utf-8")
    }

    #[test]
    fn only_casebooks_own_bold_survives() {
        let s = written(|o| {
            o.text_with_bold("\x1b[1mhit\x1b[22m \x1b[2J \x1b[1m").unwrap();
        });
        assert_eq!(s, "\x1b[1mhit\x1b[22m ␛[2J \x1b[1m");
    }

    #[test]
    fn write_errors_are_errors() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::from_raw_os_error(28))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Err(std::io::Error::from_raw_os_error(28))
            }
        }
        let mut out = Out::to(Box::new(Full));
        assert!(matches!(out.text("x"), Err(CliError::Output(_))));
        assert!(matches!(out.flush(), Err(CliError::Output(_))));
    }
}
