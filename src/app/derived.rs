//! Views derived from the notes and the selection, computed once per change
//! (at the end of `update`) and kept in [`State`], so a key press or a frame
//! costs the same with 20,000 notes as with 10:
//!
//! - [`NotesIndex`]: the notes newest first, and by LA, centre and ward,
//!   built whole after a reload and kept current through one change made in
//!   the app by `notes_delta` (no re-sort of every note per save);
//! - the entries of the current list pane ([`current_entries`]), keyed by
//!   what they depend on (navigator item, tab, filters, notes generation);
//! - an LA's Wards or Centres table (`view::area_grid`), keyed by item and tab;
//! - the navigator's per-LA counts under the filters ([`nav_count`]);
//! - the selected glossary term's passage count ([`glossary_uses`]).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::notes::{Note, NoteStore, Target, target_las};

use super::nav::NavItem;
use super::state::{Filters, State};
use super::view::{self, Entry};

/// Positions in `NoteStore::notes()`, newest (last updated) first.
#[derive(Debug, Clone, Default)]
pub struct NotesIndex {
    pub(super) generation: Option<u64>,
    pub newest: Vec<usize>,
    pub by_la: HashMap<String, Vec<usize>>,
    pub by_target: HashMap<Target, Vec<usize>>,
}

impl NotesIndex {
    /// Index the store's notes against the dataset.
    pub fn build(store: &NoteStore, ds: &Dataset) -> NotesIndex {
        let notes = store.notes();
        let mut newest: Vec<usize> = (0..notes.len()).collect();
        newest.sort_by(|&a, &b| order(&notes[a], &notes[b]));
        let mut by_la: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_target: HashMap<Target, Vec<usize>> = HashMap::new();
        // Many notes share a target: look each target's LAs up once.
        let mut las_of: HashMap<&Target, Vec<String>> = HashMap::new();
        // Keys are cloned once per distinct key, not once per note.
        for &i in &newest {
            let n = &notes[i];
            let las = las_of.entry(&n.target).or_insert_with(|| target_las(ds, &n.target));
            for la in las.iter() {
                match by_la.get_mut(la) {
                    Some(list) => list.push(i),
                    None => {
                        by_la.insert(la.clone(), vec![i]);
                    }
                }
            }
            match by_target.get_mut(&n.target) {
                Some(list) => list.push(i),
                None => {
                    by_target.insert(n.target.clone(), vec![i]);
                }
            }
        }
        NotesIndex {
            generation: Some(store.generation()),
            newest,
            by_la,
            by_target,
        }
    }

    /// Whether the index reflects the store as it is now.
    pub fn is_current(&self, store: &NoteStore) -> bool {
        self.generation == Some(store.generation())
    }

    /// The notes an item's Notes list shows, newest first (before filters).
    pub fn for_item(&self, item: &NavItem) -> &[usize] {
        let list = match item {
            NavItem::Section(super::nav::Section::Notes) => return &self.newest,
            NavItem::La(id) => self.by_la.get(id),
            NavItem::Centre(id) => self.by_target.get(&Target::Centre(id.clone())),
            NavItem::Ward(id) => self.by_target.get(&Target::Ward(id.clone())),
            _ => None,
        };
        list.map_or(&[], Vec::as_slice)
    }
}

/// Newest first: last updated, then id (descending), as lists show notes.
pub(super) fn order(a: &Note, b: &Note) -> std::cmp::Ordering {
    b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id))
}

/// What the current list's entries depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListKey {
    item: Option<NavItem>,
    tab: usize,
    filters: Filters,
    notes: u64,
    /// The Wards and Centres tables' sort (column, descending).
    sort: (Option<usize>, bool),
    /// The Matrix section's open cell, whose passages are the list.
    matrix_cell: Option<(usize, usize)>,
}

fn key(state: &State) -> ListKey {
    ListKey {
        item: state.nav_item(),
        tab: state.tab,
        filters: state.filters.clone(),
        notes: state.notes.generation(),
        sort: (state.table.sort, state.table.desc),
        matrix_cell: state.matrix.open,
    }
}

/// What the Wards or Centres table depends on: the navigator item and tab.
pub type GridKey = (Option<NavItem>, usize);

pub fn grid_key(state: &State) -> GridKey {
    (state.nav_item(), state.tab)
}

/// Bring the notes index, the Wards or Centres table and the current list
/// up to date; cheap when nothing they depend on changed.
pub fn refresh(state: &mut State) {
    if !state.notes_index.is_current(&state.notes) {
        state.notes_index = NotesIndex::build(&state.notes, &state.ds);
    }
    if !state.filters.is_empty() && state.nav_counts.as_ref().map(|(f, _)| f) != Some(&state.filters) {
        state.nav_counts = Some((state.filters.clone(), count_by_la(state)));
    }
    let g = grid_key(state);
    if state.grid_key.as_ref() != Some(&g) {
        state.grid = view::compute_area_grid(state);
        state.grid_key = Some(g);
    }
    let k = key(state);
    if state.list_key.as_ref() != Some(&k) {
        state.list = view::entries(state);
        state.list_key = Some(k);
    }
    if let Some(i) = selected_glossary(state) {
        let k = (i, state.filters.clone());
        if state.glossary_uses.as_ref().map(|(k, _)| k) != Some(&k) {
            let n = super::passages_using(state, i).len();
            state.glossary_uses = Some((k, n));
        }
    }
}

/// The glossary entry selected in the Glossary section, if that is the pane.
fn selected_glossary(state: &State) -> Option<usize> {
    if state.nav_item() != Some(NavItem::Section(super::nav::Section::Glossary)) {
        return None;
    }
    let selected = state.list_selected.min(state.list.len().checked_sub(1)?);
    match state.list.get(selected) {
        Some(Entry::Glossary(i)) => Some(*i),
        _ => None,
    }
}

/// How many passages passing the filters use glossary entry `i` (the
/// Glossary preview's count): kept per selection, else counted.
pub fn glossary_uses(state: &State, i: usize) -> usize {
    match &state.glossary_uses {
        Some(((g, f), n)) if *g == i && f == &state.filters => *n,
        _ => super::passages_using(state, i).len(),
    }
}

/// Passages per LA that pass the filters, in one pass over the passages.
fn count_by_la(state: &State) -> HashMap<String, usize> {
    let mut out: HashMap<String, usize> = HashMap::new();
    for p in state.ds.passages.iter().filter(|p| view::passes(state, p)) {
        for (k, la) in p.las.iter().enumerate() {
            if !p.las[..k].contains(la) {
                *out.entry(la.clone()).or_default() += 1;
            }
        }
    }
    out
}

/// How many of an LA's passages pass the filters (the navigator's count).
pub fn nav_count(state: &State, la: &str) -> usize {
    match &state.nav_counts {
        Some((f, counts)) if f == &state.filters => counts.get(la).copied().unwrap_or(0),
        _ => count_by_la(state).get(la).copied().unwrap_or(0),
    }
}

/// The entries of the current list pane: the kept list when it is current
/// (always, after `update`), computed afresh otherwise.
pub fn current_entries(state: &State) -> Cow<'_, [Entry]> {
    if state.list_key.as_ref() == Some(&key(state)) {
        Cow::Borrowed(&state.list)
    } else {
        Cow::Owned(view::entries(state))
    }
}

/// Where the note `id` is in the current list.
pub fn position_of_note(state: &State, id: &str) -> Option<usize> {
    current_entries(state)
        .iter()
        .position(|e| matches!(e, Entry::Note(n) if n == id))
}
