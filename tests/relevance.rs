//! The relevance floor: casebook's ranking on the judged query set
//! (`tests/relevance/judged.ron`) must not fall below the figures measured
//! when the ranking model was introduced (README, "Ranking"). A change
//! that puts loose matches back above the words evaluators type fails here.

use casebook::dataset::load_bundled;
use casebook::relevance::{casebook_ranking, fzf_lines, fzf_ranking, has_fzf, judged, means, score};
use casebook::search::SearchIndex;

/// Measured: P@5 0.956, MRR 0.992 (111 queries, 834 passages, with the
/// stem and one-letter misspelling tiers; 0.934 and 0.983 before them). The
/// floor leaves room for the dataset to grow, not for the ranking to slip
/// back.
const P5_FLOOR: f64 = 0.945;
const MRR_FLOOR: f64 = 0.98;

#[test]
fn ranking_stays_above_the_floor() {
    let ds = load_bundled().unwrap();
    let index = SearchIndex::new(&ds, Vec::new());
    let set = judged().unwrap();
    let mut worst = Vec::new();
    let scores: Vec<_> = set
        .iter()
        .map(|q| {
            let s = score(&casebook_ranking(&index, &q.query), &q.relevant);
            if s.rr < 0.5 {
                worst.push(q.query.clone());
            }
            s
        })
        .collect();
    let (p5, mrr) = means(&scores);
    assert!(p5 >= P5_FLOOR, "P@5 {p5:.3} below {P5_FLOOR}");
    assert!(
        mrr >= MRR_FLOOR,
        "MRR {mrr:.3} below {MRR_FLOOR}; first relevant hit late for {worst:?}"
    );
}

/// casebook is never below `fzf --filter` on any judged query (P@5, same
/// passages, same run). Needs fzf: where it is not installed (CI may lack
/// it) the test says so on stderr and passes without comparing.
#[test]
fn never_below_fzf_on_any_query() {
    if !has_fzf() {
        eprintln!("fzf is not installed: casebook is not compared with it");
        return;
    }
    let ds = load_bundled().unwrap();
    let index = SearchIndex::new(&ds, Vec::new());
    let lines = fzf_lines(&ds);
    let below: Vec<String> = judged()
        .unwrap()
        .iter()
        .filter_map(|q| {
            let ours = score(&casebook_ranking(&index, &q.query), &q.relevant).p5;
            let theirs = score(&fzf_ranking(&lines, &q.query)?, &q.relevant).p5;
            (ours < theirs).then(|| format!("{:?}: {ours:.2} < fzf {theirs:.2}", q.query))
        })
        .collect();
    assert!(below.is_empty(), "casebook's P@5 below fzf's: {below:?}");
}

#[test]
fn every_judged_id_is_a_passage() {
    let ds = load_bundled().unwrap();
    for q in judged().unwrap() {
        for id in &q.relevant {
            assert!(ds.passage(id).is_some(), "{:?}: no passage {id}", q.query);
        }
    }
}

#[test]
fn exact_words_come_before_scattered_letters() {
    let ds = load_bundled().unwrap();
    let index = SearchIndex::new(&ds, Vec::new());
    // The report's own words, first: each of these once scattered-matched
    // unrelated passages above the ones that say it.
    for (q, first) in [
        ("transport", "transport"),
        ("crèche", "crèche"),
        ("creche", "crèche"),
        ("Free for 2", "Free for 2"),
    ] {
        let hits = casebook_ranking(&index, q);
        let top = ds.passage(&hits[0]).unwrap();
        let body = format!("{} {}", top.title, top.text);
        assert!(body.contains(first), "{q}: first hit {} does not say {first:?}", top.id);
    }
}
