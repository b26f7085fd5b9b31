//! The errors a subcommand can end with, each worded so a person can act on
//! it. Ids a person typed are shown through `sanitize::line`, so an escape
//! sequence typed by mistake (or on purpose) is echoed visibly, not run.

use crate::dataset::LoadErrors;
use crate::sanitize;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("the dataset has problems:\n{0}")]
    Load(LoadErrors),
    #[error("no {what} with id `{}`{}", sanitize::line(.id), suggest(.suggestions))]
    NotFound {
        what: &'static str,
        id: String,
        suggestions: Vec<String>,
    },
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Standard output could not be written (a full disk, a closed pipe).
    #[error("cannot write the output: {0}")]
    Output(std::io::Error),
    /// `notes add` saved the note but could not print its id.
    #[error("note {id} was saved, but printing its id failed: {source}")]
    SavedNotPrinted { id: String, source: std::io::Error },
    #[error("{0}")]
    Other(String),
}

/// Exit code when standard output cannot be written (EX_IOERR in sysexits.h).
pub const EXIT_OUTPUT: u8 = 74;

impl CliError {
    /// 1 for problems with data, ids or the notes file, 2 for usage mistakes
    /// (like clap), 74 when the output cannot be written.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Output(_) | CliError::SavedNotPrinted { .. } => EXIT_OUTPUT,
            _ => 1,
        }
    }

    /// A closed pipe (`casebook … | head`): end quietly, as other tools do.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(
            "; did you mean {}?",
            s.iter()
                .map(|x| format!("`{}`", sanitize::line(x)))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}
