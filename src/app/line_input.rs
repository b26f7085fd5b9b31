//! A one-line text input that edits like a shell prompt: a cursor, word
//! deletion, clearing, and a "selected" state (the remembered search query
//! on reopen) in which typing replaces the whole text. No terminal here:
//! the search box's state, changed only through `update`.

/// One line of text with a cursor (a character index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in characters, `0..=len`.
    cursor: usize,
    /// The whole text is selected: typing or deleting replaces it.
    selected: bool,
}

fn byte_at(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_selected(&self) -> bool {
        self.selected && !self.text.is_empty()
    }

    /// Select everything (cursor at the end), so the next key replaces it.
    pub fn select_all(&mut self) {
        self.cursor = self.text.chars().count();
        self.selected = true;
    }

    /// Drop the selection's text if there is one; true if something went.
    fn take_selection(&mut self) -> bool {
        let had = self.is_selected();
        if self.selected {
            self.selected = false;
            if had {
                self.clear();
            }
        }
        had
    }

    pub fn insert(&mut self, c: char) {
        self.take_selection();
        let at = byte_at(&self.text, self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.take_selection() || self.cursor == 0 {
            return;
        }
        let at = byte_at(&self.text, self.cursor - 1);
        self.text.remove(at);
        self.cursor -= 1;
    }

    pub fn delete(&mut self) {
        if self.take_selection() || self.cursor >= self.text.chars().count() {
            return;
        }
        let at = byte_at(&self.text, self.cursor);
        self.text.remove(at);
    }

    /// Ctrl-u: empty the line.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.selected = false;
    }

    /// Ctrl-w / Alt-Backspace: delete the word before the cursor (and the
    /// spaces after it), as shells do.
    pub fn delete_word_back(&mut self) {
        if self.take_selection() {
            return;
        }
        let start = self.word_start();
        let (from, to) = (byte_at(&self.text, start), byte_at(&self.text, self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    /// Where the word before the cursor starts (spaces before it skipped).
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor.min(chars.len());
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    /// Where the word after the cursor ends.
    fn word_end(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor.min(chars.len());
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        i
    }

    pub fn left(&mut self) {
        self.selected = false;
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.selected = false;
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn word_left(&mut self) {
        self.selected = false;
        self.cursor = self.word_start();
    }

    pub fn word_right(&mut self) {
        self.selected = false;
        self.cursor = self.word_end();
    }

    pub fn home(&mut self) {
        self.selected = false;
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.selected = false;
        self.cursor = self.text.chars().count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut l = LineInput::default();
        s.chars().for_each(|c| l.insert(c));
        l
    }

    #[test]
    fn edits_at_the_cursor() {
        let mut l = typed("lone parnts");
        l.left();
        l.left();
        l.left();
        l.insert('e');
        assert_eq!(l.text(), "lone parents");
        l.home();
        l.delete();
        assert_eq!((l.text(), l.cursor()), ("one parents", 0));
        l.end();
        l.backspace();
        assert_eq!(l.text(), "one parent");
    }

    #[test]
    fn words_go_as_in_a_shell() {
        let mut l = typed("café lone  parents ");
        l.delete_word_back();
        assert_eq!(l.text(), "café lone  ");
        l.delete_word_back();
        assert_eq!(l.text(), "café ");
        l.word_left();
        assert_eq!(l.cursor(), 0);
        l.word_right();
        assert_eq!(l.cursor(), 4);
        l.clear();
        assert_eq!((l.text(), l.cursor()), ("", 0));
        l.delete_word_back();
        l.backspace();
        assert_eq!(l.text(), "");
    }

    #[test]
    fn a_selected_query_is_replaced_by_typing() {
        let mut l = LineInput::new("transport");
        l.select_all();
        assert!(l.is_selected());
        l.insert('c');
        assert_eq!((l.text(), l.cursor(), l.is_selected()), ("c", 1, false));
        let mut l = LineInput::new("transport");
        l.select_all();
        l.backspace();
        assert_eq!(l.text(), "");
        let mut l = LineInput::new("transport");
        l.select_all();
        l.end();
        l.insert('s');
        assert_eq!(l.text(), "transports");
    }
}
