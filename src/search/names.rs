//! [`Names`]: the names of every entity (LA names and aliases, centre and
//! ward names, theme labels and synonyms), folded and lower-cased, laid
//! out flat so that a term is matched against all of them in one pass
//! over a few arrays. At national scale there are about 7,500 entities:
//! each keystroke that changes a term grades it on every one of them, and
//! following each entity's own allocations cost more than the grading.
//!
//! A term is graded on the names' distinct words once ([`Words::grade`]);
//! a name holding no letter the term needs is never looked at for a loose
//! match ([`letters`]).

use serde::{Deserialize, Serialize};

use super::eval::{Place, at_place, pack};
use super::matcher::Pattern;
use super::quality::{Quality, close_match, loose};
use super::words::{Graded, Held, Words, WordsMark};

/// Every entity's names, flat.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Names {
    words: Words,
    /// Per entity, the index of its first name; one more entry at the end.
    first: Vec<u32>,
    /// Per name: its words in `words`.
    name_words: Vec<(u32, u32)>,
    /// Per name: which letters it holds ([`letters`]).
    masks: Vec<u64>,
    /// Per name: its byte range in `lower`.
    spans: Vec<(u32, u32)>,
    /// Every name, folded and lower-cased, back to back.
    lower: String,
}

/// The size of [`Names`] at one moment, to go back to.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) struct NamesMark {
    words: WordsMark,
    entities: usize,
    names: usize,
    lower: usize,
}

/// A set of the characters of `s` as 64 bits: one per letter and digit,
/// the rest hashed into the remaining 28. If a term has a character a
/// text lacks, their sets show it, and the text cannot hold the term's
/// letters in order.
pub(crate) fn letters(s: &str) -> u64 {
    s.chars().fold(0, |m, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + c as u32 % 28,
        };
        m | 1 << bit
    })
}

impl Names {
    /// Add the next entity's names (each folded and lower-cased).
    pub fn push<'a>(&mut self, lower: impl IntoIterator<Item = &'a str>) {
        if self.first.is_empty() {
            self.first.push(0);
        }
        for name in lower {
            self.name_words.push(self.words.add(name));
            self.masks.push(letters(name));
            let start = self.lower.len() as u32;
            self.lower.push_str(name);
            self.spans.push((start, self.lower.len() as u32));
        }
        self.first.push(self.masks.len() as u32);
    }

    pub fn mark(&self) -> NamesMark {
        NamesMark {
            words: self.words.mark(),
            entities: self.first.len(),
            names: self.masks.len(),
            lower: self.lower.len(),
        }
    }

    /// Forget every entity added since `mark`.
    pub fn truncate(&mut self, mark: NamesMark) {
        self.words.truncate(mark.words);
        self.first.truncate(mark.entities);
        self.name_words.truncate(mark.names);
        self.masks.truncate(mark.names);
        self.spans.truncate(mark.names);
        self.lower.truncate(mark.lower);
    }

    fn name(&self, k: usize) -> &str {
        let (s, e) = self.spans[k];
        &self.lower[s as usize..e as usize]
    }

    /// A positive fuzzy term's best value ([`pack`] with [`Place::Name`],
    /// loose when nothing better) on each entity's names, -1 for none;
    /// entities `skip` rules out are not looked at (-1). The term must be
    /// gradable by word ([`Words::can_grade`]).
    pub fn values(&self, pat: &Pattern, skip: impl Fn(usize) -> bool) -> Vec<i32> {
        let grades = self.words.grade(pat);
        let need = letters(&pat.text);
        let entities = self.first.len().saturating_sub(1);
        (0..entities)
            .map(|e| {
                if skip(e) {
                    return -1;
                }
                let names = self.first[e] as usize..self.first[e + 1] as usize;
                names.map(|k| self.value(k, pat, &grades, need)).max().unwrap_or(-1)
            })
            .collect()
    }

    /// Which distinct words of the names hold `text` lower-cased
    /// ([`Words::holding_text`]).
    pub fn holding_text(&self, text: &str) -> Option<Held> {
        self.words.holding_text(text)
    }

    /// May entity `e`'s names hold the text `held` was made for? Not when
    /// none of their words do.
    pub fn may_hold(&self, e: usize, held: &Held) -> bool {
        let names = self.first[e] as usize..self.first[e + 1] as usize;
        names.into_iter().any(|k| self.words.holds(self.name_words[k], held))
    }

    /// One name's value: as `quality::best_match` then `loose` would give.
    fn value(&self, k: usize, pat: &Pattern, grades: &[i32], need: u64) -> i32 {
        let strict = match self.words.field(self.name_words[k], grades, pat) {
            Graded::None => None,
            Graded::Look => close_match(self.name(k), pat, false).map(|m| pack(m.quality, Place::Name, m.score)),
            Graded::Match(v) => Some(at_place(v, Place::Name)),
        };
        let loose = || {
            (need & !self.masks[k] == 0)
                .then(|| loose(self.name(k), pat))
                .flatten()
                .map(|s| pack(Quality::Loose, Place::Name, s))
        };
        strict.or_else(loose).unwrap_or(-1)
    }
}
