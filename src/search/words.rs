//! [`Words`]: every field's words, each distinct word stored once, so that
//! a term is graded once per distinct word instead of once per document.
//!
//! A *word* here is a run of non-whitespace characters of a field's folded,
//! lower-cased text, kept with the whitespace character before it (none
//! for a field's first word): `" parents"`, `"\nlone"`, `"(jcp)"`. A term
//! with no whitespace in it matches a field as a whole word, part of a
//! word or word of its stem only inside one of its words, and the
//! character before a word is all the grading looks at outside it (a word
//! start's bonus, whether the match starts a word). So a term's best
//! word, part or stem match in a field is its best in any of the field's
//! words ([`Words::field`]), each graded once per query ([`Words::grade`]).
//!
//! Close matches are the exception: the letters of `creditunion` within a
//! short span may straddle two words ("credit union"). So each word also
//! carries flags ([`Flags`]): it holds one of the term's pieces
//! (`quality::strict_needles`, held whole by every strict match); it holds
//! a close match itself; a close match may start in it and run on past its
//! end. A field is graded whole ([`Graded::Look`]) only where a close match
//! is possible: one of its words holds one, or a word that may start one
//! runs on into the words after it, in order, to form one. Fields with
//! none of the pieces cannot match strictly at all.
//!
//! This is what keeps a keystroke cheap at national scale: 50,000 passages
//! hold about 1.8 million field words but only a few thousand distinct ones.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::fold::lower_char;
use super::matcher::Pattern;
use super::quality::{close_span, strict_needles};
use super::word_grade::{grade_word, has_close_tier, runs_on};

/// A word's grade below this is a set of flags, not a match.
const FLAGS: i32 = 8;

/// Flags a word's grade may hold when it matches the term neither as a
/// word, a part nor a stem.
pub(crate) struct Flags;

impl Flags {
    /// It holds one of the term's pieces.
    pub const PIECE: i32 = 1;
    /// It holds a close match of the term.
    pub const CLOSE: i32 = 2;
    /// A close match may start in it and run on into the next word.
    pub const RUNS_ON: i32 = 4;
}

/// Which words hold which parts of a text ([`Words::holding_text`]).
#[derive(Debug, Clone)]
pub(crate) struct Held {
    per_word: Vec<u64>,
    all: u64,
}

/// A field's grade for a term, from its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Graded {
    /// No strict match.
    None,
    /// Its best match: a word, part or stem one (packed as in a text,
    /// `eval::pack`; [`super::eval::at_place`] moves it).
    Match(i32),
    /// Only a close match is possible, and one may be there: grade the
    /// whole field.
    Look,
}

type Lookup = HashMap<Box<str>, u32, foldhash::fast::FixedState>;

/// The distinct words of every field, and each field's list of them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Words {
    /// The distinct words back to back, each followed by a NUL, so that
    /// one substring scan finds every word holding a piece of a term.
    text: String,
    /// Where each distinct word starts in `text`.
    starts: Vec<u32>,
    /// Each field's words in order, field after field.
    ids: Vec<u32>,
    /// Word → id, for adding fields; rebuilt after a cache load.
    #[serde(skip)]
    lookup: Lookup,
}

/// The size of [`Words`] at one moment, to go back to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WordsMark {
    text: usize,
    starts: usize,
    ids: usize,
}

/// Byte ranges of the words of `lower`, each with the whitespace character
/// before it.
fn split(lower: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = lower.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut before = None;
        while let Some(&(at, c)) = it.peek() {
            if !c.is_whitespace() {
                break;
            }
            before = Some(at);
            it.next();
        }
        let &(start, _) = it.peek()?;
        let mut end = start;
        while let Some(&(at, c)) = it.peek() {
            if c.is_whitespace() {
                break;
            }
            end = at + c.len_utf8();
            it.next();
        }
        Some((before.unwrap_or(start), end))
    })
}

impl Words {
    /// Add one field's words (`lower`: its folded, lower-cased text);
    /// returns the range of its word list in `ids`.
    pub fn add(&mut self, lower: &str) -> (u32, u32) {
        if self.lookup.len() < self.starts.len() {
            self.rebuild_lookup();
        }
        let first = self.ids.len();
        for (s, e) in split(lower) {
            let word = &lower[s..e];
            let id = match self.lookup.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.starts.len() as u32;
                    self.starts.push(self.text.len() as u32);
                    self.text.push_str(word);
                    self.text.push('\0');
                    self.lookup.insert(word.into(), id);
                    id
                }
            };
            self.ids.push(id);
        }
        (first as u32, self.ids.len() as u32)
    }

    fn rebuild_lookup(&mut self) {
        self.lookup = (0..self.starts.len())
            .map(|id| (self.word(id).into(), id as u32))
            .collect();
    }

    fn word(&self, id: usize) -> &str {
        let start = self.starts[id] as usize;
        let end = self.starts.get(id + 1).map_or(self.text.len(), |&s| s as usize) - 1;
        &self.text[start..end]
    }

    /// How many distinct words there are.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn mark(&self) -> WordsMark {
        WordsMark {
            text: self.text.len(),
            starts: self.starts.len(),
            ids: self.ids.len(),
        }
    }

    /// Forget every field and word added since `mark`.
    pub fn truncate(&mut self, mark: WordsMark) {
        self.text.truncate(mark.text);
        self.starts.truncate(mark.starts);
        self.ids.truncate(mark.ids);
        let n = mark.starts as u32;
        self.lookup.retain(|_, id| *id < n);
    }

    /// Can `pat` be graded word by word? Not when it holds whitespace (it
    /// would straddle words) or a NUL (the separator), nor when it keeps
    /// case (the words are lower-cased).
    pub fn can_grade(pat: &Pattern) -> bool {
        !pat.case_sensitive && !pat.chars.iter().any(|&c| c.is_whitespace() || c == '\0')
    }

    /// Every distinct word's grade for `pat` ([`Words::can_grade`]): its
    /// best word, part or stem match packed as if in a text (`eval::pack` with
    /// `Place::Text`), or else its [`Flags`] (0 for none).
    pub fn grade(&self, pat: &Pattern) -> Vec<i32> {
        let mut grades = vec![0i32; self.starts.len()];
        let close = has_close_tier(pat);
        for needle in strict_needles(pat) {
            for id in self.ids_of(needle.find_iter(self.text.as_bytes())) {
                if grades[id] == 0 {
                    grades[id] = grade_word(self.word(id), pat, close);
                }
            }
        }
        if close {
            let mut first = [0u8; 4];
            let first = pat.chars[0].encode_utf8(&mut first);
            for id in self.ids_of(memchr::memmem::find_iter(self.text.as_bytes(), first.as_bytes())) {
                if grades[id] < FLAGS && runs_on(self.word(id), pat) {
                    grades[id] |= Flags::RUNS_ON;
                }
            }
        }
        grades
    }

    /// The ids of the words at byte offsets `at` of `text` (in increasing
    /// order, as a substring search gives them), each once.
    fn ids_of(&self, at: impl Iterator<Item = usize>) -> impl Iterator<Item = usize> {
        let mut id = 0;
        let mut last = usize::MAX;
        at.filter_map(move |at| {
            // Gallop from the last word found: near for a common piece,
            // far for a rare one.
            let after = |k: usize| self.starts.get(k).is_some_and(|&s| s as usize <= at);
            let mut step = 1;
            while after(id + step) {
                step *= 2;
            }
            let end = (id + step).min(self.starts.len());
            id += self.starts[id..end].partition_point(|&s| s as usize <= at) - 1;
            (id != last).then(|| {
                last = id;
                id
            })
        })
    }

    /// A field's grade (`range`, from [`Words::add`]) from its words'
    /// grades for `pat` ([`Words::grade`]).
    #[inline]
    pub fn field(&self, range: (u32, u32), grades: &[i32], pat: &Pattern) -> Graded {
        let ids = &self.ids[range.0 as usize..range.1 as usize];
        let (mut best, mut flags) = (0, 0);
        for &id in ids {
            let g = grades[id as usize];
            best = best.max(g);
            flags |= g;
        }
        if best >= FLAGS {
            return Graded::Match(best);
        }
        if flags & Flags::CLOSE != 0 {
            return Graded::Look;
        }
        if flags & Flags::PIECE == 0 || flags & Flags::RUNS_ON == 0 {
            return Graded::None;
        }
        let straddles =
            (0..ids.len()).any(|p| grades[ids[p] as usize] & Flags::RUNS_ON != 0 && self.straddles(&ids[p..], pat));
        if straddles { Graded::Look } else { Graded::None }
    }

    /// May a close match start in the first of `ids` and run on into the
    /// words after it (in the field's order)? The words are taken with one
    /// whitespace character between them (the one kept with each word);
    /// where the field has more, a match is only less likely, so this may
    /// say yes where the field has none, never no where it has one.
    fn straddles(&self, ids: &[u32], pat: &Pattern) -> bool {
        let Some(&next) = ids.get(1) else {
            return false;
        };
        let term = &pat.chars;
        let (n, max) = (term.len(), close_span(term.len()));
        let word = self.word(ids[0] as usize);
        let after = || ids[1..].iter().flat_map(|&id| self.word(id as usize).chars());
        // Letters left out: the greedy walk `quality::close_window` takes,
        // from each of the word's first letters of the term.
        let left_out = word.char_indices().filter(|&(_, c)| c == term[0]).any(|(at, c)| {
            let (mut want, mut span) = (1, 1);
            for c in word[at + c.len_utf8()..].chars().chain(after()) {
                if want == n || span >= max {
                    break;
                }
                span += 1;
                if c == term[want] {
                    want += 1;
                }
            }
            want == n
        });
        // One letter changed into the space between: this word ends with
        // the term's start, the next starts with the rest after that letter.
        let changed = || {
            let next = self.word(next as usize);
            (1..n).any(|c| {
                word.chars().rev().take(c).eq(term[..c].iter().rev().copied())
                    && next.chars().skip(1).take(n - c - 1).eq(term[c + 1..].iter().copied())
            })
        };
        left_out || (pat.halves.is_some() && changed())
    }

    /// For a phrase's words (folded, lower-cased): which distinct words
    /// hold which phrase word with no letter or digit right before or after
    /// it (unless that end of the phrase word is not one itself), as every
    /// word of a phrase in a field is held. `None` when a phrase word is
    /// empty or holds whitespace, or there are more than 64.
    pub fn holding(&self, phrase: &[String]) -> Option<Held> {
        if phrase.iter().any(|w| w.is_empty() || w.contains(char::is_whitespace)) {
            return None;
        }
        self.parts_held(phrase, true)
    }

    /// Which distinct words hold which of the whitespace-separated parts
    /// of `text`, lower-cased (as the words are): a field holding `text`
    /// holds every part in one of its words ([`Words::holds`]). `None` when
    /// `text` has no part, more than 64, or a NUL.
    pub fn holding_text(&self, text: &str) -> Option<Held> {
        if text.contains('\0') {
            return None;
        }
        let parts: Vec<String> = text
            .split(char::is_whitespace)
            .filter(|p| !p.is_empty())
            .map(|p| p.chars().map(lower_char).collect())
            .collect();
        self.parts_held(&parts, false)
    }

    /// Per distinct word, a bit for each of `parts` it holds (`bounded`:
    /// only with no letter or digit glued to an end of the part that is
    /// one itself). `None` for no parts or more than 64.
    fn parts_held(&self, parts: &[String], bounded: bool) -> Option<Held> {
        if parts.is_empty() || parts.len() > 64 {
            return None;
        }
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut per_word = vec![0u64; self.starts.len()];
        for (j, part) in parts.iter().enumerate() {
            let edges = (alnum(part.chars().next()), alnum(part.chars().next_back()));
            let found = memchr::memmem::find_iter(self.text.as_bytes(), part.as_bytes()).filter(|&at| {
                let before = self.text[..at].chars().next_back();
                let after = self.text[at + part.len()..].chars().next();
                let glued = (edges.0 && alnum(before)) || (edges.1 && alnum(after));
                !(bounded && glued)
            });
            for id in self.ids_of(found) {
                per_word[id] |= 1 << j;
            }
        }
        Some(Held {
            per_word,
            all: u64::MAX >> (64 - parts.len()),
        })
    }

    /// Do a field's words hold every part [`Words::holding_text`] (or
    /// phrase word, [`Words::holding`]) found?
    #[inline]
    pub fn holds(&self, range: (u32, u32), held: &Held) -> bool {
        self.ids[range.0 as usize..range.1 as usize]
            .iter()
            .fold(0, |m, &id| m | held.per_word[id as usize])
            == held.all
    }

    /// May a field hold a phrase ([`Words::holding`] gave `held`)? Only
    /// where its words, in order, hold the phrase's words one after
    /// another, each in the same word as the one before it or in the next:
    /// that is how a phrase lies across a field's words.
    pub fn may_hold_phrase(&self, range: (u32, u32), held: &Held) -> bool {
        let last = (held.all >> 1) + 1;
        // Bit j: a run of the phrase's first j + 1 words can end here, in
        // this word (`here`) or the one before (`before`).
        let mut before = 0u64;
        for &id in &self.ids[range.0 as usize..range.1 as usize] {
            let m = held.per_word[id as usize];
            let mut here = ((before << 1) | 1) & m;
            // Several phrase words in one word (`work-focused` for
            // `work focused`).
            loop {
                let more = here | ((here << 1) & m);
                if more == here {
                    break;
                }
                here = more;
            }
            if here & last != 0 {
                return true;
            }
            before = here;
        }
        false
    }

    /// The start of a field's word list, to prefetch.
    pub fn ids_at(&self, range: (u32, u32)) -> *const u32 {
        self.ids[range.0 as usize..].as_ptr()
    }
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
