//! Field notes in the app, driven by actions with no terminal: the editor
//! (wrap, cursor, Ctrl-s, Esc that asks, word keys, paste), drafts written
//! on autosave and offered back, the selection following the note, the
//! delete prompt showing the whole note, and a read-only notes file.

mod support;

use std::sync::Arc;

use casebook::app::view::Entry;
use casebook::app::{Action, Mode, Overlay, State, keymap, mode, update};
use casebook::notes::{NoteStore, Target};
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::*;

fn ctrl(s: &mut State, c: char) {
    key(s, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn editor_text(s: &State) -> String {
    match &s.overlay {
        Some(Overlay::Editor(ed)) => ed.text.text(),
        other => panic!("no editor: {other:?}"),
    }
}

fn state_on(path: &std::path::Path) -> State {
    let ds = casebook::dataset::load_bundled().expect("bundled dataset");
    let mut s = State::new(Arc::new(ds), NoteStore::open(path));
    update(&mut s, Action::Resize(80, 24));
    s
}

/// Draw at a size; the screen as text and where the terminal cursor is.
fn draw_with_cursor(s: &mut State, w: u16, h: u16) -> (String, Option<(u16, u16)>) {
    update(s, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| casebook::ui::render(f, s, &NO_COLOR)).unwrap();
    let b = t.backend();
    let p = b.cursor_position();
    let cursor = b.cursor_visible().then_some((p.x, p.y));
    (text(b.buffer()), cursor)
}

#[test]
fn esc_closes_unchanged_and_asks_on_changed_text() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "a");
    press(s, KeyCode::Esc);
    assert!(s.overlay.is_none(), "nothing typed: Esc closes");
    typed(s, "a");
    typed(s, "draft words");
    press(s, KeyCode::Esc);
    assert_eq!(mode(s), Mode::Closing, "changed: Esc asks");
    press(s, KeyCode::Esc);
    assert_eq!(mode(s), Mode::Editor, "Esc again: keep editing");
    assert_eq!(editor_text(s), "draft words");
    press(s, KeyCode::Esc);
    typed(s, "d");
    assert!(s.overlay.is_none(), "d discards");
    assert!(s.notes.notes().is_empty());
    typed(s, "a");
    typed(s, "saved words");
    press(s, KeyCode::Esc);
    typed(s, "s");
    assert!(s.overlay.is_none());
    assert_eq!(s.notes.notes()[0].text, "saved words");
    // Editing a note and changing nothing: Esc closes without asking.
    go_to_notes(s);
    typed(s, "l");
    typed(s, "e");
    assert_eq!(editor_text(s), "saved words");
    press(s, KeyCode::Esc);
    assert!(s.overlay.is_none());
}

#[test]
fn word_keys_home_end_ctrl_s_and_paste() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "a");
    typed(s, "staff say the creche");
    key(s, KeyCode::Left, KeyModifiers::CONTROL);
    typed(s, "new ");
    assert_eq!(editor_text(s), "staff say the new creche");
    ctrl(s, 'w');
    assert_eq!(editor_text(s), "staff say the creche");
    key(s, KeyCode::Backspace, KeyModifiers::ALT);
    assert_eq!(editor_text(s), "staff say creche");
    press(s, KeyCode::Home);
    typed(s, "> ");
    key(s, KeyCode::Right, KeyModifiers::CONTROL);
    press(s, KeyCode::End);
    for act in keymap::paste_actions(mode(s), " is full\r\non Tuesdays\nand Fridays") {
        update(s, act);
    }
    assert_eq!(editor_text(s), "> staff say creche is full\non Tuesdays\nand Fridays");
    ctrl(s, 's');
    assert!(s.overlay.is_none(), "Ctrl-s saves and closes");
    assert_eq!(
        s.notes.notes()[0].text,
        "> staff say creche is full\non Tuesdays\nand Fridays"
    );
}

#[test]
fn the_editor_wraps_long_lines_and_puts_the_cursor_at_the_insertion_point() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "jjj");
    typed(s, "a");
    typed(
        s,
        "The Baytree Centre runs a job club on Tuesdays; staff say lone parents come for the creche and stay for the advice, and several have started volunteering.",
    );
    press(s, KeyCode::Enter);
    typed(s, "Second paragraph");
    for _ in 0..9 {
        press(s, KeyCode::Left);
    }
    let (screen, cursor) = draw_with_cursor(s, 80, 24);
    insta::assert_snapshot!("editor_wrapped_80x24", screen);
    assert!(screen.contains("several have started volunteering."), "{screen}");
    let (x, y) = cursor.expect("the terminal cursor is shown");
    let row: String = screen
        .lines()
        .nth(usize::from(y))
        .unwrap()
        .chars()
        .skip(usize::from(x))
        .collect();
    assert!(row.starts_with("paragraph"), "cursor before 'paragraph': {row:?}");
}

#[test]
fn autosave_writes_a_draft_that_the_next_start_offers_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let mut s = state_on(&path);
    typed(&mut s, "jjj");
    typed(&mut s, "a");
    typed(&mut s, "words to keep");
    assert!(s.draft_pending());
    update(&mut s, Action::Autosave);
    assert!(!s.draft_pending());
    let draft = s.drafts.current_path().expect("draft written").to_path_buf();
    assert!(std::fs::read_to_string(&draft).unwrap().contains("words to keep"));
    // Another window now does not offer it: this one still owns it.
    let other = state_on(&path);
    assert!(other.overlay.is_none());
    drop(other);
    drop(s); // the process ends without saving
    let mut again = state_on(&path);
    assert_eq!(mode(&again), Mode::Offer);
    let (screen, _) = draw_with_cursor(&mut again, 80, 24);
    assert!(screen.contains("words to keep"), "{screen}");
    assert!(screen.contains("A new note on Lambeth"), "{screen}");
    typed(&mut again, "r");
    assert_eq!(editor_text(&again), "words to keep");
    ctrl(&mut again, 's');
    assert_eq!(again.notes.notes()[0].target, Target::La("lambeth".into()));
    assert!(!draft.exists(), "saved: the draft is gone");
}

#[test]
fn quitting_keeps_the_draft_and_saving_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let mut s = state_on(&path);
    typed(&mut s, "a");
    typed(&mut s, "half a thought");
    ctrl(&mut s, 'c');
    assert!(s.quit);
    let draft = s.drafts.current_path().expect("Ctrl-c wrote the draft").to_path_buf();
    drop(s);
    let mut again = state_on(&path);
    assert_eq!(mode(&again), Mode::Offer);
    typed(&mut again, "d");
    assert!(again.overlay.is_none() && !draft.exists(), "discarded");
    assert!(again.notes.notes().is_empty());
}

fn selected(s: &State) -> String {
    match casebook::app::view::entries(s).get(s.list_selected) {
        Some(Entry::Note(id)) => s.notes.get(id).unwrap().text.clone(),
        other => panic!("{other:?}"),
    }
}

fn texts(s: &State) -> Vec<String> {
    casebook::app::view::entries(s)
        .iter()
        .map(|e| match e {
            Entry::Note(id) => s.notes.get(id).unwrap().text.clone(),
            other => panic!("{other:?}"),
        })
        .collect()
}

fn go_to_notes(s: &mut State) {
    use casebook::app::nav::{NavItem, Section};
    while s.nav_item() != Some(NavItem::Section(Section::Notes)) {
        let before = s.nav_selected;
        typed(s, "j");
        assert_ne!(before, s.nav_selected, "no Notes section");
    }
}

#[test]
fn selection_follows_the_note_after_add_edit_and_delete() {
    let mut a = app();
    let s = &mut a.state;
    go_to_notes(s);
    typed(s, "l");
    for text in ["first", "second", "third"] {
        typed(s, "a");
        typed(s, text);
        ctrl(s, 's');
        assert_eq!(selected(s), text, "a new note is selected");
    }
    let pos = texts(s).iter().position(|t| t == "first").unwrap();
    typed(s, "g");
    for _ in 0..pos {
        typed(s, "j");
    }
    assert_eq!(selected(s), "first");
    typed(s, "e");
    typed(s, " edited");
    ctrl(s, 's');
    assert_eq!(
        selected(s),
        "first edited",
        "the edited note stays selected wherever it sorts"
    );
    // Deleting selects the next note (the previous one at the end).
    let order = texts(s);
    let at = order.iter().position(|t| t == "second").unwrap();
    let expect = order.get(at + 1).unwrap_or(&order[at - 1]).clone();
    typed(s, "g");
    for _ in 0..at {
        typed(s, "j");
    }
    typed(s, "d");
    let (screen, _) = draw_with_cursor(s, 80, 24);
    assert!(screen.contains("Delete note?") && screen.contains("second"), "{screen}");
    typed(s, "y");
    assert_eq!(selected(s), expect);
    // A reload that brings a note from elsewhere keeps the selection on its note.
    let mut other = NoteStore::open(&a.dir.path().join("notes.ron"));
    other.add(Target::None, "from elsewhere", vec![]).unwrap();
    update(s, Action::Tick);
    assert_eq!(texts(s).len(), 3);
    assert_eq!(selected(s), expect);
}

#[test]
fn the_delete_prompt_shows_a_long_note_whole_and_scrolls() {
    let mut a = app();
    let s = &mut a.state;
    go_to_notes(s);
    typed(s, "a");
    for i in 1..=30 {
        typed(s, &format!("line {i} of a long note"));
        press(s, KeyCode::Enter);
    }
    ctrl(s, 's');
    typed(s, "l");
    typed(s, "d");
    let (top, _) = draw_with_cursor(s, 80, 24);
    assert!(top.contains("line 1 of a long note"), "{top}");
    for _ in 0..25 {
        press(s, KeyCode::Down);
    }
    let (scrolled, _) = draw_with_cursor(s, 80, 24);
    assert!(scrolled.contains("line 30 of a long note"), "{scrolled}");
    assert!(scrolled.contains("y delete"), "{scrolled}");
}

#[cfg(unix)]
#[test]
fn a_read_only_notes_file_is_never_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    NoteStore::open(&path).add(Target::None, "kept", vec![]).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut s = state_on(&path);
    assert!(
        s.status.as_deref().unwrap_or("").contains("read-only"),
        "{:?}",
        s.status
    );
    typed(&mut s, "a");
    assert!(s.overlay.is_none(), "no editor on a read-only file");
    let mut store = NoteStore::open(&path);
    assert!(store.read_only());
    let err = store.add(Target::None, "more", vec![]).unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
}
