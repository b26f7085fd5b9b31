//! Cross counts for the matrix in one pass over the documents: how many
//! documents passing the kind and source filters are about each row (LA or
//! centre) and coded with each theme. A document counts in a cell exactly
//! when a search with an empty query, that row and that theme as filters
//! would return it (the same entity lists decide), so every cell equals
//! that search's count; totals count each document once.

use super::query::{Query, Scope};
use super::{Filters, SearchIndex};

/// Counts of documents by row × column, and each once in the totals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub counts: Vec<Vec<usize>>,
    pub row_totals: Vec<usize>,
    pub column_totals: Vec<usize>,
    pub total: usize,
}

impl SearchIndex {
    /// Count, for rows of `row_scope` (`La` or `Centre`) and theme
    /// columns, the documents that pass `base`'s kind and source filters.
    pub fn tally(&self, base: &Filters, row_scope: Scope, rows: &[String], themes: &[String]) -> Tally {
        let position = |scope: Scope, ids: &[String]| {
            let mut at = vec![None; self.entities.len()];
            for (n, id) in ids.iter().enumerate() {
                if let Some(e) = self.entity_of(scope, id) {
                    at[e as usize] = Some(n);
                }
            }
            at
        };
        let row_at = position(row_scope, rows);
        let col_at = position(Scope::Theme, themes);
        let only = Filters {
            kinds: base.kinds.clone(),
            sources: base.sources.clone(),
            ..Filters::default()
        };
        let filters = self.compile(&Query::default(), &only).filters;
        let mut t = Tally {
            counts: vec![vec![0; themes.len()]; rows.len()],
            row_totals: vec![0; rows.len()],
            column_totals: vec![0; themes.len()],
            total: 0,
        };
        let (mut rs, mut cs) = (Vec::new(), Vec::new());
        for (i, p) in self.prepared.iter().enumerate() {
            if !self.passes(&filters, i) {
                continue;
            }
            let row_ids = if row_scope == Scope::Centre {
                self.centre(p)
            } else {
                self.las(p)
            };
            collect(&mut rs, row_ids, &row_at);
            collect(&mut cs, self.themes(p), &col_at);
            for &r in &rs {
                for &c in &cs {
                    t.counts[r][c] += 1;
                }
                t.row_totals[r] += usize::from(!cs.is_empty());
            }
            for &c in &cs {
                t.column_totals[c] += usize::from(!rs.is_empty());
            }
            t.total += usize::from(!rs.is_empty() && !cs.is_empty());
        }
        t
    }
}

/// The distinct positions of `ids` that are counted.
fn collect(out: &mut Vec<usize>, ids: &[u32], at: &[Option<usize>]) {
    out.clear();
    out.extend(ids.iter().filter_map(|&e| at.get(e as usize).copied().flatten()));
    out.sort_unstable();
    out.dedup();
}
