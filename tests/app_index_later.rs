//! The app before its search index has arrived (at national scale it
//! decodes on a thread after the first frame): every screen works, the
//! search box keeps what is typed and says it is preparing, and
//! `Action::IndexReady` brings the hits for that query, the Matrix's
//! counts and notes saved meanwhile. A thread that ended without an index
//! is replaced by building it, never a panic. Driven by actions and keys,
//! no terminal.

mod support;

use std::sync::Arc;

use casebook::app::{Action, IndexJob, Overlay, State, update};
use casebook::dataset::Dataset;
use casebook::notes::NoteStore;
use casebook::search::SearchIndex;
use crossterm::event::KeyCode;
use support::*;

struct Pending {
    state: State,
    ds: Arc<Dataset>,
    send: std::sync::mpsc::Sender<SearchIndex>,
    _dir: tempfile::TempDir,
}

fn pending() -> Pending {
    let dir = tempfile::tempdir().expect("temp dir");
    let ds = Arc::new(casebook::dataset::load_bundled().expect("bundled dataset"));
    let (send, job) = IndexJob::channel();
    let notes = NoteStore::open(&dir.path().join("notes.ron"));
    let mut state = State::pending(Arc::clone(&ds), notes, job);
    update(&mut state, Action::Resize(80, 24));
    Pending {
        state,
        ds,
        send,
        _dir: dir,
    }
}

/// What the ready app finds for `query`: ids, best first.
fn ready_hits(query: &str) -> Vec<String> {
    let mut a = app();
    typed(&mut a.state, "/");
    typed(&mut a.state, query);
    a.state.search.hits.iter().map(|h| h.id.clone()).collect()
}

#[test]
fn a_query_typed_before_the_index_runs_when_it_arrives() {
    let mut p = pending();
    let s = &mut p.state;
    assert!(!s.search_ready());
    typed(s, "/partner");
    assert_eq!(s.overlay, Some(Overlay::Search));
    assert_eq!(s.search.query(), "partner", "nothing typed is lost");
    assert!(s.search.hits.is_empty());
    let screen = text(&draw(s, 80, 24, NO_COLOR));
    assert!(screen.contains("preparing search"), "{screen}");
    // IndexReady before the index is there changes nothing.
    update(s, Action::IndexReady);
    assert!(!s.search_ready());
    assert_eq!(s.search.query(), "partner");

    p.send.send(SearchIndex::new(&p.ds, Vec::new())).expect("send");
    update(s, Action::IndexReady);
    assert!(s.search_ready());
    let ids: Vec<String> = s.search.hits.iter().map(|h| h.id.clone()).collect();
    assert!(!ids.is_empty());
    assert_eq!(ids, ready_hits("partner"), "the same hits as an app opened ready");
    let screen = text(&draw(s, 80, 24, NO_COLOR));
    assert!(!screen.contains("preparing search"), "{screen}");
    // Typing goes on as usual.
    typed(s, "s");
    assert_eq!(s.search.query(), "partners");
    assert_eq!(
        s.search.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>(),
        ready_hits("partners")
    );
}

#[test]
fn screens_other_than_search_work_before_the_index() {
    let mut p = pending();
    let s = &mut p.state;
    let before = text(&draw(s, 120, 40, NO_COLOR));
    let mut a = app();
    assert_eq!(before, text(&draw(&mut a.state, 120, 40, NO_COLOR)), "the first screen");
    for _ in 0..3 {
        press(s, KeyCode::Down);
        press(&mut a.state, KeyCode::Down);
    }
    press(s, KeyCode::Enter);
    press(&mut a.state, KeyCode::Enter);
    assert_eq!(
        text(&draw(s, 120, 40, NO_COLOR)),
        text(&draw(&mut a.state, 120, 40, NO_COLOR))
    );
}

#[test]
fn the_matrix_counts_once_the_index_arrives() {
    let mut p = pending();
    let s = &mut p.state;
    let matrix = s
        .nav_items()
        .iter()
        .position(|i| *i == casebook::app::nav::NavItem::Section(casebook::app::nav::Section::Matrix))
        .expect("a Matrix section");
    for _ in 0..matrix {
        press(s, KeyCode::Down);
    }
    let screen = text(&draw(s, 120, 40, NO_COLOR));
    assert!(screen.contains("Counting… (preparing search)"), "{screen}");
    // Exporting the matrix now says to wait rather than writing nothing.
    update(s, Action::Export);
    assert!(s.status.as_deref().is_some_and(|m| m.contains("still being prepared")));
    p.send.send(SearchIndex::new(&p.ds, Vec::new())).expect("send");
    update(s, Action::IndexReady);
    assert!(!s.matrix.data.rows.is_empty(), "counted on arrival");
    let screen = text(&draw(s, 120, 40, NO_COLOR));
    assert!(!screen.contains("preparing search"), "{screen}");
}

#[test]
fn a_note_saved_before_the_index_is_searchable_after() {
    let mut p = pending();
    let s = &mut p.state;
    typed(s, "a");
    assert!(matches!(s.overlay, Some(Overlay::Editor(_))));
    typed(s, "zebracrossing visit");
    key(s, KeyCode::Char('s'), crossterm::event::KeyModifiers::CONTROL);
    assert_eq!(s.overlay, None);
    p.send.send(SearchIndex::new(&p.ds, Vec::new())).expect("send");
    update(s, Action::IndexReady);
    typed(s, "/zebracrossing");
    let passages = s.ds.passages.len();
    let notes: Vec<_> = s.search.hits.iter().filter(|h| h.doc >= passages).collect();
    assert_eq!(notes.len(), 1, "the note is found: {:?}", s.search.hits);
    assert!(s.search.hits[0].doc >= passages, "first, as the best match");
}

#[test]
fn a_thread_that_failed_is_replaced_by_building_the_index() {
    let mut p = pending();
    let s = &mut p.state;
    typed(s, "/partner");
    drop(p.send); // the thread ended without sending an index
    update(s, Action::IndexReady);
    assert!(s.search_ready());
    assert_eq!(
        s.search.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>(),
        ready_hits("partner")
    );
    assert!(s.status.as_deref().is_some_and(|m| m.contains("built again")));
}

/// Start a deferred job that makes its index with `make`, wait until it
/// wakes the app, and apply `IndexReady`: the app can search either way.
fn deferred_job_ends_ready(make: impl FnOnce(&Dataset) -> SearchIndex + Send + 'static) {
    let ds = Arc::new(casebook::dataset::load_bundled().expect("bundled dataset"));
    let (woke, wake) = std::sync::mpsc::channel();
    let (job, start) = IndexJob::deferred(Arc::clone(&ds), make, move || woke.send(()).expect("wake"));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut state = State::pending(ds, NoteStore::open(&dir.path().join("notes.ron")), job);
    start();
    wake.recv_timeout(std::time::Duration::from_secs(60))
        .expect("the thread ends");
    update(&mut state, Action::IndexReady);
    assert!(state.search_ready());
}

#[test]
fn a_deferred_job_sends_its_index_and_wakes_the_app() {
    deferred_job_ends_ready(|ds| SearchIndex::new(ds, Vec::new()));
}

#[test]
fn a_deferred_job_that_panics_still_wakes_the_app_which_builds_the_index() {
    deferred_job_ends_ready(|_| panic!("decoding failed"));
}
