//! The terminal side of the app: set up and restore the terminal (on every
//! exit path, including a panic, SIGHUP, SIGTERM and a lost terminal), read
//! key, paste, mouse and resize events, turn them into actions through the
//! keymap, and redraw after each. It also keeps time for the app: the
//! periodic notes reload and the draft autosave a second after a change.
//! Once the first frame is drawn it starts what that frame did not need on
//! threads: the rest of the app's lookup, and the search index when it is
//! still on its way (read from the cache), whose arrival reaches `update`
//! as `Action::IndexReady`.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, MouseButton,
    MouseEventKind,
};
use crossterm::execute;

use crate::app::{Action, IndexJob, State, keymap, mode, update};
use crate::cache::LaterIndex;
use crate::dataset::Dataset;
use crate::notes::NoteStore;
use crate::search::SearchIndex;
use crate::timings;
use crate::ui::{Theme, render};

/// How often notes written by other processes are picked up.
const RELOAD_EVERY: Duration = Duration::from_secs(2);
/// How long after a change in the editor its draft is written.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(1);
/// The longest wait for input before checking for a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Run the app until the user quits, a signal asks it to end, or the
/// terminal goes away; an open editor's text is kept as a draft each time.
pub fn run(ds: Dataset, notes: NoteStore) -> io::Result<()> {
    run_with(ds, notes, None)
}

/// Run the app, exports (`E`, `B`) going to `export_dir` (default: the current directory).
pub fn run_with(ds: Dataset, notes: NoteStore, export_dir: Option<std::path::PathBuf>) -> io::Result<()> {
    let index = SearchIndex::new(&ds, Vec::new());
    run_indexed(ds, index, notes, export_dir)
}

/// Run the app on a dataset whose search index is already prepared (say,
/// read from the open-time cache).
pub fn run_indexed(
    ds: Dataset,
    index: SearchIndex,
    notes: NoteStore,
    export_dir: Option<std::path::PathBuf>,
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let state = timings::time("app state", || State::with_index(Arc::new(ds), index, notes));
    run_state(state, (tx, rx), export_dir, None)
}

/// Run the app on a dataset whose search index may still be on its way
/// (decoding from the cache): the first screen is drawn at once and search
/// joins when the index arrives (see `app::index_job`).
pub fn run_later(
    ds: Dataset,
    index: LaterIndex,
    notes: NoteStore,
    export_dir: Option<std::path::PathBuf>,
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let ds = Arc::new(ds);
    let (state, start) = match index.ready() {
        Ok(index) => (timings::time("app state", || State::with_index(ds, index, notes)), None),
        Err(later) => {
            let wake = tx.clone();
            let (job, start) = IndexJob::deferred(
                Arc::clone(&ds),
                move |ds| later.finish(ds),
                move || {
                    let _ = wake.send(Input::IndexReady);
                },
            );
            let state = timings::time("app state (search index to follow)", || State::pending(ds, notes, job));
            (state, Some(Box::new(start) as Box<dyn FnOnce()>))
        }
    };
    run_state(state, (tx, rx), export_dir, start)
}

/// What the event loop waits for: the terminal, or the search index.
enum Input {
    Terminal(io::Result<Event>),
    IndexReady,
}

/// Run the app on `state`; `after_first_frame` (starting the search
/// index's thread) runs once the first frame is drawn.
fn run_state(
    mut state: State,
    (tx, rx): (Sender<Input>, Receiver<Input>),
    export_dir: Option<std::path::PathBuf>,
    after_first_frame: Option<Box<dyn FnOnce()>>,
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    register_signals(&stop)?;
    state.export_dir = export_dir;
    // Timing lines wait until the terminal is the shell's again.
    timings::hold();
    let mut terminal = ratatui::init();
    // ratatui's hook restores the screen on panic; also release the mouse.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        hook(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    spawn_reader(tx);
    let result = event_loop(&mut terminal, &mut state, &rx, &stop, after_first_frame);
    // However the loop ended (quit, signal, a read error once the terminal
    // has gone), the editor's text is on disk before anything else.
    if !state.quit {
        update(&mut state, Action::Quit);
    }
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    timings::release();
    result
}

/// SIGHUP (terminal closed), SIGTERM and SIGINT set `stop`; the loop then
/// quits the usual way, which writes the draft and restores the terminal.
fn register_signals(stop: &Arc<AtomicBool>) -> io::Result<()> {
    #[cfg(unix)]
    for sig in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
    ] {
        // A second signal while the first is being handled ends at once.
        signal_hook::flag::register_conditional_shutdown(sig, 1, Arc::clone(stop))?;
        signal_hook::flag::register(sig, Arc::clone(stop))?;
    }
    #[cfg(not(unix))]
    let _ = stop;
    Ok(())
}

/// Terminal events read on a thread of their own. When the terminal hangs
/// up, crossterm's reader can spin on end-of-file without returning; reading
/// elsewhere keeps the app free to notice SIGHUP, write the draft and exit.
fn spawn_reader(tx: Sender<Input>) {
    std::thread::spawn(move || {
        loop {
            let ev = event::read();
            let failed = ev.is_err();
            if tx.send(Input::Terminal(ev)).is_err() || failed {
                break;
            }
        }
    });
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    events: &Receiver<Input>,
    stop: &AtomicBool,
    mut after_first_frame: Option<Box<dyn FnOnce()>>,
) -> io::Result<()> {
    let theme = Theme::from_env();
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    let mut last_reload = Instant::now();
    let mut autosave_due: Option<Instant> = None;
    let mut dirty_screen = true;
    let mut first_frame = true;
    while !state.quit {
        if stop.load(Ordering::Relaxed) {
            update(state, Action::Quit);
            state.quit = true;
            break;
        }
        if dirty_screen {
            terminal.draw(|f| render(f, state, &theme))?;
            dirty_screen = false;
            if first_frame {
                timings::report("first frame (since start)", timings::since_start());
                first_frame = false;
                // What the first frame did not need is made now, off the
                // keys' path: the rest of the lookup, the search index.
                let lookup = Arc::clone(&state.lookup);
                std::thread::spawn(move || lookup.warm());
                if let Some(start) = after_first_frame.take() {
                    start();
                }
            }
        }
        let mut timeout = RELOAD_EVERY.saturating_sub(last_reload.elapsed()).min(SIGNAL_CHECK);
        if let Some(due) = autosave_due {
            timeout = timeout.min(due.saturating_duration_since(Instant::now()));
        }
        match events.recv_timeout(timeout) {
            Ok(first) => {
                // Everything already typed (or pasted) is applied before the
                // next draw: fast typing never waits for a frame per key.
                let mut next = Some(first);
                let mut n = 0;
                while let Some(input) = next.take() {
                    match input {
                        Input::Terminal(ev) => {
                            for action in to_actions(state, ev?) {
                                update(state, action);
                            }
                        }
                        Input::IndexReady => {
                            update(state, Action::IndexReady);
                            timings::report("search ready (since start)", timings::since_start());
                        }
                    }
                    n += 1;
                    if n < 1000 && !state.quit {
                        next = events.try_recv().ok();
                    }
                }
                dirty_screen = true;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Err(io::Error::other("the terminal has gone")),
        }
        if state.draft_pending() {
            let due = *autosave_due.get_or_insert_with(|| Instant::now() + AUTOSAVE_AFTER);
            if Instant::now() >= due {
                update(state, Action::Autosave);
                autosave_due = None;
                dirty_screen = true;
            }
        } else {
            autosave_due = None;
        }
        if last_reload.elapsed() >= RELOAD_EVERY {
            let generation = state.notes.generation();
            let status = state.status.clone();
            update(state, Action::Tick);
            last_reload = Instant::now();
            dirty_screen |= generation != state.notes.generation() || status != state.status;
        }
    }
    Ok(())
}

/// A terminal event as actions, in the state's current mode (a paste is
/// one action per character).
pub fn to_actions(state: &State, ev: Event) -> Vec<Action> {
    match ev {
        Event::Paste(text) => keymap::paste_actions(mode(state), &text),
        ev => to_action(state, ev).into_iter().collect(),
    }
}

/// A terminal event as an action, in the state's current mode.
pub fn to_action(state: &State, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::action_for(mode(state), k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
