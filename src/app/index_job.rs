//! The search index on its way: at national scale the app draws its first
//! screen from the dataset while the index decodes (or is built) on a
//! thread of its own. [`IndexJob`] is that thread's end of the bargain;
//! `Action::IndexReady` (sent by the terminal loop when the thread is
//! done) installs the index in `update`, and the search box, the Matrix
//! and search exports use it from then on. Until then the search box keeps
//! what is typed and says it is preparing; the query runs on arrival.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use crate::dataset::Dataset;
use crate::search::{SearchIndex, Searcher};

use super::state::{Overlay, State};

/// The receiving end of an index being prepared.
#[derive(Debug)]
pub struct IndexJob {
    rx: Receiver<SearchIndex>,
}

impl IndexJob {
    /// A job fed by hand (tests, or a caller with its own thread).
    pub fn channel() -> (Sender<SearchIndex>, IndexJob) {
        let (tx, rx) = mpsc::channel();
        (tx, IndexJob { rx })
    }

    /// A job preparing the index with `make` on a thread, started by the
    /// returned closure (the app calls it once its first frame is drawn,
    /// so that frame has every core); `done` runs when the thread ends,
    /// whether it sent an index or failed (panicked).
    pub fn deferred(
        ds: Arc<Dataset>,
        make: impl FnOnce(&Dataset) -> SearchIndex + Send + 'static,
        done: impl FnOnce() + Send + 'static,
    ) -> (IndexJob, impl FnOnce()) {
        let (tx, job) = IndexJob::channel();
        let start = move || {
            std::thread::spawn(move || {
                let _done = OnDrop(Some(done));
                // Dropped before `_done` runs, even when `make` panics: the
                // app then finds the channel closed, not merely empty.
                let tx = tx;
                let _ = tx.send(make(&ds));
            });
        };
        (job, start)
    }
}

/// Runs its closure when dropped, unwinding included.
struct OnDrop<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

/// `Action::IndexReady`: take the index if it has arrived. A thread that
/// ended without one (it failed) is replaced by building the index here,
/// once, and the status bar says so; a job still running is left alone.
pub(super) fn index_ready(state: &mut State) {
    let Some(job) = &state.index_job else {
        return;
    };
    let index = match job.rx.try_recv() {
        Ok(index) => index,
        Err(TryRecvError::Empty) => return,
        Err(TryRecvError::Disconnected) => {
            state.status = Some("Preparing search failed in the background; it was built again".into());
            SearchIndex::new(&state.ds, Vec::new())
        }
    };
    state.index_job = None;
    install(state, index);
}

/// Make `index` the app's search index, with the notes as they are now,
/// and run what waited for it: the query typed meanwhile, the Matrix.
pub(super) fn install(state: &mut State, mut index: SearchIndex) {
    index.set_extra(crate::notes::to_search_docs(state.notes.notes(), &state.ds));
    state.searcher = Some(Searcher::new(index));
    state.search_stale = false;
    state.matrix.counted = None;
    if matches!(state.overlay, Some(Overlay::Search)) {
        super::overlays::run_search(state);
    }
}
