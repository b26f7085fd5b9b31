//! Why a notes operation failed, worded so a person can act on it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// A failed notes operation. `Clone` so a store can keep the error it last
/// met ([`NoteStore::error`](super::NoteStore::error)) and also return it.
#[derive(Debug, Clone, thiserror::Error)]
pub enum NotesError {
    /// The notes file is not a valid RON list of notes. It is never
    /// overwritten while this is so; `backup` is the previous good version,
    /// where there is one.
    #[error("{}:{line}:{col}: {message}; the file was left untouched", .file.display())]
    Parse {
        file: PathBuf,
        line: usize,
        col: usize,
        message: String,
        backup: Option<PathBuf>,
    },
    /// Reading, writing, syncing or renaming a file failed.
    #[error("{}: cannot {action}: {source}", .file.display())]
    Io {
        file: PathBuf,
        action: &'static str,
        #[source]
        source: Arc<std::io::Error>,
    },
    /// Another process held the lock for longer than we were prepared to wait.
    #[error(
        "{}: another casebook has been saving notes for over {} s; nothing was saved, try again",
        .lock.display(), .waited.as_secs()
    )]
    LockTimeout { lock: PathBuf, waited: Duration },
    /// The notes file has no write permission: it is never replaced.
    #[error("{}: the notes file is read-only (no write permission); nothing was saved and the file was left untouched", .file.display())]
    ReadOnly { file: PathBuf },
    /// No note has this id (it may have been deleted elsewhere).
    #[error("no note with id `{id}`")]
    NotFound { id: String },
    /// A note must say something.
    #[error("a note cannot be empty")]
    Empty,
    /// There is no data directory and no `--notes`/`CASEBOOK_NOTES`.
    #[error("cannot find the user's data directory for notes.ron; pass --notes FILE or set CASEBOOK_NOTES")]
    NoPath,
    /// The notes could not be turned into RON that reads back the same
    /// (nothing was written).
    #[error("cannot write notes: {0}")]
    Serialize(String),
}

impl NotesError {
    pub(crate) fn io(file: impl Into<PathBuf>, action: &'static str, source: std::io::Error) -> NotesError {
        NotesError::Io {
            file: file.into(),
            action,
            source: Arc::new(source),
        }
    }

    /// True for the error that makes the store read-only until the file is fixed.
    pub fn is_parse(&self) -> bool {
        matches!(self, NotesError::Parse { .. })
    }
}
