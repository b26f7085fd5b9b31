//! The journal beside a large notes file (`notes.ron.journal`): saves
//! append one record to it; readers replay it over the notes file; it is
//! folded into the notes file past its bound; an unfinished last record is
//! ignored and cut off, a damaged one reported by line; two writers and a
//! writer killed mid-save lose nothing.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

mod support;

use casebook::notes::{NoteStore, NotesError, SMALL_NOTES_BYTES, Target};

const CHILD_ENV: &str = "CASEBOOK_TEST_JOURNAL_WRITER";

/// A notes file of `n` notes in the form casebook writes, large enough
/// (300 notes) to be kept with a journal.
fn big_file(path: &Path, n: usize) {
    let mut text = String::from("[\n");
    for i in 0..n {
        text.push_str(&format!(
            "    (id: \"old{i:04}\", target: La(\"lambeth\"), text: \"Visit {i}: the creche is full on Tuesdays,\nlone parents ask about jobs and training near the centre\", created: \"2026-11-23T10:15:00Z\", updated: \"2026-11-23T10:15:00Z\", themes: [\"childcare\"]),\n"
        ));
    }
    text.push_str("]\n");
    std::fs::write(path, text).unwrap();
    assert!(std::fs::metadata(path).unwrap().len() >= SMALL_NOTES_BYTES);
}

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    big_file(&path, 300);
    let journal = dir.path().join("notes.ron.journal");
    (dir, path, journal)
}

fn ids(store: &NoteStore) -> HashSet<String> {
    assert!(store.error().is_none(), "{:?}", store.error());
    store.notes().iter().map(|n| n.id.clone()).collect()
}

fn records(journal: &Path) -> Vec<String> {
    std::fs::read_to_string(journal)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("//"))
        .map(String::from)
        .collect()
}

#[test]
fn saves_append_to_the_journal_and_readers_replay_it() {
    let (_dir, path, journal) = setup();
    let mut store = NoteStore::open(&path);
    // The first save finds no journal: it rewrites the file and starts one.
    let first = store.add(Target::None, "first", vec![]).unwrap();
    assert!(records(&journal).is_empty());
    let rewritten = std::fs::read(&path).unwrap();
    assert!(
        store.get("old0000").is_some(),
        "the id index is built, and kept up to date below"
    );
    let second = store
        .add(Target::La("ealing".into()), "two lines\nand a \"quote\"", vec![])
        .unwrap();
    store
        .update(&first.id, "first, edited", vec!["childcare".into()])
        .unwrap();
    store.remove("old0007").unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        rewritten,
        "the notes file is not rewritten"
    );
    let lines = records(&journal);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("Add((id: ") && lines[0].contains(r#"two lines\nand a \"quote\""#));
    assert!(lines[1].starts_with("Edit((id: "));
    assert_eq!(lines[2], "Delete(\"old0007\")");
    // Each record is plain RON too.
    for l in &lines {
        assert!(ron::from_str::<ron::Value>(l).is_ok(), "{l}");
    }
    let fresh = NoteStore::open(&path);
    assert_eq!(fresh.notes(), store.notes());
    assert_eq!(fresh.notes().len(), 301);
    assert!(store.notes().iter().all(|n| store.get(&n.id) == Some(n)));
    assert!(store.get("old0007").is_none() && store.get("old0008").is_some());
    assert_eq!(fresh.get(&first.id).unwrap().text, "first, edited");
    assert_eq!(fresh.get(&second.id).unwrap().text, "two lines\nand a \"quote\"");
    assert!(fresh.get("old0007").is_none(), "deleted stays deleted");
}

#[test]
fn an_unread_store_adds_and_removes_by_the_journal() {
    let (_dir, path, journal) = setup();
    NoteStore::open(&path).compact().unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut cli = NoteStore::open_unread(&path);
    let added = cli.add(Target::None, "from the command line", vec![]).unwrap();
    assert!(cli.notes().is_empty(), "an unread store stays unread");
    cli.remove("old0001").unwrap();
    cli.remove(&added.id).unwrap();
    for gone in ["old0001", added.id.as_str(), "no-such-note"] {
        assert!(matches!(cli.remove(gone), Err(NotesError::NotFound { .. })), "{gone}");
    }
    assert!(std::fs::read(&path).unwrap() == before, "not rewritten");
    assert_eq!(records(&journal).len(), 3);
    let all = ids(&NoteStore::open(&path));
    assert_eq!(all.len(), 299);
    assert!(!all.contains("old0001") && !all.contains(&added.id));
}

#[test]
fn reload_sees_another_writers_journal_records() {
    let (_dir, path, _journal) = setup();
    let mut app = NoteStore::open(&path);
    let mut cli = NoteStore::open_unread(&path);
    cli.add(Target::None, "rewrites and starts the journal", vec![])
        .unwrap();
    assert!(app.reload().unwrap());
    let generation = app.generation();
    let added = cli.add(Target::None, "appended", vec![]).unwrap();
    assert!(app.reload().unwrap(), "a stat of the journal sees the append");
    assert!(app.generation() > generation);
    assert!(app.get(&added.id).is_some());
    assert!(!app.reload().unwrap(), "nothing changed since");
    // The app's own stale view does not undo the other writer's delete.
    cli.remove(&added.id).unwrap();
    assert!(matches!(
        app.update(&added.id, "too late", vec![]),
        Err(NotesError::NotFound { .. })
    ));
    assert!(app.get(&added.id).is_none());
}

#[test]
fn an_unfinished_last_record_is_ignored_then_cut_off() {
    let (_dir, path, journal) = setup();
    let mut store = NoteStore::open(&path);
    store.add(Target::None, "before", vec![]).unwrap();
    let kept = store.add(Target::None, "kept", vec![]).unwrap();
    // A writer died halfway through writing its record.
    let mut f = std::fs::OpenOptions::new().append(true).open(&journal).unwrap();
    f.write_all(b"Add((id: \"torn\", target: None, text: \"half a no")
        .unwrap();
    drop(f);
    let reader = NoteStore::open(&path);
    assert!(reader.error().is_none(), "{:?}", reader.error());
    assert!(reader.get(&kept.id).is_some(), "earlier records are kept");
    assert!(reader.get("torn").is_none());
    assert_eq!(reader.notes().len(), 302);
    let after = NoteStore::open_unread(&path)
        .add(Target::None, "after", vec![])
        .unwrap();
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(!text.contains("torn"), "the unfinished record is cut off: {text}");
    let all = ids(&NoteStore::open(&path));
    assert!(all.contains(&kept.id) && all.contains(&after.id));
    assert_eq!(all.len(), 303);
}

#[test]
fn a_damaged_journal_is_located_by_line_and_nothing_is_written() {
    let (dir, path, journal) = setup();
    let mut store = NoteStore::open(&path);
    store.add(Target::None, "one", vec![]).unwrap();
    store.add(Target::None, "two", vec![]).unwrap();
    let mut text = std::fs::read_to_string(&journal).unwrap();
    let line = text.lines().count() + 1;
    text.push_str("Add((id: \"x\", target: Nowhere, text: \"t\", created: \"c\", updated: \"c\", themes: []))\n");
    text.push_str(&records(&journal)[0]);
    text.push('\n');
    std::fs::write(&journal, &text).unwrap();
    let notes_before = std::fs::read(&path).unwrap();
    let fresh = NoteStore::open(&path);
    match fresh.error() {
        Some(NotesError::Parse { file, line: l, col, .. }) => {
            assert_eq!(file, &dir.path().join("notes.ron.journal"));
            assert_eq!((*l, *col), (line, 23), "{:?}", fresh.error());
        }
        other => panic!("{other:?}"),
    }
    let shown = fresh.error().unwrap().to_string();
    assert!(shown.contains(&format!("notes.ron.journal:{line}:23")), "{shown}");
    assert!(store.reload().is_err());
    assert!(store.add(Target::None, "refused", vec![]).unwrap_err().is_parse());
    assert!(
        NoteStore::open_unread(&path)
            .add(Target::None, "refused", vec![])
            .unwrap_err()
            .is_parse()
    );
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), text);
    assert!(
        std::fs::read(&path).unwrap() == notes_before,
        "the notes file is untouched"
    );
}

#[test]
fn the_journal_is_folded_in_past_its_bound_and_on_compact() {
    let (_dir, path, journal) = setup();
    let mut store = NoteStore::open(&path);
    store.set_journal_limit(1_200);
    let mut added = Vec::new();
    let mut folded = 0;
    for i in 0..20 {
        added.push(store.add(Target::None, &format!("note {i}"), vec![]).unwrap().id);
        if records(&journal).is_empty() {
            folded += 1;
        }
        assert!(std::fs::metadata(&journal).unwrap().len() <= 1_200);
    }
    assert!(folded >= 3, "folded {folded} times");
    let all = ids(&NoteStore::open(&path));
    assert!(added.iter().all(|id| all.contains(id)));
    store.add(Target::None, "in the journal when folded", vec![]).unwrap();
    assert!(!records(&journal).is_empty());
    let before = store.notes().to_vec();
    store.compact().unwrap();
    assert!(records(&journal).is_empty());
    // The backup is every note as it was, the folded records included.
    let bak = NoteStore::open(&path.with_extension("ron.bak"));
    assert!(bak.error().is_none() && bak.notes() == before, "the backup lacks notes");
    // The notes file alone now holds every note, as plain RON.
    let text = std::fs::read_to_string(&path).unwrap();
    let alone: Vec<casebook::notes::Note> = ron::from_str(&text).unwrap();
    assert_eq!(alone.len(), 321);
    assert_eq!(alone, store.notes());
}

#[test]
fn a_hand_edit_of_the_notes_file_is_read_and_the_journal_still_applies() {
    let (_dir, path, _journal) = setup();
    let mut store = NoteStore::open(&path);
    store.add(Target::None, "starts the journal", vec![]).unwrap();
    let added = store.add(Target::None, "in the journal", vec![]).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Visit 5:", "Visit five:")).unwrap();
    let cli = NoteStore::open_unread(&path)
        .add(Target::None, "after the edit", vec![])
        .unwrap();
    let fresh = NoteStore::open(&path);
    assert!(fresh.get("old0005").unwrap().text.starts_with("Visit five:"));
    assert!(fresh.get(&added.id).is_some() && fresh.get(&cli.id).is_some());
}

#[test]
fn a_read_only_journal_is_never_appended_to() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path, journal) = setup();
    let mut store = NoteStore::open(&path);
    store.add(Target::None, "starts the journal", vec![]).unwrap();
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&journal).unwrap();
    assert!(matches!(
        NoteStore::open_unread(&path).add(Target::None, "no", vec![]),
        Err(NotesError::ReadOnly { .. })
    ));
    assert!(NoteStore::open(&path).read_only());
    assert!(std::fs::read(&journal).unwrap() == before, "the journal is untouched");
}

#[test]
fn two_processes_appending_end_with_every_note() {
    let (_dir, path, _journal) = setup();
    NoteStore::open(&path).compact().unwrap();
    let writers = support::cli_note_writers(&path, 2, 30);
    let mut app = NoteStore::open(&path);
    let mut seen = 0;
    while !writers.iter().all(|w| w.is_finished()) {
        app.reload().expect("a reader never sees a broken journal");
        assert!(app.notes().len() >= seen, "notes disappeared");
        seen = app.notes().len();
        std::thread::sleep(Duration::from_millis(5));
    }
    let printed: HashSet<String> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let all = ids(&NoteStore::open(&path));
    assert_eq!(all.len(), 360);
    assert!(printed.iter().all(|id| all.contains(id)));
}

/// Not a test on its own: with [`CHILD_ENV`] set, add notes to that file
/// forever with a small journal bound (so kills land in appends and in
/// rewrites), printing `added <id>` after each successful save.
#[test]
fn journal_writer_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = NoteStore::open_unread(Path::new(&path));
    store.set_journal_limit(3_000);
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let note = store
            .add(
                Target::None,
                &format!("note {i}\nof a writer that will be killed"),
                vec![],
            )
            .unwrap();
        writeln!(out, "added {}", note.id).unwrap();
        out.flush().unwrap();
    }
}

fn kill_a_writer(path: &Path, delay: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["journal_writer_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    while !first.starts_with("added ") {
        first.clear();
        if reader.read_line(&mut first).unwrap() == 0 {
            break;
        }
    }
    std::thread::sleep(delay);
    child.kill().unwrap();
    child.wait().unwrap();
    let mut rest = String::new();
    reader.read_to_string(&mut rest).unwrap();
    first.push_str(&rest);
    first
        .split_inclusive('\n')
        .filter_map(|l| l.strip_prefix("added ")?.strip_suffix('\n'))
        .map(String::from)
        .collect()
}

#[test]
fn a_writer_killed_mid_append_or_fold_loses_no_reported_note() {
    let (_dir, path, _journal) = setup();
    let mut reported = Vec::new();
    for round in 0..8u32 {
        let ids_reported = kill_a_writer(&path, Duration::from_micros(3_000 + u64::from(round) * 4_700));
        assert!(!ids_reported.is_empty(), "round {round}: the child reported nothing");
        reported.extend(ids_reported);
        let on_disk = ids(&NoteStore::open(&path));
        let lost: Vec<&String> = reported.iter().filter(|id| !on_disk.contains(*id)).collect();
        assert!(lost.is_empty(), "round {round}: reported but lost: {lost:?}");
    }
}
