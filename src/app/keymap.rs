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
const SCROLLERS: &[Mode] = &[Normal, Table, Reader, Help];

/// Every binding, in the order help shows them. One line each, so the
/// table reads as a table.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { modes: SCROLLERS, keys: &[k('j'), code(Down)], action: Action::Down, group: "Move", help: "down", hint: None },
    Binding { modes: SCROLLERS, keys: &[k('k'), code(Up)], action: Action::Up, group: "Move", help: "up", hint: None },
    Binding { modes: &[Search, Picker], keys: &[code(Down), ctrl('n')], action: Action::Down, group: "Search", help: "next result", hint: None },
    Binding { modes: &[Search, Picker], keys: &[code(Up), ctrl('p')], action: Action::Up, group: "Search", help: "previous result", hint: None },
    Binding { modes: BROWSE, keys: &[k('h'), code(Left)], action: Action::Left, group: "Move", help: "collapse / parent / previous column", hint: None },
    Binding { modes: BROWSE, keys: &[k('l'), code(Right)], action: Action::Right, group: "Move", help: "expand / next column", hint: None },
    Binding { modes: SCROLLERS, keys: &[k('g'), code(Home)], action: Action::Top, group: "Move", help: "first", hint: None },
    Binding { modes: SCROLLERS, keys: &[k('G'), code(End)], action: Action::Bottom, group: "Move", help: "last", hint: None },
    Binding { modes: LISTS, keys: &[code(PageDown)], action: Action::PageDown, group: "Move", help: "page down", hint: None },
    Binding { modes: LISTS, keys: &[code(PageUp)], action: Action::PageUp, group: "Move", help: "page up", hint: None },
    Binding { modes: SCROLLERS, keys: &[ctrl('d')], action: Action::HalfPageDown, group: "Move", help: "half page down", hint: None },
    Binding { modes: SCROLLERS, keys: &[ctrl('u')], action: Action::HalfPageUp, group: "Move", help: "half page up", hint: None },
    Binding { modes: BROWSE, keys: &[code(Tab)], action: Action::FocusNext, group: "Panes", help: "next pane", hint: Some("Tab pane") },
    Binding { modes: BROWSE, keys: &[code(BackTab), Key(BackTab, KeyModifiers::SHIFT)], action: Action::FocusPrev, group: "Panes", help: "previous pane", hint: None },
    Binding { modes: BROWSE, keys: &[code(Enter)], action: Action::Select, group: "Panes", help: "open / expand / read", hint: Some("Enter open") },
    Binding { modes: BROWSE, keys: &[code(Esc)], action: Action::Back, group: "Panes", help: "back to the navigator", hint: None },
    Binding { modes: BROWSE, keys: &[k(']')], action: Action::NextTab, group: "Panes", help: "next tab (1-8 jump to a tab)", hint: Some("1-8 tabs") },
    Binding { modes: BROWSE, keys: &[k('[')], action: Action::PrevTab, group: "Panes", help: "previous tab", hint: None },
    Binding { modes: BROWSE, keys: &[k('/')], action: Action::OpenSearch, group: "Search", help: "search everything", hint: Some("/ search") },
    Binding { modes: BROWSE, keys: &[k('n')], action: Action::NextHit, group: "Search", help: "next search hit", hint: None },
    Binding { modes: BROWSE, keys: &[k('N')], action: Action::PrevHit, group: "Search", help: "previous search hit", hint: None },
    Binding { modes: BROWSE, keys: &[k('t')], action: Action::OpenThemePicker, group: "Filters", help: "filter by theme", hint: Some("t themes") },
    Binding { modes: BROWSE, keys: &[k('K')], action: Action::OpenKindPicker, group: "Filters", help: "filter by kind", hint: None },
    Binding { modes: BROWSE, keys: &[k('S')], action: Action::CycleSource, group: "Filters", help: "source: all / baseline / interim", hint: None },
    Binding { modes: BROWSE, keys: &[k('x')], action: Action::ClearFilters, group: "Filters", help: "clear all filters", hint: None },
    Binding { modes: &[Table], keys: &[k('s')], action: Action::Sort, group: "Tables", help: "sort by column (again: reverse)", hint: Some("s sort") },
    Binding { modes: &[Normal], keys: &[k('s')], action: Action::Sort, group: "Matrix", help: "sort rows by the column (again: unsorted)", hint: None },
    Binding { modes: &[Table], keys: &[k('c')], action: Action::ShowCaveat, group: "Tables", help: "caveat of the row", hint: Some("c caveat") },
    Binding { modes: &[Normal], keys: &[k(' ')], action: Action::Mark, group: "Compare", help: "mark / unmark the LA for comparison", hint: None },
    Binding { modes: BROWSE, keys: &[k('C')], action: Action::Compare, group: "Compare", help: "compare the marked LAs side by side", hint: None },
    Binding { modes: &[Normal, Table, Reader], keys: &[k('E')], action: Action::Export, group: "Export", help: "export the view to Markdown and CSV", hint: None },
    Binding { modes: BROWSE, keys: &[k('B')], action: Action::Brief, group: "Export", help: "write the selected LA's pre-visit brief", hint: None },
    Binding { modes: &[Normal, Table, Reader], keys: &[k('a')], action: Action::AddNote, group: "Notes", help: "add a note to the selection", hint: Some("a note") },
    Binding { modes: &[Normal], keys: &[k('e')], action: Action::EditNote, group: "Notes", help: "edit the selected note", hint: None },
    Binding { modes: &[Normal], keys: &[k('d')], action: Action::DeleteNote, group: "Notes", help: "delete the selected note", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl('s'), code(Esc)], action: Action::Save, group: "Editor", help: "save and close (empty: nothing saved)", hint: Some("Ctrl-s/Esc save") },
    Binding { modes: &[Editor], keys: &[ctrl('t')], action: Action::OpenThemePicker, group: "Editor", help: "choose the note's themes", hint: Some("Ctrl-t themes") },
    Binding { modes: &[Editor], keys: &[code(Enter)], action: Action::Newline, group: "Editor", help: "new line", hint: None },
    Binding { modes: &[Confirm], keys: &[k('y'), code(Enter)], action: Action::Confirm, group: "Confirm", help: "yes", hint: Some("y yes") },
    Binding { modes: &[Confirm], keys: &[k('n'), code(Esc)], action: Action::Cancel, group: "Confirm", help: "no", hint: Some("n no") },
    Binding { modes: &[Search], keys: &[code(Enter)], action: Action::Select, group: "Search", help: "jump to the result", hint: Some("Enter jump") },
    Binding { modes: &[Search], keys: &[ctrl('u')], action: Action::ClearInput, group: "Search box", help: "clear the query", hint: None },
    Binding { modes: &[Search], keys: &[ctrl('w'), Key(Backspace, KeyModifiers::ALT)], action: Action::DeleteWordBack, group: "Search box", help: "delete the word before the cursor", hint: None },
    Binding { modes: &[Search], keys: &[ctrl('a'), code(Home)], action: Action::Home, group: "Search box", help: "cursor to the start", hint: None },
    Binding { modes: &[Search], keys: &[ctrl('e'), code(End)], action: Action::End, group: "Search box", help: "cursor to the end", hint: None },
    Binding { modes: &[Search], keys: &[Key(Left, KeyModifiers::CONTROL), Key(Left, KeyModifiers::ALT)], action: Action::WordLeft, group: "Search box", help: "cursor one word left", hint: None },
    Binding { modes: &[Search], keys: &[Key(Right, KeyModifiers::CONTROL), Key(Right, KeyModifiers::ALT)], action: Action::WordRight, group: "Search box", help: "cursor one word right", hint: None },
    Binding { modes: &[Picker], keys: &[code(Enter), ctrl(' ')], action: Action::Toggle, group: "Filters", help: "toggle the selected item", hint: Some("Enter toggle") },
    Binding { modes: &[Search, Picker, Reader, Help], keys: &[code(Esc)], action: Action::Back, group: "Overlays", help: "close", hint: Some("Esc close") },
    Binding { modes: &[Reader, Help], keys: &[k('q')], action: Action::Back, group: "Overlays", help: "close", hint: None },
    Binding { modes: &[Normal, Table, Help], keys: &[k('?')], action: Action::Help, group: "General", help: "help", hint: Some("? help") },
    Binding { modes: BROWSE, keys: &[k('q')], action: Action::Quit, group: "General", help: "quit", hint: Some("q quit") },
    Binding { modes: &[Normal, Table, Search, Picker, Reader, Help, Editor, Confirm], keys: &[ctrl('c')], action: Action::Quit, group: "General", help: "quit (notes are already saved)", hint: None },
];

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
    } else {
        base
    }
}

/// Help lines grouped: (group, [(keys, description)]), de-duplicated.
pub fn help_groups() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let mut groups: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
    for b in BINDINGS {
        let keys = b.keys.iter().map(key_name).collect::<Vec<_>>().join("/");
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
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_map_by_mode() {
        assert_eq!(
            action_for(Normal, press(Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(Search, press(Char('j'), KeyModifiers::NONE)),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(Search, press(Char('n'), KeyModifiers::CONTROL)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(Normal, press(Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(Normal, press(Char('3'), KeyModifiers::NONE)),
            Some(Action::TabNumber(3))
        );
        assert_eq!(
            action_for(Editor, press(Char('q'), KeyModifiers::NONE)),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(Editor, press(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Normal, press(BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(Char('q'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(action_for(Normal, ev), None);
    }

    #[test]
    fn help_and_hints_come_from_the_table() {
        let groups = help_groups();
        let all: Vec<&str> = groups.iter().flat_map(|(_, v)| v.iter().map(|(_, h)| *h)).collect();
        for b in BINDINGS {
            assert!(all.contains(&b.help), "{} missing from help", b.help);
        }
        assert!(hints(Normal).contains(&"/ search"));
        assert!(hints(Table).contains(&"s sort"));
        assert!(!hints(Normal).contains(&"s sort"));
    }
}
