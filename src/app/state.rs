//! The app's whole state: the dataset, where the user is (navigator,
//! pane, tab, selection, scroll), filters, the open overlay, the search
//! engine and its last results, and the notes store. No terminal here.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::dataset::{Dataset, Document, Kind};
use crate::notes::{NoteStore, Target};
use crate::search::{Filters as SearchFilters, Hit, SearchIndex, Searcher};

use super::index_job::IndexJob;

use super::derived::{ListKey, NotesIndex};
use super::drafts::Drafts;
use super::editor::NoteText;
use super::line_input::LineInput;
use super::nav::{self, NavItem};
use super::view::{Entry, Tab};

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
    pub source: Option<Document>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty() && self.kinds.is_empty() && self.source.is_none()
    }

    /// The next source filter: all, baseline, interim, all again.
    pub fn next_source(&mut self) {
        self.source = match self.source {
            None => Some(Document::Baseline),
            Some(Document::Baseline) => Some(Document::Interim),
            Some(Document::Interim) => None,
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
    pub text: NoteText,
    pub target: Target,
    /// `Some(id)` when editing an existing note.
    pub note: Option<String>,
    pub themes: Vec<String>,
    /// The theme picker open over the editor (Ctrl-t), choosing `themes`.
    pub picking: Option<Picker>,
    /// The text and themes as saved (empty for a new note): Esc closes
    /// without asking while the editor still holds exactly these.
    pub saved_text: String,
    pub saved_themes: Vec<String>,
    /// Esc on changed text asked: save, discard or keep editing?
    pub closing: bool,
}

impl Editor {
    /// An editor on `text`, whose saved version is `saved_text`.
    pub fn new(target: Target, note: Option<String>, text: &str, themes: Vec<String>, saved_text: &str) -> Editor {
        let saved_themes = if saved_text.is_empty() && note.is_none() {
            Vec::new()
        } else {
            themes.clone()
        };
        Editor {
            text: NoteText::from_text(text),
            target,
            note,
            themes,
            picking: None,
            saved_text: saved_text.to_string(),
            saved_themes,
            closing: false,
        }
    }

    /// Whether closing would lose anything: the text or themes differ from
    /// what is saved (a new note: it has any text).
    pub fn changed(&self) -> bool {
        let text = self.text.text();
        if self.note.is_none() {
            return !text.trim().is_empty();
        }
        text.trim_end() != self.saved_text.trim_end() || self.themes != self.saved_themes
    }
}

/// What a reader popup shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readable {
    Passage(usize),
    Note(String),
    /// The marked LAs side by side (text in `State::comparison`).
    Comparison,
}

/// A list of passages to choose from (caveats of a row, passages using a
/// glossary term); Enter opens the selected one in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub title: String,
    /// Indices into `Dataset::passages`.
    pub items: Vec<usize>,
    pub selected: usize,
}

/// The overlay on top of the panes, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Search,
    Picker(Picker),
    Reader {
        item: Readable,
        scroll: u16,
    },
    Editor(Editor),
    ConfirmDelete {
        note: String,
        scroll: u16,
    },
    /// A draft left by an earlier session (the first of `State::drafts`'
    /// offers): reopen, keep as a note, discard, or decide later.
    DraftOffer {
        scroll: u16,
    },
    Choice(Choice),
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
    /// The list a reader was opened from: Esc in the reader returns to it.
    pub reader_back: Option<Choice>,
    pub search: SearchState,
    /// The passage or note id a search jump landed on, highlighted.
    pub highlight: Option<String>,
    pub notes: NoteStore,
    pub status: Option<String>,
    /// Ticks the status message has been shown for; it expires after a few.
    pub status_age: u8,
    /// The navigator hidden so the pane takes the whole width.
    pub zoom: bool,
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
    /// The search engine, once its index is here (see `index_job`).
    pub(crate) searcher: Option<Searcher>,
    /// The index being prepared on a thread, until `Action::IndexReady`.
    pub(crate) index_job: Option<super::index_job::IndexJob>,
    /// The open editor's draft on disk and drafts offered back.
    pub drafts: Drafts,
    /// Derived once per change (see `derived`): the notes index and the
    /// current list pane's entries with what they were computed from.
    pub(crate) notes_index: NotesIndex,
    pub(crate) list: Vec<Entry>,
    pub(crate) list_key: Option<ListKey>,
    pub(crate) grid: Option<super::grid::AreaGrid>,
    pub(crate) grid_key: Option<super::derived::GridKey>,
    /// The table view's rows ready to draw (see `table_layout`).
    pub table_layout: Option<super::table_layout::TableLayout>,
    /// Passages per LA passing the filters, and the filters they were counted with.
    pub(crate) nav_counts: Option<(Filters, std::collections::HashMap<String, usize>)>,
    /// The selected glossary term's passage count: ((term, filters), count).
    pub(crate) glossary_uses: Option<((usize, Filters), usize)>,
    /// Notes changed since the search index last took them in.
    pub(crate) search_stale: bool,
    /// Facts about the dataset screens need every frame, each made once
    /// (shared with the thread that makes them after the first frame).
    pub lookup: Arc<super::Lookup>,
}

impl State {
    pub fn new(ds: Arc<Dataset>, notes: NoteStore) -> State {
        let index = SearchIndex::new(&ds, Vec::new());
        State::with_index(ds, index, notes)
    }

    /// The app on `ds` with its search index already prepared (say, read
    /// from the open-time cache); the notes are added to it here.
    pub fn with_index(ds: Arc<Dataset>, index: SearchIndex, notes: NoteStore) -> State {
        let mut state = State::without_index(ds, notes, None);
        super::index_job::install(&mut state, index);
        state
    }

    /// The app on `ds` while its search index is prepared by `job`: every
    /// screen but search works at once; `Action::IndexReady` brings search.
    pub fn pending(ds: Arc<Dataset>, notes: NoteStore, job: IndexJob) -> State {
        State::without_index(ds, notes, Some(job))
    }

    fn without_index(ds: Arc<Dataset>, notes: NoteStore, index_job: Option<IndexJob>) -> State {
        let status = match notes.error() {
            Some(e) => Some(format!("Notes are read-only: {e}")),
            None if notes.read_only() => Some(format!(
                "Notes are read-only: {} has no write permission; notes cannot be added, edited or deleted",
                notes.path().display()
            )),
            None => None,
        };
        let drafts = Drafts::new(notes.path());
        let lookup = Arc::new(super::Lookup::new(Arc::clone(&ds)));
        let mut state = State {
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
            reader_back: None,
            search: SearchState::default(),
            highlight: None,
            notes,
            status,
            status_age: 0,
            zoom: false,
            size: (80, 24),
            quit: false,
            matrix: Default::default(),
            export_dir: None,
            marked: Vec::new(),
            comparison: String::new(),
            searcher: None,
            index_job,
            drafts,
            notes_index: NotesIndex::default(),
            list: Vec::new(),
            list_key: None,
            grid: None,
            grid_key: None,
            table_layout: None,
            nav_counts: None,
            glossary_uses: None,
            search_stale: false,
            lookup,
        };
        super::drafts::offer_orphans(&mut state);
        crate::timings::time("app state: views", || {
            super::derived::refresh(&mut state);
            super::table_layout::refresh(&mut state);
        });
        state
    }

    /// Whether search can run: its index is here (see `index_job`).
    pub fn search_ready(&self) -> bool {
        self.searcher.is_some()
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

    /// After notes change: refresh the derived views now, and mark the
    /// search index's note documents stale. They are rebuilt when search is
    /// next used ([`Self::ensure_search_index`]), so a save costs the same
    /// whatever the number of notes and ten saves rebuild the index once.
    pub(crate) fn reindex_notes(&mut self) {
        self.note_changed(None);
    }

    /// [`Self::reindex_notes`] after one change made in the app: the notes
    /// index takes it in place (see `notes_delta`) when the store shows just
    /// that change, and is rebuilt whole otherwise.
    pub(crate) fn note_changed(&mut self, change: Option<super::notes_delta::NoteChange>) {
        self.search_stale = true;
        self.matrix.counted = None; // notes are counted too
        if let Some(c) = change {
            let _ = self.notes_index.apply(&self.notes, &self.ds, &c);
        }
        super::derived::refresh(self);
    }

    /// Rebuild the search index's note documents if notes changed since.
    pub(crate) fn ensure_search_index(&mut self) {
        // Without a searcher yet, its notes are added when it arrives.
        if self.search_stale
            && let Some(searcher) = &mut self.searcher
        {
            searcher.set_extra(crate::notes::to_search_docs(self.notes.notes(), &self.ds));
            self.search_stale = false;
        }
    }

    /// Whether the editor has changes not yet written to its draft.
    pub fn draft_pending(&self) -> bool {
        self.drafts.dirty && matches!(self.overlay, Some(Overlay::Editor(_)))
    }
}
