//! The stem and one-letter misspelling tiers (README, "Ranking"): what
//! they find, where they rank, and that typing over them key by key, or
//! deleting back, gives exactly the hits of fresh searches.

use casebook::dataset::{Dataset, Kind};
use casebook::search::{Filters, Hit, Quality, Query, SearchDoc, SearchIndex, Searcher};

fn note(id: &str, text: &str) -> SearchDoc {
    SearchDoc {
        id: id.into(),
        kind: Kind::Note,
        las: vec![],
        centre: None,
        wards: vec![],
        title: "Field note".into(),
        text: text.into(),
        themes: vec![],
        source: "Field note".into(),
    }
}

fn index() -> SearchIndex {
    let docs = [
        ("employed", "A minority were self-employed."),
        ("employment", "Support into self-employment."),
        ("westminster", "The Westminster framework."),
        ("renting", "Renting from a social landlord."),
        ("parenting", "Parenting classes at the centre."),
        ("familiar", "Familiarisation visits to each centre."),
        ("manager", "The manager's view of the pilot."),
    ];
    SearchIndex::new(
        &Dataset::default(),
        docs.iter().map(|(id, text)| note(id, text)).collect(),
    )
}

fn search(ix: &SearchIndex, q: &str) -> Vec<Hit> {
    ix.search(&Query::parse(q).unwrap(), &Filters::default(), 0)
}

fn found(ix: &SearchIndex, q: &str) -> Vec<(String, Quality)> {
    search(ix, q)
        .into_iter()
        .filter(|h| !h.quality.is_loose())
        .map(|h| (h.id, h.quality))
        .collect()
}

#[test]
fn a_shared_stem_ranks_after_the_words_typed() {
    let ix = index();
    assert_eq!(
        found(&ix, "self-employment"),
        vec![("employment".into(), Quality::Word), ("employed".into(), Quality::Stem)]
    );
    // A whole word of the family, never a word that holds the stem.
    assert_eq!(found(&ix, "rented"), vec![("renting".into(), Quality::Stem)]);
    assert_eq!(found(&ix, "managing"), vec![("manager".into(), Quality::Stem)]);
    // The stem is highlighted.
    let hit = &search(&ix, "rented")[0];
    assert_eq!(hit.text_matches, vec![0..4]);
}

#[test]
fn one_letter_too_many_or_wrong_is_a_close_match() {
    let ix = index();
    assert_eq!(found(&ix, "westminister"), vec![("westminster".into(), Quality::Close)]);
    assert_eq!(found(&ix, "familiarization"), vec![("familiar".into(), Quality::Close)]);
    let hit = &search(&ix, "westminister")[0];
    assert_eq!(hit.text_matches, vec![4..15]);
    // Smart case: a capital typed is a capital wanted, even here.
    assert_eq!(found(&ix, "Familiarisation"), vec![("familiar".into(), Quality::Word)]);
    assert_eq!(found(&ix, "FaMiliarisation"), vec![]);
    // Under eight letters, no guess.
    assert_eq!(found(&ix, "rentinx"), vec![]);
}

/// Type `word` key by key, then delete back to nothing, checking every
/// step against a fresh search; returns whether each typed step was
/// incremental.
fn type_and_delete(s: &mut Searcher, word: &str) -> Vec<bool> {
    let f = Filters::default();
    let ends: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([word.len()])
        .collect();
    let back: Vec<usize> = ends.iter().rev().skip(1).copied().collect();
    let mut narrowed = Vec::new();
    for (k, &end) in ends.iter().chain(&back).enumerate() {
        let q = &word[..end];
        let hits = s.search(q, &f).unwrap().to_vec();
        // (Deleting may narrow from an earlier search: only the hits count.)
        if k < ends.len() {
            narrowed.push(s.was_incremental());
        }
        let fresh = s.index().search(&Query::parse(q).unwrap(), &f, 0);
        assert_eq!(hits, fresh, "{q:?}");
    }
    narrowed
}

#[test]
fn typing_over_the_new_tiers_equals_a_fresh_search() {
    let mut s = Searcher::new(index()).with_limit(0);
    // `employmen` does not find "self-employed"; `employment` does (its
    // stem is `employ`): that key searches afresh.
    s.search("employmen", &Filters::default()).unwrap();
    assert!(!s.hits().iter().any(|h| h.id == "employed"));
    s.search("employment", &Filters::default()).unwrap();
    assert!(!s.was_incremental());
    assert!(
        s.hits()
            .iter()
            .any(|h| h.id == "employed" && h.quality == Quality::Stem)
    );
    s.reset();
    let steps = type_and_delete(&mut s, "employment");
    // e m p l o y m e n t: afresh at the first key, at 4 and 8 letters
    // (close matches, and from 8 one letter too many) and at the `t`
    // (stem).
    assert_eq!(
        steps,
        vec![false, true, true, false, true, true, true, false, true, false]
    );
    s.reset();
    let steps = type_and_delete(&mut s, "westminister");
    assert_eq!(
        steps,
        vec![
            false, true, true, false, true, true, true, false, true, true, true, false
        ]
    );
    for word in ["self-employment", "rented", "familiarization", "managing"] {
        s.reset();
        type_and_delete(&mut s, word);
    }
}
