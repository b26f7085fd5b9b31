//! `casebook search`: the search engine from the command line.
//!
//! Text output is one block per hit (id, kind, LAs, score; title; snippet;
//! source and themes), the matched characters in bold only when stdout is a
//! terminal and `NO_COLOR` is unset or empty. JSON output is an array of
//! hits, best first: `{id, kind, la, las, centre, title, text, snippet,
//! themes, score, source, matches}`, where `la` is the first LA id or null
//! and `matches` holds `title`, `text` and `snippet` lists of `[start, end)`
//! character ranges.

use std::io::IsTerminal;
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::output::{TextJson, closest, print_json};
use super::{CliError, load_dataset};
use crate::dataset::{Dataset, Kind};
use crate::search::{Filters, Hit, SearchIndex, Searcher};

/// Arguments of `casebook search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query, in fzf syntax: terms are ANDed; 'exact, 'word', ^prefix,
    /// suffix$, !not, a | b; scopes la:, theme:, kind:, centre:, ward:.
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
    /// Show at most this many hits; 0 shows all.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = TextJson::Text)]
    pub format: TextJson,
}

pub fn run(data: Option<&Path>, args: SearchArgs) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    let filters = filters(&ds, &args)?;
    let query = args.query.join(" ");
    let mut searcher = Searcher::new(SearchIndex::new(&ds, Vec::new())).with_limit(args.limit);
    searcher
        .search(&query, &filters)
        .map_err(|e| CliError::Usage(format!("invalid query: {e}")))?;
    let index = searcher.index();
    match args.format {
        TextJson::Json => {
            let hits: Vec<Value> = searcher.hits().iter().map(|h| hit_json(h, index)).collect();
            print_json(&hits)?;
        }
        TextJson::Text => {
            let bold = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            print!("{}", text(searcher.hits(), searcher.total(), bold));
        }
    }
    Ok(ExitCode::SUCCESS)
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
    let mut kinds = Vec::new();
    for k in &args.kinds {
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
    })
}

fn ranges(r: &[Range<usize>]) -> Value {
    r.iter().map(|r| json!([r.start, r.end])).collect()
}

fn hit_json(h: &Hit, index: &SearchIndex) -> Value {
    json!({
        "id": h.id,
        "kind": h.kind.as_str(),
        "la": h.las.first(),
        "las": h.las,
        "centre": h.centre,
        "title": h.title,
        "text": index.doc(h.doc).map(|d| d.text.as_str()),
        "snippet": h.snippet,
        "themes": h.themes,
        "score": h.score,
        "source": h.source,
        "matches": {
            "title": ranges(&h.title_matches),
            "text": ranges(&h.text_matches),
            "snippet": ranges(&h.snippet_matches),
        },
    })
}

/// `s` with the characters in `ranges` in bold (when `bold`) and control
/// characters shown as spaces, so data cannot drive the terminal.
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
            out.push_str(if inside { "\x1b[1m" } else { "\x1b[22m" });
            on = inside;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    if on {
        out.push_str("\x1b[22m");
    }
    out
}

/// The text output: one block per hit, then a count.
pub(crate) fn text(hits: &[Hit], total: usize, bold: bool) -> String {
    let mut out = String::new();
    for h in hits {
        let mut head = vec![h.id.clone(), h.kind.as_str().to_string()];
        if !h.las.is_empty() {
            head.push(h.las.join(", "));
        }
        if let Some(c) = &h.centre {
            head.push(c.clone());
        }
        head.push(format!("score {}", h.score));
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
    out.push_str(&match (hits.len(), total) {
        (_, 0) => "no matches\n".to_string(),
        (n, t) if n == t => format!("{t} {}\n", if t == 1 { "match" } else { "matches" }),
        (n, t) => format!("{n} of {t} matches (--limit 0 shows all)\n"),
    });
    out
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
        assert_eq!(highlight("a\x1bb", &[0..1], false), "a b");
        assert_eq!(highlight("日本", &[1..2], true), "日\x1b[1m本\x1b[22m");
    }
}
