//! Grading one distinct word for a term (`words.rs`): its word, part or
//! stem match, else the flags that say whether a close match may be in it
//! or start in it and run on into the next word.

use super::eval::{Place, pack};
use super::matcher::Pattern;
use super::quality::{Quality, close_span, close_window, contiguous};
use super::stem::stem_match;
use super::typo::extra_letter;
use super::words::Flags;

/// Does `pat` have close tiers at all (letters left out, from four
/// characters; one too many or changed, from eight)?
pub(crate) fn has_close_tier(pat: &Pattern) -> bool {
    close_span(pat.chars.len()) > pat.chars.len() || pat.halves.is_some()
}

/// One word's grade: as `quality::best_match` grades a field, down to
/// stems; then its [`Flags`] (`close`: whether the term has close tiers).
pub(crate) fn grade_word(word: &str, pat: &Pattern, close: bool) -> i32 {
    if let Some((q, score, _)) = contiguous(word, pat) {
        return pack(q, Place::Text, score);
    }
    if let Some(stem) = &pat.stem
        && let Some((score, _)) = stem_match(word, stem)
    {
        return pack(Quality::Stem, Place::Text, score);
    }
    let holds_close = close
        && (close_window(word, pat).is_some() || pat.halves.as_ref().is_some_and(|h| extra_letter(word, h).is_some()));
    Flags::PIECE | if holds_close { Flags::CLOSE } else { 0 }
}

/// May a close match start in `word` and run on past its end? Either the
/// letters left out kind: from an occurrence of the term's first letter,
/// the letters found in order by the word's end, plus a space, plus one
/// character for each letter still wanted, fit the span a close match may
/// cover (`quality::close_span`). Or a letter changed into the space after
/// the word (`typo.rs`): the word ends with a start of the term.
pub(crate) fn runs_on(word: &str, pat: &Pattern) -> bool {
    let term = &pat.chars;
    let n = term.len();
    let max = close_span(n);
    // A walk from further back than `max` characters from the end stops
    // inside the word.
    let tail = word.char_indices().rev().nth(max - 1).map_or(0, |(at, _)| at);
    let from_first = word[tail..]
        .char_indices()
        .filter(|&(_, c)| c == term[0])
        .any(|(p, c)| {
            let (mut want, mut span) = (1, 1);
            for c in word[tail + p + c.len_utf8()..].chars() {
                if span >= max {
                    break;
                }
                span += 1;
                if want < n && c == term[want] {
                    want += 1;
                }
            }
            want < n && span + 1 + (n - want) <= max
        });
    from_first
        || (pat.halves.is_some() && (1..n).any(|c| word.chars().rev().take(c).eq(term[..c].iter().rev().copied())))
}
