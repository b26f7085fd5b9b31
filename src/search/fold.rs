//! Folding text for matching, and mapping matches back to the original.
//!
//! Folding, applied to haystacks and queries alike, one original character
//! at a time:
//!
//! 1. compatibility decomposition (NFKD): `é` → `e` + U+0301, `ﬁ` → `fi`,
//!    a no-break space → a space;
//! 2. combining marks are dropped (`é` → `e`, `É` → `E`);
//! 3. typographic quotes and dashes become ASCII (`’` → `'`, `–` → `-`), so a
//!    query typed on a plain keyboard finds text set with curly quotes;
//! 4. for case-insensitive matching only, each character is lower-cased
//!    (after steps 1–3 this never changes the number of characters).
//!
//! A [`Folded`] keeps, for every folded character, the index of the original
//! character it came from, so that match positions (character indices in the
//! folded text) become character ranges of the original text, covering any
//! combining marks that folded away.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Fold one character, handing each folded character to `out`.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        return out(c);
    }
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            out(ascii_punctuation(d));
        }
    });
}

/// Typographic punctuation → its ASCII look-alike; anything else unchanged.
fn ascii_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Lower-case one (already folded) character, keeping it one character.
pub(crate) fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Fold a query term: steps 1–3, and lower-case unless `keep_case`.
pub fn fold(text: &str, keep_case: bool) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |f| s.push(if keep_case { f } else { lower_char(f) }));
    }
    s
}

/// A haystack folded once, at load, in both case variants.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Folded {
    /// Folded and lower-cased.
    pub lower: Box<str>,
    /// Folded, case kept; `None` when that is the original text itself.
    pub cased: Option<Box<str>>,
    /// Folded characters back to original ones.
    pub map: CharMap,
}

/// For each folded character, the index of its original character.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct CharMap {
    /// `None` when that is the identity.
    map: Option<Box<[u32]>>,
    /// Characters in the original text.
    orig_chars: u32,
}

impl Folded {
    pub fn new(orig: &str) -> Folded {
        let mut lower = String::with_capacity(orig.len());
        let mut cased = String::with_capacity(orig.len());
        let mut map: Vec<u32> = Vec::new();
        let mut identity = true;
        let mut orig_chars = 0u32;
        for (i, c) in orig.chars().enumerate() {
            let before = map.len();
            fold_char(c, &mut |f| {
                cased.push(f);
                lower.push(lower_char(f));
                map.push(i as u32);
            });
            if map.len() != before + 1 {
                identity = false;
            }
            orig_chars = i as u32 + 1;
        }
        let same_cased = cased == orig;
        Folded {
            lower: lower.into_boxed_str(),
            cased: if same_cased { None } else { Some(cased.into_boxed_str()) },
            map: CharMap {
                map: if identity { None } else { Some(map.into_boxed_slice()) },
                orig_chars,
            },
        }
    }

    /// The case-keeping folded text (`orig` is the text this was made from).
    pub fn cased<'a>(&'a self, orig: &'a str) -> &'a str {
        self.cased.as_deref().unwrap_or(orig)
    }

    /// The folded text in the variant a term needs.
    pub fn variant<'a>(&'a self, orig: &'a str, case_sensitive: bool) -> &'a str {
        if case_sensitive { self.cased(orig) } else { &self.lower }
    }

    #[cfg(test)]
    pub fn to_original(&self, positions: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
        self.map.to_original(positions)
    }
}

impl CharMap {
    /// Number of folded characters.
    pub fn len(&self) -> usize {
        match &self.map {
            Some(m) => m.len(),
            None => self.orig_chars as usize,
        }
    }

    /// The original character range a folded character stands for: its
    /// original character plus any that folded to nothing after it.
    fn orig_range(&self, folded: usize) -> Range<usize> {
        match &self.map {
            None => folded..folded + 1,
            Some(m) => {
                let start = m[folded] as usize;
                let end = m[folded + 1..].iter().map(|&o| o as usize).find(|&o| o > start);
                start..end.unwrap_or(self.orig_chars as usize)
            }
        }
    }

    /// Folded character positions → merged, sorted original character ranges.
    /// Positions out of range are ignored.
    pub fn to_original(&self, positions: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
        let len = self.len();
        let ranges = positions.into_iter().filter(|&p| p < len).map(|p| self.orig_range(p));
        merge(ranges.collect())
    }
}

/// Sort and merge overlapping or touching ranges; empty ranges are dropped.
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("Café École", false), "cafe ecole");
        assert_eq!(fold("Café École", true), "Cafe Ecole");
        assert_eq!(fold("ﬁnding’s – x", false), "finding's - x");
        assert_eq!(fold("İstanbul", false), "istanbul");
        assert_eq!(fold("ΑΘΗΝΑ", false), "αθηνα");
    }

    #[test]
    fn ascii_text_needs_no_copies() {
        let f = Folded::new("Lone Parents");
        assert_eq!(&*f.lower, "lone parents");
        assert!(f.cased.is_none());
        assert!(f.map.map.is_none());
        assert_eq!(f.to_original([0, 1, 5]), vec![0..2, 5..6]);
    }

    #[test]
    fn maps_back_through_expansions_and_marks() {
        // "e" + combining acute (2 chars) folds to "e" (1 char).
        let f = Folded::new("cafe\u{301} ok");
        assert_eq!(&*f.lower, "cafe ok");
        assert_eq!(f.to_original([3]), vec![3..5]);
        assert_eq!(f.to_original([5]), vec![6..7]);
        // "ﬁ" (1 char) folds to "fi" (2 chars); both map to it.
        let f = Folded::new("ﬁx");
        assert_eq!(&*f.lower, "fix");
        assert_eq!(f.to_original([0]), vec![0..1]);
        assert_eq!(f.to_original([1, 2]), vec![0..2]);
        // A trailing mark belongs to the character before it.
        let f = Folded::new("e\u{301}");
        assert_eq!(f.to_original([0]), vec![0..2]);
        assert_eq!(f.to_original([7]), Vec::<Range<usize>>::new());
    }

    #[test]
    fn cjk_and_emoji_keep_their_positions() {
        let f = Folded::new("日本 🎉 Café");
        assert_eq!(&*f.lower, "日本 🎉 cafe");
        assert_eq!(f.to_original([0, 1, 3]), vec![0..2, 3..4]);
        assert_eq!(f.to_original([8]), vec![8..9]);
    }

    #[test]
    fn merges_ranges() {
        assert_eq!(merge(vec![5..6, 0..1, 1..2, 4..5, 9..9]), vec![0..2, 4..6]);
    }
}
