//! The app's whole state: the dataset, where the user is (navigator,
//! pane, tab, selection, scroll), filters, the open overlay, the search
//! engine and its last results, and the notes store. No terminal here.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::dataset::{Dataset, Doc, Kind};
use crate::notes::{NoteStore, Target};
use crate::search::{Filters as SearchFilters, Hit, SearchIndex, Searcher};

use super::editor::TextArea;
use super::line_input::LineInput;
use super::nav::{self, NavItem};
use super::view::Tab;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Nav,
    Pane,
}

/// The theme, kind and source filters over every passage list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub themes: BTreeSet<String>,
    pub kinds: BTreeSet<Kind>,
    /// Only passages from this source document (notes have none, so they
    /// are hidden while it is set).
    pub source: Option<Doc>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty() && self.kinds.is_empty() && self.source.is_none()
    }

    /// The next source filter: all, baseline, interim, all again.
    pub fn next_source(&mut self) {
        self.source = match self.source {
            None => Some(Doc::Baseline),
            Some(Doc::Baseline) => Some(Doc::Interim),
            Some(Doc::Interim) => None,
        };
    }
}

/// The table view's cursor, sort and horizontal scroll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableCursor {
    pub row: usize,
    pub col: usize,
    pub sort: Option<usize>,
    pub desc: bool,
}

/// What a picker chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Themes,
    Kinds,
}

/// A fuzzy-filtered, multi-select list (themes or kinds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub query: String,
    pub selected: usize,
}

/// The note editor: a new note for a target, or an existing note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub text: TextArea,
    pub target: Target,
    /// `Some(id)` when editing an existing note.
    pub note: Option<String>,
    pub themes: Vec<String>,
    /// The theme picker open over the editor (Ctrl-t), choosing `themes`.
    pub picking: Option<Picker>,
}

/// What a reader popup shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readable {
    Passage(usize),
    Note(String),
    /// The marked LAs side by side (text in `State::comparison`).
    Comparison,
}

/// The overlay on top of the panes, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: u16 },
    Search,
    Picker(Picker),
    Reader { item: Readable, scroll: u16 },
    Editor(Editor),
    ConfirmDelete { note: String },
}

/// The live search: its query, results and the selected result.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The search box.
    pub input: LineInput,
    /// The hits built so far, best first (more are built as the list
    /// scrolls towards its end; loose matches come last).
    pub hits: Vec<Hit>,
    /// Every match, loose ones included.
    pub total: usize,
    /// How many of `total` are loose (scattered letters).
    pub loose: usize,
    pub selected: usize,
    pub error: Option<String>,
}

impl SearchState {
    /// The query as typed.
    pub fn query(&self) -> &str {
        self.input.text()
    }

    /// Where the loose matches start in `hits`, if any are built.
    pub fn first_loose(&self) -> Option<usize> {
        self.hits.iter().position(|h| h.quality.is_loose())
    }
}

/// Everything the app knows and shows.
pub struct State {
    pub ds: Arc<Dataset>,
    pub expanded: BTreeSet<NavItem>,
    pub nav_selected: usize,
    pub focus: Focus,
    pub tab: usize,
    pub list_selected: usize,
    pub scroll: u16,
    pub table: TableCursor,
    pub filters: Filters,
    pub overlay: Option<Overlay>,
    pub search: SearchState,
    /// The passage or note id a search jump landed on, highlighted.
    pub highlight: Option<String>,
    pub notes: NoteStore,
    pub status: Option<String>,
    /// Terminal size, for layout and mouse hit-testing.
    pub size: (u16, u16),
    pub quit: bool,
    /// The Matrix section's counts, cursor and open cell.
    pub matrix: super::matrix::MatrixState,
    /// Where `E` and `B` write files; `None`: the current directory.
    pub export_dir: Option<std::path::PathBuf>,
    /// LAs marked with Space for `C` (compare), in the order marked.
    pub marked: Vec<String>,
    /// The comparison `C` last opened, as text.
    pub comparison: String,
    pub(crate) searcher: Searcher,
}

impl State {
    pub fn new(ds: Arc<Dataset>, notes: NoteStore) -> State {
        let extra = crate::notes::to_search_docs(notes.notes(), &ds);
        let searcher = Searcher::new(SearchIndex::new(&ds, extra)).with_limit(200);
        let status = notes.error().map(|e| format!("Notes are read-only: {e}"));
        State {
            ds,
            expanded: BTreeSet::new(),
            nav_selected: 0,
            focus: Focus::Nav,
            tab: 0,
            list_selected: 0,
            scroll: 0,
            table: TableCursor::default(),
            filters: Filters::default(),
            overlay: None,
            search: SearchState::default(),
            highlight: None,
            notes,
            status,
            size: (80, 24),
            quit: false,
            matrix: Default::default(),
            export_dir: None,
            marked: Vec::new(),
            comparison: String::new(),
            searcher,
        }
    }

    /// The visible navigator lines.
    pub fn nav_items(&self) -> Vec<NavItem> {
        nav::items(&self.ds, &self.expanded)
    }

    /// The selected navigator item.
    pub fn nav_item(&self) -> Option<NavItem> {
        self.nav_items().into_iter().nth(self.nav_selected)
    }

    /// The current tab of the pane, if the pane has tabs.
    pub fn current_tab(&self) -> Option<Tab> {
        let item = self.nav_item()?;
        super::view::tabs(&item).get(self.tab).copied()
    }

    /// The search engine's filters matching the app's filters.
    pub fn search_filters(&self) -> SearchFilters {
        SearchFilters {
            themes: self.filters.themes.iter().cloned().collect(),
            kinds: self.filters.kinds.iter().copied().collect(),
            sources: self.filters.source.into_iter().collect(),
            ..SearchFilters::default()
        }
    }

    /// Refresh the search index's note documents after notes change.
    pub(crate) fn reindex_notes(&mut self) {
        let docs = crate::notes::to_search_docs(self.notes.notes(), &self.ds);
        self.searcher.set_extra(docs);
        self.matrix.counted = None; // notes are counted too
    }
}
