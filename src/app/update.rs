//! `update(&mut State, Action)`: the only place the app's state changes.
//! Overlays take their actions first; otherwise the focused pane does.

use super::action::Action;
use super::derived::{self, current_entries};
use super::layout::{self, areas, contains, pane_body, scroll_offset};
use super::nav::{self, NavItem, Section};
use super::state::{Focus, Overlay, Readable, State, TableCursor};
use super::view::{self, Entry, PaneKind, tabs};
use super::{choose, drafts, jump, notes_ops, overlays};

/// Ticks (two seconds each) a status message stays: it goes on the third.
pub const STATUS_TICKS: u8 = 3;

/// Apply one action, then bring the derived views up to date. A status
/// message that changes starts its life again; `Tick`s age it until it
/// expires.
pub fn update(state: &mut State, action: Action) {
    if matches!(state.overlay, Some(Overlay::Search)) || action == Action::OpenSearch {
        // Notes saved since the last search are searchable from here on.
        state.ensure_search_index();
    }
    let before = state.status.clone();
    // The matrix grid takes the pane's keys while it is shown.
    if !(state.overlay.is_none() && super::matrix::handle(state, action)) {
        apply(state, action);
    }
    if action == Action::Tick {
        state.status_age = state.status_age.saturating_add(1);
        if state.status_age >= STATUS_TICKS {
            state.status = None;
        }
    } else if state.status != before {
        state.status_age = 0;
    }
    // Esc in a reader returns to the list it was opened from, and only then.
    if !matches!(state.overlay, Some(Overlay::Reader { .. })) {
        state.reader_back = None;
    }
    // The matrix first: an open cell's passages are the kept list.
    super::matrix::refresh(state);
    derived::refresh(state);
    super::table_layout::refresh(state);
}

fn apply(state: &mut State, action: Action) {
    match action {
        Action::Quit => return quit(state),
        Action::Resize(w, h) => {
            state.size = (w, h);
            return overlays::clamp_scroll(state);
        }
        Action::Tick => return notes_ops::reload(state),
        Action::IndexReady => return super::index_job::index_ready(state),
        Action::Autosave => return drafts::autosave(state),
        // Also over the reader, to export a comparison.
        Action::Export => return super::export::export(state),
        _ => {}
    }
    if state.overlay.is_some() {
        return overlays::update(state, action);
    }
    match action {
        Action::Zoom => state.zoom = !state.zoom,
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
        Action::ShowCaveat if view::is_grid(state) => choose::show_caveats(state),
        Action::AddNote => notes_ops::add(state),
        Action::EditNote => notes_ops::edit(state),
        Action::DeleteNote => notes_ops::delete(state),
        Action::Click(x, y) => click(state, x, y),
        Action::Scroll(x, y, d) => wheel(state, x, y, d),
        _ => {}
    }
}

/// Quit, keeping an open editor's text as a draft first. If the draft cannot
/// be written the app stays open and says so; asking again quits anyway.
fn quit(state: &mut State) {
    if drafts::keep_for_later(state) || state.drafts.quit_armed {
        state.quit = true;
    } else {
        state.drafts.quit_armed = true;
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
        PaneKind::Overview => {
            let max = crate::ui::overview_scroll_max(state);
            state.scroll = (i64::from(state.scroll) + i64::from(d)).clamp(0, i64::from(max)) as u16
        }
        PaneKind::Table(id) => {
            let len = state.ds.table(&id).map_or(0, |t| t.rows.len());
            state.table.row = clamp_add(state.table.row, d, len);
        }
        PaneKind::Matrix => {}
        PaneKind::List => {
            let len = current_entries(state).len();
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

/// How many columns the cursor moves across (table view, Wards, Centres).
fn grid_columns(state: &State) -> usize {
    match view::pane_kind(state) {
        PaneKind::Table(id) => state.ds.table(&id).map_or(0, |t| t.columns.len()),
        _ => view::area_grid(state).map_or(0, |g| g.cols.len()),
    }
}

fn left(state: &mut State) {
    if state.focus == Focus::Pane {
        if view::is_grid(state) && state.table.col > 0 {
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
        if view::is_grid(state) {
            let cols = grid_columns(state);
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
        return choose::show_caveats(state);
    }
    let Some(entry) = current_entries(state).get(state.list_selected).cloned() else {
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
        Entry::Glossary(i) => choose::show_glossary(state, i),
    }
}

fn set_tab(state: &mut State, i: usize) {
    let Some(item) = state.nav_item() else { return };
    if i < tabs(&item).len() {
        if i != state.tab {
            state.table = TableCursor::default();
        }
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
    if !view::is_grid(state) {
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
    state.list_selected = 0;
}

fn click(state: &mut State, x: u16, y: u16) {
    if !layout::fits(state.size.0, state.size.1) {
        return;
    }
    let a = areas(state.size.0, state.size.1, state.zoom);
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
    if !item_tabs.is_empty() && (y == inner.y || y == inner.y + 1) {
        for (i, t) in view::tab_layout(item_tabs, state.tab, inner.width).iter().enumerate() {
            let (left, w) = (inner.x + t.x, t.text.chars().count() as u16 + 1);
            if y == inner.y + t.row && x >= left && x < left + w {
                return set_tab(state, i);
            }
        }
        return;
    }
    let body = pane_body(a.pane, !item_tabs.is_empty());
    if view::pane_kind(state) == PaneKind::List && contains(body, x, y) {
        // Wards and Centres tables have a header row above their rows.
        let (top, h) = if view::area_grid(state).is_some() {
            (body.y + 1, layout::grid_rows(body))
        } else {
            (body.y, layout::list_height(body))
        };
        if y < top {
            return;
        }
        let i = scroll_offset(state.list_selected, h) + usize::from(y - top);
        if y < top + h && i < current_entries(state).len() {
            state.list_selected = i;
        }
    }
}

fn wheel(state: &mut State, x: u16, y: u16, d: i8) {
    let a = areas(state.size.0, state.size.1, state.zoom);
    let before = state.focus;
    state.focus = if contains(a.nav, x, y) { Focus::Nav } else { Focus::Pane };
    step(state, i32::from(d) * 3);
    state.focus = before;
}
