//! `casebook search`: the search engine from the command line.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;

/// Arguments of `casebook search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query (fzf syntax).
    pub query: Vec<String>,
}

pub fn run(_data: Option<&Path>, _args: SearchArgs) -> Result<ExitCode, CliError> {
    Err(CliError::Other("search is not built yet".into()))
}
