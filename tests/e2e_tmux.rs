//! End to end: the real binary in a real terminal (tmux). Type a search,
//! press Enter, and read the screen. CI installs tmux; elsewhere the test
//! is skipped with a notice when tmux is missing. Every step waits (polling,
//! with a deadline) for the whole state it then asserts, never for one
//! string that a half-drawn frame may already show.

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
    /// Wait until the screen shows every string in `all` and none in `none`
    /// (or time out and return the last screen, which the caller's asserts
    /// then report).
    fn wait_until(&self, all: &[&str], none: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            let done = all.iter().all(|n| s.contains(n)) && !none.iter().any(|n| s.contains(n));
            if done || start.elapsed() > Duration::from_secs(30) {
                return s;
            }
            sleep(Duration::from_millis(50));
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
    let first = tmux.wait_until(&["Blackpool · local authority", "▸ Westminster"], &[]);
    assert!(first.contains("Blackpool · local authority"), "{first}");
    assert!(first.contains("▸ Westminster"), "{first}");

    tmux.cmd(&["send-keys", "-t", "e2e", "/"]);
    let overlay = tmux.wait_until(&["Search everything"], &[]);
    assert!(overlay.contains("Search everything"), "{overlay}");
    tmux.cmd(&["send-keys", "-t", "e2e", "-l", "'Baytree"]);
    let results = tmux.wait_until(&["/ 'Baytree", "The Baytree Centre"], &[]);
    assert!(results.contains("/ 'Baytree"), "{results}");
    assert!(results.contains("The Baytree Centre"), "{results}");
    tmux.cmd(&["send-keys", "-t", "e2e", "Enter"]);
    // The overlay gone and the Lambeth pane drawn on its Bid review tab.
    let screen = tmux.wait_until(
        &["Lambeth · local authority", "2 Bid review", "Baytree Centre"],
        &["Search everything"],
    );
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
