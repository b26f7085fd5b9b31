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

/// Every binding, in the order help shows them. One line each, so the
/// table reads as a table.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { modes: SCROLLERS, keys: &[k('j'), code(Down)], action: Action::Down, group: "Move", help: "down", hint: None },
    Binding { modes: SCROLLERS, keys: &[k('k'), code(Up)], action: Action::Up, group: "Move", help: "up", hint: None },
    Binding { modes: &[Search, Picker], keys: &[code(Down), ctrl('n')], action: Action::Down, group: "Search", help: "next result", hint: None },
    Binding { modes: &[Search, Picker], keys: &[code(Up), ctrl('p')], action: Action::Up, group: "Search", help: "previous result", hint: None },
    Binding { modes: BROWSE, keys: &[k('h'), code(Left)], action: Action::Left, group: "Move", help: "collapse / parent (navigator) / previous column", hint: None },
    Binding { modes: BROWSE, keys: &[k('l'), code(Right)], action: Action::Right, group: "Move", help: "expand (navigator) / next column", hint: None },
    Binding { modes: SCROLLERS, keys: &[k('g'), code(Home)], action: Action::Top, group: "Move", help: "first", hint: None },
    Binding { modes: SCROLLERS, keys: &[k('G'), code(End)], action: Action::Bottom, group: "Move", help: "last", hint: None },
    Binding { modes: LISTS, keys: &[code(PageDown)], action: Action::PageDown, group: "Move", help: "page down", hint: None },
    Binding { modes: LISTS, keys: &[code(PageUp)], action: Action::PageUp, group: "Move", help: "page up", hint: None },
    Binding { modes: SCROLLERS, keys: &[ctrl('d')], action: Action::HalfPageDown, group: "Move", help: "half page down", hint: None },
    Binding { modes: SCROLLERS, keys: &[ctrl('u')], action: Action::HalfPageUp, group: "Move", help: "half page up", hint: None },
    Binding { modes: BROWSE, keys: &[code(Tab)], action: Action::FocusNext, group: "Panes", help: "next pane", hint: Some("Tab pane") },
    Binding { modes: BROWSE, keys: &[code(BackTab), Key(BackTab, KeyModifiers::SHIFT)], action: Action::FocusPrev, group: "Panes", help: "previous pane", hint: None },
    Binding { modes: BROWSE, keys: &[code(Enter)], action: Action::Select, group: "Panes", help: "open the pane / read a passage / list a term's uses", hint: Some("Enter open") },
    Binding { modes: BROWSE, keys: &[code(Esc)], action: Action::Back, group: "Panes", help: "back to the navigator", hint: None },
    Binding { modes: BROWSE, keys: &[k(']')], action: Action::NextTab, group: "Panes", help: "next tab", hint: Some("1-8 tabs") },
    Binding { modes: BROWSE, keys: &[k('[')], action: Action::PrevTab, group: "Panes", help: "previous tab", hint: None },
    Binding { modes: BROWSE, keys: &[k('z')], action: Action::Zoom, group: "Panes", help: "zoom: hide / show the navigator", hint: Some("z zoom") },
    Binding { modes: BROWSE, keys: &[k('/')], action: Action::OpenSearch, group: "Search", help: "search everything", hint: Some("/ search") },
    Binding { modes: BROWSE, keys: &[k('n')], action: Action::NextHit, group: "Search", help: "next search hit", hint: None },
    Binding { modes: BROWSE, keys: &[k('N')], action: Action::PrevHit, group: "Search", help: "previous search hit", hint: None },
    Binding { modes: BROWSE, keys: &[k('t')], action: Action::OpenThemePicker, group: "Filters", help: "filter by theme", hint: Some("t themes") },
    Binding { modes: BROWSE, keys: &[k('K')], action: Action::OpenKindPicker, group: "Filters", help: "filter by kind", hint: None },
    Binding { modes: BROWSE, keys: &[k('S')], action: Action::CycleSource, group: "Filters", help: "source: all / baseline / interim", hint: None },
    Binding { modes: BROWSE, keys: &[k('x')], action: Action::ClearFilters, group: "Filters", help: "clear all filters", hint: None },
    Binding { modes: &[Table], keys: &[k('s')], action: Action::Sort, group: "Tables", help: "sort by column (again: reverse); also Wards, Centres", hint: Some("s sort") },
    Binding { modes: &[Table], keys: &[k('c')], action: Action::ShowCaveat, group: "Tables", help: "list the caveats of the row (the cell's first)", hint: Some("c caveats") },
    Binding { modes: &[Normal], keys: &[k('s')], action: Action::Sort, group: "Matrix", help: "sort rows by the column (again: unsorted)", hint: None },
    Binding { modes: &[Normal], keys: &[k(' ')], action: Action::Mark, group: "Compare", help: "mark / unmark the LA for comparison", hint: None },
    Binding { modes: BROWSE, keys: &[k('C')], action: Action::Compare, group: "Compare", help: "compare the marked LAs side by side", hint: None },
    Binding { modes: &[Normal, Table, Reader], keys: &[k('E')], action: Action::Export, group: "Export", help: "export the view to Markdown and CSV", hint: None },
    Binding { modes: BROWSE, keys: &[k('B')], action: Action::Brief, group: "Export", help: "write the selected LA's pre-visit brief", hint: None },
    Binding { modes: &[Normal, Table, Reader], keys: &[k('a')], action: Action::AddNote, group: "Notes", help: "add a note to the selection", hint: Some("a note") },
    Binding { modes: &[Normal], keys: &[k('e')], action: Action::EditNote, group: "Notes", help: "edit the selected note", hint: None },
    Binding { modes: &[Normal], keys: &[k('d')], action: Action::DeleteNote, group: "Notes", help: "delete the selected note", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl('s')], action: Action::Save, group: "Editor", help: "save the note and close (empty: nothing saved)", hint: Some("Ctrl-s save") },
    Binding { modes: &[Editor], keys: &[code(Esc)], action: Action::Back, group: "Editor", help: "close (changed text: asks save / discard / keep editing)", hint: Some("Esc close") },
    Binding { modes: &[Editor], keys: &[ctrl('t')], action: Action::OpenThemePicker, group: "Editor", help: "choose the note's themes", hint: Some("Ctrl-t themes") },
    Binding { modes: &[Editor], keys: &[code(Enter)], action: Action::Newline, group: "Editor", help: "new line", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl_code(Left), alt_code(Left)], action: Action::WordLeft, group: "Editor", help: "word left", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl_code(Right), alt_code(Right)], action: Action::WordRight, group: "Editor", help: "word right", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl('w'), alt_code(Backspace), ctrl_code(Backspace)], action: Action::DeleteWord, group: "Editor", help: "delete the word before the cursor", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl_code(Delete), Key(KeyCode::Char('d'), KeyModifiers::ALT)], action: Action::DeleteNextWord, group: "Editor", help: "delete the word after the cursor", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl_code(Home)], action: Action::Top, group: "Editor", help: "start of the note", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl_code(End)], action: Action::Bottom, group: "Editor", help: "end of the note", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl('z')], action: Action::Undo, group: "Editor", help: "undo", hint: None },
    Binding { modes: &[Editor], keys: &[ctrl('y')], action: Action::Redo, group: "Editor", help: "redo", hint: None },
    Binding { modes: &[Closing], keys: &[k('s'), ctrl('s')], action: Action::Save, group: "Editor", help: "(closing) save the note", hint: Some("s save") },
    Binding { modes: &[Closing], keys: &[k('d')], action: Action::Discard, group: "Editor", help: "(closing) discard the changes", hint: Some("d discard") },
    Binding { modes: &[Closing], keys: &[code(Esc), k('e')], action: Action::Back, group: "Editor", help: "(closing) keep editing", hint: Some("Esc keep editing") },
    Binding { modes: &[Offer], keys: &[k('r'), k('e'), code(Enter)], action: Action::Reopen, group: "Drafts", help: "reopen the draft in the editor", hint: Some("r reopen") },
    Binding { modes: &[Offer], keys: &[k('k'), k('s')], action: Action::Save, group: "Drafts", help: "keep the draft as a note", hint: Some("k keep as note") },
    Binding { modes: &[Offer], keys: &[k('d')], action: Action::Discard, group: "Drafts", help: "discard the draft", hint: Some("d discard") },
    Binding { modes: &[Offer], keys: &[code(Esc)], action: Action::Back, group: "Drafts", help: "decide later (the draft is kept)", hint: Some("Esc later") },
    Binding { modes: &[Offer, Confirm], keys: &[code(Down)], action: Action::Down, group: "Drafts", help: "scroll the text", hint: None },
    Binding { modes: &[Offer, Confirm], keys: &[code(Up)], action: Action::Up, group: "Drafts", help: "scroll the text", hint: None },
    Binding { modes: &[Confirm], keys: &[k('y'), code(Enter)], action: Action::Confirm, group: "Confirm", help: "yes", hint: Some("y yes") },
    Binding { modes: &[Confirm], keys: &[k('n'), code(Esc)], action: Action::Cancel, group: "Confirm", help: "no", hint: Some("n no") },
    Binding { modes: &[Search], keys: &[code(Enter)], action: Action::Select, group: "Search", help: "jump to the result", hint: Some("Enter jump") },
    Binding { modes: &[Search], keys: &[ctrl('u')], action: Action::ClearInput, group: "Search box", help: "clear the query", hint: None },
    Binding { modes: &[Search], keys: &[ctrl('w'), Key(Backspace, KeyModifiers::ALT)], action: Action::DeleteWord, group: "Search box", help: "delete the word before the cursor", hint: None },
    Binding { modes: &[Search], keys: &[ctrl('a'), code(Home)], action: Action::Home, group: "Search box", help: "cursor to the start", hint: None },
    Binding { modes: &[Search], keys: &[ctrl('e'), code(End)], action: Action::End, group: "Search box", help: "cursor to the end", hint: None },
    Binding { modes: &[Search], keys: &[Key(Left, KeyModifiers::CONTROL), Key(Left, KeyModifiers::ALT)], action: Action::WordLeft, group: "Search box", help: "cursor one word left", hint: None },
    Binding { modes: &[Search], keys: &[Key(Right, KeyModifiers::CONTROL), Key(Right, KeyModifiers::ALT)], action: Action::WordRight, group: "Search box", help: "cursor one word right", hint: None },
    Binding { modes: &[Picker], keys: &[code(Enter), ctrl(' ')], action: Action::Toggle, group: "Filters", help: "toggle the selected item", hint: Some("Enter toggle") },
    Binding { modes: &[Choice], keys: &[code(Enter)], action: Action::Select, group: "Overlays", help: "open the chosen passage (Esc in it comes back)", hint: Some("Enter open") },
    Binding { modes: &[Search, Picker, Reader, Help, Choice], keys: &[code(Esc)], action: Action::Back, group: "Overlays", help: "close", hint: Some("Esc close") },
    Binding { modes: &[Reader, Help, Choice], keys: &[k('q')], action: Action::Back, group: "Overlays", help: "close", hint: None },
    Binding { modes: &[Normal, Table, Help], keys: &[k('?')], action: Action::Help, group: "General", help: "help", hint: Some("? help") },
    Binding { modes: BROWSE, keys: &[k('q')], action: Action::Quit, group: "General", help: "quit", hint: Some("q quit") },
    Binding { modes: &[Normal, Table, Search, Picker, Reader, Help, Editor, Confirm, Closing, Offer, Choice], keys: &[ctrl('c')], action: Action::Quit, group: "General", help: "quit (notes are saved; an open editor's text is kept as a draft)", hint: None },
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
    fn editor_keys_people_know() {
        let ed = |code, mods| action_for(Editor, press(code, mods));
        assert_eq!(ed(Char('s'), KeyModifiers::CONTROL), Some(Action::Save));
        assert_eq!(ed(Esc, KeyModifiers::NONE), Some(Action::Back));
        assert_eq!(ed(Left, KeyModifiers::CONTROL), Some(Action::WordLeft));
        assert_eq!(ed(Right, KeyModifiers::CONTROL), Some(Action::WordRight));
        assert_eq!(ed(Char('w'), KeyModifiers::CONTROL), Some(Action::DeleteWord));
        assert_eq!(ed(Backspace, KeyModifiers::ALT), Some(Action::DeleteWord));
        assert_eq!(ed(Home, KeyModifiers::NONE), Some(Action::Home));
        assert_eq!(ed(End, KeyModifiers::NONE), Some(Action::End));
        assert_eq!(ed(Left, KeyModifiers::NONE), Some(Action::Left));
        assert_eq!(
            action_for(Closing, press(Char('d'), KeyModifiers::NONE)),
            Some(Action::Discard)
        );
        assert_eq!(
            action_for(Offer, press(Char('r'), KeyModifiers::NONE)),
            Some(Action::Reopen)
        );
    }

    #[test]
    fn pastes_keep_lines_in_the_editor_only() {
        assert_eq!(
            paste_actions(Editor, "a\r\nb"),
            [Action::Input('a'), Action::Newline, Action::Input('b')]
        );
        assert_eq!(
            paste_actions(Search, "a\nb"),
            [Action::Input('a'), Action::Input(' '), Action::Input('b')]
        );
        assert!(paste_actions(Normal, "q").is_empty());
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
