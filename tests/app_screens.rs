//! What the screens promise, driven through the keymap and drawn with the
//! test backend: zoom, status messages that expire and keep to their line,
//! help without repeats that stops at its end, `c` listing every caveat of
//! a row, glossary terms listing their passages, the Wards table with its
//! LA figures and sorting, tab titles, kind labels, and the CLI's LA column.

mod support;

use casebook::app::keymap::help_groups;
use casebook::app::nav::{NavItem, Section};
use casebook::app::view::{Entry, Tab, entries, tab_layout};
use casebook::app::{Action, Focus, Overlay, Readable, State, update};
use crossterm::event::KeyCode;
use support::*;

fn select(s: &mut State, item: NavItem) {
    s.expanded.insert(NavItem::Section(Section::Tables));
    s.nav_selected = s.nav_items().iter().position(|x| *x == item).expect("in the navigator");
}

fn open_table_row(s: &mut State, table: &str, label: &str, col: usize) {
    select(s, NavItem::Table(table.into()));
    press(s, KeyCode::Enter);
    let t = s.ds.table(table).expect("table").clone();
    let row = t.rows.iter().position(|r| r.label == label).expect("row");
    for _ in 0..row {
        typed(s, "j");
    }
    for _ in 0..col {
        typed(s, "l");
    }
    assert_eq!((s.table.row, s.table.col), (row, col));
}

fn reader_passage(s: &State) -> Option<&casebook::dataset::Passage> {
    match &s.overlay {
        Some(Overlay::Reader {
            item: Readable::Passage(i),
            ..
        }) => s.ds.passages.get(*i),
        _ => None,
    }
}

#[test]
fn z_hides_the_navigator_and_brings_it_back() {
    let mut a = app();
    let s = &mut a.state;
    let before = text(&draw(s, 80, 24, COLOR));
    assert!(before.contains("casebook") && before.contains("Kingston-upon-Hull"));
    typed(s, "z");
    assert!(s.zoom);
    let zoomed = text(&draw(s, 80, 24, COLOR));
    assert!(!zoomed.contains(" casebook "), "navigator hidden:\n{zoomed}");
    assert!(
        zoomed.starts_with("┌ Blackpool · local authority"),
        "pane from column 0:\n{zoomed}"
    );
    typed(s, "z");
    assert!(!s.zoom);
    assert!(
        help_groups()
            .iter()
            .flat_map(|(_, v)| v)
            .any(|(k, h)| k == "z" && h.contains("navigator"))
    );
}

#[test]
fn status_messages_expire_after_a_few_ticks() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "x");
    assert_eq!(s.status.as_deref(), Some("Filters cleared"));
    update(s, Action::Tick);
    update(s, Action::Tick);
    assert!(s.status.is_some(), "still shown after two ticks (about 2–4 s)");
    typed(s, "j");
    assert!(s.status.is_some(), "keys do not make it expire sooner");
    update(s, Action::Tick);
    assert_eq!(s.status, None, "gone on the third tick");
    let t = text(&draw(s, 80, 24, COLOR));
    assert!(!t.contains("Filters cleared"));
}

#[test]
fn the_status_bar_keeps_to_its_line_and_drops_whole_hints() {
    let mut a = app();
    let s = &mut a.state;
    s.status = Some("A long message that says a lot about what just happened to your notes and filters".into());
    for w in 60..=200u16 {
        let buf = draw(s, w, 24, COLOR);
        let last = text(&buf).lines().last().unwrap_or_default().to_string();
        assert!(last.chars().count() <= usize::from(w));
        // No hint is cut: every `·`-separated part after the (cut) message is a whole hint.
        if let Some(hints) = last.split('…').nth(1) {
            for part in hints.split(" · ").map(str::trim).filter(|p| !p.is_empty()) {
                assert!(
                    casebook::app::keymap::hints(casebook::app::mode(s)).contains(&part),
                    "`{part}` is not a whole hint at width {w}: {last}"
                );
            }
        }
    }
}

#[test]
fn help_names_each_key_once_and_stops_scrolling_at_its_end() {
    for (_, entries) in help_groups() {
        for (keys, _) in entries {
            // `/` is itself a key: split on it and ignore the empty parts.
            let mut names: Vec<&str> = keys.split('/').filter(|k| !k.is_empty()).collect();
            let n = names.len();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), n, "repeated key in help: {keys}");
        }
    }
    let mut a = app();
    let s = &mut a.state;
    update(s, Action::Resize(80, 24));
    typed(s, "?");
    typed(s, "G");
    let Some(Overlay::Help { scroll: end }) = s.overlay else {
        panic!("help open")
    };
    assert!(end > 0, "help is longer than the box at 80x24");
    typed(s, "j");
    assert!(
        matches!(s.overlay, Some(Overlay::Help { scroll }) if scroll == end),
        "no blank space past the end"
    );
    let t = text(&draw(s, 80, 24, COLOR));
    assert!(
        t.contains("Search syntax"),
        "the last line is on screen at the end:\n{t}"
    );
}

#[test]
fn c_lists_every_caveat_of_the_row_with_the_cells_first() {
    let mut a = app();
    let s = &mut a.state;
    // Blackpool Talbot: a caveat on its inactive cells and one on the whole row.
    open_table_row(s, "A.4", "Blackpool Talbot", 2);
    typed(s, "c");
    let Some(Overlay::Choice(c)) = s.overlay.clone() else {
        panic!("a list of caveats: {:?}", s.overlay)
    };
    let ids: Vec<String> = c.items.iter().map(|&i| s.ds.passages[i].id.clone()).collect();
    assert_eq!(
        ids[..2],
        ["caveat-table-a4-blackpool-talbot", "caveat-table-a4-part1-header-loss"]
    );
    for p in &s.ds.passages {
        let on_row = p
            .table_refs()
            .any(|r| r.table == "A.4" && r.area == Some(casebook::dataset::Area::Ward("blackpool-talbot".into())));
        assert_eq!(on_row, ids.contains(&p.id), "{}", p.id);
    }
    let t = text(&draw(s, 120, 40, COLOR));
    assert!(t.contains(&format!("{} caveats touch this row", ids.len())), "{t}");
    typed(s, "j");
    press(s, KeyCode::Enter);
    assert_eq!(
        reader_passage(s).map(|p| p.id.as_str()),
        Some("caveat-table-a4-part1-header-loss")
    );
    press(s, KeyCode::Esc);
    assert!(matches!(s.overlay, Some(Overlay::Choice(_))), "Esc returns to the list");
    press(s, KeyCode::Esc);
    assert!(s.overlay.is_none());
}

#[test]
fn c_on_a_marked_cell_puts_that_cells_caveat_first() {
    let mut a = app();
    let s = &mut a.state;
    let t = s.ds.table("A.2").expect("A.2").clone();
    let row = t
        .rows
        .iter()
        .find(|r| r.area == casebook::dataset::Area::La("somerset".into()))
        .expect("Somerset row");
    open_table_row(s, "A.2", &row.label, 1);
    typed(s, "c");
    let first = match &s.overlay {
        Some(Overlay::Choice(c)) => c.items[0],
        Some(Overlay::Reader {
            item: Readable::Passage(i),
            ..
        }) => *i,
        other => panic!("a caveat: {other:?}"),
    };
    let p = &s.ds.passages[first];
    assert!(
        p.table_refs().any(|r| r.table == "A.2"
            && r.area == Some(casebook::dataset::Area::La("somerset".into()))
            && r.column == Some(1)),
        "the first caveat is the one on Somerset's Incapacity cell: {}",
        p.id
    );
}

#[test]
fn the_reader_names_each_table_once() {
    let mut a = app();
    let s = &mut a.state;
    let i =
        s.ds.passages
            .iter()
            .position(|p| p.refs.len() > 1 && p.refs.iter().all(|r| r.table == p.refs[0].table))
            .expect("a passage with several references into one table");
    s.overlay = Some(Overlay::Reader {
        item: Readable::Passage(i),
        scroll: 0,
    });
    let t = text(&draw(s, 200, 50, COLOR));
    let table = &s.ds.passages[i].refs[0].table;
    assert!(
        t.contains(&format!("Tables: {table}\n")) || t.contains(&format!("Tables: {table} ")),
        "{t}"
    );
    assert!(!t.contains(&format!("{table}, {table}")), "{t}");
}

#[test]
fn glossary_terms_list_the_passages_that_use_them() {
    let mut a = app();
    let s = &mut a.state;
    select(s, NavItem::Section(Section::Glossary));
    press(s, KeyCode::Enter);
    let ib =
        s.ds.glossary
            .iter()
            .position(|g| g.abbr == "IB")
            .expect("IB in the glossary");
    for _ in 0..ib {
        typed(s, "j");
    }
    assert_eq!(entries(s).get(s.list_selected), Some(&Entry::Glossary(ib)));
    let screen = text(&draw(s, 120, 40, COLOR));
    assert!(
        screen.contains("Incapacity Benefit") && screen.contains("Enter lists them"),
        "{screen}"
    );
    press(s, KeyCode::Enter);
    let Some(Overlay::Choice(c)) = s.overlay.clone() else {
        panic!("a list of passages")
    };
    assert!(c.items.len() > 3);
    for &i in &c.items {
        let p = &s.ds.passages[i];
        let all = format!("{} {}", p.title, p.text);
        assert!(
            all.contains("IB") || all.to_lowercase().contains("incapacity benefit"),
            "{}",
            p.id
        );
    }
    press(s, KeyCode::Enter);
    assert!(reader_passage(s).is_some());
}

#[test]
fn the_wards_tab_is_a_table_with_la_figures_and_sorts() {
    let mut a = app();
    let s = &mut a.state;
    select(s, NavItem::La("lambeth".into()));
    typed(s, "3");
    assert_eq!(s.current_tab(), Some(Tab::Wards));
    let t = text(&draw(s, 200, 50, COLOR));
    let header = t.lines().find(|l| l.contains("Ward ")).expect("header row");
    for h in ["Active", "LA", "Inactive", "IS", "JSA", "Total"] {
        assert!(header.contains(h), "{h} in {header}");
    }
    let brixton = t
        .lines()
        .find(|l| l.contains("Brixton Hill"))
        .expect("Brixton Hill row");
    for n in ["78", "76", "420", "34", "454"] {
        assert!(
            brixton.split_whitespace().any(|w| w.trim_end_matches('†') == n),
            "{n} in {brixton}"
        );
    }
    // Sort by A.9's total (column 7), ascending then descending.
    typed(s, "llllll");
    typed(s, "s");
    let totals = |s: &State| -> Vec<String> {
        entries(s)
            .iter()
            .map(|e| match e {
                Entry::Ward(w) => w.clone(),
                _ => String::new(),
            })
            .collect()
    };
    assert_eq!(
        totals(s),
        ["lambeth-brixton-hill", "lambeth-larkhall", "lambeth-coldharbour"]
    );
    typed(s, "s");
    assert_eq!(
        totals(s),
        ["lambeth-coldharbour", "lambeth-larkhall", "lambeth-brixton-hill"]
    );
    press(s, KeyCode::Enter);
    assert_eq!(s.nav_item(), Some(NavItem::Ward("lambeth-coldharbour".into())));
}

#[test]
fn hotspot_wards_are_marked_in_the_wards_table() {
    let mut a = app();
    let s = &mut a.state;
    let hot =
        s.ds.las
            .iter()
            .map(|l| l.id.clone())
            .find(|l| {
                casebook::app::grid::area_grid(&s.ds, l, casebook::app::grid::GridKind::Wards)
                    .rows
                    .iter()
                    .any(|r| r.hotspot)
            })
            .expect("some LA has a hotspot ward");
    select(s, NavItem::La(hot));
    typed(s, "3");
    let t = text(&draw(s, 120, 40, COLOR));
    assert!(t.lines().any(|l| l.contains("▲ ")), "{t}");
    assert!(t.contains("points above its LA"), "{t}");
}

#[test]
fn tab_titles_are_whole_abbreviated_or_numbered_in_that_order() {
    let tabs = casebook::app::view::tabs(&NavItem::La("lambeth".into()));
    let wide = tab_layout(tabs, 0, 200);
    assert!(wide.iter().all(|t| t.row == 0) && wide[5].text.contains("Findings & mentions"));
    let mid = tab_layout(tabs, 0, 86);
    assert!(mid.iter().any(|t| t.text.contains("Findings & mentions")), "{mid:?}");
    let narrow = tab_layout(tabs, 2, 52);
    assert!(
        narrow[2].text.contains("Wards"),
        "the active tab stays in full: {narrow:?}"
    );
    assert!(
        narrow.iter().filter(|t| t.text.trim().len() > 1).count() > 4,
        "abbreviated, not dropped: {narrow:?}"
    );
}

#[test]
fn an_las_own_pane_does_not_repeat_its_name_and_kind_labels_fit() {
    let mut a = app();
    let s = &mut a.state;
    select(s, NavItem::La("lambeth".into()));
    typed(s, "5");
    let t = text(&draw(s, 120, 40, COLOR));
    assert!(
        !t.contains("· Lambeth\n") && !t.contains("· Lambeth │") && !t.contains("· Lambeth ┃"),
        "{t}"
    );
    assert!(t.contains("Pre-pilot"), "{t}");
    assert!(!t.contains("Pre-pilot a…") && !t.contains("Socio-econo…"), "{t}");
}

#[test]
fn somersets_overview_marks_the_district_rank_and_the_sample_size_note() {
    let mut a = app();
    let s = &mut a.state;
    select(s, NavItem::La("somerset".into()));
    s.focus = Focus::Pane;
    let t = text(&draw(s, 200, 80, COLOR));
    let rank = t.lines().find(|l| l.contains("Rank ")).expect("rank line");
    assert!(rank.contains("106†"), "{rank}");
    assert!(t.contains("Table A.5 prints this row as “West Somerset”"), "{t}");
    assert!(t.contains("1 = most deprived"), "{t}");
    let lp = t.lines().find(|l| l.contains("Workless LP")).expect("A.7 line");
    assert!(lp.contains("4,100*#"), "{lp}");
    assert!(t.contains("Has a sample size below 30."), "{t}");
}

#[test]
fn rank_bars_grow_with_deprivation() {
    let mut a = app();
    let s = &mut a.state;
    let bar_len = |s: &mut State, la: &str| {
        select(s, NavItem::La(la.into()));
        let t = text(&draw(s, 200, 80, COLOR));
        let line = t
            .lines()
            .find(|l| l.contains("  Rank "))
            .expect("rank line")
            .to_string();
        line.chars().filter(|c| ('\u{2588}'..='\u{258f}').contains(c)).count()
    };
    // Kingston-upon-Hull ranks 11th (more deprived), Ealing 84th.
    assert!(bar_len(s, "kingston-upon-hull") > bar_len(s, "ealing"));
}

#[test]
fn casebook_table_text_names_the_la_of_ward_and_centre_rows() {
    let out = assert_cmd::Command::cargo_bin("casebook")
        .expect("binary")
        .args(["table", "A.9"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text.lines().find(|l| l.starts_with("Ward")).expect("header");
    assert!(header.contains(" LA "), "{header}");
    let park = text.lines().find(|l| l.starts_with("Park ")).expect("Park row");
    assert!(park.contains("Blackpool") && park.contains("3,118"), "{park}");
    for id in ["A.4", "A.6"] {
        let out = assert_cmd::Command::cargo_bin("casebook")
            .expect("binary")
            .args(["table", id])
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.lines().any(|l| l.contains("  LA  ")), "{id}:\n{text}");
    }
}

#[test]
fn clicking_a_row_of_the_wards_table_selects_that_ward() {
    let mut a = app();
    let s = &mut a.state;
    select(s, NavItem::La("lambeth".into()));
    typed(s, "3");
    let t = text(&draw(s, 120, 40, COLOR));
    let y = t
        .lines()
        .position(|l| l.contains("Brixton Hill"))
        .expect("row on screen") as u16;
    update(s, Action::Click(60, y));
    assert_eq!(
        entries(s).get(s.list_selected),
        Some(&Entry::Ward("lambeth-brixton-hill".into())),
        "{t}"
    );
    // The header row selects nothing.
    update(s, Action::Click(60, y - 2));
    assert_eq!(
        entries(s).get(s.list_selected),
        Some(&Entry::Ward("lambeth-brixton-hill".into()))
    );
}

#[test]
fn a_wards_la_figure_carries_the_caveat_on_the_row_it_comes_from() {
    let mut a = app();
    let s = &mut a.state;
    // Williton's LA figures are printed on Watchet's row, which a caveat touches.
    select(s, NavItem::La("somerset".into()));
    typed(s, "l");
    select(s, NavItem::Ward("somerset-williton".into()));
    let t = text(&draw(s, 200, 50, COLOR));
    let active = t.lines().find(|l| l.contains("Active ward")).expect("A.4 line");
    assert!(active.contains("West Somerset 75†"), "{active}");
    assert!(t.contains("Somerset"), "{t}");
}
