//! What the right-hand pane shows for the selected navigator item: its
//! tabs, and the entries of list-like tabs, with the theme and kind filters
//! applied. Pure functions of the state, used by `update` (to bound and
//! move selections) and by the renderer (to draw the same lists).

use std::borrow::Cow;

use crate::dataset::{Area, Document, Kind, Passage};

use super::grid::{self, AreaGrid, GridKind};
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

    /// A shorter label (one word), tried before abbreviations.
    pub fn medium(self) -> &'static str {
        match self {
            Tab::Bid => "Bid",
            Tab::Mentions => "Findings",
            Tab::AllFindings => "All",
            Tab::BaselineFindings => "Baseline",
            Tab::CaseStudyFindings => "Case-study",
            other => other.label(),
        }
    }

    /// The label abbreviated, for tab rows too narrow for the words.
    pub fn short(self) -> &'static str {
        match self {
            Tab::Overview => "Over.",
            Tab::Bid => "Bid",
            Tab::Wards => "Wards",
            Tab::Centres => "Ctrs",
            Tab::Activity => "Act.",
            Tab::Mentions => "Find.",
            Tab::Caveats => "Cav.",
            Tab::Passages => "Pass.",
            Tab::Notes => "Notes",
            Tab::AllFindings => "All",
            Tab::BaselineFindings => "Base.",
            Tab::CaseStudyFindings => "Case",
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

/// Kinds shown on an LA's Bid review tab: the bid review's sections, as
/// compare and brief lay them out.
pub const BID_KINDS: &[Kind] = crate::analysis::compare::BID_SECTIONS;

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

/// Whether the pane is a table the cursor moves across (the table view,
/// or an LA's Wards or Centres tab): `h`/`l` move columns, `s` sorts, `c` lists caveats.
pub fn is_grid(state: &State) -> bool {
    matches!(
        (state.nav_item(), state.current_tab()),
        (Some(NavItem::Table(_)), _) | (Some(NavItem::La(_)), Some(Tab::Wards | Tab::Centres))
    )
}

/// The table of the Wards or Centres tab being shown, if that is the pane:
/// the one kept in `State` when it is current (always, after `update`),
/// computed afresh otherwise.
pub fn area_grid(state: &State) -> Option<Cow<'_, AreaGrid>> {
    if state.grid_key.as_ref() == Some(&super::derived::grid_key(state)) {
        return state.grid.as_ref().map(Cow::Borrowed);
    }
    compute_area_grid(state).map(Cow::Owned)
}

/// The Wards or Centres table of the current pane, computed.
pub(crate) fn compute_area_grid(state: &State) -> Option<AreaGrid> {
    let kind = match state.current_tab()? {
        Tab::Wards => GridKind::Wards,
        Tab::Centres => GridKind::Centres,
        _ => return None,
    };
    match state.nav_item()? {
        NavItem::La(id) => Some(grid::area_grid(&state.ds, &id, kind)),
        _ => None,
    }
}

/// The Wards or Centres table's rows in display order (sorted as the table
/// cursor says), without its summary row.
fn grid_entries(state: &State) -> Vec<Entry> {
    let Some(g) = area_grid(state) else {
        return Vec::new();
    };
    grid::order(&g, state.table.sort, state.table.desc)
        .into_iter()
        .filter_map(|i| match &g.rows[i].area {
            Some(Area::Ward(id)) => Some(Entry::Ward(id.clone())),
            Some(Area::Centre(id)) => Some(Entry::Centre(id.clone())),
            _ => None,
        })
        .collect()
}

/// Whether a passage passes the active theme, kind and source filters.
pub fn passes(state: &State, p: &Passage) -> bool {
    (state.filters.themes.is_empty() || p.themes.iter().any(|t| state.filters.themes.contains(t)))
        && (state.filters.kinds.is_empty() || state.filters.kinds.contains(&p.kind))
        && state.filters.source.is_none_or(|d| d == p.document)
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

/// Like [`passages_where`], over only the passages at `among` (indices in
/// dataset order, from `State::lookup`): an area's tabs read its own
/// passages, not all 50,000 of a national dataset.
fn passages_among(state: &State, among: &[usize], f: impl Fn(&Passage) -> bool) -> Vec<Entry> {
    among
        .iter()
        .map(|&i| (i, &state.ds.passages[i]))
        .filter(|(_, p)| f(p) && passes(state, p))
        .map(|(i, _)| Entry::Passage(i))
        .collect()
}

fn is_finding(k: Kind) -> bool {
    !BID_KINDS.contains(&k)
        && !matches!(
            k,
            Kind::Activity | Kind::SurveyFigure | Kind::Caveat | Kind::Milestone | Kind::Note
        )
}

/// Caveats that touch an area: naming it, or pointing at its table rows.
fn touches(p: &Passage, area: &Area) -> bool {
    let named = match area {
        Area::La(id) => p.las.iter().any(|l| l == id),
        Area::Centre(id) => p.centre.as_deref() == Some(id),
        Area::Ward(id) => p.wards.iter().any(|w| w == id),
        Area::Gb => false,
    };
    named || p.table_refs().any(|r| r.area.as_ref() == Some(area))
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
            passages_among(state, state.lookup.of_la(id), |p| BID_KINDS.contains(&p.kind))
        }
        (NavItem::La(_), Some(Tab::Wards | Tab::Centres)) => grid_entries(state),
        (NavItem::La(id), Some(Tab::Activity)) => passages_among(state, state.lookup.of_la(id), |p| {
            matches!(p.kind, Kind::Activity | Kind::Definition)
        }),
        (NavItem::La(id), Some(Tab::Mentions)) => {
            passages_among(state, state.lookup.of_la(id), |p| p.kind != Kind::Caveat)
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
            passages_among(state, state.lookup.of_centre(id), |p| p.kind != Kind::Caveat)
        }
        (NavItem::Centre(id), Some(Tab::Caveats)) => passages_where(state, |p| {
            p.kind == Kind::Caveat && touches(p, &Area::Centre(id.clone()))
        }),
        (NavItem::Ward(id), Some(Tab::Passages)) => {
            passages_among(state, state.lookup.of_ward(id), |p| p.kind != Kind::Caveat)
        }
        (NavItem::Ward(id), Some(Tab::Caveats)) => {
            passages_where(state, |p| p.kind == Kind::Caveat && touches(p, &Area::Ward(id.clone())))
        }
        (NavItem::La(_) | NavItem::Centre(_) | NavItem::Ward(_), Some(Tab::Notes)) => notes_for(state, &item),
        (NavItem::Section(Section::Findings), Some(Tab::BaselineFindings)) => {
            passages_where(state, |p| is_finding(p.kind) && p.document == Document::Baseline)
        }
        (NavItem::Section(Section::Findings), Some(Tab::CaseStudyFindings)) => {
            passages_where(state, |p| is_finding(p.kind) && p.document == Document::Interim)
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
        Section::Timeline => {
            let order: Vec<usize> = ds.milestones().map(|(i, _)| i).collect();
            let shown = passages_where(state, |p| p.kind == Kind::Milestone);
            order
                .into_iter()
                .map(Entry::Passage)
                .filter(|e| shown.contains(e))
                .collect()
        }
        Section::Caveats => passages_where(state, |p| p.kind == Kind::Caveat),
        Section::Themes => ds.themes.iter().map(|t| Entry::Theme(t.id.clone())).collect(),
        Section::Glossary => (0..ds.glossary.len()).map(Entry::Glossary).collect(),
        Section::Notes => notes_for(state, &NavItem::Section(Section::Notes)),
        Section::Matrix => state.matrix.cell.clone(),
    }
}

/// Notes attached to an item (all notes for the Notes section; an LA's
/// include its centres', wards' and passages'), newest first, through the
/// theme filter. Read from the notes index (built afresh only when stale).
fn notes_for(state: &State, item: &NavItem) -> Vec<Entry> {
    // Notes come from neither source document.
    let kinds = &state.filters.kinds;
    if (!kinds.is_empty() && !kinds.contains(&Kind::Note)) || state.filters.source.is_some() {
        return Vec::new();
    }
    let fresh;
    let index = if state.notes_index.is_current(&state.notes) {
        &state.notes_index
    } else {
        fresh = super::derived::NotesIndex::build(&state.notes, &state.ds);
        &fresh
    };
    let notes = state.notes.notes();
    index
        .for_item(item)
        .iter()
        .map(|&i| &notes[i])
        .filter(|n| state.filters.themes.is_empty() || n.themes.iter().any(|t| state.filters.themes.contains(t)))
        .map(|n| Entry::Note(n.id.clone()))
        .collect()
}

/// A tab title placed in the tab rows: its text, row (0 or 1) and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabTitle {
    pub text: String,
    pub row: u16,
    pub x: u16,
}

/// Titles laid out left to right in at most `rows` rows of `width` cells,
/// each followed by a one-cell `│`; `None` when they do not fit.
fn place(titles: Vec<String>, width: u16, rows: u16) -> Option<Vec<TabTitle>> {
    let (mut row, mut x) = (0u16, 0u16);
    let mut out = Vec::new();
    for text in titles {
        let w = u16::try_from(text.chars().count() + 1).ok()?;
        if x + w > width {
            row += 1;
            x = 0;
        }
        if row >= rows || w > width {
            return None;
        }
        out.push(TabTitle { text, row, x });
        x += w;
    }
    Some(out)
}

/// The tab titles for a pane `width` cells wide, using the two rows above
/// the body. Every title in full on one row when they fit, else on two;
/// then the others in one word, then abbreviated (the active one stays in
/// full), and only then as numbers. Drawn and clicked from the same layout.
pub fn tab_layout(tabs: &[Tab], active: usize, width: u16) -> Vec<TabTitle> {
    let full: fn(Tab) -> &'static str = Tab::label;
    let medium: fn(Tab) -> &'static str = Tab::medium;
    let short: fn(Tab) -> &'static str = Tab::short;
    let none: fn(Tab) -> &'static str = |_| "";
    let title = |i: usize, label: &str| {
        if label.is_empty() {
            format!(" {} ", i + 1)
        } else {
            format!(" {} {label} ", i + 1)
        }
    };
    let plans = [
        (full, full, 1),
        (full, full, 2),
        (full, medium, 2),
        (medium, medium, 2),
        (full, short, 2),
        (short, short, 2),
        (full, none, 1),
        (short, none, 1),
        (none, none, 2),
    ];
    for (on, off, rows) in plans {
        let v: Vec<String> = tabs
            .iter()
            .enumerate()
            .map(|(i, t)| title(i, if i == active { on(*t) } else { off(*t) }))
            .collect();
        if let Some(placed) = place(v, width, rows) {
            return placed;
        }
    }
    Vec::new()
}
