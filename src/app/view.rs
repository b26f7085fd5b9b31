//! What the right-hand pane shows for the selected navigator item: its
//! tabs, and the entries of list-like tabs, with the theme and kind filters
//! applied. Pure functions of the state, used by `update` (to bound and
//! move selections) and by the renderer (to draw the same lists).

use crate::dataset::{Area, Doc, Kind, Passage};

use super::nav::{NavItem, Section};
use super::state::State;

/// A tab of an LA, centre or ward pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Bid,
    Wards,
    Centres,
    Activity,
    Mentions,
    Caveats,
    Passages,
    Notes,
    /// Findings: every finding, or those of one source document.
    AllFindings,
    BaselineFindings,
    CaseStudyFindings,
}

impl Tab {
    pub fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Bid => "Bid review",
            Tab::Wards => "Wards",
            Tab::Centres => "Centres",
            Tab::Activity => "Activity",
            Tab::Mentions => "Findings & mentions",
            Tab::Caveats => "Caveats",
            Tab::Passages => "Passages",
            Tab::Notes => "Notes",
            Tab::AllFindings => "All findings",
            Tab::BaselineFindings => "Baseline report",
            Tab::CaseStudyFindings => "Case-study summary",
        }
    }
}

const LA_TABS: &[Tab] = &[
    Tab::Overview,
    Tab::Bid,
    Tab::Wards,
    Tab::Centres,
    Tab::Activity,
    Tab::Mentions,
    Tab::Caveats,
    Tab::Notes,
];
const AREA_TABS: &[Tab] = &[Tab::Overview, Tab::Passages, Tab::Caveats, Tab::Notes];
/// The Findings section split by source document (all first, so a jump lands in it).
const FINDINGS_TABS: &[Tab] = &[Tab::AllFindings, Tab::BaselineFindings, Tab::CaseStudyFindings];

/// The tabs of a navigator item's pane (empty: the pane has one view).
pub fn tabs(item: &NavItem) -> &'static [Tab] {
    match item {
        NavItem::La(_) => LA_TABS,
        NavItem::Centre(_) | NavItem::Ward(_) => AREA_TABS,
        NavItem::Section(Section::Findings) => FINDINGS_TABS,
        _ => &[],
    }
}

/// One line of a list-like pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Index into `Dataset::passages`.
    Passage(usize),
    /// A field note, by id.
    Note(String),
    Ward(String),
    Centre(String),
    Table(String),
    Theme(String),
    /// Index into `Dataset::glossary`.
    Glossary(usize),
}

/// Kinds shown on an LA's Bid review tab.
pub const BID_KINDS: &[Kind] = &[
    Kind::BidAim,
    Kind::BidElement,
    Kind::Engagement,
    Kind::MultiAgency,
    Kind::Supplementary,
    Kind::Partners,
    Kind::Target,
];

/// What the pane shows: a scrolling overview, a list, or a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaneKind {
    Overview,
    List,
    Table(String),
    /// The LA × theme matrix grid (an open cell is a `List`).
    Matrix,
}

/// The kind of pane for the current selection and tab.
pub fn pane_kind(state: &State) -> PaneKind {
    match (state.nav_item(), state.current_tab()) {
        (Some(NavItem::Table(id)), _) => PaneKind::Table(id),
        (Some(NavItem::Section(Section::Matrix)), _) if state.matrix.open.is_none() => PaneKind::Matrix,
        (Some(NavItem::La(_) | NavItem::Centre(_) | NavItem::Ward(_)), Some(Tab::Overview)) => PaneKind::Overview,
        _ => PaneKind::List,
    }
}

/// Whether a passage passes the active theme, kind and source filters.
pub fn passes(state: &State, p: &Passage) -> bool {
    (state.filters.themes.is_empty() || p.themes.iter().any(|t| state.filters.themes.contains(t)))
        && (state.filters.kinds.is_empty() || state.filters.kinds.contains(&p.kind))
        && state.filters.source.is_none_or(|d| d == p.source.doc)
}

fn passages_where(state: &State, f: impl Fn(&Passage) -> bool) -> Vec<Entry> {
    state
        .ds
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| f(p) && passes(state, p))
        .map(|(i, _)| Entry::Passage(i))
        .collect()
}

fn is_finding(k: Kind) -> bool {
    !BID_KINDS.contains(&k) && !matches!(k, Kind::Activity | Kind::SurveyFigure | Kind::Caveat | Kind::Note)
}

/// Caveats that touch an area: naming it, or pointing at its table rows.
fn touches(p: &Passage, area: &Area) -> bool {
    let named = match area {
        Area::La(id) => p.las.iter().any(|l| l == id),
        Area::Centre(id) => p.centre.as_deref() == Some(id),
        Area::Ward(id) => p.wards.iter().any(|w| w == id),
        Area::Gb => false,
    };
    named || p.refs.iter().any(|r| r.area.as_ref() == Some(area))
}

/// The entries of the current list-like pane.
pub fn entries(state: &State) -> Vec<Entry> {
    let ds = &state.ds;
    let Some(item) = state.nav_item() else {
        return Vec::new();
    };
    let tab = state.current_tab();
    match (&item, tab) {
        (NavItem::La(id), Some(Tab::Bid)) => {
            passages_where(state, |p| BID_KINDS.contains(&p.kind) && p.las.contains(id))
        }
        (NavItem::La(id), Some(Tab::Wards)) => ds.wards_of(id).map(|w| Entry::Ward(w.id.clone())).collect(),
        (NavItem::La(id), Some(Tab::Centres)) => ds.centres_of(id).map(|c| Entry::Centre(c.id.clone())).collect(),
        (NavItem::La(id), Some(Tab::Activity)) => passages_where(state, |p| {
            matches!(p.kind, Kind::Activity | Kind::Definition) && p.las.contains(id)
        }),
        (NavItem::La(id), Some(Tab::Mentions)) => {
            passages_where(state, |p| p.kind != Kind::Caveat && p.las.contains(id))
        }
        (NavItem::La(id), Some(Tab::Caveats)) => {
            let area = Area::La(id.clone());
            let wards: Vec<Area> = ds.wards_of(id).map(|w| Area::Ward(w.id.clone())).collect();
            let centres: Vec<Area> = ds.centres_of(id).map(|c| Area::Centre(c.id.clone())).collect();
            passages_where(state, |p| {
                p.kind == Kind::Caveat && (touches(p, &area) || wards.iter().chain(&centres).any(|a| touches(p, a)))
            })
        }
        (NavItem::Centre(id), Some(Tab::Passages)) => {
            passages_where(state, |p| p.kind != Kind::Caveat && p.centre.as_deref() == Some(id))
        }
        (NavItem::Centre(id), Some(Tab::Caveats)) => passages_where(state, |p| {
            p.kind == Kind::Caveat && touches(p, &Area::Centre(id.clone()))
        }),
        (NavItem::Ward(id), Some(Tab::Passages)) => {
            passages_where(state, |p| p.kind != Kind::Caveat && p.wards.iter().any(|w| w == id))
        }
        (NavItem::Ward(id), Some(Tab::Caveats)) => {
            passages_where(state, |p| p.kind == Kind::Caveat && touches(p, &Area::Ward(id.clone())))
        }
        (NavItem::La(_) | NavItem::Centre(_) | NavItem::Ward(_), Some(Tab::Notes)) => notes_for(state, &item),
        (NavItem::Section(Section::Findings), Some(Tab::BaselineFindings)) => {
            passages_where(state, |p| is_finding(p.kind) && p.source.doc == Doc::Baseline)
        }
        (NavItem::Section(Section::Findings), Some(Tab::CaseStudyFindings)) => {
            passages_where(state, |p| is_finding(p.kind) && p.source.doc == Doc::Interim)
        }
        (NavItem::Section(s), _) => section_entries(state, *s),
        _ => Vec::new(),
    }
}

fn section_entries(state: &State, s: Section) -> Vec<Entry> {
    let ds = &state.ds;
    match s {
        Section::Tables => ds.tables.iter().map(|t| Entry::Table(t.id.clone())).collect(),
        Section::Findings => passages_where(state, |p| is_finding(p.kind)),
        Section::Survey => passages_where(state, |p| p.kind == Kind::SurveyFigure),
        Section::Caveats => passages_where(state, |p| p.kind == Kind::Caveat),
        Section::Themes => ds.themes.iter().map(|t| Entry::Theme(t.id.clone())).collect(),
        Section::Glossary => (0..ds.glossary.len()).map(Entry::Glossary).collect(),
        Section::Notes => notes_for(state, &NavItem::Section(Section::Notes)),
        Section::Matrix => state.matrix.cell.clone(),
    }
}

/// Notes attached to an item (all notes for the Notes section), newest first,
/// through the theme filter.
fn notes_for(state: &State, item: &NavItem) -> Vec<Entry> {
    use crate::notes::Target;
    let mut notes: Vec<_> = state
        .notes
        .notes()
        .iter()
        .filter(|n| match (item, &n.target) {
            (NavItem::Section(Section::Notes), _) => true,
            (NavItem::La(id), Target::La(t)) => id == t,
            (NavItem::La(id), Target::Centre(c)) => state.ds.centre(c).is_some_and(|c| &c.la == id),
            (NavItem::La(id), Target::Ward(w)) => state.ds.ward(w).is_some_and(|w| &w.la == id),
            (NavItem::La(id), Target::Passage(p)) => state.ds.passage(p).is_some_and(|p| p.las.contains(id)),
            (NavItem::Centre(id), Target::Centre(t)) | (NavItem::Ward(id), Target::Ward(t)) => id == t,
            _ => false,
        })
        .filter(|n| state.filters.themes.is_empty() || n.themes.iter().any(|t| state.filters.themes.contains(t)))
        .filter(|_| state.filters.kinds.is_empty() || state.filters.kinds.contains(&Kind::Note))
        .filter(|_| state.filters.source.is_none())
        .collect();
    notes.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
    notes.into_iter().map(|n| Entry::Note(n.id.clone())).collect()
}

/// The tab row's titles for a pane `width` cells wide: every title in full
/// when they fit, otherwise only the active one in full and the rest as
/// their numbers. Drawn separated by one-cell `│` (the click map uses the same).
pub fn tab_titles(tabs: &[Tab], active: usize, width: u16) -> Vec<String> {
    let full: Vec<String> = tabs
        .iter()
        .enumerate()
        .map(|(i, t)| format!(" {} {} ", i + 1, t.label()))
        .collect();
    let total: usize = full.iter().map(|s| s.chars().count() + 1).sum();
    if total <= usize::from(width) {
        return full;
    }
    tabs.iter()
        .enumerate()
        .map(|(i, t)| {
            if i == active {
                format!(" {} {} ", i + 1, t.label())
            } else {
                format!(" {} ", i + 1)
            }
        })
        .collect()
}
