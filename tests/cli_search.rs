//! `casebook search` as a process, on a small dataset written to a
//! temporary directory: text and JSON output, filters, limits, errors.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const FILES: &[(&str, &str)] = &[
    (
        "las.ron",
        r#"[(id: "lambeth", name: "Lambeth"), (id: "ealing", name: "Ealing")]"#,
    ),
    (
        "centres.ron",
        r#"[(id: "lambeth-lark-hall", la: "lambeth", name: "Lark Hall", table_name: "Lambeth Lark Hall")]"#,
    ),
    ("wards.ron", "[]"),
    (
        "themes.ron",
        r#"[(id: "outreach", label: "Outreach and engagement", description: "d"),
            (id: "benefits", label: "Benefits and tax credits", description: "d")]"#,
    ),
    ("glossary.ron", r#"[(abbr: "IB", expansion: "Incapacity Benefit")]"#),
    (
        "passages/p.ron",
        r#"[
    (id: "p-cafe", kind: Finding, las: ["lambeth"], centre: Some("lambeth-lark-hall"), title: "Café meetings",
        text: "Parents met at the café every week.", themes: ["outreach"], document: Baseline, chapter: "Test", section: "Appendix B, Lambeth"),
    (id: "p-ib", kind: View, las: ["ealing"], title: "Claimants of Incapacity Benefit",
        text: "Advisers worked with parents on IB.", themes: ["benefits"], document: Interim, chapter: "Test", section: "Engagement"),
    (id: "p-outreach", kind: Finding, title: "Outreach to fathers",
        text: "Staff visited homes.", themes: ["outreach"], document: Baseline, chapter: "Test", section: "Engagement"),
]"#,
    ),
];

fn dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (path, text) in FILES {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn casebook(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("casebook").expect("the binary is built");
    // Notes beside the dataset (none): the user's own notes stay out of it.
    cmd.arg("--data")
        .arg(data)
        .env_remove("NO_COLOR")
        .env("CASEBOOK_NOTES", data.join("notes.ron"));
    cmd
}

fn json(data: &Path, args: &[&str]) -> Vec<Value> {
    let out = casebook(data)
        .arg("search")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    v.as_array().expect("an array of hits").clone()
}

fn ids(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| h["id"].as_str().unwrap()).collect()
}

#[test]
fn json_hits_have_the_documented_fields() {
    let dir = dataset();
    let hits = json(dir.path(), &["cafe"]);
    assert_eq!(ids(&hits)[0], "p-cafe");
    let h = &hits[0];
    assert_eq!(h["kind"], "finding");
    assert_eq!(h["la"], "lambeth");
    assert_eq!(h["las"], serde_json::json!(["lambeth"]));
    assert_eq!(h["centre"], "lambeth-lark-hall");
    assert_eq!(h["title"], "Café meetings");
    assert_eq!(h["text"], "Parents met at the café every week.");
    assert_eq!(h["themes"], serde_json::json!(["outreach"]));
    assert_eq!(h["source"], "Baseline report, Appendix B, Lambeth");
    assert!(h["score"].as_i64().unwrap() > 0);
    assert!(h["snippet"].as_str().unwrap().contains("café"));
    // Character ranges: "Café" is characters 0..4, whatever its bytes.
    assert_eq!(h["matches"]["title"], serde_json::json!([[0, 4]]));
    assert_eq!(h["matches"]["text"], serde_json::json!([[19, 23]]));
    assert!(h["matches"]["snippet"].is_array());
    // No LA: `la` is null.
    let hits = json(dir.path(), &["'outreach to"]);
    assert_eq!(hits[0]["la"], Value::Null);
    assert_eq!(hits[0]["las"], serde_json::json!([]));
}

#[test]
fn filters_limits_and_empty_queries() {
    let dir = dataset();
    assert_eq!(ids(&json(dir.path(), &[])), vec!["p-cafe", "p-ib", "p-outreach"]);
    assert_eq!(
        ids(&json(dir.path(), &["--kind", "finding"])),
        vec!["p-cafe", "p-outreach"]
    );
    assert_eq!(
        ids(&json(dir.path(), &["--la", "ealing", "--la", "lambeth"])),
        vec!["p-cafe", "p-ib"]
    );
    assert_eq!(ids(&json(dir.path(), &["--theme", "benefits"])), vec!["p-ib"]);
    assert_eq!(
        ids(&json(dir.path(), &["--centre", "lambeth-lark-hall"])),
        vec!["p-cafe"]
    );
    assert_eq!(json(dir.path(), &["--limit", "1"]).len(), 1);
    assert_eq!(json(dir.path(), &["--limit", "0"]).len(), 3);
    // Several words are one query; abbreviations expand.
    assert_eq!(ids(&json(dir.path(), &["incapacity", "benefit"])), vec!["p-ib"]);
    assert_eq!(ids(&json(dir.path(), &["'IB'"])), vec!["p-ib"]);
    assert!(json(dir.path(), &["zzqqx"]).is_empty());
}

#[test]
fn text_output_has_a_block_per_hit_and_no_escapes_when_piped() {
    let dir = dataset();
    casebook(dir.path())
        .args(["search", "outreach", "--limit", "1"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("p-outreach · finding · word match\n"))
        .stdout(predicate::str::contains("  Outreach to fathers\n"))
        .stdout(predicate::str::contains(
            "  Baseline report, Engagement · themes: outreach\n",
        ))
        .stdout(predicate::str::contains("2 matches · 1 shown (--limit 0 shows all)"))
        .stdout(predicate::str::contains("\x1b[").not());
    casebook(dir.path())
        .args(["search", "zzqqx"])
        .assert()
        .success()
        .stdout("no matches\n");
}

#[test]
fn syntax_errors_and_unknown_ids_are_explained() {
    let dir = dataset();
    casebook(dir.path())
        .args(["search", "!"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid query: `!` on its own"));
    casebook(dir.path())
        .args(["search", "foo:bar"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown scope `foo:`"));
    casebook(dir.path())
        .args(["search", "--la", "lambth"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no local authority with id `lambth`; did you mean `lambeth`?",
        ));
    casebook(dir.path())
        .args(["search", "--kind", "findings"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `finding`"));
    casebook(dir.path())
        .args(["search", "--theme", "outreech"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`outreach`"));
    casebook(dir.path())
        .args(["search", "x", "--format", "csv"])
        .assert()
        .code(2);
}

#[test]
fn the_bundled_dataset_is_searchable() {
    let out = Command::cargo_bin("casebook")
        .unwrap()
        .args(["search", "--limit", "3", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() <= 3);
}
