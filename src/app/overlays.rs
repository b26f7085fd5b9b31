//! Actions while an overlay is open: the search box, the theme and kind
//! pickers, the reader, help, the note editor and the delete confirmation.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::dataset::Kind;
use crate::search::DEFAULT_LIMIT;

use super::action::Action;
use super::jump;
use super::notes_ops;
use super::state::{Choice, Overlay, Picker, PickerKind, SearchState, State};

/// Open the search box with the last query selected, so typing replaces
/// it and Enter or the arrows reuse it.
pub fn open_search(state: &mut State) {
    state.overlay = Some(Overlay::Search);
    state.search.input.select_all();
    run_search(state);
}

pub fn open_picker(state: &mut State, kind: PickerKind) {
    state.overlay = Some(Overlay::Picker(Picker {
        kind,
        query: String::new(),
        selected: 0,
    }));
}

/// Re-run the live search for the current query (incremental when it extends the last).
pub fn run_search(state: &mut State) {
    let filters = state.search_filters();
    let query = state.search.query().to_string();
    let Some(searcher) = &mut state.searcher else {
        // The index is on its way: the query waits in the box (see `index_job`).
        state.search = SearchState {
            input: std::mem::take(&mut state.search.input),
            ..SearchState::default()
        };
        return;
    };
    // A tall terminal shows more than the first hits a search builds.
    searcher.set_limit(DEFAULT_LIMIT.max(usize::from(state.size.1) + LOAD_AHEAD));
    match searcher.search(&query, &filters) {
        Ok(hits) => {
            state.search.hits = hits.to_vec();
            state.search.error = None;
        }
        Err(e) => {
            state.search.hits.clear();
            state.search.error = Some(e.to_string());
        }
    }
    state.search.total = searcher.total();
    state.search.loose = searcher.loose();
    state.search.selected = 0;
}

/// How many hits past the selection and a screenful are built.
const LOAD_AHEAD: usize = 20;
/// How many more hits are built at a time.
const LOAD_STEP: usize = 100;

/// Build more hits when the selection nears the end of those built, so the
/// list scrolls through every match without building them all up front.
/// Loose matches are looked for only then, once the better ones run out.
pub fn load_more(state: &mut State) {
    let s = &mut state.search;
    let Some(searcher) = &mut state.searcher else {
        return;
    };
    let counted = searcher.loose_counted();
    let wanted = s.selected + usize::from(state.size.1) + LOAD_AHEAD;
    if s.error.is_some() || wanted <= s.hits.len() || (counted && s.hits.len() >= s.total) {
        return;
    }
    let built = s.hits.len();
    let all = searcher.more(built + LOAD_STEP);
    s.hits.extend_from_slice(&all[built.min(all.len())..]);
    s.total = searcher.total();
    s.loose = searcher.loose();
}

/// One line of a picker: id, label, whether it is active, matched char positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerItem {
    pub id: String,
    pub label: String,
    pub active: bool,
    pub matches: Vec<usize>,
}

/// The picker's items, fuzzy-filtered by its query (best first; all when empty).
pub fn picker_items(state: &State, p: &Picker) -> Vec<PickerItem> {
    // Over the note editor the picker chooses the note's themes, not the filter.
    let editing: Option<&Vec<String>> = match &state.overlay {
        Some(Overlay::Editor(ed)) if ed.picking.is_some() => Some(&ed.themes),
        _ => None,
    };
    let theme_on = |id: &String| editing.map_or(state.filters.themes.contains(id), |t| t.contains(id));
    let all: Vec<(String, String, bool)> = match p.kind {
        PickerKind::Themes => state
            .ds
            .themes
            .iter()
            .map(|t| (t.id.clone(), t.label.clone(), theme_on(&t.id)))
            .collect(),
        PickerKind::Kinds => Kind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_string(),
                    k.label().to_string(),
                    state.filters.kinds.contains(k),
                )
            })
            .collect(),
    };
    if p.query.trim().is_empty() {
        return all
            .into_iter()
            .map(|(id, label, active)| PickerItem {
                id,
                label,
                active,
                matches: vec![],
            })
            .collect();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, PickerItem)> = all
        .into_iter()
        .filter_map(|(id, label, active)| {
            let (score, matches) = matcher.fuzzy_indices(&label, p.query.trim())?;
            Some((
                score,
                PickerItem {
                    id,
                    label,
                    active,
                    matches,
                },
            ))
        })
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    scored.into_iter().map(|(_, i)| i).collect()
}

pub fn update(state: &mut State, action: Action) {
    let Some(overlay) = state.overlay.clone() else { return };
    match overlay {
        Overlay::Search => search(state, action),
        Overlay::Picker(p) => picker(state, p, action),
        Overlay::Reader { item, scroll } => match action {
            // Back to the list the passage was chosen from, if any.
            Action::Back | Action::Select => state.overlay = state.reader_back.take().map(Overlay::Choice),
            Action::AddNote => notes_ops::add(state),
            a => {
                let scroll = scrolled(scroll, a, scroll_max(state));
                state.overlay = Some(Overlay::Reader { item, scroll });
            }
        },
        Overlay::Help { scroll } => match action {
            Action::Back | Action::Help => state.overlay = None,
            a => {
                state.overlay = Some(Overlay::Help {
                    scroll: scrolled(scroll, a, scroll_max(state)),
                })
            }
        },
        Overlay::Choice(c) => choice(state, c, action),
        Overlay::Editor(_) => editor(state, action),
        Overlay::ConfirmDelete { note, scroll } => match action {
            Action::Confirm => notes_ops::confirm_delete(state, &note),
            Action::Cancel => state.overlay = None,
            a => {
                // Bounded like the old prompt; the text wraps as it is drawn.
                let scroll = scrolled(scroll, a, 1000);
                state.overlay = Some(Overlay::ConfirmDelete { note, scroll });
            }
        },
        Overlay::DraftOffer { scroll } => super::drafts::update_offer(state, scroll, action),
    }
}

/// How far the reader or help can scroll before its last line leaves the
/// bottom of its box (the renderer knows how lines wrap).
fn scroll_max(state: &State) -> u16 {
    crate::ui::scroll_max(state)
}

/// Keep an overlay's scroll within its text (after a resize).
pub fn clamp_scroll(state: &mut State) {
    let max = scroll_max(state);
    if let Some(Overlay::Reader { scroll, .. } | Overlay::Help { scroll }) = state.overlay.as_mut() {
        *scroll = (*scroll).min(max);
    }
}

/// Moving in a list of passages and opening the chosen one.
fn choice(state: &mut State, mut c: Choice, action: Action) {
    let n = c.items.len();
    match action {
        Action::Back => return state.overlay = None,
        Action::Select => {
            if let Some(&i) = c.items.get(c.selected) {
                super::choose::open_reader(state, i, Some(c));
            }
            return;
        }
        Action::Down => c.selected = (c.selected + 1).min(n.saturating_sub(1)),
        Action::Up => c.selected = c.selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => c.selected = (c.selected + 10).min(n.saturating_sub(1)),
        Action::PageUp | Action::HalfPageUp => c.selected = c.selected.saturating_sub(10),
        Action::Top => c.selected = 0,
        Action::Bottom => c.selected = n.saturating_sub(1),
        _ => {}
    }
    state.overlay = Some(Overlay::Choice(c));
}

fn scrolled(scroll: u16, a: Action, max: u16) -> u16 {
    let d: i32 = match a {
        Action::Down => 1,
        Action::Up => -1,
        Action::HalfPageDown | Action::PageDown => 10,
        Action::HalfPageUp | Action::PageUp => -10,
        Action::Top => -10_000,
        Action::Bottom => 10_000,
        _ => 0,
    };
    (i32::from(scroll) + d).clamp(0, i32::from(max)) as u16
}

fn search(state: &mut State, action: Action) {
    let input = &mut state.search.input;
    let before = input.text().to_string();
    match action {
        Action::Input(c) => input.insert(c),
        Action::Backspace => input.backspace(),
        Action::Delete => input.delete(),
        Action::ClearInput => input.clear(),
        Action::DeleteWord => input.delete_word_back(),
        Action::Left => input.left(),
        Action::Right => input.right(),
        Action::WordLeft => input.word_left(),
        Action::WordRight => input.word_right(),
        Action::Home => input.home(),
        Action::End => input.end(),
        _ => return search_list(state, action),
    }
    if state.search.input.text() != before {
        run_search(state);
    }
}

/// Moving in the results, jumping, closing.
fn search_list(state: &mut State, action: Action) {
    let n = state.search.hits.len();
    match action {
        Action::Back => state.overlay = None,
        Action::Down if n > 0 => state.search.selected = (state.search.selected + 1).min(n - 1),
        Action::Up => state.search.selected = state.search.selected.saturating_sub(1),
        Action::PageDown if n > 0 => state.search.selected = (state.search.selected + 10).min(n - 1),
        Action::PageUp => state.search.selected = state.search.selected.saturating_sub(10),
        Action::Select => {
            let Some(hit) = state.search.hits.get(state.search.selected) else {
                return;
            };
            let (id, kind) = (hit.id.clone(), hit.kind);
            state.overlay = None;
            jump::jump_to(state, &id, kind);
        }
        _ => {}
    }
    load_more(state);
}

/// Typing and moving in a picker with `n` items; false for other actions.
fn picker_move(p: &mut Picker, action: Action, n: usize) -> bool {
    match action {
        Action::Input(c) => {
            p.query.push(c);
            p.selected = 0;
        }
        Action::Backspace => {
            p.query.pop();
            p.selected = 0;
        }
        Action::Down => p.selected = (p.selected + 1).min(n.saturating_sub(1)),
        Action::Up => p.selected = p.selected.saturating_sub(1),
        _ => return false,
    }
    true
}

fn picker(state: &mut State, mut p: Picker, action: Action) {
    let n = picker_items(state, &p).len();
    if picker_move(&mut p, action, n) {
        return state.overlay = Some(Overlay::Picker(p));
    }
    match action {
        Action::Back => return state.overlay = None,
        Action::Toggle => {
            if let Some(item) = picker_items(state, &p).get(p.selected) {
                toggle(state, p.kind, &item.id);
            }
        }
        _ => {}
    }
    state.overlay = Some(Overlay::Picker(p));
}

fn toggle(state: &mut State, kind: PickerKind, id: &str) {
    match kind {
        PickerKind::Themes => {
            if !state.filters.themes.remove(id) {
                state.filters.themes.insert(id.to_string());
            }
        }
        PickerKind::Kinds => {
            if let Some(k) = Kind::parse(id)
                && !state.filters.kinds.remove(&k)
            {
                state.filters.kinds.insert(k);
            }
        }
    }
    state.list_selected = 0;
}

fn editor(state: &mut State, action: Action) {
    let picking = match &state.overlay {
        Some(Overlay::Editor(ed)) => ed.picking.clone(),
        _ => return,
    };
    match picking {
        Some(p) => editor_picker(state, p, action),
        None => super::editing::update(state, action),
    }
}

/// The theme picker over the note editor: toggles the note's themes.
fn editor_picker(state: &mut State, mut p: Picker, action: Action) {
    let items = picker_items(state, &p);
    let Some(Overlay::Editor(ed)) = state.overlay.as_mut() else {
        return;
    };
    if picker_move(&mut p, action, items.len()) {
        return ed.picking = Some(p);
    }
    match action {
        Action::Back => return ed.picking = None,
        Action::Toggle => {
            if let Some(item) = items.get(p.selected) {
                state.drafts.dirty = true;
                match ed.themes.iter().position(|t| *t == item.id) {
                    Some(i) => {
                        ed.themes.remove(i);
                    }
                    None => ed.themes.push(item.id.clone()),
                }
            }
        }
        _ => {}
    }
    ed.picking = Some(p);
}
