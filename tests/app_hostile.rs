//! The app's rendered buffer never holds a control or bidi character, however
//! hostile the dataset's names, labels and prose or the notes are: every
//! screen shows them as visible escapes. And the note editor refuses NUL.

mod hostile;
mod support;

use std::sync::Arc;

use casebook::app::{Action, State, update};
use casebook::dataset::Dataset;
use casebook::notes::{NoteStore, Target};
use crossterm::event::KeyCode;
use proptest::prelude::*;
use support::*;

/// `s` with `evil` appended.
fn taint(s: &mut String, evil: &str) {
    s.push_str(evil);
}

/// The bundled dataset with `evil` in every name, label and prose field
/// (ids are kept so that references still resolve).
fn hostile_dataset(evil: &str) -> Dataset {
    let mut ds = casebook::dataset::load_bundled().expect("bundled dataset");
    for l in &mut ds.las {
        taint(&mut l.name, evil);
        l.aliases.iter_mut().for_each(|a| taint(a, evil));
    }
    for c in &mut ds.centres {
        taint(&mut c.name, evil);
        taint(&mut c.table_name, evil);
        c.link_note.iter_mut().for_each(|n| taint(n, evil));
    }
    for w in &mut ds.wards {
        taint(&mut w.name, evil);
        w.district.iter_mut().for_each(|d| taint(d, evil));
    }
    for t in &mut ds.themes {
        taint(&mut t.label, evil);
        taint(&mut t.description, evil);
        t.synonyms.iter_mut().for_each(|s| taint(s, evil));
    }
    for g in &mut ds.glossary {
        taint(&mut g.expansion, evil);
    }
    for t in &mut ds.tables {
        taint(&mut t.title, evil);
        taint(&mut t.source, evil);
        t.notes.iter_mut().for_each(|n| taint(n, evil));
        t.period.iter_mut().for_each(|p| taint(p, evil));
        for c in &mut t.columns {
            taint(&mut c.name, evil);
            c.short.iter_mut().for_each(|s| taint(s, evil));
        }
        let text_cols: Vec<bool> = t.columns.iter().map(|c| c.text).collect();
        for r in &mut t.rows {
            taint(&mut r.label, evil);
            r.group.iter_mut().for_each(|g| taint(g, evil));
            r.markers.iter_mut().for_each(|m| taint(m, evil));
            for (cell, text) in r.cells.iter_mut().zip(&text_cols) {
                if let (Some(c), true) = (cell, text) {
                    taint(c, evil);
                }
            }
        }
    }
    for p in &mut ds.passages {
        taint(&mut p.title, evil);
        taint(&mut p.text, evil);
        taint(&mut p.section, evil);
        taint(&mut p.chapter, evil);
        if let Some(f) = &mut p.figure {
            taint(&mut f.measure, evil);
            taint(&mut f.value, evil);
            f.group.iter_mut().for_each(|g| taint(g, evil));
        }
    }
    ds
}

fn hostile_app(evil: &str) -> (State, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut notes = NoteStore::open(&dir.path().join("notes.ron"));
    for target in [
        Target::La("blackpool".into()),
        Target::None,
        Target::Centre("blackpool-clifton".into()),
    ] {
        notes
            .add(target, &format!("note {evil} end"), vec![])
            .expect("note saved");
    }
    let mut state = State::new(Arc::new(hostile_dataset(evil)), notes);
    update(&mut state, Action::Resize(120, 40));
    (state, dir)
}

/// Key sequences that reach the screens showing data and notes.
const SCREENS: &[&str] = &[
    "",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "l",
    "lj",
    "ljj",
    "gjjjjjjjjjjl",
    "/",
    "/a",
    "t",
    "K",
    "?",
];

fn assert_clean(buf: &ratatui::buffer::Buffer, what: &str) {
    for cell in buf.content.iter() {
        if let Some(c) = cell.symbol().chars().find(|c| hostile::is_unsafe(*c)) {
            panic!("{what}: raw {c:?} in the buffer:\n{}", text(buf));
        }
    }
}

#[test]
fn every_screen_shows_hostile_data_as_visible_escapes() {
    let evil = "\u{1b}[2J\u{202e}\u{9b}\u{7}\u{0}";
    for keys in SCREENS {
        for (w, h) in [(80, 24), (120, 40)] {
            let (mut state, _dir) = hostile_app(evil);
            typed(&mut state, keys);
            let buf = draw(&mut state, w, h, COLOR);
            assert_clean(&buf, &format!("keys {keys:?} at {w}x{h}"));
            // The reader on the selected item.
            press(&mut state, KeyCode::Enter);
            let buf = draw(&mut state, w, h, COLOR);
            assert_clean(&buf, &format!("keys {keys:?} then Enter at {w}x{h}"));
        }
    }
    let (mut state, _dir) = hostile_app(evil);
    typed(&mut state, "2");
    let shown = text(&draw(&mut state, 120, 40, COLOR));
    assert!(
        shown.contains("␛[2J<U+202E>"),
        "the Bid review list shows the escapes:\n{shown}"
    );
}

#[test]
fn the_note_editor_refuses_nul_and_control_characters_typed_in() {
    let (mut state, _dir) = hostile_app("");
    typed(&mut state, "a");
    for c in ['o', '\0', 'k', '\u{1b}'] {
        update(&mut state, Action::Input(c));
    }
    let buf = draw(&mut state, 120, 40, COLOR);
    assert_clean(&buf, "editor");
    key(&mut state, KeyCode::Char('s'), crossterm::event::KeyModifiers::CONTROL);
    let saved: Vec<String> = state.notes.notes().iter().map(|n| n.text.clone()).collect();
    assert!(saved.contains(&"ok".to_string()), "{saved:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    /// Random hostile strings everywhere, on a few screens.
    #[test]
    fn random_hostile_strings_never_reach_the_buffer(
        evil in proptest::collection::vec(proptest::sample::select(hostile::HOSTILE.to_vec()), 1..6),
        screen in 0..SCREENS.len(),
    ) {
        let evil: String = evil.into_iter().collect();
        let (mut state, _dir) = hostile_app(&evil);
        typed(&mut state, SCREENS[screen]);
        let buf = draw(&mut state, 100, 30, COLOR);
        prop_assert!(!buf.content.iter().any(|c| c.symbol().chars().any(hostile::is_unsafe)), "{}", text(&buf));
    }
}
