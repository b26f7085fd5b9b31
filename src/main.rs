//! The `casebook` binary: parse the command line and hand over to the CLI.

fn main() -> std::process::ExitCode {
    casebook::cli::main()
}
