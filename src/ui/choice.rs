//! A list of passages to choose from: the caveats touching a table row
//! (`c`) or the passages using a glossary term (Enter on the term).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{Theme, clip, popup, sanitize};
use crate::app::layout::scroll_offset;
use crate::app::{Choice, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, c: &Choice, theme: &Theme) {
    let inner = popup(frame, area, 70, 60, &sanitize::line(&c.title), theme);
    if inner.height < 2 {
        return;
    }
    frame.render_widget(
        Paragraph::new(Line::styled("↑↓ move · Enter opens · Esc closes", theme.dim())),
        clip(Rect::new(inner.x, inner.y, inner.width, 1), inner),
    );
    let rows: Vec<ListItem> = c
        .items
        .iter()
        .filter_map(|&i| state.ds.passages.get(i))
        .map(|p| {
            let kind = format!("{} ", super::list::short_kind(p.kind));
            // Titles hold figures: cut at a word, never inside a number.
            let room = usize::from(inner.width).saturating_sub(kind.chars().count() + 1);
            ListItem::new(Line::from(vec![
                Span::styled(kind, theme.kind()),
                Span::raw(super::grid::cut_words(&sanitize::line(&p.title), room)),
            ]))
        })
        .collect();
    let list_area = clip(Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1), inner);
    let mut ls = ListState::default()
        .with_selected(Some(c.selected))
        .with_offset(scroll_offset(c.selected, list_area.height));
    frame.render_stateful_widget(
        List::new(rows).highlight_style(theme.selected(true)),
        list_area,
        &mut ls,
    );
}
