//! [`Searcher`]: search as you type.
//!
//! It keeps the last query, its filters and the full list of documents that
//! matched it. When the next query is at least as narrow (it extends the
//! last one: `lon` → `lone` → `lone p`, or adds a term) with the same
//! filters, only those documents are searched again. A query with OR,
//! negation or an abbreviation expansion never counts as narrower, since
//! extending it can widen what matches (`!fat` → `!fath` lets more in), and
//! so is searched afresh, as is any other change (deleting a character).
//! Either way the hits are exactly those a fresh search would give.

use super::compile::Compiled;
use super::index::SearchIndex;
use super::query::{Query, QueryError};
use super::run::{Previous, Ranking};
use super::{Filters, Hit};

/// How many hits a [`Searcher`] builds unless told otherwise.
pub const DEFAULT_LIMIT: usize = 100;

struct Last {
    text: String,
    filters: Filters,
    compiled: Compiled,
    matched: Vec<u32>,
    columns: Vec<Vec<i32>>,
    ranking: Ranking,
}

/// An index plus the memory of the last search.
pub struct Searcher {
    index: SearchIndex,
    limit: usize,
    last: Option<Last>,
    hits: Vec<Hit>,
    incremental: bool,
}

impl Searcher {
    pub fn new(index: SearchIndex) -> Searcher {
        Searcher {
            index,
            limit: DEFAULT_LIMIT,
            last: None,
            hits: Vec::new(),
            incremental: false,
        }
    }

    /// Build at most `limit` hits per search (0: all). Every match is still
    /// found and counted ([`Searcher::total`]); only the best `limit` are
    /// built, which is what keeps a keystroke cheap on a large dataset.
    pub fn with_limit(mut self, limit: usize) -> Searcher {
        self.set_limit(limit);
        self
    }

    pub fn set_limit(&mut self, limit: usize) {
        if limit != self.limit {
            self.limit = limit;
            self.last = None;
        }
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Search for `query` (fzf syntax) within `filters`. On a syntax error
    /// the previous hits are kept (see [`Searcher::hits`]).
    pub fn search(&mut self, query: &str, filters: &Filters) -> Result<&[Hit], QueryError> {
        if let Some(last) = &self.last
            && last.text == query
            && last.filters == *filters
        {
            self.incremental = true;
            return Ok(&self.hits);
        }
        let parsed = Query::parse(query)?;
        let compiled = self.index.compile(&parsed, filters);
        if let Some(last) = &mut self.last
            && last.filters == *filters
            && compiled.same_as(&last.compiled)
        {
            // Only spacing changed (`lone` → `lone `): the same hits.
            last.text = query.to_string();
            self.incremental = true;
            return Ok(&self.hits);
        }
        let previous = self
            .last
            .take()
            .filter(|l| l.filters == *filters && compiled.narrows(&l.compiled));
        self.incremental = previous.is_some();
        let prev = previous.as_ref().map(|l| Previous {
            compiled: &l.compiled,
            matched: &l.matched,
            columns: &l.columns,
        });
        let outcome = self.index.run(&compiled, prev);
        let mut ranking = Ranking::new(&outcome.matched, &outcome.keys);
        let want = if self.limit == 0 { usize::MAX } else { self.limit };
        self.hits = self.index.build(&compiled, ranking.top(want));
        self.last = Some(Last {
            text: query.to_string(),
            filters: filters.clone(),
            compiled,
            matched: outcome.matched,
            columns: outcome.columns,
            ranking,
        });
        Ok(&self.hits)
    }

    /// Build hits up to the `n` best of the last search (for a list that
    /// scrolls past what was built); returns every hit built so far.
    pub fn more(&mut self, n: usize) -> &[Hit] {
        if let Some(last) = &mut self.last
            && n > self.hits.len()
        {
            let top = last.ranking.top(n);
            let new = self.index.build(&last.compiled, &top[self.hits.len()..]);
            self.hits.extend(new);
        }
        &self.hits
    }

    /// How many of the last search's matches are loose (scattered letters;
    /// listed after every other match).
    pub fn loose(&self) -> usize {
        self.last.as_ref().map_or(0, |l| l.ranking.loose())
    }

    /// The hits of the last successful search, best first.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// How many documents matched the last search, loose ones included
    /// (may exceed the hits built).
    pub fn total(&self) -> usize {
        self.last.as_ref().map_or(0, |l| l.ranking.len())
    }

    /// Did the last search re-search only the previous matches?
    pub fn was_incremental(&self) -> bool {
        self.incremental
    }

    /// Forget the last search: the next one starts afresh.
    pub fn reset(&mut self) {
        self.last = None;
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Replace the extra documents (field notes); the next search starts afresh.
    pub fn set_extra(&mut self, extra: Vec<super::SearchDoc>) {
        self.index.set_extra(extra);
        self.last = None;
    }

    pub fn into_index(self) -> SearchIndex {
        self.index
    }
}
