//! The note editor popup (multi-line, cursor shown) and the delete
//! confirmation.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Theme, clip, popup, sanitize};
use crate::app::{Editor, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, ed: &Editor, theme: &Theme) {
    let what = if ed.note.is_some() { "Edit note" } else { "New note" };
    let title = format!("{what} on {}", crate::notes::target_title(&state.ds, &ed.target));
    let inner = popup(frame, area, 70, 60, &sanitize::line(&title), theme);
    if inner.height < 2 {
        return;
    }
    let text_area = clip(Rect::new(inner.x, inner.y, inner.width, inner.height - 1), inner);
    let top = ed
        .text
        .row
        .saturating_sub(usize::from(text_area.height.saturating_sub(1)));
    let lines: Vec<Line> = ed
        .text
        .lines
        .iter()
        .skip(top)
        .map(|l| Line::raw(sanitize::line(l)))
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
    let hint = if ed.themes.is_empty() {
        String::new()
    } else {
        format!(" · themes: {}", ed.themes.join(", "))
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("Ctrl-s or Esc saves · Enter new line · Ctrl-t themes{hint}"),
            theme.dim(),
        )),
        clip(Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1), inner),
    );
    let before: String = ed.text.lines[ed.text.row].chars().take(ed.text.col).collect();
    let x = text_area
        .x
        .saturating_add(before.width().min(usize::from(u16::MAX)) as u16);
    let y = text_area.y.saturating_add((ed.text.row - top) as u16);
    if ed.picking.is_none() && x < text_area.right() && y < text_area.bottom() {
        frame.set_cursor_position(Position::new(x, y));
    }
}

pub fn render_confirm(frame: &mut Frame, area: Rect, state: &State, note: &str, theme: &Theme) {
    let inner = popup(frame, area, 50, 20, "Delete note?", theme);
    let title = state.notes.get(note).map_or(note.to_string(), |n| n.title());
    let lines = vec![
        Line::raw(sanitize::line(&title)),
        Line::raw(""),
        Line::styled("y delete · n keep", theme.warn()),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
