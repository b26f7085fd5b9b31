//! `cargo bench --bench app`: what each key costs in the app at national
//! scale (the synthetic dataset: 152 LAs, 3,600 centres and wards, 50,000
//! passages, Tables A.1–A.9 for every area), and how much memory casebook
//! takes there.
//!
//! A key is measured the way the app spends it: `update` for the action,
//! then a full frame rendered to a 120×40 test terminal (no real terminal).
//! Each case is a sequence of keys a person would press; the budget is p99
//! below 16 ms (one frame at 60 Hz). Typing in the search box is measured
//! too (its speed belongs to the search engine).
//!
//! Peak memory: the maximum resident set size of `casebook --data DIR
//! check`, `casebook --data DIR search partner` and of the app itself (run
//! on a pseudo-terminal, opened, searched, shown the Matrix, then quit), each
//! read from `wait4` for that one child process (Unix only).

use std::sync::Arc;
use std::time::Instant;

use casebook::app::nav::{NavItem, Section};
use casebook::app::{Action, Focus, State, update};
use casebook::dataset::{Dataset, load_dir};
use casebook::notes::NoteStore;
use casebook::synthetic::{Spec, write};
use casebook::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[cfg(unix)]
#[path = "app/rss.rs"]
mod rss;

const BUDGET_MS: f64 = 16.0;

struct Bench {
    _notes: tempfile::TempDir,
    state: State,
    term: Terminal<TestBackend>,
    theme: Theme,
}

impl Bench {
    fn new(ds: Arc<Dataset>) -> Bench {
        let notes = tempfile::tempdir().expect("temp dir");
        let mut state = State::new(ds, NoteStore::open(&notes.path().join("notes.ron")));
        // As the app does on a thread after its first frame.
        state.lookup.warm();
        update(&mut state, Action::Resize(120, 40));
        let term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let mut b = Bench {
            _notes: notes,
            state,
            term,
            theme: Theme { color: true },
        };
        b.key(Action::Tick);
        b
    }

    /// One key: the action, then a frame; milliseconds.
    fn key(&mut self, a: Action) -> f64 {
        let t = Instant::now();
        update(&mut self.state, a);
        let (state, theme) = (&self.state, &self.theme);
        self.term.draw(|f| render(f, state, theme)).expect("draw");
        t.elapsed().as_secs_f64() * 1000.0
    }

    fn keys(&mut self, keys: impl IntoIterator<Item = Action>) -> Vec<f64> {
        keys.into_iter().map(|a| self.key(a)).collect()
    }

    /// Select `item` in the navigator (not timed).
    fn go(&mut self, item: &NavItem) {
        update(&mut self.state, Action::Cancel);
        self.state.focus = Focus::Nav;
        update(&mut self.state, Action::Top);
        while self.state.nav_item().as_ref() != Some(item) {
            let before = self.state.nav_selected;
            update(&mut self.state, Action::Down);
            assert_ne!(before, self.state.nav_selected, "{item:?} not in the navigator");
        }
        self.key(Action::Tick);
    }
}

struct Case {
    name: &'static str,
    samples: Vec<f64>,
    judged: bool,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The LA with the most passages that name it: its panes' lists are longest.
fn busiest_la(ds: &Dataset) -> String {
    let mut count = std::collections::HashMap::<&str, usize>::new();
    for p in &ds.passages {
        for la in &p.las {
            *count.entry(la.as_str()).or_default() += 1;
        }
    }
    let best = count.into_iter().max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)));
    best.map_or_else(|| ds.las[0].id.clone(), |(id, _)| id.to_string())
}

fn cases(b: &mut Bench) -> Vec<Case> {
    let ds = b.state.ds.clone();
    let mut out = Vec::new();
    let mut case = |name, samples, judged| out.push(Case { name, samples, judged });

    // The navigator: down through every LA and back up; each move shows
    // another LA's Overview.
    b.go(&NavItem::La(ds.las[0].id.clone()));
    let n = ds.las.len();
    let mut s = b.keys((0..n).map(|_| Action::Down));
    s.extend(b.keys((0..n).map(|_| Action::Up)));
    case("navigator: move among 152 LAs", s, true);

    // Every tab of several LA panes, in order and back.
    let mut s = Vec::new();
    for la in ds.las.iter().step_by(15) {
        b.go(&NavItem::La(la.id.clone()));
        b.key(Action::FocusNext);
        s.extend(b.keys((1..=8).chain((1..=7).rev()).map(Action::TabNumber)));
    }
    case("LA pane: switch tabs 1-8", s, true);

    // The busiest LA's Findings & mentions tab: open it, then scroll.
    let busy = busiest_la(&ds);
    let mut open = Vec::new();
    let mut scroll = Vec::new();
    for _ in 0..10 {
        b.go(&NavItem::La(busy.clone()));
        b.key(Action::FocusNext);
        b.key(Action::TabNumber(1));
        open.push(b.key(Action::TabNumber(6)));
        scroll.extend(b.keys((0..60).map(|_| Action::Down)));
        scroll.extend(b.keys([Action::PageDown, Action::PageDown, Action::Bottom, Action::Top]));
        scroll.extend(b.keys((0..4).map(|_| Action::HalfPageDown)));
    }
    let listed = casebook::app::derived::current_entries(&b.state).len();
    println!("(the {busy} Findings & mentions tab lists {listed} entries)");
    case("LA pane: open a tab of hundreds of passages", open, true);
    case("LA pane: scroll hundreds of passages", scroll, true);

    // The Findings section: every finding of 50,000 passages.
    b.go(&NavItem::Section(Section::Findings));
    let mut s = b.keys([Action::FocusNext]);
    s.extend(b.keys((0..60).map(|_| Action::Down)));
    s.extend(b.keys([Action::PageDown, Action::Bottom, Action::Top]));
    s.extend(b.keys([Action::TabNumber(2), Action::TabNumber(3), Action::TabNumber(1)]));
    case("Findings section: tabs and scroll", s, true);

    // Table A.4 in the table view: a row for each of 3,600 wards.
    b.state.expanded.insert(NavItem::Section(Section::Tables));
    let mut s = Vec::new();
    for id in ["A.4", "A.9"] {
        b.go(&NavItem::Table(id.into()));
        s.extend(b.keys([Action::FocusNext]));
        s.extend(b.keys((0..30).map(|_| Action::Down)));
        s.extend(b.keys([
            Action::Right,
            Action::Sort,
            Action::Sort,
            Action::PageDown,
            Action::Bottom,
            Action::Top,
        ]));
    }
    b.state.expanded.clear();
    case("Table view: 3,600 ward rows, move and sort", s, true);

    // Switching sections: down and up through every section.
    b.go(&NavItem::Section(Section::Tables));
    let k = Section::ALL.len() - 2; // Tables to Notes: the Matrix has a case of its own
    let mut s = Vec::new();
    for _ in 0..5 {
        s.extend(b.keys((0..k).map(|_| Action::Down)));
        s.extend(b.keys((0..k).map(|_| Action::Up)));
    }
    case("navigator: switch sections", s, true);

    // The Matrix: the first time it is shown (counted), then again, then
    // moving over the grid.
    b.go(&NavItem::Section(Section::Notes));
    let first = b.key(Action::Down);
    let mut again = vec![first];
    for _ in 0..10 {
        again.push(b.key(Action::Up));
        again.push(b.key(Action::Down));
    }
    b.key(Action::FocusNext);
    again.extend(b.keys((0..30).map(|i| if i % 3 == 0 { Action::Right } else { Action::Down })));
    println!("(the Matrix section's first showing took {first:.1} ms)");
    case("Matrix: open, leave, move over the grid", again, true);

    // Typing a query (the search engine's own budget; measured here as a key).
    let mut s = Vec::new();
    for q in ["lone parents childcare", "partner", "jobcentre plus advisers"] {
        b.go(&NavItem::La(ds.las[0].id.clone()));
        s.push(b.key(Action::OpenSearch));
        s.extend(b.keys(q.chars().map(Action::Input)));
        s.extend(b.keys((0..q.len()).map(|_| Action::Backspace)));
        s.push(b.key(Action::Cancel));
    }
    case("search box: type, erase (search engine)", s, false);
    out
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let t = Instant::now();
    let summary = write(dir.path(), &Spec::NATIONAL).expect("write the synthetic dataset");
    let ds = Arc::new(load_dir(dir.path()).expect("the synthetic dataset loads"));
    println!(
        "app benchmark at national scale: {} LAs, {} centres, {} wards, {} passages, {} table rows (generated and loaded in {:.0} ms)",
        summary.las,
        summary.centres,
        summary.wards,
        summary.passages,
        summary.table_rows,
        t.elapsed().as_secs_f64() * 1000.0
    );
    let t = Instant::now();
    let mut b = Bench::new(ds);
    println!(
        "(app state built, search index included, in {:.0} ms)",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let results = cases(&mut b);
    println!(
        "{:<44} {:>6} {:>8} {:>8} {:>8} {:>8}  budget p99 < {BUDGET_MS} ms",
        "case", "keys", "median", "p90", "p99", "max"
    );
    let mut ok = true;
    for c in &results {
        let mut v = c.samples.clone();
        v.sort_by(f64::total_cmp);
        let p99 = percentile(&v, 0.99);
        let pass = p99 < BUDGET_MS;
        ok &= pass || !c.judged;
        println!(
            "{:<44} {:>6} {:>8.2} {:>8.2} {:>8.2} {:>8.2}  {}",
            c.name,
            v.len(),
            percentile(&v, 0.5),
            percentile(&v, 0.9),
            p99,
            v[v.len() - 1],
            match (c.judged, pass) {
                (false, true) => "(not judged here) pass",
                (false, false) => "(not judged here) over",
                (true, true) => "pass",
                (true, false) => "OVER",
            }
        );
    }
    println!(
        "{}",
        if ok {
            "every key case within budget"
        } else {
            "some key cases are over budget (OVER rows)"
        }
    );
    #[cfg(unix)]
    rss::report(dir.path());
}
