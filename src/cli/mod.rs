//! The command line: argument parsing (clap) and one module per subcommand.
//! Every subcommand reads the same dataset/search/notes modules as the app
//! and prints text, CSV or JSON. Errors go to stderr with a non-zero exit.

mod check;
mod error;
mod list;
mod notes;
mod output;
mod search;
mod show;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::CliError;

use crate::dataset::{self, Dataset};

/// casebook: the evaluation of the work-focused services in children's
/// centres pilot (10 local authorities, 30 centres, 2009–2011) in a terminal.
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about, long_about = None)]
pub struct Cli {
    /// Load the dataset from this directory (same layout as `data/`) instead of the bundled one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Field notes file (default: notes.ron in the user's data directory).
    #[arg(long, global = true, value_name = "FILE", env = "CASEBOOK_NOTES")]
    pub notes: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset and summarise what it holds.
    Check,
    /// List local authorities, centres, wards or themes.
    List(list::ListArgs),
    /// Everything the dataset knows about one LA, centre or ward.
    Show(show::ShowArgs),
    /// One of Tables A.1–A.9, exactly as published.
    Table(table::TableArgs),
    /// Fuzzy-search every passage, theme, name and note.
    Search(search::SearchArgs),
    /// Field notes: add, list, remove, export.
    #[command(subcommand)]
    Notes(notes::NotesCommand),
}

/// Load the dataset the command line asks for.
pub fn load_dataset(data: Option<&std::path::Path>) -> Result<Dataset, CliError> {
    let ds = match data {
        Some(dir) => dataset::load_dir(dir),
        None => dataset::load_bundled(),
    };
    ds.map_err(CliError::Load)
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let data = cli.data.as_deref();
    match cli.command {
        None => {
            use std::io::IsTerminal;
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return Err(CliError::Usage(
                    "the app needs an interactive terminal; for scripts use a subcommand (see `casebook --help`)"
                        .into(),
                ));
            }
            let ds = load_dataset(data)?;
            let path = crate::notes::resolve_path(cli.notes.as_deref()).map_err(|e| CliError::Other(e.to_string()))?;
            crate::tui::run(ds, crate::notes::NoteStore::open(&path))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check) => check::run(data),
        Some(Command::List(args)) => list::run(data, args),
        Some(Command::Show(args)) => show::run(data, args),
        Some(Command::Table(args)) => table::run(data, args),
        Some(Command::Search(args)) => search::run(data, cli.notes.as_deref(), args),
        Some(Command::Notes(cmd)) => notes::run(data, cli.notes.as_deref(), cmd),
    }
}
