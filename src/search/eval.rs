//! Evaluating a compiled query on one document, in two modes:
//!
//! - [`Mode::Bound`]: decides exactly whether the document matches and gives
//!   an upper bound of its score, using only linear scans (no matrix);
//! - [`Mode::Exact`]: the score itself, calling the fuzzy matcher only on
//!   chunks whose bound could still raise the document's score.
//!
//! Scoring: a text term scores the best of its match in the title (times
//! [`TITLE_WEIGHT`]), in one chunk of the text (times [`TEXT_WEIGHT`]), and
//! in the names of the document's LAs, centre, wards and themes (times
//! [`NAME_WEIGHT`]). An OR group scores its best
//! matching alternative; the document scores the sum over groups. Negated
//! and scoped terms only filter (score 0).

use super::compile::{CFilters, CTerm, Compiled, TextTerm};
use super::field::Field;
use super::index::SearchIndex;
use super::matcher::{char_before, contiguous_score, fuzzy_positions, fuzzy_score, upper_bound};
use super::query::{MatchKind, Scope};

/// What a match counts for, by where it is: a title match counts twice a
/// text match of the same quality (so ranks above it), and a text match
/// twice a match on a name (an LA, centre, ward or theme the document is
/// tagged with).
pub const TITLE_WEIGHT: i64 = 4;
/// See [`TITLE_WEIGHT`].
pub const TEXT_WEIGHT: i64 = 2;
/// See [`TITLE_WEIGHT`].
pub const NAME_WEIGHT: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Bound,
    Exact,
}

/// Per-query memo of exact fuzzy scores of entity names, by term slot.
pub(crate) struct Memo(Vec<Vec<i64>>);

const UNKNOWN: i64 = i64::MIN;

impl Memo {
    pub fn new(c: &Compiled, entities: usize) -> Memo {
        Memo((0..c.slots).map(|_| vec![UNKNOWN; entities]).collect())
    }
}

/// The best occurrence of a non-fuzzy term in `hay`: its score and byte
/// offset. Prefix, suffix and equal look at each line (spaces at the ends
/// ignored); fuzzy terms never come here.
pub(crate) fn literal(hay: &str, pat: &super::matcher::Pattern, kind: MatchKind) -> Option<(i64, usize)> {
    let p = pat.text.as_str();
    let mut best: Option<(i64, usize)> = None;
    let mut offer = |score: i64, at: usize| {
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, at));
        }
    };
    match kind {
        MatchKind::Fuzzy | MatchKind::Exact | MatchKind::WordExact => {
            for at in pat.occurrences(hay) {
                let prev = char_before(hay, at);
                if kind == MatchKind::WordExact {
                    let next = hay[at + p.len()..].chars().next();
                    if prev.is_some_and(char::is_alphanumeric) || next.is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                }
                offer(contiguous_score(prev, p), at);
            }
        }
        MatchKind::Prefix | MatchKind::Suffix | MatchKind::Equal => {
            let mut start = 0;
            for line in hay.split('\n') {
                let lead = line.len() - line.trim_start().len();
                let body = line.trim();
                let at = start + lead;
                match kind {
                    MatchKind::Prefix if body.starts_with(p) => offer(contiguous_score(None, p), at),
                    MatchKind::Equal if body == p => offer(contiguous_score(None, p), at),
                    MatchKind::Suffix if body.ends_with(p) => {
                        let at = at + body.len() - p.len();
                        offer(contiguous_score(hay[start + lead..at].chars().next_back(), p), at)
                    }
                    _ => {}
                }
                start += line.len() + 1;
            }
        }
    }
    best
}

impl SearchIndex {
    /// Does document `i` pass the filters?
    pub(crate) fn passes(&self, f: &CFilters, i: usize) -> bool {
        let p = &self.prepared[i];
        let any = |set: &Option<Vec<bool>>, ids: &[u32]| match set {
            None => true,
            Some(s) => ids.iter().any(|&e| s[e as usize]),
        };
        any(&f.las, self.las(p))
            && any(&f.themes, self.themes(p))
            && any(&f.centres, self.centre(p))
            && f.kinds.as_ref().is_none_or(|k| k.contains(&p.kind))
    }

    /// Document `i`'s exact score, given each group's bound, or `None` as
    /// soon as it cannot beat `floor` (a score, and whether a tie would do).
    pub(crate) fn exact_within(
        &self,
        c: &Compiled,
        i: usize,
        bounds: &[i64],
        floor: Option<(i64, bool)>,
        memo: &mut Memo,
    ) -> Option<i64> {
        let mut total = 0;
        let mut rest: i64 = bounds.iter().sum();
        for (g, bound) in c.groups.iter().zip(bounds) {
            rest -= bound;
            total += self.group(g.alts.as_slice(), i, Mode::Exact, &mut Some(&mut *memo))?.0;
            let best = total + rest;
            if floor.is_some_and(|(worst, tie)| best < worst || (best == worst && !tie)) {
                return None;
            }
        }
        Some(total)
    }

    /// A group's score and the index of its best alternative.
    pub(crate) fn group(
        &self,
        alts: &[Vec<CTerm>],
        i: usize,
        mode: Mode,
        memo: &mut Option<&mut Memo>,
    ) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        for (a, conj) in alts.iter().enumerate() {
            let score: Option<i64> = conj.iter().map(|t| self.term(t, i, mode, memo)).sum();
            if let Some(s) = score
                && best.is_none_or(|(b, _)| s > b)
            {
                best = Some((s, a));
            }
        }
        best
    }

    fn term(&self, t: &CTerm, i: usize, mode: Mode, memo: &mut Option<&mut Memo>) -> Option<i64> {
        let p = &self.prepared[i];
        match t {
            CTerm::Always => Some(0),
            CTerm::Scope {
                scope,
                negated,
                entities,
                kinds,
            } => {
                let hit = match scope {
                    Scope::Kind => {
                        let k = p.kind;
                        crate::dataset::Kind::ALL
                            .iter()
                            .position(|&x| x == k)
                            .is_some_and(|at| kinds[at])
                    }
                    Scope::La => self.las(p).iter().any(|&e| entities[e as usize]),
                    Scope::Theme => self.themes(p).iter().any(|&e| entities[e as usize]),
                    Scope::Centre => self.centre(p).iter().any(|&e| entities[e as usize]),
                    Scope::Ward => self.wards(p).iter().any(|&e| entities[e as usize]),
                };
                (hit != *negated).then_some(0)
            }
            CTerm::Text(t) if t.negated => {
                let cs = t.pat.case_sensitive;
                let found = literal(self.arena.hay(&p.title, cs), &t.pat, t.kind).is_some()
                    || literal(self.arena.hay(&p.text, cs), &t.pat, t.kind).is_some()
                    || self.entities_of(p).iter().any(|&e| t.meta[e as usize] > 0);
                (!found).then_some(0)
            }
            CTerm::Text(t) => self.text_term(t, i, mode, memo),
        }
    }

    fn text_term(&self, t: &TextTerm, i: usize, mode: Mode, memo: &mut Option<&mut Memo>) -> Option<i64> {
        let p = &self.prepared[i];
        let cs = t.pat.case_sensitive;
        let mut best: Option<i64> = None;
        let offer = |best: &mut Option<i64>, s: i64| *best = Some(best.map_or(s, |b| b.max(s)));
        for &e in self.entities_of(p) {
            let bound = t.meta[e as usize];
            if bound < 0 {
                continue;
            }
            match (t.kind, mode, memo.as_deref_mut()) {
                (MatchKind::Fuzzy, Mode::Exact, Some(m)) => {
                    let slot = &mut m.0[t.slot][e as usize];
                    if *slot == UNKNOWN {
                        *slot = self.entity_score(t, e).unwrap_or(-1);
                    }
                    if *slot >= 0 {
                        offer(&mut best, *slot * NAME_WEIGHT);
                    }
                }
                (MatchKind::Fuzzy, Mode::Exact, None) => {
                    offer(&mut best, self.entity_score(t, e).unwrap_or(bound) * NAME_WEIGHT)
                }
                _ => offer(&mut best, bound * NAME_WEIGHT),
            }
        }
        if t.kind != MatchKind::Fuzzy {
            for (field, w) in [(&p.title, TITLE_WEIGHT), (&p.text, TEXT_WEIGHT)] {
                if let Some((s, _)) = literal(self.arena.hay(field, cs), &t.pat, t.kind) {
                    offer(&mut best, s * w);
                }
            }
            return best;
        }
        // Bounds of every chunk of the title (weighted) and the text.
        let mut chunks: Vec<(i64, i64, &str)> = Vec::new();
        // (Bounding: skip what cannot raise the best so far; a chunk scores
        // at most `max`, the pattern at its very start.)
        let max = t.pat.max_score();
        for (field, w) in [(&p.title, TITLE_WEIGHT), (&p.text, TEXT_WEIGHT)] {
            for chunk in self.arena.chunks(field) {
                if mode == Mode::Bound && best.is_some_and(|b| b >= max * w) {
                    break;
                }
                let hay = self.arena.chunk(chunk, cs);
                if let Some(bound) = upper_bound(hay, &t.pat) {
                    if mode == Mode::Bound {
                        offer(&mut best, bound * w);
                    } else {
                        chunks.push((bound * w, w, hay));
                    }
                }
            }
        }
        if mode == Mode::Exact {
            // Best bound first; stop when no chunk left can do better.
            chunks.sort_by_key(|c| std::cmp::Reverse(c.0));
            for (wbound, w, hay) in chunks {
                if best.is_some_and(|b| b >= wbound) {
                    break;
                }
                if let Some(s) = fuzzy_score(hay, &t.pat, wbound / w) {
                    offer(&mut best, s * w);
                }
            }
        }
        best
    }

    /// Exact fuzzy score of an entity's best name.
    fn entity_score(&self, t: &TextTerm, e: u32) -> Option<i64> {
        let ent = &self.entities[e as usize];
        let names = ent
            .folded
            .iter()
            .zip(&ent.names)
            .map(|(f, n)| f.variant(n, t.pat.case_sensitive));
        names
            .filter_map(|hay| fuzzy_score(hay, &t.pat, upper_bound(hay, &t.pat)?))
            .max()
    }

    /// Where a positive text term matches a field best: score and folded
    /// character positions (for highlighting).
    pub(crate) fn positions(&self, t: &TextTerm, field: &Field) -> Option<(i64, Vec<usize>)> {
        let cs = t.pat.case_sensitive;
        if t.kind != MatchKind::Fuzzy {
            let hay = self.arena.hay(field, cs);
            let (s, at) = literal(hay, &t.pat, t.kind)?;
            let start = hay[..at].chars().count();
            return Some((s, (start..start + t.pat.chars.len()).collect()));
        }
        let mut best: Option<(i64, Vec<usize>)> = None;
        for chunk in self.arena.chunks(field) {
            let hay = self.arena.chunk(chunk, cs);
            if upper_bound(hay, &t.pat).is_none_or(|b| best.as_ref().is_some_and(|(s, _)| *s >= b)) {
                continue;
            }
            if let Some((s, pos)) = fuzzy_positions(hay, &t.pat)
                && best.as_ref().is_none_or(|(b, _)| s > *b)
            {
                let base = chunk.chars.0 as usize;
                best = Some((s, pos.into_iter().map(|p| p + base).collect()));
            }
        }
        best
    }
}
