//! The right-hand pane: its title, its tab row (LA, centre and ward panes),
//! and the body for the current tab.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, clip, list, overview, pane_block, sanitize, table_view};
use crate::app::layout::{inner, pane_body};
use crate::app::nav::NavItem;
use crate::app::view::{PaneKind, pane_kind, tab_layout, tabs};
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
    // Cut at a word so a figure in a title (a year) is never left in part.
    let room = usize::from(area.width).saturating_sub(4);
    let text = super::grid::cut_words(&sanitize::line(&title(state, &item)), room);
    let block = pane_block(Line::styled(format!(" {text} "), theme.title()), focused, theme);
    frame.render_widget(block, area);
    let item_tabs = tabs(&item);
    if !item_tabs.is_empty() {
        let i = inner(area);
        for t in tab_layout(item_tabs, state.tab, i.width) {
            let n = t
                .text
                .trim()
                .split(' ')
                .next()
                .and_then(|d| d.parse::<usize>().ok())
                .unwrap_or(0);
            let line = Line::from(vec![
                Span::styled(t.text.clone(), theme.tab(n == state.tab + 1)),
                Span::styled("│", theme.dim()),
            ]);
            let w = t.text.chars().count() as u16 + 1;
            frame.render_widget(
                Paragraph::new(line),
                clip(Rect::new(i.x + t.x, i.y + t.row, w, 1), area),
            );
        }
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
