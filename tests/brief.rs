//! `casebook brief` as a process: the Markdown as an insta snapshot (notes
//! time-stamped, so they are checked apart from the snapshot), the
//! evaluator's notes on the LA's centres and passages included and others
//! left out, hostile note text sanitised in Markdown and escaped in HTML, a
//! self-contained HTML file, and `--out` never overwriting a file.

use std::path::Path;

use assert_cmd::Command;

fn casebook(notes: &Path) -> Command {
    let mut cmd = Command::cargo_bin("casebook").expect("the binary is built");
    cmd.env("CASEBOOK_NOTES", notes);
    cmd
}

fn run(notes: &Path, args: &[&str]) -> String {
    let out = casebook(notes).args(args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn brief_markdown_snapshot_without_notes() {
    let dir = tempfile::tempdir().unwrap();
    let md = run(&dir.path().join("notes.ron"), &["brief", "sandwell"]);
    insta::assert_snapshot!("brief_sandwell_md", md);
}

#[test]
fn brief_includes_the_las_notes_and_sanitises_them() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    run(
        &notes,
        &["notes", "add", "--centre", "sandwell-tipton", "Creche full on Tuesdays"],
    );
    run(
        &notes,
        &[
            "notes",
            "add",
            "--passage",
            "bid-sandwell-aim-1",
            "Ask about *good practice* \x1b[2J here",
        ],
    );
    run(&notes, &["notes", "add", "--la", "lambeth", "A Lambeth note"]);
    let md = run(&notes, &["brief", "sandwell"]);
    let mine = md.split("## Your notes").nth(1).expect("a notes section");
    assert!(mine.contains("Creche full on Tuesdays"), "{mine}");
    assert!(mine.contains("Ask about \\*good practice\\* ␛\\[2J here"), "{mine}");
    assert!(!md.contains("Lambeth note"));
    assert!(!md.contains('\x1b'));
    let html = run(&notes, &["brief", "sandwell", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>Pre-visit brief: Sandwell</h1>"));
    assert!(html.contains("Ask about *good practice* ␛[2J here"));
    assert!(!html.contains('\x1b'));
    // Self-contained: no scripts, links or anything fetched.
    for outside in ["<script", "<link", "src=", "http://", "https://", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("@media print"));
}

#[test]
fn brief_out_writes_a_file_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let file = dir.path().join("sandwell.html");
    let said = run(
        &notes,
        &["brief", "sandwell", "--format", "html", "--out", file.to_str().unwrap()],
    );
    assert!(said.starts_with("wrote ") && said.contains("sandwell.html"));
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.contains("<h2>Bid review</h2>"));
    let out = casebook(&notes)
        .args(["brief", "somerset", "--out", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first, "unchanged");
    let out = casebook(&notes).args(["brief", "sandwel"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `sandwell`"));
}
