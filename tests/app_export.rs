//! The matrix by centre (`r`) and the export of search results (Ctrl-x in
//! the search box), driven by keys with no terminal.

mod support;

use casebook::analysis::{Matrix, Rows};
use casebook::app::nav::{NavItem, Section};
use casebook::search::{Filters, Query, SearchIndex};
use crossterm::event::{KeyCode, KeyModifiers};
use support::*;

fn open_matrix(s: &mut casebook::app::State) {
    let at = s
        .nav_items()
        .iter()
        .position(|x| *x == NavItem::Section(Section::Matrix))
        .expect("the Matrix section");
    s.nav_selected = at;
    press(s, KeyCode::Enter);
}

#[test]
fn r_switches_the_matrix_rows_between_las_and_centres() {
    let mut a = app();
    let s = &mut a.state;
    open_matrix(s);
    assert_eq!(s.matrix.data.rows_of, Rows::La);
    typed(s, "jls"); // a cursor and a sort, which a new set of rows resets
    typed(s, "r");
    let ix = SearchIndex::new(&s.ds, Vec::new());
    let expected = Matrix::compute(&s.ds, &ix, Rows::Centre, &Filters::default());
    assert_eq!(s.matrix.data, expected);
    assert_eq!(s.matrix.data.rows.len(), s.ds.centres.len());
    assert_eq!((s.matrix.row, s.matrix.sort), (0, None));
    // Each cell is what a search by centre and theme returns.
    for (r, centre) in expected.rows.iter().enumerate() {
        for (c, theme) in expected.columns.iter().enumerate() {
            let f = Filters {
                centres: vec![centre.clone()],
                themes: vec![theme.clone()],
                ..Filters::default()
            };
            assert_eq!(
                expected.counts[r][c],
                ix.search(&Query::default(), &f, 0).len(),
                "{centre} × {theme}"
            );
        }
    }
    // The sources' passages are about LAs; a field note on a centre counts in its row.
    casebook::notes::NoteStore::open(&a.dir.path().join("notes.ron"))
        .add(
            casebook::notes::Target::Centre("blackpool-clifton".into()),
            "crèche full on Tuesdays",
            vec!["childcare".into()],
        )
        .expect("note added");
    let s = &mut a.state;
    casebook::app::update(s, casebook::app::Action::Tick);
    let col = s.matrix.data.columns.iter().position(|c| c == "childcare").unwrap();
    assert_eq!(s.matrix.data.counts[0][col], 1, "Clifton × childcare");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("matrix_centres_{w}x{h}"), text(&draw(s, w, h, NO_COLOR)));
    }
    // E exports the centre rows under their own name.
    let out = tempfile::tempdir().unwrap();
    s.export_dir = Some(out.path().to_path_buf());
    typed(s, "E");
    let csv = std::fs::read_to_string(out.path().join("casebook-matrix-centres.csv")).unwrap();
    assert!(csv.starts_with("centre,"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + s.ds.centres.len());
    // Again: back to LAs.
    typed(s, "r");
    assert_eq!(s.matrix.data.rows_of, Rows::La);
    assert_eq!(s.matrix.data.rows.len(), s.ds.las.len());
}

/// The CSV's data rows: each starts with its rank and quality.
fn ranked_rows(csv: &str) -> Vec<(usize, String)> {
    csv.lines()
        .filter_map(|l| {
            let mut f = l.splitn(3, ',');
            let rank = f.next()?.parse().ok()?;
            let quality = f.next()?;
            matches!(quality, "match" | "loose").then(|| (rank, quality.to_string()))
        })
        .collect()
}

fn loose_of(rows: &[(usize, String)]) -> usize {
    rows.iter().filter(|(_, q)| q == "loose").count()
}

#[test]
fn ctrl_x_in_the_search_box_exports_every_result_and_e_still_types() {
    let mut a = app();
    let out = tempfile::tempdir().unwrap();
    let s = &mut a.state;
    s.export_dir = Some(out.path().to_path_buf());
    typed(s, "/");
    typed(s, "centrE");
    assert_eq!(s.search.query(), "centrE", "E is typed, not an export");
    assert!(std::fs::read_dir(out.path()).unwrap().next().is_none());
    key(s, KeyCode::Backspace, KeyModifiers::NONE);
    typed(s, "e");
    let total = s.search.total;
    assert!(total > 200, "more matches ({total}) than the list builds at first");
    assert!(s.search.hits.len() < total);
    key(s, KeyCode::Char('x'), KeyModifiers::CONTROL);
    let status = s.status.clone().unwrap_or_default();
    assert!(status.contains("casebook-search-centre.md"), "{status}");
    assert!(
        matches!(s.overlay, Some(casebook::app::Overlay::Search)),
        "the box stays open"
    );
    let csv = std::fs::read_to_string(out.path().join("casebook-search-centre.csv")).unwrap();
    assert!(csv.starts_with("rank,quality,id,kind,title,las,text,source\n"));
    let rows = ranked_rows(&csv);
    // Every match the command line counts, loose ones included.
    let mut all = casebook::search::Searcher::new(SearchIndex::new(&s.ds, Vec::new()));
    all.search("centre", &Filters::default()).unwrap();
    all.find_loose();
    assert_eq!(rows.len(), all.total(), "every match, not only those built");
    assert!(rows.len() > total && loose_of(&rows) > 0, "the loose matches too");
    assert_eq!(s.search.total, all.total(), "the box's count follows");
    assert!(rows.iter().enumerate().all(|(i, (rank, _))| *rank == i + 1));
    let loose = loose_of(&rows);
    assert_eq!(loose, s.search.loose);
    // Loose matches come last, in Markdown under their own heading.
    assert!(rows.iter().skip_while(|(_, q)| q == "match").all(|(_, q)| q == "loose"));
    let md = std::fs::read_to_string(out.path().join("casebook-search-centre.md")).unwrap();
    assert!(md.starts_with("# Search: centre\n"));
    assert!(
        md.contains(&format!("{} matches · {loose} loose", rows.len() - loose)),
        "{}",
        &md[..200]
    );

    assert_eq!(md.contains("## Loose matches"), loose > 0);
    assert!(md.contains("## Matches\n\n### 1. "));
    // Again: new names, never overwriting.
    key(s, KeyCode::Char('x'), KeyModifiers::CONTROL);
    assert!(out.path().join("casebook-search-centre-2.csv").exists());
}

#[test]
fn ctrl_x_with_nothing_found_writes_nothing_and_says_so() {
    let mut a = app();
    let out = tempfile::tempdir().unwrap();
    let s = &mut a.state;
    s.export_dir = Some(out.path().to_path_buf());
    typed(s, "/");
    typed(s, "zzqqxxyy");
    key(s, KeyCode::Char('x'), KeyModifiers::CONTROL);
    assert!(s.status.clone().unwrap_or_default().starts_with("Nothing to export"));
    assert!(std::fs::read_dir(out.path()).unwrap().next().is_none());
}
