//! The Matrix section: LAs (or, after `r`, centres) × themes counted by the search engine with the
//! app's kind and source filters ([`crate::analysis::Matrix`]). The counts
//! are computed in `update` when the section is shown and the filters (or
//! the notes) have changed since, never while drawing. A cursor moves over
//! the cells, `s` sorts the rows by the selected column, and Enter opens
//! the cell's passages as a list (Esc returns to the grid).

use crate::analysis::{Matrix, Rows};
use crate::search::{Filters, Query};

use super::action::Action;
use super::nav::{NavItem, Section};
use super::state::{Focus, State};
use super::view::Entry;

/// The matrix, its cursor and sort, and the open cell's passages.
#[derive(Debug, Clone, Default)]
pub struct MatrixState {
    pub data: Matrix,
    /// What the rows are: LAs (the default) or centres.
    pub rows_of: Rows,
    /// The filters `data` was counted with; `None`: never, or stale.
    pub counted: Option<Filters>,
    /// Selected row, as a position in `order`.
    pub row: usize,
    /// Selected column (theme).
    pub col: usize,
    /// The column the rows are sorted by (largest first), if any.
    pub sort: Option<usize>,
    /// Row indices of `data` in display order.
    pub order: Vec<usize>,
    /// The cell whose passages are listed: (row of `data`, column).
    pub open: Option<(usize, usize)>,
    /// The open cell's documents, as the search engine returns them.
    pub cell: Vec<Entry>,
}

impl MatrixState {
    /// The selected cell as (row of `data`, column).
    pub fn selected(&self) -> Option<(usize, usize)> {
        self.order.get(self.row).map(|&r| (r, self.col))
    }
}

/// The filters the matrix is counted with: kind and source for every
/// count; the theme filter chooses the columns.
fn base(state: &State) -> Filters {
    let f = state.search_filters();
    Filters {
        kinds: f.kinds,
        sources: f.sources,
        themes: f.themes,
        ..Filters::default()
    }
}

fn showing(state: &State) -> bool {
    state.nav_item() == Some(NavItem::Section(Section::Matrix))
}

/// Recount when the Matrix section is shown and its filters changed.
pub(crate) fn refresh(state: &mut State) {
    if !showing(state) {
        state.matrix.open = None;
        return;
    }
    let base = base(state);
    if state.matrix.counted.as_ref() == Some(&base) && state.matrix.data.rows_of == state.matrix.rows_of {
        return;
    }
    // Notes saved since the index was built are counted too.
    state.ensure_search_index();
    // Counted when the index arrives (see `index_job`).
    let Some(searcher) = &state.searcher else {
        return;
    };
    let data = Matrix::compute(&state.ds, searcher.index(), state.matrix.rows_of, &base);
    let m = &mut state.matrix;
    m.col = m.col.min(data.columns.len().saturating_sub(1));
    m.row = m.row.min(data.rows.len().saturating_sub(1));
    m.order = data.order(m.sort);
    m.data = data;
    m.counted = Some(base);
    if let Some((r, c)) = m.open {
        open_cell(state, r, c);
    }
}

/// Handle an action meant for the matrix grid; `false` leaves it to the
/// ordinary pane handling (the open cell's list is an ordinary list).
pub(crate) fn handle(state: &mut State, action: Action) -> bool {
    if state.focus != Focus::Pane || !showing(state) {
        return false;
    }
    if state.matrix.open.is_some() {
        if action == Action::Back {
            state.matrix.open = None;
            state.matrix.cell.clear();
            state.list_selected = 0;
            return true;
        }
        return false;
    }
    let rows = state.matrix.data.rows.len();
    let cols = state.matrix.data.columns.len();
    let m = &mut state.matrix;
    let page = usize::from(state.size.1.saturating_sub(8)).max(1);
    match action {
        Action::Up => m.row = m.row.saturating_sub(1),
        Action::Down => m.row = (m.row + 1).min(rows.saturating_sub(1)),
        Action::PageUp | Action::HalfPageUp => m.row = m.row.saturating_sub(page),
        Action::PageDown | Action::HalfPageDown => m.row = (m.row + page).min(rows.saturating_sub(1)),
        Action::Top => m.row = 0,
        Action::Bottom => m.row = rows.saturating_sub(1),
        Action::Left if m.col > 0 => m.col -= 1,
        Action::Left => state.focus = Focus::Nav,
        Action::Right => m.col = (m.col + 1).min(cols.saturating_sub(1)),
        Action::MatrixRows => {
            // A new set of rows (recounted in `refresh`, which compares
            // them with the counted ones): cursor, sort and open cell reset.
            m.rows_of = match m.rows_of {
                Rows::La => Rows::Centre,
                Rows::Centre => Rows::La,
            };
            m.row = 0;
            m.sort = None;
            m.open = None;
        }
        Action::Sort => {
            m.sort = if m.sort == Some(m.col) { None } else { Some(m.col) };
            m.order = m.data.order(m.sort);
            m.row = 0;
        }
        Action::Select => {
            if let Some((r, c)) = m.selected() {
                open_cell(state, r, c);
                state.list_selected = 0;
                let m = &state.matrix;
                state.status = Some(format!(
                    "{} × {}: {} (Esc: back to the matrix)",
                    m.data.row_names[r],
                    m.data.column_labels[c],
                    count_words(m.cell.len())
                ));
            }
        }
        _ => return false,
    }
    true
}

fn count_words(n: usize) -> String {
    if n == 1 {
        "1 passage".into()
    } else {
        format!("{n} passages")
    }
}

/// List the documents of cell (`r`, `c`) by searching with its filters.
fn open_cell(state: &mut State, r: usize, c: usize) {
    let Some(filters) = state.matrix.data.cell(&base(state), r, c) else {
        state.matrix.open = None;
        return;
    };
    let passages = state.ds.passages.len();
    let Some(searcher) = &state.searcher else {
        state.matrix.open = None;
        return;
    };
    let hits = searcher.index().search(&Query::default(), &filters, 0);
    state.matrix.cell = hits
        .into_iter()
        .map(|h| {
            if h.doc < passages {
                Entry::Passage(h.doc)
            } else {
                Entry::Note(h.id)
            }
        })
        .collect();
    state.matrix.open = Some((r, c));
}
