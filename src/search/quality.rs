//! How well a term matched a piece of text: the first thing hits are
//! ranked by, before where the match is.
//!
//! Five qualities, best first ([`Quality`]):
//!
//! 1. **Word**: the term occurs as a whole word (`transport` in "transport
//!    costs"), allowing a plural or possessive ending (`crèche` in
//!    "crèches", `parent` in "parent's", `buddy` in "buddies";
//!    [`word_end`]); the operators that
//!    anchor a term (`'x'`, `^x`, `x$`, `^x$`) count as this too.
//! 2. **Part**: the term occurs as it was typed, as a word's start or inside
//!    a word (`volunt` in "volunteering").
//! 3. **Stem**: a whole word of the term's family: the term's stem
//!    (`stem.rs`: a light English suffix stemmer, stems of four letters or
//!    more) starts a word that goes on only with an ending such as `-ed`,
//!    `-ing`, `-ment`, `-er`, `-s` (`self-employment` in "self-employed",
//!    `rented` in "renting"). Below a part: the word the evaluator typed,
//!    even inside another, is better evidence than another form of it.
//!    Above a close match: a word of the same family is what the
//!    evaluator meant, whereas a close match is a guess at a misspelling.
//! 4. **Close**: a close misspelling, either of two kinds. The term's
//!    letters in order within a span at most a quarter longer than the
//!    term ([`close_span`]): letters left out of the term, such as
//!    `wheatshef` for "Wheatsheaf" or `creditunion` for "credit union";
//!    terms under four characters have none. Or, for terms of eight
//!    characters or more (`typo.rs`), one letter too many or one wrong: a
//!    word starts with the term less one character (`westminister` for
//!    "Westminster") or with one character changed (`familiarization`
//!    for "familiarisation"; a change of case alone does not count).
//! 5. **Loose**: the letters in order anywhere within one chunk of text
//!    (about a sentence): the scattered subsequence fuzzy matchers accept.
//!    Loose matches are kept apart from the others (counted separately and
//!    listed after them) because on prose they are mostly noise.
//!
//! Within one quality a match is scored in the fuzzy matcher's units (a
//! start of word or text scores more), so ties break the way fzf would.
//!
//! Every match better than loose (a *strict* match) leaves one of a few
//! substrings of the term whole in the field ([`strict_needles`]), so a
//! field without any of them needs no closer look.

use std::ops::Range;

use memchr::memmem::Finder;

use super::matcher::{Pattern, char_before, contiguous_score, fuzzy, in_place, upper_bound};
use super::stem::stem_match;
use super::typo::extra_letter;
use super::words::{Held, Words};

/// How well a term matched, worst first (so `Ord` ranks them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quality {
    /// Letters in order, scattered within a sentence.
    Loose = 1,
    /// Letters in order within a short span, or one letter too many in
    /// the term: a close misspelling.
    Close = 2,
    /// A whole word of the term's family (a shared stem).
    Stem = 3,
    /// The term as typed, at a word's start or inside a word.
    Part = 4,
    /// The term as a whole word (or an anchored operator's match).
    Word = 5,
}

impl Quality {
    pub(crate) fn from_bits(b: u32) -> Quality {
        match b {
            5 => Quality::Word,
            4 => Quality::Part,
            3 => Quality::Stem,
            2 => Quality::Close,
            _ => Quality::Loose,
        }
    }

    /// The name used in JSON and the README.
    pub fn as_str(self) -> &'static str {
        match self {
            Quality::Word => "word",
            Quality::Part => "part",
            Quality::Stem => "stem",
            Quality::Close => "close",
            Quality::Loose => "loose",
        }
    }

    /// Loose matches are listed apart from the others.
    pub fn is_loose(self) -> bool {
        self == Quality::Loose
    }
}

/// A term's best match in one haystack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub quality: Quality,
    /// Score within the quality (fuzzy-matcher units).
    pub score: i64,
    /// Character positions in the haystack, when asked for.
    pub positions: Vec<usize>,
}

/// The longest span, in characters, a close match of an `n`-character term
/// may cover: a quarter longer than the term. Under four characters, no
/// longer than the term itself (so only contiguous matches count).
pub(crate) fn close_span(n: usize) -> usize {
    n + n / 4
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Does the word end at the start of `rest`, allowing a plural or
/// possessive ending (`s`, `es`, `'s`, `s'`)?
pub(crate) fn word_end(rest: &str) -> bool {
    ["", "s", "es", "'s", "s'"].iter().any(|end| {
        rest.strip_prefix(end)
            .is_some_and(|after| !is_word_char(after.chars().next()))
    })
}

/// Is the occurrence of `pat` at byte `at` of `hay` a whole word?
pub(crate) fn is_word_at(hay: &str, pat: &Pattern, at: usize) -> bool {
    let starts = !pat.chars.first().is_some_and(|c| c.is_alphanumeric()) || !is_word_char(char_before(hay, at));
    let rest = &hay[at + pat.text.len()..];
    let ends = !pat.chars.last().is_some_and(|c| c.is_alphanumeric()) || word_end(rest);
    starts && ends
}

/// The best contiguous occurrence of `pat` in `hay`: whole-word ones first,
/// then by score; with its byte offset.
pub(crate) fn contiguous(hay: &str, pat: &Pattern) -> Option<(Quality, i64, usize)> {
    let mut best: Option<(Quality, i64, usize)> = None;
    let first_alnum = pat.chars.first().is_some_and(|c| c.is_alphanumeric());
    for at in pat.occurrences(hay) {
        let prev = char_before(hay, at);
        if first_alnum && is_word_char(prev) {
            // Inside a word (most occurrences of a short term): a part.
            let s = pat.score_after(prev);
            if best.is_none_or(|(bq, bs, _)| (Quality::Part, s) > (bq, bs)) {
                best = Some((Quality::Part, s, at));
            }
            continue;
        }
        let q = if is_word_at(hay, pat, at) {
            Quality::Word
        } else {
            Quality::Part
        };
        let s = pat.score_after(prev);
        if best.is_none_or(|(bq, bs, _)| (q, s) > (bq, bs)) {
            best = Some((q, s, at));
        }
        // A whole word at the start, or after a space, scores the most any
        // occurrence from here on can.
        if q == Quality::Word && (prev.is_none() || in_place(prev, pat.chars[0]) >= in_place(Some(' '), 'a')) {
            break;
        }
    }
    // Always looked at, so that a field's best is its words' best
    // (`words.rs`): a `-ies` word may score more than the term as a word.
    if let Some(y) = y_plural(hay, pat)
        && best.is_none_or(|b| (y.0, y.1) > (b.0, b.1))
    {
        best = Some(y);
    }
    best
}

/// A term ending in `y` found as a word ending in `ies` or `ied`
/// (`buddy` in "buddies", `disability` in "disabilities"): the best
/// scoring such word, the first of equals.
fn y_plural(hay: &str, pat: &Pattern) -> Option<(Quality, i64, usize)> {
    let stem = pat.text.strip_suffix('y').filter(|s| s.chars().count() >= 3)?;
    let first_word = stem.chars().next().is_some_and(char::is_alphanumeric);
    memchr::memmem::find_iter(hay.as_bytes(), stem.as_bytes())
        .filter(|&at| !(first_word && is_word_char(char_before(hay, at))))
        .filter(|&at| {
            let rest = &hay[at + stem.len()..];
            ["ies", "ied"]
                .iter()
                .any(|e| rest.strip_prefix(e).is_some_and(|r| !is_word_char(r.chars().next())))
        })
        .map(|at| (Quality::Word, contiguous_score(char_before(hay, at), stem), at))
        .fold(
            None,
            |best: Option<(Quality, i64, usize)>, y| {
                if best.is_none_or(|b| y.1 > b.1) { Some(y) } else { best }
            },
        )
}

/// What a strict match (word, part, stem or close) of `pat` in a field
/// implies: **one of these substrings of the term occurs whole in the
/// field**. A field holding none of them matches at most loosely, so a
/// search may skip it for the strict tiers (the matcher itself does,
/// [`best_match`]), and a pre-filter over many documents may too.
///
/// They are the term's pieces (`Pattern::needles`): the term cut into
/// `n / 4 + 1` consecutive pieces when it has `n >= 4` characters, or the
/// whole term when shorter. Why each strict quality leaves one whole:
///
/// - word and part (and the `-ies` form of a `y` term): the term, or all
///   of it but the final `y`, occurs, and with it every piece but maybe
///   the last (there are two or more);
/// - close, letters left out of the term ([`close_window`]): at most
///   `n / 4` characters are inserted among the term's, so of the
///   `n / 4 + 1` pieces one is left without an insertion, whole;
/// - stem (`stem.rs`): the stem, a start of the term of four letters or
///   more, occurs, and the first piece is shorter than four characters;
/// - close, one letter too many or changed (`typo.rs`): the character
///   left out or changed is in one half of the term, so the other half
///   occurs whole; the first half holds the first piece and the second
///   half the last.
///
/// Terms of fewer than four characters have only word and part matches.
pub(crate) fn strict_needles(pat: &Pattern) -> &[Finder<'static>] {
    pat.needles()
}

/// Can `pat` match `hay` strictly at all ([`strict_needles`])?
pub(crate) fn may_match_strictly(hay: &str, pat: &Pattern) -> bool {
    strict_needles(pat).iter().any(|p| p.find(hay.as_bytes()).is_some())
}

/// The shortest stretch of `hay` holding the pattern's characters in order,
/// if it spans at most [`close_span`] characters: (start byte, end byte).
/// The caller has checked [`may_match_strictly`].
pub(crate) fn close_window(hay: &str, pat: &Pattern) -> Option<(usize, usize)> {
    let n = pat.chars.len();
    let max = close_span(n);
    if n < 4 || max <= n {
        return None;
    }
    let first = pat.chars[0];
    let bytes = hay.as_bytes();
    let mut best: Option<(usize, usize, usize)> = None; // (span, start, end)
    let mut try_from = |at: usize| {
        let mut want = 1;
        let mut span = 1;
        let mut end = at + first.len_utf8();
        while want < n && span < max {
            // ASCII (most text) without decoding; anything else as a char.
            let Some(&b) = bytes.get(end) else { break };
            let c = if b.is_ascii() {
                b as char
            } else {
                match hay[end..].chars().next() {
                    Some(c) => c,
                    None => break,
                }
            };
            span += 1;
            end += c.len_utf8();
            if c == pat.chars[want] {
                want += 1;
            }
        }
        if want == n && best.is_none_or(|(s, _, _)| span < s) {
            best = Some((span, at, end));
        }
    };
    if first.is_ascii() {
        // An ASCII byte is always a whole character in UTF-8.
        memchr::memchr_iter(first as u8, bytes).for_each(&mut try_from);
    } else {
        hay.match_indices(first).for_each(|(at, _)| try_from(at));
    }
    best.map(|(_, s, e)| (s, e))
}

/// A term's best match in `hay` (a whole field or name, folded): contiguous
/// first, then a word of its family, then close (letters left out, then
/// one letter too many). Loose matches are looked for per chunk
/// ([`loose`]), not here. Positions only when `positions` is set.
pub(crate) fn best_match(hay: &str, pat: &Pattern, positions: bool) -> Option<Found> {
    if let Some((quality, score, at)) = contiguous(hay, pat) {
        return Some(run_at(hay, quality, score, at, pat.chars.len(), positions));
    }
    if !may_match_strictly(hay, pat) {
        return None;
    }
    if let Some(stem) = &pat.stem
        && let Some((score, at)) = stem_match(hay, stem)
    {
        return Some(run_at(hay, Quality::Stem, score, at, stem.chars(), positions));
    }
    close_match(hay, pat, positions)
}

/// A run of `len` characters of `hay` from byte `at`, as a match.
fn run_at(hay: &str, quality: Quality, score: i64, at: usize, len: usize, positions: bool) -> Found {
    let positions = if positions {
        let start = chars_to(hay, at);
        (start..start + len).collect()
    } else {
        Vec::new()
    };
    Found {
        quality,
        score,
        positions,
    }
}

/// The character index of byte `at` of `hay`.
fn chars_to(hay: &str, at: usize) -> usize {
    if hay.as_bytes()[..at].is_ascii() {
        at
    } else {
        hay[..at].chars().count()
    }
}

/// A term's close match in `hay` (letters left out, then one letter too
/// many or changed): what [`best_match`] finds in a field with no
/// contiguous occurrence and no word of the term's stem.
pub(crate) fn close_match(hay: &str, pat: &Pattern, positions: bool) -> Option<Found> {
    let Some((start, end)) = close_window(hay, pat) else {
        let (score, at, len) = extra_letter(hay, pat.halves.as_ref()?)?;
        return Some(run_at(hay, Quality::Close, score, at, len, positions));
    };
    // Score the window as the fuzzy matcher would, with the character
    // before it so that a word start keeps its bonus.
    let from = char_before(hay, start).map_or(start, |c| start - c.len_utf8());
    let (score, pos) = fuzzy(&hay[from..end], pat)?;
    let base = chars_to(hay, from);
    Some(Found {
        quality: Quality::Close,
        score,
        positions: if positions {
            pos.into_iter().map(|p| p + base).collect()
        } else {
            Vec::new()
        },
    })
}

/// A loose match within one chunk: the fuzzy matcher's bound of its score
/// (cheap, and the same wherever it is computed).
pub(crate) fn loose(chunk: &str, pat: &Pattern) -> Option<i64> {
    upper_bound(chunk, pat)
}

/// Every occurrence of `pat` in `hay` (only whole-word ones when
/// `words`), as character ranges: to highlight all of them, not only the best.
pub(crate) fn occurrences(hay: &str, pat: &Pattern, words: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut chars, mut upto) = (0usize, 0usize);
    for at in pat.occurrences(hay) {
        if words && !is_word_at(hay, pat, at) {
            continue;
        }
        chars += hay[upto..at].chars().count();
        upto = at;
        out.push(chars..chars + pat.chars.len());
    }
    out
}

/// The query's words (folded, lower-cased) as a phrase, with the search
/// for its first word built once per query rather than once per document.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub words: Vec<String>,
    first: Finder<'static>,
    /// Per distinct word of the index, which phrase words it holds
    /// (`Words::holding`): a field whose words do not hold them all cannot
    /// hold the phrase, and needs no closer look.
    pub held: Option<Held>,
}

impl Phrase {
    pub fn new(words: Vec<String>, index_words: &Words) -> Phrase {
        let first = Finder::new(words.first().map_or("", String::as_str).as_bytes()).into_owned();
        let held = index_words.holding(&words);
        Phrase { words, first, held }
    }
}

/// Do the phrase's words occur in `hay` (folded, lower-cased) one after
/// another, separated only by spaces and punctuation, starting and ending
/// at word boundaries? That is the query typed as a phrase.
pub(crate) fn phrase(hay: &str, phrase: &Phrase) -> bool {
    let words = &phrase.words;
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    if first.is_empty() {
        return false;
    }
    let bytes = hay.as_bytes();
    let last_word = words
        .last()
        .and_then(|w| w.chars().last())
        .is_some_and(char::is_alphanumeric);
    let first_word = first.chars().next().is_some_and(char::is_alphanumeric);
    for at in phrase.first.find_iter(bytes) {
        if first_word && is_word_char(char_before(hay, at)) {
            continue;
        }
        let mut end = at + first.len();
        let mut ok = true;
        for w in rest {
            // At least one separator, then the next word.
            let gap = hay[end..]
                .chars()
                .take_while(|c| !c.is_alphanumeric())
                .map(char::len_utf8)
                .sum::<usize>();
            if gap == 0 || !hay[end + gap..].starts_with(w.as_str()) {
                ok = false;
                break;
            }
            end += gap + w.len();
        }
        if ok && !(last_word && end < bytes.len() && is_word_char(hay[end..].chars().next())) {
            return true;
        }
    }
    false
}

#[cfg(test)]
#[path = "quality_tests.rs"]
mod tests;
