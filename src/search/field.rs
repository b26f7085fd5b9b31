//! Searchable fields (titles and texts), prepared once at load: folded in
//! both case variants ([`Folded`]) and split into chunks for the fuzzy
//! matcher, all kept in one [`Arena`] in document order so that a search,
//! which visits documents in that order, reads memory front to back.
//!
//! Chunks bound the matcher's (m+1)(n+1) matrix: a text is cut after each
//! sentence (`.`, `!` or `?` before a space, or a line break), and a
//! sentence longer than [`MAX_CHUNK`] characters at its last space before
//! that length; a run with no space at all (CJK text, a long URL) is cut
//! hard, each piece overlapping the previous one by [`OVERLAP`] characters so
//! a short term is never lost across the cut. Fuzzy terms match within one
//! chunk; exact, prefix and suffix terms see the whole field.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::fold::{CharMap, Folded};
use super::names::letters;
use super::words::{Words, WordsMark};

/// The most characters the fuzzy matcher sees at once.
pub(crate) const MAX_CHUNK: usize = 200;
/// How much consecutive hard-cut chunks overlap.
pub(crate) const OVERLAP: usize = 32;

/// A chunk: its character range within its field (folded characters) and
/// its byte ranges in the arena's lower-cased and case-keeping texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Chunk {
    pub chars: (u32, u32),
    pub lower: (u32, u32),
    pub cased: (u32, u32),
    /// The letters of its lower-cased text (`names::letters`): a term
    /// with a letter it lacks has no loose match in it.
    pub letters: u64,
}

/// Where one field lives in the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Field {
    chunks: (u32, u32),
    lower: (u32, u32),
    cased: (u32, u32),
    map: u32,
    /// The field's words, in order, in the arena's [`Words`].
    pub words: (u32, u32),
}

/// Every field's folded text, chunks and character map.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Arena {
    lower: String,
    cased: String,
    chunks: Vec<Chunk>,
    maps: Vec<CharMap>,
    words: Words,
}

/// The arena's size at one moment, to go back to.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) struct Mark {
    lower: usize,
    cased: usize,
    chunks: usize,
    maps: usize,
    words: WordsMark,
}

fn range(r: (u32, u32)) -> Range<usize> {
    r.0 as usize..r.1 as usize
}

impl Arena {
    /// Fold, chunk and store `orig`.
    pub fn add(&mut self, orig: &str) -> Field {
        let folded = Folded::new(orig);
        let cased_text = folded.cased(orig);
        let (lower0, cased0) = (self.lower.len(), self.cased.len());
        let chars: Vec<char> = folded.lower.chars().collect();
        let offsets = |s: &str, base: usize| -> Vec<u32> {
            let mut v: Vec<u32> = s.char_indices().map(|(b, _)| (base + b) as u32).collect();
            v.push((base + s.len()) as u32);
            v
        };
        let lower = offsets(&folded.lower, lower0);
        let cased = offsets(cased_text, cased0);
        let first = self.chunks.len() as u32;
        for (s, e) in split(&chars) {
            let (ls, le) = (lower[s] as usize - lower0, lower[e] as usize - lower0);
            self.chunks.push(Chunk {
                chars: (s as u32, e as u32),
                lower: (lower[s], lower[e]),
                cased: (cased[s], cased[e]),
                letters: letters(&folded.lower[ls..le]),
            });
        }
        self.lower.push_str(&folded.lower);
        self.cased.push_str(cased_text);
        self.maps.push(folded.map);
        let words = self.words.add(&folded.lower);
        Field {
            words,
            chunks: (first, self.chunks.len() as u32),
            lower: (lower0 as u32, self.lower.len() as u32),
            cased: (cased0 as u32, self.cased.len() as u32),
            map: self.maps.len() as u32 - 1,
        }
    }

    pub fn mark(&self) -> Mark {
        Mark {
            lower: self.lower.len(),
            cased: self.cased.len(),
            chunks: self.chunks.len(),
            maps: self.maps.len(),
            words: self.words.mark(),
        }
    }

    /// Forget every field added since `mark`.
    pub fn truncate(&mut self, mark: Mark) {
        self.lower.truncate(mark.lower);
        self.cased.truncate(mark.cased);
        self.chunks.truncate(mark.chunks);
        self.maps.truncate(mark.maps);
        self.words.truncate(mark.words);
    }

    /// Every field's words ([`Words`]).
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// The whole folded field in the variant a term needs.
    pub fn hay(&self, f: &Field, case_sensitive: bool) -> &str {
        if case_sensitive {
            &self.cased[range(f.cased)]
        } else {
            &self.lower[range(f.lower)]
        }
    }

    /// The whole arena in one case variant: every field, side by side in
    /// document order, for one scan over all of them.
    pub fn all(&self, case_sensitive: bool) -> &str {
        if case_sensitive { &self.cased } else { &self.lower }
    }

    /// Where a field starts in [`Arena::all`] of the same variant.
    pub fn start(&self, f: &Field, case_sensitive: bool) -> usize {
        if case_sensitive {
            f.cased.0 as usize
        } else {
            f.lower.0 as usize
        }
    }

    pub fn chunks(&self, f: &Field) -> &[Chunk] {
        &self.chunks[range(f.chunks)]
    }

    /// One chunk's folded text in the variant a term needs.
    pub fn chunk(&self, c: &Chunk, case_sensitive: bool) -> &str {
        if case_sensitive {
            &self.cased[range(c.cased)]
        } else {
            &self.lower[range(c.lower)]
        }
    }

    /// Folded character positions of a field → original character ranges.
    pub fn to_original(&self, f: &Field, positions: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
        self.maps[f.map as usize].to_original(positions)
    }
}

fn sentence_end(chars: &[char], i: usize) -> bool {
    chars[i] == '\n' || (matches!(chars[i], '.' | '!' | '?') && chars.get(i + 1).is_none_or(|c| c.is_whitespace()))
}

/// Chunk boundaries (start, end) in characters, covering the whole text.
fn split(chars: &[char]) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let limit = n.min(start + MAX_CHUNK);
        let skip_space = |mut e: usize| {
            while e < limit && chars[e].is_whitespace() {
                e += 1;
            }
            e
        };
        let (end, next) = match (start..limit).find(|&i| sentence_end(chars, i)) {
            Some(i) => {
                let e = skip_space(i + 1);
                (e, e)
            }
            None if limit == n => (n, n),
            None => match (start + MAX_CHUNK / 4..limit).rev().find(|&i| chars[i].is_whitespace()) {
                Some(i) => {
                    let e = skip_space(i);
                    (e, e)
                }
                None => (limit, limit - OVERLAP),
            },
        };
        out.push((start, end));
        start = next;
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        let mut a = Arena::default();
        a.add("something before");
        let f = a.add(text);
        a.chunks(&f).iter().map(|c| a.chunk(c, true).to_string()).collect()
    }

    #[test]
    fn splits_after_sentences() {
        assert_eq!(
            pieces("One two. Three?  Four\nfive"),
            vec!["One two. ", "Three?  ", "Four\n", "five"]
        );
        assert_eq!(pieces("e.g. this"), vec!["e.g. ", "this"]);
        assert!(pieces("").is_empty());
    }

    #[test]
    fn long_sentences_split_at_spaces_and_runs_overlap() {
        let long = "word ".repeat(100);
        let p = pieces(&long);
        assert!(p.iter().all(|c| c.chars().count() <= MAX_CHUNK));
        assert_eq!(p.concat(), long);
        let mut a = Arena::default();
        let f = a.add(&"日".repeat(500));
        let chunks = a.chunks(&f);
        assert!(chunks.iter().all(|c| (c.chars.1 - c.chars.0) as usize <= MAX_CHUNK));
        assert_eq!(chunks.last().unwrap().chars.1, 500);
        for w in chunks.windows(2) {
            assert_eq!(w[0].chars.1 - w[1].chars.0, OVERLAP as u32);
        }
    }

    #[test]
    fn each_variant_has_its_own_byte_ranges() {
        let mut a = Arena::default();
        a.add("Ünïcode first");
        let f = a.add("ÀB. ẞc");
        let lower: Vec<&str> = a.chunks(&f).iter().map(|c| a.chunk(c, false)).collect();
        let cased: Vec<&str> = a.chunks(&f).iter().map(|c| a.chunk(c, true)).collect();
        assert_eq!(lower, vec!["ab. ", "ßc"]);
        assert_eq!(cased, vec!["AB. ", "ẞc"]);
        assert_eq!(a.hay(&f, true), "AB. ẞc");
        let mark = a.mark();
        a.add("more");
        a.truncate(mark);
        assert_eq!(a.hay(&f, false), "ab. ßc");
    }
}
