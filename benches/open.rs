//! Opening time: the bundled dataset and the national-scale synthetic one
//! (152 LAs, 3,600 centres, 50,000 passages), cold (parsing the data files)
//! and warm (reading the open-time cache); the app's first frame (open,
//! state, one 120×40 frame drawn into a test backend, as the app does it:
//! from a cache entry without waiting for the search index) and when its
//! search is ready (the index decoded and installed); and the whole
//! `casebook --data DIR search partner` process side by side with
//! `fzf --filter partner` over every string of the same dataset, one line
//! each (skipped when fzf is not installed), alternating runs.
//!
//! `cargo bench --bench open`. Set `CASEBOOK_BENCH_DATA=DIR` to use a
//! national dataset already written by the `synthetic` example.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use casebook::app::{Action, IndexJob, State, update};
use casebook::cache::{Cache, Outcome, Source};
use casebook::notes::NoteStore;
use casebook::synthetic::{Spec, write};
use casebook::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn runs(n: usize, mut f: impl FnMut() -> Duration) -> Duration {
    median((0..n).map(|_| f()).collect())
}

fn timed(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Open, build the app's state and draw its first frame as the app does;
/// then (as the app's index thread does, here on this thread) decode or
/// build the search index and install it. Times since the start: (first
/// frame, search ready).
fn first_frame(cache: &Cache, src: Source, notes: &Path) -> (Duration, Duration) {
    let t = Instant::now();
    let opened = cache.load_for_app(src).expect("dataset opens");
    let ds = Arc::new(opened.ds);
    let (mut state, later) = match opened.index.ready() {
        Ok(index) => (State::with_index(Arc::clone(&ds), index, NoteStore::open(notes)), None),
        Err(later) => {
            let (send, job) = IndexJob::channel();
            (
                State::pending(Arc::clone(&ds), NoteStore::open(notes), job),
                Some((later, send)),
            )
        }
    };
    update(&mut state, Action::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    term.draw(|f| render(f, &state, &Theme::from_env())).expect("draw");
    let frame = t.elapsed();
    if let Some((later, send)) = later {
        send.send(later.finish(&ds)).expect("send");
        update(&mut state, Action::IndexReady);
    }
    assert!(state.search_ready());
    (frame, t.elapsed())
}

/// Medians of (first frame, search ready) over `n` runs.
fn frame_runs(n: usize, mut f: impl FnMut() -> (Duration, Duration)) -> (Duration, Duration) {
    let (frames, ready): (Vec<_>, Vec<_>) = (0..n).map(|_| f()).unzip();
    (median(frames), median(ready))
}

fn open_rows(name: &str, src: Source, tmp: &Path, cold_runs: usize, warm_runs: usize) {
    let notes = tmp.join("notes.ron");
    let cold = runs(cold_runs, || {
        timed(|| drop(Cache::off().load_indexed(src).expect("dataset opens")))
    });
    let dir = tmp.join(format!("cache-{name}"));
    let cache = Cache::at(&dir);
    let mut written = Outcome::Off;
    let first = timed(|| written = cache.load_indexed(src).expect("dataset opens").outcome);
    assert_eq!(written, Outcome::Built);
    let warm = runs(warm_runs, || {
        let t = Instant::now();
        let o = cache.load_indexed(src).expect("dataset opens");
        assert_eq!(o.outcome, Outcome::Hit);
        let took = t.elapsed();
        drop(o);
        took
    });
    let (frame_cold, _) = frame_runs(cold_runs, || first_frame(&Cache::off(), src, &notes));
    let (frame_warm, ready_warm) = frame_runs(warm_runs, || first_frame(&cache, src, &notes));
    println!(
        "| {name} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} |",
        ms(cold),
        ms(first),
        ms(warm),
        ms(frame_cold),
        ms(frame_warm),
        ms(ready_warm)
    );
}

/// Every string literal of the dataset's RON files, one line each.
fn string_lines(dir: &Path, out: &mut String) {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = e.path();
        if path.is_dir() {
            string_lines(&path, out);
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => out.extend(chars.next()),
                    '\n' => out.push(' '),
                    c => out.push(c),
                }
            }
            out.push('\n');
        }
    }
}

fn process(cmd: &mut Command) -> Duration {
    let t = Instant::now();
    let status = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status().expect("run");
    assert!(status.success(), "{cmd:?} failed");
    t.elapsed()
}

fn versus_fzf(data: &Path, tmp: &Path) {
    let bin = env!("CARGO_BIN_EXE_casebook");
    let cache = tmp.join("cache-process");
    let casebook = |extra: &[&str]| {
        let mut c = Command::new(bin);
        c.env("CASEBOOK_CACHE_DIR", &cache)
            .env("CASEBOOK_NOTES", tmp.join("notes.ron"))
            .arg("--data")
            .arg(data)
            .args(extra)
            .args(["search", "partner"]);
        c
    };
    let cold = process(&mut casebook(&["--no-cache"]));
    process(&mut casebook(&[])); // writes the cache
    let start = process(Command::new(bin).arg("--version"));
    let mut lines = String::new();
    string_lines(data, &mut lines);
    let file = tmp.join("strings.txt");
    std::fs::write(&file, &lines).expect("write lines");
    let fzf_present = Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        ours.push(process(&mut casebook(&[])));
        if fzf_present {
            let input = std::fs::File::open(&file).expect("lines");
            theirs.push(process(Command::new("fzf").args(["--filter", "partner"]).stdin(input)));
        }
    }
    let warm = median(ours);
    println!();
    println!("whole process, national dataset, median of 5 alternating runs:");
    println!("  casebook --version                    {:8.0} ms", ms(start));
    println!("  casebook search partner, --no-cache   {:8.0} ms (one run)", ms(cold));
    println!("  casebook search partner, cache        {:8.0} ms", ms(warm));
    if fzf_present {
        let fzf = median(theirs);
        println!(
            "  fzf --filter partner ({} lines) {:8.0} ms  -> casebook/fzf = {:.2}",
            lines.lines().count(),
            ms(fzf),
            ms(warm) / ms(fzf)
        );
    } else {
        println!("  fzf not installed: no comparison");
    }
}

fn main() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let national: PathBuf = match std::env::var_os("CASEBOOK_BENCH_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let dir = tmp.path().join("national");
            write(&dir, &Spec::NATIONAL).expect("write the synthetic dataset");
            dir
        }
    };
    println!(
        "open times in ms (cold: parse + validate + index; warm: from the cache; frame: open + state + first 120x40 frame; search ready: the index decoded after that frame and installed), medians:"
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average at start: {}",
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "| dataset | cold | cold + cache write | warm | first frame, cold | first frame, warm | search ready, warm |"
    );
    println!("|---|---|---|---|---|---|---|");
    open_rows("bundled", Source::Bundled, tmp.path(), 5, 9);
    open_rows("national", Source::Dir(&national), tmp.path(), 2, 5);
    versus_fzf(&national, tmp.path());
}
