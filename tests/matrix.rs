//! The cases × themes matrix agrees with search for every cell: over the
//! bundled dataset, all LAs (and all centres) × all themes, with and
//! without kind and source filters; and `casebook matrix` as a process
//! (text, CSV, JSON, errors).

use assert_cmd::Command;
use casebook::analysis::{Matrix, Rows};
use casebook::dataset::{Document, Kind, load_bundled};
use casebook::search::{Filters, Query, SearchIndex};
use serde_json::Value;

fn search_len(ix: &SearchIndex, f: &Filters) -> usize {
    ix.search(&Query::parse("").expect("empty query"), f, 0).len()
}

fn base_filters() -> Vec<Filters> {
    vec![
        Filters::default(),
        Filters {
            sources: vec![Document::Baseline],
            ..Filters::default()
        },
        Filters {
            kinds: vec![Kind::Finding, Kind::BidAim],
            sources: vec![Document::Interim],
            ..Filters::default()
        },
    ]
}

#[test]
fn every_cell_equals_the_search_count() {
    let ds = load_bundled().expect("bundled dataset");
    let ix = SearchIndex::new(&ds, Vec::new());
    for base in base_filters() {
        for rows in [Rows::La, Rows::Centre] {
            let m = Matrix::compute(&ds, &ix, rows, &base);
            let expected = if rows == Rows::La {
                ds.las.len()
            } else {
                ds.centres.len()
            };
            assert_eq!(m.rows.len(), expected);
            assert_eq!(m.columns.len(), ds.themes.len());
            for (r, id) in m.rows.iter().enumerate() {
                for (c, theme) in m.columns.iter().enumerate() {
                    let mut f = base.clone();
                    f.themes = vec![theme.clone()];
                    match rows {
                        Rows::La => f.las = vec![id.clone()],
                        Rows::Centre => f.centres = vec![id.clone()],
                    }
                    assert_eq!(m.counts[r][c], search_len(&ix, &f), "{id} × {theme} with {base:?}");
                    assert_eq!(m.cell(&base, r, c), Some(f));
                }
                let mut f = base.clone();
                f.themes = m.columns.clone();
                match rows {
                    Rows::La => f.las = vec![id.clone()],
                    Rows::Centre => f.centres = vec![id.clone()],
                }
                assert_eq!(m.row_totals[r], search_len(&ix, &f), "total of {id}");
            }
        }
    }
    // Not all zero: the bundled dataset codes LAs by theme.
    let m = Matrix::compute(&ds, &ix, Rows::La, &Filters::default());
    assert!(m.max > 0 && m.total > 0);
}

fn casebook() -> Command {
    let mut cmd = Command::cargo_bin("casebook").expect("the binary is built");
    cmd.env("CASEBOOK_NOTES", "/nonexistent/casebook-matrix-notes.ron");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = casebook().args(args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn matrix_json_and_csv_as_a_process_agree_with_the_engine() {
    let ds = load_bundled().expect("bundled dataset");
    let ix = SearchIndex::new(&ds, Vec::new());
    let base = Filters {
        sources: vec![Document::Baseline],
        kinds: vec![Kind::Finding],
        ..Filters::default()
    };
    let m = Matrix::compute(&ds, &ix, Rows::La, &base);
    let args = ["matrix", "--source", "baseline", "--kind", "finding"];
    let v: Value = serde_json::from_str(&stdout(&[&args[..], &["--format", "json"]].concat())).expect("JSON");
    let cols: Vec<&str> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(cols, ds.themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>());
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), ds.las.len());
    for (r, row) in rows.iter().enumerate() {
        assert_eq!(row["la"], ds.las[r].id.as_str());
        for (c, theme) in cols.iter().enumerate() {
            assert_eq!(row["counts"][theme].as_u64(), Some(m.counts[r][c] as u64));
        }
    }
    let csv = stdout(&[&args[..], &["--format", "csv"]].concat());
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap(), format!("la,{}", cols.join(",")));
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(first[0], ds.las[0].id);
    assert_eq!(first[1].parse::<usize>().unwrap(), m.counts[0][0]);
    assert_eq!(csv.lines().count(), 1 + ds.las.len());
    // One cell checked against `casebook search` itself.
    let (r, c) = (0..m.rows.len())
        .flat_map(|r| (0..m.columns.len()).map(move |c| (r, c)))
        .max_by_key(|&(r, c)| m.counts[r][c])
        .unwrap();
    let hits: Value = serde_json::from_str(&stdout(&[
        "search",
        "--la",
        &m.rows[r],
        "--theme",
        &m.columns[c],
        "--source",
        "baseline",
        "--kind",
        "finding",
        "--limit",
        "0",
        "--format",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(hits.as_array().unwrap().len(), m.counts[r][c]);
    // Centres as rows.
    let csv = stdout(&["matrix", "--rows", "centre", "--format", "csv"]);
    assert!(csv.starts_with("centre,outreach,"));
    assert_eq!(csv.lines().count(), 1 + ds.centres.len());
}

#[test]
fn matrix_text_names_rows_themes_and_filters_and_rejects_unknown_values() {
    let text = stdout(&["matrix", "--source", "interim"]);
    assert!(text.starts_with("Passages and notes per LA and theme (every kind · source: Interim case-study summary)"));
    assert!(text.contains("\nBlackpool ") && text.contains("\nany "));
    assert!(
        text.contains(" 1  outreach  ") || text.contains(" 1  outreach "),
        "{text}"
    );
    assert!(!text.contains('\x1b'));
    let out = casebook().args(["matrix", "--kind", "findng"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `finding`"));
    let out = casebook().args(["matrix", "--source", "both"]).output().unwrap();
    assert!(!out.status.success());
    let csv = stdout(&[
        "matrix",
        "--theme",
        "childcare",
        "--theme",
        "benefits",
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with("la,childcare,benefits\n"), "{csv}");
    let out = casebook().args(["matrix", "--theme", "chidcare"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `childcare`"));
    let out = casebook().args(["matrix", "--rows", "ward"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
