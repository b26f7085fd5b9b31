//! [`Searcher`]: search as you type.
//!
//! It keeps the last query, its filters and the documents that matched it
//! better than loosely (as a word, part of a word or close misspelling).
//! When the next query types on (each term of the last one is the start of
//! a term of the new one, no fuzzy term grows to a length that allows
//! one more letter between: 4, 8, 12 characters, and none gets an ending
//! that gives it a shorter stem: `employmen` → `employment`; see
//! `narrow::types_on_strictly`) with the same filters, only those
//! documents are searched again. Groups count term by term, OR
//! and abbreviation expansions included (`jobcentre plus` → `jobcentre plus
//! o` keeps the first group as it was). A query with a negation never counts
//! as narrower, since extending it can widen what matches (`!fat` → `!fath`
//! lets more in), and so is searched afresh, as is any other change
//! (deleting a character). A group the last query had too keeps its values;
//! a term it had keeps its matches on names.
//!
//! Loose matches (letters scattered through a sentence) are looked for only
//! when the better matches do not fill the screenful of hits to build
//! (the limit less [`LOOSE_FIRST`]: a list's height), or when asked
//! ([`Searcher::more`] past the better matches, [`Searcher::find_loose`]);
//! until then they are not counted either. On a large dataset nearly
//! every document holds a short query's letters somewhere, and finding them
//! all on each keystroke would cost more than everything else. Either way
//! the hits are exactly those a fresh search gives, in the same order.

use super::compile::Compiled;
use super::index::SearchIndex;
use super::query::{Query, QueryError};
use super::run::{Outcome, Previous, Ranking, Tier};
use super::scan::merge;
use super::{Filters, Hit};

/// How many hits a [`Searcher`] builds unless told otherwise: a 40-row
/// terminal's list and half as many again. Building a hit (highlights,
/// snippet) costs more than finding and ranking hundreds of matches, so a
/// keystroke builds only what can be seen; more are built as a list scrolls.
pub const DEFAULT_LIMIT: usize = 60;

/// At most how many loose hits a search builds at once (when its limit is
/// not 0); [`Searcher::more`] builds the others.
pub const LOOSE_FIRST: usize = 20;

/// How many earlier searches' better matches are kept, to narrow from when
/// the last one cannot be (see [`Earlier`]): enough for every shorter form
/// of a long query, so that erasing it letter by letter re-searches only
/// what each shorter form matched (only the re-ranking is done again).
const EARLIER: usize = 32;

/// A search's better matches: what a later, narrower search re-searches.
/// The last search's are kept, and a few before it: when a term grows to a
/// length that allows one more letter between (`lone par` → `lone pare`),
/// the last search cannot be narrowed, but an earlier one often can
/// (`lone`), so only its matches are searched again instead of every
/// document. The same holds after erasing a letter.
struct Earlier {
    filters: Filters,
    compiled: Compiled,
    /// The documents that matched better than loosely, in index order, and
    /// each group's values for them.
    matched: Vec<u32>,
    columns: Vec<Vec<i32>>,
}

struct Last {
    text: String,
    found: Earlier,
    /// The loose matches, in index order, once looked for.
    loose: Option<Vec<u32>>,
    /// Where loose matches can be (every document when `None`): the last
    /// search's matches, loose ones included, when this one narrows it.
    loose_from: Option<Vec<u32>>,
    ranking: Ranking,
}

/// An index plus the memory of the last search.
pub struct Searcher {
    index: SearchIndex,
    limit: usize,
    last: Option<Last>,
    /// Earlier searches, oldest first, at most [`EARLIER`].
    earlier: Vec<Earlier>,
    hits: Vec<Hit>,
    incremental: bool,
}

impl Searcher {
    pub fn new(index: SearchIndex) -> Searcher {
        Searcher {
            index,
            limit: DEFAULT_LIMIT,
            last: None,
            earlier: Vec::new(),
            hits: Vec::new(),
            incremental: false,
        }
    }

    /// Build at most `limit` hits per search (0: all), of which at most
    /// [`LOOSE_FIRST`] loose ones. Every match is still found and counted
    /// ([`Searcher::total`], but see [`Searcher::loose_counted`]); only the
    /// best are built, which is what keeps a keystroke cheap on a large
    /// dataset.
    pub fn with_limit(mut self, limit: usize) -> Searcher {
        self.set_limit(limit);
        self
    }

    pub fn set_limit(&mut self, limit: usize) {
        if limit != self.limit {
            self.limit = limit;
            self.reset();
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
            && last.found.filters == *filters
        {
            self.incremental = true;
            return Ok(&self.hits);
        }
        let parsed = Query::parse(query)?;
        let compiled = self
            .index
            .compile_after(&parsed, filters, self.last.as_ref().map(|l| &l.found.compiled));
        if let Some(last) = &mut self.last
            && last.found.filters == *filters
            && compiled.same_as(&last.found.compiled)
        {
            // Only spacing changed (`lone` → `lone `): the same hits.
            last.text = query.to_string();
            self.incremental = true;
            return Ok(&self.hits);
        }
        let previous = self.last.take().filter(|l| l.found.filters == *filters);
        if previous.is_none() {
            self.earlier.clear();
        }
        let loose_from = previous.as_ref().and_then(|l| {
            let loose = l.loose.as_ref().filter(|_| compiled.narrows(&l.found.compiled))?;
            let mut all: Vec<u32> = l.found.matched.iter().chain(loose).copied().collect();
            all.sort_unstable();
            Some(all)
        });
        if let Some(l) = previous {
            if self.earlier.len() == EARLIER {
                // Keep the searches this one narrows (the query's shorter
                // forms, which erasing goes back to); drop the oldest other.
                let gone = self
                    .earlier
                    .iter()
                    .position(|e| !compiled.narrows_strictly(&e.compiled))
                    .unwrap_or(0);
                self.earlier.remove(gone);
            }
            self.earlier.push(l.found);
        }
        let outcome = self.run_strict(&compiled, filters);
        self.last = Some(Last {
            text: query.to_string(),
            ranking: Ranking::new(&outcome.matched, &outcome.keys),
            found: Earlier {
                filters: filters.clone(),
                compiled,
                matched: outcome.matched,
                columns: outcome.columns,
            },
            loose: None,
            loose_from,
        });
        let want = if self.limit == 0 { usize::MAX } else { self.limit };
        let good = self.total();
        // The list shows about `want - LOOSE_FIRST` hits (the app asks for
        // its height and a little more): when the better matches fill that,
        // the loose ones wait until the list scrolls past them.
        if good < want.saturating_sub(LOOSE_FIRST).max(1) {
            self.find_loose();
        }
        // Loose hits cost the most to build (the fuzzy matcher places their
        // letters): a screenful now, the rest as the list scrolls.
        let want = if self.limit == 0 {
            want
        } else {
            want.min(good + LOOSE_FIRST)
        };
        self.hits = match &mut self.last {
            Some(last) => {
                let c = &last.found.compiled;
                let top = last.ranking.top(want, |i, k| self.index.check_phrase(c, i, k));
                self.index.build(c, top)
            }
            None => Vec::new(),
        };
        Ok(&self.hits)
    }

    /// The better matches of `compiled`: among the fewest matches of an
    /// earlier search it narrows (the last one's, usually), plus where its
    /// literal alternatives occur when only they keep it from narrowing;
    /// among every document when no earlier search will do.
    fn run_strict(&mut self, compiled: &Compiled, filters: &Filters) -> Outcome {
        let usable = || self.earlier.iter().rev().filter(|e| e.filters == *filters);
        let narrowest = usable()
            .filter(|e| compiled.narrows_strictly(&e.compiled))
            .min_by_key(|e| e.matched.len());
        if let Some(e) = narrowest {
            self.incremental = true;
            let prev = Previous {
                compiled: &e.compiled,
                matched: &e.matched,
                columns: &e.columns,
            };
            return self.index.run_tier(compiled, Some(prev), Tier::Strict);
        }
        let but_literals = usable()
            .filter_map(|e| Some((e, compiled.narrows_strictly_but_literals(&e.compiled)?)))
            .min_by_key(|(e, _)| e.matched.len());
        self.incremental = but_literals.is_some();
        match but_literals {
            Some((e, literals)) => {
                let candidates = literals
                    .iter()
                    .fold(e.matched.clone(), |all, t| merge(&all, &self.index.docs_holding(t)));
                self.index.run_among(compiled, &candidates, Tier::Strict)
            }
            None => self.index.run_tier(compiled, None, Tier::Strict),
        }
    }

    /// Look for the last search's loose matches, if not done yet, and
    /// return how many there are. They rank after every other match; hits
    /// already built stay as they are.
    pub fn find_loose(&mut self) -> usize {
        let Some(last) = &mut self.last else {
            return 0;
        };
        if last.loose.is_none() {
            let mut done = vec![false; self.index.len()];
            for &i in &last.found.matched {
                done[i as usize] = true;
            }
            let outcome = self
                .index
                .run_loose(&last.found.compiled, last.loose_from.as_deref(), &done);
            last.ranking.extend_loose(&outcome.matched, &outcome.keys);
            last.loose = Some(outcome.matched);
            last.loose_from = None;
        }
        last.ranking.loose()
    }

    /// Have the last search's loose matches been looked for (so that
    /// [`Searcher::total`] and [`Searcher::loose`] count them)?
    pub fn loose_counted(&self) -> bool {
        self.last.as_ref().is_some_and(|l| l.loose.is_some())
    }

    /// Build hits up to the `n` best of the last search (for a list that
    /// scrolls past what was built), looking for loose matches when `n`
    /// goes past the others; returns every hit built so far.
    pub fn more(&mut self, n: usize) -> &[Hit] {
        if self.last.as_ref().is_some_and(|l| n > l.ranking.len()) {
            self.find_loose();
        }
        if let Some(last) = &mut self.last
            && n > self.hits.len()
        {
            let c = &last.found.compiled;
            let top = last.ranking.top(n, |i, k| self.index.check_phrase(c, i, k));
            let new = self.index.build(c, &top[self.hits.len()..]);
            self.hits.extend(new);
        }
        &self.hits
    }

    /// How many of the last search's matches are loose (scattered letters;
    /// listed after every other match); 0 until they are looked for
    /// ([`Searcher::loose_counted`]).
    pub fn loose(&self) -> usize {
        self.last.as_ref().map_or(0, |l| l.ranking.loose())
    }

    /// The hits of the last successful search, best first.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// How many documents matched the last search (may exceed the hits
    /// built), loose ones included once looked for.
    pub fn total(&self) -> usize {
        self.last.as_ref().map_or(0, |l| l.ranking.len())
    }

    /// Did the last search re-search only an earlier search's matches (the
    /// last one's, or one of the few before it)?
    pub fn was_incremental(&self) -> bool {
        self.incremental
    }

    /// Forget the last search: the next one starts afresh.
    pub fn reset(&mut self) {
        self.last = None;
        self.earlier.clear();
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Replace the extra documents (field notes); the next search starts afresh.
    pub fn set_extra(&mut self, extra: Vec<super::SearchDoc>) {
        self.index.set_extra(extra);
        self.reset();
    }

    pub fn into_index(self) -> SearchIndex {
        self.index
    }
}
