//! The status bar: the last message, active filters (cleared with `x`),
//! and the key hints of the current mode, generated from the keymap. It
//! keeps to its one line: hints are dropped from the end before anything
//! overflows, then the filters and the message are cut with `…`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::grid::{cut_words, width};
use super::{Theme, sanitize};
use crate::app::{State, keymap, mode};

fn filters(state: &State) -> Option<String> {
    if state.filters.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !state.filters.themes.is_empty() {
        parts.push(format!(
            "themes: {}",
            state.filters.themes.iter().cloned().collect::<Vec<_>>().join(",")
        ));
    }
    if !state.filters.kinds.is_empty() {
        let kinds: Vec<&str> = state.filters.kinds.iter().map(|k| k.as_str()).collect();
        parts.push(format!("kinds: {}", kinds.join(",")));
    }
    if let Some(d) = state.filters.source {
        parts.push(format!("source: {}", d.as_str()));
    }
    Some(format!("[{}] x clear ", parts.join(" ")))
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let total = usize::from(area.width);
    let mut parts: Vec<(String, ratatui::style::Style)> = Vec::new();
    if let Some(e) = state.notes.error() {
        parts.push((
            format!("notes read-only: {} ", sanitize::line(&e.to_string())),
            theme.warn(),
        ));
    }
    if let Some(f) = filters(state) {
        parts.push((f, theme.compare()));
    }
    if let Some(msg) = &state.status {
        parts.push((format!("{} ", sanitize::line(msg)), theme.heading()));
    }
    // Cut the fixed parts to the line, then add as many hints as fit.
    let mut used = 0;
    let mut spans = Vec::new();
    for (text, style) in parts {
        let room = total.saturating_sub(used);
        let text = cut_words(&text, room);
        used += width(&text);
        spans.push(Span::styled(text, style));
    }
    let mut hints = String::new();
    for h in keymap::hints(mode(state)) {
        let next = if hints.is_empty() {
            h.to_string()
        } else {
            format!("{hints} · {h}")
        };
        if used + width(&next) > total {
            break;
        }
        hints = next;
    }
    spans.push(Span::styled(hints, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status()), area);
}
