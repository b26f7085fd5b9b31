//! The note editor popup (soft-wrapped text, the terminal cursor at the
//! insertion point, the "save, discard or keep editing?" question), the
//! delete confirmation and the draft offered back at start. The two
//! questions show the whole note wrapped, scrollable with ↑/↓.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, clip, popup, sanitize};
use crate::app::{Editor, State};
use crate::notes::Draft;

pub fn render(frame: &mut Frame, area: Rect, state: &State, ed: &Editor, theme: &Theme) {
    let what = if ed.note.is_some() { "Edit note" } else { "New note" };
    let title = format!("{what} on {}", crate::notes::target_title(&state.ds, &ed.target));
    let inner = popup(frame, area, 70, 60, &sanitize::line(&title), theme);
    if inner.height < 2 {
        return;
    }
    let text_area = clip(Rect::new(inner.x, inner.y, inner.width, inner.height - 1), inner);
    // The widget keeps its scroll position from frame to frame (its own
    // view state, not the note's); it wraps at word boundaries.
    frame.render_widget(ed.text.area(), text_area);
    let footer = if ed.closing {
        Line::styled("Unsaved changes: s save · d discard · Esc keep editing", theme.warn())
    } else {
        let themes = if ed.themes.is_empty() {
            String::new()
        } else {
            format!(" · themes: {}", ed.themes.join(", "))
        };
        Line::styled(
            format!("Ctrl-s save · Esc close · Ctrl-t themes{}", sanitize::line(&themes)),
            theme.dim(),
        )
    };
    frame.render_widget(
        Paragraph::new(footer),
        clip(Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1), inner),
    );
    if ed.picking.is_none() && !ed.closing {
        place_cursor(frame, text_area, ed);
    }
}

/// The terminal cursor at the insertion point, as the widget drew it.
fn place_cursor(frame: &mut Frame, text_area: Rect, ed: &Editor) {
    let ta = ed.text.area();
    let screen = ta.screen_cursor();
    let (top_row, top_col) = ta.scroll_offset();
    let row = screen.row.checked_sub(usize::from(top_row));
    let col = screen.col.checked_sub(usize::from(top_col));
    if let (Some(row), Some(col)) = (row, col) {
        let x = u16::try_from(col).ok().and_then(|c| text_area.x.checked_add(c));
        let y = u16::try_from(row).ok().and_then(|r| text_area.y.checked_add(r));
        if let (Some(x), Some(y)) = (x, y)
            && x < text_area.right()
            && y < text_area.bottom()
        {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

/// The note's whole text as wrapped lines, then a blank and the key line.
fn whole_text<'a>(text: &str, keys: &'a str, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = sanitize::clean(text)
        .lines()
        .map(|l| Line::raw(l.to_string()))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys, theme.warn()));
    lines
}

pub fn render_confirm(frame: &mut Frame, area: Rect, state: &State, note: &str, scroll: u16, theme: &Theme) {
    let inner = popup(frame, area, 60, 50, "Delete note?", theme);
    let lines = match state.notes.get(note) {
        Some(n) => {
            let mut v = vec![Line::styled(
                sanitize::line(&crate::notes::target_title(&state.ds, &n.target)),
                theme.dim(),
            )];
            v.extend(whole_text(&n.text, "y delete · n keep · ↑/↓ scroll", theme));
            v
        }
        None => whole_text(note, "y delete · n keep", theme),
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)),
        inner,
    );
}

pub fn render_offer(frame: &mut Frame, area: Rect, state: &State, scroll: u16, theme: &Theme) {
    let Some(d) = state.drafts.offered() else { return };
    let inner = popup(frame, area, 70, 60, "Unsaved draft from an earlier session", theme);
    let what = match &d.note {
        Some(_) => "Changes to a note on",
        None => "A new note on",
    };
    let mut lines = vec![Line::styled(
        sanitize::line(&format!(
            "{what} {}, last kept {}{}",
            crate::notes::target_title(&state.ds, &d.target),
            d.saved,
            more(state)
        )),
        theme.dim(),
    )];
    lines.push(Line::raw(""));
    lines.extend(whole_text(
        &draft_text(d),
        "r reopen in the editor · k keep as a note · d discard · Esc decide later",
        theme,
    ));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)),
        inner,
    );
}

fn draft_text(d: &Draft) -> String {
    if d.themes.is_empty() {
        d.text.clone()
    } else {
        format!("{}\n\nThemes: {}", d.text, d.themes.join(", "))
    }
}

fn more(state: &State) -> String {
    match state.drafts.offers.len() {
        0 | 1 => String::new(),
        n => format!(" ({} more after this)", n - 1),
    }
}
