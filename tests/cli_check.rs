//! `casebook check --data DIR` as a process on damaged datasets: strict
//! figures, errors located at the record they are about (each once), and
//! the file-level problems (CR-only line endings, a directory where a file
//! belongs, a missing `passages/`) named as such. Exit 1, nothing on stdout.

mod hostile;

use std::path::Path;

use assert_cmd::Command;

fn check(dir: &Path) -> (i32, String) {
    let out = Command::cargo_bin("casebook")
        .expect("binary builds")
        .args(["check", "--data"])
        .arg(dir)
        .output()
        .expect("runs");
    assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn dataset(field: Option<&str>, value: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    hostile::write(dir.path(), field, value);
    dir
}

#[test]
fn the_plain_fixture_passes() {
    let dir = dataset(None, "");
    let out = Command::cargo_bin("casebook")
        .unwrap()
        .args(["check", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn lenient_figures_are_located_errors() {
    for bad in [
        "73abc",
        "7 3",
        "0x49",
        "1e309",
        "99999999999999999999999999999",
        "4.",
        "1,23",
    ] {
        let dir = dataset(Some("cell_figure"), bad);
        let (code, err) = check(dir.path());
        assert_eq!(code, 1, "{bad}: {err}");
        let text = std::fs::read_to_string(dir.path().join("tables/a6.ron")).unwrap();
        let at = text.find(&format!("Some(\"{bad}\")")).unwrap();
        let line = text[..at].matches('\n').count() + 1;
        assert!(err.contains(&format!("tables/a6.ron:{line}:")), "{bad}: {err}");
        assert!(err.contains("column `column name`"), "{bad}: {err}");
        assert_eq!(err.lines().count(), 2, "one problem, one line: {err}");
    }
}

#[test]
fn a_renamed_id_is_reported_once_per_record_that_uses_it() {
    let dir = dataset(None, "");
    let las = std::fs::read_to_string(dir.path().join("las.ron")).unwrap();
    std::fs::write(
        dir.path().join("las.ron"),
        las.replace("id: \"testla\"", "id: \"renamed\""),
    )
    .unwrap();
    let (code, err) = check(dir.path());
    assert_eq!(code, 1);
    // Its centre, its ward and two passages name the LA.
    let problems: Vec<&str> = err.lines().skip(1).collect();
    assert_eq!(problems.len(), 1 + 1 + 2, "{err}");
    let mut sorted = problems.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), problems.len(), "no problem twice: {err}");
    assert!(
        problems.iter().all(|p| p.contains("unknown local authority `testla`")),
        "{err}"
    );
}

#[test]
fn file_level_problems_are_named() {
    let dir = dataset(None, "");
    let wards = std::fs::read_to_string(dir.path().join("wards.ron")).unwrap();
    std::fs::write(
        dir.path().join("wards.ron"),
        format!("// wards\n{wards}").replace('\n', "\r"),
    )
    .unwrap();
    let (code, err) = check(dir.path());
    assert_eq!(code, 1);
    assert!(
        err.contains("wards.ron:1:9: a carriage return (CR) without a line feed"),
        "{err}"
    );

    let dir = dataset(None, "");
    std::fs::remove_file(dir.path().join("themes.ron")).unwrap();
    std::fs::create_dir(dir.path().join("themes.ron")).unwrap();
    let (code, err) = check(dir.path());
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "error: the dataset has problems:\nthemes.ron: is a directory; expected a file\n"
        )
    );

    let dir = dataset(None, "");
    std::fs::remove_dir_all(dir.path().join("passages")).unwrap();
    let (code, err) = check(dir.path());
    assert_eq!(code, 1);
    assert!(err.contains("passages/: is missing"), "{err}");

    let dir = dataset(None, "");
    let las = std::fs::read_to_string(dir.path().join("las.ron")).unwrap();
    std::fs::write(dir.path().join("las.ron"), format!("\u{feff}{las}")).unwrap();
    let out = Command::cargo_bin("casebook")
        .unwrap()
        .args(["check", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a BOM is accepted: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
