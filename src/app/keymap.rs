//! The one table of key bindings. It turns key events into actions for the
//! current mode, and the same table generates the help overlay and the
//! status-bar hints, so they can never disagree with what keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Which bindings are live: the top-most overlay decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Table,
    Search,
    Picker,
    Reader,
    Help,
    Editor,
    Confirm,
    /// The editor asks: save, discard or keep editing?
    Closing,
    /// A draft from an earlier session is offered back.
    Offer,
    /// A list of passages to choose from (caveats, glossary uses).
    Choice,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}
const fn ctrl_code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::CONTROL)
}
const fn alt_code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::ALT)
}

/// One binding: the keys, what they do, and how help describes them.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: &'static [Key],
    pub action: Action,
    pub group: &'static str,
    pub help: &'static str,
    /// Shown in the status bar for these modes.
    pub hint: Option<&'static str>,
}

use KeyCode::*;
use Mode::*;

const BROWSE: &[Mode] = &[Normal, Table];
const LISTS: &[Mode] = &[Normal, Table, Search, Picker];
const SCROLLERS: &[Mode] = &[Normal, Table, Reader, Help, Choice];

mod bindings;
pub use bindings::BINDINGS;

/// Text-entry modes take printable characters as input.
fn text_entry(mode: Mode) -> bool {
    matches!(mode, Search | Picker | Editor)
}

/// The action a key press means in a mode. Releases and repeats of
/// non-press kinds are ignored (Windows reports releases).
pub fn action_for(mode: Mode, ev: KeyEvent) -> Option<Action> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    let key = Key(ev.code, mods);
    let shifted = Key(ev.code, ev.modifiers);
    if let Some(b) = BINDINGS
        .iter()
        .find(|b| b.modes.contains(&mode) && (b.keys.contains(&key) || b.keys.contains(&shifted)))
    {
        return Some(b.action);
    }
    if matches!(mode, Normal | Table)
        && let KeyCode::Char(c @ '1'..='9') = ev.code
    {
        return Some(Action::TabNumber(c as u8 - b'0'));
    }
    if text_entry(mode) {
        return match ev.code {
            KeyCode::Char(c) if !mods.contains(KeyModifiers::CONTROL) && !mods.contains(KeyModifiers::ALT) => {
                Some(Action::Input(c))
            }
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Delete => Some(Action::Delete),
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Home => Some(Action::Home),
            KeyCode::End => Some(Action::End),
            _ => None,
        };
    }
    None
}

/// The actions a bracketed paste means in a mode: in the editor every
/// character, line breaks kept (`\r\n` and `\r` read as breaks); in search
/// boxes and pickers the characters, line breaks as spaces; elsewhere nothing.
pub fn paste_actions(mode: Mode, text: &str) -> Vec<Action> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    match mode {
        Editor => text
            .chars()
            .map(|c| if c == '\n' { Action::Newline } else { Action::Input(c) })
            .collect(),
        Search | Picker => text
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .map(Action::Input)
            .collect(),
        _ => Vec::new(),
    }
}

/// How a key is written in help: `j`, `Ctrl-d`, `↓`, `Enter`.
pub fn key_name(key: &Key) -> String {
    let base = match key.0 {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        Down => "↓".into(),
        Up => "↑".into(),
        Left => "←".into(),
        Right => "→".into(),
        Enter => "Enter".into(),
        Backspace => "Backspace".into(),
        Delete => "Del".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        PageDown => "PgDn".into(),
        PageUp => "PgUp".into(),
        Home => "Home".into(),
        End => "End".into(),
        other => format!("{other:?}"),
    };
    if key.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.1.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// Help lines grouped: (group, [(keys, description)]), de-duplicated.
pub fn help_groups() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let mut groups: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
    for b in BINDINGS {
        // Shift-Tab arrives as BackTab with or without Shift: name it once.
        let mut names: Vec<String> = Vec::new();
        for n in b.keys.iter().map(key_name) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let keys = names.join("/");
        let entry = (keys, b.help);
        match groups.iter_mut().find(|(g, _)| *g == b.group) {
            Some((_, v)) => {
                if !v.contains(&entry) {
                    v.push(entry)
                }
            }
            None => groups.push((b.group, vec![entry])),
        }
    }
    if let Some((_, v)) = groups.iter_mut().find(|(g, _)| *g == "Panes") {
        v.push(("1-8".into(), "jump to a tab"));
    }
    if let Some((_, v)) = groups.iter_mut().find(|(g, _)| *g == "General") {
        v.push(("mouse".into(), "click selects, wheel scrolls"));
    }
    groups
}

/// Status-bar hints for a mode.
pub fn hints(mode: Mode) -> Vec<&'static str> {
    let mut out = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
        if let Some(h) = b.hint
            && !out.contains(&h)
        {
            out.push(h);
        }
    }
    out
}

#[cfg(test)]
mod tests;
