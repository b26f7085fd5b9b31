//! Actions while the note editor is open (and its theme picker is not):
//! typing and moving, Ctrl-s to save, Esc to close (asking first when the
//! text changed: save, discard or keep editing). Every edit marks the draft
//! for the next autosave.

use super::action::Action;
use super::drafts;
use super::editor::NoteText;
use super::notes_ops;
use super::state::{Overlay, Picker, PickerKind, State};

pub fn update(state: &mut State, action: Action) {
    let Some(Overlay::Editor(ed)) = state.overlay.as_mut() else {
        return;
    };
    if ed.closing {
        return closing(state, action);
    }
    match action {
        Action::Save => notes_ops::save(state),
        Action::Back => {
            if ed.changed() {
                ed.closing = true;
            } else {
                close(state, "Closed: nothing changed");
            }
        }
        Action::OpenThemePicker => {
            ed.picking = Some(Picker {
                kind: PickerKind::Themes,
                query: String::new(),
                selected: 0,
            })
        }
        a => {
            if ed.text.apply(a) && NoteText::edits(a) {
                state.drafts.dirty = true;
            }
        }
    }
}

/// The "save, discard or keep editing?" question after Esc on changed text.
fn closing(state: &mut State, action: Action) {
    match action {
        Action::Save => notes_ops::save(state),
        Action::Discard => close(state, "Changes discarded"),
        Action::Back => {
            if let Some(Overlay::Editor(ed)) = state.overlay.as_mut() {
                ed.closing = false;
            }
        }
        _ => {}
    }
}

fn close(state: &mut State, status: &str) {
    state.overlay = None;
    drafts::editor_closed(state);
    state.status = Some(status.into());
}
