//! Property: control and bidi characters placed in any string field of the
//! dataset, or in a note, never appear raw in any command-line output. Each
//! dataset either loads (the field is prose: shown as visible escapes) or is
//! refused with a located error (ids, names and labels), itself sanitised.

mod hostile;

use std::path::Path;

use assert_cmd::Command;
use proptest::prelude::*;

/// Prose fields: any character is accepted and shown sanitised.
const PROSE: &[&str] = &[
    "centre_link_note",
    "theme_description",
    "table_title",
    "table_period",
    "table_source",
    "table_note",
    "passage_title",
    "passage_text",
    "passage_section",
    "caveat_title",
    "figure_measure",
    "figure_value",
    "figure_group",
];

const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["list", "las"],
    &["list", "centres"],
    &["list", "wards", "--format", "json"],
    &["list", "themes"],
    &["show", "la", "testla"],
    &["show", "centre", "centre-id", "--format", "json"],
    &["show", "ward", "ward-id"],
    &["table", "A.6"],
    &["table", "A.6", "--format", "csv"],
    &["table", "A.6", "--format", "json"],
    &["search", "--limit", "0"],
    &["search", "--limit", "0", "--format", "json"],
    &["notes", "list"],
    &["notes", "export"],
    &["notes", "export", "--format", "csv"],
];

fn casebook(data: &Path, notes: &Path) -> Command {
    let mut c = Command::cargo_bin("casebook").expect("binary builds");
    c.env("NO_COLOR", "1").arg("--data").arg(data).arg("--notes").arg(notes);
    c
}

/// Run every command on a dataset with `value` in `field` and a note holding
/// `value`; return an error describing the first raw character found.
fn check_field(field: &str, value: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let (data, notes) = (dir.path().join("data"), dir.path().join("notes.ron"));
    hostile::write(&data, Some(field), value);
    let note = value.replace('\0', "");
    if !note.trim().is_empty() {
        let out = casebook(&data, &notes)
            .args(["notes", "add", "--", &note])
            .output()
            .map_err(|e| e.to_string())?;
        clean("notes add stderr", &out.stderr)?;
    }
    let loads = casebook(&data, &notes)
        .arg("check")
        .output()
        .map_err(|e| e.to_string())?;
    if !loads.status.success() {
        let err = clean("check stderr", &loads.stderr)?;
        let prose = PROSE.contains(&field);
        let expected = err.contains("non-empty")
            || (!prose && (err.contains(":") && err.contains("contains U+"))
                || field == "cell_figure" && err.contains("expected a whole number"));
        if loads.status.code() != Some(1) || !expected {
            return Err(format!("{field}: unexpected refusal {:?}:\n{err}", loads.status.code()));
        }
        return Ok(());
    }
    if !PROSE.contains(&field) && value.chars().any(hostile::is_unsafe) {
        return Err(format!("{field} is an id, name or label: {value:?} should be refused"));
    }
    for args in COMMANDS {
        // A command naming the record whose id is under test names it by
        // the id it now has.
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == hostile::plain(field) { value } else { *a })
            .collect();
        let args = args.as_slice();
        let out = casebook(&data, &notes).args(args).output().map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!(
                "{field} {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let s = clean(&format!("{field} {args:?}"), &out.stdout)?;
        if args.contains(&"json") {
            serde_json::from_str::<serde_json::Value>(&s).map_err(|e| format!("{args:?}: invalid JSON {e}"))?;
        }
    }
    Ok(())
}

fn clean(what: &str, bytes: &[u8]) -> Result<String, String> {
    let s = String::from_utf8(bytes.to_vec()).map_err(|e| format!("{what}: not UTF-8: {e}"))?;
    match hostile::first_raw(&s) {
        Some((i, c)) => Err(format!("{what}: raw {c:?} at char {i}:\n{s}")),
        None => Ok(s),
    }
}

/// Every field once, with every hostile character at once.
#[test]
fn every_field_with_every_hostile_character() {
    let all: String = hostile::HOSTILE.iter().flat_map(|c| ['a', *c]).collect();
    for field in hostile::FIELDS {
        if let Err(e) = check_field(field, &format!("v {all} w")) {
            panic!("{e}");
        }
    }
}

fn hostile_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(hostile::HOSTILE.to_vec()).prop_map(String::from),
        3 => "[a-z ]{1,4}",
        1 => any::<char>().prop_map(String::from),
        1 => Just("\u{1b}[2J".to_string()),
        1 => Just("\u{1b}]52;c;QQ==\u{7}".to_string()),
    ];
    proptest::collection::vec(piece, 1..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// A random hostile string in a random field.
    #[test]
    fn random_hostile_strings_in_random_fields(field in 0..hostile::FIELDS.len(), value in hostile_string()) {
        if let Err(e) = check_field(hostile::FIELDS[field], &value) {
            prop_assert!(false, "{}", e);
        }
    }
}
