//! The app driven by actions, with no terminal: navigation, tabs, search
//! and jumps, filters, tables, notes (add, edit, delete), mouse.

mod support;

use casebook::app::nav::NavItem;
use casebook::app::view::{Entry, Tab, entries};
use casebook::app::{Action, Focus, Overlay, Readable, update};
use casebook::dataset::Kind;
use casebook::notes::Target;
use crossterm::event::{KeyCode, KeyModifiers};
use support::*;

#[test]
fn starts_on_the_first_la_with_the_navigator_focused() {
    let app = app();
    assert_eq!(app.state.nav_item(), Some(NavItem::La("blackpool".into())));
    assert_eq!(app.state.focus, Focus::Nav);
    assert_eq!(app.state.current_tab(), Some(Tab::Overview));
}

#[test]
fn moving_expanding_and_tabs() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "jjj");
    assert_eq!(s.nav_item(), Some(NavItem::La("lambeth".into())));
    typed(s, "l");
    typed(s, "j");
    assert_eq!(s.nav_item(), Some(NavItem::Centre("lambeth-lark-hall".into())));
    typed(s, "h");
    assert_eq!(
        s.nav_item(),
        Some(NavItem::La("lambeth".into())),
        "h goes to the parent"
    );
    typed(s, "h");
    assert!(
        !s.expanded.contains(&NavItem::La("lambeth".into())),
        "h again collapses"
    );
    typed(s, "2");
    assert_eq!(s.current_tab(), Some(Tab::Bid));
    assert_eq!(s.focus, Focus::Pane);
    let bid = entries(s);
    assert!(!bid.is_empty());
    for e in &bid {
        let Entry::Passage(i) = e else {
            panic!("bid tab lists passages")
        };
        assert!(s.ds.passages[*i].las.contains(&"lambeth".to_string()));
    }
    typed(s, "G");
    assert_eq!(s.list_selected, bid.len() - 1);
    typed(s, "g");
    assert_eq!(s.list_selected, 0);
    typed(s, "]");
    assert_eq!(s.current_tab(), Some(Tab::Wards));
    typed(s, "[[");
    assert_eq!(s.current_tab(), Some(Tab::Overview));
    press(s, KeyCode::Tab);
    assert_eq!(s.focus, Focus::Nav);
    typed(s, "q");
    assert!(s.quit);
}

#[test]
fn enter_on_a_passage_opens_the_reader_and_esc_closes_it() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "2");
    press(s, KeyCode::Enter);
    assert!(matches!(
        s.overlay,
        Some(Overlay::Reader {
            item: Readable::Passage(_),
            ..
        })
    ));
    update(s, Action::Resize(60, 15));
    typed(s, "jj");
    assert!(matches!(s.overlay, Some(Overlay::Reader { scroll: 2, .. })));
    // Scrolling stops with the last line at the bottom of the box.
    typed(s, "G");
    let Some(Overlay::Reader { scroll: end, .. }) = s.overlay else {
        panic!("reader open")
    };
    assert!(
        (2..40).contains(&end),
        "scrolled to the end, not into blank space: {end}"
    );
    typed(s, "j");
    assert!(matches!(s.overlay, Some(Overlay::Reader { scroll, .. }) if scroll == end));
    typed(s, "k");
    assert!(matches!(s.overlay, Some(Overlay::Reader { scroll, .. }) if scroll == end - 1));
    press(s, KeyCode::Esc);
    assert!(s.overlay.is_none());
}

#[test]
fn search_jumps_to_the_passage_in_its_pane_and_n_steps_through_hits() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "/");
    typed(s, "'Baytree");
    assert!(!s.search.hits.is_empty());
    let first = s.search.hits[0].clone();
    assert!(first.title.contains("Baytree") || first.snippet.contains("Baytree"));
    press(s, KeyCode::Enter);
    assert!(s.overlay.is_none());
    assert_eq!(s.highlight.as_deref(), Some(first.id.as_str()));
    assert_eq!(s.nav_item(), Some(NavItem::La("lambeth".into())));
    assert_eq!(s.current_tab(), Some(Tab::Bid));
    match &entries(s)[s.list_selected] {
        Entry::Passage(i) => assert_eq!(s.ds.passages[*i].id, first.id),
        other => panic!("selected {other:?}"),
    }
    // The query is remembered; n moves to the next hit.
    typed(s, "/");
    assert_eq!(s.search.query(), "'Baytree");
    press(s, KeyCode::Esc);
    if s.search.hits.len() > 1 {
        typed(s, "n");
        assert_eq!(s.highlight.as_deref(), Some(s.search.hits[1].id.as_str()));
        typed(s, "N");
        assert_eq!(s.highlight.as_deref(), Some(first.id.as_str()));
    }
}

#[test]
fn a_query_with_a_syntax_problem_shows_the_error() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "/");
    typed(s, "nope:x");
    assert!(s.search.error.is_some());
    assert!(s.search.hits.is_empty());
    key(s, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(s.search.query(), "nope:");
}

#[test]
fn theme_filter_narrows_every_list_and_x_clears_it() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "jjj6");
    let all = entries(s).len();
    typed(s, "t");
    typed(s, "lone parents");
    press(s, KeyCode::Enter);
    press(s, KeyCode::Esc);
    assert!(s.filters.themes.contains("lone-parents"));
    let filtered = entries(s);
    assert!(filtered.len() < all && !filtered.is_empty());
    for e in &filtered {
        let Entry::Passage(i) = e else { panic!() };
        assert!(s.ds.passages[*i].themes.contains(&"lone-parents".to_string()));
    }
    typed(s, "x");
    assert!(s.filters.is_empty());
    assert_eq!(entries(s).len(), all);
}

#[test]
fn kind_filter_applies_too() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "jjj6K");
    typed(s, "caveat");
    press(s, KeyCode::Enter);
    press(s, KeyCode::Esc);
    assert!(s.filters.kinds.contains(&Kind::Caveat));
    for e in entries(s) {
        let Entry::Passage(i) = e else { panic!() };
        assert_eq!(s.ds.passages[i].kind, Kind::Caveat);
    }
}

#[test]
fn tables_sort_and_open_the_caveat_of_a_row() {
    let mut a = app();
    let s = &mut a.state;
    s.expanded.insert(NavItem::Section(casebook::app::nav::Section::Tables));
    let i = s
        .nav_items()
        .iter()
        .position(|x| x == &NavItem::Table("A.4".into()))
        .unwrap();
    s.nav_selected = i;
    press(s, KeyCode::Enter);
    typed(s, "ll");
    typed(s, "s");
    assert_eq!((s.table.sort, s.table.desc), (Some(2), false));
    typed(s, "s");
    assert!(s.table.desc);
    // Highest ward inactivity first: Newland (45), which a caveat touches.
    typed(s, "c");
    assert!(
        matches!(s.overlay, Some(Overlay::Reader { .. })),
        "Newland's lost LA cell has a caveat"
    );
}

#[test]
fn notes_are_added_edited_and_deleted_from_the_app() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "jjj");
    typed(s, "a");
    assert!(matches!(s.overlay, Some(Overlay::Editor(_))));
    typed(s, "Met the Baytree Centre");
    press(s, KeyCode::Enter);
    typed(s, "café on Tuesdays");
    key(s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.overlay.is_none());
    assert_eq!(s.notes.notes().len(), 1);
    let note = s.notes.notes()[0].clone();
    assert_eq!(note.target, Target::La("lambeth".into()));
    assert_eq!(note.text, "Met the Baytree Centre\ncafé on Tuesdays");
    // The note is in the LA's Notes tab, and searchable as kind note.
    typed(s, "8");
    assert_eq!(entries(s), vec![Entry::Note(note.id.clone())]);
    typed(s, "/");
    typed(s, "'tuesdays kind:note");
    assert_eq!(s.search.hits.len(), 1);
    assert_eq!(
        (s.search.hits[0].kind, s.search.hits[0].id.as_str()),
        (Kind::Note, note.id.as_str())
    );
    press(s, KeyCode::Esc);
    // Edit.
    typed(s, "e");
    typed(s, "!");
    // Esc on changed text asks; s saves.
    press(s, KeyCode::Esc);
    assert_eq!(s.notes.notes()[0].text, "Met the Baytree Centre\ncafé on Tuesdays");
    typed(s, "s");
    assert_eq!(s.notes.notes()[0].text, "Met the Baytree Centre\ncafé on Tuesdays!");
    // Delete asks first; n keeps it, y deletes.
    typed(s, "d");
    typed(s, "n");
    assert_eq!(s.notes.notes().len(), 1);
    typed(s, "d");
    typed(s, "y");
    assert!(s.notes.notes().is_empty());
    // The file on disk agrees.
    let reread = casebook::notes::NoteStore::open(&a.dir.path().join("notes.ron"));
    assert!(reread.notes().is_empty());
}

#[test]
fn an_empty_note_is_not_saved_and_a_failed_save_keeps_the_text() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "a");
    press(s, KeyCode::Esc);
    assert!(s.notes.notes().is_empty());
    // Make the notes file unparseable: the save fails and the editor stays.
    std::fs::write(a.dir.path().join("notes.ron"), "[ (id: ").unwrap();
    typed(s, "a");
    typed(s, "keep me");
    press(s, KeyCode::Esc);
    typed(s, "s");
    match &s.overlay {
        Some(Overlay::Editor(ed)) => assert_eq!(ed.text.text(), "keep me"),
        other => panic!("editor closed: {other:?}"),
    }
    assert!(s.status.as_deref().unwrap_or("").contains("Not saved"));
}

#[test]
fn notes_added_elsewhere_appear_after_a_tick() {
    let mut a = app();
    let mut other = casebook::notes::NoteStore::open(&a.dir.path().join("notes.ron"));
    other.add(Target::None, "from the CLI", vec![]).unwrap();
    update(&mut a.state, Action::Tick);
    assert_eq!(a.state.notes.notes().len(), 1);
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut a = app();
    let s = &mut a.state;
    update(s, Action::Resize(100, 30));
    // Navigator rows start at y=1 inside the border.
    update(s, Action::Click(3, 4));
    assert_eq!(s.nav_item(), Some(NavItem::La("lambeth".into())));
    update(s, Action::Scroll(3, 4, 1));
    assert_eq!(s.nav_selected, 6);
    // Clicking in the pane focuses it.
    update(s, Action::Click(60, 10));
    assert_eq!(s.focus, Focus::Pane);
}

#[test]
fn help_lists_every_binding_and_closes() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "?");
    assert!(matches!(s.overlay, Some(Overlay::Help { .. })));
    typed(s, "?");
    assert!(s.overlay.is_none());
}

#[test]
fn the_editor_chooses_a_note_s_themes_with_ctrl_t() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "a");
    typed(s, "Childminders scarce");
    key(s, KeyCode::Char('t'), KeyModifiers::CONTROL);
    assert_eq!(casebook::app::mode(s), casebook::app::Mode::Picker);
    typed(s, "childcare");
    press(s, KeyCode::Enter);
    press(s, KeyCode::Esc);
    assert_eq!(
        casebook::app::mode(s),
        casebook::app::Mode::Editor,
        "Esc returns to the editor"
    );
    assert!(s.filters.themes.is_empty(), "the filter is untouched");
    key(s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(s.notes.notes()[0].themes, vec!["childcare".to_string()]);
    assert_eq!(s.notes.notes()[0].text, "Childminders scarce");
}
