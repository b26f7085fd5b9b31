//! `casebook notes` as a process: add, list, rm, export, and their errors.
//! Every run passes `--notes <tempdir>/notes.ron`, so the real home is never touched.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Notes {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Notes {
    fn new() -> Notes {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        Notes { _dir: dir, path }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("casebook").expect("binary builds");
        c.env("NO_COLOR", "1")
            .env_remove("CASEBOOK_NOTES")
            .arg("--notes")
            .arg(&self.path)
            .arg("notes")
            .args(args);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn add(&self, args: &[&str]) -> String {
        let id = self.ok(&[&["add"], args].concat()).trim().to_string();
        assert!(!id.is_empty() && !id.contains(char::is_whitespace), "{id:?}");
        id
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }
}

#[test]
fn add_then_list_newest_first_as_text_and_json() {
    let n = Notes::new();
    let a = n.add(&[
        "--centre",
        "lambeth-lark-hall",
        "--theme",
        "childcare",
        "Staff",
        "say",
        "the",
        "creche",
        "is",
        "full",
    ]);
    let b = n.add(&["--ward", "westminster-church-street", "Ward", "note"]);
    let c = n.add(&["General", "note"]);
    let list = n.json(&["list", "--format", "json"]);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [c.as_str(), b.as_str(), a.as_str()]);
    let first = &list[2];
    assert_eq!(first["text"], "Staff say the creche is full");
    assert_eq!(first["target"]["kind"], "centre");
    assert_eq!(first["target"]["id"], "lambeth-lark-hall");
    assert_eq!(first["las"], serde_json::json!(["lambeth"]));
    assert_eq!(first["themes"], serde_json::json!(["childcare"]));
    assert_eq!(list[0]["target"]["kind"], "none");

    let text = n.ok(&["list"]);
    let at = |id: &str| text.find(id).unwrap();
    assert!(at(&c) < at(&b) && at(&b) < at(&a), "{text}");
    assert!(text.contains("\n    Staff say the creche is full\n"), "{text}");
    assert!(text.contains("[childcare]"), "{text}");

    let lambeth = n.json(&["list", "--la", "lambeth", "--format", "json"]);
    assert_eq!(lambeth.as_array().unwrap().len(), 1);
    assert_eq!(lambeth[0]["id"], a.as_str());
}

#[test]
fn add_reads_stdin_for_dash_and_keeps_lines() {
    let n = Notes::new();
    let id = n
        .cmd(&["add", "--la", "ealing", "-"])
        .write_stdin("line one\nline two\n")
        .output()
        .unwrap();
    assert!(id.status.success());
    let list = n.json(&["list", "--format", "json"]);
    assert_eq!(list[0]["text"], "line one\nline two");
    assert_eq!(list[0]["target"]["kind"], "la");
}

#[test]
fn add_checks_ids_against_the_dataset_and_suggests() {
    let n = Notes::new();
    n.cmd(&["add", "--la", "lambth", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no local authority with id `lambth`; did you mean `lambeth`?",
        ));
    n.cmd(&["add", "--centre", "lambeth-lark-hal", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `lambeth-lark-hall`"));
    n.cmd(&["add", "--theme", "childcar", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no theme with id"));
    n.cmd(&["add", "--ward", "nowhere", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no ward with id"));
    n.cmd(&["add", "--passage", "nope", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no passage with id"));
    n.cmd(&["add", "--la", "lambeth", "--centre", "lambeth-lark-hall", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
    n.cmd(&["add"]).assert().code(2);
    n.cmd(&["add", "-"])
        .write_stdin("  \n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty"));
    assert!(!n.path.exists(), "nothing was written");
}

#[test]
fn rm_removes_and_unknown_ids_get_suggestions() {
    let n = Notes::new();
    let a = n.add(&["keep"]);
    let b = n.add(&["drop"]);
    n.cmd(&["rm", &b]).assert().success().stdout(format!("removed {b}\n"));
    let mistyped = format!("{a}x");
    n.cmd(&["rm", &mistyped])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "no note with id `{mistyped}`; did you mean `{a}`?"
        )));
    n.cmd(&["rm", &b]).assert().code(1);
    let list = n.json(&["list", "--format", "json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], a.as_str());
}

#[test]
fn export_markdown_groups_by_la_then_target() {
    let n = Notes::new();
    n.add(&["General", "thought"]);
    n.add(&[
        "--centre",
        "lambeth-lark-hall",
        "--theme",
        "childcare",
        "Creche",
        "full",
    ]);
    n.add(&["--la", "lambeth", "LA", "wide"]);
    n.add(&["--passage", "bid-lambeth-aim-1", "On", "the", "aim"]);
    n.add(&["--ward", "westminster-church-street", "Church", "Street"]);
    let md = n.ok(&["export"]);
    assert_eq!(md, n.ok(&["export", "--format", "md"]));
    assert!(md.starts_with("# Field notes\n\n5 notes"), "{md}");
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing from\n{md}"));
    assert!(at("## Lambeth") < at("### Lambeth") && at("### Lambeth") < at("> LA wide"));
    assert!(at("### Lark Hall (Lambeth)") < at("> Creche full"));
    assert!(at("### Passage: ") < at("Source: Baseline report") && at("Source: Baseline report") < at("> On the aim"));
    assert!(at("## Westminster") < at("### Church Street ward (Westminster)"));
    assert!(at("## Lambeth") < at("## Westminster") && at("## Westminster") < at("## No local authority"));
    assert!(at("## No local authority") < at("> General thought"));
    assert!(md.contains("Themes: Childcare (childcare)."), "{md}");
}

#[test]
fn export_csv_has_one_quoted_row_per_note() {
    let n = Notes::new();
    let a = n.add(&[
        "--centre",
        "lambeth-lark-hall",
        "--theme",
        "childcare,lone-parents",
        "plain",
    ]);
    let b = n
        .cmd(&["add", "-"])
        .write_stdin("She said \"no\", then\nleft")
        .output()
        .unwrap();
    let b = String::from_utf8(b.stdout).unwrap().trim().to_string();
    let csv = n.ok(&["export", "--format", "csv"]);
    let mut rows = csv.split("\r\n");
    assert_eq!(
        rows.next(),
        Some("id,target_kind,target_id,la,created,updated,themes,text")
    );
    let row_a = rows.next().unwrap();
    assert!(
        row_a.starts_with(&format!("{a},centre,lambeth-lark-hall,lambeth,")),
        "{row_a}"
    );
    assert!(row_a.ends_with(",childcare;lone-parents,plain"), "{row_a}");
    let row_b = rows.next().unwrap();
    assert!(row_b.starts_with(&format!("{b},none,,,")), "{row_b}");
    assert!(row_b.ends_with(",,\"She said \"\"no\"\", then\nleft\""), "{row_b}");
    assert_eq!(rows.collect::<Vec<_>>(), [""]);
}

fn corrupt(path: &Path) -> Vec<u8> {
    let bytes =
        b"// notes\n[\n    (id: \"x\", target: Nowhere(\"y\"), text: \"t\", created: \"c\", updated: \"c\"),\n]\n"
            .to_vec();
    std::fs::write(path, &bytes).unwrap();
    bytes
}

#[test]
fn a_corrupt_file_fails_every_subcommand_and_is_never_written() {
    let n = Notes::new();
    let bytes = corrupt(&n.path);
    let want = format!("error: {}:3:23: ", n.path.display());
    for args in [
        &["add", "new"][..],
        &["list"],
        &["rm", "x"],
        &["export"],
        &["export", "--format", "csv"],
    ] {
        n.cmd(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with(want.as_str()))
            .stderr(predicate::str::contains("; the file was left untouched"));
    }
    assert_eq!(std::fs::read(&n.path).unwrap(), bytes);
}

#[test]
fn with_many_notes_add_and_rm_go_to_the_journal_and_compact_folds_it_in() {
    let n = Notes::new();
    let mut text = String::from("[\n");
    for i in 0..300 {
        text.push_str(&format!(
            "    (id: \"old{i:03}\", target: None, text: \"a note long enough that 300 of them pass the size at which casebook keeps a journal beside the notes file\", created: \"2026-11-23T10:15:00Z\", updated: \"2026-11-23T10:15:00Z\", themes: []),\n"
        ));
    }
    text.push_str("]\n");
    std::fs::write(&n.path, text).unwrap();
    n.add(&["first: rewrites the file and starts the journal"]);
    let written = std::fs::read(&n.path).unwrap();
    let id = n.add(&["second"]);
    n.ok(&["rm", "old042"]);
    assert!(written.len() as u64 >= casebook::notes::SMALL_NOTES_BYTES);
    assert!(std::fs::read(&n.path).unwrap() == written, "appended, not rewritten");
    let journal = n.path.with_extension("ron.journal");
    let records = std::fs::read_to_string(&journal).unwrap();
    assert!(records.contains("\nDelete(\"old042\")\n"), "{records}");
    n.cmd(&["rm", "old042"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("old042"));
    let listed = n.ok(&["list"]);
    assert!(listed.contains(&id) && !listed.contains("old042"));
    assert!(n.ok(&["compact"]).contains("holds all 301 notes"));
    let folded = std::fs::read_to_string(&n.path).unwrap();
    assert!(folded.contains(&id) && !folded.contains("old042"));
    assert!(!std::fs::read_to_string(&journal).unwrap().contains("Delete"));
}

#[test]
fn the_notes_file_can_come_from_the_environment() {
    let n = Notes::new();
    let mut c = Command::cargo_bin("casebook").unwrap();
    c.env("CASEBOOK_NOTES", &n.path)
        .args(["notes", "add", "via", "env"])
        .assert()
        .success();
    assert_eq!(n.json(&["list", "--format", "json"])[0]["text"], "via env");
}

#[test]
fn every_subcommand_has_help() {
    let n = Notes::new();
    for sub in ["add", "list", "rm", "export", "compact"] {
        n.cmd(&[sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: casebook notes"));
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_notes_file_is_reported_and_never_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let n = Notes::new();
    let id = n.add(&["kept"]);
    std::fs::set_permissions(&n.path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&n.path).unwrap();
    for args in [&["add", "more"][..], &["rm", id.as_str()]] {
        n.cmd(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("read-only (no write permission)"))
            .stderr(predicate::str::contains("left untouched"));
    }
    assert!(n.ok(&["list"]).contains("kept"), "reading still works");
    assert_eq!(std::fs::read(&n.path).unwrap(), before);
    assert_eq!(std::fs::metadata(&n.path).unwrap().permissions().mode() & 0o777, 0o444);
}

#[cfg(unix)]
#[test]
fn devices_pipes_directories_and_huge_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = dir.path().join("huge.ron");
    // Sparse: 257 MB long, nothing written.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(257 * 1024 * 1024)
        .unwrap();
    let cases: [(&Path, &str); 4] = [
        (Path::new("/dev/full"), "not a regular file"),
        (&fifo, "not a regular file"),
        (dir.path(), "is a directory"),
        (&huge, "larger than the 256 MB"),
    ];
    for (path, why) in cases {
        for args in [&["list"][..], &["add", "x"]] {
            let mut c = Command::cargo_bin("casebook").unwrap();
            c.env_remove("CASEBOOK_NOTES")
                .arg("--notes")
                .arg(path)
                .arg("notes")
                .args(args)
                .timeout(std::time::Duration::from_secs(20))
                .assert()
                .code(1)
                .stdout("")
                .stderr(predicate::str::contains(why));
        }
    }
    assert_eq!(std::fs::metadata(&huge).unwrap().len(), 257 * 1024 * 1024);
}
