//! Evaluating a compiled query on one document: whether it matches, and
//! how well each group matched, packed into one number ([`pack`]) that
//! orders as the ranking does.
//!
//! A positive text term's value is its best match over the document's
//! title, text and tagged names (LAs, centre, wards, themes), compared by
//! **quality first** ([`Quality`]: whole word, part of a word, word of the
//! same stem, close misspelling, loose), **then field** (title above text above names), then
//! the fuzzy matcher's score (the full order is [`RANKS`]). So a title match
//! ranks above the same-quality match in the text, and a loose title match
//! never above a whole word in the text. Loose matches are looked for only when nothing better is found.
//! An OR group takes its best alternative; an alternative of several terms
//! (a glossary expansion) counts as its weakest term. Negated and scoped
//! terms only filter.

use super::compile::{CFilters, CTerm, TextTerm};
use super::field::Field;
use super::index::SearchIndex;
use super::matcher::{Pattern, char_before, contiguous_score};
use super::quality::{Quality, best_match, close_match, is_word_at, loose};
use super::query::{MatchKind, Scope};
use super::words::Graded;

/// Where a match is, as ranked within one quality: title above text above
/// the names a document is tagged with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Name = 0,
    Text = 1,
    Title = 2,
}

const SCORE_BITS: u32 = 24;
const SCORE_MAX: i64 = (1 << SCORE_BITS) - 1;

/// Every (quality, place), best first: the order matches rank in. A name
/// a document is tagged with (its LA, centre, wards, themes) ranks below
/// anything found in the document's own title or text but loose matches:
/// the words a passage uses are better evidence than how it was coded.
const RANKS: [(Quality, Place); 15] = [
    (Quality::Word, Place::Title),
    (Quality::Word, Place::Text),
    (Quality::Part, Place::Title),
    (Quality::Part, Place::Text),
    (Quality::Stem, Place::Title),
    (Quality::Stem, Place::Text),
    (Quality::Close, Place::Title),
    (Quality::Close, Place::Text),
    (Quality::Word, Place::Name),
    (Quality::Part, Place::Name),
    (Quality::Stem, Place::Name),
    (Quality::Close, Place::Name),
    (Quality::Loose, Place::Title),
    (Quality::Loose, Place::Text),
    (Quality::Loose, Place::Name),
];

/// The rank of a (quality, place): 15 for the best, 1 for the worst.
pub(crate) fn rank(q: Quality, place: Place) -> u32 {
    let at = RANKS.iter().position(|&r| r == (q, place)).unwrap_or(RANKS.len() - 1);
    (RANKS.len() - at) as u32
}

/// A match as one number: its rank ([`RANKS`]), then score (clamped).
pub(crate) fn pack(q: Quality, place: Place, score: i64) -> i32 {
    ((rank(q, place) as i32) << SCORE_BITS) | score.clamp(0, SCORE_MAX) as i32
}

/// A packed value moved to another place, quality and score kept.
pub(crate) fn at_place(v: i32, place: Place) -> i32 {
    let (q, _, score) = unpack(v);
    pack(q, place, score)
}

/// The parts of a packed value.
pub(crate) fn unpack(v: i32) -> (Quality, Place, i64) {
    let r = ((v >> SCORE_BITS) as usize).clamp(1, RANKS.len());
    let (q, place) = RANKS[RANKS.len() - r];
    (q, place, i64::from(v) & SCORE_MAX)
}

/// An anchored operator's match is a word; an exact one (`'x`) a word or a part.
fn literal_quality(hay: &str, pat: &Pattern, kind: MatchKind, at: usize) -> Quality {
    if kind != MatchKind::Exact {
        return Quality::Word;
    }
    if is_word_at(hay, pat, at) {
        Quality::Word
    } else {
        Quality::Part
    }
}

/// The best occurrence of a non-fuzzy term in `hay`: quality, score and
/// byte offset. Prefix, suffix and equal look at each line (spaces at the
/// ends ignored); fuzzy terms never come here.
pub(crate) fn literal(hay: &str, pat: &Pattern, kind: MatchKind) -> Option<(Quality, i64, usize)> {
    let p = pat.text.as_str();
    let mut best: Option<(Quality, i64, usize)> = None;
    let mut offer = |q: Quality, score: i64, at: usize| {
        if best.is_none_or(|(bq, s, _)| (q, score) > (bq, s)) {
            best = Some((q, score, at));
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
                offer(literal_quality(hay, pat, kind, at), pat.score_after(prev), at);
            }
        }
        MatchKind::Prefix | MatchKind::Suffix | MatchKind::Equal => {
            let mut start = 0;
            for line in hay.split('\n') {
                let lead = line.len() - line.trim_start().len();
                let body = line.trim();
                let at = start + lead;
                match kind {
                    MatchKind::Prefix if body.starts_with(p) => offer(Quality::Word, contiguous_score(None, p), at),
                    MatchKind::Equal if body == p => offer(Quality::Word, contiguous_score(None, p), at),
                    MatchKind::Suffix if body.ends_with(p) => {
                        let at = at + body.len() - p.len();
                        offer(
                            Quality::Word,
                            contiguous_score(hay[start + lead..at].chars().next_back(), p),
                            at,
                        )
                    }
                    _ => {}
                }
                start += line.len() + 1;
            }
        }
    }
    best
}

/// A positive term's best packed value in one haystack (a field or a
/// name), not counting loose matches.
pub(crate) fn value_in(hay: &str, t: &TextTerm, place: Place) -> Option<i32> {
    if t.kind == MatchKind::Fuzzy {
        best_match(hay, &t.pat, false).map(|f| pack(f.quality, place, f.score))
    } else {
        literal(hay, &t.pat, t.kind).map(|(q, s, _)| pack(q, place, s))
    }
}

impl SearchIndex {
    /// Does document `i` pass the filters?
    pub(crate) fn passes(&self, f: &CFilters, i: usize) -> bool {
        if f.las.is_none() && f.themes.is_none() && f.centres.is_none() && f.kinds.is_none() && f.sources.is_none() {
            return true;
        }
        let p = &self.prepared[i];
        let any = |set: &Option<Vec<bool>>, ids: &[u32]| match set {
            None => true,
            Some(s) => ids.iter().any(|&e| s[e as usize]),
        };
        any(&f.las, self.las(p))
            && any(&f.themes, self.themes(p))
            && any(&f.centres, self.centre(p))
            && f.kinds.as_ref().is_none_or(|k| k.contains(&p.kind))
            && f.sources.as_ref().is_none_or(|s| p.doc.is_some_and(|d| s.contains(&d)))
    }

    /// A group's packed value and the index of its best alternative. A
    /// value of 0 means the group only filters (scopes, negations). When
    /// `strict`, loose matches count as no match: the group's value is the
    /// same as without `strict` whenever that value is not loose.
    pub(crate) fn group(&self, alts: &[Vec<CTerm>], i: usize, strict: bool) -> Option<(i32, usize)> {
        let mut best: Option<(i32, usize)> = None;
        'alt: for (a, conj) in alts.iter().enumerate() {
            // The weakest scoring term decides; the others' scores add up.
            let mut weakest: Option<i32> = None;
            let mut extra: i64 = 0;
            for t in conj {
                let Some(v) = self.term(t, i, strict) else {
                    continue 'alt;
                };
                if v == 0 {
                    continue;
                }
                weakest = Some(match weakest {
                    None => v,
                    Some(w) => {
                        extra += unpack(w.max(v)).2;
                        w.min(v)
                    }
                });
            }
            let v = match weakest {
                Some(w) if extra > 0 => {
                    let (q, place, s) = unpack(w);
                    pack(q, place, s + extra)
                }
                Some(w) => w,
                None => 0,
            };
            if best.is_none_or(|(b, _)| v > b) {
                best = Some((v, a));
            }
        }
        best
    }

    /// A term's packed value (0 for filtering terms), or `None` when it
    /// does not match.
    fn term(&self, t: &CTerm, i: usize, strict: bool) -> Option<i32> {
        let p = &self.prepared[i];
        match t {
            CTerm::Always => Some(0),
            CTerm::Scope {
                scope,
                negated,
                entities,
                kinds,
                docs,
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
                    Scope::Source => p.doc.is_some_and(|d| {
                        crate::dataset::Document::ALL
                            .iter()
                            .position(|&x| x == d)
                            .is_some_and(|at| docs[at])
                    }),
                };
                (hit != *negated).then_some(0)
            }
            CTerm::Text(t) if t.negated => {
                let cs = t.pat.case_sensitive;
                let in_field = |f: &Field| {
                    t.held
                        .as_ref()
                        .is_none_or(|held| self.arena.words().holds(f.words, held))
                        && literal(self.arena.hay(f, cs), &t.pat, t.kind).is_some()
                };
                let found = in_field(&p.title)
                    || in_field(&p.text)
                    || self.entities_of(p).iter().any(|&e| t.meta[e as usize] > 0);
                (!found).then_some(0)
            }
            CTerm::Text(t) => self.text_term(t, i, strict),
        }
    }

    /// A positive text term's best value in document `i`; when `strict`,
    /// loose matches (on names too) are not looked for.
    fn text_term(&self, t: &TextTerm, i: usize, strict: bool) -> Option<i32> {
        let h = &self.hot[i];
        let cs = t.pat.case_sensitive;
        let mut best: Option<i32> = None;
        let offer = |best: &mut Option<i32>, v: i32| *best = Some(best.map_or(v, |b| b.max(v)));
        let loose_name = pack(Quality::Loose, Place::Title, SCORE_MAX);
        for &e in self.hot_entities(h) {
            let v = t.meta[e as usize];
            if v >= 0 && !(strict && v <= loose_name) {
                offer(&mut best, v);
            }
        }
        let title_word = pack(Quality::Word, Place::Title, 0);
        for (words, place) in [(h.title, Place::Title), (h.text, Place::Text)] {
            if best.is_some_and(|b| b >= pack(Quality::Word, place, 0)) {
                break; // nothing here or after can do better
            }
            if let Some(v) = self.field_value(t, i, words, place) {
                offer(&mut best, v);
            }
            if best.is_some_and(|b| b >= title_word) {
                return best;
            }
        }
        if strict || t.kind != MatchKind::Fuzzy || best.is_some_and(|b| unpack(b).0 > Quality::Loose) {
            return best;
        }
        // Loose: the letters in order within one chunk (about a sentence).
        let p = &self.prepared[i];
        for (field, place) in [(&p.title, Place::Title), (&p.text, Place::Text)] {
            for chunk in self.arena.chunks(field).iter().filter(|c| t.letters & !c.letters == 0) {
                if let Some(s) = loose(self.arena.chunk(chunk, cs), &t.pat) {
                    offer(&mut best, pack(Quality::Loose, place, s));
                }
            }
        }
        best
    }

    /// A positive term's best value in one field, not counting loose
    /// matches: from its words' grades when it has them (`words.rs`), the
    /// whole field graded only when a close match is all it can hold.
    /// The field is document `i`'s title or text (`place`), whose words
    /// are `words`; its text is only read when the words cannot tell.
    fn field_value(&self, t: &TextTerm, i: usize, words: (u32, u32), place: Place) -> Option<i32> {
        let hay = || {
            let p = &self.prepared[i];
            let field: &Field = if place == Place::Title { &p.title } else { &p.text };
            self.arena.hay(field, t.pat.case_sensitive)
        };
        let Some(grades) = &t.words else {
            if t.held
                .as_ref()
                .is_some_and(|held| !self.arena.words().holds(words, held))
            {
                return None;
            }
            return value_in(hay(), t, place);
        };
        match self.arena.words().field(words, grades, &t.pat) {
            Graded::None => None,
            Graded::Match(v) => Some(at_place(v, place)),
            // No word of the field holds the term or its stem, and a close
            // match may be there: grade the whole field for one.
            Graded::Look => close_match(hay(), &t.pat, false).map(|f| pack(f.quality, place, f.score)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_orders_quality_then_place_then_score() {
        let loose_title = pack(Quality::Loose, Place::Title, 900);
        let word_text = pack(Quality::Word, Place::Text, 1);
        assert!(word_text > loose_title);
        assert!(pack(Quality::Word, Place::Title, 0) > pack(Quality::Word, Place::Text, 900));
        assert!(pack(Quality::Part, Place::Name, 20) > pack(Quality::Part, Place::Name, 19));
        // A tag's whole word: below a close match in the passage's own
        // words, above any loose match.
        assert!(pack(Quality::Close, Place::Text, 0) > pack(Quality::Word, Place::Name, 99));
        assert!(pack(Quality::Word, Place::Name, 0) > pack(Quality::Loose, Place::Title, 99));
        for q in [Quality::Word, Quality::Part, Quality::Close, Quality::Loose] {
            for p in [Place::Title, Place::Text, Place::Name] {
                assert_eq!(unpack(pack(q, p, 7)), (q, p, 7));
            }
        }
        assert_eq!(unpack(word_text), (Quality::Word, Place::Text, 1));
        assert_eq!(unpack(loose_title), (Quality::Loose, Place::Title, 900));
    }
}
