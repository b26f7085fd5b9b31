//! The notes as they are on disk: the notes file with its journal's records
//! applied, read together so that a reader holding no lock never misses a
//! record, and the [`Version`] that says whether either has changed since.

use std::path::Path;

use super::codec;
use super::file::{self, Paths, Stamp};
use super::journal::{self, Journal, Record};
use super::model::parse_notes;
use super::{Note, NotesError};

/// One version of the notes on disk: the stamps of the notes file and of the
/// journal. Saves rename the notes file or append to the journal, so any
/// save changes it; a `stat` of each tells whether anything did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Version {
    pub notes: Option<Stamp>,
    pub journal: Option<Stamp>,
}

impl Version {
    pub fn stat(paths: &Paths) -> Result<Version, NotesError> {
        Ok(Version {
            notes: file::stat(&paths.file)?,
            journal: file::stat(&paths.journal)?,
        })
    }
}

/// What a full read found besides the notes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Read {
    pub version: Version,
    /// Where the journal's next record goes (its whole lines' length).
    pub journal_end: u64,
    /// How many records the journal holds.
    pub records: usize,
    /// The journal applies over exactly this notes file, which casebook
    /// wrote: a save may append to it.
    pub appendable: bool,
}

/// Why a full read failed, and the version it failed on, when the failure
/// is the content of that version (damage), not the reading of it.
#[derive(Debug)]
pub(crate) struct Failed {
    pub error: NotesError,
    pub version: Option<Version>,
}

impl Failed {
    fn boxed(error: NotesError) -> Box<Failed> {
        Box::new(Failed { error, version: None })
    }
}

/// Read the notes file and apply the journal. The journal is read first and
/// checked again after: a writer folding the journal into the notes file
/// meanwhile (records are idempotent) or appending (read again) loses
/// nothing. `shown` is the notes file as the user named it, for messages.
pub(crate) fn read_all(paths: &Paths, shown: &Path) -> Result<(Vec<Note>, Read), Box<Failed>> {
    let mut tries = 0;
    loop {
        tries += 1;
        let journal = journal::read(&paths.journal).map_err(|error| damaged(paths, error))?;
        let notes_file = file::read(&paths.file).map_err(Failed::boxed)?;
        let journal_now = file::stat(&paths.journal).map_err(Failed::boxed)?;
        if journal_now != journal.stamp && tries < 5 {
            continue;
        }
        let version = Version {
            notes: notes_file.as_ref().map(|(_, s)| *s),
            journal: journal.stamp,
        };
        let mut notes = match &notes_file {
            None => Vec::new(),
            Some((bytes, _)) => parse_notes(bytes, shown).map_err(|error| {
                Box::new(Failed {
                    error,
                    version: Some(version),
                })
            })?,
        };
        journal::apply(&mut notes, &journal.records);
        let read = Read {
            version,
            journal_end: journal.valid_len,
            records: journal.records.len(),
            appendable: applies_over(&journal, version.notes),
        };
        return Ok((notes, read));
    }
}

/// A damaged journal fails on the version found now.
fn damaged(paths: &Paths, error: NotesError) -> Failed {
    let version = if error.is_parse() {
        Version::stat(paths).ok()
    } else {
        None
    };
    Failed { error, version }
}

/// Whether `journal` was started over the notes file of stamp `notes`.
pub(crate) fn applies_over(journal: &Journal, notes: Option<Stamp>) -> bool {
    match (&journal.base, notes) {
        (Some(base), Some(stamp)) => journal.stamp.is_some() && *base == stamp.key(),
        _ => false,
    }
}

/// Whether note `id` exists, without parsing the notes file: only for a
/// notes file casebook wrote ([`applies_over`] the journal), whose form
/// starts every note on a line of its own, so the id's line is found as
/// plain bytes; then the journal's records about it decide.
pub(crate) fn exists_unparsed(paths: &Paths, journal: &Journal, id: &str) -> Result<bool, NotesError> {
    let mut present = match file::read(&paths.file)? {
        Some((bytes, _)) => memchr::memmem::find(&bytes, codec::note_start(id).as_bytes()).is_some(),
        None => false,
    };
    for r in journal.records.iter().filter(|r| r.id() == id) {
        present = match r {
            Record::Add(_) => true,
            Record::Edit(_) => present,
            Record::Delete(_) => false,
        };
    }
    Ok(present)
}

/// Apply one record to notes in memory; false when it changes nothing (an
/// edit or delete of a note that is not there).
pub(crate) fn apply_one(notes: &mut Vec<Note>, record: &Record) -> bool {
    match record {
        Record::Add(n) => {
            notes.push(n.clone());
            true
        }
        Record::Edit(n) => {
            let mut found = false;
            for old in notes.iter_mut().filter(|o| o.id == n.id) {
                old.clone_from(n);
                found = true;
            }
            found
        }
        Record::Delete(id) => {
            let before = notes.len();
            notes.retain(|n| n.id != *id);
            notes.len() != before
        }
    }
}
