//! Field notes as search documents of kind `note`, so the one search engine
//! finds notes beside passages and the theme filter applies to both.

use super::{Note, Target, note_source, target_las};
use crate::dataset::{Dataset, Kind};
use crate::search::SearchDoc;

/// One [`SearchDoc`] per note; a passage target lends its centre and wards.
pub fn to_search_docs(notes: &[Note], ds: &Dataset) -> Vec<SearchDoc> {
    notes
        .iter()
        .map(|n| {
            let passage = match &n.target {
                Target::Passage(p) => ds.passage(p),
                _ => None,
            };
            SearchDoc {
                id: n.id.clone(),
                kind: Kind::Note,
                las: target_las(ds, &n.target),
                centre: match &n.target {
                    Target::Centre(c) => Some(c.clone()),
                    _ => passage.and_then(|p| p.centre.clone()),
                },
                wards: match &n.target {
                    Target::Ward(w) => vec![w.clone()],
                    _ => passage.map(|p| p.wards.clone()).unwrap_or_default(),
                },
                title: n.title(),
                text: n.text.clone(),
                themes: n.themes.clone(),
                source: note_source(ds, n),
            }
        })
        .collect()
}
