//! The `casebook` binary: parse the command line and hand over to the CLI.

fn main() -> std::process::ExitCode {
    casebook::timings::mark_start();
    // Output piped into `head` and closed early should end the program
    // quietly, as other command-line tools do, not panic in `println!`.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE at start-up,
    // before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    casebook::cli::main()
}
