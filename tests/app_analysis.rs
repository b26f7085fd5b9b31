//! The analysis views in the app, driven by keys with no terminal: the
//! source filter (S) and the matrix section.

mod support;

use casebook::app::nav::{NavItem, Section};
use casebook::app::view::{Entry, entries};
use casebook::dataset::Document;
use support::*;

fn select(s: &mut casebook::app::State, item: &NavItem) {
    let at = s.nav_items().iter().position(|x| x == item).expect("in the navigator");
    s.nav_selected = at;
}

#[test]
fn s_cycles_the_source_filter_over_every_list() {
    let mut a = app();
    let s = &mut a.state;
    select(s, &NavItem::Section(Section::Findings));
    let all = entries(s).len();
    let mut seen = Vec::new();
    for doc in Document::ALL {
        typed(s, "S");
        assert_eq!(s.filters.source, Some(doc));
        let list = entries(s);
        assert!(!list.is_empty() && list.len() < all, "{doc:?}: {} of {all}", list.len());
        for e in &list {
            let Entry::Passage(i) = e else { panic!("a passage") };
            assert_eq!(s.ds.passages[*i].document, doc);
        }
        seen.push(list.len());
        let bar = text(&draw(s, 120, 40, NO_COLOR));
        assert!(bar.contains(&format!("source: {}", doc.as_str())), "{bar}");
    }
    assert_eq!(
        seen.iter().sum::<usize>(),
        all,
        "baseline + interim findings = all findings"
    );
    typed(s, "S");
    assert_eq!(s.filters.source, None);
    assert_eq!(entries(s).len(), all);
    // x clears it with the others.
    typed(s, "S");
    typed(s, "x");
    assert!(s.filters.is_empty());
}

#[test]
fn the_source_filter_applies_to_search_and_help_lists_the_key() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "SS");
    assert_eq!(s.search_filters().sources, vec![Document::Interim]);
    typed(s, "/");
    typed(s, "childcare");
    assert!(!s.search.hits.is_empty());
    for h in &s.search.hits {
        let p = s.ds.passage(&h.id).expect("a passage, not a note");
        assert_eq!(p.document, Document::Interim);
    }
    press(s, crossterm::event::KeyCode::Esc);
    typed(s, "?");
    let help = text(&draw(s, 120, 40, NO_COLOR));
    assert!(help.contains("source: all / baseline / interim"), "{help}");
}

fn open_matrix(s: &mut casebook::app::State) {
    select(s, &NavItem::Section(Section::Matrix));
    press(s, crossterm::event::KeyCode::Enter);
}

#[test]
fn the_matrix_is_counted_in_update_and_moves_sorts_and_opens_cells() {
    use casebook::analysis::{Matrix, Rows};
    use casebook::search::{Filters, SearchIndex};
    use crossterm::event::KeyCode;
    let mut a = app();
    let s = &mut a.state;
    assert!(s.matrix.counted.is_none(), "not counted until shown");
    open_matrix(s);
    let ix = SearchIndex::new(&s.ds, Vec::new());
    let expected = Matrix::compute(&s.ds, &ix, Rows::La, &Filters::default());
    assert_eq!(s.matrix.data, expected);
    // Move to column 13 (worklessness), sort by it: largest first.
    typed(s, "llllllllllll");
    assert_eq!(s.matrix.col, 12);
    typed(s, "s");
    assert_eq!(s.matrix.sort, Some(12));
    let col: Vec<usize> = s.matrix.order.iter().map(|&r| s.matrix.data.counts[r][12]).collect();
    assert!(col.windows(2).all(|w| w[0] >= w[1]), "{col:?}");
    // Enter opens the top cell's passages, exactly what search lists.
    typed(s, "j");
    let (r, c) = s.matrix.selected().expect("a cell");
    press(s, KeyCode::Enter);
    assert_eq!(s.matrix.open, Some((r, c)));
    let list = entries(s);
    assert_eq!(list.len(), s.matrix.data.counts[r][c]);
    let la = s.matrix.data.rows[r].clone();
    for e in &list {
        let Entry::Passage(i) = e else { panic!("a passage") };
        let p = &s.ds.passages[*i];
        assert!(p.themes.contains(&s.matrix.data.columns[c]));
        let centre_la = p.centre.as_deref().and_then(|id| s.ds.centre(id)).map(|c| c.la.clone());
        let ward_las: Vec<String> = p
            .wards
            .iter()
            .filter_map(|w| s.ds.ward(w))
            .map(|w| w.la.clone())
            .collect();
        assert!(p.las.contains(&la) || centre_la.as_ref() == Some(&la) || ward_las.contains(&la));
    }
    // Enter on a listed passage reads it; Esc closes the reader, Esc again the list.
    press(s, KeyCode::Enter);
    assert!(s.overlay.is_some());
    press(s, KeyCode::Esc);
    press(s, KeyCode::Esc);
    assert_eq!(s.matrix.open, None);
    assert_eq!(s.matrix.selected(), Some((r, c)));
    // A source filter recounts it.
    typed(s, "SS");
    let interim = Filters {
        sources: vec![Document::Interim],
        ..Filters::default()
    };
    assert_eq!(s.matrix.data, Matrix::compute(&s.ds, &ix, Rows::La, &interim));
    // The theme filter chooses the columns; the counts stay the search's.
    s.filters.themes.insert("childcare".into());
    s.filters.themes.insert("benefits".into());
    typed(s, "S"); // any action recounts; back to both sources
    let ids: Vec<&str> = s.matrix.data.columns.iter().map(String::as_str).collect();
    let full = Matrix::compute(&s.ds, &ix, Rows::La, &Filters::default());
    let at = |id: &str| full.columns.iter().position(|c| c == id).unwrap();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"childcare") && ids.contains(&"benefits"));
    for r in 0..full.rows.len() {
        let expected: Vec<usize> = ids.iter().map(|id| full.counts[r][at(id)]).collect();
        assert_eq!(s.matrix.data.counts[r], expected);
    }
}

#[test]
fn matrix_screens() {
    use crossterm::event::KeyCode;
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app();
        let s = &mut a.state;
        open_matrix(s);
        insta::assert_snapshot!(format!("matrix_{w}x{h}"), text(&draw(s, w, h, NO_COLOR)));
        // Scrolled to the last column, sorted by it.
        typed(s, "G");
        for _ in 0..30 {
            typed(s, "l");
        }
        typed(s, "s");
        insta::assert_snapshot!(
            format!("matrix_last_column_sorted_{w}x{h}"),
            text(&draw(s, w, h, NO_COLOR))
        );
        press(s, KeyCode::Enter);
        insta::assert_snapshot!(format!("matrix_cell_list_{w}x{h}"), text(&draw(s, w, h, NO_COLOR)));
    }
}

#[test]
fn the_matrix_is_heat_shaded_in_colour_and_plain_under_no_color() {
    let mut a = app();
    let s = &mut a.state;
    open_matrix(s);
    typed(s, "j"); // move off the first cell so it shows its shade
    let buf = draw(s, 120, 40, COLOR);
    let shaded = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| matches!(buf[(x, y)].bg, ratatui::style::Color::Indexed(_)))
        .count();
    assert!(shaded > 0, "some cells shaded");
    let plain = draw(s, 120, 40, NO_COLOR);
    assert!(
        (0..plain.area.height).all(|y| (0..plain.area.width).all(|x| plain[(x, y)].bg == ratatui::style::Color::Reset))
    );
    assert_eq!(text(&buf), text(&plain), "the same numbers either way");
}

#[test]
fn e_exports_the_view_and_never_overwrites() {
    let mut a = app();
    let out = tempfile::tempdir().unwrap();
    let s = &mut a.state;
    s.export_dir = Some(out.path().to_path_buf());
    open_matrix(s);
    typed(s, "E");
    let status = s.status.clone().unwrap_or_default();
    assert!(status.starts_with("Exported to "), "{status}");
    let csv = std::fs::read_to_string(out.path().join("casebook-matrix.csv")).unwrap();
    assert!(csv.starts_with("la,outreach,"));
    assert_eq!(csv.lines().count(), 1 + s.ds.las.len());
    let md = std::fs::read_to_string(out.path().join("casebook-matrix.md")).unwrap();
    assert!(md.contains("| Blackpool |"));
    // Again: new names, the first files untouched.
    std::fs::write(out.path().join("casebook-matrix.md"), "mine").unwrap();
    typed(s, "E");
    assert_eq!(
        std::fs::read_to_string(out.path().join("casebook-matrix.md")).unwrap(),
        "mine"
    );
    assert!(out.path().join("casebook-matrix-2.md").exists() && out.path().join("casebook-matrix-2.csv").exists());
    assert!(s.status.clone().unwrap_or_default().contains("casebook-matrix-2"));
    // A passage list: the Findings section through the source filter.
    select(s, &NavItem::Section(Section::Findings));
    typed(s, "SS");
    typed(s, "E");
    let md = std::fs::read_to_string(out.path().join("casebook-findings-all-findings.md")).unwrap();
    let csv = std::fs::read_to_string(out.path().join("casebook-findings-all-findings.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + entries(s).len());
    assert!(md.contains("*Source: Interim case-study summary"), "{md}");
    // A table.
    s.expanded.insert(NavItem::Section(Section::Tables));
    select(s, &NavItem::Table("A.1".into()));
    press(s, crossterm::event::KeyCode::Enter);
    typed(s, "E");
    let csv = std::fs::read_to_string(out.path().join("casebook-table-a-1.csv")).unwrap();
    assert!(csv.starts_with("la,"));
}

#[test]
fn b_writes_the_selected_las_brief() {
    let mut a = app();
    let out = tempfile::tempdir().unwrap();
    let s = &mut a.state;
    s.export_dir = Some(out.path().to_path_buf());
    select(s, &NavItem::La("sandwell".into()));
    typed(s, "B");
    let path = out.path().join("brief-sandwell.md");
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Pre-visit brief: Sandwell"));
    assert!(s.status.clone().unwrap_or_default().contains("brief-sandwell.md"));
    typed(s, "B");
    assert!(out.path().join("brief-sandwell-2.md").exists());
    select(s, &NavItem::Section(Section::Glossary));
    typed(s, "B");
    assert!(s.status.clone().unwrap_or_default().starts_with("Select an LA"));
}

#[test]
fn space_marks_las_and_c_compares_them() {
    use casebook::app::{Overlay, Readable};
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app();
        let s = &mut a.state;
        typed(s, "C");
        assert!(s.overlay.is_none());
        assert!(s.status.clone().unwrap_or_default().starts_with("Mark two or more"));
        select(s, &NavItem::La("sandwell".into()));
        typed(s, " ");
        select(s, &NavItem::La("somerset".into()));
        typed(s, " ");
        assert_eq!(s.marked, vec!["sandwell".to_string(), "somerset".to_string()]);
        let nav = text(&draw(s, w, h, NO_COLOR));
        assert!(nav.contains("✓ Sandwell") && nav.contains("✓ Somerset"), "{nav}");
        typed(s, "C");
        assert!(matches!(
            s.overlay,
            Some(Overlay::Reader {
                item: Readable::Comparison,
                ..
            })
        ));
        assert!(s.comparison.starts_with("Sandwell · Somerset side by side"));
        insta::assert_snapshot!(format!("compare_overlay_{w}x{h}"), text(&draw(s, w, h, NO_COLOR)));
        let out = tempfile::tempdir().unwrap();
        s.export_dir = Some(out.path().to_path_buf());
        typed(s, "E");
        let csv = std::fs::read_to_string(out.path().join("casebook-compare-sandwell-somerset.csv")).unwrap();
        assert!(
            csv.starts_with("table,figure,sandwell,somerset,gb,pilot_min,pilot_max\n"),
            "{csv}"
        );
        assert!(csv.contains("\nA.1,Economically active,71,83,79,70,83\n"), "{csv}");
        let md = std::fs::read_to_string(out.path().join("casebook-compare-sandwell-somerset.md")).unwrap();
        assert!(md.contains("Sandwell · Somerset side by side"));
        press(s, crossterm::event::KeyCode::Esc);
        assert!(s.overlay.is_none());
        // Space again unmarks.
        typed(s, " ");
        assert_eq!(s.marked, vec!["sandwell".to_string()]);
    }
}

#[test]
fn findings_split_into_baseline_and_case_study_tabs() {
    use casebook::app::view::Tab;
    let mut a = app();
    let s = &mut a.state;
    select(s, &NavItem::Section(Section::Findings));
    assert_eq!(s.current_tab(), Some(Tab::AllFindings));
    let all = entries(s);
    typed(s, "2");
    assert_eq!(s.current_tab(), Some(Tab::BaselineFindings));
    let baseline = entries(s);
    typed(s, "3");
    assert_eq!(s.current_tab(), Some(Tab::CaseStudyFindings));
    let interim = entries(s);
    assert!(!baseline.is_empty() && !interim.is_empty());
    assert!(baseline.iter().all(|e| !interim.contains(e)));
    assert_eq!(baseline.len() + interim.len(), all.len());
    for e in &interim {
        let Entry::Passage(i) = e else { panic!("a passage") };
        assert_eq!(s.ds.passages[*i].document, Document::Interim);
    }
    let screen = text(&draw(s, 80, 24, NO_COLOR));
    assert!(screen.contains("Case-study summary"), "{screen}");
}

#[test]
fn a_note_saved_elsewhere_is_counted_in_the_shown_matrix() {
    let mut a = app();
    let s = &mut a.state;
    select(s, &NavItem::Section(Section::Matrix));
    casebook::app::update(s, casebook::app::Action::Tick);
    let row = s
        .matrix
        .data
        .rows
        .iter()
        .position(|r| r == "sandwell")
        .expect("Sandwell row");
    let col = 0;
    let theme = s.matrix.data.columns[col].clone();
    let before = s.matrix.data.counts[row][col];
    let mut other = casebook::notes::NoteStore::open(&a.dir.path().join("notes.ron"));
    other
        .add(
            casebook::notes::Target::La("sandwell".into()),
            "seen at the centre",
            vec![theme],
        )
        .expect("note added");
    // The periodic reload picks the note up; the matrix is recounted with it.
    casebook::app::update(s, casebook::app::Action::Tick);
    assert_eq!(s.matrix.data.counts[row][col], before + 1);
}
