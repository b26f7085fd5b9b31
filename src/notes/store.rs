//! [`NoteStore`]: the notes in memory, kept in step with the notes file.
//! See the [module docs](super) for what one save does and why.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::file::{self, Paths, Stamp};
use super::model::{Note, Target, new_id, parse_notes, to_ron};
use super::{NotesError, now_rfc3339};

/// How long a mutation waits for another writer's lock before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

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
    path: PathBuf,
    notes: Vec<Note>,
    error: Option<NotesError>,
    /// The version of the file `notes` reflects (`None`: no file).
    seen: Option<Stamp>,
    lock_wait: Duration,
    /// Position of each note in `notes` by id, built on the first lookup
    /// (a command-line save never needs it).
    by_id: OnceCell<HashMap<String, usize>>,
    /// Bumped whenever `notes` changes, so views derived from them know
    /// when to recompute.
    generation: u64,
    /// The file exists without write permission: never replaced.
    read_only: bool,
}

impl NoteStore {
    /// Open the notes file. Never fails: a missing file is an empty store;
    /// a file that cannot be read or parsed gives an empty store with
    /// [`error`](Self::error) set, and the file is left as it is.
    pub fn open(path: &Path) -> NoteStore {
        let mut store = NoteStore {
            path: path.to_path_buf(),
            notes: Vec::new(),
            error: None,
            seen: None,
            lock_wait: LOCK_WAIT,
            by_id: OnceCell::new(),
            generation: 0,
            read_only: false,
        };
        let _ = store.read_now();
        store
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

    /// True when the notes file exists but has no write permission. Such a
    /// file is never replaced: every change fails with [`NotesError::ReadOnly`].
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Why the file could not be read, if it could not. While it is set the
    /// store is read-only in effect: every mutation re-reads the file and
    /// fails the same way until it is fixed. The message names file, line
    /// and column.
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
        self.mutate(move |notes| {
            let mut id = new_id();
            while notes.iter().any(|n| n.id == id) {
                id = new_id();
            }
            let now = now_rfc3339();
            let note = Note {
                id,
                target,
                text,
                created: now.clone(),
                updated: now,
                themes,
            };
            notes.push(note.clone());
            Ok(note)
        })
    }

    /// Replace a note's text and themes, set its `updated` time, and save.
    /// [`NotesError::NotFound`] if the note is no longer in the file (deleted
    /// elsewhere): nothing is written, and the caller still has the text.
    pub fn update(&mut self, id: &str, text: &str, themes: Vec<String>) -> Result<(), NotesError> {
        let text = text.trim_end().to_string();
        if text.trim().is_empty() {
            return Err(NotesError::Empty);
        }
        self.mutate(|notes| {
            let found: Vec<&mut Note> = notes.iter_mut().filter(|n| n.id == id).collect();
            if found.is_empty() {
                return Err(NotesError::NotFound { id: id.to_string() });
            }
            let now = now_rfc3339();
            for n in found {
                n.text.clone_from(&text);
                n.themes.clone_from(&themes);
                n.updated.clone_from(&now);
            }
            Ok(())
        })
    }

    /// Delete a note and save. [`NotesError::NotFound`] if it is not in the file.
    pub fn remove(&mut self, id: &str) -> Result<(), NotesError> {
        self.mutate(|notes| {
            let before = notes.len();
            notes.retain(|n| n.id != id);
            if notes.len() == before {
                Err(NotesError::NotFound { id: id.to_string() })
            } else {
                Ok(())
            }
        })
    }

    /// Pick up changes other processes made; the app calls it on a timer or
    /// on focus. Cheap when nothing changed (one `stat`). `Ok(true)` when the
    /// notes (or the error state) changed. When the file has just stopped
    /// parsing: `Err`, [`error`](Self::error) set and the last-known notes
    /// kept; then `Ok(false)` while it stays the same broken version. When it
    /// cannot be read at all (permissions, a directory): `Err` on every call.
    pub fn reload(&mut self) -> Result<bool, NotesError> {
        let now = file::stat(&self.path)?;
        let was_read_only = self.read_only;
        self.read_only = now.is_some() && file::write_protected(&self.path);
        if was_read_only != self.read_only {
            return self.read_now().map(|_| true);
        }
        if now.is_some() && now == self.seen {
            return Ok(false);
        }
        if now.is_none() && self.seen.is_none() && self.error.is_none() {
            return Ok(false);
        }
        self.read_now()
    }

    /// Read and parse the file now, replacing the notes (or setting the error).
    fn read_now(&mut self) -> Result<bool, NotesError> {
        let had_error = self.error.is_some();
        let read = match file::read(&self.path) {
            Ok(r) => r,
            Err(e) => {
                self.error = Some(e.clone());
                return Err(e);
            }
        };
        let (notes, seen) = match read {
            None => (Vec::new(), None),
            Some((bytes, stamp)) => match parse_notes(&bytes, &self.path) {
                Ok(notes) => (notes, Some(stamp)),
                Err(e) => {
                    let e = self.with_backup(e);
                    self.error = Some(e.clone());
                    self.seen = Some(stamp);
                    return Err(e);
                }
            },
        };
        let changed = had_error || notes != self.notes;
        if changed {
            self.set_notes(notes);
        }
        self.seen = seen;
        self.error = None;
        self.read_only = seen.is_some() && file::write_protected(&self.path);
        Ok(changed)
    }

    fn set_notes(&mut self, notes: Vec<Note>) {
        self.by_id = OnceCell::new();
        self.notes = notes;
        self.generation += 1;
    }

    /// One save: lock, re-read (unless the file is the version already in
    /// memory), apply `op`, back up, replace.
    fn mutate<R>(&mut self, op: impl FnOnce(&mut Vec<Note>) -> Result<R, NotesError>) -> Result<R, NotesError> {
        let paths = Paths::new(&self.path);
        let _lock = file::lock(&paths, self.lock_wait)?;
        if file::write_protected(&paths.file) {
            self.read_only = true;
            return Err(NotesError::ReadOnly {
                file: self.path.clone(),
            });
        }
        self.read_only = false;
        let now = file::stat(&paths.file).inspect_err(|e| self.error = Some(e.clone()))?;
        let fresh = self.error.is_none() && now.is_some() && now == self.seen;
        let mut notes = if fresh {
            // Nobody wrote since we read it: what we hold is the file.
            std::mem::take(&mut self.notes)
        } else {
            match file::read(&paths.file).inspect_err(|e| self.error = Some(e.clone()))? {
                None => Vec::new(),
                Some((bytes, stamp)) => match parse_notes(&bytes, &self.path) {
                    Ok(notes) => {
                        self.seen = Some(stamp);
                        notes
                    }
                    Err(e) => {
                        let e = self.with_backup(e);
                        self.error = Some(e.clone());
                        self.seen = Some(stamp);
                        return Err(e);
                    }
                },
            }
        };
        self.error = None;
        let result = match op(&mut notes) {
            Ok(r) => r,
            Err(e) => {
                // Nothing to write (ops change nothing when they fail), but
                // what was read is the freshest view.
                self.restore(notes, fresh);
                return Err(e);
            }
        };
        let written = to_ron(&notes).and_then(|text| file::replace(&paths, text.as_bytes()));
        match written {
            Ok(stamp) => {
                self.set_notes(notes);
                self.seen = Some(stamp);
                Ok(result)
            }
            Err(e) => {
                // The file still holds what was read, without this change.
                let _ = self.read_now();
                Err(e)
            }
        }
    }

    /// Keep `notes` (unchanged by a failed op) as the in-memory list.
    fn restore(&mut self, notes: Vec<Note>, fresh: bool) {
        if fresh {
            self.notes = notes;
        } else if notes != self.notes {
            self.set_notes(notes);
        }
    }

    fn with_backup(&self, e: NotesError) -> NotesError {
        match e {
            NotesError::Parse {
                file,
                line,
                col,
                message,
                ..
            } => {
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
