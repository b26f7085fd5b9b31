//! Field notes: what an evaluator writes down during fieldwork, attached to
//! what it is about, kept in one RON file that casebook never loses.
//!
//! # The file
//!
//! One RON list of [`Note`]s, by default `notes.ron` in the user's data
//! directory ([`default_path`], e.g. `~/.local/share/casebook/notes.ron`),
//! overridden by `--notes FILE` or `CASEBOOK_NOTES` ([`resolve_path`]). The
//! bundled dataset is never written. Beside it live:
//!
//! - `<file>.lock`: an empty lock file, created once and never replaced or
//!   deleted, that serialises writers (an advisory `flock`-style lock);
//! - `<file>.bak`: the previous good version, refreshed before every save
//!   (a hard link to the replaced file where the file system allows, so it
//!   costs nothing whatever the size);
//! - `<file>.drafts/`: the text of open note editors ([`drafts`](DraftDir));
//! - `<file>.tmp-<pid>`: a save in progress (left behind only by a killed
//!   writer; the next save removes it).
//!
//! # Durability
//!
//! Every change is saved at once ([`NoteStore::add`], [`NoteStore::update`],
//! [`NoteStore::remove`]); there is no save step. One save:
//!
//! 1. takes the lock (polling for up to [`LOCK_WAIT`], then
//!    [`NotesError::LockTimeout`]);
//! 2. re-reads the notes file and refuses to go on if it does not parse
//!    ([`NotesError::Parse`], with file, line and column; nothing is written);
//! 3. applies this one operation, by note id, to what it read, so notes that
//!    other processes added are kept and notes they deleted stay deleted;
//! 4. copies the file it read to `<file>.bak`;
//! 5. writes `<file>.tmp-<pid>`, `sync_all`s it, renames it over the notes
//!    file and syncs the directory;
//! 6. releases the lock and keeps what it wrote as the in-memory list.
//!
//! A writer killed at any point leaves either the old or the new file, both
//! complete. Readers ([`NoteStore::open`], [`NoteStore::reload`]) need no lock
//! because the file is only ever replaced by rename.
//!
//! A file without write permission is never replaced either
//! ([`NoteStore::read_only`], [`NotesError::ReadOnly`]), and the reader
//! refuses anything but a regular file of at most [`MAX_NOTES_BYTES`].
//!
//! A file that does not parse is never overwritten: [`NoteStore::error`]
//! reports it and every mutation fails until someone fixes the file by hand
//! (the next mutation or reload that finds it valid clears the error).
//!
//! # Everything else
//!
//! [`target_title`], [`target_las`], [`note_source`], [`export_markdown`]
//! and [`export_csv`] present notes against a
//! [`Dataset`](crate::dataset::Dataset); [`Note::title`] and
//! [`newest_first`] need no dataset. Checking that a note's target and theme
//! ids exist is the caller's job (the CLI does; the store accepts any id).

mod codec;
mod disk;
mod drafts;
mod error;
mod export;
mod file;
mod journal;
mod model;
mod save;
mod search_docs;
mod store;
mod time;

pub use drafts::{Draft, DraftDir, DraftSlot};
pub use error::NotesError;
pub use export::{export_csv, export_markdown, note_source, target_las, target_title};
pub use file::MAX_NOTES_BYTES;
pub use model::{Note, Target, newest_first};
pub use search_docs::to_search_docs;
pub use save::SMALL_NOTES_BYTES;
pub use store::{JOURNAL_LIMIT, LOCK_WAIT, NoteStore, default_path, resolve_path};
pub use time::now_rfc3339;
