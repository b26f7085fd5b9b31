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
    let files = BUNDLED
        .iter()
        .map(|(path, text)| SourceFile {
            path: (*path).to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    load(files)
}

/// A dataset directory of the same layout as `data/`.
pub fn load_dir(dir: &Path) -> Result<Dataset, LoadErrors> {
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
    files.sort_by(|a, b| a.path.cmp(&b.path));
    load(files)
}

fn collect_dir(root: &Path, dir: &Path, files: &mut Vec<SourceFile>, errors: &mut Vec<LoadError>) {
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
            _ => match std::fs::read(&path) {
                Ok(bytes) => files.push(SourceFile { path: rel, bytes }),
                Err(e) => errors.push(whole_file(&rel, &format!("cannot read: {e}"))),
            },
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

/// Parse and validate a dataset from its files.
pub fn load(files: Vec<SourceFile>) -> Result<Dataset, LoadErrors> {
    let mut ds = Dataset::default();
    let mut errors = Vec::new();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut has_passages = false;
    let mut origins = validate::Origins::default();
    for f in &files {
        let text = match std::str::from_utf8(&f.bytes) {
            Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
            Err(e) => {
                let (line, col) = line_col(&f.bytes[..e.valid_up_to()]);
                errors.push(LoadError {
                    file: f.path.clone(),
                    line,
                    col,
                    message: "expected UTF-8 text; found bytes that are not (is this a binary file?)".into(),
                });
                continue;
            }
        };
        if let Some(e) = lone_cr(&f.path, text) {
            errors.push(e);
            continue;
        }
        has_passages |= f.path.starts_with("passages/");
        let fi = texts.len();
        texts.push((f.path.clone(), text.to_string()));
        let path = f.path.as_str();
        let o = &mut origins;
        match path {
            "las.ron" => parse_into(path, text, &mut ds.las, &mut errors, fi, &mut o.las),
            "centres.ron" => parse_into(path, text, &mut ds.centres, &mut errors, fi, &mut o.centres),
            "wards.ron" => parse_into(path, text, &mut ds.wards, &mut errors, fi, &mut o.wards),
            "themes.ron" => parse_into(path, text, &mut ds.themes, &mut errors, fi, &mut o.themes),
            "glossary.ron" => parse_into(path, text, &mut ds.glossary, &mut errors, fi, &mut o.glossary),
            p if p.starts_with("tables/") => {
                if let Some(t) = parse::<Table>(path, text, &mut errors) {
                    ds.tables.push(t);
                    o.tables.push((fi, None));
                }
            }
            p if p.starts_with("passages/") => {
                parse_into(path, text, &mut ds.passages, &mut errors, fi, &mut o.passages)
            }
            _ => {}
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
    validate::validate(&ds, &texts, &origins)?;
    sort_tables(&mut ds);
    Ok(ds)
}

fn sort_tables(ds: &mut Dataset) {
    ds.tables.sort_by_key(|t| {
        let n: u32 = t.id.trim_start_matches("A.").parse().unwrap_or(u32::MAX);
        (n, t.id.clone())
    });
}

fn parse<T: DeserializeOwned>(path: &str, text: &str, errors: &mut Vec<LoadError>) -> Option<T> {
    match ron::Options::default().from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let mut message = describe(&e.code);
            let (end_line, end_col) = line_col(text.trim_end().as_bytes());
            let at_end = (e.span.start.line, e.span.start.col + 1) >= (end_line, end_col);
            if at_end && !matches!(e.code, ron::Error::Eof) {
                message.push_str(" at the end of the file: the file looks truncated");
            }
            errors.push(LoadError {
                file: path.to_string(),
                line: e.span.start.line,
                col: e.span.start.col,
                message,
            });
            None
        }
    }
}

fn parse_into<T: DeserializeOwned>(
    path: &str,
    text: &str,
    into: &mut Vec<T>,
    errors: &mut Vec<LoadError>,
    file_index: usize,
    origin: &mut Vec<validate::At>,
) {
    if let Some(v) = parse::<Vec<T>>(path, text, errors) {
        origin.extend((0..v.len()).map(|i| (file_index, Some(i))));
        into.extend(v);
    }
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
