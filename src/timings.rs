//! Where the time goes while casebook opens a dataset, shown on stderr with
//! the hidden `--timings` flag: reading and hashing the data files, parsing,
//! validation, building the search index (search documents, folding and
//! chunking), and reading or writing the cache.
//!
//! Off by default, when a measurement costs one relaxed atomic load. The
//! app buffers its lines while it owns the terminal and prints them after
//! restoring it ([`hold`], [`release`]).

use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ON: AtomicBool = AtomicBool::new(false);
static HELD: Mutex<Option<Vec<String>>> = Mutex::new(None);
static START: OnceLock<Instant> = OnceLock::new();

/// Note the moment the process started (as early in `main` as possible).
pub fn mark_start() {
    START.get_or_init(Instant::now);
}

/// Time since [`mark_start`] (or since the first call, if it was never marked).
pub fn since_start() -> Duration {
    START.get_or_init(Instant::now).elapsed()
}

/// Turn timings on for the rest of the process.
pub fn enable() {
    ON.store(true, Ordering::Relaxed);
}

pub fn enabled() -> bool {
    ON.load(Ordering::Relaxed)
}

/// Run `f`, reporting how long it took under `label` when timings are on.
pub fn time<T>(label: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let value = f();
    report(label, start.elapsed());
    value
}

/// Report one measured duration.
pub fn report(label: &str, took: Duration) {
    if enabled() {
        emit(format!("timing: {label:<28} {:9.1} ms", took.as_secs_f64() * 1000.0));
    }
}

/// Report something that is not a duration (a cache hit, why a cache was not used).
pub fn note(message: &str) {
    if enabled() {
        emit(format!("timing: {message}"));
    }
}

/// Keep lines back (while the app draws on the terminal) until [`release`].
pub fn hold() {
    if let Ok(mut held) = HELD.lock() {
        held.get_or_insert_with(Vec::new);
    }
}

/// Print every line kept back and stop keeping them.
pub fn release() {
    let lines = HELD.lock().ok().and_then(|mut h| h.take()).unwrap_or_default();
    for line in lines {
        crate::cli::writer::report(&line);
    }
}

fn emit(line: String) {
    if let Ok(mut held) = HELD.lock()
        && let Some(lines) = held.as_mut()
    {
        return lines.push(line);
    }
    crate::cli::writer::report(&line);
}
