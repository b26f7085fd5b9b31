//! Screens as snapshots (insta) at 80×24, 120×40 and 200×50, a size sweep
//! that draws every screen at every size up to 100×30 without panicking,
//! and the NO_COLOR screen.

mod support;

use casebook::app::{Action, State, update};
use crossterm::event::KeyCode;
use ratatui::style::Color;
use support::*;

/// A named screen and the keys that reach it.
type Screen = (&'static str, fn(&mut State));

/// The Glossary section, with IB (Incapacity Benefit) selected.
fn glossary_ib(s: &mut State) {
    typed(s, "G");
    typed(s, "kk"); // Glossary: above Notes and Matrix
    press(s, KeyCode::Enter);
    let ib = s.ds.glossary.iter().position(|g| g.abbr == "IB").unwrap_or(0);
    for _ in 0..ib {
        typed(s, "j");
    }
}

/// Each named screen, reached by keys from a fresh app.
fn screens() -> Vec<Screen> {
    vec![
        ("first", |_| {}),
        ("la_overview", |s| {
            typed(s, "jjj");
            press(s, KeyCode::Enter);
        }),
        ("bid_review", |s| {
            typed(s, "jjj");
            typed(s, "2");
        }),
        ("table_a4_sorted_by_inactivity", |s| {
            typed(s, "gjjjjjjjjjjl");
            typed(s, "jjjj");
            press(s, KeyCode::Enter);
            typed(s, "ll");
            typed(s, "ss");
        }),
        ("search_typed", |s| {
            typed(s, "/");
            typed(s, "jobs pledge");
        }),
        ("theme_picker", |s| {
            typed(s, "t");
            typed(s, "lone");
        }),
        ("help", |s| typed(s, "?")),
        ("wards_table_lambeth", |s| {
            typed(s, "jjj");
            typed(s, "3");
        }),
        ("wards_table_sorted_by_total", |s| {
            typed(s, "gjj");
            typed(s, "3");
            typed(s, "llllll");
            typed(s, "ss");
        }),
        ("centres_table_westminster", |s| {
            typed(s, "G");
            typed(s, "gjjjjjjjjj");
            typed(s, "4");
        }),
        ("somerset_overview", |s| {
            typed(s, "jjjjjjj");
            press(s, KeyCode::Enter);
            typed(s, "jjjjjjjjjjjjjjjjjjjj");
        }),
        ("caveat_list_a4_talbot", |s| {
            typed(s, "gjjjjjjjjjjl");
            typed(s, "jjjj");
            press(s, KeyCode::Enter);
            typed(s, "ll");
            typed(s, "c");
        }),
        ("glossary_uses", glossary_ib),
        ("glossary_uses_list", |s| {
            glossary_ib(s);
            press(s, KeyCode::Enter);
        }),
        ("zoomed_table_a9", |s| {
            typed(s, "gjjjjjjjjjjl");
            typed(s, "jjjjjjjjj");
            press(s, KeyCode::Enter);
            typed(s, "z");
        }),
        ("help_at_its_end", |s| {
            typed(s, "?");
            typed(s, "G");
        }),
    ]
}

#[test]
fn snapshots_at_80x24_120x40_and_200x50() {
    for (name, go) in screens() {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            let mut app = app();
            go(&mut app.state);
            let buf = draw(&mut app.state, w, h, COLOR);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&buf));
        }
    }
}

#[test]
fn table_a4_is_sorted_by_ward_inactivity_descending() {
    let mut app = app();
    (screens()[3].1)(&mut app.state);
    let t = text(&draw(&mut app.state, 120, 40, COLOR));
    let rows: Vec<&str> = t
        .lines()
        .filter(|l| l.contains("Kingston-upon-Hull") || l.contains("Redcar"))
        .collect();
    assert!(
        rows[0].contains("Newland") && rows[0].contains("45"),
        "highest inactivity first:\n{t}"
    );
    assert!(
        rows[1].contains("Grangetown") && rows[1].contains("45"),
        "ties keep the source order:\n{t}"
    );
    assert!(t.contains("▼"), "sort indicator:\n{t}");
}

#[test]
fn every_screen_draws_at_every_size_without_panic() {
    for (i, (_, go)) in screens().into_iter().enumerate() {
        let mut app = app();
        go(&mut app.state);
        // The first screens at every size; the later ones (sized by the
        // same layouts) at every third width and height.
        let step = if i < 7 { 1 } else { 3 };
        for w in (0..=100u16).step_by(step) {
            for h in (0..=30u16).step_by(step) {
                let buf = draw(&mut app.state, w, h, COLOR);
                assert_eq!(buf.area.width, w);
            }
        }
    }
}

#[test]
fn small_terminals_get_a_message_not_a_broken_layout() {
    let mut app = app();
    let t = text(&draw(&mut app.state, 50, 12, COLOR));
    assert!(t.contains("Terminal too small: 50×12"), "{t}");
}

#[test]
fn no_color_screen_has_no_colours_but_shows_the_selection() {
    let mut app = app();
    typed(&mut app.state, "jjj");
    press(&mut app.state, KeyCode::Enter);
    typed(&mut app.state, "2");
    let buf = draw(&mut app.state, 80, 24, NO_COLOR);
    for cell in buf.content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "colour in NO_COLOR mode: {cell:?}"
        );
    }
    let reversed = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert!(reversed > 10, "the selection is shown in reverse video");
    insta::assert_snapshot!("no_color_bid_review_80x24", text(&buf));
}

#[test]
fn resizing_redraws_at_the_new_size() {
    let mut app = app();
    update(&mut app.state, Action::Resize(120, 40));
    assert_eq!(app.state.size, (120, 40));
    let t = text(&draw(&mut app.state, 70, 20, COLOR));
    assert_eq!(t.lines().count(), 20);
}
