//! Key events to actions, mode by mode, and the help and hints the table generates.
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
