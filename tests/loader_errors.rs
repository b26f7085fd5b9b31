//! Broken dataset files give located, actionable errors and never a panic.

use std::fs;
use std::path::{Path, PathBuf};

use casebook::dataset::{LoadErrors, load_dir};

/// A copy of the required files of the bundled dataset plus one small
/// passages file (no tables) in a temporary directory, so each test can
/// break one thing.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in ["las.ron", "centres.ron", "wards.ron", "themes.ron", "glossary.ron"] {
        fs::copy(data.join(f), dir.path().join(f)).expect("copy data file");
    }
    fs::create_dir(dir.path().join("passages")).expect("passages dir");
    fs::write(dir.path().join("passages/p.ron"), PASSAGES).expect("passages file");
    dir
}

const PASSAGES: &str = r#"[
    (id: "p-one", kind: Finding, las: ["ealing"], title: "One", text: "First.", themes: ["outreach"],
        document: Baseline, chapter: "C", section: "Test"),
    (id: "p-two", kind: Finding, las: ["lambeth"], title: "Two", text: "Second.", themes: ["outreach"],
        document: Baseline, chapter: "C", section: "Test"),
]
"#;

fn path(dir: &tempfile::TempDir, f: &str) -> PathBuf {
    dir.path().join(f)
}

fn errors(dir: &tempfile::TempDir) -> LoadErrors {
    load_dir(dir.path()).expect_err("the dataset should be rejected")
}

/// The `line:col` of the first occurrence of `needle` in a file.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

#[test]
fn the_fixture_itself_loads() {
    let dir = fixture();
    let ds = load_dir(dir.path()).expect("fixture loads");
    assert_eq!(ds.las.len(), 10);
}

#[test]
fn truncated_file_names_file_line_and_column() {
    let dir = fixture();
    let text = fs::read_to_string(path(&dir, "wards.ron")).unwrap();
    let cut = &text[..text.len() / 2];
    fs::write(path(&dir, "wards.ron"), cut).unwrap();
    let e = errors(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    let msg = e.to_string();
    assert!(msg.starts_with("wards.ron:"), "{msg}");
    let last_line = cut.lines().count();
    assert!(e.0[0].line >= last_line - 1 && e.0[0].line <= last_line + 1, "{msg}");
    assert!(msg.contains("truncated"), "{msg}");
}

#[test]
fn unknown_field_is_rejected_with_its_position() {
    let dir = fixture();
    let text = fs::read_to_string(path(&dir, "las.ron")).unwrap();
    let broken = text.replacen("name: \"Ealing\"", "name: \"Ealing\", colour: \"red\"", 1);
    fs::write(path(&dir, "las.ron"), &broken).unwrap();
    let e = errors(&dir);
    let (line, _) = position(&broken, "colour");
    assert_eq!(e.0[0].file, "las.ron");
    assert_eq!(e.0[0].line, line, "{e}");
    assert!(e.0[0].col > 1);
    assert!(e.to_string().contains("colour"), "{e}");
    assert!(e.to_string().contains("expected"), "{e}");
}

#[test]
fn dangling_reference_names_record_and_position() {
    let dir = fixture();
    let text = fs::read_to_string(path(&dir, "centres.ron")).unwrap();
    let broken = text.replacen("la: \"ealing\"", "la: \"ealling\"", 1);
    fs::write(path(&dir, "centres.ron"), &broken).unwrap();
    let e = errors(&dir);
    let (line, col) = position(&broken, "\"ealling\"");
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(
        (e.0[0].file.as_str(), e.0[0].line, e.0[0].col),
        ("centres.ron", line, col),
        "{e}"
    );
    assert!(e.to_string().contains("unknown local authority `ealling`"), "{e}");
}

#[test]
fn duplicate_id_points_at_the_second_record() {
    let dir = fixture();
    let text = fs::read_to_string(path(&dir, "wards.ron")).unwrap();
    let broken = text.replacen("id: \"ealing-cleveland\"", "id: \"blackpool-talbot\"", 1);
    fs::write(path(&dir, "wards.ron"), &broken).unwrap();
    let e = errors(&dir);
    let first = broken.find("\"blackpool-talbot\"").unwrap();
    let second = first + 1 + broken[first + 1..].find("\"blackpool-talbot\"").unwrap();
    let line = broken[..second].matches('\n').count() + 1;
    assert_eq!(e.0[0].file, "wards.ron");
    assert_eq!(e.0[0].line, line, "{e}");
    assert!(e.to_string().contains("duplicate ward id `blackpool-talbot`"), "{e}");
}

#[test]
fn several_problems_are_reported_in_one_run() {
    let dir = fixture();
    fs::write(path(&dir, "themes.ron"), "[ (id: \"x\", label: ").unwrap();
    let text = fs::read_to_string(path(&dir, "las.ron")).unwrap();
    fs::write(path(&dir, "las.ron"), text.replacen("(id:", "(idd:", 1)).unwrap();
    let e = errors(&dir);
    let files: Vec<&str> = e.0.iter().map(|x| x.file.as_str()).collect();
    assert!(files.contains(&"themes.ron") && files.contains(&"las.ron"), "{e}");
}

#[test]
fn binary_empty_and_huge_files_are_errors_not_panics() {
    let dir = fixture();
    fs::write(path(&dir, "glossary.ron"), [0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96]).unwrap();
    let e = errors(&dir);
    assert!(e.to_string().contains("glossary.ron:1:1: expected UTF-8"), "{e}");

    fs::write(path(&dir, "glossary.ron"), "").unwrap();
    let e = errors(&dir);
    assert!(e.to_string().starts_with("glossary.ron:"), "{e}");

    let huge = "[".repeat(200_000);
    fs::write(path(&dir, "glossary.ron"), huge).unwrap();
    let e = errors(&dir);
    assert!(e.to_string().starts_with("glossary.ron:"), "{e}");
}

#[test]
fn a_missing_required_file_is_named() {
    let dir = fixture();
    fs::remove_file(path(&dir, "wards.ron")).unwrap();
    let e = errors(&dir);
    assert!(e.to_string().contains("wards.ron: is missing"), "{e}");
}

#[test]
fn a_missing_directory_is_an_error() {
    let e = load_dir(Path::new("/nonexistent/casebook-data")).expect_err("no such dir");
    assert!(e.to_string().contains("is not a directory"), "{e}");
}

#[test]
fn table_cells_that_are_not_numbers_or_out_of_range_are_located() {
    let dir = fixture();
    fs::create_dir(path(&dir, "tables")).unwrap();
    let table = r#"(
    id: "A.5",
    title: "Levels of deprivation",
    units: Percentage,
    level: La,
    columns: [(name: "Share")],
    rows: [
        (area: La("ealing"), label: "Ealing", cells: [Some("140")]),
        (area: La("lambeth"), label: "Lambeth", cells: [Some("twelve")]),
        (area: La("nowhere"), label: "Nowhere", cells: [Some("1"), None]),
    ],
    source: "test",
)"#;
    fs::write(path(&dir, "tables/a5.ron"), table).unwrap();
    let e = errors(&dir).to_string();
    assert!(
        e.contains("tables/a5.ron:8:") && e.contains("140 is out of range"),
        "{e}"
    );
    assert!(
        e.contains("tables/a5.ron:9:")
            && e.contains("column `Share`: expected a whole number or decimal")
            && e.contains("found `twelve`"),
        "{e}"
    );
    assert!(
        e.contains("unknown area `nowhere`") && e.contains("has 2 cells; expected 1"),
        "{e}"
    );
}

mod never_panics {
    use casebook::dataset::{SourceFile, load};
    use proptest::prelude::*;

    fn files(broken: &str, bytes: Vec<u8>) -> Vec<SourceFile> {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        [
            "las.ron",
            "centres.ron",
            "wards.ron",
            "themes.ron",
            "glossary.ron",
            "tables/a4.ron",
        ]
        .iter()
        .map(|f| SourceFile {
            path: f.to_string(),
            bytes: if *f == broken {
                bytes.clone()
            } else {
                std::fs::read(data.join(f)).unwrap()
            },
        })
        .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any bytes in any file give errors that name that file, never a panic.
        #[test]
        fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400), which in 0usize..6) {
            let names = ["las.ron", "centres.ron", "wards.ron", "themes.ron", "glossary.ron", "tables/a4.ron"];
            if let Err(e) = load(files(names[which], bytes)) {
                prop_assert!(!e.0.is_empty());
            }
        }

        /// Any prefix of a real file (a truncation) is handled.
        #[test]
        fn truncations(cut in 0usize..4000) {
            let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
            let full = std::fs::read(data.join("tables/a4.ron")).unwrap();
            let cut = cut.min(full.len());
            let _ = load(files("tables/a4.ron", full[..cut].to_vec()));
        }
    }
}
