//! The help overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, popup};
use crate::app::keymap::help_groups;

pub fn render(frame: &mut Frame, area: Rect, scroll: u16, theme: &Theme) {
    let inner = popup(frame, area, 70, 90, "Help · Esc closes", theme);
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
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
