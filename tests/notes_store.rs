//! The notes store against a real file: merging writers, deletes that stay
//! deleted, a corrupt file left untouched, the backup, reload, the lock.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use casebook::notes::{NoteStore, NotesError, Target};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    (dir, path)
}

fn ids(store: &NoteStore) -> Vec<String> {
    let mut v: Vec<String> = store.notes().iter().map(|n| n.id.clone()).collect();
    v.sort();
    v
}

fn on_disk(path: &Path) -> Vec<String> {
    let store = NoteStore::open(path);
    assert!(store.error().is_none(), "{:?}", store.error());
    ids(&store)
}

#[test]
fn a_missing_file_is_an_empty_store_and_the_first_add_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/notes.ron");
    let mut store = NoteStore::open(&path);
    assert!(store.notes().is_empty() && store.error().is_none());
    assert!(!store.reload().unwrap());
    let n = store
        .add(
            Target::La("lambeth".into()),
            "first\nsecond  \n",
            vec!["childcare".into()],
        )
        .unwrap();
    assert_eq!(n.text, "first\nsecond");
    assert_eq!(n.created, n.updated);
    assert_eq!(on_disk(&path), [n.id.as_str()]);
    assert_eq!(NoteStore::open(&path).get(&n.id), Some(&n));
    assert!(matches!(
        store.add(Target::None, " \n\t", vec![]),
        Err(NotesError::Empty)
    ));
}

#[test]
fn two_stores_merge_by_id() {
    let (_dir, path) = temp();
    let mut a = NoteStore::open(&path);
    let mut b = NoteStore::open(&path);
    let x = a.add(Target::None, "from a", vec![]).unwrap();
    let y = b
        .add(Target::Centre("lambeth-lark-hall".into()), "from b", vec![])
        .unwrap();
    let mut both = vec![x.id.clone(), y.id.clone()];
    both.sort();
    assert_eq!(ids(&b), both, "b's save picked up a's note");
    assert_eq!(on_disk(&path), both);
    assert!(a.reload().unwrap());
    assert_eq!(ids(&a), both);
    assert!(!a.reload().unwrap(), "nothing new");
}

#[test]
fn a_delete_is_not_resurrected_and_an_edit_is_not_undone_by_a_stale_store() {
    let (_dir, path) = temp();
    let mut a = NoteStore::open(&path);
    let gone = a.add(Target::None, "to delete", vec![]).unwrap();
    let kept = a.add(Target::None, "to edit", vec![]).unwrap();
    let mut stale = NoteStore::open(&path);
    a.remove(&gone.id).unwrap();
    a.update(&kept.id, "edited", vec!["childcare".into()]).unwrap();
    let new = stale.add(Target::None, "stale store's note", vec![]).unwrap();
    let mut want = vec![kept.id.clone(), new.id.clone()];
    want.sort();
    assert_eq!(on_disk(&path), want);
    assert_eq!(stale.get(&kept.id).unwrap().text, "edited");
    assert_eq!(stale.get(&kept.id).unwrap().themes, ["childcare"]);
    assert!(stale.get(&gone.id).is_none());
    // Editing or deleting what is gone says so and writes nothing.
    let before = fs::read(&path).unwrap();
    assert!(matches!(
        stale.update(&gone.id, "too late", vec![]),
        Err(NotesError::NotFound { .. })
    ));
    assert!(matches!(stale.remove(&gone.id), Err(NotesError::NotFound { .. })));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_corrupt_file_is_reported_left_untouched_and_writes_are_refused_until_fixed() {
    let (_dir, path) = temp();
    let mut good = NoteStore::open(&path);
    let first = good.add(Target::None, "one", vec![]).unwrap();
    good.add(Target::None, "two", vec![]).unwrap();
    let broken = fs::read_to_string(&path).unwrap().replacen("target:", "targt:", 1);
    fs::write(&path, &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("targt:")).unwrap() + 1;
    let col = broken.lines().nth(line - 1).unwrap().find("targt:").unwrap() + 1;

    let mut store = NoteStore::open(&path);
    let err = store.error().expect("error reported").clone();
    match &err {
        NotesError::Parse {
            file,
            line: l,
            col: c,
            backup,
            ..
        } => {
            assert_eq!(file, &path);
            assert_eq!((*l, *c), (line, col));
            assert_eq!(backup.as_deref(), Some(path.with_extension("ron.bak").as_path()));
        }
        other => panic!("{other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{}:{line}:{col}: ", path.display())), "{msg}");
    assert!(msg.ends_with("; the file was left untouched"), "{msg}");
    assert!(store.notes().is_empty());

    assert!(store.add(Target::None, "lost?", vec![]).unwrap_err().is_parse());
    assert!(store.remove(&first.id).unwrap_err().is_parse());
    assert!(store.update(&first.id, "x", vec![]).unwrap_err().is_parse());
    assert!(
        good.add(Target::None, "from the other store", vec![])
            .unwrap_err()
            .is_parse()
    );
    assert!(
        good.error().is_some(),
        "a store that meets the broken file reports it too"
    );
    assert_eq!(good.notes().len(), 2, "and keeps its last-known notes");
    assert!(!store.reload().unwrap(), "same broken version");
    assert_eq!(fs::read_to_string(&path).unwrap(), broken, "byte for byte untouched");

    // The backup is the previous good version: the file with only the first note.
    let bak = NoteStore::open(&path.with_extension("ron.bak"));
    assert_eq!(ids(&bak), [first.id.as_str()]);

    // Fixed by hand: the next reload clears the error and writing works again.
    fs::write(&path, broken.replacen("targt:", "target:", 1)).unwrap();
    assert!(store.reload().unwrap());
    assert!(store.error().is_none());
    assert_eq!(store.notes().len(), 2);
    good.add(Target::None, "three", vec![]).unwrap();
    assert!(good.error().is_none());
    assert_eq!(on_disk(&path).len(), 3);
}

#[test]
fn an_unparseable_reload_keeps_the_last_known_notes() {
    let (_dir, path) = temp();
    let mut store = NoteStore::open(&path);
    store.add(Target::None, "kept in memory", vec![]).unwrap();
    fs::write(&path, "[ (id: \"x\"").unwrap();
    assert!(store.reload().unwrap_err().is_parse());
    assert_eq!(store.notes().len(), 1);
    assert!(store.error().is_some());
    assert_eq!(fs::read_to_string(&path).unwrap(), "[ (id: \"x\"");
}

#[test]
fn reload_sees_another_writers_notes_edits_and_deletes() {
    let (_dir, path) = temp();
    let mut writer = NoteStore::open(&path);
    let mut app = NoteStore::open(&path);
    assert!(!app.reload().unwrap());
    let n = writer
        .add(
            Target::Ward("westminster-church-street".into()),
            "seen elsewhere",
            vec![],
        )
        .unwrap();
    assert!(app.reload().unwrap());
    assert_eq!(app.get(&n.id).unwrap().text, "seen elsewhere");
    writer.update(&n.id, "changed elsewhere", vec![]).unwrap();
    assert!(app.reload().unwrap());
    assert_eq!(app.get(&n.id).unwrap().text, "changed elsewhere");
    writer.remove(&n.id).unwrap();
    assert!(app.reload().unwrap());
    assert!(app.notes().is_empty());
    assert!(!app.reload().unwrap());
}

#[test]
fn a_held_lock_makes_a_writer_wait_then_give_up_without_writing() {
    let (_dir, path) = temp();
    let mut store = NoteStore::open(&path);
    store.add(Target::None, "before", vec![]).unwrap();
    let before = fs::read(&path).unwrap();
    let lock = fs::File::open(path.with_extension("ron.lock")).unwrap();
    lock.lock().unwrap();
    store.set_lock_wait(Duration::from_millis(150));
    match store.add(Target::None, "blocked", vec![]) {
        Err(e @ NotesError::LockTimeout { .. }) => assert!(e.to_string().contains("nothing was saved"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(store.error().is_none(), "a busy lock does not make the store read-only");
    lock.unlock().unwrap();
    store.add(Target::None, "after", vec![]).unwrap();
    assert_eq!(store.notes().len(), 2);
}

#[test]
fn resolve_path_prefers_the_command_line() {
    let p = Path::new("/tmp/x/notes.ron");
    assert_eq!(NoteStore::resolve_path(Some(p)).unwrap(), p);
    if let Some(d) = NoteStore::default_path() {
        assert!(d.ends_with("notes.ron"));
    }
}
