//! `casebook notes`: field notes from the command line.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;

/// Subcommands of `casebook notes`.
#[derive(Debug, clap::Subcommand)]
pub enum NotesCommand {
    /// List notes.
    List,
}

pub fn run(_data: Option<&Path>, _notes: Option<&Path>, _cmd: NotesCommand) -> Result<ExitCode, CliError> {
    Err(CliError::Other("notes are not built yet".into()))
}
