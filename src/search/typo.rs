//! A misspelling with one letter too many: `westminister` finds
//! "Westminster". (A close match, `quality::close_window`, allows extra
//! letters in the text; this allows one in the term.) Or with one letter
//! wrong: `familiarization` finds "familiarisation".
//!
//! A term of [`MIN_EXTRA`] or more characters matches where a word starts
//! with the term less one of its characters, or with one of them changed
//! (not only in case). Cut the term into two halves
//! ([`Halves`]): the character left out or changed is in one of them, so the other
//! occurs whole. Only where a half occurs is the rest compared, so the
//! search costs two substring scans when nothing is found. The halves hold
//! the first and the last of the term's pieces (`Pattern::needles`), so the
//! engine's cheap check that a strict match is possible stays true.

use memchr::memmem::Finder;

use super::fold::lower_char;
use super::matcher::{char_before, contiguous_score};

/// The fewest characters a term has for a letter of it to be taken as one
/// too many or wrong. Shorter words are one letter away from too many
/// others (`rented`: "renter", "rested"), and at eight characters typing
/// already searches afresh for close matches (a term reaching 4, 8, 12
/// characters, `compile.rs`), so this tier adds no fresh search per key.
pub(crate) const MIN_EXTRA: usize = 8;

/// A term cut in two, ready to search for.
#[derive(Debug, Clone)]
pub(crate) struct Halves {
    chars: Vec<char>,
    /// Characters in the first half.
    split: usize,
    first: Finder<'static>,
    second: Finder<'static>,
}

impl Halves {
    /// `None` under [`MIN_EXTRA`] characters.
    pub fn of(chars: &[char]) -> Option<Halves> {
        if chars.len() < MIN_EXTRA {
            return None;
        }
        let split = chars.len() / 2;
        let first: String = chars[..split].iter().collect();
        let second: String = chars[split..].iter().collect();
        Some(Halves {
            chars: chars.to_vec(),
            split,
            first: Finder::new(first.as_bytes()).into_owned(),
            second: Finder::new(second.as_bytes()).into_owned(),
        })
    }
}

/// Is `short` `full` with exactly one character left out?
fn one_left_out(full: &[char], short: impl Iterator<Item = char>) -> bool {
    let mut skipped = false;
    let mut it = full.iter();
    for c in short {
        let Some(&f) = it.next() else { return false };
        if f != c {
            if skipped || it.next() != Some(&c) {
                return false;
            }
            skipped = true;
        }
    }
    // Every character of `short` placed: one of `full`'s must be left.
    it.count() == usize::from(!skipped)
}

/// Is `other` `full` with exactly one character changed? A change of case
/// alone does not count: a term typed with a capital asked for it (smart
/// case), and matches only where the text has it.
fn one_changed(full: &[char], other: impl Iterator<Item = char>) -> bool {
    let (mut seen, mut changed) = (0, false);
    for (&a, b) in full.iter().zip(other) {
        seen += 1;
        if a != b {
            if changed || lower_char(a) == lower_char(b) {
                return false;
            }
            changed = true;
        }
    }
    seen == full.len() && changed
}

/// The best place a word of `hay` starts with the term less one character
/// (or, as well, with one character of it changed): the fuzzy matcher's
/// score of those characters there, their byte offset and their length
/// in characters.
pub(crate) fn extra_letter(hay: &str, h: &Halves) -> Option<(i64, usize, usize)> {
    let n = h.chars.len();
    let mut best: Option<(i64, usize, usize)> = None;
    let mut offer = |at: usize| {
        let prev = char_before(hay, at);
        let rest = &hay[at..];
        // Where a word starts, as a misspelt word would.
        if prev.is_some_and(char::is_alphanumeric) && rest.chars().next().is_some_and(char::is_alphanumeric) {
            return;
        }
        let len = if one_left_out(&h.chars, rest.chars().take(n - 1)) {
            n - 1
        } else if one_changed(&h.chars, rest.chars().take(n)) {
            n
        } else {
            return;
        };
        let found: String = rest.chars().take(len).collect();
        let s = contiguous_score(prev, &found);
        if best.is_none_or(|(b, _, _)| s > b) {
            best = Some((s, at, len));
        }
    };
    // The character left out (or changed) is in the second half: the
    // first occurs where the match starts.
    for at in h.first.find_iter(hay.as_bytes()) {
        offer(at);
    }
    // In the first half: the second occurs `split - 1` (or `split`)
    // characters in.
    for at in h.second.find_iter(hay.as_bytes()) {
        let mut back = hay[..at].char_indices().rev().map(|(i, _)| i);
        if let Some(start) = back.nth(h.split - 2) {
            offer(start);
            if let Some(start) = back.next() {
                offer(start);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(hay: &str, term: &str) -> Option<usize> {
        let chars: Vec<char> = term.chars().collect();
        extra_letter(hay, &Halves::of(&chars)?).map(|m| m.1)
    }

    #[test]
    fn one_letter_too_many_anywhere_in_the_term() {
        assert_eq!(find("in westminster and", "westminister"), Some(3));
        assert_eq!(find("westminster", "wesstminster"), Some(0));
        assert_eq!(find("westminster", "xwestminster"), Some(0));
        assert_eq!(find("westminster", "westminsterx"), Some(0));
        assert_eq!(find("a recession", "recessiion"), Some(2));
        assert_eq!(find("the renters", "rentters"), Some(4));
        // One letter changed.
        assert_eq!(find("familiarisation visits", "familiarization"), Some(0));
        assert_eq!(find("westminster", "westminxter"), Some(0));
        assert_eq!(find("xwestminster", "westminxter"), None);
        // Only the case changed: smart case asked for it.
        assert_eq!(find("westminster", "Westminster"), None);
        // Two letters too many or changed, or inside a word: no.
        assert_eq!(find("westminster", "westmiinistr"), None);
        assert_eq!(find("westminster", "wextminxter"), None);
        assert_eq!(find("represented", "rresented"), None);
        // Too short to guess at.
        assert_eq!(find("renter", "rennter"), None);
        assert_eq!(find("a rented", "arented"), None);
    }

    #[test]
    fn changing_one_is_exact() {
        let full: Vec<char> = "abcd".chars().collect();
        assert!(one_changed(&full, "abxd".chars()));
        assert!(one_changed(&full, "xbcd".chars()));
        assert!(!one_changed(&full, "abcd".chars()));
        assert!(!one_changed(&full, "abc".chars()));
        assert!(!one_changed(&full, "xbcx".chars()));
        assert!(!one_changed(&full, "abCd".chars()));
    }

    #[test]
    fn leaving_one_out_is_exact() {
        let full: Vec<char> = "abcd".chars().collect();
        assert!(one_left_out(&full, "bcd".chars()));
        assert!(one_left_out(&full, "acd".chars()));
        assert!(one_left_out(&full, "abc".chars()));
        assert!(!one_left_out(&full, "abcd".chars()));
        assert!(!one_left_out(&full, "ab".chars()));
        assert!(!one_left_out(&full, "abd".chars().chain("x".chars())));
        assert!(!one_left_out(&full, "bdc".chars()));
    }
}
