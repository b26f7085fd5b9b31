//! Several writers on one notes file: no note is ever lost.
//!
//! - two processes of the real binary, each running `notes add` 100 times,
//!   end with 200 notes (while a reader reloads and never sees a broken file);
//! - a writer killed with SIGKILL in the middle of its saves leaves a valid
//!   file holding every note whose `add` reported success.
//!
//! The killed writer is this test binary run again in "child" mode
//! ([`killed_writer_child`]), so that it spends nearly all its time saving.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

mod support;

use casebook::notes::{NoteStore, Target};

const CHILD_ENV: &str = "CASEBOOK_TEST_KILLED_WRITER";

fn note_ids(path: &Path) -> HashSet<String> {
    let store = NoteStore::open(path);
    assert!(
        store.error().is_none(),
        "the notes file must always parse: {:?}",
        store.error()
    );
    store.notes().iter().map(|n| n.id.clone()).collect()
}

#[test]
fn two_processes_adding_100_notes_each_end_with_200() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let writers = support::cli_note_writers(&path, 2, 100);
    // Meanwhile the "app": reloads never see a broken file and never lose a note.
    let mut app = NoteStore::open(&path);
    let mut seen = 0;
    while !writers.iter().all(|w| w.is_finished()) {
        app.reload().expect("a reader never sees a half-written file");
        assert!(
            app.notes().len() >= seen,
            "notes disappeared: {} after {seen}",
            app.notes().len()
        );
        seen = app.notes().len();
        std::thread::sleep(Duration::from_millis(5));
    }
    let printed: Vec<String> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let on_disk = note_ids(&path);
    assert_eq!(on_disk.len(), 200);
    assert_eq!(printed.iter().cloned().collect::<HashSet<_>>(), on_disk);
    app.reload().unwrap();
    assert_eq!(app.notes().len(), 200);
}

/// Not a test on its own: when run with [`CHILD_ENV`] set, add notes to that
/// file forever, printing `added <id>` after each successful save.
#[test]
fn killed_writer_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = NoteStore::open(Path::new(&path));
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let text = format!("note {i} of a writer that will be killed\nsecond line, to make saves longer");
        let note = store
            .add(Target::La("lambeth".into()), &text, vec!["childcare".into()])
            .unwrap();
        writeln!(out, "added {}", note.id).unwrap();
        out.flush().unwrap();
    }
}

/// Run the child writer until it has reported its first note, let it run
/// on for `delay` (so the kill lands at a different point of a save each
/// time), SIGKILL it, and return every id it reported.
fn kill_a_writer(path: &PathBuf, delay: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["killed_writer_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    // Skip the test harness's own lines up to the first report.
    let mut first = String::new();
    while !first.starts_with("added ") {
        first.clear();
        if reader.read_line(&mut first).unwrap() == 0 {
            break;
        }
    }
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    // Everything it reported before dying counts; a cut-off last line does not.
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
fn a_writer_killed_mid_save_loses_no_reported_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let mut reported = Vec::new();
    for round in 0..10u32 {
        let ids = kill_a_writer(&path, Duration::from_micros(2_000 + u64::from(round) * 3_100));
        assert!(!ids.is_empty(), "round {round}: the child reported nothing");
        reported.extend(ids);
        let on_disk = note_ids(&path);
        let lost: Vec<&String> = reported.iter().filter(|id| !on_disk.contains(*id)).collect();
        assert!(lost.is_empty(), "round {round}: reported but lost: {lost:?}");
    }
    // The next save clears whatever temporary file a killed writer left.
    NoteStore::open(&path)
        .add(Target::None, "after the kills", vec![])
        .unwrap();
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(
        NoteStore::open(&path.with_extension("ron.bak")).error().is_none(),
        "the backup parses too"
    );
}
