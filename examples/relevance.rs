//! `cargo run --release --example relevance`: casebook's ranking against
//! `fzf --filter` on the judged query set (`tests/relevance/judged.ron`).
//! Prints P@5 and reciprocal rank per query and their means; fzf's columns
//! only when `fzf` is on the PATH. `--verbose` adds each query's top five.

use casebook::dataset::load_bundled;
use casebook::relevance::{Scores, casebook_ranking, fzf_lines, fzf_ranking, has_fzf, judged, means, score};
use casebook::search::SearchIndex;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let ds = load_bundled().expect("the bundled dataset loads");
    let index = SearchIndex::new(&ds, Vec::new());
    let set = judged().expect("tests/relevance/judged.ron parses");
    let lines = fzf_lines(&ds);
    let has_fzf = has_fzf();
    let (mut ours, mut theirs) = (Vec::<Scores>::new(), Vec::<Scores>::new());
    println!(
        "{:<32} {:>6} {:>6} {:>8} {:>8}",
        "query", "P@5", "RR", "fzf P@5", "fzf RR"
    );
    for q in &set {
        let ranked = casebook_ranking(&index, &q.query);
        let s = score(&ranked, &q.relevant);
        ours.push(s);
        let f = if has_fzf {
            fzf_ranking(&lines, &q.query).map(|r| score(&r, &q.relevant))
        } else {
            None
        };
        let fcols = f.map_or("       –        –".to_string(), |f| {
            format!("{:>8.2} {:>8.2}", f.p5, f.rr)
        });
        let flag = if f.is_some_and(|f| f.p5 > s.p5) { "  < fzf" } else { "" };
        println!("{:<32} {:>6.2} {:>6.2} {fcols}{flag}", q.query, s.p5, s.rr);
        if verbose {
            for id in ranked.iter().take(5) {
                let mark = if q.relevant.contains(id) { '+' } else { ' ' };
                println!("    {mark} {id}");
            }
        }
        theirs.extend(f);
    }
    let (p5, mrr) = means(&ours);
    println!("\n{} judged queries", set.len());
    println!("casebook      P@5 {p5:.3}  MRR {mrr:.3}");
    if has_fzf {
        let (fp5, fmrr) = means(&theirs);
        let below = ours.iter().zip(&theirs).filter(|(o, t)| o.p5 < t.p5).count();
        println!("fzf --filter  P@5 {fp5:.3}  MRR {fmrr:.3}");
        println!("queries where casebook's P@5 is below fzf's: {below}");
    } else {
        println!("fzf not found: install it to compare");
    }
}
