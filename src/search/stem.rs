//! A light English suffix stemmer for whole words, and the stem match it
//! gives a term: `self-employment` finds "self-employed", `rented`
//! "renting", `managed` "management".
//!
//! [`stem`] strips one ending from the end of a term (`-ments`, `-ment`,
//! `-ings`, `-ing`, `-ers`, `-er`, `-ed`, `-s`; a final `e` when there is
//! none), then a final `e` and one of a doubled final consonant, so that
//! the forms of one word share one stem (`manage`, `managed`, `managing`,
//! `management` → `manag`; `planned` → `plan`). A stem under
//! [`MIN_STEM`] letters is no stem: short words are too easily confused
//! (`used` is not `us`).
//!
//! A field holds a term's stem ([`stem_match`]) where a word starts with
//! the stem and goes on only with what the stemmer strips, in reverse: the
//! consonant doubled again, an `e`, one ending ([`ENDINGS`]) and a plural
//! or possessive ([`super::quality::word_end`]). Always a whole word, never
//! inside one: `rented` does not find "parenting". The stem is always the
//! start of the term, at least [`MIN_STEM`] letters long, so it holds the
//! first of the term's pieces (`Pattern::needles`): the engine's cheap check
//! that a strict match is possible stays true.

use memchr::memmem::Finder;

use super::matcher::{char_before, contiguous_score};
use super::quality::word_end;

/// The fewest letters a stem has.
pub(crate) const MIN_STEM: usize = 4;

/// The endings [`stem`] strips, longest first.
const SUFFIXES: [&str; 8] = ["ments", "ment", "ings", "ing", "ers", "er", "ed", "s"];

/// What may follow a stem in a word of the same family (after an optional
/// doubled consonant and `e`): an ending, or nothing.
const ENDINGS: [&str; 10] = ["ments", "ment", "ings", "ing", "ers", "er", "ed", "d", "s", ""];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The stem of a term (folded), when it has one that differs from it: see
/// the module docs. `None` when no ending comes off or what is left is
/// too short.
pub(crate) fn stem(term: &str) -> Option<String> {
    let stripped = SUFFIXES.iter().find_map(|suf| {
        let rest = term.strip_suffix(suf)?;
        let guard = match *suf {
            // `process`, `status`, `analysis` are not plurals.
            "s" => !(rest.ends_with('s') || rest.ends_with('u') || rest.ends_with('i')),
            // `agreed`, `proceed`: the `e` belongs to the word.
            "ed" => !rest.ends_with('e'),
            _ => true,
        };
        guard.then_some(rest)
    });
    let mut s: Vec<char> = stripped.unwrap_or(term).chars().collect();
    if s.last() == Some(&'e') {
        s.pop();
    } else if stripped.is_none() {
        return None;
    }
    if let [.., a, b] = s.as_slice()
        && a == b
        && a.is_alphabetic()
        && !is_vowel(*a)
    {
        s.pop();
    }
    let letters = s.iter().filter(|c| c.is_alphabetic()).count();
    (letters >= MIN_STEM && s.last().is_some_and(|c| c.is_alphabetic())).then(|| s.into_iter().collect())
}

/// A term's stem, ready to search for.
#[derive(Debug, Clone)]
pub(crate) struct Stem {
    pub text: String,
    last: char,
    finder: Finder<'static>,
}

impl Stem {
    /// The stem of `term`, when it has one ([`stem`]).
    pub fn of(term: &str) -> Option<Stem> {
        let text = stem(term)?;
        let last = text.chars().last()?;
        let finder = Finder::new(text.as_bytes()).into_owned();
        Some(Stem { text, last, finder })
    }

    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// Does `rest` (what follows a stem in a field) finish a word of the
/// stem's family?
fn family_end(rest: &str, last: char) -> bool {
    let undoubled = [rest.strip_prefix(last), Some(rest)];
    undoubled.into_iter().flatten().any(|r| {
        [r.strip_prefix('e'), Some(r)]
            .into_iter()
            .flatten()
            .any(|r| ENDINGS.iter().any(|end| r.strip_prefix(end).is_some_and(word_end)))
    })
}

/// The best place `hay` (folded) holds a word of the stem's family: the
/// fuzzy matcher's score of the stem there, and its byte offset.
pub(crate) fn stem_match(hay: &str, stem: &Stem) -> Option<(i64, usize)> {
    let first_word = stem.text.chars().next().is_some_and(char::is_alphanumeric);
    let mut best: Option<(i64, usize)> = None;
    for at in stem.finder.find_iter(hay.as_bytes()) {
        let prev = char_before(hay, at);
        if first_word && prev.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if !family_end(&hay[at + stem.text.len()..], stem.last) {
            continue;
        }
        let s = contiguous_score(prev, &stem.text);
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, at));
        }
        if prev.is_none_or(|c| c == ' ') {
            break; // a word start after a space or at the start scores the most
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(hay: &str, term: &str) -> bool {
        Stem::of(term).is_some_and(|s| stem_match(hay, &s).is_some())
    }

    #[test]
    fn forms_of_one_word_share_a_stem() {
        for (term, want) in [
            ("employment", Some("employ")),
            ("employed", Some("employ")),
            ("self-employment", Some("self-employ")),
            ("rented", Some("rent")),
            ("renting", Some("rent")),
            ("managed", Some("manag")),
            ("manage", Some("manag")),
            ("management", Some("manag")),
            ("planned", Some("plan")),
            ("classes", Some("clas")),
            ("workers", Some("work")),
            ("parents", Some("parent")),
            ("staff", None),
            ("process", None),
            ("status", None),
            ("used", None),
            ("agreed", None),
            ("employ", None),
            ("rent", None),
        ] {
            assert_eq!(stem(term).as_deref(), want, "{term}");
        }
    }

    #[test]
    fn a_stem_matches_whole_words_of_its_family() {
        assert!(finds("a minority were self-employed.", "self-employment"));
        assert!(finds("renting from a social landlord", "rented"));
        assert!(finds("in rented accommodation", "renting"));
        assert!(finds("good management", "managed"));
        assert!(finds("the manager's view", "managing"));
        assert!(finds("they planned it", "planning"));
        assert!(finds("it was planned", "plans"));
        assert!(finds("no employer's view", "employment"));
        // Inside a word, or a word that goes on otherwise: no.
        assert!(!finds("parenting", "rented"));
        assert!(!finds("rental income", "rented"));
        assert!(!finds("employability", "employment"));
    }

    #[test]
    fn the_stem_scores_as_its_letters_would() {
        let s = Stem::of("rented").unwrap();
        assert_eq!(
            stem_match("x renting", &s),
            Some((contiguous_score(Some(' '), "rent"), 2))
        );
        assert_eq!(stem_match("renting", &s), Some((contiguous_score(None, "rent"), 0)));
    }
}
