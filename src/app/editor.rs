//! The note editor's text: a `ratatui-textarea` `TextArea` (soft wrap,
//! word-wise moves and deletion, undo) driven by casebook's actions, so the
//! keymap table stays the one place that says what a key does. No terminal here.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::action::Action;

/// The text being edited and its cursor.
#[derive(Debug, Clone)]
pub struct NoteText {
    /// Boxed: the widget is large, and overlays are moved around by value.
    area: Box<TextArea<'static>>,
}

impl Default for NoteText {
    fn default() -> Self {
        NoteText::from_text("")
    }
}

/// Equal when the text and the cursor are (the widget's styles are not state).
impl PartialEq for NoteText {
    fn eq(&self, other: &Self) -> bool {
        self.area.lines() == other.area.lines() && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for NoteText {}

impl NoteText {
    /// An editor holding `text`, cursor at its end.
    pub fn from_text(text: &str) -> NoteText {
        let lines: Vec<String> = text.split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // The terminal's own cursor marks the insertion point (see
        // `ui::editor`); the reversed cell stays for terminals that hide it.
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        NoteText { area: Box::new(area) }
    }

    /// The whole text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn lines(&self) -> &[String] {
        self.area.lines()
    }

    /// Cursor as (line, character in the line).
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    /// The widget to draw, and after drawing the cursor's place on screen.
    pub fn area(&self) -> &TextArea<'static> {
        &self.area
    }

    /// Apply an editing action; false when the action is not an edit or move.
    pub fn apply(&mut self, action: Action) -> bool {
        let a = &mut *self.area;
        match action {
            Action::Input('\n') => a.insert_newline(),
            Action::Input('\t') => {
                a.insert_char('\t');
            }
            Action::Input(c) if c.is_control() => {}
            Action::Input(c) => a.insert_char(c),
            Action::Newline => a.insert_newline(),
            Action::Backspace => {
                a.delete_char();
            }
            Action::Delete => {
                a.delete_next_char();
            }
            Action::DeleteWord => {
                a.delete_word();
            }
            Action::DeleteNextWord => {
                a.delete_next_word();
            }
            Action::Undo => {
                a.undo();
            }
            Action::Redo => {
                a.redo();
            }
            Action::Left => a.move_cursor(CursorMove::Back),
            Action::Right => a.move_cursor(CursorMove::Forward),
            Action::Up => a.move_cursor(CursorMove::Up),
            Action::Down => a.move_cursor(CursorMove::Down),
            Action::WordLeft => a.move_cursor(CursorMove::WordBack),
            Action::WordRight => a.move_cursor(CursorMove::WordForward),
            Action::Home => a.move_cursor(CursorMove::Head),
            Action::End => a.move_cursor(CursorMove::End),
            Action::Top => a.move_cursor(CursorMove::Top),
            Action::Bottom => {
                a.move_cursor(CursorMove::Bottom);
                a.move_cursor(CursorMove::End);
            }
            _ => return false,
        }
        true
    }

    /// True for actions that may change the text (not mere moves).
    pub fn edits(action: Action) -> bool {
        matches!(
            action,
            Action::Input(_)
                | Action::Newline
                | Action::Backspace
                | Action::Delete
                | Action::DeleteWord
                | Action::DeleteNextWord
                | Action::Undo
                | Action::Redo
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(t: &mut NoteText, actions: &[Action]) {
        for a in actions {
            t.apply(*a);
        }
    }

    #[test]
    fn typing_newlines_and_backspace_work_on_multibyte_text() {
        let mut t = NoteText::default();
        for c in "café".chars() {
            t.apply(Action::Input(c));
        }
        apply(&mut t, &[Action::Newline, Action::Input('é')]);
        assert_eq!(t.text(), "café\né");
        apply(&mut t, &[Action::Backspace, Action::Backspace]);
        assert_eq!(t.text(), "café");
        assert_eq!(t.cursor(), (0, 4));
        apply(&mut t, &[Action::Left, Action::Delete]);
        assert_eq!(t.text(), "caf");
        t.apply(Action::Input('\u{1b}'));
        assert_eq!(t.text(), "caf");
    }

    #[test]
    fn words_move_and_delete_and_home_end_work() {
        let mut t = NoteText::from_text("the creche is full");
        assert_eq!(t.cursor(), (0, 18));
        t.apply(Action::WordLeft);
        assert_eq!(t.cursor(), (0, 14));
        t.apply(Action::DeleteWord);
        assert_eq!(t.text(), "the creche full");
        t.apply(Action::Home);
        t.apply(Action::WordRight);
        assert_eq!(t.cursor(), (0, 4));
        t.apply(Action::End);
        assert_eq!(t.cursor(), (0, 15));
        t.apply(Action::Undo);
        assert_eq!(t.text(), "the creche is full");
    }
}
