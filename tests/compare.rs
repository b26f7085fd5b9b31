//! `casebook compare` as a process: the text as an insta snapshot, the
//! JSON against the dataset's own figures, and errors.

use assert_cmd::Command;
use casebook::dataset::{Area, load_bundled, profile};
use serde_json::Value;

fn casebook(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("casebook")
        .expect("the binary is built")
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(args: &[&str]) -> String {
    let out = casebook(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn compare_text_snapshot() {
    insta::assert_snapshot!(
        "compare_sandwell_somerset",
        stdout(&["compare", "sandwell", "somerset"])
    );
    insta::assert_snapshot!(
        "compare_four_with_hotspots",
        stdout(&[
            "compare",
            "redcar-and-cleveland",
            "southampton",
            "westminster",
            "sandwell"
        ])
    );
}

#[test]
fn compare_json_holds_every_figure_exactly_as_published() {
    let ds = load_bundled().expect("bundled dataset");
    let v: Value =
        serde_json::from_str(&stdout(&["compare", "sandwell", "somerset", "--format", "json"])).expect("JSON");
    assert_eq!(v["las"][0], serde_json::json!(["sandwell", "Sandwell"]));
    let figures = v["figures"].as_array().expect("figures");
    for (i, id) in ["sandwell", "somerset"].iter().enumerate() {
        let prof = profile(&ds, &Area::La(id.to_string()));
        assert!(!prof.is_empty());
        for f in prof {
            let row = figures
                .iter()
                .find(|r| r["table"] == f.table.as_str() && r["column"] == f.column.as_str())
                .unwrap_or_else(|| panic!("{} {} missing", f.table, f.column));
            assert_eq!(row["values"][i].as_str(), f.value.as_deref(), "{id} {}", f.column);
            assert_eq!(row["gb"].as_str(), f.compare.as_deref());
        }
    }
    // Bid sections: each LA's aims are its own.
    let aims = v["bid"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "bid-aim")
        .expect("aims");
    for (i, id) in ["sandwell", "somerset"].iter().enumerate() {
        let listed: Vec<&str> = aims["passages"][i]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[0].as_str().unwrap())
            .collect();
        assert!(!listed.is_empty());
        for pid in listed {
            assert!(ds.passage(pid).is_some_and(|p| p.las.contains(&id.to_string())));
        }
    }
    // Each LA's A.6 centres.
    assert_eq!(
        v["centres"][0].as_array().unwrap().len(),
        ds.centres_of("sandwell").count()
    );
}

#[test]
fn compare_needs_two_known_distinct_las() {
    let out = casebook(&["compare", "sandwell"]);
    assert_eq!(out.status.code(), Some(2));
    let out = casebook(&["compare", "sandwell", "somerst"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `somerset`"));
    let out = casebook(&["compare", "sandwell", "sandwell"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("given twice"));
}
