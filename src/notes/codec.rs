//! The notes file as casebook writes it, read and written by hand so that
//! 20,000 notes cost milliseconds, not the second a general RON parser
//! takes. The form is plain RON, one note per line (a note's own line
//! breaks are kept inside its string):
//!
//! ```text
//! [
//!     (id: "…", target: La("…"), text: "…", created: "…", updated: "…", themes: ["…"]),
//! ]
//! ```
//!
//! [`decode`] accepts exactly this form and answers `None` for anything
//! else (a hand edit, an older layout), which the caller then reads with the
//! `ron` crate, so every valid RON notes file still reads, and errors are
//! still located by `ron`.
//!
//! The journal's records ([`encode_record`], [`decode_record`]) use the same
//! note form on a single line: there line breaks and tabs are escaped too.

use std::fmt::Write as _;

use super::journal::Record;
use super::{Note, Target};

/// Append `s` as a RON string literal: line breaks and tabs kept as they are
/// (so multi-line notes stay readable in the file), quotes, backslashes and
/// other control characters escaped. `one_line` escapes line breaks and tabs
/// as well (`\n`, `\t`), for the journal's one-line records.
fn string(out: &mut String, s: &str, one_line: bool) {
    out.push('"');
    // Most text needs no escape at all: copy it in one go. (0xC2 leads the
    // C1 control characters, U+0080 to U+009F.)
    let plain = |b: u8| {
        b >= 0x20 && b != b'"' && b != b'\\' && b != 0x7f && b != 0xc2 || !one_line && (b == b'\n' || b == b'\t')
    };
    if s.bytes().all(plain) {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if one_line => out.push_str("\\n"),
            '\t' if one_line => out.push_str("\\t"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// One note (no indent, no trailing comma); on one line when `one_line`.
fn encode_note(out: &mut String, n: &Note, one_line: bool) {
    let string = |out: &mut String, s: &str| string(out, s, one_line);
    out.push_str("(id: ");
    string(out, &n.id);
    out.push_str(", target: ");
    match &n.target {
        Target::None => out.push_str("None"),
        t => {
            out.push_str(match t {
                Target::La(_) => "La(",
                Target::Centre(_) => "Centre(",
                Target::Ward(_) => "Ward(",
                _ => "Passage(",
            });
            string(out, t.id().unwrap_or(""));
            out.push(')');
        }
    }
    out.push_str(", text: ");
    string(out, &n.text);
    out.push_str(", created: ");
    string(out, &n.created);
    out.push_str(", updated: ");
    string(out, &n.updated);
    out.push_str(", themes: [");
    for (i, t) in n.themes.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(out, t);
    }
    out.push_str("])");
}

/// The list of notes, one per line.
pub(crate) fn encode(out: &mut String, notes: &[Note]) {
    out.push_str("[\n");
    for n in notes {
        out.push_str("    ");
        encode_note(out, n, false);
        out.push_str(",\n");
    }
    out.push_str("]\n");
}

/// One journal record as one line, with its line break: `Add((id: …))`,
/// `Edit((id: …))` or `Delete("…")`, plain RON each.
pub(crate) fn encode_record(out: &mut String, r: &Record) {
    match r {
        Record::Add(n) | Record::Edit(n) => {
            out.push_str(if matches!(r, Record::Add(_)) { "Add(" } else { "Edit(" });
            encode_note(out, n, true);
        }
        Record::Delete(id) => {
            out.push_str("Delete(");
            string(out, id, true);
        }
    }
    out.push_str(")\n");
}

/// How the line of note `id` starts in a file [`encode`] wrote: found as
/// bytes, it can only be that note (inside a string every `"` is escaped).
pub(crate) fn note_start(id: &str) -> String {
    let mut out = String::from("\n    (id: ");
    string(&mut out, id, false);
    out.push_str(", target: ");
    out
}

/// A line in the form [`encode_record`] writes (without its line break);
/// `None` for anything else.
pub(crate) fn decode_record(line: &str) -> Option<Record> {
    let mut p = Parser { s: line.trim() };
    let r = if p.eat("Add(").is_some() {
        Record::Add(p.note()?)
    } else if p.eat("Edit(").is_some() {
        Record::Edit(p.note()?)
    } else {
        p.eat("Delete(")?;
        Record::Delete(p.string()?)
    };
    p.eat(")")?;
    p.s.is_empty().then_some(r)
}

/// Read a file in the form [`encode`] writes (after any `//` comment
/// lines); `None` for anything else.
pub(crate) fn decode(text: &str) -> Option<Vec<Note>> {
    let mut p = Parser { s: text };
    loop {
        p.s = p.s.trim_start();
        match p.s.strip_prefix("//") {
            Some(comment) => p.s = comment.split_once('\n').map_or("", |(_, rest)| rest),
            None => break,
        }
    }
    p.eat("[")?;
    let mut notes = Vec::new();
    loop {
        p.s = p.s.trim_start();
        if p.eat("]").is_some() {
            break;
        }
        notes.push(p.note()?);
        p.eat(",")?;
    }
    p.s.trim().is_empty().then_some(notes)
}

struct Parser<'a> {
    s: &'a str,
}

impl Parser<'_> {
    fn eat(&mut self, lit: &str) -> Option<()> {
        self.s = self.s.strip_prefix(lit)?;
        Some(())
    }

    fn string(&mut self) -> Option<String> {
        self.eat("\"")?;
        let mut out = String::new();
        loop {
            let stop = self.s.find(['"', '\\'])?;
            out.push_str(&self.s[..stop]);
            let rest = &self.s[stop..];
            if let Some(after) = rest.strip_prefix('"') {
                self.s = after;
                return Some(out);
            }
            let mut chars = rest[1..].chars();
            let c = chars.next()?;
            self.s = chars.as_str();
            match c {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'u' => {
                    let inner = self.s.strip_prefix('{')?;
                    let end = inner.find('}')?;
                    let code = u32::from_str_radix(&inner[..end], 16).ok()?;
                    out.push(char::from_u32(code)?);
                    self.s = &inner[end + 1..];
                }
                _ => return None,
            }
        }
    }

    fn target(&mut self) -> Option<Target> {
        if self.eat("None").is_some() {
            return Some(Target::None);
        }
        let make: fn(String) -> Target = if self.eat("La(").is_some() {
            Target::La
        } else if self.eat("Centre(").is_some() {
            Target::Centre
        } else if self.eat("Ward(").is_some() {
            Target::Ward
        } else {
            self.eat("Passage(")?;
            Target::Passage
        };
        let id = self.string()?;
        self.eat(")")?;
        Some(make(id))
    }

    fn note(&mut self) -> Option<Note> {
        self.eat("(id: ")?;
        let id = self.string()?;
        self.eat(", target: ")?;
        let target = self.target()?;
        self.eat(", text: ")?;
        let text = self.string()?;
        self.eat(", created: ")?;
        let created = self.string()?;
        self.eat(", updated: ")?;
        let updated = self.string()?;
        self.eat(", themes: [")?;
        let mut themes = Vec::new();
        while self.eat("])").is_none() {
            if !themes.is_empty() {
                self.eat(", ")?;
            }
            themes.push(self.string()?);
        }
        Some(Note {
            id,
            target,
            text,
            created,
            updated,
            themes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn note(target: Target, text: &str, themes: Vec<String>) -> Note {
        Note {
            id: "mhx-2f9-0".into(),
            target,
            text: text.into(),
            created: "2026-11-23T10:15:00Z".into(),
            updated: "2026-11-23T10:16:00Z".into(),
            themes,
        }
    }

    #[test]
    fn other_layouts_are_left_to_ron() {
        assert_eq!(decode("[\n]\n"), Some(vec![]));
        assert_eq!(decode("// c\n\n[\n]\n\n"), Some(vec![]));
        assert_eq!(decode("[]"), Some(vec![]));
        assert_eq!(decode("[(id: \"x\")]"), None);
        assert_eq!(decode("[\n    (id: \"x\"),\n]\n"), None);
        assert_eq!(decode("[\n]\nextra"), None);
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back_here_and_in_ron(
            text in "\\PC*|[\\s\\S]*",
            id in "[\\s\\S]{0,8}",
            themes in proptest::collection::vec("[\\s\\S]{0,6}", 0..3),
            kind in 0..5u8,
        ) {
            let target = match kind {
                0 => Target::None,
                1 => Target::La(id.clone()),
                2 => Target::Centre(id.clone()),
                3 => Target::Ward(id.clone()),
                _ => Target::Passage(id.clone()),
            };
            let notes = vec![note(target, &text, themes), note(Target::None, "x", vec![])];
            for r in [Record::Add(notes[0].clone()), Record::Edit(notes[0].clone()), Record::Delete(text.clone())] {
                let mut line = String::new();
                encode_record(&mut line, &r);
                prop_assert_eq!(line.matches('\n').count(), 1, "one line: {}", line);
                prop_assert_eq!(decode_record(line.trim_end()), Some(r.clone()));
                prop_assert_eq!(ron::from_str::<Record>(&line).unwrap(), r);
            }
            let mut out = String::from("// header\n");
            encode(&mut out, &notes);
            prop_assert_eq!(decode(&out), Some(notes.clone()));
            prop_assert_eq!(ron::from_str::<Vec<Note>>(&out).unwrap(), notes);
        }
    }
}
