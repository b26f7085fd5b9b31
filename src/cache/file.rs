//! One cache entry on disk:
//!
//! ```text
//! MAGIC (8 bytes) | header length (u32 LE) | header (postcard) | dataset (3 sections) | index
//! ```
//!
//! The header names the format, the casebook version and the key, and each
//! section's length and XXH3 checksum (an index of length 0 is absent).
//! The dataset's sections (see `parts`) are checked before decoding; the
//! index section is read, checked and decoded on a thread of its own, only
//! when it is wanted. Sections are postcard, chosen by measurement (see the
//! README's Performance section).

use std::fmt;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{FORMAT, parts};
use crate::dataset::Dataset;
use crate::search::SearchIndex;
use crate::timings;

const MAGIC: &[u8; 8] = b"CBCACHE\0";
/// Entries kept; older ones are removed when a new one is written.
const KEEP: usize = 4;
/// A temporary file this old was left by a run that died while writing.
const STALE_TEMP: Duration = Duration::from_secs(600);
const SUFFIX: &str = ".cache";
const TEMP_PREFIX: &str = ".tmp-casebook-";

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
    key: u128,
    /// (length, checksum) of the dataset's sections, then of the index.
    sections: Vec<(u64, u64)>,
}

/// A decoded entry.
pub(super) struct Entry {
    pub ds: Dataset,
    pub index: Option<SearchIndex>,
}

/// Why an entry was not used.
#[derive(Debug)]
pub(super) enum Miss {
    None,
    Other,
    Damaged(&'static str),
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Miss::None => write!(f, "no entry for these data files yet"),
            Miss::Other => write!(f, "the entry is from another version or format"),
            Miss::Damaged(what) => write!(f, "the entry is damaged: {what}"),
        }
    }
}

/// The file name of the entry for `key`.
pub(super) fn name(key: u128) -> String {
    format!("{key:032x}{SUFFIX}")
}

/// The index section of an entry, decoding on a thread of its own.
pub(super) type IndexThread = std::thread::JoinHandle<Result<SearchIndex, Miss>>;

/// Read the entry at `path` if it is whole and is for `key`; the index
/// (when wanted) decodes on a thread beside the dataset.
pub(super) fn read(path: &Path, key: u128, want_index: bool) -> Result<Entry, Miss> {
    let Raw { dataset, index } = read_raw(path, key)?;
    let thread = index.filter(|_| want_index).map(IndexSection::spawn);
    let ds = decode_dataset(&dataset, path)?;
    let index = match thread {
        Some(thread) => Some(join(thread)?),
        None => None,
    };
    Ok(Entry { ds, index })
}

/// The decoded index of an [`IndexThread`].
pub(super) fn join(thread: IndexThread) -> Result<SearchIndex, Miss> {
    thread.join().unwrap_or(Err(Miss::Damaged("decoding panicked")))
}

/// An entry whose header is checked and whose dataset sections are read
/// and checked, not yet decoded.
pub(super) struct Raw {
    pub dataset: Vec<Vec<u8>>,
    /// The index section, if the entry has one.
    pub index: Option<IndexSection>,
}

/// Where an entry's index section is: the open file, at the section.
#[derive(Debug)]
pub(super) struct IndexSection {
    file: File,
    section: (u64, u64),
    size: u64,
}

impl IndexSection {
    /// Read, check and decode the section.
    pub fn decode(mut self) -> Result<SearchIndex, Miss> {
        let bytes = section(&mut self.file, self.section, self.size)?;
        timings::time("cache decode: index", || decode(&bytes)).map_err(|_| Miss::Damaged("undecodable"))
    }

    /// [`Self::decode`] on a thread of its own.
    pub fn spawn(self) -> IndexThread {
        std::thread::spawn(move || self.decode())
    }
}

/// The dataset of [`Raw::dataset`] (decoded side by side, see `parts`);
/// the entry at `path` is marked used.
pub(super) fn decode_dataset(sections: &[Vec<u8>], path: &Path) -> Result<Dataset, Miss> {
    let ds = parts::decode_dataset(sections).map_err(|_| Miss::Damaged("undecodable"))?;
    // Most recently used entries are the ones kept; best effort.
    if let Ok(f) = File::options().append(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
    Ok(ds)
}

/// The entry at `path` if its header is for `key` and its dataset sections
/// whole; its index section is left for later (see [`IndexSection`]).
pub(super) fn read_raw(path: &Path, key: u128) -> Result<Raw, Miss> {
    let mut file = File::open(path).map_err(|_| Miss::None)?;
    let damaged = |_| Miss::Damaged("too short");
    let mut magic = [0u8; 8];
    file.read_exact(&mut magic).map_err(damaged)?;
    if &magic != MAGIC {
        return Err(Miss::Damaged("not a casebook cache file"));
    }
    let mut len = [0u8; 4];
    file.read_exact(&mut len).map_err(damaged)?;
    let mut header = vec![0u8; u32::from_le_bytes(len).min(4096) as usize];
    file.read_exact(&mut header).map_err(damaged)?;
    let header: Header = postcard::from_bytes(&header).map_err(|_| Miss::Damaged("unreadable header"))?;
    if header.format != FORMAT || header.version != version() || header.key != key {
        return Err(Miss::Other);
    }
    if header.sections.len() != parts::SECTIONS + 1 {
        return Err(Miss::Damaged("wrong number of sections"));
    }
    let size = file.metadata().map_or(0, |m| m.len());
    let mut dataset = Vec::with_capacity(parts::SECTIONS);
    for &s in &header.sections[..parts::SECTIONS] {
        dataset.push(section(&mut file, s, size)?);
    }
    // The file is now at the index section.
    let index = header.sections[parts::SECTIONS];
    let index = (index.0 != 0).then_some(IndexSection {
        file,
        section: index,
        size,
    });
    Ok(Raw { dataset, index })
}

/// The next section's bytes, if they are all there and match their checksum.
fn section(file: &mut File, (len, sum): (u64, u64), file_size: u64) -> Result<Vec<u8>, Miss> {
    if len > file_size {
        return Err(Miss::Damaged("too short"));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    let read = file.take(len).read_to_end(&mut bytes);
    if read.is_err() || bytes.len() as u64 != len {
        return Err(Miss::Damaged("too short"));
    }
    if xxhash_rust::xxh3::xxh3_64(&bytes) != sum {
        return Err(Miss::Damaged("checksum mismatch"));
    }
    Ok(bytes)
}

/// Write the entry for `key` at `path` (in `dir`), atomically, then remove old entries.
pub(super) fn write(
    dir: &Path,
    path: &Path,
    key: u128,
    ds: &Dataset,
    index: Option<&SearchIndex>,
) -> Result<(), String> {
    let mut sections = timings::time("cache encode", || parts::encode_dataset(ds))?;
    sections.push(match index {
        Some(i) => timings::time("cache encode", || encode(i))?,
        None => Vec::new(),
    });
    let sum = |b: &Vec<u8>| (b.len() as u64, xxhash_rust::xxh3::xxh3_64(b));
    let header = Header {
        format: FORMAT,
        version: version(),
        key,
        sections: sections.iter().map(sum).collect(),
    };
    let header = postcard::to_stdvec(&header).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| e.to_string())?;
    let f = tmp.as_file_mut();
    for part in [&MAGIC[..], &(header.len() as u32).to_le_bytes(), &header] {
        f.write_all(part).map_err(|e| e.to_string())?;
    }
    for part in &sections {
        f.write_all(part).map_err(|e| e.to_string())?;
    }
    tmp.persist(path).map_err(|e| e.error.to_string())?;
    prune(dir);
    Ok(())
}

/// Remove all but the [`KEEP`] most recently used entries, and temporary
/// files left by runs that died while writing.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut found: Vec<(SystemTime, std::path::PathBuf)> = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let modified = e
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH);
        if name.ends_with(SUFFIX) {
            found.push((modified, e.path()));
        } else if name.starts_with(TEMP_PREFIX) && modified.elapsed().is_ok_and(|age| age > STALE_TEMP) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    found.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (_, path) in found.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(path);
    }
}

fn version() -> String {
    format!("{} {}", env!("CARGO_PKG_VERSION"), env!("CASEBOOK_CODE_FINGERPRINT"))
}

/// The sections' serialisation.
#[doc(hidden)]
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_stdvec(value).map_err(|e| e.to_string())
}

#[doc(hidden)]
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}
