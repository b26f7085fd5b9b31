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
//! - `<file>.journal`: for a notes file of [`SMALL_NOTES_BYTES`] or more, the
//!   changes saved since it was last rewritten, one record per line
//!   (`Add`, `Edit`, `Delete`, by note id; see `journal.rs`);
//! - `<file>.bak`: the previous good version, refreshed before every rewrite
//!   (a hard link to the replaced file where the file system allows, so it
//!   costs nothing whatever the size);
//! - `<file>.drafts/`: the text of open note editors ([`drafts`](DraftDir));
//! - `<file>.tmp-<pid>`, `<file>.journal.tmp-<pid>`: a rewrite in progress
//!   (left behind only by a killed writer; the next rewrite removes them).
//!
//! # Durability
//!
//! Every change is saved at once ([`NoteStore::add`], [`NoteStore::update`],
//! [`NoteStore::remove`]); there is no save step. One save:
//!
//! 1. takes the lock (polling for up to [`LOCK_WAIT`], then
//!    [`NotesError::LockTimeout`]);
//! 2. finds out what is on disk: nothing to read when the notes file and
//!    journal are the versions already in memory (one `stat` each);
//!    otherwise it reads the notes file and applies the journal, and refuses
//!    to go on if either does not parse ([`NotesError::Parse`], with file,
//!    line and column; nothing is written). A store that has not read the
//!    notes ([`NoteStore::open_unread`], the CLI's `add` and `rm`) reads
//!    only the journal when the notes file is the one casebook last wrote
//!    (the journal records its stamp: length, modification time, inode);
//! 3. makes one record of this change, by note id, against what it found
//!    (an edit or delete of a note deleted elsewhere is
//!    [`NotesError::NotFound`]), so notes that other processes added are
//!    kept and notes they deleted stay deleted;
//! 4. appends the record to the journal and flushes it to disk: the cost of
//!    one record whatever the number of notes. Or, when the notes file is
//!    small, the journal would pass [`JOURNAL_LIMIT`] or does not apply to
//!    the notes file as it is (a hand edit), rewrites the notes file with
//!    every record applied: keeps the notes as they were in `<file>.bak`
//!    (a hard link to the file, or, when the journal held records, the
//!    notes with them applied, so the backup alone is whole), writes
//!    `<file>.tmp-<pid>`, `sync_all`s it, renames it over the notes file,
//!    syncs the directory, then starts an empty journal over it the same way;
//! 5. releases the lock and keeps the result as the in-memory list.
//!
//! A writer killed at any point leaves a notes file that is either the old
//! or the new one, both complete, and a journal whose whole records are all
//! saved changes: a last record cut short is ignored by readers and cut off
//! by the next writer; records already folded into the notes file apply
//! again without changing anything. Readers ([`NoteStore::open`],
//! [`NoteStore::reload`]) need no lock: the notes file is only ever replaced
//! by rename and the journal only grows, and they read the journal before
//! the notes file and check it again after.
//!
//! A file (or journal) without write permission is never replaced nor
//! appended to ([`NoteStore::read_only`], [`NotesError::ReadOnly`]), and the reader
//! refuses anything but a regular file of at most [`MAX_NOTES_BYTES`].
//!
//! A file or journal that does not parse is never overwritten:
//! [`NoteStore::error`] reports it and every mutation fails until someone fixes the file by hand
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
pub use save::SMALL_NOTES_BYTES;
pub use search_docs::to_search_docs;
pub use store::{JOURNAL_LIMIT, LOCK_WAIT, NoteStore, default_path, resolve_path};
pub use time::now_rfc3339;
