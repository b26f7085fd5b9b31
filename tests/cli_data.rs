//! The data subcommands (check, list, show, table) run as a process.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn casebook() -> Command {
    let mut c = Command::cargo_bin("casebook").expect("binary builds");
    c.env("NO_COLOR", "1");
    c
}

fn json(args: &[&str]) -> Value {
    let out = casebook().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{:?}: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is valid JSON")
}

fn stdout(args: &[&str]) -> String {
    let out = casebook().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{:?}: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn check_summarises_the_bundled_dataset() {
    casebook().arg("check").assert().success().stdout(
        predicate::str::is_match(r"^ok: 10 local authorities, 30 centres, 36 wards, 9 tables, \d+ themes").unwrap(),
    );
}

#[test]
fn check_reports_a_broken_directory_with_location_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in ["las.ron", "centres.ron", "wards.ron", "themes.ron", "glossary.ron"] {
        std::fs::copy(data.join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("glossary.ron"),
        "[ (abbr: \"IB\", expansion: \"Incapacity Benefit\", x: 1) ]",
    )
    .unwrap();
    casebook()
        .args(["check", "--data"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("glossary.ron:1:").and(predicate::str::contains("`x`")));
}

#[test]
fn no_subcommand_and_every_subcommand_have_help() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["list", "--help"],
        vec!["show", "--help"],
        vec!["table", "--help"],
    ] {
        casebook()
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: casebook"));
    }
}

#[test]
fn list_las_text_and_json() {
    let text = stdout(&["list", "las"]);
    assert!(text.starts_with("ID"), "{text}");
    assert!(text.contains("redcar-and-cleveland  Redcar and Cleveland"), "{text}");
    let v = json(&["list", "las", "--format", "json"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 10);
    assert_eq!(ids[0], "blackpool");
    assert_eq!(ids[9], "westminster");
}

#[test]
fn list_centres_and_wards_filter_by_la() {
    let v = json(&["list", "centres", "--la", "lambeth", "--format", "json"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["lambeth-lark-hall", "lambeth-brixton", "lambeth-tree-house"]);
    let v = json(&["list", "wards", "--la", "somerset", "--format", "json"]);
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["district"], "West Somerset");
}

#[test]
fn list_themes_counts_passages_per_la() {
    let v = json(&["list", "themes", "--format", "json"]);
    let themes = v.as_array().unwrap();
    assert!(themes.len() >= 15 && themes.len() <= 30);
    for t in themes {
        let per_la: u64 = t["per_la"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        let total = t["passages"].as_u64().unwrap();
        assert!(per_la >= total.min(1) || total == 0 || per_la == 0, "{t}");
        assert_eq!(t["per_la"].as_object().unwrap().len(), 10);
    }
}

#[test]
fn unknown_ids_suggest_the_closest() {
    casebook()
        .args(["show", "la", "lambth"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "no local authority with id `lambth`; did you mean `lambeth`",
        ));
    casebook()
        .args(["list", "wards", "--la", "westminter"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `westminster`"));
    casebook()
        .args(["table", "A.12"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no table with id `A.12`"));
}

#[test]
fn show_la_puts_each_figure_beside_gb_and_the_pilot_range() {
    let v = json(&["show", "la", "blackpool", "--format", "json"]);
    assert_eq!(v["name"], "Blackpool");
    let figures = v["figures"].as_array().unwrap();
    let active = figures
        .iter()
        .find(|f| f["table"] == "A.1" && f["column"] == "Economically active")
        .unwrap();
    assert_eq!(active["value"], "73");
    assert_eq!(active["compare_label"], "GB");
    assert_eq!(active["compare"], "79");
    assert_eq!(active["range"], serde_json::json!([70.0, 83.0]));
    let bereaved = figures.iter().find(|f| f["column"] == "Bereaved").unwrap();
    assert!(bereaved["value"].is_null(), "a '-' is missing, never 0");
    assert_eq!(v["centres"].as_array().unwrap().len(), 3);
    assert_eq!(v["wards"].as_array().unwrap().len(), 5);
    let text = stdout(&["show", "la", "blackpool"]);
    let line = text
        .lines()
        .find(|l| l.contains("A.1  Economically active "))
        .expect("A.1 line");
    assert!(
        line.contains(" 73 ") && line.contains("GB 79") && line.contains("pilot range 70–83"),
        "{line}"
    );
}

#[test]
fn show_ward_compares_with_its_la_and_lists_centres() {
    let v = json(&["show", "ward", "westminster-church-street", "--format", "json"]);
    let inactive = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["column"] == "Economically inactive (ward)")
        .unwrap();
    assert_eq!(inactive["value"], "40");
    assert_eq!(inactive["compare"], "29");
    assert_eq!(v["centres"][0]["id"], "westminster-church-street");
    let v = json(&["show", "ward", "somerset-watchet", "--format", "json"]);
    let active = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["column"] == "Economically active (ward)")
        .unwrap();
    assert_eq!(active["compare_label"], "West Somerset");
    assert_eq!(active["compare"], "75");
}

#[test]
fn show_centre_compares_with_the_other_pilot_centres() {
    let v = json(&["show", "centre", "kingston-upon-hull-macmillan", "--format", "json"]);
    assert_eq!(v["area_description"], "Urban");
    let lone = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["column"] == "Proportion of lone parent families")
        .unwrap();
    assert_eq!(lone["value"], "9.4");
    assert_eq!(lone["compare_label"], "pilot centres median");
    let bme = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["column"] == "Ethnicity (percentage of BME)")
        .unwrap();
    assert!(bme["value"].is_null());
    let text = stdout(&["show", "centre", "kingston-upon-hull-macmillan"]);
    assert!(text.contains("Ethnicity (percentage of BME)"), "{text}");
}

#[test]
fn table_csv_has_la_and_area_columns_and_empty_missing_cells() {
    let csv = stdout(&["table", "a2", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "la,Jobseekers,Incapacity benefits,Lone parents,Carers,Others on income-related benefits,Disabled,Bereaved"
    );
    assert_eq!(lines.next().unwrap(), "blackpool,3,13,3,2,1,2,");
    assert!(csv.lines().any(|l| l == "somerset,1,6,1,1,,1,"), "{csv}");
    assert_eq!(csv.lines().last().unwrap(), "gb,2,7,2,1,1,1,");

    let csv = stdout(&["table", "A9", "--format", "csv"]);
    assert!(csv.starts_with("la,ward,IS,JSA,Total\n"), "{csv}");
    assert!(csv.contains("\nnottingham,nottingham-aspley,1185,50,1235\n"), "{csv}");
    let csv = stdout(&["table", "A.6", "--format", "csv"]);
    assert!(csv.starts_with("la,centre,Area description,"), "{csv}");
    assert!(
        csv.contains("\"Proportion of children in workless households, 0-4\""),
        "{csv}"
    );
}

#[test]
fn table_json_uses_null_for_missing_and_numbers_for_figures() {
    let v = json(&["table", "A.3", "--format", "json"]);
    assert_eq!(v["id"], "A.3");
    assert_eq!(v["rows"][0]["la"], "blackpool");
    assert_eq!(v["rows"][0]["April 2008"], 1156);
    let v = json(&["table", "A.2", "--format", "json"]);
    for row in v["rows"].as_array().unwrap() {
        assert!(row["Bereaved"].is_null(), "{row}");
    }
    let v = json(&["table", "A.6", "--format", "json"]);
    let brixton = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["centre"] == "lambeth-brixton")
        .unwrap();
    assert_eq!(brixton["Ethnicity (percentage of BME)"], 44);
    assert!(brixton["markers"][0].as_str().unwrap().ends_with(": +"), "{brixton}");
}

#[test]
fn table_sorts_by_any_column_with_missing_last() {
    let csv = stdout(&[
        "table",
        "A.4",
        "--sort",
        "Economically inactive (ward)",
        "--desc",
        "--format",
        "csv",
    ]);
    let first: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(first[4], "45");
    let csv = stdout(&["table", "A.3", "--sort", "3", "--format", "csv"]);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert!(rows[0].starts_with("redcar-and-cleveland,"), "{csv}");
    assert!(rows[9].starts_with("somerset,"), "{csv}");
    casebook()
        .args(["table", "A.3", "--sort", "nothing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("columns are: 1 (April 2007)"));
}

#[test]
fn table_text_shows_title_source_notes_and_dashes_for_missing() {
    let text = stdout(&["table", "A.2"]);
    assert!(text.starts_with("Table A.2  Key benefits claimed"), "{text}");
    assert!(text.contains("Source: DWP benefit claimants"), "{text}");
    assert!(text.contains("Note: "), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("Blackpool") && l.trim_end().ends_with('–')),
        "{text}"
    );
}

#[test]
fn the_app_without_a_terminal_says_what_to_do_instead() {
    casebook()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the app needs an interactive terminal"));
}

#[test]
fn output_closed_early_is_not_a_panic() {
    let bin = assert_cmd::cargo::cargo_bin("casebook");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' table A.4 --format json | head -c 10 >/dev/null; '{}' show la lambeth | head -n 1",
            bin.display(),
            bin.display()
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Lambeth"));
}

#[test]
fn check_counts_caveats_by_kind_and_milestones() {
    let text = stdout(&["check"]);
    let line = text
        .lines()
        .find(|l| l.starts_with("caveats by kind: "))
        .expect("a caveats line");
    for kind in [
        "table-internal",
        "text-against-table",
        "text-against-text",
        "interim-against-baseline",
    ] {
        assert!(
            line.split(", ").any(|part| part
                .trim_start_matches("caveats by kind: ")
                .starts_with(&format!("{kind} "))),
            "{kind} missing from {line}"
        );
    }
    let milestones = text
        .lines()
        .find(|l| l.starts_with("milestones: "))
        .expect("a milestones line");
    let n: usize = milestones["milestones: ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(n >= 10 && milestones.contains(" to "), "{milestones}");
}

#[test]
fn show_lists_caveats_about_the_areas_passages_with_their_kind() {
    let v = json(&["show", "la", "blackpool", "--format", "json"]);
    let caveats = v["caveats"].as_array().expect("caveats");
    // Not tagged with Blackpool, but about a passage that is.
    let c = caveats
        .iter()
        .find(|c| c["id"] == "caveat-text-lone-parents-all-areas")
        .expect("a caveat about one of Blackpool's passages");
    assert_eq!(c["caveat"], "text-against-table");
    assert!(c["stores"].as_str().is_some_and(|s| !s.is_empty()));
    let text = stdout(&["show", "la", "blackpool"]);
    assert!(text.contains("text-against-table: "), "{text}");
    assert!(text.contains("casebook stores: "), "{text}");
}
