//! The search engine: fuzzy search over every passage (and field note) with
//! fzf's query syntax. No terminal code lives here; the app and the `search`
//! subcommand both use it.
//!
//! # Using it
//!
//! ```
//! use casebook::dataset::{Dataset, Kind};
//! use casebook::search::{Filters, SearchDoc, SearchIndex, Searcher};
//!
//! let note = SearchDoc {
//!     id: "note-1".into(), kind: Kind::Note, las: vec!["lambeth".into()], centre: None,
//!     wards: vec![], title: "Visit to Lark Hall".into(), text: "Met the café group.".into(),
//!     themes: vec![], source: "Field note".into(),
//! };
//! // Once, at load: the dataset's passages, then extra documents (notes).
//! let index = SearchIndex::new(&Dataset::default(), vec![note]);
//! // Per keystroke: the searcher reuses the last search when it can.
//! let mut searcher = Searcher::new(index);
//! let hits = searcher.search("cafe", &Filters::default()).unwrap();
//! assert_eq!(hits[0].id, "note-1");
//! assert_eq!(hits[0].snippet_matches, vec![8..12]); // "café", in characters
//! assert!(searcher.search("cafe !", &Filters::default()).is_err()); // hits kept
//! ```
//!
//! # What it owns
//!
//! - [`SearchDoc`] (`doc.rs`): the searchable unit. Each passage becomes one
//!   ([`SearchDoc::from_passage`]); the notes module turns field notes into
//!   more, of kind [`Kind::Note`], handed over as *extra* documents
//!   ([`SearchIndex::new`]'s second argument, or [`SearchIndex::set_extra`] /
//!   [`Searcher::set_extra`] when they change).
//! - [`SearchIndex`] (`index.rs`): every document prepared once at load:
//!   titles and texts folded (`fold.rs`: NFKD, combining marks dropped,
//!   typographic quotes and dashes made ASCII, so `cafe` finds "café" and
//!   `ecole` "École") in both case variants, cut into chunks of at most 200
//!   characters (`field.rs`) and kept side by side in one arena; ids
//!   resolved to LAs, centres, wards and themes. [`SearchIndex::search`]`(&query,
//!   &filters, limit)` (limit 0: all) and [`SearchIndex::doc`]`(i)`.
//! - [`Query`] (`query.rs`): [`Query::parse`] gives the parsed query or a
//!   [`QueryError`] that names the problem. The syntax table is in `query.rs`.
//! - [`Searcher`] (`incremental.rs`): search as you type. It keeps the last
//!   query's full list of matches and re-searches only those when the new
//!   query narrows it (or an earlier one); it builds at most [`Searcher::limit`] hits (default
//!   [`DEFAULT_LIMIT`], 0 for all) and counts every match ([`Searcher::total`]).
//!   Which earlier search a query narrows is decided in `narrow.rs`;
//!   `scan.rs` finds, in one pass over all the text, where a literal occurs.
//! - the words (`words.rs`): every field's words against one vocabulary of
//!   distinct words, so that a term is graded once per distinct word and a
//!   field's grade is a lookup per word; `names.rs` lays the entities' names
//!   out flat and grades them the same way.
//! - the matcher (`matcher.rs`): fuzzy-matcher's `SkimMatcherV2` behind one
//!   small interface, with a linear-time bound on its score; `run.rs` uses
//!   the bound so that most documents are never given to the matcher.
//!
//! # What is searched
//!
//! A term matches a document if it matches its title, its text (fuzzy terms:
//! within one chunk, about a sentence), or a name of its LAs (name and
//! aliases), centre, wards or themes (label and synonyms). A document's LAs
//! include those of its centre and wards. Abbreviations expand through the
//! glossary both ways (`compile.rs`): `IB` also finds "Incapacity Benefit",
//! and `incapacity benefit` also finds "IB" as a whole word.
//!
//! # Ranking
//!
//! Each text term scores its best match (skim's score), weighted by where it
//! is: title ([`TITLE_WEIGHT`]) above text ([`TEXT_WEIGHT`]) above the names
//! a document is tagged with ([`NAME_WEIGHT`]), so a title match ranks above
//! the same match in the body. `|` takes the best alternative; the document
//! scores the sum. Best score first; **equal scores keep index order**
//! (passages in dataset order, then extra documents in the order given), so
//! the order is stable, and the same whether reached fresh or incrementally.
//! A query with no text terms (empty, or only scopes and negations) lists
//! every passing document in index order with score 0.
//!
//! # Hits
//!
//! A [`Hit`] carries what a list shows, plus `title_matches` and
//! `text_matches`: sorted, merged ranges of *character* indices (not bytes)
//! of the original title and text, and `snippet_matches` into the snippet
//! (about [`SNIPPET_CHARS`] characters around the best text match; the title
//! when only the title matched). Nothing is sanitised here (the UI does
//! that); no input makes it panic (queries over [`MAX_QUERY_CHARS`]
//! characters or [`MAX_TERMS`] terms are an error).

mod compile;
mod doc;
mod eval;
mod field;
mod fold;
mod hits;
mod incremental;
mod index;
mod matcher;
mod names;
mod narrow;
#[cfg(test)]
mod narrowing_tests;
mod quality;
mod query;
mod run;
mod scan;
mod stem;
mod tally;
mod typo;
mod word_grade;
mod words;

use std::ops::Range;

use crate::dataset::{Document, Kind};

pub use doc::{SearchDoc, doc_label};
pub use eval::Place;
pub use fold::fold;
pub use hits::SNIPPET_CHARS;
pub use incremental::{DEFAULT_LIMIT, LOOSE_FIRST, Searcher};
pub use index::SearchIndex;
pub use quality::Quality;
pub use query::{Group, MAX_QUERY_CHARS, MAX_TERMS, MatchKind, Query, QueryError, Scope, Term};
pub use tally::Tally;

/// Filters by id; an empty list means no filter on that field, several ids
/// within one field are ORed, and the fields are ANDed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// LA ids (a document's LAs include those of its centre and wards).
    pub las: Vec<String>,
    pub themes: Vec<String>,
    pub kinds: Vec<Kind>,
    pub centres: Vec<String>,
    /// Source documents; field notes belong to neither, so any source
    /// filter leaves them out.
    pub sources: Vec<Document>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.las.is_empty()
            && self.themes.is_empty()
            && self.kinds.is_empty()
            && self.centres.is_empty()
            && self.sources.is_empty()
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the document in the [`SearchIndex`].
    pub doc: usize,
    pub id: String,
    pub kind: Kind,
    pub las: Vec<String>,
    pub centre: Option<String>,
    pub title: String,
    /// About [`SNIPPET_CHARS`] characters around the best text match.
    pub snippet: String,
    /// Character ranges of `snippet` to highlight.
    pub snippet_matches: Vec<Range<usize>>,
    /// Orders hits (higher first); 0 when the query has no text terms.
    pub score: i64,
    /// How well the document matched: its weakest term's quality.
    pub quality: Quality,
    pub themes: Vec<String>,
    pub source: String,
    /// Character ranges of `title` that matched.
    pub title_matches: Vec<Range<usize>>,
    /// Character ranges of the document's text that matched.
    pub text_matches: Vec<Range<usize>>,
}
