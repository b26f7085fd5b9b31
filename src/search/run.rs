//! Running a compiled query over the index: which documents match, and the
//! best `limit` of them, in order.
//!
//! 1. **Bound** every candidate (all documents, or the previous matches when
//!    searching incrementally): linear scans decide the match exactly and
//!    give an upper bound of the score, per group of the query. A group the
//!    last search had too keeps its bounds (typing `lone parents c` only
//!    bounds `c`). Split over the machine's cores when there are many
//!    candidates.
//! 2. **Score** candidates in decreasing order of bound with the fuzzy
//!    matcher, keeping the best `limit`; stop as soon as the next bound
//!    cannot beat the worst kept hit, and give up on a document as soon as
//!    its remaining bounds cannot. The result is exactly the top `limit` by
//!    score, though most documents are never scored.
//! 3. **Build** a [`Hit`] for each kept document (highlights, snippet).
//!
//! Order: score, highest first; equal scores keep index order (the
//! dataset's passages in file order, then the extra documents in the order
//! given), so the order is stable and the same however the search ran.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::Hit;
use super::compile::Compiled;
use super::eval::{Memo, Mode};
use super::index::SearchIndex;

/// Below this many candidates, bounding runs on one thread.
const PARALLEL_MIN: usize = 4096;

/// What a run found.
pub(crate) struct Outcome {
    /// The best hits, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// Every matching document, in index order.
    pub matched: Vec<u32>,
    /// Per group of the query, each matching document's bound (aligned
    /// with `matched`), for the next, narrower search to reuse.
    pub columns: Vec<Vec<i32>>,
}

/// The last search, when the new one narrows it.
#[derive(Clone, Copy)]
pub(crate) struct Previous<'a> {
    pub compiled: &'a Compiled,
    pub matched: &'a [u32],
    pub columns: &'a [Vec<i32>],
}

/// Matching candidates: index, bound, and per-group bounds.
struct Bounds {
    matched: Vec<u32>,
    bounds: Vec<i64>,
    columns: Vec<Vec<i32>>,
}

fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(8))
}

impl SearchIndex {
    pub(crate) fn run(&self, c: &Compiled, prev: Option<Previous>, limit: usize) -> Outcome {
        let all: Vec<u32>;
        let candidates = match prev {
            Some(p) => p.matched,
            None => {
                all = (0..self.docs.len() as u32).collect();
                &all
            }
        };
        // A group identical to one of the last search keeps its bounds.
        let reuse: Vec<Option<&[i32]>> = (0..c.groups.len())
            .map(|g| prev.and_then(|p| c.same_group(g, p.compiled).map(|h| p.columns[h].as_slice())))
            .collect();
        let b = self.bound_all(c, candidates, &reuse);
        let want = if limit == 0 { usize::MAX } else { limit };
        let top: Vec<(i64, u32)> = if c.scoring {
            self.best(c, &b, want)
        } else {
            b.matched.iter().take(want).map(|&i| (0, i)).collect()
        };
        let hits = top
            .into_iter()
            .map(|(score, i)| self.hit(c, i as usize, score))
            .collect();
        Outcome {
            hits,
            matched: b.matched,
            columns: b.columns,
        }
    }

    /// Bound every candidate, on several threads when there are many.
    fn bound_all(&self, c: &Compiled, candidates: &[u32], reuse: &[Option<&[i32]>]) -> Bounds {
        let part = |from: usize, part: &[u32]| -> Bounds {
            let mut out = Bounds {
                matched: Vec::new(),
                bounds: Vec::new(),
                columns: vec![Vec::new(); reuse.len()],
            };
            let mut vals = vec![0i32; reuse.len()];
            'doc: for (k, &i) in part.iter().enumerate() {
                if !self.passes(&c.filters, i as usize) {
                    continue;
                }
                for (g, v) in vals.iter_mut().enumerate() {
                    *v = match reuse[g] {
                        Some(col) => col[from + k],
                        None => match self.group(&c.groups[g].alts, i as usize, Mode::Bound, &mut None) {
                            Some((b, _)) => b.clamp(0, i32::MAX as i64) as i32,
                            None => continue 'doc,
                        },
                    };
                }
                out.matched.push(i);
                out.bounds.push(vals.iter().map(|&v| i64::from(v)).sum());
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
        let parts: Vec<Bounds> = std::thread::scope(|s| {
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
        let mut out = Bounds {
            matched: Vec::new(),
            bounds: Vec::new(),
            columns: vec![Vec::new(); reuse.len()],
        };
        for p in parts {
            out.matched.extend(p.matched);
            out.bounds.extend(p.bounds);
            for (col, pc) in out.columns.iter_mut().zip(p.columns) {
                col.extend(pc);
            }
        }
        out
    }

    /// The `want` best (score, index), best first, scoring as few as it can.
    fn best(&self, c: &Compiled, b: &Bounds, want: usize) -> Vec<(i64, u32)> {
        // Sort keys: bound descending, then position (so index) ascending.
        let key = |k: usize, b: i64| ((b.clamp(0, u32::MAX as i64) as u64) << 32) | u64::from(u32::MAX - k as u32);
        let mut keys: Vec<u64> = b.bounds.iter().enumerate().map(|(k, &b)| key(k, b)).collect();
        let mut memo = Memo::new(c, self.entities.len());
        // Min-heap of kept hits by (score, reversed index): the top is the worst.
        let mut heap: BinaryHeap<Reverse<(i64, Reverse<u32>)>> = BinaryHeap::new();
        let mut rest: &mut [u64] = &mut keys;
        let mut batch = want.saturating_mul(4).max(256);
        let mut bounds = vec![0i64; b.columns.len()];
        'outer: while !rest.is_empty() {
            let n = batch.min(rest.len());
            if n < rest.len() {
                rest.select_nth_unstable_by(n - 1, |a, b| b.cmp(a));
            }
            let (head, tail) = std::mem::take(&mut rest).split_at_mut(n);
            head.sort_unstable_by(|a, b| b.cmp(a));
            for &k in head.iter() {
                let (bound, at) = ((k >> 32) as i64, (u32::MAX - (k as u32)) as usize);
                let i = b.matched[at];
                // What the document must beat to be kept.
                let floor = match heap.peek() {
                    Some(Reverse((worst, Reverse(wi)))) if heap.len() >= want => Some((*worst, i < *wi)),
                    _ => None,
                };
                if floor.is_some_and(|(worst, tie)| bound < worst || (bound == worst && !tie)) {
                    break 'outer;
                }
                for (g, col) in b.columns.iter().enumerate() {
                    bounds[g] = i64::from(col[at]);
                }
                if let Some(score) = self.exact_within(c, i as usize, &bounds, floor, &mut memo) {
                    heap.push(Reverse((score, Reverse(i))));
                    if heap.len() > want {
                        heap.pop();
                    }
                }
            }
            rest = tail;
            batch = batch.saturating_mul(2);
        }
        let mut top: Vec<(i64, u32)> = heap.into_iter().map(|Reverse((s, Reverse(i)))| (s, i)).collect();
        top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        top
    }
}
