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
//! Where: `CASEBOOK_CACHE_DIR` if set, else the user's cache directory
//! (Linux `~/.cache/casebook/`, macOS `~/Library/Caches/casebook/`,
//! Windows `%LOCALAPPDATA%\casebook\cache\`).

mod file;

use std::path::{Path, PathBuf};

use crate::dataset::{self, Dataset, LoadErrors, SourceFile};
use crate::search::SearchIndex;
use crate::timings;

/// Changes whenever the cache file's layout or the serialised types change.
pub const FORMAT: u32 = 1;

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

    fn open(&self, src: Source, want_index: bool) -> Result<Opened, LoadErrors> {
        let files = timings::time("read data files", || match src {
            Source::Bundled => Ok(dataset::bundled_files()),
            Source::Dir(dir) => dataset::read_dir(dir),
        })?;
        let Some(dir) = &self.dir else {
            return build(files, want_index, Outcome::Off);
        };
        let key = timings::time("hash data files", || key(&files));
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
            Err(why) => {
                timings::note(&format!("cache: not used ({why}); parsing the data files"));
                let mut opened = build(files, want_index, Outcome::Built)?;
                opened.written = store(dir, &path, key, &opened.ds, opened.index.as_ref());
                Ok(opened)
            }
        }
    }
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
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&FORMAT.to_le_bytes());
    for part in [env!("CARGO_PKG_VERSION"), env!("CASEBOOK_CODE_FINGERPRINT")] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update(&(files.len() as u64).to_le_bytes());
    for f in files {
        // Lengths first, so that no two file lists hash the same bytes.
        h.update(&(f.path.len() as u64).to_le_bytes());
        h.update(f.path.as_bytes());
        h.update(&(f.bytes.len() as u64).to_le_bytes());
        h.update(&f.bytes);
    }
    h.digest128()
}
