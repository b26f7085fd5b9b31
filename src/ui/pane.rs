//! The right-hand pane: its title, its tab row (LA, centre and ward panes),
//! and the body for the current tab.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, clip, list, overview, pane_block, sanitize, table_view};
use crate::app::layout::{inner, pane_body};
use crate::app::nav::NavItem;
use crate::app::view::{PaneKind, pane_kind, tab_titles, tabs};
use crate::app::{Focus, State};

/// The pane's title for the selected navigator item.
pub fn title(state: &State, item: &NavItem) -> String {
    let ds = &state.ds;
    match item {
        NavItem::La(id) => ds
            .la(id)
            .map_or(id.clone(), |l| format!("{} · local authority", l.name)),
        NavItem::Centre(id) => ds.centre(id).map_or(id.clone(), |c| {
            format!(
                "{} · children's centre, {}",
                c.name,
                ds.la(&c.la).map_or("", |l| l.name.as_str())
            )
        }),
        NavItem::Ward(id) => ds.ward(id).map_or(id.clone(), |w| {
            let district = w
                .district
                .clone()
                .unwrap_or_else(|| ds.la(&w.la).map_or(String::new(), |l| l.name.clone()));
            format!("{} · ward, {district}", w.name)
        }),
        NavItem::Table(id) => ds
            .table(id)
            .map_or(id.clone(), |t| format!("Table {} · {}", t.id, t.title)),
        NavItem::Section(s) => s.label().to_string(),
    }
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(item) = state.nav_item() else { return };
    let focused = state.focus == Focus::Pane && state.overlay.is_none();
    let block = pane_block(
        Line::styled(format!(" {} ", sanitize::line(&title(state, &item))), theme.title()),
        focused,
        theme,
    );
    frame.render_widget(block, area);
    let item_tabs = tabs(&item);
    if !item_tabs.is_empty() {
        let i = inner(area);
        let mut spans = Vec::new();
        for (n, t) in tab_titles(item_tabs, state.tab, i.width).into_iter().enumerate() {
            spans.push(Span::styled(t, theme.tab(n == state.tab)));
            spans.push(Span::styled("│", theme.dim()));
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            clip(Rect::new(i.x, i.y, i.width, 1), area),
        );
    }
    let body = clip(pane_body(area, !item_tabs.is_empty()), area);
    if body.width == 0 || body.height == 0 {
        return;
    }
    match pane_kind(state) {
        PaneKind::Overview => overview::render(frame, body, state, &item, theme),
        PaneKind::Table(id) => table_view::render(frame, body, state, &id, focused, theme),
        PaneKind::List => list::render(frame, body, state, focused, theme),
        PaneKind::Matrix => super::matrix::render(frame, body, state, focused, theme),
    }
}
