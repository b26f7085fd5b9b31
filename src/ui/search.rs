//! The search overlay: the query box, the result count (or the query's
//! syntax problem), and the hits with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{Theme, clip, highlighted, popup, sanitize};
use crate::app::State;
use crate::app::layout::scroll_offset;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let inner = popup(frame, area, 90, 85, "Search everything", theme);
    if inner.height < 3 {
        return;
    }
    let s = &state.search;
    let input = Line::from(vec![
        Span::styled("/ ", theme.heading()),
        Span::raw(sanitize::line(&s.query)),
        Span::styled("▏", theme.title()),
    ]);
    frame.render_widget(
        Paragraph::new(input),
        clip(Rect::new(inner.x, inner.y, inner.width, 1), inner),
    );
    let info = match &s.error {
        Some(e) => Line::styled(sanitize::line(e), theme.warn()),
        None => Line::styled(
            format!(
                "{} of {} results · 'exact ^prefix suffix$ !not a|b la: theme: kind: centre: · ↑↓ Enter jump Esc close",
                s.hits.len(),
                s.total
            ),
            theme.dim(),
        ),
    };
    frame.render_widget(
        Paragraph::new(info),
        clip(Rect::new(inner.x, inner.y + 1, inner.width, 1), inner),
    );
    let list_area = clip(Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2), inner);
    let items: Vec<ListItem> = s
        .hits
        .iter()
        .map(|h| {
            let mut title = vec![Span::styled(
                format!("{:<12} ", super::list::truncate(h.kind.label(), 12)),
                theme.kind(),
            )];
            title.extend(highlighted(&h.title, &h.title_matches, theme.title(), theme.matched()));
            let las: Vec<&str> = h
                .las
                .iter()
                .filter_map(|l| state.ds.la(l))
                .map(|l| l.name.as_str())
                .collect();
            if !las.is_empty() {
                title.push(Span::styled(
                    format!("  · {}", sanitize::line(&las.join(", "))),
                    theme.dim(),
                ));
            }
            let mut snippet = vec![Span::raw("             ")];
            snippet.extend(highlighted(
                &h.snippet,
                &h.snippet_matches,
                theme.text(),
                theme.matched(),
            ));
            ListItem::new(vec![Line::from(title), Line::from(snippet)])
        })
        .collect();
    let per_page = list_area.height / 2;
    let mut ls = ListState::default()
        .with_selected(Some(s.selected))
        .with_offset(scroll_offset(s.selected, per_page));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected(true)),
        list_area,
        &mut ls,
    );
}
