//! Drafts: the text of an open note editor, kept on disk so that closing the
//! terminal, a signal or a crash never loses what someone was writing.
//!
//! Drafts live in a directory beside the notes file, `<file>.drafts/`. Each
//! editor session has its own draft id (time, process id, counter), so
//! several casebook windows never write to the same draft:
//!
//! - `<id>.ron`: the draft ([`Draft`]), replaced durably on every write
//!   (temporary file, `sync_all`, rename, directory sync) like the notes file;
//! - `<id>.lock`: locked (advisory `flock`) for as long as a process owns the
//!   draft. The operating system releases the lock when the owner dies, even
//!   by `kill -9`, which is how the next casebook tells an abandoned draft
//!   ([`DraftDir::orphans`]) from one another window is still editing.
//!
//! A draft is removed once its text is saved as a note or discarded.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use super::file::{self, sibling};
use super::time::now_millis;
use super::{NotesError, Target};

/// The largest draft file read back (a draft is one note).
const MAX_DRAFT_BYTES: u64 = 64 * 1024 * 1024;

/// What an editor held when it was last saved as a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// What the note is about.
    pub target: Target,
    /// `Some(id)` when the draft edits an existing note.
    pub note: Option<String>,
    pub themes: Vec<String>,
    pub text: String,
    /// When the draft was written, RFC 3339 UTC.
    pub saved: String,
}

/// The drafts directory of one notes file.
#[derive(Debug, Clone)]
pub struct DraftDir {
    dir: PathBuf,
}

/// One draft owned by this process: its files and the held lock. Dropping
/// it releases the lock and leaves the draft for a later casebook.
#[derive(Debug)]
pub struct DraftSlot {
    id: String,
    file: PathBuf,
    lock: PathBuf,
    _held: File,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl DraftDir {
    /// The drafts directory of the notes file at `notes`: `<notes>.drafts`.
    pub fn for_notes(notes: &Path) -> DraftDir {
        DraftDir {
            dir: sibling(notes, ".drafts"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// A new draft slot with a fresh id, locked by this process. Creates the
    /// directory (private to the user on Unix) if need be.
    pub fn claim_new(&self) -> Result<DraftSlot, NotesError> {
        create_private_dir(&self.dir)?;
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let id = format!("{}-{}-{n}", now_millis(), std::process::id());
            let slot_file = self.dir.join(format!("{id}.ron"));
            if slot_file.exists() {
                continue;
            }
            if let Some(slot) = self.lock_slot(&id)? {
                return Ok(slot);
            }
        }
    }

    /// Lock the slot `id`; `None` when another process holds it.
    fn lock_slot(&self, id: &str) -> Result<Option<DraftSlot>, NotesError> {
        let lock = self.dir.join(format!("{id}.lock"));
        let held = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock)
            .map_err(|e| NotesError::io(&lock, "open the draft lock", e))?;
        match held.try_lock() {
            Ok(()) => Ok(Some(DraftSlot {
                id: id.to_string(),
                file: self.dir.join(format!("{id}.ron")),
                lock,
                _held: held,
            })),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(NotesError::io(&lock, "lock", e)),
        }
    }

    /// Drafts no running casebook owns (their writer quit, was killed or
    /// lost its terminal), oldest first, each locked for this process so
    /// no other window offers it at the same time. Drafts that cannot be
    /// read are reported in the second list and left as they are.
    pub fn orphans(&self) -> (Vec<(DraftSlot, Draft)>, Vec<NotesError>) {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return (found, problems);
        };
        let mut ids: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.strip_suffix(".ron").map(str::to_string))
            .filter(|id| !id.is_empty() && !id.contains(".ron"))
            .collect();
        ids.sort_by_key(|id| id.split('-').next().and_then(|t| t.parse::<u64>().ok()));
        for id in ids {
            match self.lock_slot(&id) {
                Ok(Some(slot)) => match read_draft(&slot.file) {
                    Ok(Some(d)) => found.push((slot, d)),
                    Ok(None) => slot.remove(),
                    Err(e) => problems.push(e),
                },
                Ok(None) => {}
                Err(e) => problems.push(e),
            }
        }
        (found, problems)
    }
}

impl DraftSlot {
    /// The draft's id (unique per editor session).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The draft file.
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Replace the draft on disk durably with `draft`.
    pub fn write(&self, draft: &Draft) -> Result<(), NotesError> {
        let config = ron::ser::PrettyConfig::new().escape_strings(true);
        let text = ron::ser::to_string_pretty(draft, config).map_err(|e| NotesError::Serialize(e.to_string()))?;
        file::replace_file(&self.file, text.as_bytes())
    }

    /// Delete the draft (its text was saved as a note or discarded) and
    /// release its lock.
    pub fn remove(self) {
        let _ = fs::remove_file(&self.file);
        // Leftovers of a write killed half-way.
        if let (Some(dir), Some(name)) = (self.file.parent(), self.file.file_name().and_then(|n| n.to_str())) {
            let prefix = format!("{name}.tmp-");
            if let Ok(entries) = fs::read_dir(dir) {
                for e in entries.flatten() {
                    if e.file_name().to_str().is_some_and(|n| n.starts_with(&prefix)) {
                        let _ = fs::remove_file(e.path());
                    }
                }
            }
        }
        let _ = fs::remove_file(&self.lock);
    }
}

/// A draft file's contents; `None` when it has gone.
fn read_draft(path: &Path) -> Result<Option<Draft>, NotesError> {
    let Some((bytes, _)) = file::read_limited(path, MAX_DRAFT_BYTES)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes);
    ron::from_str::<Draft>(&text).map(Some).map_err(|e| NotesError::Parse {
        file: path.to_path_buf(),
        line: e.span.start.line.max(1),
        col: e.span.start.col.max(1),
        message: e.code.to_string(),
        backup: None,
    })
}

fn create_private_dir(dir: &Path) -> Result<(), NotesError> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
        .map_err(|e| NotesError::io(dir, "create the drafts directory", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Draft {
        Draft {
            target: Target::La("lambeth".into()),
            note: None,
            themes: vec!["childcare".into()],
            text: text.into(),
            saved: "2026-11-23T10:15:00Z".into(),
        }
    }

    #[test]
    fn a_draft_round_trips_and_is_not_an_orphan_while_held() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = DraftDir::for_notes(&dir.path().join("notes.ron"));
        assert!(drafts.orphans().0.is_empty(), "no directory yet");
        let slot = drafts.claim_new().unwrap();
        slot.write(&draft("line one\nline \"two\" \u{1b}")).unwrap();
        assert!(drafts.orphans().0.is_empty(), "held by this slot");
        let other = drafts.claim_new().unwrap();
        assert_ne!(other.id(), slot.id());
        drop(slot);
        let (found, problems) = drafts.orphans();
        assert!(problems.is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, draft("line one\nline \"two\" \u{1b}"));
        let (slot, _) = found.into_iter().next().unwrap();
        assert!(drafts.orphans().0.is_empty(), "the finder holds it now");
        slot.remove();
        drop(other);
        assert!(drafts.orphans().0.is_empty(), "removed; the other never wrote");
    }

    #[test]
    fn an_unreadable_draft_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = DraftDir::for_notes(&dir.path().join("notes.ron"));
        fs::create_dir_all(drafts.path()).unwrap();
        fs::write(drafts.path().join("1-2-3.ron"), "not a draft").unwrap();
        let (found, problems) = drafts.orphans();
        assert!(found.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(drafts.path().join("1-2-3.ron").exists());
    }
}
