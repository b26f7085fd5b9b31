//! The command line's output guarantees, run as a process: nothing from data,
//! notes or typed ids reaches the terminal raw; JSON stays valid and carries
//! every character; a failed write is a one-line error with exit 74, never
//! a panic; a closed pipe ends quietly.

mod hostile;

use std::path::Path;
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use serde_json::Value;

const EVIL: &str = "x\u{1b}]52;c;QQ==\u{7}\u{1b}[2J\u{202e}cba\u{9b}1m\u{0}y";

fn casebook() -> Command {
    let mut c = Command::cargo_bin("casebook").expect("binary builds");
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str], data: &Path, notes: &Path) -> std::process::Output {
    casebook()
        .arg("--data")
        .arg(data)
        .arg("--notes")
        .arg(notes)
        .args(args)
        .output()
        .expect("runs")
}

fn assert_clean(what: &str, bytes: &[u8]) -> String {
    let s = String::from_utf8(bytes.to_vec()).expect("utf-8 output");
    if let Some((i, c)) = hostile::first_raw(&s) {
        panic!("{what}: raw {c:?} at char {i}:\n{s}");
    }
    s
}

#[test]
fn hostile_prose_is_shown_as_visible_escapes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let data = dir.path().join("data");
    // One hostile value in every prose field at once.
    for field in [
        "passage_text",
        "passage_title",
        "table_title",
        "table_note",
        "theme_description",
    ] {
        hostile::write(&data, Some(field), EVIL);
        let runs: &[&[&str]] = &[
            &["list", "themes"],
            &["show", "la", "testla"],
            &["show", "centre", "centre-id"],
            &["table", "A.6"],
            &["table", "A.6", "--format", "csv"],
            &["search", "--limit", "0"],
        ];
        for args in runs {
            let out = run(args, &data, &notes);
            assert!(
                out.status.success(),
                "{field} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let s = assert_clean(&format!("{field} {args:?}"), &out.stdout);
            assert!(
                s.contains("␛]52;c;QQ==␇␛[2J<U+202E>cba<U+009B>1m␀y") || !s.contains("QQ=="),
                "{s}"
            );
        }
        for args in [
            &["show", "la", "testla"][..],
            &["table", "A.6"],
            &["search", "--limit", "0"],
        ] {
            let mut args = args.to_vec();
            args.extend(["--format", "json"]);
            let out = run(&args, &data, &notes);
            let s = assert_clean(&format!("{field} {args:?} json"), &out.stdout);
            let _: Value = serde_json::from_str(&s).expect("valid JSON");
        }
    }
    // The JSON carries the exact characters.
    hostile::write(&data, Some("passage_text"), EVIL);
    let out = run(&["search", "--limit", "0", "--format", "json"], &data, &notes);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|h| h["text"] == EVIL), "{v}");
}

#[test]
fn an_id_typed_with_an_escape_is_echoed_visibly() {
    let out = casebook()
        .args(["show", "la", "lamb\u{1b}[2Jeth\u{202e}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_clean("stderr", &out.stderr);
    assert!(
        err.contains("no local authority with id `lamb␛[2Jeth<U+202E>`"),
        "{err}"
    );
    let out = casebook()
        .args(["table", "A.4", "--sort", "\u{1b}[31mx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_clean("stderr", &out.stderr);
}

#[test]
fn notes_keep_every_byte_but_never_print_it_raw() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let text = "line one \u{1b}[2J\u{202e}\r\nline two \u{7}\u{9b}";
    let out = casebook()
        .arg("--notes")
        .arg(&notes)
        .args(["notes", "add", "--la", "lambeth", text])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let outputs = [
        vec!["notes", "list"],
        vec!["notes", "export"],
        vec!["notes", "export", "--format", "csv"],
        vec!["notes", "list", "--format", "json"],
    ];
    for args in outputs {
        let out = casebook().arg("--notes").arg(&notes).args(&args).output().unwrap();
        assert!(out.status.success());
        let s = assert_clean(&format!("{args:?}"), &out.stdout);
        assert!(s.contains("␛[2J") || s.contains("\\u001b[2J"), "{args:?}: {s}");
        if args.contains(&"json") {
            let v: Value = serde_json::from_str(&s).unwrap();
            assert_eq!(v[0]["text"], text, "JSON carries the note exactly");
        }
    }
    // The file holds exactly what was typed.
    let saved = casebook_notes::read(&notes);
    assert_eq!(saved, vec![text.to_string()]);
}

mod casebook_notes {
    /// The note texts in a notes file, parsed as the store writes them.
    pub fn read(path: &std::path::Path) -> Vec<String> {
        let store = casebook::notes::NoteStore::open(path);
        store.notes().iter().map(|n| n.text.clone()).collect()
    }
}

#[test]
fn a_nul_in_a_note_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let out = casebook()
        .arg("--notes")
        .arg(&notes)
        .args(["notes", "add", "-"])
        .write_stdin("before\0after")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = assert_clean("stderr", &out.stderr);
    assert!(err.contains("NUL"), "{err}");
    assert!(casebook_notes::read(&notes).is_empty());
}

/// `casebook ARGS >/dev/full`.
fn to_full(args: &[&str], notes: &Path) -> std::process::Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    Process::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("--notes")
        .arg(notes)
        .args(args)
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .expect("runs")
}

#[test]
fn a_full_disk_is_a_one_line_error_with_exit_74_in_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    casebook()
        .arg("--notes")
        .arg(&notes)
        .args(["notes", "add", "a note"])
        .assert()
        .success();
    let runs: &[&[&str]] = &[
        &["check"],
        &["list", "las"],
        &["list", "themes", "--format", "json"],
        &["show", "la", "lambeth"],
        &["table", "A.4", "--format", "csv"],
        &["search", "lone parents"],
        &["notes", "list"],
        &["notes", "export"],
        &["--help"],
    ];
    for args in runs {
        let out = to_full(args, &notes);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(74), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("error: cannot write the output: "), "{args:?}: {err}");
    }
}

#[test]
fn notes_add_to_a_full_disk_says_the_note_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let out = to_full(&["notes", "add", "kept"], &notes);
    assert_eq!(out.status.code(), Some(74));
    let err = String::from_utf8_lossy(&out.stderr);
    let id = casebook::notes::NoteStore::open(&notes).notes()[0].id.clone();
    assert!(
        err.starts_with(&format!("error: note {id} was saved, but printing its id failed")),
        "{err}"
    );
}

#[test]
fn errors_to_a_full_stderr_still_exit_non_zero_without_a_panic() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = Process::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["show", "la", "nowhere"])
        .stderr(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let err = dir.path().join("err");
    let script = format!(
        "'{}' search --limit 0 --format json 2>'{}' | head -c 10 >/dev/null",
        env!("CARGO_BIN_EXE_casebook"),
        err.display()
    );
    let status = Process::new("sh").args(["-c", &script]).status().unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(err).unwrap(), "", "nothing on stderr");
}
