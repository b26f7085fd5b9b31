//! The one boundary between text casebook did not write (the dataset, field
//! notes, ids typed on the command line) and a person's terminal.
//!
//! A character that could drive a terminal or reorder what is shown is
//! never passed on raw: C0 controls (except newline, and tab where a format
//! allows it), DEL, C1 controls, the bidirectional controls (U+061C, U+200E,
//! U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph
//! separators (U+2028, U+2029). They are shown as visible escapes instead:
//! a C0 control or DEL as its Unicode control picture (ESC → `␛`, NUL →
//! `␀`), anything else as `<U+202E>`. So `ESC [ 2 J` prints as `␛[2J`, and a
//! person sees that something odd is in the data rather than its effect.
//!
//! JSON output goes through [`JsonEscapes`], which escapes the same
//! characters as `\uXXXX` so the JSON stays valid and carries every byte.

use std::fmt::Write as _;

/// Whether `c` must never reach a terminal raw (newline and tab included:
/// each function below decides what to do with those).
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}')
}

/// The visible escape shown in place of an unsafe character.
pub fn visible(c: char, out: &mut String) {
    match c {
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => out.push('\u{2421}'),
        c => {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        }
    }
}

/// How newlines and tabs are treated; everything else unsafe is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Newlines kept (CRLF becomes LF), tabs become a space: screens.
    Screen,
    /// Newlines, CRLF pairs and tabs kept: text, CSV and Markdown output.
    Text,
    /// Newlines and tabs become a space: one-line displays and table cells.
    Line,
}

fn sanitize(text: &str, mode: Mode) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, mode) {
            ('\r', Mode::Text) if chars.peek() == Some(&'\n') => out.push(c),
            ('\r', _) if chars.peek() == Some(&'\n') => {}
            ('\n', Mode::Line) | ('\t', Mode::Line | Mode::Screen) => out.push(' '),
            ('\n', _) | ('\t', Mode::Text) => out.push(c),
            (c, _) if is_unsafe(c) => visible(c, &mut out),
            (c, _) => out.push(c),
        }
    }
    out
}

/// Multi-line text for the app's screens: newlines kept, tabs as spaces.
pub fn clean(text: &str) -> String {
    sanitize(text, Mode::Screen)
}

/// Text for the command line's text, CSV and Markdown output: newlines and
/// tabs kept (and CR only as part of a CRLF line end, which CSV uses), every
/// other unsafe character shown as a visible escape.
pub fn text(text: &str) -> String {
    sanitize(text, Mode::Text)
}

/// One line: newlines and tabs folded to spaces, the rest escaped.
pub fn line(text: &str) -> String {
    sanitize(text, Mode::Line)
}

/// The first unsafe character of `s` and its char index, if any.
pub fn first_unsafe(s: &str, allow_newline: bool) -> Option<(usize, char)> {
    s.chars()
        .enumerate()
        .find(|&(_, c)| is_unsafe(c) && !(allow_newline && c == '\n'))
}

/// A `serde_json` formatter (pretty, two-space indent) that also escapes
/// DEL, C1, bidi controls and the line separators as `\uXXXX`; serde_json
/// itself escapes only C0. The result is valid JSON carrying every character.
#[derive(Debug, Default)]
pub struct JsonEscapes<'a> {
    inner: serde_json::ser::PrettyFormatter<'a>,
}

impl serde_json::ser::Formatter for JsonEscapes<'_> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.inner.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.inner.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_object_value(w)
    }
}

/// `value` as pretty JSON with every unsafe character escaped.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, JsonEscapes::default());
    value.serialize(&mut ser)?;
    // serde_json writes only valid UTF-8; the lossy conversion never replaces anything.
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_become_visible_escapes() {
        assert_eq!(text("a\u{1b}[31mred\u{1b}[0m"), "a␛[31mred␛[0m");
        assert_eq!(text("x\u{1b}]52;c;QQ==\u{7}y"), "x␛]52;c;QQ==␇y");
        assert_eq!(text("rtl \u{202e}cba"), "rtl <U+202E>cba");
        assert_eq!(text("c1 \u{9b}2J del \u{7f}"), "c1 <U+009B>2J del ␡");
        assert_eq!(text("nul\u{0}"), "nul␀");
        assert_eq!(text("two\r\nlines\tand\rcr"), "two\r\nlines\tand␍cr");
        assert_eq!(clean("two\r\nlines"), "two\nlines");
        assert_eq!(clean("tab\there\nnext"), "tab here\nnext");
        assert_eq!(line("a\nb\tc"), "a b c");
        assert_eq!(text("café ✓ 東京 🎉"), "café ✓ 東京 🎉");
    }

    #[test]
    fn sanitised_text_has_nothing_unsafe_left() {
        let all: String = (0u32..0x2100).filter_map(char::from_u32).collect();
        assert!(!line(&all).chars().any(is_unsafe));
        assert!(!text(&all).chars().any(|c| is_unsafe(c) && !"\n\t\r".contains(c)));
        assert!(!text(&all).contains("\r\u{0}") && text("\r\r\n").starts_with('␍'));
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let s = json(&serde_json::json!({"t": "a\u{1b}b\u{202e}c\u{9b}d\u{7f}e\u{2028}"})).unwrap();
        assert!(!s.chars().any(|c| is_unsafe(c) && c != '\n'), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["t"], "a\u{1b}b\u{202e}c\u{9b}d\u{7f}e\u{2028}");
        assert!(s.contains("\\u202e"), "{s}");
    }
}
