//! `E`'s search-results case: with the search box open, Ctrl-x (`E` types
//! a letter there) writes every match of the query, best first, as
//! Markdown and CSV. The whole list is exported, not only the hits the
//! list has built so far; loose matches (scattered letters) come last,
//! under their own heading and marked `loose` in the CSV, as the list shows
//! them. The filters in force are written with the query.

use crate::analysis::describe_filters;
use crate::dataset::slug;

use super::export::{Files, csv_line, entry_parts};
use super::state::State;
use super::view::Entry;

/// The query's matches as files, or `None` when there is nothing to write.
pub(super) fn files(state: &mut State) -> Option<Files> {
    let query = state.search.query().trim().to_string();
    if query.is_empty() || state.search.error.is_some() {
        return None;
    }
    // Every hit, loose ones included: the list looks for loose matches
    // and builds hits lazily, as it scrolls. The box's counts follow.
    let searcher = state.searcher.as_mut()?;
    searcher.find_loose();
    let total = searcher.total();
    state.search.total = total;
    state.search.loose = searcher.loose();
    let hits = searcher.more(total).to_vec();
    if hits.is_empty() {
        return None;
    }
    let passages = state.ds.passages.len();
    let filters = describe_filters(&state.search_filters());
    let loose = hits.iter().filter(|h| h.quality.is_loose()).count();
    let good = hits.len() - loose;
    let noun = if good == 1 { "match" } else { "matches" };
    let mut md = format!("# Search: {query}\n\n*{filters} · {good} {noun} · {loose} loose*\n\n");
    let mut csv = csv_line(&["rank", "quality", "id", "kind", "title", "las", "text", "source"].map(String::from));
    let mut loose_heading = false;
    for (rank, hit) in hits.iter().enumerate() {
        let entry = if hit.doc < passages {
            Entry::Passage(hit.doc)
        } else {
            Entry::Note(hit.id.clone())
        };
        let Some((id, kind, title, text, source)) = entry_parts(&state.ds, state, &entry) else {
            continue;
        };
        let las: Vec<String> = hit
            .las
            .iter()
            .map(|la| state.ds.la(la).map_or(la.clone(), |l| l.name.clone()))
            .collect();
        let quality = if hit.quality.is_loose() { "loose" } else { "match" };
        if rank == 0 && !hit.quality.is_loose() {
            md.push_str("## Matches\n\n");
        }
        if hit.quality.is_loose() && !loose_heading {
            md.push_str("## Loose matches (scattered letters)\n\n");
            loose_heading = true;
        }
        md.push_str(&format!("### {}. {title}\n\n*{kind} `{id}`", rank + 1));
        if !las.is_empty() {
            md.push_str(&format!(" · {}", las.join(", ")));
        }
        md.push_str("*\n\n");
        if !text.is_empty() {
            md.push_str(&format!("{text}\n\n"));
        }
        if !source.is_empty() {
            md.push_str(&format!("*Source: {source}*\n\n"));
        }
        csv.push_str(&csv_line(&[
            (rank + 1).to_string(),
            quality.into(),
            id,
            kind,
            title,
            las.join("; "),
            text,
            source,
        ]));
    }
    // A readable, bounded file name whatever the query's characters.
    let mut words: String = slug(&query).chars().take(40).collect();
    words = words.trim_end_matches('-').to_string();
    if words.is_empty() {
        words = "query".into();
    }
    let stem = format!("casebook-search-{words}");
    Some((stem, vec![("md", md), ("csv", csv)]))
}
