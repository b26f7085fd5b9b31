use super::*;
use crate::dataset::load_bundled;
use crate::search::eval::{Place, pack, unpack};
use crate::search::fold::fold;
use crate::search::index::SearchIndex;
use crate::search::quality::Quality;
use crate::search::quality::best_match;

fn words_of(w: &Words, range: (u32, u32)) -> Vec<&str> {
    w.ids[range.0 as usize..range.1 as usize]
        .iter()
        .map(|&id| w.word(id as usize))
        .collect()
}

#[test]
fn words_keep_the_whitespace_before_them_and_each_is_stored_once() {
    let mut w = Words::default();
    let a = w.add("lone parents  and\nlone carers");
    assert_eq!(words_of(&w, a), vec!["lone", " parents", " and", "\nlone", " carers"]);
    let b = w.add(" lone");
    assert_eq!(words_of(&w, b), vec![" lone"]);
    assert_eq!(w.len(), 6, "\" lone\" is new, nothing else");
    let empty = w.add("   ");
    assert_eq!(empty.0, empty.1);
}

#[test]
fn truncating_forgets_words_and_a_reloaded_list_adds_as_before() {
    let mut w = Words::default();
    w.add("jobcentre plus");
    let mark = w.mark();
    w.add("credit union");
    w.truncate(mark);
    assert_eq!(w.len(), 2);
    // As after a cache load: no lookup, which is rebuilt on the next add.
    let mut loaded = Words {
        lookup: Lookup::default(),
        ..w.clone()
    };
    let r = loaded.add("jobcentre credit");
    assert_eq!(loaded.len(), 3, "\"jobcentre\" is known, \" credit\" is new");
    assert_eq!(words_of(&loaded, r), vec!["jobcentre", " credit"]);
}

/// Terms of every kind the grading knows: whole words, parts, stems,
/// `-ies` plurals, close misspellings straddling words, one letter too
/// many, punctuation, one letter.
const TERMS: &[&str] = &[
    "l",
    "a",
    "e",
    "job",
    "jcp",
    "lone",
    "parent",
    "parents",
    "parenting",
    "childcare",
    "volunt",
    "transport",
    "creche",
    "tuesdays",
    "wheatshef",
    "paddingtn",
    "baytre",
    "creditunion",
    "westminister",
    "familiarization",
    "self-employment",
    "rented",
    "managed",
    "employment",
    "disability",
    "buddy",
    "family",
    "community",
    "e2e",
    "work-focused",
    "'s",
    "(",
    "2",
    "10",
    "free",
    "sure",
    "outreach",
    "centres",
    "lnoe",
    "jbcentre",
];

#[test]
fn a_fields_best_match_is_its_best_words_on_the_bundled_dataset() {
    let index = SearchIndex::new(&load_bundled().expect("the bundled dataset loads"), Vec::new());
    let words = index.arena.words();
    let (mut graded, mut looked) = (0, 0);
    for term in TERMS {
        let pat = Pattern::new(fold(term, false), false);
        assert!(Words::can_grade(&pat));
        let grades = words.grade(&pat);
        for p in &index.prepared {
            for f in [&p.title, &p.text] {
                let hay = index.arena.hay(f, false);
                let want = best_match(hay, &pat, false).map(|m| pack(m.quality, Place::Text, m.score));
                let got = match words.field(f.words, &grades, &pat) {
                    Graded::None => None,
                    Graded::Look => {
                        looked += 1;
                        // Only a close match (or none) is left to find.
                        want.filter(|&v| unpack(v).0 <= Quality::Close)
                    }
                    Graded::Match(v) => Some(v),
                };
                assert_eq!(got, want, "{term:?} in {hay:?}");
                graded += usize::from(got.is_some());
            }
        }
    }
    assert!(
        graded > 5_000 && looked > 10,
        "{graded} fields graded, {looked} looked at whole"
    );
}

#[test]
fn terms_that_straddle_words_or_keep_case_are_not_graded_by_word() {
    assert!(!Words::can_grade(&Pattern::new("lone parents".into(), false)));
    assert!(!Words::can_grade(&Pattern::new("Lone".into(), true)));
    assert!(!Words::can_grade(&Pattern::new("a\0b".into(), false)));
}

#[test]
fn a_field_holding_a_phrase_holds_each_of_its_words() {
    use crate::search::quality::{Phrase, phrase};
    let index = SearchIndex::new(&load_bundled().expect("the bundled dataset loads"), Vec::new());
    let words = index.arena.words();
    let (mut found, mut ruled_out) = (0, 0);
    for text in [
        "lone parents",
        "jobcentre plus",
        "free for 2",
        "work-focused services",
        "children's centres",
        "credit union",
        "lone parent",
        "in the",
        "(jcp) and",
    ] {
        let p = Phrase::new(text.split(' ').map(String::from).collect(), words);
        let held = p.held.as_ref().expect("no whitespace in the words");
        for prepared in &index.prepared {
            for f in [&prepared.title, &prepared.text] {
                let hay = index.arena.hay(f, false);
                let all = words.holds(f.words, held);
                let may = words.may_hold_phrase(f.words, held);
                assert!(all || !may, "{text:?} in {hay:?}");
                assert!(may || !phrase(hay, &p), "{text:?} in {hay:?}");
                ruled_out += usize::from(all && !may);
                found += usize::from(phrase(hay, &p));
            }
        }
    }
    assert!(found > 100, "{found} fields hold one of the phrases");
    assert!(ruled_out > 100, "{ruled_out} fields hold the words apart");
}

#[test]
fn close_matches_straddling_words_are_looked_for_and_others_are_not() {
    let cases: &[(&str, &str)] = &[
        ("creditunion", "join the credit union today"),
        ("creditunion", "the credit  union"),
        ("creditxunion", "the credit union"),
        ("westminster", "in west minster"),
        ("jobcentr", "a jo b centre"),
        ("jobcentr", "the job centre"),
        ("lone", "a lo ne b"),
        ("paddingtn", "paddi ngton"),
        ("wheatshef", "the wheat sheaf"),
    ];
    for &(term, text) in cases {
        let pat = Pattern::new(term.to_string(), false);
        let mut w = Words::default();
        let range = w.add(text);
        let want = best_match(text, &pat, false).map(|m| m.quality);
        assert_eq!(want, Some(Quality::Close), "{term:?} in {text:?}");
        assert_eq!(
            w.field(range, &w.grade(&pat), &pat),
            Graded::Look,
            "{term:?} in {text:?}"
        );
    }
    // Pieces of the term but no close match: the field is not looked at.
    for &(term, text) in &[("jobcentr", "job seekers in the centre"), ("lone", "a lot of new")] {
        let pat = Pattern::new(term.to_string(), false);
        let mut w = Words::default();
        let range = w.add(text);
        assert_eq!(best_match(text, &pat, false), None);
        assert_eq!(
            w.field(range, &w.grade(&pat), &pat),
            Graded::None,
            "{term:?} in {text:?}"
        );
    }
}

#[test]
fn names_graded_by_word_match_names_graded_one_by_one() {
    use crate::search::quality::loose;
    let index = SearchIndex::new(&load_bundled().expect("the bundled dataset loads"), Vec::new());
    let mut matched = 0;
    for term in TERMS
        .iter()
        .chain(&["sandwell", "lambeth", "childcare", "lone parents", "wrkless"])
    {
        let pat = Pattern::new(fold(term, false), false);
        if !Words::can_grade(&pat) {
            continue;
        }
        let values = index.names.values(&pat, |_| false);
        for (e, entity) in index.entities.iter().enumerate() {
            let one_by_one = entity
                .folded
                .iter()
                .filter_map(|f| {
                    best_match(&f.lower, &pat, false)
                        .map(|m| pack(m.quality, Place::Name, m.score))
                        .or_else(|| loose(&f.lower, &pat).map(|s| pack(Quality::Loose, Place::Name, s)))
                })
                .max()
                .unwrap_or(-1);
            assert_eq!(values[e], one_by_one, "{term:?} on {:?}", entity.names);
            matched += usize::from(one_by_one > 0);
        }
    }
    assert!(matched > 20, "{matched} names matched");
}
