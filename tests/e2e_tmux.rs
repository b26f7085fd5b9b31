//! End to end: the real binary in a real terminal (tmux). Type a search,
//! press Enter, and read the screen. CI installs tmux; elsewhere the test
//! is skipped with a notice when tmux is missing.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }
    /// Wait until the screen contains `needle` (or time out and return it anyway).
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) || start.elapsed() > Duration::from_secs(15) {
                return s;
            }
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

#[test]
fn search_then_enter_jumps_to_the_passage() {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install tmux (see .ci/run)");
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let tmux = Tmux {
        socket: format!("casebook-e2e-{}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_casebook");
    let command = format!("CASEBOOK_NOTES='{}' '{}'", notes.display(), bin);
    let out = tmux.cmd(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", &command]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = tmux.wait_for("Blackpool · local authority");
    assert!(first.contains("▸ Westminster"), "{first}");

    tmux.cmd(&["send-keys", "-t", "e2e", "/"]);
    tmux.wait_for("Search everything");
    tmux.cmd(&["send-keys", "-t", "e2e", "-l", "'Baytree"]);
    // Wait for the whole query (results for its first letters show sooner).
    let results = tmux.wait_for("/ 'Baytree▏");
    assert!(results.contains("The Baytree Centre"), "{results}");
    tmux.cmd(&["send-keys", "-t", "e2e", "Enter"]);
    // A capture can land mid-redraw: wait for each part of the new screen.
    tmux.wait_for("Lambeth · local authority");
    tmux.wait_for("2 Bid review");
    let screen = tmux.wait_for("Baytree Centre");
    assert!(screen.contains("Lambeth · local authority"), "{screen}");
    assert!(screen.contains("2 Bid review"), "the Bid review tab is open:\n{screen}");
    assert!(screen.contains("Baytree Centre"), "{screen}");
    assert!(!screen.contains("Search everything"), "{screen}");

    tmux.cmd(&["send-keys", "-t", "e2e", "q"]);
    let start = Instant::now();
    while tmux.cmd(&["has-session", "-t", "e2e"]).status.success() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(100));
    }
    assert!(
        !tmux.cmd(&["has-session", "-t", "e2e"]).status.success(),
        "q quits the app"
    );
}
