//! Drafts against a real casebook in a real terminal (tmux): type into the
//! note editor, end the process by closing its terminal (SIGHUP), SIGTERM
//! or `kill -9`, and see the next casebook offer the draft back and keep it
//! as a note. Two windows editing at once leave two drafts. Every wait polls
//! with a deadline. Skipped with a notice where tmux is missing.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use casebook::notes::NoteStore;

const DEADLINE: Duration = Duration::from_secs(20);

struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(tag: &str) -> Tmux {
        Tmux {
            socket: format!("casebook-drafts-{tag}-{}", std::process::id()),
        }
    }
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }
    /// Start casebook on `notes` in session `name`; returns its process id.
    fn start(&self, name: &str, notes: &Path) -> u32 {
        let bin = env!("CARGO_BIN_EXE_casebook");
        let command = format!("exec env CASEBOOK_NOTES='{}' '{}'", notes.display(), bin);
        let out = self.cmd(&["new-session", "-d", "-s", name, "-x", "100", "-y", "30", &command]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let _ = self.cmd(&["set-option", "-t", name, "remain-on-exit", "on"]);
        let pid = self.cmd(&["display-message", "-p", "-t", name, "#{pane_pid}"]);
        String::from_utf8_lossy(&pid.stdout).trim().parse().expect("pane pid")
    }
    fn screen(&self, name: &str) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", name]).stdout).into_owned()
    }
    fn wait_for(&self, name: &str, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(name);
            if s.contains(needle) {
                return s;
            }
            assert!(start.elapsed() < DEADLINE, "waited for {needle:?}; screen:\n{s}");
            sleep(Duration::from_millis(50));
        }
    }
    fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }
    fn text(&self, name: &str, text: &str) {
        self.cmd(&["send-keys", "-t", name, "-l", text]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn have_tmux() -> bool {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install tmux");
        eprintln!("skipped: tmux is not installed");
        return false;
    }
    true
}

fn alive(pid: u32) -> bool {
    // A zombie (exited, not yet reaped by tmux) counts as gone.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'))
}

fn wait_gone(pid: u32) {
    let start = Instant::now();
    while alive(pid) {
        assert!(start.elapsed() < DEADLINE, "casebook {pid} did not exit");
        sleep(Duration::from_millis(50));
    }
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill").args([sig, &pid.to_string()]).status().unwrap();
    assert!(ok.success());
}

/// The draft files' contents.
fn drafts(notes: &Path) -> Vec<String> {
    let dir = PathBuf::from(format!("{}.drafts", notes.display()));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect()
}

fn wait_for_draft(notes: &Path, words: &str) {
    let start = Instant::now();
    while !drafts(notes).iter().any(|d| d.contains(words)) {
        assert!(
            start.elapsed() < DEADLINE,
            "no draft with {words:?}: {:?}",
            drafts(notes)
        );
        sleep(Duration::from_millis(50));
    }
}

/// Open the editor on Lambeth and type a two-line note ending in `words`.
fn type_a_note(t: &Tmux, name: &str, words: &str) {
    t.wait_for(name, "Blackpool · local authority");
    t.keys(name, &["j", "j", "j", "a"]);
    t.wait_for(name, "New note on Lambeth");
    t.text(name, "First line of the visit");
    t.keys(name, &["Enter"]);
    t.text(name, words);
    t.wait_for(name, words);
}

/// The next casebook offers the draft; `k` keeps it as a note.
fn offered_back_and_kept(t: &Tmux, notes: &Path, words: &str) {
    let screen = t.wait_for("again", "Unsaved draft");
    assert!(screen.contains(words), "{screen}");
    assert!(screen.contains("A new note on Lambeth"), "{screen}");
    t.keys("again", &["k"]);
    t.wait_for("again", "Draft saved as a note");
    let store = NoteStore::open(notes);
    let texts: Vec<&str> = store.notes().iter().map(|n| n.text.as_str()).collect();
    assert!(
        texts.contains(&format!("First line of the visit\n{words}").as_str()),
        "{texts:?}"
    );
    assert!(drafts(notes).is_empty(), "the kept draft is gone");
    t.keys("again", &["q"]);
}

fn survives(how: &str) {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let t = Tmux::new(how);
    let pid = t.start("first", &notes);
    let words = format!("creche full after {how}");
    type_a_note(&t, "first", &words);
    match how {
        // Closing the terminal: tmux hangs up on the pane's process.
        "hup" => {
            t.cmd(&["kill-session", "-t", "first"]);
        }
        "term" => signal(pid, "-TERM"),
        _ => {
            wait_for_draft(&notes, &words);
            signal(pid, "-KILL");
        }
    }
    wait_gone(pid);
    if how == "term" {
        let alt = t.cmd(&["display-message", "-p", "-t", "first", "#{alternate_on}"]);
        assert_eq!(
            String::from_utf8_lossy(&alt.stdout).trim(),
            "0",
            "the terminal is restored (alternate screen left)"
        );
    }
    wait_for_draft(&notes, &words);
    assert!(
        NoteStore::open(&notes).notes().is_empty(),
        "nothing saved as a note yet"
    );
    t.start("again", &notes);
    offered_back_and_kept(&t, &notes, &words);
}

#[test]
fn a_draft_survives_sighup() {
    survives("hup");
}

#[test]
fn a_draft_survives_sigterm_and_the_terminal_is_restored() {
    survives("term");
}

#[test]
fn a_draft_survives_kill_9_up_to_the_last_autosave() {
    survives("kill");
}

#[test]
fn two_windows_keep_two_drafts() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let t = Tmux::new("two");
    let a = t.start("a", &notes);
    let b = t.start("b", &notes);
    type_a_note(&t, "a", "words of window A");
    type_a_note(&t, "b", "words of window B");
    wait_for_draft(&notes, "words of window A");
    wait_for_draft(&notes, "words of window B");
    // A third window does not offer drafts that live windows are editing.
    t.start("c", &notes);
    let screen = t.wait_for("c", "Blackpool · local authority");
    assert!(!screen.contains("Unsaved draft"), "{screen}");
    t.keys("c", &["q"]);
    signal(a, "-KILL");
    signal(b, "-KILL");
    wait_gone(a);
    wait_gone(b);
    assert_eq!(drafts(&notes).len(), 2, "one draft per window");
    t.start("again", &notes);
    let screen = t.wait_for("again", "Unsaved draft");
    assert!(screen.contains("1 more after"), "{screen}");
    t.keys("again", &["d"]);
    t.wait_for("again", "Draft discarded");
    t.keys("again", &["r"]);
    t.wait_for("again", "Draft reopened");
    t.keys("again", &["C-s"]);
    t.wait_for("again", "Note saved");
    assert_eq!(NoteStore::open(&notes).notes().len(), 1);
    assert!(drafts(&notes).is_empty());
}
