//! Keeping the notes index current through one change made in this app (a
//! note added, edited or deleted) by inserting and removing that note's
//! positions, instead of rebuilding and re-sorting the whole index. A change
//! is applied only when the store shows exactly that change since the index
//! was built; anything else (a reload, another process's notes read during a
//! save) makes the index stale, and it is rebuilt whole.

use std::cmp::Ordering;

use crate::dataset::Dataset;
use crate::notes::{Note, NoteStore, Target, target_las};

use super::derived::{NotesIndex, order};

/// One change to the notes, as the store holds them after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteChange {
    /// A note was added: the store appends, so it is the last note.
    Added,
    /// The note at `at` was edited in place (its target cannot change).
    Edited { at: usize, target: Target },
    /// The note at `at`, about `target`, was deleted; later notes moved up.
    Removed { at: usize, target: Target },
}

/// The notes as they were before a change: how many, and where the note the
/// change concerns was (when its id was there exactly once).
#[derive(Debug, Clone)]
pub struct Before {
    len: usize,
    note: Option<(usize, Target)>,
}

impl Before {
    pub fn of(store: &NoteStore, id: Option<&str>) -> Before {
        let notes = store.notes();
        let note = id.and_then(|id| {
            let mut found = notes.iter().enumerate().filter(|(_, n)| n.id == id);
            match (found.next(), found.next()) {
                (Some((at, n)), None) => Some((at, n.target.clone())),
                _ => None,
            }
        });
        Before { len: notes.len(), note }
    }

    /// What saving note `id` turned out to be, judged from the store now:
    /// an edit in place or an addition; `None` when it looks like neither.
    pub fn saved(self, store: &NoteStore, id: &str) -> Option<NoteChange> {
        let notes = store.notes();
        match self.note {
            Some((at, target)) if notes.len() == self.len && notes.get(at).is_some_and(|n| n.id == id) => {
                Some(NoteChange::Edited { at, target })
            }
            _ if notes.len() == self.len + 1 && notes.last().is_some_and(|n| n.id == id) => Some(NoteChange::Added),
            _ => None,
        }
    }

    /// The deletion of the note this was taken for, if the store shows it.
    pub fn removed(self, store: &NoteStore) -> Option<NoteChange> {
        let (at, target) = self.note?;
        (store.notes().len() + 1 == self.len).then_some(NoteChange::Removed { at, target })
    }
}

impl NotesIndex {
    /// Apply one change; false (index untouched) when the store changed by
    /// more than that one change since the index was built.
    pub fn apply(&mut self, store: &NoteStore, ds: &Dataset, change: &NoteChange) -> bool {
        if self.generation.map(|g| g + 1) != Some(store.generation()) {
            return false;
        }
        let notes = store.notes();
        match change {
            NoteChange::Added => {
                let Some(at) = notes.len().checked_sub(1) else {
                    return false;
                };
                self.insert(notes, ds, at);
            }
            NoteChange::Edited { at, target } => {
                if *at >= notes.len() {
                    return false;
                }
                self.remove(ds, *at, target);
                self.insert(notes, ds, *at);
            }
            NoteChange::Removed { at, target } => {
                self.remove(ds, *at, target);
                self.shift_down(*at);
            }
        }
        self.generation = Some(store.generation());
        true
    }

    /// Put position `at` into every list it belongs to, in list order.
    fn insert(&mut self, notes: &[Note], ds: &Dataset, at: usize) {
        let note = &notes[at];
        let place = |list: &mut Vec<usize>| {
            let i = list.partition_point(|&j| order(&notes[j], note) == Ordering::Less);
            list.insert(i, at);
        };
        place(&mut self.newest);
        for la in target_las(ds, &note.target) {
            place(self.by_la.entry(la).or_default());
        }
        place(self.by_target.entry(note.target.clone()).or_default());
    }

    /// Take position `at` (a note about `target`) out of its lists.
    fn remove(&mut self, ds: &Dataset, at: usize, target: &Target) {
        let take = |list: &mut Vec<usize>| {
            if let Some(i) = list.iter().position(|&j| j == at) {
                list.remove(i);
            }
            list.is_empty()
        };
        take(&mut self.newest);
        for la in target_las(ds, target) {
            if self.by_la.get_mut(&la).is_some_and(take) {
                self.by_la.remove(&la);
            }
        }
        if self.by_target.get_mut(target).is_some_and(take) {
            self.by_target.remove(target);
        }
    }

    /// Positions after a deleted note's move up by one, as the store's do.
    fn shift_down(&mut self, gone: usize) {
        let lists = std::iter::once(&mut self.newest)
            .chain(self.by_la.values_mut())
            .chain(self.by_target.values_mut());
        for list in lists {
            list.iter_mut().filter(|j| **j > gone).for_each(|j| *j -= 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &NotesIndex, b: &NotesIndex) {
        assert_eq!(a.newest, b.newest);
        assert_eq!(a.by_la, b.by_la);
        assert_eq!(a.by_target, b.by_target);
    }

    /// A notes file of `n` notes over every kind of target; past 64 KB (n
    /// about 300) saves append to the journal rather than rewrite.
    fn write(path: &std::path::Path, ds: &Dataset, n: usize) {
        let mut text = String::from("[\n");
        for i in 0..n {
            let target = match i % 4 {
                0 => format!("La(\"{}\")", ds.las[i % ds.las.len()].id),
                1 => format!("Centre(\"{}\")", ds.centres[i % ds.centres.len()].id),
                2 => format!("Ward(\"{}\")", ds.wards[i % ds.wards.len()].id),
                _ => "None".to_string(),
            };
            let t = format!("2026-11-23T10:{:02}:{:02}Z", i / 60 % 60, i % 60);
            text.push_str(&format!(
                "    (id: \"n{i:06}\", target: {target}, text: \"Visit {i}: staff say the creche is full on Tuesdays and lone parents ask about jobs\", created: \"{t}\", updated: \"{t}\", themes: []),\n"
            ));
        }
        text.push_str("]\n");
        std::fs::write(path, text).unwrap();
    }

    /// Each change applied in place gives the index a full rebuild gives.
    fn check(n: usize) {
        let ds = crate::dataset::load_bundled().expect("bundled data");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        write(&path, &ds, n);
        let mut store = NoteStore::open(&path);
        let mut index = NotesIndex::build(&store, &ds);
        let mut step = |store: &NoteStore, change: Option<NoteChange>| {
            assert!(index.apply(store, &ds, &change.expect("one change")));
            same(&index, &NotesIndex::build(store, &ds));
        };
        let targets = [
            Target::La(ds.las[1].id.clone()),
            Target::Centre(ds.centres[2].id.clone()),
            Target::Ward(ds.wards[3].id.clone()),
            Target::None,
        ];
        let mut added = Vec::new();
        for t in targets {
            let before = Before::of(&store, None);
            let id = store.add(t, "new", vec![]).unwrap().id;
            step(&store, before.saved(&store, &id));
            added.push(id);
        }
        for id in ["n000002", "n000005", &added[1]] {
            let before = Before::of(&store, Some(id));
            store.update(id, "edited", vec![]).unwrap();
            step(&store, before.saved(&store, id));
        }
        for id in ["n000001", &added[0], "n000007"] {
            let before = Before::of(&store, Some(id));
            store.remove(id).unwrap();
            step(&store, before.removed(&store));
        }
    }

    #[test]
    fn changes_in_a_small_file_match_a_rebuild() {
        check(12);
    }

    #[test]
    fn changes_through_the_journal_match_a_rebuild() {
        check(400);
    }

    #[test]
    fn more_than_one_change_is_refused() {
        let ds = crate::dataset::load_bundled().expect("bundled data");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        write(&path, &ds, 5);
        let mut store = NoteStore::open(&path);
        let mut index = NotesIndex::build(&store, &ds);
        store.add(Target::None, "one", vec![]).unwrap();
        store.add(Target::None, "two", vec![]).unwrap();
        assert!(!index.apply(&store, &ds, &NoteChange::Added));
        assert!(!index.is_current(&store));
    }
}
