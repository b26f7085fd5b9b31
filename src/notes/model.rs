//! The note record, its target, ids, and the RON form of the notes file.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use super::NotesError;
use super::time::now_millis;

/// One field note, exactly as it is stored in the notes file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Unique across processes without coordination, e.g. `mhx0c1kq-2f9-0`
    /// (creation time in ms, process id, per-process counter; base 36).
    pub id: String,
    /// What the note is about.
    pub target: Target,
    /// The note itself; may span several lines.
    pub text: String,
    /// RFC 3339 UTC, e.g. `2026-11-23T10:15:00Z`.
    pub created: String,
    /// RFC 3339 UTC; equal to `created` until the note is edited.
    pub updated: String,
    /// Theme ids of the dataset's coding vocabulary.
    #[serde(default)]
    pub themes: Vec<String>,
}

impl Note {
    /// A one-line title: the first non-blank line, cut to at most 60
    /// characters (with `…`), as search results and lists show it.
    pub fn title(&self) -> String {
        let line = self.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        if line.chars().count() <= 60 {
            return line.to_string();
        }
        let cut: String = line.chars().take(59).collect();
        format!("{}…", cut.trim_end())
    }
}

/// What a note is attached to. Ids are the dataset's; the store does not check them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Target {
    /// A general note, about nothing in particular.
    None,
    La(String),
    Centre(String),
    Ward(String),
    Passage(String),
}

impl Target {
    /// `none`, `la`, `centre`, `ward` or `passage` (as in CSV and JSON).
    pub fn kind(&self) -> &'static str {
        match self {
            Target::None => "none",
            Target::La(_) => "la",
            Target::Centre(_) => "centre",
            Target::Ward(_) => "ward",
            Target::Passage(_) => "passage",
        }
    }

    /// The target's id; `None` for [`Target::None`].
    pub fn id(&self) -> Option<&str> {
        match self {
            Target::None => None,
            Target::La(id) | Target::Centre(id) | Target::Ward(id) | Target::Passage(id) => Some(id),
        }
    }
}

/// The notes, newest first (by creation time, then id).
pub fn newest_first(notes: &[Note]) -> Vec<&Note> {
    let mut v: Vec<&Note> = notes.iter().collect();
    v.sort_by(|a, b| (&b.created, &b.id).cmp(&(&a.created, &a.id)));
    v
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A fresh note id: `<ms since 1970>-<pid>-<counter>`, each in base 36.
pub(crate) fn new_id() -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "{}-{}-{}",
        base36(now_millis()),
        base36(u64::from(std::process::id())),
        base36(n)
    )
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

const HEADER: &str = "// casebook field notes: a RON list of notes. With many notes, casebook keeps the latest\n\
// changes in <this file>.journal and folds them in here from time to time.\n\
// To edit this file by hand, close casebook, run `casebook notes compact` and keep it\n\
// valid RON; casebook will not write to it while it does not parse. The previous good\n\
// version is kept beside it as <this file>.bak.\n";

/// Parse the text of a notes file. An empty (or all-whitespace) file holds no notes.
pub(crate) fn parse_notes(bytes: &[u8], file: &Path) -> Result<Vec<Note>, NotesError> {
    let located = |line: usize, col: usize, message: String| NotesError::Parse {
        file: file.to_path_buf(),
        line,
        col,
        message,
        backup: None,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = line_col(&bytes[..e.valid_up_to()]);
            return Err(located(line, col, "the file is not valid UTF-8".into()));
        }
    };
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    if let Some(notes) = super::codec::decode(text) {
        return Ok(notes);
    }
    ron::from_str::<Vec<Note>>(text)
        .map_err(|e| located(e.span.start.line.max(1), e.span.start.col.max(1), e.code.to_string()))
}

pub(crate) fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = prefix.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}

/// The notes as the text of a notes file: a header comment, then one note
/// per line with escaped strings (see [`codec`](super::codec)): plain RON
/// that the `ron` crate reads too, and that casebook reads back fast.
pub(crate) fn to_ron(notes: &[Note]) -> Result<String, NotesError> {
    let mut text = String::with_capacity(HEADER.len() + notes.len() * 256);
    text.push_str(HEADER);
    super::codec::encode(&mut text, notes);
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn note(id: &str, target: Target, text: &str) -> Note {
        Note {
            id: id.into(),
            target,
            text: text.into(),
            created: "2026-11-23T10:15:00Z".into(),
            updated: "2026-11-23T10:15:00Z".into(),
            themes: vec!["childcare".into()],
        }
    }

    #[test]
    fn every_target_round_trips() {
        let notes = vec![
            note("a", Target::None, "general\nsecond line"),
            note("b", Target::La("lambeth".into()), "quote \" and r#\"raw\"#"),
            note("c", Target::Centre("lambeth-lark-hall".into()), "tab\there"),
            note("d", Target::Ward("westminster-church-street".into()), ""),
            note("e", Target::Passage("bid-lambeth-aim-1".into()), "\\ backslash"),
        ];
        let text = to_ron(&notes).unwrap();
        assert!(text.starts_with("// casebook field notes"));
        assert!(
            text.contains("text: \"general\nsecond line\""),
            "multi-line text stays readable: {text}"
        );
        assert_eq!(parse_notes(text.as_bytes(), Path::new("n.ron")).unwrap(), notes);
        // Hand-written files may spell the general target plainly.
        let plain = r#"[(id: "x", target: None, text: "t", created: "c", updated: "c")]"#;
        assert_eq!(
            parse_notes(plain.as_bytes(), Path::new("n.ron")).unwrap()[0].target,
            Target::None
        );
    }

    #[test]
    fn empty_file_is_no_notes_and_themes_default() {
        assert!(parse_notes(b"  \n", Path::new("n.ron")).unwrap().is_empty());
        let text = br#"[(id: "x", target: La("ealing"), text: "t", created: "c", updated: "u")]"#;
        assert!(parse_notes(text, Path::new("n.ron")).unwrap()[0].themes.is_empty());
    }

    #[test]
    fn parse_errors_are_located() {
        let text = "// header\n[\n  (id: \"x\", target: Nowhere, text: \"t\", created: \"c\", updated: \"u\"),\n]\n";
        match parse_notes(text.as_bytes(), Path::new("n.ron")) {
            Err(NotesError::Parse { line, col, .. }) => assert_eq!((line, col), (3, 21)),
            other => panic!("{other:?}"),
        }
        let err = parse_notes(b"[]\xff", Path::new("n.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "n.ron:1:3: the file is not valid UTF-8; the file was left untouched"
        );
        let unknown = r#"[(id: "x", target: None, text: "t", created: "c", updated: "u", colour: 1)]"#;
        assert!(parse_notes(unknown.as_bytes(), Path::new("n.ron")).is_err());
    }

    #[test]
    fn ids_are_distinct_and_newest_first_orders_by_time_then_id() {
        let a = new_id();
        let b = new_id();
        assert_ne!(a, b);
        assert!(
            a.len() < 20 && a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'),
            "{a}"
        );
        let mut old = note("1", Target::None, "old");
        old.created = "2025-01-01T00:00:00Z".into();
        let notes = vec![old, note("2", Target::None, "x"), note("3", Target::None, "y")];
        let ids: Vec<&str> = newest_first(&notes).iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["3", "2", "1"]);
    }

    #[test]
    fn titles_are_the_first_line_cut_to_60_characters() {
        assert_eq!(note("t", Target::None, "\n  Short one  \nmore").title(), "Short one");
        let long = note("t", Target::None, &"é".repeat(70)).title();
        assert_eq!(long.chars().count(), 60);
        assert!(long.ends_with('…'));
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in "\\PC*|[\\s\\S]*", theme in "[a-z-]{0,12}") {
            let mut n = note("p", Target::Passage(text.clone()), &text);
            n.themes = vec![theme];
            let notes = vec![n];
            let back = parse_notes(to_ron(&notes).unwrap().as_bytes(), Path::new("n.ron")).unwrap();
            prop_assert_eq!(back, notes);
        }
    }
}
