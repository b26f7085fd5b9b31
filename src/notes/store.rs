//! [`NoteStore`]: the notes in memory, kept in step with the notes file.
//! See the [module docs](super) for what one save does and why.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::NotesError;
use super::disk::{self, Failed, Version};
use super::file::{self, Paths};
use super::journal::Record;
use super::model::{Note, Target};
use super::save::Change;

/// How long a mutation waits for another writer's lock before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How large the journal grows before a save folds it into the notes file
/// (about 800 notes' worth): large enough that the rewrite's cost, shared
/// over the saves since the last one, is small; small enough that reading
/// the journal stays cheap.
pub const JOURNAL_LIMIT: u64 = 256 * 1024;

/// `notes.ron` in the user's data directory, e.g.
/// `~/.local/share/casebook/notes.ron`; `None` when there is no home directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "casebook").map(|d| d.data_dir().join("notes.ron"))
}

/// The notes file to use: `--notes FILE` if given, else a non-empty
/// `CASEBOOK_NOTES`, else [`default_path`].
pub fn resolve_path(cli: Option<&Path>) -> Result<PathBuf, NotesError> {
    if let Some(p) = cli {
        return Ok(p.to_path_buf());
    }
    match std::env::var_os("CASEBOOK_NOTES") {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => default_path().ok_or(NotesError::NoPath),
    }
}

/// The notes of one notes file. Every mutation is saved before it returns.
#[derive(Debug)]
pub struct NoteStore {
    pub(super) path: PathBuf,
    pub(super) notes: Vec<Note>,
    pub(super) error: Option<NotesError>,
    /// The version on disk `notes` reflects (or that failed to parse);
    /// `None` before the first read.
    pub(super) seen: Option<Version>,
    /// What the last full read found about the journal.
    pub(super) journal_end: u64,
    pub(super) journal_records: usize,
    pub(super) appendable: bool,
    /// False for a store opened with [`open_unread`](Self::open_unread)
    /// until something makes it read the notes.
    pub(super) loaded: bool,
    pub(super) lock_wait: Duration,
    /// Compact when the journal would grow past this many bytes.
    pub(super) journal_limit: u64,
    /// Position of each note in `notes` by id, built on the first lookup
    /// (a command-line save never needs it).
    by_id: OnceCell<HashMap<String, usize>>,
    /// Bumped whenever `notes` changes, so views derived from them know
    /// when to recompute.
    generation: u64,
    /// The file exists without write permission: never replaced.
    pub(super) read_only: bool,
}

impl NoteStore {
    /// Open the notes file. Never fails: a missing file is an empty store;
    /// a file that cannot be read or parsed gives an empty store with
    /// [`error`](Self::error) set, and the file is left as it is.
    pub fn open(path: &Path) -> NoteStore {
        let mut store = NoteStore::open_unread(path);
        let _ = store.read_now();
        store
    }

    /// A store that has not read the notes: [`notes`](Self::notes) is empty
    /// and [`error`](Self::error) unset until [`reload`](Self::reload). For a
    /// process that only adds or removes a note (`casebook notes add`/`rm`):
    /// [`add`](Self::add) and [`remove`](Self::remove) then append to the
    /// journal without parsing the notes file when casebook wrote it and
    /// nobody changed it since (and parse it, reporting any damage, when
    /// not). Its notes stay unread after the change.
    pub fn open_unread(path: &Path) -> NoteStore {
        NoteStore {
            path: path.to_path_buf(),
            notes: Vec::new(),
            error: None,
            seen: None,
            journal_end: 0,
            journal_records: 0,
            appendable: false,
            loaded: false,
            lock_wait: LOCK_WAIT,
            journal_limit: JOURNAL_LIMIT,
            by_id: OnceCell::new(),
            generation: 0,
            read_only: false,
        }
    }

    /// See [`default_path`].
    pub fn default_path() -> Option<PathBuf> {
        default_path()
    }

    /// See [`resolve_path`].
    pub fn resolve_path(cli: Option<&Path>) -> Result<PathBuf, NotesError> {
        resolve_path(cli)
    }

    /// Wait this long for the lock instead of [`LOCK_WAIT`].
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    /// Fold the journal into the notes file once it would grow past `bytes`
    /// instead of [`JOURNAL_LIMIT`].
    pub fn set_journal_limit(&mut self, bytes: u64) {
        self.journal_limit = bytes;
    }

    /// The notes file (as given, not resolved through symlinks).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The notes, in file order (oldest first unless the file was edited by
    /// hand); see [`newest_first`](super::newest_first).
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// A note by id.
    pub fn get(&self, id: &str) -> Option<&Note> {
        let by_id = self
            .by_id
            .get_or_init(|| self.notes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect());
        by_id.get(id).map(|&i| &self.notes[i])
    }

    /// Changes whenever the notes change (a save, or a reload that found
    /// new notes): derived views compare it to know when to recompute.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// True when the notes file (or its journal) exists but has no write
    /// permission. Such a file is never replaced nor appended to: every
    /// change fails with [`NotesError::ReadOnly`].
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Why the file could not be read, if it could not. While it is set the
    /// store is read-only in effect: every mutation re-reads the file and
    /// fails the same way until it is fixed. The message names file, line
    /// and column (of the notes file or of its journal).
    pub fn error(&self) -> Option<&NotesError> {
        self.error.as_ref()
    }

    /// Add a note and save. The text is kept as written (trailing
    /// whitespace trimmed); an all-blank text is [`NotesError::Empty`].
    pub fn add(&mut self, target: Target, text: &str, themes: Vec<String>) -> Result<Note, NotesError> {
        let text = text.trim_end().to_string();
        if text.trim().is_empty() {
            return Err(NotesError::Empty);
        }
        match self.save(Change::Add { target, text, themes })? {
            Record::Add(note) => Ok(note),
            _ => Err(NotesError::Serialize("a new note was saved as another change".into())),
        }
    }

    /// Replace a note's text and themes, set its `updated` time, and save.
    /// [`NotesError::NotFound`] if the note is no longer in the file (deleted
    /// elsewhere): nothing is written, and the caller still has the text.
    pub fn update(&mut self, id: &str, text: &str, themes: Vec<String>) -> Result<(), NotesError> {
        let text = text.trim_end().to_string();
        if text.trim().is_empty() {
            return Err(NotesError::Empty);
        }
        self.save(Change::Edit {
            id: id.to_string(),
            text,
            themes,
        })
        .map(|_| ())
    }

    /// Delete a note and save. [`NotesError::NotFound`] if it is not in the file.
    pub fn remove(&mut self, id: &str) -> Result<(), NotesError> {
        self.save(Change::Delete(id.to_string())).map(|_| ())
    }

    /// Pick up changes other processes made; the app calls it on a timer or
    /// on focus. Cheap when nothing changed (a `stat` of the notes file and
    /// of its journal). `Ok(true)` when the notes (or the error state)
    /// changed. When the file has just stopped parsing: `Err`,
    /// [`error`](Self::error) set and the last-known notes kept; then
    /// `Ok(false)` while it stays the same broken version. When it cannot be
    /// read at all (permissions, a directory): `Err` on every call.
    pub fn reload(&mut self) -> Result<bool, NotesError> {
        let paths = Paths::new(&self.path);
        let now = Version::stat(&paths)?;
        let was_read_only = self.read_only;
        self.read_only = protected(&paths);
        if was_read_only != self.read_only {
            return self.read_now().map(|_| true);
        }
        if self.seen == Some(now) {
            return Ok(false);
        }
        self.read_now()
    }

    /// Read and parse the file and journal now, replacing the notes (or
    /// setting the error).
    pub(super) fn read_now(&mut self) -> Result<bool, NotesError> {
        let had_error = self.error.is_some();
        let paths = Paths::new(&self.path);
        match disk::read_all(&paths, &self.path) {
            Ok((notes, read)) => {
                let changed = had_error || !self.loaded || notes != self.notes;
                if changed {
                    self.set_notes(notes);
                }
                self.loaded = true;
                self.seen = Some(read.version);
                self.journal_end = read.journal_end;
                self.journal_records = read.records;
                self.appendable = read.appendable;
                self.error = None;
                self.read_only = protected(&paths);
                Ok(changed)
            }
            Err(failed) => {
                let Failed { error, version } = *failed;
                let e = self.with_backup(error);
                self.error = Some(e.clone());
                if version.is_some() {
                    self.seen = version;
                }
                Err(e)
            }
        }
    }

    /// Apply a saved record to the notes in memory, keeping the id index
    /// when there is one (rebuilding it would cost more than the save).
    pub(super) fn apply_in_memory(&mut self, record: &Record) {
        let same_id = self.notes.iter().filter(|n| n.id == record.id()).count();
        match (record, self.by_id.get_mut()) {
            (Record::Add(n), Some(index)) if same_id == 0 => {
                index.insert(n.id.clone(), self.notes.len());
                self.notes.push(n.clone());
            }
            (Record::Edit(n), Some(index)) if same_id == 1 => {
                if let Some(&i) = index.get(&n.id) {
                    self.notes[i].clone_from(n);
                }
            }
            (Record::Delete(id), Some(index)) if same_id == 1 => {
                if let Some(gone) = index.remove(id) {
                    self.notes.remove(gone);
                    index.values_mut().filter(|i| **i > gone).for_each(|i| *i -= 1);
                }
            }
            _ => {
                let mut notes = std::mem::take(&mut self.notes);
                super::disk::apply_one(&mut notes, record);
                self.set_notes(notes);
                return;
            }
        }
        self.generation += 1;
    }

    pub(super) fn set_notes(&mut self, notes: Vec<Note>) {
        self.by_id = OnceCell::new();
        self.notes = notes;
        self.generation += 1;
    }

    pub(super) fn with_backup(&self, e: NotesError) -> NotesError {
        match e {
            NotesError::Parse {
                file,
                line,
                col,
                message,
                ..
            } if file == self.path => {
                let bak = Paths::new(&self.path).bak;
                let backup = bak.is_file().then_some(bak);
                NotesError::Parse {
                    file,
                    line,
                    col,
                    message,
                    backup,
                }
            }
            other => other,
        }
    }
}

/// The notes file or its journal exists without write permission.
pub(super) fn protected(paths: &Paths) -> bool {
    file::write_protected(&paths.file) || file::write_protected(&paths.journal)
}
