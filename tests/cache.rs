//! The open-time cache: a second open reads the entry, a changed data file
//! or a damaged entry is rebuilt from the files with the right data, a cache
//! directory that cannot be written still opens, `--no-cache` bypasses it.
//! Hits are observed through the returned outcome (and, for the binary,
//! `--timings`), never through time.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use casebook::cache::{Cache, Outcome, Source};
use casebook::dataset::Dataset;
use casebook::search::{Filters, Query, SearchIndex};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).expect("copy");
        }
    }
}

/// A copy of the bundled dataset's files to change at will.
fn data_copy(tmp: &Path) -> PathBuf {
    let dir = tmp.join("data");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &dir);
    dir
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "cache"));
    v
}

/// Ids and titles of what a query finds, best first.
fn found(index: &SearchIndex, query: &str) -> Vec<(String, String)> {
    let q = Query::parse(query).expect("query");
    index
        .search(&q, &Filters::default(), 0)
        .into_iter()
        .map(|h| (h.id, h.title))
        .collect()
}

fn same_dataset(a: &Dataset, b: &Dataset) {
    assert_eq!(a.las, b.las);
    assert_eq!(a.centres, b.centres);
    assert_eq!(a.wards, b.wards);
    assert_eq!(a.tables, b.tables);
    assert_eq!(a.themes, b.themes);
    assert_eq!(a.glossary, b.glossary);
    assert_eq!(a.passages, b.passages);
}

#[test]
fn second_open_reads_the_entry_and_gives_the_same_dataset_and_index() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_copy(tmp.path());
    let cache = Cache::at(tmp.path().join("cache"));
    let first = cache.load_indexed(Source::Dir(&data)).unwrap();
    assert_eq!(first.outcome, Outcome::Built);
    assert!(first.written);
    assert_eq!(entries(&tmp.path().join("cache")).len(), 1);
    let second = cache.load_indexed(Source::Dir(&data)).unwrap();
    assert_eq!(second.outcome, Outcome::Hit);
    same_dataset(&first.ds, &second.ds);
    let (a, b) = (first.index.unwrap(), second.index.unwrap());
    for q in ["partner", "lone parents childcare", "'IB", "la:sandwell !jobcentre"] {
        assert_eq!(found(&a, q), found(&b, q), "query {q}");
        assert!(!found(&b, q).is_empty(), "query {q} finds something");
    }
}

#[test]
fn an_entry_without_the_index_gains_it_when_a_search_needs_it() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path().join("cache"));
    assert_eq!(cache.load(Source::Bundled).unwrap().outcome, Outcome::Built);
    assert_eq!(cache.load(Source::Bundled).unwrap().outcome, Outcome::Hit);
    let opened = cache.load_indexed(Source::Bundled).unwrap();
    assert_eq!(opened.outcome, Outcome::IndexBuilt);
    assert!(opened.index.is_some());
    assert_eq!(cache.load_indexed(Source::Bundled).unwrap().outcome, Outcome::Hit);
}

#[test]
fn a_changed_data_file_is_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_copy(tmp.path());
    let cache = Cache::at(tmp.path().join("cache"));
    let before = cache.load_indexed(Source::Dir(&data)).unwrap();
    let las = data.join("las.ron");
    let name = before.ds.las[0].name.clone();
    let text = fs::read_to_string(&las).unwrap();
    fs::write(&las, text.replacen(&name, "Zanzibarshire", 1)).unwrap();
    let after = cache.load_indexed(Source::Dir(&data)).unwrap();
    assert_eq!(after.outcome, Outcome::Built);
    assert_eq!(after.ds.las[0].name, "Zanzibarshire");
    assert!(!found(after.index.as_ref().unwrap(), "zanzibarshire").is_empty());
    // Changed back, the first entry is still there.
    fs::write(&las, text).unwrap();
    let back = cache.load(Source::Dir(&data)).unwrap();
    assert_eq!(back.outcome, Outcome::Hit);
    assert_eq!(back.ds.las[0].name, name);
}

#[test]
fn a_damaged_entry_is_rebuilt_silently_with_the_right_data() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let cache = Cache::at(&dir);
    let good = cache.load_indexed(Source::Bundled).unwrap();
    let entry = entries(&dir).pop().expect("an entry");
    let bytes = fs::read(&entry).unwrap();
    let damages: Vec<Vec<u8>> = vec![
        {
            // One byte flipped in the middle (inside a section).
            let mut b = bytes.clone();
            let mid = b.len() / 2;
            b[mid] ^= 0x55;
            b
        },
        bytes[..bytes.len() / 3].to_vec(),
        bytes[..5].to_vec(),
        Vec::new(),
        b"not a cache at all".repeat(100),
        {
            // The header's version changed: another casebook's entry.
            let mut b = bytes.clone();
            let at = b
                .windows(5)
                .position(|w| w == env!("CARGO_PKG_VERSION").as_bytes())
                .unwrap_or(20);
            b[at] ^= 1;
            b
        },
    ];
    for (i, damaged) in damages.into_iter().enumerate() {
        fs::write(&entry, damaged).unwrap();
        let opened = cache.load_indexed(Source::Bundled).unwrap();
        assert_eq!(opened.outcome, Outcome::Built, "damage {i}");
        same_dataset(&good.ds, &opened.ds);
        let (a, b) = (good.index.as_ref().unwrap(), opened.index.as_ref().unwrap());
        assert_eq!(found(a, "partner"), found(b, "partner"), "damage {i}");
        // Rewritten whole: the next open reads it.
        assert_eq!(cache.load(Source::Bundled).unwrap().outcome, Outcome::Hit, "damage {i}");
    }
}

#[test]
fn a_cache_directory_that_cannot_be_written_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    // A file where the directory should be: not writable, even by root.
    let blocked = tmp.path().join("blocked");
    fs::write(&blocked, "a file").unwrap();
    for dir in [blocked.clone(), blocked.join("below")] {
        let cache = Cache::at(&dir);
        for _ in 0..2 {
            let opened = cache.load_indexed(Source::Bundled).unwrap();
            assert_eq!(opened.outcome, Outcome::Built);
            assert!(!opened.written);
            assert!(opened.ds.passages.len() > 100);
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = tmp.path().join("read-only");
        fs::create_dir(&ro).unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        // Root may write anyway; either way the dataset opens.
        let opened = Cache::at(&ro).load(Source::Bundled).unwrap();
        assert!(opened.ds.passages.len() > 100);
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn a_dataset_with_errors_is_never_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_copy(tmp.path());
    fs::write(data.join("themes.ron"), "[ (id: \"x\", label: ").unwrap();
    let dir = tmp.path().join("cache");
    assert!(Cache::at(&dir).load(Source::Dir(&data)).is_err());
    assert!(entries(&dir).is_empty());
}

#[test]
fn off_reads_and_writes_nothing() {
    let opened = Cache::off().load_indexed(Source::Bundled).unwrap();
    assert_eq!(opened.outcome, Outcome::Off);
    assert!(!opened.written);
}

fn casebook(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("casebook").unwrap();
    cmd.env("CASEBOOK_CACHE_DIR", cache)
        .env("CASEBOOK_NOTES", cache.join("no-notes.ron"));
    cmd
}

fn stderr_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn the_binary_reads_its_cache_the_second_time_and_prints_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_copy(tmp.path());
    let cache = tmp.path().join("cache");
    let search = |extra: &[&str]| {
        let mut cmd = casebook(&cache);
        cmd.arg("--data").arg(&data).args(extra);
        cmd.args(["search", "partner", "--format", "json", "--limit", "0"]);
        cmd
    };
    let first = stderr_of(&mut search(&["--timings"]));
    assert!(first.contains("cache: not used (no entry"), "{first}");
    let second = stderr_of(&mut search(&["--timings"]));
    assert!(second.contains("cache: hit"), "{second}");
    assert!(second.contains("open (total)"), "{second}");
    let cached = search(&[]).output().unwrap();
    let parsed = search(&["--no-cache"]).output().unwrap();
    assert!(cached.stderr.is_empty(), "no timings without --timings");
    assert_eq!(cached.stdout, parsed.stdout);
    assert!(cached.stdout.len() > 1000);
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let err = stderr_of(casebook(&cache).args(["--no-cache", "--timings", "check"]));
    assert!(err.contains("cache: off (--no-cache)"), "{err}");
    assert!(!err.contains("cache: hit"));
    assert!(entries(&cache).is_empty());
    stderr_of(casebook(&cache).arg("check"));
    assert_eq!(entries(&cache).len(), 1);
    let err = stderr_of(casebook(&cache).args(["--no-cache", "--timings", "check"]));
    assert!(!err.contains("cache: hit"), "{err}");
}

/// The app's open: the dataset from the entry, the index after (or ready,
/// when the files were parsed); in every case the same as a command's open.
#[test]
fn the_apps_open_gives_the_dataset_first_and_the_same_index_after() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_copy(tmp.path());
    let dir = tmp.path().join("cache");
    let cache = Cache::at(&dir);
    let first = cache.load_for_app(Source::Dir(&data)).unwrap();
    assert_eq!(first.outcome, Outcome::Built);
    let ready = first.index.ready().expect("parsed: the index comes ready");
    let app = cache.load_for_app(Source::Dir(&data)).unwrap();
    assert_eq!(app.outcome, Outcome::Hit);
    same_dataset(&first.ds, &app.ds);
    let later = app.index.ready().expect_err("from the cache: the index follows");
    let index = later.finish(&app.ds);
    for q in ["partner", "lone parents childcare", "la:sandwell !jobcentre"] {
        assert_eq!(found(&ready, q), found(&index, q), "query {q}");
    }
    // Off: parsed, ready.
    let off = Cache::off().load_for_app(Source::Dir(&data)).unwrap();
    assert_eq!(off.outcome, Outcome::Off);
    assert!(off.index.ready().is_ok());
}

#[test]
fn the_apps_open_builds_a_missing_or_damaged_index_and_rewrites_the_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let cache = Cache::at(&dir);
    let good = cache.load_indexed(Source::Bundled).unwrap();
    // An entry without its index (written by a command that needed none).
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(cache.load(Source::Bundled).unwrap().outcome, Outcome::Built);
    let app = cache.load_for_app(Source::Bundled).unwrap();
    assert_eq!(app.outcome, Outcome::Hit);
    let index = app.index.ready().expect_err("not in the entry").finish(&app.ds);
    assert_eq!(found(good.index.as_ref().unwrap(), "partner"), found(&index, "partner"));
    assert_eq!(
        cache.load_indexed(Source::Bundled).unwrap().outcome,
        Outcome::Hit,
        "the entry gained the index"
    );
    // The index section damaged (its last byte): the dataset still opens
    // from the entry, the index is built again and the entry rewritten.
    let entry = entries(&dir).pop().expect("an entry");
    let mut bytes = fs::read(&entry).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    fs::write(&entry, bytes).unwrap();
    let app = cache.load_for_app(Source::Bundled).unwrap();
    assert_eq!(app.outcome, Outcome::Hit);
    same_dataset(&good.ds, &app.ds);
    let index = app.index.ready().expect_err("pending").finish(&app.ds);
    assert_eq!(found(good.index.as_ref().unwrap(), "partner"), found(&index, "partner"));
    assert_eq!(
        cache.load_indexed(Source::Bundled).unwrap().outcome,
        Outcome::Hit,
        "rewritten"
    );
}
