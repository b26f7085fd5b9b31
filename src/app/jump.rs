//! Jumping from a search hit to where it lives: the navigator, tab and
//! list selection follow, and the passage is highlighted. `n`/`N` step
//! through the last search's hits the same way.

use crate::dataset::Kind;

use super::nav::{NavItem, Section};
use super::state::{Focus, State};
use super::update::reveal;
use super::view::{self, BID_KINDS, Entry, Tab, tabs};

/// Where a passage is shown: a navigator item and the tab within it.
fn home_of(state: &State, index: usize) -> (NavItem, Option<Tab>) {
    let p = &state.ds.passages[index];
    let tab = if p.kind == Kind::Caveat {
        Tab::Caveats
    } else if BID_KINDS.contains(&p.kind) {
        Tab::Bid
    } else if matches!(p.kind, Kind::Activity | Kind::Definition) {
        Tab::Activity
    } else {
        Tab::Mentions
    };
    if let Some(c) = &p.centre {
        let t = if tab == Tab::Caveats {
            Tab::Caveats
        } else {
            Tab::Passages
        };
        return (NavItem::Centre(c.clone()), Some(t));
    }
    if let Some(la) = p.las.first() {
        return (NavItem::La(la.clone()), Some(tab));
    }
    let section = match p.kind {
        Kind::SurveyFigure => Section::Survey,
        Kind::Caveat => Section::Caveats,
        Kind::Milestone => Section::Timeline,
        _ => Section::Findings,
    };
    (NavItem::Section(section), None)
}

/// Show the passage or note with this id in its pane and highlight it.
pub fn jump_to(state: &mut State, id: &str, kind: Kind) {
    let (item, tab, entry) = if kind == Kind::Note {
        (NavItem::Section(Section::Notes), None, Entry::Note(id.to_string()))
    } else {
        let Some(index) = state.ds.passages.iter().position(|p| p.id == id) else {
            return;
        };
        let (item, tab) = home_of(state, index);
        (item, tab, Entry::Passage(index))
    };
    reveal(state, &item);
    if let Some(t) = tab
        && let Some(i) = tabs(&item).iter().position(|x| *x == t)
    {
        state.tab = i;
    }
    let mut entries = view::entries(state);
    if !entries.contains(&entry) {
        // The filters hide it: clear them rather than jump to nothing.
        state.filters = Default::default();
        state.status = Some("Filters cleared to show the search result".into());
        entries = view::entries(state);
    }
    state.list_selected = entries.iter().position(|e| e == &entry).unwrap_or(0);
    state.focus = Focus::Pane;
    state.highlight = Some(id.to_string());
}

/// Jump to the next (`d` = 1) or previous (-1) hit of the last search.
pub fn step_hit(state: &mut State, d: i32) {
    super::overlays::load_more(state);
    let n = state.search.hits.len();
    if n == 0 {
        state.status = Some("No search results: press / to search".into());
        return;
    }
    state.search.selected = (state.search.selected as i64 + i64::from(d)).rem_euclid(n as i64) as usize;
    let hit = &state.search.hits[state.search.selected];
    let (id, kind) = (hit.id.clone(), hit.kind);
    jump_to(state, &id, kind);
    state.status = Some(format!(
        "Hit {}/{} for \"{}\"",
        state.search.selected + 1,
        n,
        state.search.query()
    ));
}
