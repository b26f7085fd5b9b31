//! The cases × themes matrix: rows are LAs (or centres), columns are
//! themes, and a cell is how many documents (passages, and field notes in
//! the index) the search engine returns for that row and theme with the
//! same kind and source filters. Every count is what a search with an
//! empty query returns (counted in one pass by [`SearchIndex::tally`],
//! which decides with search's own filter lists), so a cell always equals `casebook search --la LA --theme T
//! --limit 0` (or `--centre C`) with the same filters.
//!
//! Totals count each document once: a row's total is the documents of that
//! row coded with any theme (`--la LA --theme T1 --theme T2 …`), a column's
//! the documents coded with that theme about any row, so they are not the
//! sums of the cells (a passage with two themes is in two cells).

use crate::dataset::Dataset;
use crate::search::{Filters, Scope, SearchIndex, Tally, doc_label};

/// What the matrix's rows are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Rows {
    #[default]
    La,
    Centre,
}

impl Rows {
    /// The CSV header and JSON key of the row id: `la` or `centre`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rows::La => "la",
            Rows::Centre => "centre",
        }
    }

    /// The rows' heading for people: `LA` or `Centre`.
    pub fn label(self) -> &'static str {
        match self {
            Rows::La => "LA",
            Rows::Centre => "Centre",
        }
    }
}

/// The counted matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    pub rows_of: Rows,
    /// Row ids (LA or centre ids), in dataset order.
    pub rows: Vec<String>,
    /// Row names for people (LA or centre names).
    pub row_names: Vec<String>,
    /// Theme ids, in dataset order.
    pub columns: Vec<String>,
    /// Theme labels.
    pub column_labels: Vec<String>,
    /// `counts[row][column]`.
    pub counts: Vec<Vec<usize>>,
    /// Documents of each row coded with any theme (each once).
    pub row_totals: Vec<usize>,
    /// Documents coded with each theme about any row (each once).
    pub column_totals: Vec<usize>,
    /// Documents about any row coded with any theme (each once).
    pub total: usize,
    /// The largest cell, for shading.
    pub max: usize,
}

impl Matrix {
    /// Count every cell and total with `index`. The kind and source
    /// filters of `base` apply to every count; its theme filter (and LA or
    /// centre filter, for those rows) chooses the columns (rows) shown,
    /// all of them when empty.
    pub fn compute(ds: &Dataset, index: &SearchIndex, rows_of: Rows, base: &Filters) -> Matrix {
        let keep = |ids: &[String], id: &str| ids.is_empty() || ids.iter().any(|x| x == id);
        let (rows, row_names): (Vec<String>, Vec<String>) = match rows_of {
            Rows::La => ds
                .las
                .iter()
                .filter(|l| keep(&base.las, &l.id))
                .map(|l| (l.id.clone(), l.name.clone()))
                .unzip(),
            Rows::Centre => ds
                .centres
                .iter()
                .filter(|c| keep(&base.centres, &c.id))
                .map(|c| (c.id.clone(), c.name.clone()))
                .unzip(),
        };
        let (columns, column_labels): (Vec<String>, Vec<String>) = ds
            .themes
            .iter()
            .filter(|t| keep(&base.themes, &t.id))
            .map(|t| (t.id.clone(), t.label.clone()))
            .unzip();
        // One pass over the documents, with the entity lists search's
        // filters use, so each cell equals its search (tested for all).
        let scope = match rows_of {
            Rows::La => Scope::La,
            Rows::Centre => Scope::Centre,
        };
        let Tally {
            counts,
            row_totals,
            column_totals,
            total,
        } = index.tally(base, scope, &rows, &columns);
        let max = counts.iter().flatten().copied().max().unwrap_or(0);
        Matrix {
            rows_of,
            rows,
            row_names,
            columns,
            column_labels,
            counts,
            row_totals,
            column_totals,
            total,
            max,
        }
    }

    /// The filters whose search lists the documents of one cell.
    pub fn cell(&self, base: &Filters, row: usize, column: usize) -> Option<Filters> {
        let r = self.rows.get(row)?;
        let t = self.columns.get(column)?;
        Some(cell_filters(
            base,
            self.rows_of,
            std::slice::from_ref(r),
            std::slice::from_ref(t),
        ))
    }

    /// Row indices ordered by a column's count, largest first (ties in
    /// dataset order); `None`: dataset order.
    pub fn order(&self, by: Option<usize>) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        if let Some(c) = by {
            order.sort_by_key(|&r| std::cmp::Reverse(self.counts[r].get(c).copied().unwrap_or(0)));
        }
        order
    }
}

/// The kind and source filters in words, for headings: "every kind ·
/// source: Interim case-study summary".
pub fn describe_filters(filters: &Filters) -> String {
    let kinds = if filters.kinds.is_empty() {
        "every kind".to_string()
    } else {
        let k: Vec<&str> = filters.kinds.iter().map(|k| k.as_str()).collect();
        format!("kinds: {}", k.join(", "))
    };
    let sources = if filters.sources.is_empty() {
        "both sources".to_string()
    } else {
        let s: Vec<&str> = filters.sources.iter().map(|d| doc_label(*d)).collect();
        format!("source: {}", s.join(", "))
    };
    format!("{kinds} · {sources}")
}

/// `base`'s kind and source filters with these rows and themes.
fn cell_filters(base: &Filters, rows_of: Rows, rows: &[String], themes: &[String]) -> Filters {
    let mut f = Filters {
        themes: themes.to_vec(),
        kinds: base.kinds.clone(),
        sources: base.sources.clone(),
        ..Filters::default()
    };
    match rows_of {
        Rows::La => f.las = rows.to_vec(),
        Rows::Centre => f.centres = rows.to_vec(),
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Document, load_bundled};

    /// The one-pass counts against a search per cell and per total, for
    /// LA and centre rows, with and without kind and source filters.
    #[test]
    fn every_count_equals_its_search() {
        use crate::dataset::Kind;
        use crate::notes::{Note, Target};
        use crate::search::Query;
        let ds = load_bundled().expect("bundled dataset");
        // Notes on a centre and on a ward, so centre rows count something.
        let note = |id: &str, target: Target, themes: &[&str]| Note {
            id: id.into(),
            target,
            text: "seen on a visit".into(),
            created: "2026-01-01T00:00:00Z".into(),
            updated: "2026-01-01T00:00:00Z".into(),
            themes: themes.iter().map(|t| t.to_string()).collect(),
        };
        let notes = [
            note(
                "n1",
                Target::Centre(ds.centres[0].id.clone()),
                &["childcare", "outreach"],
            ),
            note("n2", Target::Centre(ds.centres[4].id.clone()), &["childcare"]),
            note("n3", Target::Ward(ds.wards[0].id.clone()), &["benefits"]),
        ];
        let index = SearchIndex::new(&ds, crate::notes::to_search_docs(&notes, &ds));
        let bases = [
            Filters::default(),
            Filters {
                sources: vec![Document::Interim],
                ..Filters::default()
            },
            Filters {
                kinds: vec![Kind::BidAim, Kind::BidElement],
                ..Filters::default()
            },
        ];
        for base in &bases {
            for rows_of in [Rows::La, Rows::Centre] {
                let m = Matrix::compute(&ds, &index, rows_of, base);
                let filtered = !base.sources.is_empty() || !base.kinds.is_empty();
                assert_eq!(
                    m.total == 0,
                    filtered && rows_of == Rows::Centre,
                    "only notes are about a centre"
                );
                let count =
                    |r: &[String], t: &[String]| index.count(&Query::default(), &cell_filters(base, rows_of, r, t));
                for (r, row) in m.rows.iter().enumerate() {
                    for (c, col) in m.columns.iter().enumerate() {
                        assert_eq!(
                            m.counts[r][c],
                            count(std::slice::from_ref(row), std::slice::from_ref(col))
                        );
                    }
                    assert_eq!(m.row_totals[r], count(std::slice::from_ref(row), &m.columns));
                }
                for (c, col) in m.columns.iter().enumerate() {
                    assert_eq!(m.column_totals[c], count(&m.rows, std::slice::from_ref(col)));
                }
                assert_eq!(m.total, count(&m.rows, &m.columns));
            }
        }
    }

    #[test]
    fn totals_count_each_document_once_and_sorting_is_by_count() {
        let ds = load_bundled().expect("bundled dataset");
        let index = SearchIndex::new(&ds, Vec::new());
        let m = Matrix::compute(&ds, &index, Rows::La, &Filters::default());
        assert_eq!((m.rows.len(), m.columns.len()), (ds.las.len(), ds.themes.len()));
        for (r, row) in m.counts.iter().enumerate() {
            let max = row.iter().copied().max().unwrap_or(0);
            assert!(m.row_totals[r] >= max && m.row_totals[r] <= row.iter().sum());
        }
        assert!(m.total >= m.row_totals.iter().copied().max().unwrap_or(0));
        let order = m.order(Some(0));
        assert!(order.windows(2).all(|w| m.counts[w[0]][0] >= m.counts[w[1]][0]));
        let interim = Filters {
            sources: vec![Document::Interim],
            ..Filters::default()
        };
        let mi = Matrix::compute(&ds, &index, Rows::La, &interim);
        assert!(mi.total < m.total);
    }
}
