//! The fuzzy matcher: fuzzy-matcher's `SkimMatcherV2` behind one small
//! interface, plus two cheap companions the engine uses to avoid calling it:
//!
//! - [`upper_bound`]: a linear-time bound on the score `SkimMatcherV2` can
//!   give a pattern in a haystack (and whether it matches at all), so that
//!   only the documents that can still reach the top of the list are scored;
//! - [`contiguous_score`]: the score of a contiguous occurrence, used for the
//!   exact, prefix and suffix operators, in the same units.
//!
//! `SkimMatcherV2` keeps a score matrix per thread between calls, and a stale
//! cell of it can nudge the next score (a bonus left by an earlier haystack).
//! To keep scores a function of pattern and haystack alone, so that a search
//! gives the same order however it was reached, every call uses a fresh
//! matcher. Callers bound the haystack (chunks of at most a few hundred
//! characters) so the matrix stays small.
//!
//! Skim's scores (default configuration) in brief: each matched character
//! earns 16; the first one 15 plus its in-place bonus (16 at the start of the
//! haystack, 8 after a space or bracket, 7 after other punctuation, 6 at a
//! camel-case hump); a character right after the previous match earns
//! `max(bonus, 4)` more; one after a gap of `g` earns its in-place bonus minus
//! `3 + g`. So each character after the first earns at most 20, or 24 after
//! a separator in the pattern or at an upper-case letter.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Skim's character classes (mirrored: the crate keeps them private).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

#[inline]
fn char_type(c: char) -> CharType {
    match c {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

/// Skim's in-place bonus of `cur` after `prev` (`None`: start of haystack).
#[inline]
pub(crate) fn in_place(prev: Option<char>, cur: char) -> i64 {
    let Some(prev) = prev else {
        return 16; // head bonus 8, doubled for the first character
    };
    match (char_type(prev), char_type(cur)) {
        (CharType::Empty | CharType::HardSep, _) => 8,
        (CharType::SoftSep, _) => 7,
        (CharType::Lower | CharType::Number, CharType::Upper) => 6,
        _ => 0,
    }
}

/// A folded pattern, ready to match.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub text: String,
    pub chars: Vec<char>,
    pub case_sensitive: bool,
    /// The most the characters after the first can earn.
    tail_bound: i64,
    finder: memchr::memmem::Finder<'static>,
    /// The pattern cut into `n / 4 + 1` pieces when it is four characters
    /// or longer: a close match, with at most `n / 4` characters inserted,
    /// leaves one piece whole (see `quality::strict_needles`).
    pieces: Vec<memchr::memmem::Finder<'static>>,
    /// What the characters after the first earn in a contiguous occurrence.
    tail_score: i64,
    /// The term's stem, when it has one (`stem.rs`).
    pub stem: Option<super::stem::Stem>,
    /// The term in two halves, when it is long enough for a letter of it
    /// to be taken as one too many (`typo.rs`).
    pub halves: Option<super::typo::Halves>,
}

impl Pattern {
    /// `text` is already folded (and lower-cased unless `case_sensitive`).
    pub fn new(text: String, case_sensitive: bool) -> Pattern {
        let chars: Vec<char> = text.chars().collect();
        let tail_bound = chars
            .windows(2)
            .map(|w| {
                let sep = matches!(char_type(w[0]), CharType::HardSep | CharType::SoftSep);
                if sep || char_type(w[1]) == CharType::Upper {
                    24
                } else {
                    20
                }
            })
            .sum();
        let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
        let pieces = if chars.len() >= 4 {
            let k = chars.len() / 4 + 1;
            (0..k)
                .map(|j| {
                    let piece: String = chars[j * chars.len() / k..(j + 1) * chars.len() / k].iter().collect();
                    memchr::memmem::Finder::new(piece.as_bytes()).into_owned()
                })
                .collect()
        } else {
            Vec::new()
        };
        let tail_score = chars.windows(2).map(|w| 16 + in_place(Some(w[0]), w[1]).max(4)).sum();
        let stem = super::stem::Stem::of(&text);
        let halves = super::typo::Halves::of(&chars);
        Pattern {
            text,
            chars,
            case_sensitive,
            tail_bound,
            finder,
            pieces,
            tail_score,
            stem,
            halves,
        }
    }

    /// [`contiguous_score`] of an occurrence of the whole pattern after
    /// `prev`, in constant time.
    #[inline]
    pub fn score_after(&self, prev: Option<char>) -> i64 {
        match self.chars.first() {
            Some(&first) => 15 + in_place(prev, first) + self.tail_score,
            None => 0,
        }
    }

    /// What a strict match implies occurs whole (see
    /// `quality::strict_needles`): the pieces, or the pattern itself
    /// when it has none.
    pub fn needles(&self) -> &[memchr::memmem::Finder<'static>] {
        if self.pieces.is_empty() {
            std::slice::from_ref(&self.finder)
        } else {
            &self.pieces
        }
    }

    /// Byte offsets of every occurrence of the pattern in `hay`.
    pub fn occurrences<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = usize> + 'h {
        self.finder.find_iter(hay.as_bytes())
    }
}

/// The character before byte offset `at` of `hay` (`None` at the start).
#[inline]
pub(crate) fn char_before(hay: &str, at: usize) -> Option<char> {
    match at.checked_sub(1).map(|i| hay.as_bytes()[i]) {
        None => None,
        Some(b) if b.is_ascii() => Some(b as char),
        Some(_) => hay[..at].chars().next_back(),
    }
}

/// Byte offset of the last `c` in `hay[..end]`.
#[inline]
fn rfind(hay: &str, end: usize, c: char) -> Option<usize> {
    if c.is_ascii() {
        memchr::memrchr(c as u8, &hay.as_bytes()[..end])
    } else {
        hay[..end].rfind(c)
    }
}

/// The best fuzzy alignment of `pat` in `hay`: score and the character
/// indices (within `hay`) of the matched characters.
pub(crate) fn fuzzy(hay: &str, pat: &Pattern) -> Option<(i64, Vec<usize>)> {
    let (&first, &last) = (pat.chars.first()?, pat.chars.last()?);
    if pat.chars.len() > hay.len() {
        return None;
    }
    // Only the stretch from the character before the first possible start
    // to the end of the last possible end matters; scores are unchanged
    // (the character before keeps the first match's in-place bonus right).
    let from = find(hay, first)?;
    let to = rfind(hay, hay.len(), last)? + last.len_utf8();
    if to <= from {
        return None;
    }
    let start = char_before(hay, from).map_or(0, |c| from - c.len_utf8());
    let (score, positions) = raw_fuzzy(&hay[start..to], pat)?;
    let offset = if hay.as_bytes()[..start].is_ascii() {
        start
    } else {
        hay[..start].chars().count()
    };
    Some((score, positions.into_iter().map(|p| p + offset).collect()))
}

/// `SkimMatcherV2` itself, fresh for each call.
fn raw_fuzzy(hay: &str, pat: &Pattern) -> Option<(i64, Vec<usize>)> {
    SkimMatcherV2::default().respect_case().fuzzy_indices(hay, &pat.text)
}

/// An upper bound on [`fuzzy`]'s score, in time linear in `hay` (a few
/// memchr scans); `None` exactly when `pat` is not a subsequence of `hay`.
pub(crate) fn upper_bound(hay: &str, pat: &Pattern) -> Option<i64> {
    let (&first, rest) = pat.chars.split_first()?;
    // The latest place a match can start: match the pattern backwards greedily.
    let mut end = hay.len();
    for &c in pat.chars.iter().rev() {
        end = rfind(hay, end, c)?;
    }
    let latest = end;
    // Each start: its own bonus, and what the second character can earn
    // there (right after it, or after the shortest gap it allows).
    let second = rest.first().copied();
    let bound_at = |at: usize| -> i64 {
        let own = 15 + in_place(char_before(hay, at), first);
        let Some(c1) = second else {
            return own;
        };
        let after = at + first.len_utf8();
        let next = &hay[after..];
        if next.starts_with(c1) {
            return own + 16 + in_place(Some(first), c1).max(4);
        }
        let gap = match find(next, c1) {
            Some(i) if next.as_bytes()[..i].is_ascii() => i,
            Some(i) => next[..i].chars().count(),
            None => return i64::MIN,
        };
        own + 21 - gap as i64
    };
    let second_bound = match second {
        Some(c1)
            if matches!(char_type(first), CharType::HardSep | CharType::SoftSep)
                || char_type(c1) == CharType::Upper =>
        {
            24
        }
        Some(_) => 20,
        None => 0,
    };
    let ceiling = 31 + second_bound;
    let mut best = i64::MIN;
    let hay_upto = &hay[..latest + first.len_utf8()];
    if first.is_ascii() {
        for at in memchr::memchr_iter(first as u8, hay_upto.as_bytes()) {
            best = best.max(bound_at(at));
            if best >= ceiling {
                break;
            }
        }
    } else {
        for (at, _) in hay_upto.match_indices(first) {
            best = best.max(bound_at(at));
            if best >= ceiling {
                break;
            }
        }
    }
    Some(best + pat.tail_bound - second_bound)
}

/// Byte offset of the first `c` in `hay`.
#[inline]
fn find(hay: &str, c: char) -> Option<usize> {
    if c.is_ascii() {
        memchr::memchr(c as u8, hay.as_bytes())
    } else {
        hay.find(c)
    }
}

/// The best contiguous occurrence of `pat` in `hay`: its score (a lower
/// bound of [`fuzzy`]'s) and byte offset.
pub(crate) fn best_contiguous(hay: &str, pat: &Pattern) -> Option<(i64, usize)> {
    let mut best: Option<(i64, usize)> = None;
    for at in pat.occurrences(hay) {
        let s = pat.score_after(char_before(hay, at));
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, at));
        }
        if at == 0 {
            break;
        }
    }
    best
}

/// [`fuzzy`], taking the same shortcut: a best alignment and its positions.
pub(crate) fn fuzzy_positions(hay: &str, pat: &Pattern) -> Option<(i64, Vec<usize>)> {
    let bound = upper_bound(hay, pat)?;
    match best_contiguous(hay, pat) {
        Some((s, at)) if s >= bound => {
            let start = hay[..at].chars().count();
            Some((s, (start..start + pat.chars.len()).collect()))
        }
        _ => fuzzy(hay, pat),
    }
}

/// The score of the contiguous occurrence `occ` of a pattern, preceded by
/// `prev` (`None` at the start of the haystack), in [`fuzzy`]'s units.
pub(crate) fn contiguous_score(prev: Option<char>, occ: &str) -> i64 {
    let mut chars = occ.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    let mut score = 15 + in_place(prev, first);
    let mut last = first;
    for c in chars {
        score += 16 + in_place(Some(last), c).max(4);
        last = c;
    }
    score
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pat(s: &str) -> Pattern {
        Pattern::new(s.to_string(), s.chars().any(|c| c.is_uppercase()))
    }

    #[test]
    fn fuzzy_scores_as_skim_does() {
        assert_eq!(fuzzy("par x", &pat("par")), Some((71, vec![0, 1, 2])));
        assert_eq!(fuzzy("a par x", &pat("par")).map(|m| m.0), Some(63));
        assert_eq!(fuzzy("a pxar", &pat("par")).map(|m| m.0), Some(55));
        assert_eq!(fuzzy("a pxar", &pat("pq")), None);
        assert_eq!(fuzzy("", &pat("p")), None);
    }

    #[test]
    fn contiguous_scores_agree_with_skim() {
        for (hay, at, p) in [
            ("par x", 0, "par"),
            ("a par x", 2, "par"),
            ("a-par", 2, "par"),
            ("apar", 1, "par"),
        ] {
            let prev = hay[..at].chars().next_back();
            assert_eq!(
                Some(contiguous_score(prev, p)),
                fuzzy(hay, &pat(p)).map(|m| m.0),
                "{hay}"
            );
        }
    }

    #[test]
    fn bounds_are_tight_on_word_starts() {
        assert_eq!(upper_bound("a par x", &pat("par")), Some(63));
        assert_eq!(upper_bound("par", &pat("par")), Some(71));
        assert_eq!(upper_bound("ap", &pat("pa")), None);
    }

    proptest! {
        #[test]
        fn contiguous_is_a_lower_bound(hay in "[abpr .A1é-]{0,40}", p in "[abpr .A-]{1,4}") {
            let pat = pat(&p);
            prop_assert_eq!(pat.score_after(Some(' ')), contiguous_score(Some(' '), &p));
            prop_assert_eq!(pat.score_after(None), contiguous_score(None, &p));
            if let Some((c, _)) = best_contiguous(&hay, &pat) {
                let exact = fuzzy(&hay, &pat).map(|m| m.0);
                prop_assert!(exact.is_some_and(|e| e >= c), "contiguous {} above score {:?}", c, exact);
                prop_assert_eq!(fuzzy_positions(&hay, &pat).map(|m| m.0), exact);
            }
        }

        #[test]
        fn windowing_changes_nothing(hay in "[abpr .A1é-]{0,40}", p in "[abpr .A-]{1,5}") {
            let pat = pat(&p);
            prop_assert_eq!(fuzzy(&hay, &pat), raw_fuzzy(&hay, &pat));
        }

        #[test]
        fn bound_holds_and_decides_matching(hay in "[abpr .A1é-]{0,40}", p in "[abpr .A-]{1,5}") {
            let pat = pat(&p);
            let exact = fuzzy(&hay, &pat).map(|m| m.0);
            let bound = upper_bound(&hay, &pat);
            prop_assert_eq!(exact.is_some(), bound.is_some());
            if let (Some(e), Some(b)) = (exact, bound) {
                prop_assert!(e <= b, "score {} above bound {}", e, b);
            }
        }
    }
}
