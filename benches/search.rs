//! `cargo bench`: milliseconds per query of the search engine, on the
//! bundled dataset and on a synthetic national-scale one (152 LAs, 3,600
//! centres, 50,000 passages, generated into a temporary directory and loaded
//! with `load_dir`, as `casebook --data` would).
//!
//! For each: fresh queries of 3, 6 and 12 characters (each search starts
//! from nothing), and queries typed key by key (each keystroke a search of
//! the text so far, as the app does, incremental when it can be). Each
//! figure is the median over at least 15 runs; p90 and max are shown too.

use std::time::{Duration, Instant};

use casebook::dataset::{Dataset, load_bundled, load_dir};
use casebook::search::synthetic::{Spec, write};
use casebook::search::{Filters, SearchIndex, Searcher};

const RUNS: usize = 15;
const FRESH: &[(usize, &[&str])] = &[
    (3, &["job", "chi", "out", "vol"]),
    (6, &["parent", "outrea", "childc", "volunt"]),
    (12, &["lone parents", "jobcentre pl", "work-focused", "volunteering"]),
];
const TYPED: &[&str] = &[
    "lone parents childcare",
    "work-focused interviews",
    "jobcentre plus outreach",
];

struct Budget {
    fresh_ms: f64,
    keystroke_ms: f64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// (median, p90, max) in milliseconds.
fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.9), v[v.len() - 1])
}

fn row(dataset: &str, what: &str, samples: Vec<f64>, budget: f64, ok: &mut bool) {
    let n = samples.len();
    let (median, p90, max) = stats(samples);
    let pass = median < budget;
    *ok &= pass;
    println!(
        "{dataset:<10} {what:<26} {median:>9.3} {p90:>9.3} {max:>9.3} {n:>6} {budget:>9} {}",
        if pass { "pass" } else { "FAIL" }
    );
}

fn bench(name: &str, ds: &Dataset, budget: &Budget, ok: &mut bool) {
    let t = Instant::now();
    let index = SearchIndex::new(ds, Vec::new());
    let docs = index.len();
    let build = ms(t.elapsed());
    let mut searcher = Searcher::new(index);
    let filters = Filters::default();
    for &(len, queries) in FRESH {
        let mut samples = Vec::new();
        for _ in 0..RUNS {
            for q in queries {
                assert_eq!(q.chars().count(), len);
                searcher.reset();
                let t = Instant::now();
                let hits = searcher.search(q, &filters).expect("valid query").len();
                samples.push(ms(t.elapsed()));
                std::hint::black_box(hits);
            }
        }
        row(name, &format!("fresh, {len} chars"), samples, budget.fresh_ms, ok);
    }
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        for phrase in TYPED {
            searcher.reset();
            for (end, _) in phrase.char_indices().skip(1).chain([(phrase.len(), ' ')]) {
                let t = Instant::now();
                let hits = searcher.search(&phrase[..end], &filters).expect("valid query").len();
                samples.push(ms(t.elapsed()));
                std::hint::black_box(hits);
            }
        }
    }
    row(name, "typed, per keystroke", samples, budget.keystroke_ms, ok);
    println!("{name:<10} ({docs} documents; index built in {build:.0} ms)");
}

fn main() {
    println!("search benchmark: milliseconds per query, median over {RUNS}+ runs (release build)");
    println!(
        "{:<10} {:<26} {:>9} {:>9} {:>9} {:>6} {:>9} result",
        "dataset", "query", "median", "p90", "max", "runs", "budget"
    );
    let mut ok = true;
    match load_bundled() {
        Ok(ds) => bench(
            "bundled",
            &ds,
            &Budget {
                fresh_ms: 2.0,
                keystroke_ms: 2.0,
            },
            &mut ok,
        ),
        Err(e) => println!("bundled    (skipped: the bundled dataset does not load: {e})"),
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let t = Instant::now();
    write(dir.path(), &Spec::NATIONAL).expect("write the synthetic dataset");
    let ds = load_dir(dir.path()).expect("the synthetic dataset loads");
    println!("national   (generated and loaded in {:.0} ms)", ms(t.elapsed()));
    bench(
        "national",
        &ds,
        &Budget {
            fresh_ms: 100.0,
            keystroke_ms: 16.0,
        },
        &mut ok,
    );
    println!(
        "{}",
        if ok {
            "all within budget"
        } else {
            "some figures are over budget"
        }
    );
}
