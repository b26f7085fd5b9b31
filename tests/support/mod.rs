//! Shared helpers for app tests: a state on the bundled dataset with a
//! throw-away notes file, typing keys through the real keymap, drawing.

#![allow(dead_code)]

use std::sync::Arc;

use casebook::app::{Action, State, keymap, mode, update};
use casebook::notes::NoteStore;
use casebook::ui::{Theme, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub struct App {
    pub state: State,
    pub dir: tempfile::TempDir,
}

pub fn app() -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let ds = casebook::dataset::load_bundled().expect("bundled dataset");
    let notes = NoteStore::open(&dir.path().join("notes.ron"));
    let mut state = State::new(Arc::new(ds), notes);
    update(&mut state, Action::Resize(80, 24));
    App { state, dir }
}

/// Send one key through the keymap for the current mode.
pub fn key(state: &mut State, code: KeyCode, mods: KeyModifiers) {
    if let Some(a) = keymap::action_for(mode(state), KeyEvent::new(code, mods)) {
        update(state, a);
    }
}

/// Type each character of `s` as a key press.
pub fn typed(state: &mut State, s: &str) {
    for c in s.chars() {
        key(state, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

pub fn press(state: &mut State, code: KeyCode) {
    key(state, code, KeyModifiers::NONE);
}

/// Draw the state at a size and return the buffer.
pub fn draw(state: &mut State, w: u16, h: u16, theme: Theme) -> Buffer {
    update(state, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| render(f, state, &theme)).expect("draw");
    t.backend().buffer().clone()
}

/// The buffer as text, one line per row, trailing spaces trimmed.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub const COLOR: Theme = Theme { color: true };
pub const NO_COLOR: Theme = Theme { color: false };

/// `writers` threads, each running `casebook --notes PATH notes add` `each`
/// times ("writer W note I"); each thread returns the ids the command printed.
pub fn cli_note_writers(
    path: &std::path::Path,
    writers: usize,
    each: usize,
) -> Vec<std::thread::JoinHandle<Vec<String>>> {
    (0..writers)
        .map(|w| {
            let path = path.to_path_buf();
            std::thread::spawn(move || {
                (0..each)
                    .map(|i| {
                        let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
                            .env_remove("CASEBOOK_NOTES")
                            .arg("--notes")
                            .arg(&path)
                            .args(["notes", "add", &format!("writer {w} note {i}")])
                            .output()
                            .expect("run casebook notes add");
                        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                        String::from_utf8_lossy(&out.stdout).trim().to_string()
                    })
                    .collect()
            })
        })
        .collect()
}
