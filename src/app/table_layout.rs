//! The table view's derived layout, kept in [`State`] so a key press or a
//! frame on a 3,600-row table costs what it does on a 36-row one: each
//! row's label (with its `!` caveat mark), LA name and figure cells (with
//! `†`), the widest cell of each column, and the rows' sorted order. The
//! cells are rebuilt in `update` only when the table shown changes, the
//! order only when the table or its sort changes; the renderer draws only
//! the rows in view from them.

use unicode_width::UnicodeWidthStr;

use crate::dataset::{Area, Level, Table, sorted_rows};
use crate::sanitize::line;

use super::state::State;
use super::view::{self, PaneKind};

/// One figure column's cells (text with its `†` or space, and whether the
/// figure is missing) and its widest cell.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutCol {
    pub cells: Vec<(String, bool)>,
    pub widest: usize,
}

/// A table's rows ready to draw, in the table's own row order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableLayout {
    pub table: String,
    /// Each row's label column: `! ` when a caveat points at the row, the
    /// label, then its markers.
    pub labels: Vec<String>,
    pub labels_widest: usize,
    /// Each row's LA (ward and centre tables only; empty for LA tables).
    pub las: Vec<String>,
    pub las_widest: usize,
    pub cols: Vec<LayoutCol>,
    /// Rows that are the GB row (a rule is drawn before them).
    pub gb: Vec<usize>,
    /// The sort the order was computed for, and the order (row indices).
    pub sort: (Option<usize>, bool),
    pub order: Vec<usize>,
}

/// Every (area, column) a caveat points at in this table.
pub fn caveat_marks(state: &State, t: &Table) -> Vec<(Option<Area>, Option<usize>)> {
    state
        .lookup
        .caveats()
        .iter()
        .flat_map(|&i| state.ds.passages[i].table_refs())
        .filter(|r| r.table == t.id)
        .map(|r| (r.area.clone(), r.column))
        .collect()
}

/// The LA name of a table row, for ward- and centre-level tables.
pub fn row_la(state: &State, area: &Area) -> String {
    match area {
        Area::Gb => "GB".into(),
        a => state.ds.area_name(&Area::La(state.lookup.la_id(a).to_string())),
    }
}

fn widest<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    cells.map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The layout of table `t` sorted by the table view's sort.
pub fn build(state: &State, t: &Table) -> TableLayout {
    let marks = caveat_marks(state, t);
    let labels: Vec<String> = t
        .rows
        .iter()
        .map(|row| {
            let flagged = marks.iter().any(|(a, c)| a.as_ref() == Some(&row.area) && c.is_none());
            format!(
                "{}{}{}",
                if flagged { "! " } else { "  " },
                line(&row.label),
                row.markers.concat()
            )
        })
        .collect();
    let las: Vec<String> = if t.level == Level::La {
        Vec::new()
    } else {
        t.rows.iter().map(|r| line(&row_la(state, &r.area))).collect()
    };
    let cols = (0..t.columns.len())
        .map(|ci| {
            let cells: Vec<(String, bool)> = t
                .rows
                .iter()
                .map(|row| {
                    let cell = row.cells.get(ci).cloned().flatten();
                    let touched = marks
                        .iter()
                        .any(|(a, c)| a.as_ref() == Some(&row.area) && *c == Some(ci));
                    let text = format!(
                        "{}{}",
                        cell.as_deref().map_or("–".to_string(), line),
                        if touched { "†" } else { " " }
                    );
                    (text, cell.is_none())
                })
                .collect();
            let widest = widest(cells.iter().map(|(s, _)| s.as_str()));
            LayoutCol { cells, widest }
        })
        .collect();
    let sort = (state.table.sort, state.table.desc);
    TableLayout {
        table: t.id.clone(),
        labels_widest: widest(labels.iter().map(String::as_str)),
        labels,
        las_widest: widest(las.iter().map(String::as_str)),
        las,
        cols,
        gb: (0..t.rows.len()).filter(|&i| t.rows[i].area == Area::Gb).collect(),
        order: sorted_rows(t, sort.0, sort.1),
        sort,
    }
}

/// Whether `layout` is the one for the table shown, under the current sort.
pub fn is_current(state: &State, layout: &TableLayout, id: &str) -> bool {
    layout.table == id && layout.sort == (state.table.sort, state.table.desc)
}

/// Bring the kept layout up to date with the table shown (dropping it when
/// no table is shown): the cells only when the table changed, the order
/// only when the sort changed.
pub fn refresh(state: &mut State) {
    let PaneKind::Table(id) = view::pane_kind(state) else {
        state.table_layout = None;
        return;
    };
    let Some(t) = state.ds.table(&id) else {
        state.table_layout = None;
        return;
    };
    let sort = (state.table.sort, state.table.desc);
    match state.table_layout.take() {
        Some(mut l) if l.table == id => {
            if l.sort != sort {
                l.order = sorted_rows(t, sort.0, sort.1);
                l.sort = sort;
            }
            state.table_layout = Some(l);
        }
        _ => state.table_layout = Some(build(state, t)),
    }
}
