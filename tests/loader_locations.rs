//! Loader errors point at the record and field they are about (found by the
//! parser, not by searching for the value's text), each problem once; strict
//! figures; control and bidi characters in ids, names and labels; BOM,
//! CR-only line endings, directories and a missing `passages/`.

use std::fs;
use std::path::Path;

use casebook::dataset::{LoadError, LoadErrors, load_dir};

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in ["las.ron", "centres.ron", "wards.ron", "themes.ron", "glossary.ron"] {
        fs::copy(data.join(f), dir.path().join(f)).expect("copy data file");
    }
    fs::create_dir(dir.path().join("passages")).expect("passages dir");
    write(&dir, "passages/p.ron", PASSAGES);
    dir
}

const PASSAGES: &str = r#"[
    (id: "p-one", kind: Finding, las: ["ealing"], title: "One", text: "First.", themes: ["outreach"],
        document: Baseline, chapter: "C", section: "Test"),
    (id: "p-two", kind: Finding, las: ["lambeth"], title: "Two", text: "Second.", themes: ["outreach"],
        document: Baseline, chapter: "C", section: "Test"),
]
"#;

fn read(dir: &tempfile::TempDir, f: &str) -> String {
    fs::read_to_string(dir.path().join(f)).expect("read")
}

fn write(dir: &tempfile::TempDir, f: &str, text: &str) {
    fs::write(dir.path().join(f), text).expect("write");
}

fn errors(dir: &tempfile::TempDir) -> LoadErrors {
    load_dir(dir.path()).expect_err("the dataset should be rejected")
}

/// 1-based (line, column) of byte offset `at`.
fn pos(text: &str, at: usize) -> (usize, usize) {
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

/// Every (line, column) at which `needle` starts.
fn all_positions(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle).map(|(i, _)| pos(text, i)).collect()
}

fn located(e: &LoadErrors) -> Vec<(String, usize, usize)> {
    e.0.iter().map(|x| (x.file.clone(), x.line, x.col)).collect()
}

fn assert_each_once(e: &LoadErrors) {
    let mut seen: Vec<&LoadError> = Vec::new();
    for x in &e.0 {
        assert!(!seen.contains(&x), "reported twice: {x}\n{e}");
        seen.push(x);
    }
}

#[test]
fn a_renamed_la_points_at_every_record_that_uses_it() {
    let dir = fixture();
    let las = read(&dir, "las.ron").replacen("id: \"ealing\"", "id: \"ealing-borough\"", 1);
    write(&dir, "las.ron", &las);
    let e = errors(&dir);
    assert_each_once(&e);
    let wards = read(&dir, "wards.ron");
    let centres = read(&dir, "centres.ron");
    let mut want: Vec<(String, usize, usize)> = Vec::new();
    // The value of each `la: "ealing"`: one error per record, at its own line.
    for (l, c) in all_positions(&wards, "la: \"ealing\"") {
        want.push(("wards.ron".into(), l, c + 4));
    }
    for (l, c) in all_positions(&centres, "la: \"ealing\"") {
        want.push(("centres.ron".into(), l, c + 4));
    }
    let p = read(&dir, "passages/p.ron");
    for (l, c) in all_positions(&p, "\"ealing\"") {
        want.push(("passages/p.ron".into(), l, c));
    }
    assert_eq!(want.len(), 5 + 3 + 1, "five Ealing wards, three centres, one passage");
    let mut got = located(&e);
    got.sort();
    want.sort();
    assert_eq!(got, want, "{e}");
    assert!(
        e.0.iter()
            .all(|x| x.message.contains("unknown local authority `ealing`")),
        "{e}"
    );
}

#[test]
fn a_duplicate_id_is_reported_at_the_repeat_even_when_its_text_appears_earlier() {
    let dir = fixture();
    // `p-one` first appears as a word in p-two's text (line 4), then as an id
    // (line 2, the original), then again as an id on line 6: the duplicate.
    let text = PASSAGES.replace("text: \"Second.\"", "text: \"Unlike \\\"p-one\\\", this is second.\"").replace(
        "]\n",
        "    (id: \"p-one\", kind: Finding, title: \"Again\", text: \"Third.\", themes: [\"outreach\"],\n        document: Baseline, chapter: \"C\", section: \"Test\"),\n]\n",
    );
    write(&dir, "passages/p.ron", &text);
    let e = errors(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    let at = text.rfind("\"p-one\"").unwrap();
    assert_eq!(located(&e)[0], ("passages/p.ron".into(), 6, pos(&text, at).1), "{e}");
    assert!(
        e.0[0]
            .message
            .contains("duplicate passage id `p-one` (first used at passages/p.ron:2)"),
        "{e}"
    );
}

#[test]
fn a_bad_reference_in_a_list_points_at_that_element() {
    let dir = fixture();
    let text = PASSAGES.replacen(
        "themes: [\"outreach\"]",
        "themes: [\"outreach\", \"nope\", \"outreach\"]",
        1,
    );
    write(&dir, "passages/p.ron", &text);
    let e = errors(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(
        located(&e)[0],
        ("passages/p.ron".into(), 2, pos(&text, text.find("\"nope\"").unwrap()).1)
    );
    assert!(e.to_string().contains("unknown theme `nope`"), "{e}");
}

#[test]
fn figures_are_strict_and_located_at_their_cell() {
    let dir = fixture();
    fs::create_dir(dir.path().join("tables")).unwrap();
    let bad = [
        "73abc",
        "7 3",
        "0x49",
        "1e309",
        "99999999999999999999999999999",
        "-4",
        " 5",
    ];
    let cells: Vec<String> = bad.iter().map(|b| format!("Some(\"{b}\")")).collect();
    let columns: Vec<String> = (1..=bad.len()).map(|i| format!("(name: \"C{i}\")")).collect();
    let table = format!(
        "(\n    id: \"A.3\",\n    title: \"t\",\n    units: Count,\n    level: La,\n    columns: [{}],\n    rows: [\n        (area: La(\"ealing\"), label: \"Ealing\", cells: [{}]),\n    ],\n    source: \"s\",\n)\n",
        columns.join(", "),
        cells.join(", ")
    );
    write(&dir, "tables/a3.ron", &table);
    let e = errors(&dir);
    assert_each_once(&e);
    assert_eq!(e.0.len(), bad.len(), "{e}");
    for (i, b) in bad.iter().enumerate() {
        let at = table.find(&format!("Some(\"{b}\")")).unwrap();
        let x = &e.0[i];
        assert_eq!((x.line, x.col), pos(&table, at), "{e}");
        assert!(x.message.contains(&format!("column `C{}`", i + 1)), "{e}");
        assert!(
            x.message.contains("expected a whole number") || x.message.contains("too large"),
            "{e}"
        );
    }
}

#[test]
fn control_and_bidi_characters_in_names_and_ids_are_located_errors() {
    let dir = fixture();
    let las = read(&dir, "las.ron")
        .replacen("name: \"Ealing\"", "name: \"Eal\\u{1b}[2Jing\"", 1)
        .replacen("name: \"Lambeth\"", "name: \"Lam\\u{202e}beth\"", 1);
    write(&dir, "las.ron", &las);
    let themes = read(&dir, "themes.ron").replacen("label: \"Outreach and engagement\"", "label: \"Out\\treach\"", 1);
    write(&dir, "themes.ron", &themes);
    let e = errors(&dir);
    assert_eq!(e.0.len(), 3, "{e}");
    let shown = e.to_string();
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202e}'), "{shown}");
    assert!(
        shown.contains("`name` contains U+001B (a control character)"),
        "{shown}"
    );
    assert!(shown.contains("`name` contains U+202E (a bidirectional"), "{shown}");
    assert!(shown.contains("`label` contains U+0009"), "{shown}");
    let at = las.find("name: \"Eal").unwrap() + 6;
    assert_eq!(
        located(&e)[0],
        ("las.ron".into(), pos(&las, at).0, pos(&las, at).1),
        "{e}"
    );
}

#[test]
fn prose_may_hold_any_character_and_is_sanitised_on_output() {
    let dir = fixture();
    let text = PASSAGES.replacen(
        "text: \"First.\"",
        "text: \"Fir\\u{1b}]52;c;QQ==\\u{7}st \\u{202e}.\"",
        1,
    );
    write(&dir, "passages/p.ron", &text);
    let ds = load_dir(dir.path()).expect("prose with control characters loads");
    assert!(ds.passages[0].text.contains('\u{1b}'));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = fixture();
    let las = read(&dir, "las.ron");
    write(&dir, "las.ron", &format!("\u{feff}{las}"));
    assert_eq!(load_dir(dir.path()).expect("BOM accepted").las.len(), 10);
}

#[test]
fn cr_only_line_endings_are_named() {
    let dir = fixture();
    let wards = read(&dir, "wards.ron").replace('\n', "\r");
    write(&dir, "wards.ron", &wards);
    let e = errors(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    assert!(e.to_string().starts_with("wards.ron:1:"), "{e}");
    assert!(e.to_string().contains("CR-only line endings"), "{e}");
    // CRLF is fine.
    write(&dir, "wards.ron", &wards.replace('\r', "\r\n"));
    load_dir(dir.path()).expect("CRLF line endings load");
}

#[test]
fn a_directory_where_a_file_belongs_is_named() {
    let dir = fixture();
    fs::remove_file(dir.path().join("las.ron")).unwrap();
    fs::create_dir(dir.path().join("las.ron")).unwrap();
    let e = errors(&dir);
    assert_eq!(e.to_string(), "las.ron: is a directory; expected a file");
}

#[test]
fn a_missing_or_misplaced_passages_directory_is_an_error() {
    let dir = fixture();
    fs::remove_dir_all(dir.path().join("passages")).unwrap();
    let e = errors(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    assert!(e.to_string().starts_with("passages/: is missing"), "{e}");
    fs::write(dir.path().join("passages"), "").unwrap();
    let e = errors(&dir);
    assert!(
        e.to_string().contains("passages: is a file; expected a directory"),
        "{e}"
    );
}

/// The loader accepts any character in prose, so the bundled dataset is
/// checked here: none of its strings holds a control (other than newline)
/// or bidi character.
#[test]
fn the_bundled_dataset_holds_no_control_or_bidi_characters() {
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(m) => m.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let ds = casebook::dataset::load_bundled().expect("bundled dataset");
    let mut all = Vec::new();
    let values = [
        serde_json::to_value(&ds.las),
        serde_json::to_value(&ds.centres),
        serde_json::to_value(&ds.wards),
        serde_json::to_value(&ds.tables),
        serde_json::to_value(&ds.themes),
        serde_json::to_value(&ds.glossary),
        serde_json::to_value(&ds.passages),
    ];
    for v in values {
        strings(&v.expect("serialises"), &mut all);
    }
    assert!(all.len() > 5000, "{}", all.len());
    for s in &all {
        assert_eq!(casebook::sanitize::first_unsafe(s, true), None, "{s:?}");
    }
}
