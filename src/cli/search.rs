//! `casebook search`: the search engine from the command line, over the
//! dataset's passages and the evaluator's field notes (as the app searches).
//!
//! Loose matches (letters scattered through a sentence) are counted but not
//! listed unless `--loose` asks for them; they always come after every
//! better match.
//!
//! Text output is one block per hit (id, kind, LAs, match quality; title;
//! snippet; source and themes), the matched characters in bold only when
//! stdout is a terminal and `NO_COLOR` is unset or empty, then a count
//! ("12 matches · 40 loose"). JSON output is an array of hits, best first:
//! `{id, kind, la, las, centre, title, text, snippet, themes, quality,
//! score, source, matches}` plus `target` for notes, where `la` is the
//! first LA id or null and `matches` holds `title`, `text` and `snippet`
//! lists of `[start, end)` character ranges.

use std::io::IsTerminal;
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::output::{TextJson, closest};
use super::writer::{BOLD_OFF, BOLD_ON, report};
use super::{CliError, Out, load_indexed};
use crate::dataset::{Dataset, Document, Kind};
use crate::notes::{Note, NoteStore};
use crate::search::{Filters, Hit, SearchIndex, Searcher};

/// Arguments of `casebook search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query, in fzf syntax: terms are ANDed; 'exact, 'word', ^prefix,
    /// suffix$, !not, a | b; scopes la:, theme:, kind:, centre:, ward:, source:.
    /// Empty: every passage that passes the filters.
    pub query: Vec<String>,
    /// Only passages about this LA (repeat for any of several).
    #[arg(long = "la", value_name = "ID")]
    pub las: Vec<String>,
    /// Only passages coded with this theme (repeat for any of several).
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,
    /// Only passages of this kind, e.g. baseline-finding or milestone (repeat
    /// for any of several; every kind is listed in data/README.md).
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,
    /// Only passages about this centre (repeat for any of several).
    #[arg(long = "centre", alias = "center", value_name = "ID")]
    pub centres: Vec<String>,
    /// Only passages from this source document: baseline (the baseline
    /// report) or interim (the interim case-study summary); repeat for
    /// either. Field notes belong to neither.
    #[arg(long = "source", value_name = "DOC")]
    pub sources: Vec<String>,
    /// Show at most this many hits; 0 shows all.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Also list loose matches (the term's letters scattered through a
    /// sentence), after every better match.
    #[arg(long)]
    pub loose: bool,
    #[arg(long, value_enum, default_value_t = TextJson::Text)]
    pub format: TextJson,
}

pub fn run(data: Option<&Path>, notes: Option<&Path>, args: SearchArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let (ds, mut index) = load_indexed(data)?;
    let filters = filters(&ds, &args)?;
    let query = args.query.join(" ");
    let notes = read_notes(notes);
    index.set_extra(crate::notes::to_search_docs(&notes, &ds));
    // Count first, then build only the hits that are printed.
    let mut searcher = Searcher::new(index).with_limit(1);
    searcher
        .search(&query, &filters)
        .map_err(|e| CliError::Usage(format!("invalid query: {e}")))?;
    searcher.find_loose();
    let counts = Counts {
        total: searcher.total(),
        loose: searcher.loose(),
    };
    let listed = if args.loose {
        counts.total
    } else {
        counts.total - counts.loose
    };
    let shown = if args.limit == 0 {
        listed
    } else {
        listed.min(args.limit)
    };
    searcher.more(shown);
    let hits = &searcher.hits()[..shown];
    let index = searcher.index();
    match args.format {
        TextJson::Json => {
            let hits: Vec<Value> = hits.iter().map(|h| hit_json(h, index, &notes)).collect();
            out.json(&hits)?;
        }
        TextJson::Text => {
            let bold = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            out.text_with_bold(&text(hits, counts, args.loose, bold))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The field notes to search beside the passages. A notes file that is
/// missing means no notes; one that cannot be read is reported on stderr
/// and the passages are still searched.
pub(crate) fn read_notes(path: Option<&Path>) -> Vec<Note> {
    let path = match NoteStore::resolve_path(path) {
        Ok(p) => p,
        Err(e) => {
            report(&format!("warning: field notes not searched: {e}"));
            return Vec::new();
        }
    };
    let store = NoteStore::open(&path);
    if let Some(e) = store.error() {
        report(&format!("warning: field notes not searched: {e}"));
    }
    store.notes().to_vec()
}

/// How many documents matched, and how many of them only loosely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub total: usize,
    pub loose: usize,
}

/// The filters the flags ask for; an unknown id is an error naming the closest ones.
fn filters(ds: &Dataset, args: &SearchArgs) -> Result<Filters, CliError> {
    let check = |what: &'static str, given: &[String], known: Vec<&str>| -> Result<Vec<String>, CliError> {
        for id in given {
            if !known.contains(&id.as_str()) {
                let suggestions = closest(id, known.iter().copied());
                return Err(CliError::NotFound {
                    what,
                    id: id.clone(),
                    suggestions,
                });
            }
        }
        Ok(given.to_vec())
    };
    let kinds = parse_kinds(&args.kinds)?;
    Ok(Filters {
        las: check(
            "local authority",
            &args.las,
            ds.las.iter().map(|l| l.id.as_str()).collect(),
        )?,
        themes: check("theme", &args.themes, ds.themes.iter().map(|t| t.id.as_str()).collect())?,
        kinds,
        centres: check(
            "centre",
            &args.centres,
            ds.centres.iter().map(|c| c.id.as_str()).collect(),
        )?,
        sources: parse_sources(&args.sources)?,
    })
}

/// `--kind` values as kinds; an unknown one is an error naming the closest.
pub(crate) fn parse_kinds(given: &[String]) -> Result<Vec<Kind>, CliError> {
    let mut kinds = Vec::new();
    for k in given {
        match Kind::parse(k) {
            Some(kind) => kinds.push(kind),
            None => {
                let suggestions = closest(k, Kind::ALL.iter().map(|k| k.as_str()));
                return Err(CliError::NotFound {
                    what: "kind",
                    id: k.clone(),
                    suggestions,
                });
            }
        }
    }
    Ok(kinds)
}

/// `--source` values as documents; an unknown one is an error naming the closest.
pub(crate) fn parse_sources(given: &[String]) -> Result<Vec<Document>, CliError> {
    given
        .iter()
        .map(|s| {
            Document::parse(s).ok_or_else(|| CliError::NotFound {
                what: "source",
                id: s.clone(),
                suggestions: closest(s, Document::ALL.iter().map(|d| d.as_str())),
            })
        })
        .collect()
}

fn ranges(r: &[Range<usize>]) -> Value {
    r.iter().map(|r| json!([r.start, r.end])).collect()
}

fn hit_json(h: &Hit, index: &SearchIndex, notes: &[Note]) -> Value {
    let mut v = json!({
        "id": h.id,
        "kind": h.kind.as_str(),
        "la": h.las.first(),
        "las": h.las,
        "centre": h.centre,
        "title": h.title,
        "text": index.doc(h.doc).map(|d| d.text.as_str()),
        "snippet": h.snippet,
        "themes": h.themes,
        "quality": h.quality.as_str(),
        "score": h.score,
        "source": h.source,
        "matches": {
            "title": ranges(&h.title_matches),
            "text": ranges(&h.text_matches),
            "snippet": ranges(&h.snippet_matches),
        },
    });
    if h.kind == Kind::Note
        && let Some(n) = notes.iter().find(|n| n.id == h.id)
    {
        v["target"] = json!({"kind": n.target.kind(), "id": n.target.id()});
    }
    v
}

/// `s` with the characters in `ranges` in bold (when `bold`) and control
/// and bidi characters shown as visible escapes, so data cannot drive the terminal.
fn highlight(s: &str, ranges: &[Range<usize>], bold: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut r = ranges.iter().peekable();
    let mut on = false;
    for (i, c) in s.chars().enumerate() {
        while r.peek().is_some_and(|x| x.end <= i) {
            r.next();
        }
        let inside = bold && r.peek().is_some_and(|x| x.start <= i);
        if inside != on {
            out.push_str(if inside { BOLD_ON } else { BOLD_OFF });
            on = inside;
        }
        match c {
            '\n' | '\t' => out.push(' '),
            c if crate::sanitize::is_unsafe(c) => crate::sanitize::visible(c, &mut out),
            c => out.push(c),
        }
    }
    if on {
        out.push_str(BOLD_OFF);
    }
    out
}

/// The text output: one block per hit (a rule before the first loose
/// one), then the counts.
pub(crate) fn text(hits: &[Hit], counts: Counts, loose: bool, bold: bool) -> String {
    let mut out = String::new();
    let mut ruled = false;
    for h in hits {
        if h.quality.is_loose() && !ruled {
            out.push_str(&format!(
                "── loose matches ({}): letters scattered through a sentence ──\n\n",
                counts.loose
            ));
            ruled = true;
        }
        let mut head = vec![h.id.clone(), h.kind.as_str().to_string()];
        if !h.las.is_empty() {
            head.push(h.las.join(", "));
        }
        if let Some(c) = &h.centre {
            head.push(c.clone());
        }
        head.push(format!("{} match", h.quality.as_str()));
        out.push_str(&highlight(&head.join(" · "), &[], false));
        out.push('\n');
        out.push_str(&format!("  {}\n", highlight(&h.title, &h.title_matches, bold)));
        if h.snippet != h.title {
            out.push_str(&format!("  {}\n", highlight(&h.snippet, &h.snippet_matches, bold)));
        }
        let themes = if h.themes.is_empty() {
            String::new()
        } else {
            format!(" · themes: {}", h.themes.join(", "))
        };
        out.push_str(&format!(
            "  {}\n\n",
            highlight(&format!("{}{themes}", h.source), &[], false)
        ));
    }
    out.push_str(&summary(hits.len(), counts, loose));
    out.push('\n');
    out
}

/// "3 matches · 40 loose (--loose lists them)", "5 of 12 matches …".
fn summary(shown: usize, c: Counts, loose: bool) -> String {
    let good = c.total - c.loose;
    let listed = if loose { c.total } else { good };
    let plural = |n: usize| if n == 1 { "match" } else { "matches" };
    let mut s = match good {
        0 => "no matches".to_string(),
        n => format!("{n} {}", plural(n)),
    };
    if c.loose > 0 {
        s.push_str(&format!(" · {} loose", c.loose));
        if !loose {
            s.push_str(" (--loose lists them)");
        }
    }
    if shown < listed {
        s.push_str(&format!(" · {shown} shown (--limit 0 shows all)"));
    }
    s
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn bold_wraps_ranges_and_controls_are_blanked() {
        assert_eq!(
            highlight("café ok", &[0..2, 3..4], true),
            "\x1b[1mca\x1b[22mf\x1b[1mé\x1b[22m ok"
        );
        assert_eq!(highlight("a\x1bb\u{202e}", &[0..1], false), "a␛b<U+202E>");
        assert_eq!(highlight("日本", &[1..2], true), "日\x1b[1m本\x1b[22m");
    }
}
