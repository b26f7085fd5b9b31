//! The navigator (left): LAs with their centres and wards, then the
//! sections. With a theme or kind filter active, each LA shows how many of
//! its passages pass it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{Theme, pane_block, sanitize};
use crate::app::layout::{inner, scroll_offset};
use crate::app::nav::{NavItem, Section};
use crate::app::{Focus, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.focus == Focus::Nav && state.overlay.is_none();
    let block = pane_block(Line::styled(" casebook ", theme.title()), focused, theme);
    // Only the rows on screen are built: 152 LAs cost what a screenful does.
    let offset = scroll_offset(state.nav_selected, inner(area).height);
    let items: Vec<ListItem> = state
        .nav_items()
        .iter()
        .skip(offset)
        .take(usize::from(inner(area).height))
        .map(|item| ListItem::new(line(state, item, theme)))
        .collect();
    let mut ls = ListState::default().with_selected(state.nav_selected.checked_sub(offset));
    let list = List::new(items).block(block).highlight_style(theme.selected(focused));
    frame.render_stateful_widget(list, area, &mut ls);
}

fn line<'a>(state: &State, item: &NavItem, theme: &Theme) -> Line<'a> {
    let ds = &state.ds;
    let open = state.expanded.contains(item);
    let marker = if item.expandable() {
        if open { "▾ " } else { "▸ " }
    } else {
        "  "
    };
    let indent = "  ".repeat(item.depth());
    let (label, style) = match item {
        NavItem::La(id) => (ds.la(id).map_or(id.clone(), |l| l.name.clone()), theme.text()),
        NavItem::Centre(id) => (
            format!("⌂ {}", ds.centre(id).map_or(id.as_str(), |c| c.name.as_str())),
            theme.text(),
        ),
        NavItem::Ward(id) => (
            format!("◇ {}", ds.ward(id).map_or(id.as_str(), |w| w.name.as_str())),
            theme.dim(),
        ),
        NavItem::Table(id) => (format!("Table {id}"), theme.text()),
        NavItem::Section(s) => (s.label().to_string(), theme.heading()),
    };
    let marker = match item {
        NavItem::La(id) if state.marked.contains(id) => "✓ ",
        _ => marker,
    };
    let mut spans = vec![
        Span::raw(indent),
        Span::raw(marker),
        Span::styled(sanitize::line(&label), style),
    ];
    if let NavItem::La(id) = item
        && !state.filters.is_empty()
    {
        // Counted once per filter change (`derived`), not per frame.
        let n = crate::app::derived::nav_count(state, id);
        spans.push(Span::styled(format!(" ({n})"), theme.compare()));
    }
    if let NavItem::Section(Section::Notes) = item {
        spans.push(Span::styled(format!(" ({})", state.notes.notes().len()), theme.dim()));
    }
    Line::from(spans)
}
