//! Adding, editing and deleting field notes from the app. Every change is
//! saved at once by the notes store; when a save fails the editor stays
//! open with the text, so nothing the user wrote is lost.

use crate::notes::Target;

use super::editor::TextArea;
use super::nav::NavItem;
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
        match view::entries(state).get(state.list_selected) {
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

pub fn add(state: &mut State) {
    let target = target(state);
    let themes = state.filters.themes.iter().cloned().collect();
    state.overlay = Some(Overlay::Editor(Editor {
        text: TextArea::default(),
        target,
        note: None,
        themes,
        picking: None,
    }));
}

fn selected_note(state: &State) -> Option<String> {
    if let Some(Overlay::Reader {
        item: Readable::Note(id),
        ..
    }) = &state.overlay
    {
        return Some(id.clone());
    }
    match view::entries(state).get(state.list_selected) {
        Some(Entry::Note(id)) if state.focus == Focus::Pane => Some(id.clone()),
        _ => None,
    }
}

pub fn edit(state: &mut State) {
    let Some(id) = selected_note(state) else {
        state.status = Some("Select a note to edit (Notes tab or Notes section)".into());
        return;
    };
    let Some(note) = state.notes.get(&id) else { return };
    state.overlay = Some(Overlay::Editor(Editor {
        text: TextArea::from_text(&note.text),
        target: note.target.clone(),
        note: Some(id),
        themes: note.themes.clone(),
        picking: None,
    }));
}

pub fn delete(state: &mut State) {
    match selected_note(state) {
        Some(note) => state.overlay = Some(Overlay::ConfirmDelete { note }),
        None => state.status = Some("Select a note to delete (Notes tab or Notes section)".into()),
    }
}

pub fn confirm_delete(state: &mut State, id: &str) {
    state.overlay = None;
    match state.notes.remove(id) {
        Ok(()) => {
            state.status = Some("Note deleted".into());
            state.reindex_notes();
            let len = view::entries(state).len();
            state.list_selected = state.list_selected.min(len.saturating_sub(1));
        }
        Err(e) => state.status = Some(format!("Not deleted: {e}")),
    }
}

/// Save the editor's note; on failure keep the editor (and the text) open.
pub fn save(state: &mut State) {
    let Some(Overlay::Editor(ed)) = &state.overlay else {
        return;
    };
    let text = ed.text.text();
    if text.trim().is_empty() {
        state.overlay = None;
        state.status = Some("Empty note: nothing saved".into());
        return;
    }
    let result = match &ed.note {
        Some(id) => match state.notes.update(id, &text, ed.themes.clone()) {
            // Deleted elsewhere meanwhile: keep the words as a new note.
            Err(crate::notes::NotesError::NotFound { .. }) => {
                state.notes.add(ed.target.clone(), &text, ed.themes.clone()).map(|_| ())
            }
            other => other,
        },
        None => state.notes.add(ed.target.clone(), &text, ed.themes.clone()).map(|_| ()),
    };
    match result {
        Ok(()) => {
            state.overlay = None;
            state.status = Some("Note saved".into());
            state.reindex_notes();
        }
        Err(e) => state.status = Some(format!("Not saved (your text is kept): {e}")),
    }
}

/// Pick up notes written by other processes.
pub fn reload(state: &mut State) {
    match state.notes.reload() {
        Ok(true) => {
            state.reindex_notes();
            let len = view::entries(state).len();
            state.list_selected = state.list_selected.min(len.saturating_sub(1));
        }
        Ok(false) => {}
        Err(e) => state.status = Some(format!("Notes file problem: {e}")),
    }
}
