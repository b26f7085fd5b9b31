//! The open-time cache: a dataset, parsed and validated, and its prepared
//! search index, kept in the user's cache directory so that the next run
//! reads them back instead of parsing RON and folding every passage again.
//!
//! An entry is keyed by a hash (XXH3, 128 bits) of every data file's path
//! and bytes, casebook's version, [`FORMAT`] and a fingerprint of the
//! loading and indexing code taken at build time, so a changed file, another
//! version or changed code never reads an old entry. An entry that is
//! missing, damaged (each section carries a checksum) or from elsewhere is
//! ignored and rebuilt from the data files: the cache is never an error and
//! never a source of stale data. Entries are written to a temporary file and
//! renamed into place, so a reader sees a whole entry or none; a cache
//! directory that cannot be written just means no cache. Only a dataset
//! that loaded without errors is cached (errors are always reported from
//! the files). The few most recently written entries are kept.
//!
//! Commands wait for the dataset and the index, decoded side by side. The
//! app ([`Cache::load_for_app`]) takes the dataset as soon as it is decoded
//! and draws its first screen; the index follows ([`LaterIndex`]), decoded
//! on a thread, or built there when the entry has none or a damaged one.
//!
//! Where: `CASEBOOK_CACHE_DIR` if set, else the user's cache directory
//! (Linux `~/.cache/casebook/`, macOS `~/Library/Caches/casebook/`,
//! Windows `%LOCALAPPDATA%\casebook\cache\`).

mod file;
mod parts;

use std::path::{Path, PathBuf};

use crate::dataset::{self, Dataset, LoadErrors, SourceFile};
use crate::search::SearchIndex;
use crate::timings;

/// Changes whenever the cache file's layout or the serialised types change.
pub const FORMAT: u32 = 3;

/// Where a dataset comes from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// The dataset compiled into the binary.
    Bundled,
    /// A directory of the same layout as `data/`.
    Dir(&'a Path),
}

/// How an open went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The dataset (and the index, when asked for) came from the cache.
    Hit,
    /// The dataset came from the cache; the index was built and added to it.
    IndexBuilt,
    /// Parsed from the data files: no entry yet, or an unusable one.
    Built,
    /// Parsed from the data files, the cache being off (`--no-cache`, or no cache directory).
    Off,
}

/// A dataset, its search index when asked for (with no extra documents),
/// and how they were obtained.
#[derive(Debug)]
pub struct Opened {
    pub ds: Dataset,
    pub index: Option<SearchIndex>,
    pub outcome: Outcome,
    /// Whether an entry was written (false when the directory is read-only).
    pub written: bool,
}

/// What the app opens with: the dataset, and its search index ready or on its way.
#[derive(Debug)]
pub struct AppOpened {
    pub ds: Dataset,
    pub index: LaterIndex,
    pub outcome: Outcome,
}

/// A search index that may still be on its way: to decode from the cache
/// entry (kept open), or to build (the entry has none).
/// [`LaterIndex::finish`] gives it in every case: an index that cannot be
/// decoded is built from the dataset instead, and the entry rewritten.
#[derive(Debug)]
pub struct LaterIndex(Later);

#[derive(Debug)]
enum Later {
    Ready(Box<SearchIndex>),
    Decoding(file::IndexSection, Entry),
    Build(Entry),
}

/// Where an entry is written back once its index is built.
#[derive(Debug)]
struct Entry {
    dir: PathBuf,
    path: PathBuf,
    key: u128,
}

impl LaterIndex {
    /// The index if it is already here; else the same promise back.
    pub fn ready(self) -> Result<SearchIndex, LaterIndex> {
        match self.0 {
            Later::Ready(index) => Ok(*index),
            later => Err(LaterIndex(later)),
        }
    }

    /// The index of `ds` (the dataset it was opened with), decoded or built
    /// here (call it on a thread of its own); a built index is added to
    /// the cache entry.
    pub fn finish(self, ds: &Dataset) -> SearchIndex {
        let (entry, why) = match self.0 {
            Later::Ready(index) => return *index,
            Later::Decoding(section, entry) => match section.decode() {
                Ok(index) => return index,
                Err(why) => (entry, why.to_string()),
            },
            Later::Build(entry) => (entry, "the entry has no search index".to_string()),
        };
        timings::note(&format!("cache: index not read ({why}); building it"));
        let index = build_index(ds);
        store(&entry.dir, &entry.path, entry.key, ds, Some(&index));
        index
    }
}

/// The cache: a directory, or none (off).
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// A cache in `dir` (made when first written).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: Some(dir.into()) }
    }

    /// No cache: every open parses the data files.
    pub fn off() -> Cache {
        Cache { dir: None }
    }

    /// `CASEBOOK_CACHE_DIR` when set and not empty, else the user's cache
    /// directory; off when there is neither (no home directory).
    pub fn from_env() -> Cache {
        let dir = std::env::var_os("CASEBOOK_CACHE_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| directories::ProjectDirs::from("", "", "casebook").map(|d| d.cache_dir().to_path_buf()));
        if dir.is_none() {
            timings::note("cache: off (no cache directory)");
        }
        Cache { dir }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The dataset of `src`, parsed and validated or read from the cache.
    pub fn load(&self, src: Source) -> Result<Opened, LoadErrors> {
        self.open(src, false)
    }

    /// The dataset of `src` and its search index (no extra documents: add
    /// field notes with [`SearchIndex::set_extra`]).
    pub fn load_indexed(&self, src: Source) -> Result<Opened, LoadErrors> {
        self.open(src, true)
    }

    /// The dataset of `src` as soon as it is decoded, its search index
    /// following (see [`LaterIndex`]): from a cache entry, the app draws
    /// its first screen without waiting for the index. Without an entry,
    /// as [`Cache::load_indexed`] (the index comes ready).
    pub fn load_for_app(&self, src: Source) -> Result<AppOpened, LoadErrors> {
        let opened = match &self.dir {
            None => build(read_files(src)?, true, Outcome::Off)?,
            Some(dir) => {
                let key = timings::time("hash data files", || key_of(src))?;
                let path = dir.join(file::name(key));
                let read = timings::time("cache read (dataset)", || {
                    let raw = file::read_raw(&path, key)?;
                    Ok::<_, file::Miss>((file::decode_dataset(&raw.dataset, &path)?, raw.index))
                });
                match read {
                    Ok((ds, index)) => {
                        timings::note("cache: hit (the search index follows)");
                        let entry = Entry {
                            dir: dir.clone(),
                            path,
                            key,
                        };
                        let later = match index {
                            Some(section) => Later::Decoding(section, entry),
                            None => Later::Build(entry),
                        };
                        return Ok(AppOpened {
                            ds,
                            index: LaterIndex(later),
                            outcome: Outcome::Hit,
                        });
                    }
                    Err(why) => rebuild(dir, src, true, &why)?,
                }
            }
        };
        let index = match opened.index {
            Some(index) => index,
            None => build_index(&opened.ds),
        };
        Ok(AppOpened {
            ds: opened.ds,
            index: LaterIndex(Later::Ready(Box::new(index))),
            outcome: opened.outcome,
        })
    }

    fn open(&self, src: Source, want_index: bool) -> Result<Opened, LoadErrors> {
        let Some(dir) = &self.dir else {
            return build(read_files(src)?, want_index, Outcome::Off);
        };
        let key = timings::time("hash data files", || key_of(src))?;
        let path = dir.join(file::name(key));
        match timings::time("cache read", || file::read(&path, key, want_index)) {
            Ok(entry) => {
                timings::note("cache: hit");
                let (index, outcome) = match entry.index {
                    Some(index) => (Some(index), Outcome::Hit),
                    None if want_index => (Some(build_index(&entry.ds)), Outcome::IndexBuilt),
                    None => (None, Outcome::Hit),
                };
                let written = outcome == Outcome::IndexBuilt && store(dir, &path, key, &entry.ds, index.as_ref());
                Ok(Opened {
                    ds: entry.ds,
                    index,
                    outcome,
                    written,
                })
            }
            Err(why) => rebuild(dir, src, want_index, &why),
        }
    }
}

fn read_files(src: Source) -> Result<Vec<SourceFile>, LoadErrors> {
    timings::time("read data files", || match src {
        Source::Bundled => Ok(dataset::bundled_files()),
        Source::Dir(dir) => dataset::read_dir(dir),
    })
}

/// Parse the data files (their entry being unusable: `why`) and write a
/// new entry, keyed by the bytes parsed (read afresh: a file changed since
/// it was hashed is never cached under the old key).
fn rebuild(dir: &Path, src: Source, want_index: bool, why: &file::Miss) -> Result<Opened, LoadErrors> {
    timings::note(&format!("cache: not used ({why}); parsing the data files"));
    let files = read_files(src)?;
    let key = key(&files);
    let path = dir.join(file::name(key));
    let mut opened = build(files, want_index, Outcome::Built)?;
    opened.written = store(dir, &path, key, &opened.ds, opened.index.as_ref());
    Ok(opened)
}

/// Parse and validate `files`, building the index (when wanted) beside the validation.
fn build(files: Vec<SourceFile>, want_index: bool, outcome: Outcome) -> Result<Opened, LoadErrors> {
    let (ds, index) = dataset::load_with(files, |ds| want_index.then(|| build_index(ds)))?;
    Ok(Opened {
        ds,
        index,
        outcome,
        written: false,
    })
}

fn build_index(ds: &Dataset) -> SearchIndex {
    timings::time("index build (total)", || SearchIndex::new(ds, Vec::new()))
}

/// Write an entry; a failure (say, a read-only directory) only means no cache.
fn store(dir: &Path, path: &Path, key: u128, ds: &Dataset, index: Option<&SearchIndex>) -> bool {
    match timings::time("cache write", || file::write(dir, path, key, ds, index)) {
        Ok(()) => true,
        Err(e) => {
            timings::note(&format!("cache: not written ({e})"));
            false
        }
    }
}

/// What identifies an entry: every file's path and bytes, plus what decides
/// how they are read (version, format, the code's fingerprint).
fn key(files: &[SourceFile]) -> u128 {
    let mut h = key_start(files.len());
    for f in files {
        key_file(&mut h, &f.path, f.bytes.len() as u64);
        h.update(&f.bytes);
    }
    h.digest128()
}

/// [`key`] of `src`'s files, a directory's files hashed as a stream
/// rather than read whole (26 MB at national scale: most of a warm open's
/// reading time went to memory for bytes only hashed). A problem with the
/// directory or a file is reported by reading the files as a parse would.
fn key_of(src: Source) -> Result<u128, LoadErrors> {
    let Source::Dir(dir) = src else {
        return Ok(key(&dataset::bundled_files()));
    };
    let files = dataset::list_dir(dir)?;
    let mut h = key_start(files.len());
    let mut buf = vec![0u8; 1 << 20];
    for (rel, path) in &files {
        let streamed = std::fs::File::open(path).and_then(|mut f| {
            let len = f.metadata()?.len();
            key_file(&mut h, rel, len);
            let mut n = 0u64;
            loop {
                match std::io::Read::read(&mut f, &mut buf)? {
                    0 => break,
                    k => {
                        h.update(&buf[..k]);
                        n += k as u64;
                    }
                }
            }
            Ok(n == len)
        });
        if !matches!(streamed, Ok(true)) {
            // Unreadable, or changed while hashed: read as a parse would.
            return Ok(key(&read_files(src)?));
        }
    }
    Ok(h.digest128())
}

fn key_start(files: usize) -> xxhash_rust::xxh3::Xxh3 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&FORMAT.to_le_bytes());
    for part in [env!("CARGO_PKG_VERSION"), env!("CASEBOOK_CODE_FINGERPRINT")] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update(&(files as u64).to_le_bytes());
    h
}

/// A file's path and length, before its bytes: lengths first, so that no
/// two file lists hash the same bytes.
fn key_file(h: &mut xxhash_rust::xxh3::Xxh3, path: &str, len: u64) {
    h.update(&(path.len() as u64).to_le_bytes());
    h.update(path.as_bytes());
    h.update(&len.to_le_bytes());
}
