//! The status bar: the last message, active filters (cleared with `x`),
//! and the key hints of the current mode, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, sanitize};
use crate::app::{State, keymap, mode};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let mut spans = Vec::new();
    if let Some(e) = state.notes.error() {
        spans.push(Span::styled(
            format!("notes read-only: {} ", sanitize::line(&e.to_string())),
            theme.warn(),
        ));
    }
    if !state.filters.is_empty() {
        let mut parts = Vec::new();
        if !state.filters.themes.is_empty() {
            parts.push(format!(
                "themes: {}",
                state.filters.themes.iter().cloned().collect::<Vec<_>>().join(",")
            ));
        }
        if !state.filters.kinds.is_empty() {
            parts.push(format!(
                "kinds: {}",
                state
                    .filters
                    .kinds
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ));
        }
        if let Some(d) = state.filters.source {
            parts.push(format!("source: {}", d.as_str()));
        }
        spans.push(Span::styled(format!("[{}] x clear ", parts.join(" ")), theme.compare()));
    }
    if let Some(msg) = &state.status {
        spans.push(Span::styled(format!("{} ", sanitize::line(msg)), theme.heading()));
    }
    let hints = keymap::hints(mode(state)).join(" · ");
    spans.push(Span::styled(hints, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status()), area);
}
