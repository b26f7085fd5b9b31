//! The app's side of drafts: the open editor's text written to its own
//! draft (on `Autosave`, a second after a change, and on quit or a signal),
//! removed once saved or discarded; and drafts that earlier sessions left
//! behind offered back at start (reopen, keep as a note, discard, later).

use std::collections::VecDeque;
use std::path::Path;

use crate::notes::{Draft, DraftDir, DraftSlot, now_rfc3339};

use super::action::Action;
use super::state::{Editor, Overlay, State};

/// The draft of the open editor and the drafts waiting to be offered.
#[derive(Debug)]
pub struct Drafts {
    dir: DraftDir,
    /// The open editor's draft, once first written (or reopened).
    slot: Option<DraftSlot>,
    /// The editor changed since its draft was last written.
    pub dirty: bool,
    /// Drafts of earlier sessions, locked by this process, first on show.
    pub offers: VecDeque<(DraftSlot, Draft)>,
    /// Quit was asked once while the draft could not be written.
    pub(crate) quit_armed: bool,
}

impl Drafts {
    pub fn new(notes: &Path) -> Drafts {
        Drafts {
            dir: DraftDir::for_notes(notes),
            slot: None,
            dirty: false,
            offers: VecDeque::new(),
            quit_armed: false,
        }
    }

    /// The draft on offer now, if any.
    pub fn offered(&self) -> Option<&Draft> {
        self.offers.front().map(|(_, d)| d)
    }

    /// The open editor's draft file, once written.
    pub fn current_path(&self) -> Option<&Path> {
        self.slot.as_ref().map(DraftSlot::path)
    }
}

/// Look for drafts no running casebook owns and offer the first.
pub(crate) fn offer_orphans(state: &mut State) {
    let (found, problems) = state.drafts.dir.orphans();
    if let Some(e) = problems.first() {
        state.status = Some(format!("A draft could not be read (left as it is): {e}"));
    }
    state.drafts.offers = found.into();
    show_next_offer(state);
}

fn show_next_offer(state: &mut State) {
    state.overlay = state.drafts.offers.front().map(|_| Overlay::DraftOffer { scroll: 0 });
}

/// A new editor is open: it has no draft yet.
pub(crate) fn editor_opened(state: &mut State) {
    if let Some(slot) = state.drafts.slot.take() {
        slot.remove();
    }
    state.drafts.dirty = false;
}

/// The editor's text was saved as a note or thrown away: its draft goes.
pub(crate) fn editor_closed(state: &mut State) {
    if let Some(slot) = state.drafts.slot.take() {
        slot.remove();
    }
    state.drafts.dirty = false;
}

/// Write the open editor's draft now. `Ok(false)` when there is nothing
/// worth keeping (no editor, or nothing changed).
pub(crate) fn write(state: &mut State) -> Result<bool, crate::notes::NotesError> {
    let Some(Overlay::Editor(ed)) = &state.overlay else {
        return Ok(false);
    };
    if !ed.changed() {
        return Ok(false);
    }
    let draft = to_draft(ed);
    if state.drafts.slot.is_none() {
        state.drafts.slot = Some(state.drafts.dir.claim_new()?);
    }
    if let Some(slot) = &state.drafts.slot {
        slot.write(&draft)?;
    }
    state.drafts.dirty = false;
    Ok(true)
}

fn to_draft(ed: &Editor) -> Draft {
    Draft {
        target: ed.target.clone(),
        note: ed.note.clone(),
        themes: ed.themes.clone(),
        text: ed.text.text(),
        saved: now_rfc3339(),
    }
}

/// `Autosave`: write the draft if the editor changed since the last write.
pub(crate) fn autosave(state: &mut State) {
    if !state.draft_pending() {
        return;
    }
    if let Err(e) = write(state) {
        state.status = Some(format!("Draft not saved: {e}"));
    }
}

/// Before quitting (`q`, Ctrl-c, a signal, a lost terminal): keep the
/// editor's text as a draft. False when it could not be written.
pub(crate) fn keep_for_later(state: &mut State) -> bool {
    match write(state) {
        Ok(_) => true,
        Err(e) => {
            state.status = Some(format!(
                "Draft not saved: {e}. Save the note (Ctrl-s) or press Ctrl-c again to quit without it"
            ));
            false
        }
    }
}

/// Keys while a draft is on offer.
pub(crate) fn update_offer(state: &mut State, scroll: u16, action: Action) {
    match action {
        Action::Reopen => reopen(state),
        Action::Save => keep_as_note(state),
        Action::Discard => {
            if let Some((slot, _)) = state.drafts.offers.pop_front() {
                slot.remove();
            }
            state.status = Some("Draft discarded".into());
            show_next_offer(state);
        }
        Action::Back => {
            // Left on disk and unlocked: offered again next time.
            state.drafts.offers.pop_front();
            state.status = Some("Draft kept for later".into());
            show_next_offer(state);
        }
        Action::Down => {
            state.overlay = Some(Overlay::DraftOffer {
                scroll: scroll.saturating_add(1),
            })
        }
        Action::Up => {
            state.overlay = Some(Overlay::DraftOffer {
                scroll: scroll.saturating_sub(1),
            })
        }
        Action::PageDown => {
            state.overlay = Some(Overlay::DraftOffer {
                scroll: scroll.saturating_add(10),
            })
        }
        Action::PageUp => {
            state.overlay = Some(Overlay::DraftOffer {
                scroll: scroll.saturating_sub(10),
            })
        }
        _ => {}
    }
}

/// Open the offered draft in the editor; it keeps its draft file.
fn reopen(state: &mut State) {
    let Some((slot, d)) = state.drafts.offers.pop_front() else {
        return;
    };
    // Drafts still waiting are released: offered again next start.
    state.drafts.offers.clear();
    let saved = d
        .note
        .as_deref()
        .and_then(|id| state.notes.get(id))
        .map(|n| n.text.clone());
    let mut ed = Editor::new(d.target, d.note, &d.text, d.themes, saved.as_deref().unwrap_or(""));
    if saved.is_none() {
        // The note it edited is gone: saving makes it a new note.
        ed.note = None;
    }
    editor_opened(state);
    state.drafts.slot = Some(slot);
    state.overlay = Some(Overlay::Editor(ed));
    state.status = Some("Draft reopened".into());
}

/// Save the offered draft as a note (an edit of its note where it still exists).
fn keep_as_note(state: &mut State) {
    let Some(d) = state.drafts.offered().cloned() else {
        return;
    };
    let result = super::notes_ops::store_note(state, d.note, d.target, &d.text, d.themes);
    match result {
        Ok(id) => {
            if let Some((slot, _)) = state.drafts.offers.pop_front() {
                slot.remove();
            }
            super::notes_ops::select_note(state, &id);
            state.status = Some("Draft saved as a note".into());
            show_next_offer(state);
        }
        Err(e) => state.status = Some(format!("Draft not saved as a note (it is kept): {e}")),
    }
}
