//! The search box and its result list, driven by keys with no terminal:
//! shell-like editing, the remembered query selected on reopen, loose
//! matches set apart and counted, and a list that scrolls through every
//! match (built as it goes). Plus the overlay as snapshots.

mod support;

use casebook::app::{Action, Overlay, update};
use casebook::search::LOOSE_FIRST;
use crossterm::event::{KeyCode, KeyModifiers};
use support::*;

fn ctrl(s: &mut casebook::app::State, c: char) {
    key(s, KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn the_box_edits_like_a_shell() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "/lone parents childcare");
    ctrl(s, 'w');
    assert_eq!(s.search.query(), "lone parents ");
    key(s, KeyCode::Backspace, KeyModifiers::ALT);
    assert_eq!(s.search.query(), "lone ");
    ctrl(s, 'a');
    typed(s, "'");
    assert_eq!(s.search.query(), "'lone ");
    ctrl(s, 'e');
    typed(s, "dads");
    assert_eq!(s.search.query(), "'lone dads");
    key(s, KeyCode::Left, KeyModifiers::CONTROL);
    press(s, KeyCode::Backspace);
    assert_eq!(s.search.query(), "'lonedads");
    press(s, KeyCode::Home);
    press(s, KeyCode::Delete);
    press(s, KeyCode::End);
    assert_eq!(s.search.query(), "lonedads");
    ctrl(s, 'u');
    assert_eq!(s.search.query(), "");
    // Every edit re-ran the search: the empty query lists everything.
    assert_eq!(s.search.total, s.ds.passages.len());
}

#[test]
fn a_reopened_search_has_its_query_selected() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "/transport");
    press(s, KeyCode::Esc);
    typed(s, "/");
    assert!(s.search.input.is_selected());
    assert_eq!(s.search.query(), "transport");
    typed(s, "creche");
    assert_eq!(s.search.query(), "creche", "typing replaced the remembered query");
    press(s, KeyCode::Esc);
    typed(s, "/");
    press(s, KeyCode::End);
    typed(s, "s");
    assert_eq!(s.search.query(), "creches", "moving keeps it and types after it");
}

#[test]
fn loose_matches_are_counted_apart_and_listed_last() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "/Tuesdays");
    assert_eq!(s.search.total, s.search.loose, "no passage says Tuesdays");
    assert!(s.search.loose > 0);
    assert_eq!(s.search.first_loose(), Some(0));
    ctrl(s, 'u');
    typed(s, "transport");
    let first = s.search.first_loose().expect("some loose matches");
    assert_eq!(first, s.search.total - s.search.loose);
    assert!(first >= 1);
    assert!(s.search.hits[..first].iter().all(|h| !h.quality.is_loose()));
    assert!(s.search.hits[first..].iter().all(|h| h.quality.is_loose()));
    let screen = text(&draw(s, 120, 40, COLOR));
    let good = s.search.total - s.search.loose;
    let count = format!(
        "{good} {} · {} loose",
        if good == 1 { "match" } else { "matches" },
        s.search.loose
    );
    assert!(screen.contains(&count), "{screen}");
    assert!(screen.contains("loose matches: the letters scattered"), "{screen}");
    // A keystroke builds a screenful of loose hits (the costliest to
    // build), not all of them; the rest come as the list scrolls.
    assert!(s.search.loose > LOOSE_FIRST, "{} loose", s.search.loose);
    assert_eq!(s.search.hits.len(), good + LOOSE_FIRST);
}

#[test]
fn the_list_scrolls_through_every_match() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "/e");
    let total = s.search.total;
    assert!(total > 400, "a one-letter query matches most passages ({total})");
    assert!(s.search.hits.len() < total, "not every hit is built up front");
    for _ in 0..total {
        press(s, KeyCode::PageDown);
        if s.search.selected + 1 == total {
            break;
        }
    }
    assert_eq!(s.search.selected + 1, total, "the selection reached the last match");
    assert_eq!(s.search.hits.len(), total);
    let last = s.search.hits[total - 1].id.clone();
    press(s, KeyCode::Enter);
    assert!(s.overlay.is_none());
    assert_eq!(s.highlight.as_deref(), Some(last.as_str()));
}

/// A keystroke builds only about a screenful of hits (building them costs
/// more than finding them), but always enough to fill the list, however
/// tall the terminal.
#[test]
fn a_keystroke_builds_a_screenful_of_hits() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "/e");
    let (built, total) = (s.search.hits.len(), s.search.total);
    assert!(built >= 40 && built < total, "{built} of {total} built at 24 rows");
    update(s, Action::Resize(120, 150));
    typed(s, "x");
    press(s, KeyCode::Backspace);
    assert!(
        s.search.hits.len() >= 150,
        "a 150-row list is filled ({} built)",
        s.search.hits.len()
    );
    press(s, KeyCode::Down);
    assert!(s.search.hits.len() >= 151 + 20, "built ahead of the selection");
}

#[test]
fn the_search_overlay_as_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app();
        let s = &mut a.state;
        typed(s, "/transport");
        assert!(matches!(s.overlay, Some(Overlay::Search)));
        insta::assert_snapshot!(format!("search_transport_{w}x{h}"), text(&draw(s, w, h, COLOR)));
    }
}
