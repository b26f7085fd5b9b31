//! The file system side of the notes file: the writers' lock, reading with a
//! change stamp, the backup, and the atomic replace (temporary file in the
//! same directory, `sync_all`, rename, directory sync).

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::NotesError;

/// The notes file and the files kept beside it.
#[derive(Debug, Clone)]
pub(crate) struct Paths {
    /// The notes file itself (a symlink is followed, so saving replaces its target).
    pub file: PathBuf,
    /// `<file>.lock`: created once, never replaced or deleted.
    pub lock: PathBuf,
    /// `<file>.bak`: the previous good version.
    pub bak: PathBuf,
    /// `<file>.journal`: changes saved since the file was last rewritten.
    pub journal: PathBuf,
    dir: PathBuf,
}

impl Paths {
    pub fn new(path: &Path) -> Paths {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let file = if is_link {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        } else {
            path.to_path_buf()
        };
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Paths {
            lock: sibling(&file, ".lock"),
            bak: sibling(&file, ".bak"),
            journal: sibling(&file, ".journal"),
            file,
            dir,
        }
    }

    fn tmp(&self, of: &Path) -> PathBuf {
        sibling(of, &format!(".tmp-{}", std::process::id()))
    }
}

/// `file` with `suffix` appended to its name: `notes.ron` -> `notes.ron.lock`.
pub(crate) fn sibling(file: &Path, suffix: &str) -> PathBuf {
    let mut s = file.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// What identifies one version of the notes file: length, modification time
/// and (on Unix) inode, which changes on every save because saves rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    ino: u64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            ino,
        }
    }

    /// The stamp as one line of text, as the journal records the version of
    /// the notes file it applies over: `<len> <seconds>.<nanoseconds> <inode>`.
    pub fn key(&self) -> String {
        let modified = self
            .modified
            .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or_else(
                || "-".to_string(),
                |d| format!("{}.{:09}", d.as_secs(), d.subsec_nanos()),
            );
        format!("{} {} {}", self.len, modified, self.ino)
    }

    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }
}

/// The stamp of the file now; `None` when it does not exist.
pub(crate) fn stat(path: &Path) -> Result<Option<Stamp>, NotesError> {
    match fs::metadata(path) {
        Ok(m) => Ok(Some(Stamp::of(&m))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(NotesError::io(path, "read", e)),
    }
}

/// The largest notes file casebook reads: far beyond any real notebook
/// (20,000 notes are about 6 MB), small enough to never exhaust memory.
pub const MAX_NOTES_BYTES: u64 = 256 * 1024 * 1024;

/// The file's bytes and the stamp of exactly that version; `None` when it does not exist.
pub(crate) fn read(path: &Path) -> Result<Option<(Vec<u8>, Stamp)>, NotesError> {
    read_limited(path, MAX_NOTES_BYTES)
}

/// [`read`] with a size limit. Only regular files are read: a directory,
/// device (`/dev/zero`), pipe or socket is refused before any byte is read
/// (opening is non-blocking, so a pipe without a writer cannot hang us).
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Option<(Vec<u8>, Stamp)>, NotesError> {
    let refuse = |why: String| Err(NotesError::io(path, "read", std::io::Error::other(why)));
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let f = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(NotesError::io(path, "read", e)),
    };
    let meta = f.metadata().map_err(|e| NotesError::io(path, "read", e))?;
    if meta.is_dir() {
        return refuse("it is a directory, not a notes file".into());
    }
    if !meta.is_file() {
        return refuse("it is not a regular file (a device, pipe or socket); give a notes file".into());
    }
    if meta.len() > limit {
        return refuse(format!(
            "it is {} MB, larger than the {} MB casebook reads",
            meta.len() / (1024 * 1024),
            limit / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards against a file that grows while it is read.
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| NotesError::io(path, "read", e))?;
    if bytes.len() as u64 > limit {
        return refuse(format!("it grew past the {} MB casebook reads", limit / (1024 * 1024)));
    }
    Ok(Some((bytes, Stamp::of(&meta))))
}

/// Why the existing file at `path` must not be replaced: it has no write
/// permission. Checked by mode bits (which also stop root, who could
/// otherwise replace it) and, on Unix, by `access(W_OK)` for files owned by
/// someone else.
pub(crate) fn write_protected(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else { return false };
    if meta.permissions().readonly() {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        if let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) {
            // SAFETY: `c` is a valid NUL-terminated path for the call's duration.
            return unsafe { libc::access(c.as_ptr(), libc::W_OK) } != 0;
        }
    }
    false
}

/// The writers' lock, held until dropped.
#[derive(Debug)]
pub(crate) struct Lock {
    _file: File,
}

/// Take the writers' lock, creating the directory and the lock file if need
/// be, and polling for up to `wait` while another process holds it.
pub(crate) fn lock(paths: &Paths, wait: Duration) -> Result<Lock, NotesError> {
    fs::create_dir_all(&paths.dir).map_err(|e| NotesError::io(&paths.dir, "create the directory", e))?;
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&paths.lock)
        .map_err(|e| NotesError::io(&paths.lock, "open the lock file", e))?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => {
                let waited = start.elapsed();
                if waited >= wait {
                    return Err(NotesError::LockTimeout {
                        lock: paths.lock.clone(),
                        waited,
                    });
                }
                std::thread::sleep(pause.min(wait - waited));
                pause = (pause * 2).min(Duration::from_millis(25));
            }
            Err(fs::TryLockError::Error(e)) => return Err(NotesError::io(&paths.lock, "lock", e)),
        }
    }
}

/// Replace the notes file with `text`, keeping the version it replaces
/// (a good one: callers only save over a file that parsed) as the backup.
/// Call with the lock held. Returns the stamp of the new file.
/// `previous`, when given, is what the backup holds instead of the file
/// replaced (the notes with the journal applied, which the file alone lacks).
pub(crate) fn replace(paths: &Paths, text: &[u8], previous: Option<&[u8]>) -> Result<Stamp, NotesError> {
    remove_stale_temporaries(paths);
    let perms = fs::metadata(&paths.file).ok().map(|m| m.permissions());
    if perms.is_some() {
        backup(paths, perms.as_ref(), previous)?;
    }
    let stamp = replace_with(&paths.file, &paths.tmp(&paths.file), text, perms.as_ref())?;
    sync_dir(&paths.dir);
    Ok(stamp)
}

/// `<file>.bak` becomes the current file (or `previous`). A hard link costs nothing
/// whatever the size (saves replace the notes file by rename, so the linked
/// version is never changed again); where links are not supported, a copy.
fn backup(paths: &Paths, perms: Option<&fs::Permissions>, previous: Option<&[u8]>) -> Result<(), NotesError> {
    let tmp = paths.tmp(&paths.bak);
    let _ = fs::remove_file(&tmp);
    let linked = match previous {
        Some(bytes) => write_synced(&tmp, bytes, perms)
            .map(|_| ())
            .map_err(|e| std::io::Error::other(e.to_string())),
        None => fs::hard_link(&paths.file, &tmp),
    };
    let made = linked.or_else(|_| {
        let bytes = fs::read(&paths.file)?;
        write_synced(&tmp, &bytes, perms).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok::<(), std::io::Error>(())
    });
    let result = made
        .and_then(|_| fs::rename(&tmp, &paths.bak))
        .map_err(|e| NotesError::io(&paths.bak, "replace", e));
    // Renaming a link onto another link of the same file (a save killed
    // after its backup) succeeds without removing the source.
    let _ = fs::remove_file(&tmp);
    result
}

/// Durably replace any one file (a draft) with `bytes`: temporary file
/// beside it, `sync_all`, rename, directory sync. New files are private.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), NotesError> {
    let tmp = sibling(path, &format!(".tmp-{}", std::process::id()));
    replace_with(path, &tmp, bytes, None)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir);
    }
    Ok(())
}

fn replace_with(path: &Path, tmp: &Path, bytes: &[u8], perms: Option<&fs::Permissions>) -> Result<Stamp, NotesError> {
    write_synced(tmp, bytes, perms)
        .and_then(|stamp| {
            fs::rename(tmp, path)
                .map(|_| stamp)
                .map_err(|e| NotesError::io(path, "replace", e))
        })
        .inspect_err(|_| {
            let _ = fs::remove_file(tmp);
        })
}

/// Write a new file, flushed to disk, with the given permissions (new files
/// are private to the user on Unix: notes are about people).
fn write_synced(path: &Path, bytes: &[u8], perms: Option<&fs::Permissions>) -> Result<Stamp, NotesError> {
    let fail = |e| NotesError::io(path, "write", e);
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path).map_err(fail)?;
    if let Some(p) = perms {
        f.set_permissions(p.clone()).map_err(fail)?;
    }
    f.write_all(bytes).map_err(fail)?;
    f.sync_all().map_err(fail)?;
    let meta = f.metadata().map_err(fail)?;
    Ok(Stamp::of(&meta))
}

/// Make the rename durable. Best effort: the new file is already in place,
/// and some file systems cannot sync a directory.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Remove `<file>.tmp-<pid>` and `<file>.bak.tmp-<pid>` left by killed
/// writers. Only writers holding the lock create them, so with the lock held
/// every one found is stale.
fn remove_stale_temporaries(paths: &Paths) {
    let Some(name) = paths.file.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(&paths.dir) else { return };
    let prefixes = [
        format!("{name}.tmp-"),
        format!("{name}.bak.tmp-"),
        format!("{name}.journal.tmp-"),
    ];
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let Some(entry_name) = entry_name.to_str() else {
            continue;
        };
        let stale = prefixes.iter().any(|p| {
            entry_name
                .strip_prefix(p.as_str())
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        });
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_keeps_backup_and_cleans_stale_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::new(&dir.path().join("notes.ron"));
        fs::write(dir.path().join("notes.ron.tmp-99999"), "half").unwrap();
        fs::write(dir.path().join("notes.ron.tmp-keep.ron"), "not ours").unwrap();
        let _lock = lock(&paths, Duration::from_secs(1)).unwrap();
        replace(&paths, b"one", None).unwrap();
        assert!(!paths.bak.exists());
        let stamp = replace(&paths, b"two", None).unwrap();
        assert_eq!(fs::read_to_string(&paths.file).unwrap(), "two");
        assert_eq!(fs::read_to_string(&paths.bak).unwrap(), "one");
        assert_eq!(stat(&paths.file).unwrap(), Some(stamp));
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["notes.ron", "notes.ron.bak", "notes.ron.lock", "notes.ron.tmp-keep.ron"]
        );
    }

    #[test]
    fn a_held_lock_times_out() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::new(&dir.path().join("sub/notes.ron"));
        let held = lock(&paths, Duration::from_secs(1)).unwrap();
        match lock(&paths, Duration::from_millis(50)) {
            Err(NotesError::LockTimeout { .. }) => {}
            other => panic!("{other:?}"),
        }
        drop(held);
        lock(&paths, Duration::from_millis(50)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_file_is_replaced_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        fs::write(dir.path().join("real/notes.ron"), "old").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real/notes.ron"), dir.path().join("link.ron")).unwrap();
        let paths = Paths::new(&dir.path().join("link.ron"));
        let _lock = lock(&paths, Duration::from_secs(1)).unwrap();
        replace(&paths, b"new", None).unwrap();
        assert!(
            fs::symlink_metadata(dir.path().join("link.ron"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(dir.path().join("real/notes.ron")).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(dir.path().join("real/notes.ron.bak")).unwrap(),
            "old"
        );
    }
}
