//! The theme and kind pickers: fuzzy-filtered, multi-select lists whose
//! choices filter every passage list at once.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{Theme, clip, popup, sanitize};
use crate::app::layout::scroll_offset;
use crate::app::overlays::picker_items;
use crate::app::{Picker, PickerKind, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, p: &Picker, theme: &Theme) {
    let title = match p.kind {
        PickerKind::Themes if matches!(state.overlay, Some(crate::app::Overlay::Editor(_))) => "Themes of this note",
        PickerKind::Themes => "Filter by theme",
        PickerKind::Kinds => "Filter by kind",
    };
    let inner = popup(frame, area, 60, 80, title, theme);
    if inner.height < 3 {
        return;
    }
    let input = Line::from(vec![
        Span::styled("> ", theme.heading()),
        Span::raw(sanitize::line(&p.query)),
        Span::styled("▏", theme.title()),
    ]);
    frame.render_widget(
        Paragraph::new(input),
        clip(Rect::new(inner.x, inner.y, inner.width, 1), inner),
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            "type to filter · ↑↓ move · Enter toggle · Esc done",
            theme.dim(),
        )),
        clip(Rect::new(inner.x, inner.y + 1, inner.width, 1), inner),
    );
    let items = picker_items(state, p);
    let rows: Vec<ListItem> = items
        .iter()
        .map(|it| {
            let mut spans = vec![Span::raw(if it.active { "[x] " } else { "[ ] " })];
            for (i, c) in it.label.chars().enumerate() {
                let style = if it.matches.contains(&i) {
                    theme.matched()
                } else {
                    theme.text()
                };
                spans.push(Span::styled(c.to_string(), style));
            }
            spans.push(Span::styled(format!("  {}", it.id), theme.dim()));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list_area = clip(Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2), inner);
    let mut ls = ListState::default()
        .with_selected(Some(p.selected))
        .with_offset(scroll_offset(p.selected, list_area.height));
    frame.render_stateful_widget(
        List::new(rows).highlight_style(theme.selected(true)),
        list_area,
        &mut ls,
    );
}
