//! Unit tests of `quality.rs`: each quality, highlights, phrases, and that
//! every strict tier leaves one of `strict_needles` whole.

use super::*;

fn pat(s: &str) -> Pattern {
    Pattern::new(s.to_string(), false)
}

fn quality(hay: &str, p: &str) -> Option<Quality> {
    best_match(hay, &pat(p), false).map(|f| f.quality)
}

#[test]
fn qualities_from_word_to_close() {
    assert_eq!(quality("lack of transport costs", "transport"), Some(Quality::Word));
    assert_eq!(quality("volunteering", "volunt"), Some(Quality::Part));
    assert_eq!(quality("two crèches", "crech"), None); // folding is the index's job
    assert_eq!(quality("two creches, one", "creche"), Some(Quality::Word));
    assert_eq!(quality("the parent's view", "parent"), Some(Quality::Word));
    assert_eq!(quality("parenthood", "parent"), Some(Quality::Part));
    assert_eq!(quality("no buddies yet", "buddy"), Some(Quality::Word));
    assert_eq!(quality("buddiesx", "buddy"), None);
    assert_eq!(quality("the wheatsheaf centre", "wheatshef"), Some(Quality::Close));
    assert_eq!(quality("a credit union", "creditunion"), Some(Quality::Close));
    assert_eq!(quality("paddington", "paddingtn"), Some(Quality::Close));
    // Scattered through "training and support": not close.
    assert_eq!(quality("training and support", "transport"), None);
    // Short terms have no close matches.
    assert_eq!(quality("a b c", "abc"), None);
}

#[test]
fn stems_rank_between_parts_and_close_matches() {
    assert_eq!(quality("were self-employed.", "self-employment"), Some(Quality::Stem));
    assert_eq!(quality("renting from a landlord", "rented"), Some(Quality::Stem));
    // The term as typed, inside a word, is still a part.
    assert_eq!(quality("unemployment", "employment"), Some(Quality::Part));
    assert_eq!(quality("parenting", "rented"), None);
    let f = best_match("x renting", &pat("rented"), true).unwrap();
    assert_eq!(f.positions, vec![2, 3, 4, 5]);
}

#[test]
fn one_letter_too_many_or_wrong_is_close() {
    assert_eq!(quality("in westminster", "westminister"), Some(Quality::Close));
    assert_eq!(
        quality("familiarisation visits", "familiarization"),
        Some(Quality::Close)
    );
    assert_eq!(quality("the renters", "rxenters"), Some(Quality::Close));
    // Seven letters: too short to guess at.
    assert_eq!(quality("the renter", "rxenter"), None);
    assert_eq!(quality("the rent", "rxnt"), None);
    let f = best_match("é westminster", &pat("westminister"), true).unwrap();
    assert_eq!(f.positions, (2..13).collect::<Vec<_>>());
}

/// Every strict tier, looked for without the needles' shortcut.
fn strict_tiers(hay: &str, p: &Pattern) -> bool {
    contiguous(hay, p).is_some()
        || p.stem.as_ref().is_some_and(|s| stem_match(hay, s).is_some())
        || close_window(hay, p).is_some()
        || p.halves.as_ref().is_some_and(|h| extra_letter(hay, h).is_some())
}

#[test]
fn strict_matches_leave_a_needle_whole() {
    for (hay, p) in [
        ("were self-employed.", "self-employment"),
        ("in westminster", "westminister"),
        ("familiarisation", "familiarization"),
        ("the wheatsheaf", "wheatshef"),
        ("no buddies", "buddy"),
        ("transport", "transport"),
    ] {
        let p = pat(p);
        assert!(strict_tiers(hay, &p), "{hay}");
        assert!(may_match_strictly(hay, &p), "{hay}");
    }
    // "tra" of `transport` is in "training", but nothing is in this.
    assert!(!may_match_strictly("the bus fares", &pat("transport")));
}

proptest::proptest! {
    #[test]
    fn needles_hold_for_every_strict_tier(hay in "[aerstdng -]{0,40}", p in "[aerstdng]{1,11}") {
        let p = pat(&p);
        if strict_tiers(&hay, &p) {
            proptest::prop_assert!(may_match_strictly(&hay, &p));
        }
    }
}

#[test]
fn a_whole_word_beats_an_earlier_part() {
    let f = best_match("transporter and transport", &pat("transport"), true).unwrap();
    assert_eq!(f.quality, Quality::Word);
    assert_eq!(f.positions, (16..25).collect::<Vec<_>>());
}

#[test]
fn close_positions_point_at_the_letters() {
    let f = best_match("xx wheatsheaf", &pat("wheatshef"), true).unwrap();
    assert_eq!(f.positions, vec![3, 4, 5, 6, 7, 8, 9, 10, 12]);
}

#[test]
fn phrases_need_adjacent_words_in_order() {
    let words = |s: &str| Phrase::new(s.split(' ').map(String::from).collect(), &Words::default());
    assert!(phrase("the free for 2 scheme", &words("free for 2")));
    assert!(phrase("free - for, 2", &words("free for 2")));
    assert!(!phrase("free for 20", &words("free for 2")));
    assert!(!phrase("free places for 2", &words("free for 2")));
    assert!(!phrase("carefree for 2", &words("free for 2")));
}

#[test]
fn occurrences_are_character_ranges() {
    let hay = "é transport, transports transport";
    assert_eq!(occurrences(hay, &pat("transport"), true), vec![2..11, 13..22, 24..33]);
    assert_eq!(
        occurrences("transporter", &pat("transport"), true),
        Vec::<Range<usize>>::new()
    );
    assert_eq!(occurrences(hay, &pat("transport"), false), vec![2..11, 13..22, 24..33]);
}
