//! The relevance benchmark: a judged query set (`tests/relevance/judged.ron`:
//! what evaluators type, and every passage relevant to each query, judged by
//! reading the passages) and the two measures it is scored by. Shared by the
//! `relevance` example (casebook beside `fzf --filter`) and the test that
//! keeps a floor under casebook's figures. Not part of the app.
//!
//! - **P@5**: of the first five results, the share that are relevant, out
//!   of `min(5, relevant)`, so a query with two relevant passages scores 1
//!   when both come first.
//! - **MRR**: the mean over queries of 1 / the rank of the first relevant
//!   result (0 when none is returned).

use std::collections::HashSet;
use std::io::Write;
use std::process::{Command, Stdio};

use serde::Deserialize;

use crate::dataset::Dataset;
use crate::search::{Filters, Query, SearchIndex};

/// The judged queries, as bundled.
pub const JUDGED: &str = include_str!("../tests/relevance/judged.ron");

/// One judged query.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judged {
    pub query: String,
    /// What kind of query it is and what it is after.
    pub why: String,
    /// Every relevant passage id.
    pub relevant: Vec<String>,
}

/// Parse the judged set.
pub fn judged() -> Result<Vec<Judged>, ron::error::SpannedError> {
    ron::from_str(JUDGED)
}

/// A query's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub p5: f64,
    pub rr: f64,
}

/// Score one ranked list of ids against the relevant ones.
pub fn score(ranked: &[String], relevant: &[String]) -> Scores {
    let rel: HashSet<&str> = relevant.iter().map(String::as_str).collect();
    let top = ranked.iter().take(5).filter(|id| rel.contains(id.as_str())).count();
    let p5 = if rel.is_empty() {
        0.0
    } else {
        top as f64 / rel.len().min(5) as f64
    };
    let rr = ranked
        .iter()
        .position(|id| rel.contains(id.as_str()))
        .map_or(0.0, |at| 1.0 / (at + 1) as f64);
    Scores { p5, rr }
}

/// casebook's ranking of every passage for `query` (loose matches last).
pub fn casebook_ranking(index: &SearchIndex, query: &str) -> Vec<String> {
    match Query::parse(query) {
        Ok(q) => index
            .search(&q, &Filters::default(), 0)
            .into_iter()
            .map(|h| h.id)
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// One line per passage as fzf is given it: `id<TAB>title text`, line
/// breaks as spaces (fzf matches on the part after the tab).
pub fn fzf_lines(ds: &Dataset) -> String {
    let mut out = String::new();
    for p in &ds.passages {
        let body = format!("{} {}", p.title, p.text).replace(['\n', '\r', '\t'], " ");
        out.push_str(&format!("{}\t{body}\n", p.id));
    }
    out
}

/// `fzf --filter`'s ranking of the passages for `query`, given
/// [`fzf_lines`]; `None` when fzf is not installed (or fails).
pub fn fzf_ranking(lines: &str, query: &str) -> Option<Vec<String>> {
    let mut child = Command::new("fzf")
        .args(["--filter", query, "--delimiter", "\t", "--nth", "2.."])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    // fzf reads everything before it answers; a write error means it
    // stopped early, and its output says what it found.
    let _ = child.stdin.take()?.write_all(lines.as_bytes());
    let out = child.wait_with_output().ok()?;
    if !out.status.success() && out.status.code() != Some(1) {
        return None; // 1: no match; 2 and others: an error
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Some(
        text.lines()
            .filter_map(|l| l.split('\t').next())
            .map(String::from)
            .collect(),
    )
}

/// Is fzf installed? (It answers a query over one line.)
pub fn has_fzf() -> bool {
    fzf_ranking("x\ta\n", "a").is_some_and(|r| r == ["x"])
}

/// Mean scores over a set: (mean P@5, MRR).
pub fn means(all: &[Scores]) -> (f64, f64) {
    let n = all.len().max(1) as f64;
    (
        all.iter().map(|s| s.p5).sum::<f64>() / n,
        all.iter().map(|s| s.rr).sum::<f64>() / n,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn precision_counts_against_what_can_be_found() {
        let s = score(&ids(&["a", "x", "b"]), &ids(&["a", "b"]));
        assert_eq!(s.p5, 1.0);
        assert_eq!(s.rr, 1.0);
        let s = score(&ids(&["x", "y", "a"]), &ids(&["a", "b", "c", "d", "e", "f"]));
        assert!((s.p5 - 0.2).abs() < 1e-9);
        assert!((s.rr - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(score(&[], &ids(&["a"])), Scores { p5: 0.0, rr: 0.0 });
    }

    #[test]
    fn the_judged_set_parses_and_is_large_enough() {
        let j = judged().unwrap();
        assert!(j.len() >= 60, "{} queries", j.len());
        assert!(j.iter().all(|q| !q.relevant.is_empty()));
    }
}
