//! Running a compiled query over the index: which documents match, how
//! well, and the best of them in order.
//!
//! 1. **Evaluate** every candidate (all documents, or the previous matches
//!    when searching incrementally) with linear scans: each group's packed
//!    value ([`super::eval::pack`]); a group the last search had too keeps
//!    its values (typing `lone parents c` only evaluates `c`). Split over
//!    the machine's cores when there are many candidates.
//! 2. **Rank**: each matching document gets one key (`doc_key`): loose
//!    matches (any term matched only loosely) after all others; then
//!    whether it holds the query as a phrase; then its weakest term's rank
//!    (quality and place, [`super::eval::rank`]); then the sum of the
//!    terms' ranks; then their scores. Best key first; equal keys keep index order (the
//!    dataset's passages in file order, then the extra documents in the
//!    order given), so the order is stable however the search ran.
//! 3. **Build** a [`super::Hit`] for each of the best `limit` (more on demand).

use super::compile::Compiled;
use super::eval::{Place, pack, rank, unpack};
use super::index::{Hot, SearchIndex};
use super::quality::{Quality, phrase};

/// Below this many candidates, evaluation runs on one thread.
const PARALLEL_MIN: usize = 4096;

/// A rank key's phrase bit ([`SearchIndex::doc_key`]).
const PHRASE: u64 = 1 << 61;

/// Marks a rank key whose phrase bit is still to be checked.
pub(crate) const UNCHECKED: u64 = 1 << 3;

/// How many candidates ahead a document's memory is asked for.
const PREFETCH: usize = 8;

/// What a run found.
pub(crate) struct Outcome {
    /// Every matching document, in index order.
    pub matched: Vec<u32>,
    /// Per group of the query, each matching document's packed value
    /// (aligned with `matched`), for the next, narrower search to reuse.
    pub columns: Vec<Vec<i32>>,
    /// Each matching document's rank key (aligned with `matched`).
    pub keys: Vec<u64>,
}

/// The last search, when the new one narrows it.
#[derive(Clone, Copy)]
pub(crate) struct Previous<'a> {
    pub compiled: &'a Compiled,
    pub matched: &'a [u32],
    pub columns: &'a [Vec<i32>],
}

fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(8))
}

/// The class (weakest quality) a key stands for.
pub(crate) fn key_quality(key: u64) -> Quality {
    Quality::from_bits((key & 7) as u32)
}

/// A sort key that orders hits best first: (rank key descending, index
/// ascending) as one number, larger is better. A key still [`UNCHECKED`]
/// ranks above the same key checked, so it is checked before either is
/// listed.
pub(crate) fn order_key(key: u64, i: u32) -> u128 {
    (u128::from(key) << 32) | u128::from(u32::MAX - i)
}

/// The index of the document an [`order_key`] was made for.
pub(crate) fn order_index(k: u128) -> u32 {
    u32::MAX - (k as u32)
}

/// Which matches a run looks for.
#[derive(Clone, Copy)]
pub(crate) enum Tier<'a> {
    /// Every match, loose ones included.
    All,
    /// Only documents every term of which matched better than loosely.
    Strict,
    /// Only loose matches, among the candidates not marked here (the
    /// strict matches, already found).
    Loose(&'a [bool]),
}

impl SearchIndex {
    /// Every match of `c` (loose ones included), among the last search's
    /// matches when `prev` is given.
    pub(crate) fn run(&self, c: &Compiled, prev: Option<Previous>) -> Outcome {
        self.run_tier(c, prev, Tier::All)
    }

    /// The matches of one tier, among `prev`'s matches when given (which
    /// must hold every match of that tier).
    pub(crate) fn run_tier(&self, c: &Compiled, prev: Option<Previous>, tier: Tier) -> Outcome {
        let all: Vec<u32>;
        let candidates = match prev {
            Some(p) => p.matched,
            None => {
                all = (0..self.docs.len() as u32).collect();
                &all
            }
        };
        // A group identical to one of the last search keeps its values.
        let reuse: Vec<Option<&[i32]>> = (0..c.groups.len())
            .map(|g| prev.and_then(|p| c.same_group(g, p.compiled).map(|h| p.columns[h].as_slice())))
            .collect();
        self.evaluate_all(c, candidates, &reuse, tier)
    }

    /// The matches of one tier among `candidates` (in index order), every
    /// group graded afresh.
    pub(crate) fn run_among(&self, c: &Compiled, candidates: &[u32], tier: Tier) -> Outcome {
        self.evaluate_all(c, candidates, &vec![None; c.groups.len()], tier)
    }

    /// The loose matches among `candidates` (every document when `None`)
    /// not marked in `done`.
    pub(crate) fn run_loose(&self, c: &Compiled, candidates: Option<&[u32]>, done: &[bool]) -> Outcome {
        let all: Vec<u32>;
        let candidates = match candidates {
            Some(cs) => cs,
            None => {
                all = (0..self.docs.len() as u32).collect();
                &all
            }
        };
        self.evaluate_all(c, candidates, &vec![None; c.groups.len()], Tier::Loose(done))
    }

    /// The rank key of document `i` from its groups' values (see the module
    /// docs), from the top bit down: not loose, phrase, weakest rank, rank
    /// sum, score sum; then [`UNCHECKED`]; the class (weakest quality) in
    /// the lowest bits. Whether the document holds the query as a phrase is
    /// only told by its words here (a document whose words hold every
    /// phrase word may): the key says it does and is marked unchecked, and
    /// only the keys that reach the top are checked ([`SearchIndex::check_phrase`]).
    fn doc_key(&self, c: &Compiled, i: usize, vals: &[i32]) -> u64 {
        let mut class = Quality::Word;
        let mut weakest = rank(Quality::Word, Place::Title);
        let (mut ranks, mut scores) = (0u64, 0u64);
        for &v in vals.iter().filter(|&&v| v > 0) {
            let (q, place, s) = unpack(v);
            class = class.min(q);
            weakest = weakest.min(rank(q, place));
            ranks += u64::from(rank(q, place));
            scores += s as u64;
        }
        // Each phrase word occurs whole in the field holding the phrase, so
        // its term matched there as a word (see `Compiled::phrase_per_group`).
        let words_whole = || !c.phrase_per_group || vals.iter().all(|&v| v >= pack(Quality::Word, Place::Text, 0));
        let may_phrase = class >= Quality::Part
            && words_whole()
            && c.phrase.as_ref().is_some_and(|words| {
                let h = &self.hot[i];
                match &words.held {
                    Some(held) => [h.title, h.text]
                        .into_iter()
                        .any(|f| self.arena.words().may_hold_phrase(f, held)),
                    None => true,
                }
            });
        (u64::from(!class.is_loose()) << 62)
            | (u64::from(may_phrase) << 61)
            | (u64::from(weakest) << 57)
            | (ranks.min((1 << 11) - 1) << 46)
            | (scores.min((1 << 42) - 1) << 4)
            | (u64::from(may_phrase) * UNCHECKED)
            | class as u64
    }

    /// The key of document `i` with its phrase checked (see
    /// [`SearchIndex::doc_key`]): the phrase bit kept only if its title or
    /// text holds the phrase.
    pub(crate) fn check_phrase(&self, c: &Compiled, i: u32, key: u64) -> u64 {
        if key & UNCHECKED == 0 {
            return key;
        }
        let p = &self.prepared[i as usize];
        let holds = c.phrase.as_ref().is_some_and(|words| {
            [&p.title, &p.text]
                .into_iter()
                .any(|f| phrase(self.arena.hay(f, false), words))
        });
        let key = key & !UNCHECKED;
        if holds { key } else { key & !PHRASE }
    }

    /// Ask for document `i`'s memory before it is needed: candidates are
    /// scattered over tens of megabytes, and waiting for each one's memory
    /// in turn costs more than grading it. First (`words` false) its
    /// [`Hot`] part; then, once that is in, its title's and text's words
    /// (up to four cache lines) and the ids of what it is tagged with.
    #[inline]
    fn prefetch(&self, i: usize, words: bool) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let h = &self.hot[i];
            // SAFETY (each call): a prefetch is only a hint to the cache:
            // it never faults and reads nothing into the program, whatever
            // the address.
            let fetch = |ptr: *const u8| unsafe { _mm_prefetch::<_MM_HINT_T0>(ptr.cast()) };
            if words {
                let ids = self.arena.words().ids_at(h.title).cast::<u8>();
                let len = 4 * (h.text.1.saturating_sub(h.title.0) as usize);
                for line in (0..len.min(256)).step_by(64) {
                    fetch(ids.wrapping_add(line));
                }
                fetch(self.hot_entities(h).as_ptr().cast());
            } else {
                let at = (h as *const Hot).cast::<u8>();
                fetch(at);
                fetch(at.wrapping_add(std::mem::size_of::<Hot>() - 1));
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = (i, words);
    }

    /// Evaluate every candidate, on several threads when there are many.
    fn evaluate_all(&self, c: &Compiled, candidates: &[u32], reuse: &[Option<&[i32]>], tier: Tier) -> Outcome {
        let strict = matches!(tier, Tier::Strict);
        let part = |from: usize, part: &[u32]| -> Outcome {
            let mut out = Outcome {
                matched: Vec::new(),
                columns: vec![Vec::new(); reuse.len()],
                keys: Vec::new(),
            };
            let mut vals = vec![0i32; reuse.len()];
            'doc: for (k, &i) in part.iter().enumerate() {
                // Two stages: a document's fields, then (once they are in)
                // where its title and text start.
                if let Some(&ahead) = part.get(k + 2 * PREFETCH) {
                    self.prefetch(ahead as usize, false);
                }
                if let Some(&ahead) = part.get(k + PREFETCH) {
                    self.prefetch(ahead as usize, true);
                }
                if matches!(tier, Tier::Loose(done) if done[i as usize]) || !self.passes(&c.filters, i as usize) {
                    continue;
                }
                for (g, v) in vals.iter_mut().enumerate() {
                    *v = match reuse[g] {
                        Some(col) => col[from + k],
                        None => match self.group(&c.groups[g].alts, i as usize, strict) {
                            Some((v, _)) => v,
                            None => continue 'doc,
                        },
                    };
                }
                out.matched.push(i);
                out.keys.push(self.doc_key(c, i as usize, &vals));
                for (col, &v) in out.columns.iter_mut().zip(&vals) {
                    col.push(v);
                }
            }
            out
        };
        let threads = threads();
        if candidates.len() < PARALLEL_MIN || threads < 2 {
            return part(0, candidates);
        }
        let size = candidates.len().div_ceil(threads);
        let parts: Vec<Outcome> = std::thread::scope(|s| {
            let handles: Vec<_> = candidates
                .chunks(size)
                .enumerate()
                .map(|(n, p)| s.spawn(move || part(n * size, p)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a search thread panicked"))
                .collect()
        });
        let mut out = Outcome {
            matched: Vec::new(),
            columns: vec![Vec::new(); reuse.len()],
            keys: Vec::new(),
        };
        for p in parts {
            out.matched.extend(p.matched);
            out.keys.extend(p.keys);
            for (col, pc) in out.columns.iter_mut().zip(p.columns) {
                col.extend(pc);
            }
        }
        out
    }
}

/// Ranked results of one search: every match's order key, the first
/// `sorted` of them in final order, the rest unordered until asked for.
/// Keys whose phrase bit is still to be checked ([`UNCHECKED`] when made)
/// are listed in `unchecked` (by document) and kept without the mark, so
/// that the mark never orders them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ranking {
    order: Vec<u128>,
    sorted: usize,
    loose: usize,
    unchecked: Vec<u64>,
}

impl Ranking {
    pub fn new(matched: &[u32], keys: &[u64]) -> Ranking {
        let mut unchecked = Vec::new();
        let order: Vec<u128> = matched
            .iter()
            .zip(keys)
            .map(|(&i, &k)| {
                if k & UNCHECKED != 0 {
                    let (word, bit) = (i as usize / 64, i % 64);
                    if unchecked.len() <= word {
                        unchecked.resize(word + 1, 0);
                    }
                    unchecked[word] |= 1 << bit;
                }
                order_key(k & !UNCHECKED, i)
            })
            .collect();
        let loose = keys.iter().filter(|&&k| key_quality(k).is_loose()).count();
        Ranking {
            order,
            sorted: 0,
            loose,
            unchecked,
        }
    }

    /// Add loose matches (found after the others): they rank below every
    /// match already here, so what is sorted stays sorted.
    pub fn extend_loose(&mut self, matched: &[u32], keys: &[u64]) {
        debug_assert!(keys.iter().all(|&k| key_quality(k).is_loose() && k & UNCHECKED == 0));
        self.order
            .extend(matched.iter().zip(keys).map(|(&i, &k)| order_key(k, i)));
        self.loose += keys.len();
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// How many matches are loose (listed after all the others).
    pub fn loose(&self) -> usize {
        self.loose
    }

    /// Was document `i`'s key unchecked? Forgets it: it is about to be.
    fn take_unchecked(&mut self, i: u32) -> bool {
        let (word, bit) = (i as usize / 64, i % 64);
        match self.unchecked.get_mut(word) {
            Some(w) if *w >> bit & 1 == 1 => {
                *w &= !(1 << bit);
                true
            }
            _ => false,
        }
    }

    /// The best `n` (or fewer) in order: sorts only as far as needed.
    /// `check` gives an unchecked key its final value
    /// ([`SearchIndex::check_phrase`]): it may only lower it, so the best
    /// are checked until checking changes none of them.
    pub fn top(&mut self, n: usize, check: impl Fn(u32, u64) -> u64) -> &[u128] {
        let n = n.min(self.order.len());
        while n > self.sorted {
            let want = n - self.sorted;
            let from = self.sorted;
            if want < self.order.len() - from {
                self.order[from..].select_nth_unstable_by(want - 1, |a, b| b.cmp(a));
            }
            let mut lowered = false;
            for at in from..from + want {
                let k = self.order[at];
                let i = order_index(k);
                if self.take_unchecked(i) {
                    let key = (k >> 32) as u64;
                    let checked = check(i, key | UNCHECKED);
                    if checked != key {
                        self.order[at] = order_key(checked, i);
                        lowered = true;
                    }
                }
            }
            if lowered {
                continue; // what is best may have changed
            }
            self.order[from..n].sort_unstable_by(|a, b| b.cmp(a));
            self.sorted = n;
        }
        &self.order[..n]
    }
}
