//! A small multi-line text editor model for field notes: lines of text and
//! a cursor in character (not byte) positions. No terminal here.

/// The text being edited and the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArea {
    pub lines: Vec<String>,
    /// Cursor line.
    pub row: usize,
    /// Cursor position within the line, in characters.
    pub col: usize,
}

impl Default for TextArea {
    fn default() -> Self {
        TextArea {
            lines: vec![String::new()],
            row: 0,
            col: 0,
        }
    }
}

fn byte_at(s: &str, col: usize) -> usize {
    s.char_indices().nth(col).map_or(s.len(), |(i, _)| i)
}

impl TextArea {
    /// An editor holding `text`, cursor at its end.
    pub fn from_text(text: &str) -> TextArea {
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        TextArea { lines, row, col }
    }
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }
    fn line_len(&self) -> usize {
        self.lines[self.row].chars().count()
    }
    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            return self.newline();
        }
        if c.is_control() {
            return;
        }
        let at = byte_at(&self.lines[self.row], self.col);
        self.lines[self.row].insert(at, c);
        self.col += 1;
    }
    pub fn newline(&mut self) {
        let at = byte_at(&self.lines[self.row], self.col);
        let rest = self.lines[self.row].split_off(at);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }
    pub fn backspace(&mut self) {
        if self.col > 0 {
            let at = byte_at(&self.lines[self.row], self.col - 1);
            self.lines[self.row].remove(at);
            self.col -= 1;
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line_len();
            self.lines[self.row].push_str(&line);
        }
    }
    pub fn delete(&mut self) {
        if self.col < self.line_len() {
            let at = byte_at(&self.lines[self.row], self.col);
            self.lines[self.row].remove(at);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }
    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line_len();
        }
    }
    pub fn right(&mut self) {
        if self.col < self.line_len() {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }
    pub fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.line_len());
        }
    }
    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.line_len());
        }
    }
    pub fn home(&mut self) {
        self.col = 0;
    }
    pub fn end(&mut self) {
        self.col = self.line_len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_newlines_and_backspace_work_on_multibyte_text() {
        let mut t = TextArea::default();
        for c in "café".chars() {
            t.insert(c);
        }
        t.newline();
        t.insert('é');
        assert_eq!(t.text(), "café\né");
        t.backspace();
        t.backspace();
        assert_eq!(t.text(), "café");
        assert_eq!((t.row, t.col), (0, 4));
        t.left();
        t.delete();
        assert_eq!(t.text(), "caf");
    }

    #[test]
    fn cursor_moves_stay_in_bounds() {
        let mut t = TextArea::from_text("ab\nc");
        assert_eq!((t.row, t.col), (1, 1));
        t.up();
        assert_eq!((t.row, t.col), (0, 1));
        t.end();
        t.right();
        assert_eq!((t.row, t.col), (1, 0));
        t.down();
        t.down();
        assert_eq!(t.row, 1);
        t.insert('\u{1b}');
        assert_eq!(t.text(), "ab\nc");
    }
}
