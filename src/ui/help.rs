//! The help overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, popup, wrap};
use crate::app::keymap::help_groups;
use crate::app::layout;

/// The help box's share of the screen, in per cent.
pub const SIZE: (u16, u16) = (70, 90);

/// Help's lines, wrapped to `width`.
pub fn content<'a>(width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    for (group, entries) in help_groups() {
        lines.push(Line::styled(group, theme.heading()));
        for (keys, help) in entries {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme.title()),
                Span::raw(help),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Search syntax: 'exact ^prefix suffix$ !not a|b la:ID theme:ID kind:KIND centre:ID",
        theme.dim(),
    ));
    wrap::lines(lines, width)
}

pub fn render(frame: &mut Frame, area: Rect, scroll: u16, theme: &Theme) {
    let width = layout::inner(layout::popup(area, SIZE.0, SIZE.1)).width;
    let lines = content(width, theme);
    let inner = popup(frame, area, SIZE.0, SIZE.1, "Help · Esc closes", theme);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
