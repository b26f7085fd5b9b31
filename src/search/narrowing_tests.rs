//! The narrowing rules (`compile.rs`) checked against the matcher
//! (`quality.rs`) itself: typing on re-searches only the last matches,
//! which is exact only if every match of the longer term is a match of
//! the shorter. These tests try many terms and texts, suffixes and
//! misspellings included, and fail on any match the rules would lose.

use proptest::prelude::*;

use super::matcher::Pattern;
use super::narrow::{held_by_every_form, types_on_strictly};
use super::quality::{best_match, loose};

fn pat(s: &str) -> Pattern {
    Pattern::new(s.to_string(), false)
}

fn strict(hay: &str, term: &str) -> bool {
    best_match(hay, &pat(term), false).is_some()
}

/// Does `hay` hold `term`'s letters in order (a loose match at least)?
fn any(hay: &str, term: &str) -> bool {
    loose(hay, &pat(term)).is_some()
}

/// Every start of `term`, shortest first.
fn starts(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    (1..chars.len()).map(|k| chars[..k].iter().collect()).collect()
}

#[test]
fn typing_a_suffix_or_an_eighth_letter_searches_afresh() {
    // The stem of `employment` is `employ`: a text saying only "employed"
    // matches it, but not `employmen`.
    assert!(strict("were employed", "employment"));
    assert!(!strict("were employed", "employmen"));
    assert!(!types_on_strictly("employment", "employmen"));
    assert!(!types_on_strictly("renting", "rentin"));
    // Same stem, or a stem at least as long: typing on narrows.
    assert!(types_on_strictly("managed", "manage"));
    assert!(types_on_strictly("parents", "parent"));
    assert!(types_on_strictly("workers", "worker"));
    // One letter too many: from eight letters on, a term may match where
    // its seven-letter start does not.
    assert!(strict("in westminster", "wesstmin"));
    assert!(!strict("in westminster", "wesstmi"));
    assert!(!types_on_strictly("wesstmin", "wesstmi"));
    assert!(types_on_strictly("westminist", "westminis"));
    // The close window's 4/8/12 rule still holds.
    assert!(!types_on_strictly("wheatshe", "wheatsh"));
    for (n, o) in [("employment", "employmen"), ("wesstmin", "wesstmi")] {
        assert!(!held_by_every_form(o, n), "{o} in every form of {n}");
    }
}

fn term() -> impl Strategy<Value = String> {
    "[rentaiwm]{1,9}(ed|ing|s|er|ment|e|)"
}

fn text() -> impl Strategy<Value = String> {
    "([rentaiwm]{1,7}(ed|ing|s|er|ment|e|)[ .-]){0,5}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn typing_on_strictly_loses_no_match(hay in text(), n in term()) {
        if strict(&hay, &n) {
            for o in starts(&n) {
                if types_on_strictly(&n, &o) {
                    prop_assert!(strict(&hay, &o), "{:?} matches {:?} but its start {:?} does not", n, hay, o);
                }
            }
        }
    }

    #[test]
    fn every_form_holds_the_shorter_terms_letters(hay in text(), n in term(), o in "[rentaiwm]{1,4}") {
        if held_by_every_form(&o, &n) && (strict(&hay, &n) || any(&hay, &n)) {
            prop_assert!(any(&hay, &o), "{:?} matches {:?} but {:?} does not", n, hay, o);
        }
    }

    #[test]
    fn a_typo_of_a_start_is_held_too(hay in text(), n in term()) {
        // Deleting the start's letters one by one (a wider term) too.
        for o in starts(&n) {
            if held_by_every_form(&o, &n) && strict(&hay, &n) {
                prop_assert!(any(&hay, &o));
            }
        }
    }
}
