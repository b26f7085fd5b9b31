//! Every figure on screen is whole: every table-like screen (each table
//! view, each LA's Overview, Wards and Centres tabs, each centre's and
//! ward's Overview) is drawn at every width from 60 to 200 columns, at a
//! few heights, with and without zoom, scrolled through; every number on
//! the screen must be one the dataset prints or casebook derives (a figure,
//! comparison, median, range, rank scale or count), and none may run into
//! a border or a `…` (a number cut at a pane's edge).

mod support;

use std::collections::BTreeSet;

use casebook::app::nav::{NavItem, Section};
use casebook::app::{State, update};
use casebook::dataset::{Area, Dataset, format_number, profile};
use ratatui::buffer::Buffer;
use support::*;

/// The numbers in `s` with where they end: runs of digits with `,` and
/// `.` inside (`1,156`, `9.4`); a trailing `,` or `.` is punctuation.
fn numbers(s: &str) -> Vec<(String, usize)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.') {
                i += 1;
            }
            let mut end = i;
            while !chars[end - 1].is_ascii_digit() {
                end -= 1;
            }
            out.push((chars[start..end].iter().collect(), end));
        } else {
            i += 1;
        }
    }
    out
}

/// What a cut number runs into: a border or line of a box, or the `…` of a cut.
fn cut_after(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c) || c == '…'
}

/// Problems on one screen: numbers not in `allowed`, or cut at an edge.
fn problems(rows: &[Vec<char>], allowed: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for (y, row) in rows.iter().enumerate() {
        let line: String = row.iter().collect();
        for (n, end) in numbers(&line) {
            if !allowed.contains(&n) {
                out.push(format!(
                    "row {y}: `{n}` is no figure of the dataset in `{}`",
                    line.trim_end()
                ));
            }
            match row.get(end) {
                Some(&c) if cut_after(c) => out.push(format!("row {y}: `{n}{c}` is cut in `{}`", line.trim_end())),
                None => out.push(format!("row {y}: `{n}` touches the screen edge")),
                _ => {}
            }
        }
    }
    out
}

fn cells(buf: &Buffer) -> Vec<Vec<char>> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' '))
                .collect()
        })
        .collect()
}

/// Every number the figure screens may show.
fn allowed(ds: &Dataset) -> BTreeSet<String> {
    let mut texts: Vec<String> = Vec::new();
    for t in &ds.tables {
        texts.extend([t.id.clone(), t.title.clone(), t.source.clone()]);
        texts.extend(t.period.clone());
        texts.extend(t.notes.iter().cloned());
        for c in &t.columns {
            texts.push(c.name.clone());
            texts.extend(c.short.clone());
        }
        for r in &t.rows {
            texts.push(r.label.clone());
            texts.extend(r.cells.iter().flatten().cloned());
        }
        // Counts: rows of a table, caveats touching it.
        texts.push(t.rows.len().to_string());
        texts.push(ds.caveats_for_table(&t.id).count().to_string());
    }
    // Caveat titles are listed beneath the figures they touch.
    texts.extend(ds.passages.iter().map(|p| p.title.clone()));
    let mut areas: Vec<Area> = ds.las.iter().map(|l| Area::La(l.id.clone())).collect();
    areas.extend(ds.centres.iter().map(|c| Area::Centre(c.id.clone())));
    areas.extend(ds.wards.iter().map(|w| Area::Ward(w.id.clone())));
    for a in &areas {
        for f in profile(ds, a) {
            texts.extend(f.compare.clone());
            if let Some((lo, hi)) = f.range {
                texts.extend([format_number(lo), format_number(hi)]);
            }
            if let (Some(v), Some(c)) = (f.number(), f.compare_number()) {
                texts.push(format_number(v - c));
            }
        }
    }
    for l in &ds.las {
        texts.push(ds.centres_of(&l.id).count().to_string());
        texts.push(ds.wards_of(&l.id).count().to_string());
        texts.push(ds.passages_for_la(&l.id).count().to_string());
    }
    // Tab numbers, the hotspot threshold, "Notes (0)" in the navigator.
    texts.extend((0..=10).map(|n| n.to_string()));
    texts.iter().flat_map(|t| numbers(t)).map(|(n, _)| n).collect()
}

/// A screen: a navigator item, tab and selected column, and whether it
/// is drawn at every width (`true`) or every sixth. Every figure-bearing
/// screen is drawn at every width: each table (first and last columns),
/// each LA's Overview, Wards and Centres tabs (and Wards scrolled to its
/// last column), and every centre's and ward's Overview.
fn screens(ds: &Dataset) -> Vec<(NavItem, usize, usize, bool)> {
    let mut v = Vec::new();
    for t in &ds.tables {
        v.push((NavItem::Table(t.id.clone()), 0, 0, true));
        v.push((NavItem::Table(t.id.clone()), 0, t.columns.len() - 1, true));
    }
    for l in &ds.las {
        for tab in [0, 2, 3] {
            v.push((NavItem::La(l.id.clone()), tab, 0, true));
        }
        v.push((NavItem::La(l.id.clone()), 2, 8, true));
    }
    v.extend(ds.centres.iter().map(|c| (NavItem::Centre(c.id.clone()), 0, 0, true)));
    v.extend(ds.wards.iter().map(|w| (NavItem::Ward(w.id.clone()), 0, 0, true)));
    v
}

fn show(state: &mut State, item: &NavItem, tab: usize, col: usize) {
    state.expanded.insert(NavItem::Section(Section::Tables));
    if let Some(p) = casebook::app::nav::parent(&state.ds, item) {
        state.expanded.insert(p);
    }
    state.nav_selected = state
        .nav_items()
        .iter()
        .position(|x| x == item)
        .expect("item in the navigator");
    state.tab = tab;
    state.table.col = col;
    state.focus = casebook::app::Focus::Pane;
}

/// The terminal sizes: every width from 60 to 200 with the navigator
/// (panes 40 to 168 wide), then zoomed widths from 169 (panes up to 200),
/// so every pane width from 40 to 200 is drawn; 30 rows high, and the
/// three sizes of the snapshots. `every: false` keeps every sixth width.
fn sizes(every: bool) -> Vec<(u16, u16, bool)> {
    let mut v: Vec<(u16, u16, bool)> = (60..=200).map(|w| (w, 30, false)).collect();
    v.extend((169..=200).map(|w| (w, 30, true)));
    if !every {
        v = v.into_iter().step_by(6).collect();
    }
    v.extend([(80, 24, false), (120, 40, false), (200, 50, false), (80, 24, true)]);
    v
}

/// Draw each screen at each size (an Overview page by page) and collect problems.
fn sweep(screens: &[(NavItem, usize, usize, bool)]) -> (usize, Vec<String>) {
    let mut app = app();
    let allowed = allowed(&app.state.ds.clone());
    let mut failures = Vec::new();
    let mut drawn = 0;
    for (item, tab, col, every) in screens {
        show(&mut app.state, item, *tab, *col);
        let overview = *tab == 0 && matches!(item, NavItem::La(_) | NavItem::Centre(_) | NavItem::Ward(_));
        for (w, h, zoom) in sizes(*every) {
            app.state.zoom = zoom;
            app.state.scroll = 0;
            update(&mut app.state, casebook::app::Action::Resize(w, h));
            let max = if overview {
                casebook::ui::overview_scroll_max(&app.state)
            } else {
                0
            };
            loop {
                let buf = draw(&mut app.state, w, h, COLOR);
                drawn += 1;
                let rows = cells(&buf);
                // The status bar (last row) shows no figures.
                for p in problems(&rows[..rows.len() - 1], &allowed) {
                    failures.push(format!(
                        "{item:?} tab {tab} col {col} zoom {zoom} at {w}x{h} scroll {}: {p}",
                        app.state.scroll
                    ));
                }
                if app.state.scroll >= max {
                    break;
                }
                app.state.scroll = (app.state.scroll + h / 2).min(max);
            }
        }
    }
    (drawn, failures)
}

#[test]
fn every_figure_on_every_figure_screen_is_whole_at_every_width() {
    let all = screens(&app().state.ds);
    // Two halves on two threads: the sweep draws thousands of screens.
    let (a, b) = all.split_at(all.len() / 2);
    let (ra, rb) = std::thread::scope(|s| {
        let ta = s.spawn(|| sweep(a));
        let tb = s.spawn(|| sweep(b));
        (ta.join().expect("sweep"), tb.join().expect("sweep"))
    });
    let drawn = ra.0 + rb.0;
    let failures: Vec<String> = ra.1.into_iter().chain(rb.1).collect();
    assert!(
        failures.is_empty(),
        "{} problems, first:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
    assert!(drawn > 4_000, "drew only {drawn} screens");
}

#[test]
fn the_check_catches_a_cut_figure() {
    let allowed: BTreeSet<String> = ["420", "34", "3"].iter().map(|s| s.to_string()).collect();
    let row = |s: &str| vec![s.chars().collect::<Vec<char>>()];
    assert!(problems(&row("IS 420  JSA 34 │"), &allowed).is_empty());
    assert_eq!(
        problems(&row("IS 420  JSA 3┃"), &allowed).len(),
        1,
        "a number running into a border"
    );
    assert_eq!(
        problems(&row("IS 420  JSA 3…  "), &allowed).len(),
        1,
        "a number cut with …"
    );
    assert_eq!(
        problems(&row("IS 42  "), &allowed).len(),
        1,
        "a number that is no figure"
    );
    assert_eq!(
        problems(&row("IS 420"), &allowed).len(),
        1,
        "a number at the screen's edge"
    );
    assert_eq!(
        numbers("1,156, 9.4. A.4 27+"),
        vec![
            ("1,156".into(), 5),
            ("9.4".into(), 10),
            ("4".into(), 15),
            ("27".into(), 18)
        ]
    );
}
