//! The terminal side of the app: set up and restore the terminal (on every
//! exit path, including a panic), read key, mouse and resize events, turn
//! them into actions through the keymap, and redraw after each.

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind};
use crossterm::execute;

use crate::app::{Action, State, keymap, mode, update};
use crate::dataset::Dataset;
use crate::notes::NoteStore;
use crate::ui::{Theme, render};

/// How often notes written by other processes are picked up.
const RELOAD_EVERY: Duration = Duration::from_secs(2);

/// Run the app until the user quits.
pub fn run(ds: Dataset, notes: NoteStore) -> io::Result<()> {
    run_with(ds, notes, None)
}

/// Run the app, exports (`E`, `B`) going to `export_dir` (default: the current directory).
pub fn run_with(ds: Dataset, notes: NoteStore, export_dir: Option<std::path::PathBuf>) -> io::Result<()> {
    let mut terminal = ratatui::init();
    // ratatui's hook restores the screen on panic; also release the mouse.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, ds, notes, export_dir);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    ds: Dataset,
    notes: NoteStore,
    export_dir: Option<std::path::PathBuf>,
) -> io::Result<()> {
    let theme = Theme::from_env();
    let mut state = State::new(Arc::new(ds), notes);
    state.export_dir = export_dir;
    let size = terminal.size()?;
    update(&mut state, Action::Resize(size.width, size.height));
    let mut last_reload = Instant::now();
    while !state.quit {
        terminal.draw(|f| render(f, &state, &theme))?;
        let timeout = RELOAD_EVERY.saturating_sub(last_reload.elapsed());
        if event::poll(timeout)?
            && let Some(action) = to_action(&state, event::read()?)
        {
            update(&mut state, action);
        }
        if last_reload.elapsed() >= RELOAD_EVERY {
            update(&mut state, Action::Tick);
            last_reload = Instant::now();
        }
    }
    Ok(())
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
