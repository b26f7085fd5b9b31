//! Reading a dataset from its RON files. The bundled dataset and a `--data`
//! directory go through the same path: a list of (relative path, text)
//! pairs, parsed file by file so that one run reports every broken file.
//! A UTF-8 byte order mark is accepted (and skipped); CR-only line endings,
//! a directory where a file belongs and a missing `passages/` directory are
//! each reported as such.

use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::{Dataset, Table, validate};
use crate::sanitize;

/// Files larger than this are refused rather than parsed: the bundled
/// dataset is well under a megabyte, and a national-scale one under 64 MiB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// One problem found while loading, located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Path relative to the dataset root, e.g. `tables/a4.ron`.
    pub file: String,
    /// 1-based line and column; 0 where the problem is the file as a whole.
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line each, whatever the data held: values quoted in a message
        // show control and bidi characters as visible escapes.
        let (file, message) = (sanitize::line(&self.file), sanitize::line(&self.message));
        if self.line == 0 {
            write!(f, "{file}: {message}")
        } else {
            write!(f, "{file}:{}:{}: {message}", self.line, self.col)
        }
    }
}

/// Every problem found in one load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadErrors(pub Vec<LoadError>);

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// One data file: its path relative to the dataset root and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));

/// The dataset compiled into the binary.
pub fn load_bundled() -> Result<Dataset, LoadErrors> {
    load(bundled_files())
}

/// The files of the dataset compiled into the binary.
pub fn bundled_files() -> Vec<SourceFile> {
    BUNDLED
        .iter()
        .map(|(path, text)| SourceFile {
            path: (*path).to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect()
}

/// A dataset directory of the same layout as `data/`.
pub fn load_dir(dir: &Path) -> Result<Dataset, LoadErrors> {
    load(read_dir(dir)?)
}

/// Every `.ron` file of a dataset directory, sorted by path; a problem with
/// the directory itself (not a directory, unreadable, a misplaced file or
/// directory, a file over [`MAX_FILE_BYTES`]) is an error here.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, LoadErrors> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (rel, path) in list_dir(dir)? {
        match std::fs::read(&path) {
            Ok(bytes) => files.push(SourceFile { path: rel, bytes }),
            Err(e) => errors.push(whole_file(&rel, &format!("cannot read: {e}"))),
        }
    }
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    Ok(files)
}

/// The `.ron` files [`read_dir`] reads, sorted by path: (path relative to
/// `dir`, path), without reading them (the open-time cache hashes them as
/// a stream); the same problems with the directory are errors here.
pub fn list_dir(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>, LoadErrors> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if !dir.is_dir() {
        return Err(LoadErrors(vec![whole_file(
            &dir.display().to_string(),
            "is not a directory",
        )]));
    }
    collect_dir(dir, dir, &mut files, &mut errors);
    let passages = dir.join("passages");
    if passages.exists() && !passages.is_dir() {
        errors.push(whole_file("passages", "is a file; expected a directory of .ron files"));
    }
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn collect_dir(root: &Path, dir: &Path, files: &mut Vec<(String, std::path::PathBuf)>, errors: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return errors.push(whole_file(
                &dir.display().to_string(),
                &format!("cannot read directory: {e}"),
            ));
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if path.is_dir() {
            if path.extension().is_some_and(|e| e == "ron") {
                errors.push(whole_file(&rel, "is a directory; expected a file"));
            } else {
                collect_dir(root, &path, files, errors);
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.len() > MAX_FILE_BYTES => errors.push(whole_file(
                &rel,
                &format!("is {} bytes; the limit is {MAX_FILE_BYTES}", m.len()),
            )),
            _ => files.push((rel, path)),
        }
    }
}

pub(super) fn whole_file(file: &str, message: &str) -> LoadError {
    LoadError {
        file: file.to_string(),
        line: 0,
        col: 0,
        message: message.to_string(),
    }
}

/// One file after parsing: its records, or why it has none.
enum Parsed {
    Las(Vec<super::LocalAuthority>),
    Centres(Vec<super::Centre>),
    Wards(Vec<super::Ward>),
    Themes(Vec<super::Theme>),
    Glossary(Vec<super::GlossaryEntry>),
    Table(Table),
    Passages(Vec<super::Passage>),
    /// Not a file casebook reads (kept for the required-file checks).
    Other,
    /// Not UTF-8, or CR-only line endings: its text is not kept.
    Unreadable(LoadError),
    /// Readable, but it did not parse.
    Broken(LoadError),
}

/// Parse and validate a dataset from its files.
pub fn load(files: Vec<SourceFile>) -> Result<Dataset, LoadErrors> {
    load_with(files, |_| ()).map(|(ds, ())| ds)
}

/// Parse a dataset, then validate it while `beside` works on the parsed
/// records on another core (say, building the search index, which reads
/// no tables); `beside`'s result is dropped when validation fails.
pub fn load_with<R: Send>(
    files: Vec<SourceFile>,
    beside: impl FnOnce(&Dataset) -> R + Send,
) -> Result<(Dataset, R), LoadErrors> {
    // Files parse independently, so they are parsed side by side; merging
    // them in file order keeps records and errors in the order they were.
    let parsed = crate::timings::time("parse (RON)", || par_map(&files, parse_file));
    let mut ds = Dataset::default();
    let mut errors = Vec::new();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut has_passages = false;
    let mut o = validate::Origins::default();
    for (f, parsed) in files.iter().zip(parsed) {
        let fi = texts.len();
        if let Parsed::Unreadable(e) = parsed {
            errors.push(e);
            continue;
        }
        has_passages |= f.path.starts_with("passages/");
        texts.push((f.path.clone(), text_of(f).to_string()));
        match parsed {
            Parsed::Las(v) => append(&mut ds.las, v, &mut o.las, fi),
            Parsed::Centres(v) => append(&mut ds.centres, v, &mut o.centres, fi),
            Parsed::Wards(v) => append(&mut ds.wards, v, &mut o.wards, fi),
            Parsed::Themes(v) => append(&mut ds.themes, v, &mut o.themes, fi),
            Parsed::Glossary(v) => append(&mut ds.glossary, v, &mut o.glossary, fi),
            Parsed::Passages(v) => append(&mut ds.passages, v, &mut o.passages, fi),
            Parsed::Table(t) => {
                ds.tables.push(t);
                o.tables.push((fi, None));
            }
            Parsed::Broken(e) | Parsed::Unreadable(e) => errors.push(e),
            Parsed::Other => {}
        }
    }
    for required in ["las.ron", "centres.ron", "wards.ron", "themes.ron", "glossary.ron"] {
        if !files.iter().any(|f| f.path == required) {
            errors.push(whole_file(
                required,
                "is missing: every dataset has this file (see data/README.md)",
            ));
        }
    }
    let passages_seen = has_passages || errors.iter().any(|e| e.file.starts_with("passages/"));
    if !passages_seen {
        errors.push(whole_file(
            "passages/",
            "is missing: every dataset has a passages/ directory with at least one .ron file (see data/README.md)",
        ));
    }
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    let (valid, extra) = std::thread::scope(|s| {
        let worker = s.spawn(|| beside(&ds));
        let valid = crate::timings::time("validate", || validate::validate(&ds, &texts, &o));
        (valid, worker.join())
    });
    valid?;
    // A panic in `beside` is its own; it goes on as it would have on this thread.
    let extra = extra.unwrap_or_else(|p| std::panic::resume_unwind(p));
    sort_tables(&mut ds);
    Ok((ds, extra))
}

fn append<T>(into: &mut Vec<T>, v: Vec<T>, origin: &mut Vec<validate::At>, fi: usize) {
    origin.extend((0..v.len()).map(|i| (fi, Some(i))));
    into.extend(v);
}

/// The text of a file that [`parse_file`] found readable.
fn text_of(f: &SourceFile) -> &str {
    let text = std::str::from_utf8(&f.bytes).unwrap_or_default();
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn parse_file(f: &SourceFile) -> Parsed {
    let text = match std::str::from_utf8(&f.bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            let (line, col) = line_col(&f.bytes[..e.valid_up_to()]);
            return Parsed::Unreadable(LoadError {
                file: f.path.clone(),
                line,
                col,
                message: "expected UTF-8 text; found bytes that are not (is this a binary file?)".into(),
            });
        }
    };
    if let Some(e) = lone_cr(&f.path, text) {
        return Parsed::Unreadable(e);
    }
    let path = f.path.as_str();
    let parsed = match path {
        "las.ron" => parse(path, text).map(Parsed::Las),
        "centres.ron" => parse(path, text).map(Parsed::Centres),
        "wards.ron" => parse(path, text).map(Parsed::Wards),
        "themes.ron" => parse(path, text).map(Parsed::Themes),
        "glossary.ron" => parse(path, text).map(Parsed::Glossary),
        p if p.starts_with("tables/") => parse(path, text).map(Parsed::Table),
        p if p.starts_with("passages/") => parse(path, text).map(Parsed::Passages),
        _ => Ok(Parsed::Other),
    };
    parsed.unwrap_or_else(Parsed::Broken)
}

/// `f` over every item, on up to as many threads as there are cores; the
/// results in item order.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break out };
                        out.push((i, f(item)));
                    }
                })
            })
            .collect();
        // A worker that panicked has lost its items; running the whole map
        // again on this thread gives every result (and the panic, if it recurs).
        workers
            .into_iter()
            .map(|w| w.join().ok())
            .collect::<Option<Vec<_>>>()
            .map(|v| v.into_iter().flatten().collect())
    })
    .unwrap_or_else(|| items.iter().map(&f).enumerate().collect());
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

fn sort_tables(ds: &mut Dataset) {
    ds.tables.sort_by_key(|t| {
        let n: u32 = t.id.trim_start_matches("A.").parse().unwrap_or(u32::MAX);
        (n, t.id.clone())
    });
}

fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, LoadError> {
    ron::Options::default().from_str::<T>(text).map_err(|e| {
        let mut message = describe(&e.code);
        let (end_line, end_col) = line_col(text.trim_end().as_bytes());
        let at_end = (e.span.start.line, e.span.start.col + 1) >= (end_line, end_col);
        if at_end && !matches!(e.code, ron::Error::Eof) {
            message.push_str(" at the end of the file: the file looks truncated");
        }
        LoadError {
            file: path.to_string(),
            line: e.span.start.line,
            col: e.span.start.col,
            message,
        }
    })
}

/// ron's messages are good; a few common ones get a hint of what to do.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "unexpected end of file: the file looks truncated (expected more data)".into(),
        other => other.to_string(),
    }
}

/// 1-based line and column (in characters) of the end of a valid UTF-8 prefix.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(prefix).unwrap_or_default();
    super::locate::line_col(text, text.len())
}

/// A carriage return not followed by a line feed: a file saved with old Mac
/// (CR-only) line endings would otherwise parse as one long line, or not at all.
fn lone_cr(path: &str, text: &str) -> Option<LoadError> {
    let at = text
        .match_indices('\r')
        .map(|(i, _)| i)
        .find(|&i| !text[i + 1..].starts_with('\n'))?;
    let (line, col) = super::locate::line_col(text, at);
    Some(LoadError {
        file: path.to_string(),
        line,
        col,
        message: "a carriage return (CR) without a line feed: the file seems to use CR-only line endings; \
                  save it with LF or CRLF line endings"
            .into(),
    })
}
