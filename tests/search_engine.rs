//! The search engine on a small dataset built here (not the bundled one):
//! every operator, folding, highlight positions on accents, CJK and emoji,
//! ranking, abbreviations, filters, extra documents, and properties: match
//! ranges lie inside their text, incremental search equals a fresh one, and
//! no input panics.

#![allow(clippy::single_range_in_vec_init)]

use std::ops::Range;

use casebook::dataset::{Dataset, Kind, SourceFile, load};
use casebook::search::{Filters, Hit, LOOSE_FIRST, Query, QueryError, SearchDoc, SearchIndex, Searcher};
use casebook::synthetic::{Spec, generate};
use proptest::prelude::*;

const LAS: &str = r#"[
    (id: "lambeth", name: "Lambeth"),
    (id: "ealing", name: "Ealing"),
    (id: "somerset", name: "Somerset", aliases: ["West Somerset"]),
]"#;
const CENTRES: &str = r#"[
    (id: "lambeth-lark-hall", la: "lambeth", name: "Lark Hall", table_name: "Lambeth Lark Hall", wards: ["lambeth-larkhall"]),
    (id: "ealing-south-acton", la: "ealing", name: "South Acton", table_name: "Ealing South Acton"),
]"#;
const WARDS: &str = r#"[
    (id: "lambeth-larkhall", la: "lambeth", name: "Larkhall"),
    (id: "ealing-south-acton", la: "ealing", name: "South Acton"),
]"#;
const THEMES: &str = r#"[
    (id: "outreach", label: "Outreach and engagement", description: "d", synonyms: ["hard-to-reach"]),
    (id: "benefits", label: "Benefits and tax credits", description: "d", synonyms: ["JSA"]),
    (id: "childcare", label: "Childcare", description: "d", synonyms: ["crèche"]),
]"#;
const GLOSSARY: &str = r#"[
    (abbr: "IB", expansion: "Incapacity Benefit"),
    (abbr: "JCP", expansion: "Jobcentre Plus"),
]"#;
const PASSAGES: &str = r#"[
    (id: "p-cafe", kind: Finding, las: ["lambeth"], centre: Some("lambeth-lark-hall"), title: "Café meetings at Lark Hall",
        text: "Parents met at the café every week. École-style sessions were popular.", themes: ["outreach"],
        document: Baseline, chapter: "Test", section: "Appendix B, Lambeth"),
    (id: "p-ib", kind: View, las: ["ealing"], centre: Some("ealing-south-acton"), title: "Claimants of Incapacity Benefit",
        text: "Advisers worked with parents claiming Incapacity Benefit and JSA.", themes: ["benefits"],
        document: Interim, chapter: "Test", section: "Engagement"),
    (id: "p-ib2", kind: Finding, las: ["somerset"], title: "Benefit take-up",
        text: "Few parents on IB attended the sessions.", themes: ["benefits"],
        document: Baseline, chapter: "Test", section: "Appendix B, Somerset"),
    (id: "p-outreach-title", kind: Finding, las: ["ealing"], title: "Outreach to fathers",
        text: "Staff visited homes.", themes: ["outreach"], document: Baseline, chapter: "Test", section: "Engagement"),
    (id: "p-outreach-body", kind: Finding, las: ["lambeth"], title: "Home visits",
        text: "Outreach to fathers took longer than planned.", themes: ["outreach"], document: Baseline, chapter: "Test", section: "Engagement"),
    (id: "p-cjk", kind: Observation, title: "国际 partners 🎉 party",
        text: "Emoji 🎉 and CJK 日本語 text with café and naïve words.", themes: ["childcare"],
        document: Interim, chapter: "Test", section: "Notes"),
    (id: "p-creche", kind: Risk, wards: ["lambeth-larkhall"], title: "Crèche places",
        text: "The crèche closed in the summer.\nBarriers remained", themes: ["childcare"],
        document: Interim, chapter: "Test", section: "Risks"),
]"#;

fn fixture() -> Dataset {
    let file = |path: &str, text: &str| SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    };
    load(vec![
        file("las.ron", LAS),
        file("centres.ron", CENTRES),
        file("wards.ron", WARDS),
        file("themes.ron", THEMES),
        file("glossary.ron", GLOSSARY),
        file("passages/fixture.ron", PASSAGES),
    ])
    .expect("the fixture is a valid dataset")
}

fn index() -> SearchIndex {
    SearchIndex::new(&fixture(), Vec::new())
}

fn search(index: &SearchIndex, q: &str) -> Vec<Hit> {
    index.search(&Query::parse(q).expect("valid query"), &Filters::default(), 0)
}

fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    search(index, q).into_iter().map(|h| h.id).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The characters of `s` in `r`.
fn slice(s: &str, r: &Range<usize>) -> String {
    s.chars().skip(r.start).take(r.end - r.start).collect()
}

#[test]
fn fuzzy_terms_and_and() {
    let ix = index();
    // Fuzzy: the characters in order, best matches first.
    assert_eq!(ids(&ix, "ftrs")[..2], ["p-outreach-title", "p-outreach-body"]);
    assert!(ids(&ix, "ftrs").len() < 7);
    assert_eq!(
        ids(&ix, "outreach fathers"),
        vec!["p-outreach-title", "p-outreach-body"]
    );
    assert_eq!(ids(&ix, "outreach planned"), vec!["p-outreach-body"]);
    assert!(ids(&ix, "zzqx").is_empty());
}

#[test]
fn exact_word_prefix_suffix_and_equal() {
    let ix = index();
    // 'exact: a substring, not a subsequence.
    assert!(ids(&ix, "vstd").contains(&"p-outreach-title".to_string()));
    assert!(ids(&ix, "'vstd").is_empty());
    assert_eq!(ids(&ix, "'visited"), vec!["p-outreach-title"]);
    // 'word': whole words only.
    assert_eq!(sorted(ids(&ix, "'week'")), vec!["p-cafe"]);
    assert!(ids(&ix, "'wee'").is_empty());
    // ^prefix and suffix$: the title, a line of the text, or a name.
    assert_eq!(ids(&ix, "^home"), vec!["p-outreach-body"]);
    assert_eq!(ids(&ix, "^barriers"), vec!["p-creche"]);
    assert_eq!(ids(&ix, "places$"), vec!["p-creche"]);
    assert_eq!(ids(&ix, "homes.$"), vec!["p-outreach-title"]);
    // A space splits terms (each anchored); a backslash keeps it.
    assert_eq!(ids(&ix, "^home visits$"), vec!["p-outreach-body"]);
    assert!(ids(&ix, "^home\\ fathers").is_empty());
    assert_eq!(ids(&ix, r"^home\ visits$"), vec!["p-outreach-body"]);
}

#[test]
fn negation_and_or() {
    let ix = index();
    let all = ids(&ix, "");
    assert_eq!(all.len(), 7);
    let not_fathers = ids(&ix, "!fathers");
    assert_eq!(not_fathers.len(), 5);
    assert!(!not_fathers.contains(&"p-outreach-body".to_string()));
    // Negation looks at names too: every Lambeth document is left out.
    assert!(!ids(&ix, "!lambeth").contains(&"p-cafe".to_string()));
    // (p-cjk: its theme has the synonym "crèche".)
    assert_eq!(
        sorted(ids(&ix, "'fathers | 'crèche")),
        vec!["p-cjk", "p-creche", "p-outreach-body", "p-outreach-title"]
    );
    assert_eq!(
        sorted(ids(&ix, "'fathers | 'crèche !visited !emoji")),
        vec!["p-creche", "p-outreach-body"]
    );
    assert_eq!(ids(&ix, "!^home"), ids(&ix, r"!'home\ visits"));
    assert_eq!(ids(&ix, "!^home").len(), 6);
}

#[test]
fn scopes_filter_by_field() {
    let ix = index();
    assert_eq!(
        ids(&ix, "la:lambeth"),
        vec!["p-cafe", "p-outreach-body", "p-creche"],
        "the ward's LA counts"
    );
    assert_eq!(ids(&ix, "la:west"), vec!["p-ib2"], "aliases count");
    assert_eq!(sorted(ids(&ix, "theme:benefit")), vec!["p-ib", "p-ib2"]);
    assert_eq!(ids(&ix, "theme:crèche"), vec!["p-cjk", "p-creche"], "synonyms count");
    assert_eq!(ids(&ix, "kind:risk"), vec!["p-creche"]);
    assert_eq!(
        ids(&ix, "kind:early"),
        vec!["p-ib"],
        "kind labels count (View: Early view)"
    );
    assert_eq!(ids(&ix, "centre:acton"), vec!["p-ib"]);
    assert_eq!(ids(&ix, "ward:larkhall"), vec!["p-creche"]);
    assert_eq!(ids(&ix, "la:lambeth !kind:finding"), vec!["p-creche"]);
    assert_eq!(
        ids(&ix, "la:ealing | la:somerset benefit"),
        vec!["p-ib2", "p-ib"],
        "title start first"
    );
}

#[test]
fn filters_are_ids_ored_within_and_anded_across() {
    let ix = index();
    let f = Filters {
        las: vec!["ealing".into(), "somerset".into()],
        ..Filters::default()
    };
    let hits = ix.search(&Query::parse("").unwrap(), &f, 0);
    assert_eq!(
        hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        vec!["p-ib", "p-ib2", "p-outreach-title"]
    );
    let f = Filters {
        las: vec!["ealing".into()],
        kinds: vec![Kind::Finding],
        ..Filters::default()
    };
    let hits = ix.search(&Query::parse("").unwrap(), &f, 0);
    assert_eq!(
        hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        vec!["p-outreach-title"]
    );
    let f = Filters {
        themes: vec!["childcare".into()],
        centres: vec![],
        ..Filters::default()
    };
    assert_eq!(ix.search(&Query::parse("crèche").unwrap(), &f, 0).len(), 2);
    let f = Filters {
        centres: vec!["lambeth-lark-hall".into()],
        ..Filters::default()
    };
    assert_eq!(ix.search(&Query::parse("").unwrap(), &f, 0)[0].id, "p-cafe");
    // An empty query lists everything that passes, in dataset order, score 0.
    let all = ix.search(&Query::parse("  ").unwrap(), &Filters::default(), 0);
    assert!(all.iter().all(|h| h.score == 0));
    assert_eq!(
        all.iter().map(|h| h.doc).collect::<Vec<_>>(),
        (0..7).collect::<Vec<_>>()
    );
    assert_eq!(ix.search(&Query::parse("").unwrap(), &Filters::default(), 2).len(), 2);
}

#[test]
fn folding_accents_and_smart_case() {
    let ix = index();
    assert_eq!(ids(&ix, "cafe")[0], "p-cafe");
    assert_eq!(ids(&ix, "'cafe"), vec!["p-cafe", "p-cjk"]);
    assert_eq!(ids(&ix, "'café"), vec!["p-cafe", "p-cjk"]);
    assert_eq!(ids(&ix, "'ecole"), vec!["p-cafe"]);
    assert_eq!(ids(&ix, "'naive"), vec!["p-cjk"]);
    assert_eq!(
        ids(&ix, "'creche"),
        vec!["p-creche", "p-cjk"],
        "text above a theme synonym"
    );
    // An upper-case letter makes its term case-sensitive.
    assert_eq!(ids(&ix, "'Cafe"), vec!["p-cafe"]);
    assert!(ids(&ix, "'CAFE").is_empty());
    assert_eq!(ids(&ix, "'Ecole"), vec!["p-cafe"]);
    assert_eq!(ids(&ix, "'École"), vec!["p-cafe"]);
    assert!(ids(&ix, "'outreach to Fathers").is_empty());
}

#[test]
fn highlights_are_character_ranges_of_the_original_text() {
    let ix = index();
    let hit = &search(&ix, "'cafe")[0];
    assert_eq!(hit.id, "p-cafe");
    assert_eq!(hit.title_matches, vec![0..4]);
    assert_eq!(slice(&hit.title, &hit.title_matches[0]), "Café");
    let text = &ix.doc(hit.doc).unwrap().text;
    assert_eq!(
        hit.text_matches.iter().map(|r| slice(text, r)).collect::<Vec<_>>(),
        vec!["café"]
    );

    // After emoji and CJK, positions still count characters.
    let hit = search(&ix, "'cafe").into_iter().find(|h| h.id == "p-cjk").unwrap();
    let text = &ix.doc(hit.doc).unwrap().text;
    assert_eq!(hit.text_matches, vec![30..34]);
    assert_eq!(slice(text, &hit.text_matches[0]), "café");
    let hit = &search(&ix, "'日本")[0];
    assert_eq!(slice(&ix.doc(hit.doc).unwrap().text, &hit.text_matches[0]), "日本");
    let hit = &search(&ix, "'party")[0];
    assert_eq!(hit.title_matches, vec![14..19]);
    assert_eq!(slice(&hit.title, &hit.title_matches[0]), "party");
    let hit = &search(&ix, "'🎉")[0];
    assert_eq!(slice(&hit.title, &hit.title_matches[0]), "🎉");

    // Decomposed accents: the mark is highlighted with its letter.
    let doc = SearchDoc {
        title: "Cafe\u{301} time".into(),
        ..note("n-1", "x")
    };
    let ix = SearchIndex::new(&Dataset::default(), vec![doc]);
    let hit = &search(&ix, "'cafe")[0];
    assert_eq!(hit.title_matches, vec![0..5]);
}

#[test]
fn snippets_centre_on_the_best_text_match() {
    let ix = index();
    let hit = &search(&ix, "'popular")[0];
    assert_eq!(slice(&hit.snippet, &hit.snippet_matches[0]), "popular");
    // Only the title matched: the snippet is the title.
    let hit = &search(&ix, "'meetings")[0];
    assert_eq!(hit.snippet, hit.title);
    assert_eq!(hit.snippet_matches, hit.title_matches);
    // Only a name matched: the opening of the text, nothing highlighted.
    let hit = &search(&ix, "'south acton")[0];
    assert!(hit.snippet.starts_with("Advisers"));
    assert!(hit.snippet_matches.is_empty());
}

#[test]
fn ranking_title_above_body_then_dataset_order() {
    let ix = index();
    let hits = search(&ix, "outreach");
    let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    // Title match first; then the body match; then documents matching only
    // through their theme's name, in dataset order (equal scores).
    assert_eq!(order, vec!["p-outreach-title", "p-outreach-body", "p-cafe"]);
    assert!(hits[0].score > hits[1].score);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    // Equal scores keep dataset order, however many times it runs.
    let twice: Vec<String> = search(&ix, "outreach").into_iter().map(|h| h.id).collect();
    assert_eq!(twice, order);
    // A limit keeps the best.
    let top = ix.search(&Query::parse("outreach").unwrap(), &Filters::default(), 1);
    assert_eq!(top[0].id, "p-outreach-title");
}

#[test]
fn hits_carry_what_a_list_shows() {
    let ix = index();
    let hit = search(&ix, "'claimants").remove(0);
    assert_eq!(hit.id, "p-ib");
    assert_eq!(hit.kind, Kind::View);
    assert_eq!(hit.las, vec!["ealing"]);
    assert_eq!(hit.centre.as_deref(), Some("ealing-south-acton"));
    assert_eq!(hit.themes, vec!["benefits"]);
    assert_eq!(hit.source, "Interim case-study summary, Engagement");
    assert!(hit.score > 0);
}

#[test]
fn abbreviations_expand_both_ways() {
    let ix = index();
    // `IB` finds the spelled-out form, and the abbreviation itself.
    assert_eq!(sorted(ids(&ix, "IB")), vec!["p-ib", "p-ib2"]);
    assert_eq!(sorted(ids(&ix, "ib")), vec!["p-ib", "p-ib2"]);
    let hit = search(&ix, "IB").into_iter().find(|h| h.id == "p-ib").unwrap();
    assert_eq!(slice(&hit.title, &hit.title_matches[0]), "Incapacity Benefit");
    // The expansion finds the abbreviation, as a whole word.
    assert_eq!(sorted(ids(&ix, "incapacity benefit")), vec!["p-ib", "p-ib2"]);
    let hit = search(&ix, "incapacity benefit")
        .into_iter()
        .find(|h| h.id == "p-ib2")
        .unwrap();
    let text = &ix.doc(hit.doc).unwrap().text;
    assert_eq!(slice(text, &hit.text_matches[0]), "IB");
}

fn note(id: &str, text: &str) -> SearchDoc {
    SearchDoc {
        id: id.into(),
        kind: Kind::Note,
        las: vec!["lambeth".into()],
        centre: None,
        wards: vec![],
        title: "Field note".into(),
        text: text.into(),
        themes: vec![],
        source: "Field note, 2010-03-01".into(),
    }
}

#[test]
fn extra_documents_are_searched_and_replaced() {
    let mut ix = SearchIndex::new(&fixture(), vec![note("n-1", "Met the JCP adviser at Lark Hall")]);
    assert_eq!(ix.len(), 8);
    let hit = search(&ix, "'jcp adviser").remove(0);
    assert_eq!((hit.id.as_str(), hit.kind, hit.doc), ("n-1", Kind::Note, 7));
    assert_eq!(ids(&ix, "kind:note la:lambeth"), vec!["n-1"]);
    assert_eq!(
        ids(&ix, "jobcentre plus"),
        vec!["n-1"],
        "abbreviations expand in notes too"
    );
    ix.set_extra(vec![note("n-2", "Second visit"), note("n-3", "Unknown LA")]);
    assert_eq!(ix.len(), 9);
    assert!(ids(&ix, "'jcp adviser").is_empty());
    assert_eq!(ids(&ix, "kind:note"), vec!["n-2", "n-3"]);
    // Ids the dataset does not know still work as scopes.
    let mut odd = note("n-4", "x");
    odd.las = vec!["atlantis".into()];
    ix.set_extra(vec![odd]);
    assert_eq!(ids(&ix, "la:atlantis"), vec!["n-4"]);
}

#[test]
fn syntax_errors_name_the_problem() {
    let mut s = Searcher::new(index());
    assert_eq!(
        s.search("!", &Filters::default()).unwrap_err(),
        QueryError::LoneNegation
    );
    let e = s.search("foo:bar", &Filters::default()).unwrap_err();
    assert!(e.to_string().contains("unknown scope `foo:`"), "{e}");
    assert!(
        s.search("a |", &Filters::default())
            .unwrap_err()
            .to_string()
            .contains('|')
    );
}

#[test]
fn the_searcher_narrows_incrementally() {
    let mut s = Searcher::new(index());
    let f = Filters::default();
    s.search("o", &f).unwrap();
    assert!(!s.was_incremental());
    // A term reaching 4 or 8 letters may now match as a close misspelling
    // where the shorter one only matched loosely: searched afresh.
    for (q, narrowed) in [
        ("ou", true),
        ("out", true),
        ("outr", false),
        ("outre", true),
        ("outreach", false),
        ("outreach ", true),
        ("outreach f", true),
        ("outreach fa", true),
    ] {
        let hits: Vec<Hit> = s.search(q, &f).unwrap().to_vec();
        assert_eq!(s.was_incremental(), narrowed, "{q}");
        let fresh = s.index().search(&Query::parse(q).unwrap(), &f, s.limit());
        // The loose hits past the first few are built as the list scrolls.
        assert_eq!(hits, fresh[..hits.len()], "{q}");
        let good = fresh.iter().filter(|h| !h.quality.is_loose()).count();
        // Loose hits are built (a few) only when the better ones do not
        // fill the screenful.
        let screen = s.limit() - LOOSE_FIRST;
        let built = if good < screen { good + LOOSE_FIRST } else { good };
        assert!(hits.len() >= fresh.len().min(built), "{q}");
        assert_eq!(s.loose_counted(), good < screen, "{q}");
        assert_eq!(s.more(s.limit()), fresh.as_slice(), "{q}");
        // Fewer matches than the limit: the loose ones are counted too.
        assert!(s.loose_counted());
        assert_eq!(s.total(), fresh.len());
    }
    // Erasing back to an earlier query narrows from that search's matches.
    s.search("outreach", &f).unwrap();
    assert!(s.was_incremental());
    // Widening, OR and negation search afresh.
    for q in ["outreach | x", "!x", "!xy"] {
        s.search(q, &f).unwrap();
        assert!(!s.was_incremental(), "{q}");
    }
    // Other filters: afresh.
    s.search("o", &f).unwrap();
    s.search(
        "ou",
        &Filters {
            kinds: vec![Kind::Finding],
            ..f.clone()
        },
    )
    .unwrap();
    assert!(!s.was_incremental());
    // An error keeps the last hits.
    let before = s.hits().to_vec();
    assert!(s.search("ou !", &f).is_err());
    assert_eq!(s.hits(), before.as_slice());
}

#[test]
fn no_input_panics() {
    let ix = index();
    let long = "ab".repeat(900);
    for q in [
        "",
        " ",
        "\t\n",
        "'",
        "^",
        "$",
        "^$",
        "!^",
        "|",
        "a||b",
        "\u{301}",
        "!\u{301}",
        "'\u{301}'",
        "🎉",
        "日本語",
        &long,
        "a\\",
        "\\ ",
        "la:\u{301}",
        "^'x",
        "x$$",
        "''",
    ] {
        if let Ok(q) = Query::parse(q) {
            for h in ix.search(&q, &Filters::default(), 0) {
                check_ranges(&ix, &h);
            }
        }
    }
}

fn check_ranges(ix: &SearchIndex, h: &Hit) {
    let text = &ix.doc(h.doc).unwrap().text;
    for (ranges, s) in [
        (&h.title_matches, &h.title),
        (&h.text_matches, text),
        (&h.snippet_matches, &h.snippet),
    ] {
        let n = s.chars().count();
        for r in ranges.iter() {
            assert!(r.start < r.end && r.end <= n, "{r:?} outside {n} characters of {s:?}");
        }
        for w in ranges.windows(2) {
            assert!(w[0].end < w[1].start, "ranges not merged and sorted: {ranges:?}");
        }
    }
}

proptest! {
    #[test]
    fn every_range_lies_inside_its_text(q in "[a-zéèA-Z日🎉' ^$!|]{0,12}") {
        let ix = index();
        if let Ok(query) = Query::parse(&q) {
            for h in ix.search(&query, &Filters::default(), 0) {
                check_ranges(&ix, &h);
            }
        }
    }

    #[test]
    fn ranges_stay_inside_arbitrary_text(text in "\\PC{0,300}", q in "\\PC{1,6}") {
        let doc = SearchDoc { title: text.chars().take(40).collect(), text: text.clone(), ..note("n", "") };
        let ix = SearchIndex::new(&Dataset::default(), vec![doc]);
        if let Ok(query) = Query::parse(&q) {
            for h in ix.search(&query, &Filters::default(), 0) {
                check_ranges(&ix, &h);
            }
        }
    }
}

/// Typing a query key by key, and erasing it, gives exactly the hits of fresh searches,
/// on a synthetic dataset big enough for bounds and limits to matter.
#[test]
fn incremental_equals_fresh_on_a_larger_dataset() {
    let ds = generate(&Spec {
        las: 8,
        centres: 40,
        passages: 3000,
        seed: 11,
    });
    let mut s = Searcher::new(SearchIndex::new(&ds, Vec::new())).with_limit(25);
    let f = Filters::default();
    for phrase in [
        "lone parents childcare",
        "work-focused interviews",
        "jobcentre plus outreach",
        "jcp outreach",
        "ib claimants",
        "la:a theme:out par",
        // Stems (`employment` finds "employers") and a letter too many.
        "employment trainings",
        "parentts",
    ] {
        s.reset();
        // Typed key by key, then erased key by key (an erased query narrows
        // from an earlier search, not the last one).
        let ends: Vec<usize> = phrase
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([phrase.len()])
            .collect();
        for &end in ends.iter().chain(ends.iter().rev().skip(1)) {
            let q = &phrase[..end];
            let Ok(hits) = s.search(q, &f) else { continue };
            let hits = hits.to_vec();
            let fresh = s.index().search(&Query::parse(q).unwrap(), &f, 25);
            // A prefix (loose hits are built a few at a time; when only
            // spacing changed, the hits already built, maybe more).
            let n = hits.len().min(fresh.len());
            assert!(n >= fresh.len().min(LOOSE_FIRST), "typing {q:?}");
            assert_eq!(&hits[..n], &fresh[..n], "typing {q:?}");
            // Scrolling on builds the same hits as a fresh search.
            if end % 2 == 0 {
                let fresh = s.index().search(&Query::parse(q).unwrap(), &f, 60);
                assert_eq!(s.more(60), fresh.as_slice(), "typing {q:?}, 60 hits");
            }
        }
    }
}
