//! One save: a change, by note id, made durable under the writers' lock,
//! either appended to the journal (the cost of one record, whatever the
//! number of notes) or by rewriting the notes file (a small file, a journal
//! past its bound, or a notes file changed by someone other than casebook).
//! See the [module docs](super) for the guarantees.

use std::path::Path;

use super::disk::{self, Version, apply_one};
use super::file::{self, Paths, Stamp};
use super::journal::{self, Journal, Record};
use super::model::{Note, Target, new_id, to_ron};
use super::store::{NoteStore, protected};
use super::{NotesError, now_rfc3339};

/// A notes file smaller than this is rewritten on every save and has no
/// journal: rewriting it costs no more than appending (about 200 notes).
pub const SMALL_NOTES_BYTES: u64 = 64 * 1024;

/// What a caller asks for; the save turns it into a [`Record`].
pub(crate) enum Change {
    Add {
        target: Target,
        text: String,
        themes: Vec<String>,
    },
    Edit {
        id: String,
        text: String,
        themes: Vec<String>,
    },
    Delete(String),
}

impl NoteStore {
    /// Lock; find out what is on disk (what is in memory when nobody wrote
    /// since, else the journal alone for an unread store over a notes file
    /// casebook wrote, else a full read); make the record; append it or
    /// rewrite. Returns the record saved.
    pub(super) fn save(&mut self, change: Change) -> Result<Record, NotesError> {
        let paths = Paths::new(&self.path);
        if !self.loaded {
            // Before taking the lock (whose file sits beside it): a device
            // or directory is refused as a read would refuse it.
            regular_or_missing(&paths.file)?;
        }
        let _lock = file::lock(&paths, self.lock_wait)?;
        self.read_only = protected(&paths);
        if self.read_only {
            return Err(NotesError::ReadOnly {
                file: self.path.clone(),
            });
        }
        let now = Version::stat(&paths).inspect_err(|e| self.error = Some(e.clone()))?;
        let fresh = self.loaded && self.error.is_none() && self.seen == Some(now);
        let mut unread = None;
        if !fresh {
            unread = self.journal_only(&paths, now, &change)?;
            if unread.is_none() {
                self.read_now()?;
            }
        }
        let record = match &unread {
            Some(journal) => unread_record(&paths, journal, change)?,
            None => self.record(change)?,
        };
        let line = record.line();
        let (appendable, end) = match &unread {
            Some(j) => (true, j.valid_len),
            None => (self.appendable, self.journal_end),
        };
        let big = now.notes.is_some_and(|s| s.len() >= SMALL_NOTES_BYTES);
        if appendable && big && end + line.len() as u64 <= self.journal_limit {
            let stamp = journal::append(&paths.journal, end, &line)?;
            if self.loaded {
                self.apply_in_memory(&record);
                self.seen = Some(Version {
                    notes: now.notes,
                    journal: Some(stamp),
                });
                self.journal_end = end + line.len() as u64;
                self.journal_records += 1;
            }
            return Ok(record);
        }
        if !self.loaded {
            self.read_now()?;
        }
        self.rewrite(&paths, Some(&record))?;
        Ok(record)
    }

    /// Fold the journal into the notes file now (rewriting it whatever its
    /// size), so that the notes file alone holds every note.
    pub fn compact(&mut self) -> Result<(), NotesError> {
        let paths = Paths::new(&self.path);
        let _lock = file::lock(&paths, self.lock_wait)?;
        self.read_only = protected(&paths);
        if self.read_only {
            return Err(NotesError::ReadOnly {
                file: self.path.clone(),
            });
        }
        self.read_now()?;
        let nothing = Version {
            notes: None,
            journal: None,
        };
        if self.seen == Some(nothing) {
            return Ok(());
        }
        self.rewrite(&paths, None)
    }

    /// For an unread store: the journal, when a save can go by it alone
    /// (it applies over the notes file as it is, which casebook wrote and is
    /// not small, and the change is not an edit, which needs the note).
    fn journal_only(&mut self, paths: &Paths, now: Version, change: &Change) -> Result<Option<Journal>, NotesError> {
        if self.loaded || matches!(change, Change::Edit { .. }) {
            return Ok(None);
        }
        if now.notes.is_none_or(|s| s.len() < SMALL_NOTES_BYTES) {
            return Ok(None);
        }
        let journal = match journal::read(&paths.journal) {
            Ok(j) => j,
            Err(e) => {
                self.error = Some(e.clone());
                return Err(e);
            }
        };
        Ok((disk::applies_over(&journal, now.notes) && journal.stamp == now.journal).then_some(journal))
    }

    /// The record for a change against the notes in memory (the file as it is).
    fn record(&self, change: Change) -> Result<Record, NotesError> {
        match change {
            Change::Add { target, text, themes } => {
                let mut id = new_id();
                while self.notes.iter().any(|n| n.id == id) {
                    id = new_id();
                }
                Ok(Record::Add(new_note(id, target, text, themes)))
            }
            Change::Edit { id, text, themes } => {
                let old = self.notes.iter().find(|n| n.id == id);
                let mut note = old.cloned().ok_or(NotesError::NotFound { id })?;
                note.text = text;
                note.themes = themes;
                note.updated = now_rfc3339();
                Ok(Record::Edit(note))
            }
            Change::Delete(id) => match self.notes.iter().any(|n| n.id == id) {
                true => Ok(Record::Delete(id)),
                false => Err(NotesError::NotFound { id }),
            },
        }
    }

    /// Rewrite the notes file with `record` applied (as today's notes file
    /// form, atomically, keeping the `.bak`), then start an empty journal
    /// over it (or remove the journal, for a small file). Killed between the
    /// two, the old journal's records apply again over the new file and
    /// change nothing. Call with the lock held and the notes just read.
    fn rewrite(&mut self, paths: &Paths, record: Option<&Record>) -> Result<(), NotesError> {
        let mut notes = self.notes.clone();
        if let Some(r) = record {
            apply_one(&mut notes, r);
        }
        // The backup is the notes as they were, journal included: the
        // notes file alone lacks the records about to be folded in.
        let previous = match self.journal_records {
            0 => None,
            _ => Some(to_ron(&self.notes)?),
        };
        let written = to_ron(&notes)
            .and_then(|text| file::replace(paths, text.as_bytes(), previous.as_deref().map(str::as_bytes)));
        let stamp = match written {
            Ok(stamp) => stamp,
            Err(e) => {
                // The file still holds what was read, without this change.
                let _ = self.read_now();
                return Err(e);
            }
        };
        self.set_notes(notes);
        match restart_journal(paths, &stamp) {
            Ok(journal) => {
                self.seen = Some(Version {
                    notes: Some(stamp),
                    journal,
                });
                self.journal_end = journal.map_or(0, |j| j.len());
                self.journal_records = 0;
                self.appendable = journal.is_some();
            }
            // The change is in the notes file; the old journal, now over
            // another file, is folded in by the next save.
            Err(_) => {
                let _ = self.read_now();
            }
        }
        Ok(())
    }
}

fn restart_journal(paths: &Paths, notes: &Stamp) -> Result<Option<Stamp>, NotesError> {
    if notes.len() < SMALL_NOTES_BYTES {
        journal::remove(&paths.journal).map(|()| None)
    } else {
        journal::reset(&paths.journal, notes).map(Some)
    }
}

/// The record for a change, for an unread store: a new note's id is unique
/// by construction (time, process id, counter); a delete checks the note
/// exists without parsing the notes file.
fn unread_record(paths: &Paths, journal: &Journal, change: Change) -> Result<Record, NotesError> {
    match change {
        Change::Add { target, text, themes } => Ok(Record::Add(new_note(new_id(), target, text, themes))),
        Change::Delete(id) => match disk::exists_unparsed(paths, journal, &id)? {
            true => Ok(Record::Delete(id)),
            false => Err(NotesError::NotFound { id }),
        },
        Change::Edit { id, .. } => Err(NotesError::NotFound { id }),
    }
}

fn new_note(id: String, target: Target, text: String, themes: Vec<String>) -> Note {
    let now = now_rfc3339();
    Note {
        id,
        target,
        text,
        created: now.clone(),
        updated: now,
        themes,
    }
}

/// Refuse a notes path that exists but is not a regular file.
fn regular_or_missing(path: &Path) -> Result<(), NotesError> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => file::read(path).map(|_| ()),
        _ => Ok(()),
    }
}
