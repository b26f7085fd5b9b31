//! Lists of passages to choose from: `c` lists every caveat touching the
//! selected row or cell of a table (or of the Wards and Centres tables),
//! and Enter on a glossary term lists the passages that use the term or
//! its expansion. Enter opens the chosen passage in the reader; Esc there
//! comes back to the list.

use crate::dataset::{Area, Kind, Passage, sorted_rows};

use super::grid::{self, ColKind};
use super::state::{Choice, Overlay, Readable, State};
use super::view::{self, PaneKind};

/// The caveats touching the selected cell first, then the rest of the
/// selected row's, without repeats: `(table, area, column)` of the cell.
fn touching(state: &State, cells: &[(String, Area, Option<usize>)]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let caveats = || {
        state
            .ds
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == Kind::Caveat)
    };
    // Pass 1: the cell itself; pass 2: anything on the row.
    for exact in [true, false] {
        for (i, p) in caveats() {
            let hit = p.table_refs().any(|r| {
                cells.iter().any(|(t, a, c)| {
                    r.table == *t && r.area.as_ref() == Some(a) && (!exact || (c.is_some() && r.column == *c))
                })
            });
            if hit && !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// The caveats touching the table row (or Wards/Centres row) under the
/// cursor, those on the selected cell first.
pub fn row_caveats(state: &State) -> Vec<usize> {
    if let PaneKind::Table(id) = view::pane_kind(state) {
        let Some(t) = state.ds.table(&id) else {
            return Vec::new();
        };
        let order = sorted_rows(t, state.table.sort, state.table.desc);
        let Some(row) = order.get(state.table.row).map(|&r| &t.rows[r]) else {
            return Vec::new();
        };
        return touching(state, &[(t.id.clone(), row.area.clone(), Some(state.table.col))]);
    }
    let Some(g) = view::area_grid(state) else {
        return Vec::new();
    };
    let area = match view::entries(state).get(state.list_selected) {
        Some(view::Entry::Ward(id)) => Area::Ward(id.clone()),
        Some(view::Entry::Centre(id)) => Area::Centre(id.clone()),
        _ => return Vec::new(),
    };
    // The selected column first, then every other column's source row (the
    // LA figures live on the group's first row of Table A.4).
    let sel = state.table.col.min(g.cols.len().saturating_sub(1));
    let mut cells = Vec::new();
    for i in std::iter::once(sel).chain((0..g.cols.len()).filter(|&i| i != sel)) {
        let c = &g.cols[i];
        if matches!(c.kind, ColKind::Bar(_)) {
            continue;
        }
        let src = grid_source_area(state, c, &area);
        if let Some(src) = src {
            let col = if i == sel { Some(c.column) } else { None };
            cells.push((c.table.to_string(), src, col));
        }
    }
    touching(state, &cells)
}

/// The area whose table row holds a Wards/Centres column's figure.
fn grid_source_area(state: &State, c: &grid::GridCol, area: &Area) -> Option<Area> {
    let t = state.ds.table(c.table)?;
    let own = t.rows.iter().find(|r| &r.area == area)?;
    match c.kind {
        ColKind::La => t
            .rows
            .iter()
            .find(|r| r.group.is_some() && r.group == own.group)
            .map(|r| r.area.clone()),
        _ => Some(own.area.clone()),
    }
}

/// `c`: open the one caveat touching the row, or list them all.
pub fn show_caveats(state: &mut State) {
    let items = row_caveats(state);
    match items.as_slice() {
        [] => state.status = Some("No caveat touches this row".into()),
        [one] => open_reader(state, *one, None),
        _ => {
            state.overlay = Some(Overlay::Choice(Choice {
                title: format!("{} caveats touch this row (the selected cell's first)", items.len()),
                items,
                selected: 0,
            }))
        }
    }
}

/// Whether `text` uses `word` as a whole word (case-sensitive when `exact`).
#[cfg(test)]
fn uses(text: &str, word: &str, exact: bool) -> bool {
    if exact {
        has_word(text, word)
    } else {
        has_word(&text.to_lowercase(), &word.to_lowercase())
    }
}

/// Whether `hay` holds `needle` as a whole word, exactly as written.
fn has_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = end;
    }
    false
}

/// Passages whose title or text uses a glossary term: the abbreviation as
/// written (a whole word, same case) or its expansion (any case, matched
/// in the passages' lowercased text, which is lowercased once a run).
pub fn passages_using(state: &State, glossary: usize) -> Vec<usize> {
    let Some(g) = state.ds.glossary.get(glossary) else {
        return Vec::new();
    };
    let lowered = state.lookup.lowered(&state.ds);
    let expansion = g.expansion.to_lowercase();
    let hit = |i: usize, p: &Passage| {
        [&p.title, &p.text].iter().any(|t| has_word(t, &g.abbr)) || lowered[i].iter().any(|t| has_word(t, &expansion))
    };
    state
        .ds
        .passages
        .iter()
        .enumerate()
        .filter(|&(i, p)| hit(i, p) && view::passes(state, p))
        .map(|(i, _)| i)
        .collect()
}

/// Enter on a glossary term: list the passages that use it.
pub fn show_glossary(state: &mut State, glossary: usize) {
    let items = passages_using(state, glossary);
    let Some(g) = state.ds.glossary.get(glossary) else {
        return;
    };
    if items.is_empty() {
        state.status = Some(format!("No passage uses {} or “{}”", g.abbr, g.expansion));
        return;
    }
    state.overlay = Some(Overlay::Choice(Choice {
        title: format!("{} passages use {} ({})", items.len(), g.abbr, g.expansion),
        items,
        selected: 0,
    }));
}

/// Open a passage in the reader; `back` is the list Esc returns to.
pub fn open_reader(state: &mut State, passage: usize, back: Option<Choice>) {
    state.reader_back = back;
    state.overlay = Some(Overlay::Reader {
        item: Readable::Passage(passage),
        scroll: 0,
    });
}

#[cfg(test)]
mod tests {
    use super::uses;

    #[test]
    fn whole_words_only() {
        assert!(uses("claims IB.", "IB", true));
        assert!(!uses("IBIS", "IB", true));
        assert!(!uses("claims ib", "IB", true));
        assert!(uses("Incapacity Benefit claimants", "incapacity benefit", false));
    }
}
