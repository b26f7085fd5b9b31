//! Where a record or field sits in its file, as ron's own parser sees it.
//!
//! Validation runs on typed records, which carry no positions. When it finds
//! a problem, this module re-reads just that record with ron's `RawValue`:
//! a raw value borrows its text from the file, so its address within the
//! file's text is its exact byte offset. Walking a path of fields and list
//! indices (`[Index(3), Field("wards"), Index(1)]`) gives the position of
//! the value a problem is about, never a text search for a similar value.

use std::cell::OnceCell;

use ron::value::RawValue;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

/// One step of a path into a RON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A named field of a struct.
    Field(&'a str),
    /// An element of a list (0-based).
    Index(usize),
}

/// One file's text, with its top-level list items parsed on first use.
pub struct FileIndex<'t> {
    pub path: &'t str,
    text: &'t str,
    items: OnceCell<Option<Vec<&'t RawValue>>>,
    /// Byte offset of each line's start, for many positions in one file.
    lines: OnceCell<Vec<usize>>,
}

impl<'t> FileIndex<'t> {
    pub fn new(path: &'t str, text: &'t str) -> Self {
        FileIndex {
            path,
            text,
            items: OnceCell::new(),
            lines: OnceCell::new(),
        }
    }

    /// 1-based line and column (in characters) of the value at `path`, or of
    /// the deepest part of the path that exists (a field left to its default
    /// points at its record).
    pub fn position(&self, path: &[Seg]) -> (usize, usize) {
        let at = self.offset(path).unwrap_or(0);
        let starts = self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= at).max(1);
        let start = starts[line - 1];
        (line, line_col(&self.text[start..], at - start).1)
    }

    fn offset(&self, path: &[Seg]) -> Option<usize> {
        let (mut raw, rest) = match path.first() {
            Some(Seg::Index(i)) => {
                // One parse of the file, borrowing each item's text.
                let items = self
                    .items
                    .get_or_init(|| ron::from_str::<Vec<&RawValue>>(self.text).ok());
                (*items.as_ref()?.get(*i)?, &path[1..])
            }
            _ => (RawValue::from_ron(self.text).ok()?, path),
        };
        for seg in rest {
            let next = match seg {
                Seg::Field(name) => fields(raw).and_then(|f| f.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)),
                Seg::Index(i) => items(raw).and_then(|v| v.get(*i).copied()),
            };
            match next {
                Some(v) => raw = v,
                None => break,
            }
        }
        // A borrowed raw value lies inside the file's text; checked anyway.
        let start = (raw.get_ron().as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        Some((start + leading_trivia(raw.get_ron())).min(self.text.len()))
    }
}

/// The elements of a list, each borrowing its text.
fn items(raw: &RawValue) -> Option<Vec<&RawValue>> {
    raw.into_rust::<Vec<&RawValue>>().ok()
}

/// The fields of a struct, each value borrowing its text.
fn fields(raw: &RawValue) -> Option<Vec<(String, &RawValue)>> {
    raw.into_rust::<Fields>().ok().map(|f| f.0)
}

struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a struct")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    out.push((k, map.next_value::<&'de RawValue>()?));
                }
                Ok(Fields(out))
            }
        }
        d.deserialize_struct("Fields", &[], V)
    }
}

/// Bytes of whitespace and comments before a raw value's first token
/// (ron keeps comments inside a raw value's text).
fn leading_trivia(s: &str) -> usize {
    let mut i = 0;
    let b = s.as_bytes();
    loop {
        while i < b.len() && (b[i] as char).is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"//") {
            i += b[i..].iter().position(|&c| c == b'\n').unwrap_or(b.len() - i);
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0usize;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else {
            return i.min(s.len());
        }
    }
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Seg::*;

    const LIST: &str = "// header\n[\n    (id: \"a\", la: \"x\"),\n    // a comment\n    (id: \"b\", la: \"x\", wards: [\"w1\", \"w2\"]),\n]\n";

    #[test]
    fn records_and_fields_are_found_by_the_parser() {
        let f = FileIndex::new("f.ron", LIST);
        assert_eq!(f.position(&[Index(0)]), (3, 5));
        assert_eq!(f.position(&[Index(1)]), (5, 5));
        // The same value on two lines: each record's own field.
        assert_eq!(f.position(&[Index(0), Field("la")]), (3, 19));
        assert_eq!(f.position(&[Index(1), Field("la")]), (5, 19));
        assert_eq!(f.position(&[Index(1), Field("wards"), Index(1)]), (5, 38));
        // A missing field points at its record.
        assert_eq!(f.position(&[Index(0), Field("wards")]), (3, 5));
    }

    #[test]
    fn a_struct_file_and_nested_values() {
        let text = "(\n  id: \"A.1\",\n  rows: [\n    (label: \"é\", cells: [Some(\"1\"), None]),\n  ],\n)";
        let f = FileIndex::new("t.ron", text);
        assert_eq!(f.position(&[Field("id")]), (2, 7));
        assert_eq!(
            f.position(&[Field("rows"), Index(0), Field("cells"), Index(1)]),
            (4, 37)
        );
    }
}
