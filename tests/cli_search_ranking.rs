//! `casebook search` as a process on the bundled dataset: field notes are
//! found as the app finds them, loose matches are counted apart and listed
//! only with `--loose`, JSON says how well each hit matched.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn casebook(notes: &Path) -> Command {
    let mut c = Command::cargo_bin("casebook").expect("binary builds");
    c.env("NO_COLOR", "1")
        .env_remove("CASEBOOK_NOTES")
        .arg("--notes")
        .arg(notes);
    c
}

fn ok(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(notes: &Path, args: &[&str]) -> Vec<Value> {
    let out = ok(casebook(notes).arg("search").args(args).args(["--format", "json"]));
    serde_json::from_str::<Value>(&out).unwrap().as_array().unwrap().clone()
}

#[test]
fn notes_are_found_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let id = ok(casebook(&notes).args([
        "notes",
        "add",
        "--passage",
        "bid-sandwell-targeted-promotion",
        "Zebedee crossing outside the centre worries parents",
    ]));
    let id = id.trim();
    let hits = json(&notes, &["zebedee"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["id"], id);
    assert_eq!(hits[0]["kind"], "note");
    assert_eq!(hits[0]["quality"], "word");
    assert_eq!(hits[0]["target"]["kind"], "passage");
    assert_eq!(hits[0]["target"]["id"], "bid-sandwell-targeted-promotion");
    // A passage target lends its LA: the note passes --la sandwell.
    assert_eq!(json(&notes, &["--kind", "note", "--la", "sandwell"]).len(), 1);
    assert_eq!(json(&notes, &["--kind", "note", "--la", "lambeth"]).len(), 0);
    let text = ok(casebook(&notes).args(["search", "zebedee"]));
    assert!(text.contains("Zebedee crossing"), "{text}");
    assert!(text.contains("1 match"), "{text}");
}

#[test]
fn a_missing_or_broken_notes_file_still_searches_passages() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.ron");
    assert!(!json(&missing, &["transport"]).is_empty());
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "[ (id: ").unwrap();
    let out = casebook(&broken).args(["search", "transport"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("field notes not searched"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("transport"));
}

#[test]
fn loose_matches_are_counted_and_listed_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let text = ok(casebook(&notes).args(["search", "Tuesdays"]));
    assert!(text.starts_with("no matches · "), "{text}");
    assert!(text.contains(" loose (--loose lists them)"), "{text}");
    assert!(json(&notes, &["Tuesdays"]).is_empty());
    let loose = json(&notes, &["Tuesdays", "--loose", "--limit", "0"]);
    assert!(!loose.is_empty());
    assert!(loose.iter().all(|h| h["quality"] == "loose"));
    // With both kinds, loose ones come after every better match.
    let all = json(&notes, &["transport", "--loose", "--limit", "0"]);
    let first_loose = all.iter().position(|h| h["quality"] == "loose").unwrap();
    assert!(first_loose >= 1);
    assert!(all[first_loose..].iter().all(|h| h["quality"] == "loose"));
    let text = ok(casebook(&notes).args(["search", "transport", "--loose", "--limit", "0"]));
    assert!(text.contains("── loose matches ("), "{text}");
}

#[test]
fn exact_words_and_phrases_come_first() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let first = |q: &str| {
        json(&notes, &[q, "--limit", "1"])[0]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(first("Free for 2"), "bid-sandwell-targeted-promotion");
    assert_eq!(first("wheatshef"), "bid-southampton-partners");
    assert_eq!(
        first("paddingtn"),
        "bid-westminster-partner-paddington-development-trust"
    );
    let hits = json(&notes, &["wheatshef"]);
    assert_eq!(hits[0]["quality"], "close");
    let volunt = json(&notes, &["volunt", "--limit", "3"]);
    assert!(volunt.iter().all(|h| h["quality"] == "part"), "{volunt:?}");
}
