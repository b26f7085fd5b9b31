//! Adding, editing and deleting field notes from the app. Every change is
//! saved at once by the notes store; when a save fails the editor stays
//! open with the text (and its draft), so nothing the user wrote is lost.
//! After every change the selection follows the note it concerns.

use crate::notes::{NotesError, Target};

use super::derived::{self, current_entries};
use super::drafts;
use super::nav::NavItem;
use super::notes_delta::Before;
use super::state::{Editor, Focus, Overlay, Readable, State};
use super::view::{self, Entry, PaneKind};

/// What `a` attaches a note to, from the selection.
fn target(state: &State) -> Target {
    if let Some(Overlay::Reader {
        item: Readable::Passage(i),
        ..
    }) = &state.overlay
    {
        return Target::Passage(state.ds.passages[*i].id.clone());
    }
    if state.focus == Focus::Pane && view::pane_kind(state) == PaneKind::List {
        match current_entries(state).get(state.list_selected) {
            Some(Entry::Passage(i)) => return Target::Passage(state.ds.passages[*i].id.clone()),
            Some(Entry::Ward(w)) => return Target::Ward(w.clone()),
            Some(Entry::Centre(c)) => return Target::Centre(c.clone()),
            _ => {}
        }
    }
    match state.nav_item() {
        Some(NavItem::La(id)) => Target::La(id),
        Some(NavItem::Centre(id)) => Target::Centre(id),
        Some(NavItem::Ward(id)) => Target::Ward(id),
        _ => Target::None,
    }
}

/// Whether notes can be changed; says why not in the status bar.
fn writable(state: &mut State) -> bool {
    if state.notes.read_only() {
        state.status = Some(format!(
            "Notes are read-only: {} has no write permission",
            state.notes.path().display()
        ));
        return false;
    }
    true
}

pub fn add(state: &mut State) {
    if !writable(state) {
        return;
    }
    let target = target(state);
    let themes = state.filters.themes.iter().cloned().collect();
    drafts::editor_opened(state);
    state.overlay = Some(Overlay::Editor(Editor::new(target, None, "", themes, "")));
}

fn selected_note(state: &State) -> Option<String> {
    if let Some(Overlay::Reader {
        item: Readable::Note(id),
        ..
    }) = &state.overlay
    {
        return Some(id.clone());
    }
    match current_entries(state).get(state.list_selected) {
        Some(Entry::Note(id)) if state.focus == Focus::Pane => Some(id.clone()),
        _ => None,
    }
}

pub fn edit(state: &mut State) {
    let Some(id) = selected_note(state) else {
        state.status = Some("Select a note to edit (Notes tab or Notes section)".into());
        return;
    };
    if !writable(state) {
        return;
    }
    let Some(note) = state.notes.get(&id) else { return };
    let ed = Editor::new(
        note.target.clone(),
        Some(id),
        &note.text,
        note.themes.clone(),
        &note.text,
    );
    drafts::editor_opened(state);
    state.overlay = Some(Overlay::Editor(ed));
}

pub fn delete(state: &mut State) {
    match selected_note(state) {
        Some(_) if !writable(state) => {}
        Some(note) => state.overlay = Some(Overlay::ConfirmDelete { note, scroll: 0 }),
        None => state.status = Some("Select a note to delete (Notes tab or Notes section)".into()),
    }
}

pub fn confirm_delete(state: &mut State, id: &str) {
    state.overlay = None;
    // The note that takes its place in the list: the next one, else the previous.
    let list = current_entries(state);
    let at = list.iter().position(|e| matches!(e, Entry::Note(n) if n == id));
    let neighbour = at.and_then(|i| list.get(i + 1).or_else(|| i.checked_sub(1).and_then(|j| list.get(j))));
    let neighbour = match neighbour {
        Some(Entry::Note(n)) => Some(n.clone()),
        _ => None,
    };
    let before = Before::of(&state.notes, Some(id));
    match state.notes.remove(id) {
        Ok(()) => {
            state.status = Some("Note deleted".into());
            state.note_changed(before.removed(&state.notes));
            match neighbour {
                Some(n) => select_note(state, &n),
                None => clamp_selection(state),
            }
        }
        Err(e) => state.status = Some(format!("Not deleted: {e}")),
    }
}

/// Save text as a note: an edit of `note` when it still exists (deleted
/// elsewhere meanwhile: a new note, so the words are kept), else a new note.
/// Returns the note's id, with the derived views brought up to date.
pub(crate) fn store_note(
    state: &mut State,
    note: Option<String>,
    target: Target,
    text: &str,
    themes: Vec<String>,
) -> Result<String, NotesError> {
    let before = Before::of(&state.notes, note.as_deref());
    let id = match note {
        Some(id) => match state.notes.update(&id, text, themes.clone()) {
            Ok(()) => Ok(id),
            Err(NotesError::NotFound { .. }) => state.notes.add(target, text, themes).map(|n| n.id),
            Err(e) => Err(e),
        },
        None => state.notes.add(target, text, themes).map(|n| n.id),
    }?;
    state.note_changed(before.saved(&state.notes, &id));
    Ok(id)
}

/// Save the editor's note; on failure keep the editor (and the text) open.
pub fn save(state: &mut State) {
    let Some(Overlay::Editor(ed)) = &state.overlay else {
        return;
    };
    let text = ed.text.text();
    if text.trim().is_empty() {
        state.overlay = None;
        drafts::editor_closed(state);
        state.status = Some("Empty note: nothing saved".into());
        return;
    }
    let (note, target, themes) = (ed.note.clone(), ed.target.clone(), ed.themes.clone());
    match store_note(state, note, target, &text, themes) {
        Ok(id) => {
            state.overlay = None;
            drafts::editor_closed(state);
            state.status = Some("Note saved".into());
            select_note(state, &id);
        }
        Err(e) => {
            if let Some(Overlay::Editor(ed)) = &mut state.overlay {
                ed.closing = false;
            }
            state.status = Some(format!("Not saved (your text is kept as a draft): {e}"));
            let _ = drafts::write(state);
        }
    }
}

/// Put the list selection on note `id` where the current list shows it.
pub(crate) fn select_note(state: &mut State, id: &str) {
    derived::refresh(state);
    match derived::position_of_note(state, id) {
        Some(i) => {
            state.list_selected = i;
            state.highlight = None;
        }
        None => clamp_selection(state),
    }
}

fn clamp_selection(state: &mut State) {
    derived::refresh(state);
    let len = current_entries(state).len();
    state.list_selected = state.list_selected.min(len.saturating_sub(1));
}

/// Pick up notes written by other processes; the selected note stays selected.
pub fn reload(state: &mut State) {
    let selected = match current_entries(state).get(state.list_selected) {
        Some(Entry::Note(id)) => Some(id.clone()),
        _ => None,
    };
    match state.notes.reload() {
        Ok(true) => {
            state.reindex_notes();
            match selected {
                Some(id) => select_note(state, &id),
                None => clamp_selection(state),
            }
        }
        Ok(false) => {}
        Err(e) => state.status = Some(format!("Notes file problem: {e}")),
    }
}
