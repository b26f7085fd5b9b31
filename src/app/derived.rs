//! Views derived from the notes and the selection, computed once per change
//! (at the end of `update`) and kept in [`State`], so a key press or a frame
//! costs the same with 20,000 notes as with 10:
//!
//! - [`NotesIndex`]: the notes newest first, and by LA, centre and ward;
//! - the entries of the current list pane ([`current_entries`]), keyed by
//!   what they depend on (navigator item, tab, filters, notes generation).

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
    generation: Option<u64>,
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
fn order(a: &Note, b: &Note) -> std::cmp::Ordering {
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

/// Bring the notes index and the current list up to date; cheap when
/// nothing they depend on changed.
pub fn refresh(state: &mut State) {
    if !state.notes_index.is_current(&state.notes) {
        state.notes_index = NotesIndex::build(&state.notes, &state.ds);
    }
    let k = key(state);
    if state.list_key.as_ref() != Some(&k) {
        state.list = view::entries(state);
        state.list_key = Some(k);
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
