//! `update(&mut State, Action)`: the only place the app's state changes.
//! Overlays take their actions first; otherwise the focused pane does.

use super::action::Action;
use super::layout::{self, areas, contains, pane_body, scroll_offset};
use super::nav::{self, NavItem, Section};
use super::state::{Focus, Overlay, Readable, State, TableCursor};
use super::view::{self, Entry, PaneKind, tabs};
use super::{jump, notes_ops, overlays};

/// Apply one action, then bring derived views up to date.
pub fn update(state: &mut State, action: Action) {
    if !(state.overlay.is_none() && super::matrix::handle(state, action)) {
        apply(state, action);
    }
    super::matrix::refresh(state);
}

fn apply(state: &mut State, action: Action) {
    match action {
        Action::Quit => return state.quit = true,
        Action::Resize(w, h) => return state.size = (w, h),
        Action::Tick => return notes_ops::reload(state),
        // Also over the reader, to export a comparison.
        Action::Export => return super::export::export(state),
        _ => {}
    }
    if state.overlay.is_some() {
        return overlays::update(state, action);
    }
    match action {
        Action::Up => step(state, -1),
        Action::Down => step(state, 1),
        Action::PageUp => step(state, -page(state)),
        Action::PageDown => step(state, page(state)),
        Action::HalfPageUp => step(state, -page(state) / 2),
        Action::HalfPageDown => step(state, page(state) / 2),
        Action::Top => step(state, i32::MIN / 2),
        Action::Bottom => step(state, i32::MAX / 2),
        Action::Left => left(state),
        Action::Right => right(state),
        Action::FocusNext | Action::FocusPrev => {
            state.focus = if state.focus == Focus::Nav {
                Focus::Pane
            } else {
                Focus::Nav
            }
        }
        Action::Select => select(state),
        Action::Back => {
            state.focus = Focus::Nav;
            state.highlight = None;
        }
        Action::TabNumber(n) => set_tab(state, usize::from(n).saturating_sub(1)),
        Action::NextTab => cycle_tab(state, 1),
        Action::PrevTab => cycle_tab(state, -1),
        Action::OpenSearch => overlays::open_search(state),
        Action::NextHit => jump::step_hit(state, 1),
        Action::PrevHit => jump::step_hit(state, -1),
        Action::OpenThemePicker => overlays::open_picker(state, super::state::PickerKind::Themes),
        Action::OpenKindPicker => overlays::open_picker(state, super::state::PickerKind::Kinds),
        Action::ClearFilters => {
            state.filters = Default::default();
            state.list_selected = 0;
            state.status = Some("Filters cleared".into());
        }
        Action::Mark => super::export::mark(state),
        Action::Compare => super::export::compare(state),
        Action::Brief => super::export::brief(state),
        Action::CycleSource => {
            state.filters.next_source();
            state.list_selected = 0;
            state.status = Some(match state.filters.source {
                None => "Source: both documents".into(),
                Some(d) => format!("Source: {} only", crate::search::doc_label(d)),
            });
        }
        Action::Help => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Sort => sort(state),
        Action::ShowCaveat => show_caveat(state),
        Action::AddNote => notes_ops::add(state),
        Action::EditNote => notes_ops::edit(state),
        Action::DeleteNote => notes_ops::delete(state),
        Action::Click(x, y) => click(state, x, y),
        Action::Scroll(x, y, d) => wheel(state, x, y, d),
        _ => {}
    }
}

fn page(state: &State) -> i32 {
    i32::from(state.size.1.saturating_sub(6)).max(1)
}

fn clamp_add(v: usize, d: i32, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (v as i64 + i64::from(d)).clamp(0, len as i64 - 1) as usize
}

/// Move the selection (or scroll) of the focused pane.
pub(crate) fn step(state: &mut State, d: i32) {
    if state.focus == Focus::Nav {
        let len = state.nav_items().len();
        let next = clamp_add(state.nav_selected, d, len);
        if next != state.nav_selected {
            select_nav(state, next);
        }
        return;
    }
    match view::pane_kind(state) {
        PaneKind::Overview => state.scroll = (i64::from(state.scroll) + i64::from(d)).clamp(0, 2000) as u16,
        PaneKind::Table(id) => {
            let len = state.ds.table(&id).map_or(0, |t| t.rows.len());
            state.table.row = clamp_add(state.table.row, d, len);
        }
        PaneKind::Matrix => {}
        PaneKind::List => {
            let len = view::entries(state).len();
            state.list_selected = clamp_add(state.list_selected, d, len);
            state.highlight = None;
        }
    }
}

/// Select a navigator line, resetting what belongs to the old item.
pub(crate) fn select_nav(state: &mut State, index: usize) {
    let old = state.nav_item();
    state.nav_selected = index;
    let new = state.nav_item();
    let same_shape = match (&old, &new) {
        (Some(a), Some(b)) => tabs(a) == tabs(b),
        _ => false,
    };
    if !same_shape {
        state.tab = 0;
    }
    state.list_selected = 0;
    state.scroll = 0;
    state.highlight = None;
    if !matches!((&old, &new), (Some(NavItem::Table(a)), Some(NavItem::Table(b))) if a == b) {
        state.table = TableCursor::default();
    }
}

/// Select an item in the navigator, expanding its parent so it is visible.
pub(crate) fn reveal(state: &mut State, item: &NavItem) {
    if let Some(parent) = nav::parent(&state.ds, item) {
        state.expanded.insert(parent);
    }
    if let Some(i) = state.nav_items().iter().position(|x| x == item) {
        select_nav(state, i);
    }
}

fn left(state: &mut State) {
    if state.focus == Focus::Pane {
        if matches!(view::pane_kind(state), PaneKind::Table(_)) && state.table.col > 0 {
            state.table.col -= 1;
        } else {
            state.focus = Focus::Nav;
        }
        return;
    }
    let Some(item) = state.nav_item() else { return };
    if state.expanded.remove(&item) {
        return;
    }
    if let Some(parent) = nav::parent(&state.ds, &item) {
        reveal(state, &parent);
    }
}

fn right(state: &mut State) {
    if state.focus == Focus::Pane {
        if let PaneKind::Table(id) = view::pane_kind(state) {
            let cols = state.ds.table(&id).map_or(0, |t| t.columns.len());
            state.table.col = (state.table.col + 1).min(cols.saturating_sub(1));
        }
        return;
    }
    match state.nav_item() {
        Some(item) if item.expandable() && !state.expanded.contains(&item) => {
            state.expanded.insert(item);
        }
        Some(_) => state.focus = Focus::Pane,
        None => {}
    }
}

fn select(state: &mut State) {
    if state.focus == Focus::Nav {
        if let Some(item @ NavItem::Section(Section::Tables)) = state.nav_item()
            && !state.expanded.contains(&item)
        {
            state.expanded.insert(item);
        }
        state.focus = Focus::Pane;
        return;
    }
    if let PaneKind::Table(_) = view::pane_kind(state) {
        return show_caveat(state);
    }
    let entries = view::entries(state);
    let Some(entry) = entries.get(state.list_selected).cloned() else {
        return;
    };
    match entry {
        Entry::Passage(i) => {
            state.overlay = Some(Overlay::Reader {
                item: Readable::Passage(i),
                scroll: 0,
            })
        }
        Entry::Note(id) => {
            state.overlay = Some(Overlay::Reader {
                item: Readable::Note(id),
                scroll: 0,
            })
        }
        Entry::Ward(id) => reveal(state, &NavItem::Ward(id)),
        Entry::Centre(id) => reveal(state, &NavItem::Centre(id)),
        Entry::Table(id) => {
            state.expanded.insert(NavItem::Section(Section::Tables));
            reveal(state, &NavItem::Table(id));
        }
        Entry::Theme(id) => {
            if !state.filters.themes.remove(&id) {
                state.filters.themes.insert(id);
            }
        }
        Entry::Glossary(_) => {}
    }
}

fn set_tab(state: &mut State, i: usize) {
    let Some(item) = state.nav_item() else { return };
    if i < tabs(&item).len() {
        state.tab = i;
        state.list_selected = 0;
        state.scroll = 0;
        state.highlight = None;
        state.focus = Focus::Pane;
    }
}

fn cycle_tab(state: &mut State, d: i32) {
    let Some(item) = state.nav_item() else { return };
    let n = tabs(&item).len() as i32;
    if n > 0 {
        set_tab(state, (state.tab as i32 + d).rem_euclid(n) as usize);
    }
}

fn sort(state: &mut State) {
    if !matches!(view::pane_kind(state), PaneKind::Table(_)) {
        return;
    }
    let col = state.table.col;
    if state.table.sort == Some(col) {
        state.table.desc = !state.table.desc;
    } else {
        state.table.sort = Some(col);
        state.table.desc = false;
    }
    state.table.row = 0;
}

/// The caveats touching the table row under the cursor (or the table).
pub fn row_caveats(state: &State) -> Vec<usize> {
    let PaneKind::Table(id) = view::pane_kind(state) else {
        return Vec::new();
    };
    let Some(t) = state.ds.table(&id) else {
        return Vec::new();
    };
    let order = crate::dataset::sorted_rows(t, state.table.sort, state.table.desc);
    let area = order.get(state.table.row).map(|&r| &t.rows[r].area);
    state
        .ds
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == crate::dataset::Kind::Caveat)
        .filter(|(_, p)| p.refs.iter().any(|r| r.table == t.id && r.area.as_ref() == area))
        .map(|(i, _)| i)
        .collect()
}

fn show_caveat(state: &mut State) {
    match row_caveats(state).first() {
        Some(&i) => {
            state.overlay = Some(Overlay::Reader {
                item: Readable::Passage(i),
                scroll: 0,
            })
        }
        None => state.status = Some("No caveat touches this row".into()),
    }
}

fn click(state: &mut State, x: u16, y: u16) {
    if !layout::fits(state.size.0, state.size.1) {
        return;
    }
    let a = areas(state.size.0, state.size.1);
    let nav_inner = layout::inner(a.nav);
    if contains(nav_inner, x, y) {
        state.focus = Focus::Nav;
        let off = scroll_offset(state.nav_selected, nav_inner.height);
        let i = off + usize::from(y - nav_inner.y);
        if i < state.nav_items().len() {
            select_nav(state, i);
        }
        return;
    }
    if !contains(a.pane, x, y) {
        return;
    }
    state.focus = Focus::Pane;
    let item_tabs = state.nav_item().map_or(&[][..], |i| tabs(&i));
    let inner = layout::inner(a.pane);
    if !item_tabs.is_empty() && y == inner.y {
        let mut left = inner.x;
        for (i, t) in view::tab_titles(item_tabs, state.tab, inner.width).iter().enumerate() {
            let w = t.chars().count() as u16 + 1;
            if x >= left && x < left + w {
                return set_tab(state, i);
            }
            left += w;
        }
        return;
    }
    let body = pane_body(a.pane, !item_tabs.is_empty());
    if view::pane_kind(state) == PaneKind::List && contains(body, x, y) {
        let h = layout::list_height(body);
        let i = scroll_offset(state.list_selected, h) + usize::from(y - body.y);
        if y < body.y + h && i < view::entries(state).len() {
            state.list_selected = i;
        }
    }
}

fn wheel(state: &mut State, x: u16, y: u16, d: i8) {
    let a = areas(state.size.0, state.size.1);
    let before = state.focus;
    state.focus = if contains(a.nav, x, y) { Focus::Nav } else { Focus::Pane };
    step(state, i32::from(d) * 3);
    state.focus = before;
}
