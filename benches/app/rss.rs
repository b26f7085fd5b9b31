//! Peak resident memory of casebook processes at national scale, each read
//! from `wait4` for that one child (Linux reports kilobytes, macOS bytes).

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_casebook");

/// Wait for `child` and return its peak resident set size in MB.
fn peak_mb(child: Child) -> Option<f64> {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if r != pid {
        return None;
    }
    let per_mb = if cfg!(target_os = "macos") {
        1024.0 * 1024.0
    } else {
        1024.0
    };
    Some(usage.ru_maxrss as f64 / per_mb)
}

fn command(dir: &Path, notes: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data").arg(dir).arg("--notes").arg(notes).args(args);
    c
}

fn quiet(dir: &Path, notes: &Path, args: &[&str]) -> Option<f64> {
    let child = command(dir, notes, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    peak_mb(child)
}

/// Wait until the terminal output has been still for a moment (the app has
/// drawn its answer to the last key), at most `limit`.
fn settle(seen: &Mutex<usize>, limit: Duration) {
    let start = Instant::now();
    let mut last = (*seen.lock().expect("lock"), Instant::now());
    while start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(20));
        let now = *seen.lock().expect("lock");
        if now != last.0 {
            last = (now, Instant::now());
        } else if now > 0 && last.1.elapsed() > Duration::from_millis(300) {
            return;
        }
    }
}

/// The app on a pseudo-terminal of 120×40: opened, a search typed, the
/// Matrix shown, quit.
fn app(dir: &Path, notes: &Path) -> Option<f64> {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors we then own.
    let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
    if r != 0 {
        return None;
    }
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = command(dir, notes, &[]);
    cmd.env("TERM", "xterm-256color")
        .stdin(slave.try_clone().ok()?)
        .stdout(slave.try_clone().ok()?)
        .stderr(slave);
    // SAFETY: setsid and TIOCSCTTY are async-signal-safe; the pty becomes
    // the child's controlling terminal.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY as _, 0);
            Ok(())
        });
    }
    let child = cmd.spawn().ok()?;
    let mut reader = std::fs::File::from(master.try_clone().ok()?);
    let mut writer = std::fs::File::from(master);
    let seen = Arc::new(Mutex::new(0usize));
    let counter = seen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            *counter.lock().expect("lock") += n;
        }
    });
    settle(&seen, Duration::from_secs(30));
    for keys in ["/", "partner", "\x1b", "G", "q"] {
        writer.write_all(keys.as_bytes()).ok()?;
        settle(&seen, Duration::from_secs(30));
    }
    peak_mb(child)
}

/// Print the peak memory of `check`, `search` and the app on `dir`.
pub fn report(dir: &Path) {
    let Ok(tmp) = tempfile::tempdir() else { return };
    let notes = tmp.path().join("notes.ron");
    println!("peak memory (maximum resident set size) at national scale:");
    let show = |what: &str, mb: Option<f64>| match mb {
        Some(mb) => println!("  {what:<44} {mb:>8.1} MB"),
        None => println!("  {what:<44} (could not be measured)"),
    };
    show("casebook --data DIR check", quiet(dir, &notes, &["check"]));
    show(
        "casebook --data DIR search partner",
        quiet(dir, &notes, &["search", "partner"]),
    );
    show("app: open, search, Matrix, quit", app(dir, &notes));
}
