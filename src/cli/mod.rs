//! The command line: argument parsing (clap) and one module per subcommand.
//! Every subcommand reads the same dataset/search/notes modules as the app
//! and prints text, CSV or JSON through one writer ([`writer::Out`]) that
//! sanitises text and escapes JSON. Errors go to stderr, sanitised, with a
//! non-zero exit; a failed write is an error too, never a panic.

mod brief;
mod check;
mod compare;
mod error;
mod list;
mod matrix;
mod notes;
mod output;
mod search;
mod show;
mod table;
pub mod writer;

pub use output::align;
pub use table::csv as table_csv;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand};

pub use error::{CliError, EXIT_OUTPUT};
pub use writer::Out;

use crate::cache::{self, Cache, Source};
use crate::dataset::Dataset;
use crate::search::SearchIndex;
use crate::timings;

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
    /// Where the app's `E` (export) and `B` (brief) write files (default: the current directory).
    #[arg(long, global = true, value_name = "DIR", env = "CASEBOOK_EXPORT_DIR")]
    pub export_dir: Option<PathBuf>,
    /// Neither read nor write the open-time cache: parse the data files (see the README's "Cache").
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Print where the time goes while opening, on stderr.
    #[arg(long, global = true, hide = true)]
    pub timings: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Set once from `--no-cache` before any dataset is loaded.
static CACHE_OFF: AtomicBool = AtomicBool::new(false);

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
    /// A pre-visit brief on one LA, as Markdown or HTML.
    Brief(brief::BriefArgs),
    /// Two or more LAs side by side: figures, hotspots, centres, bid reviews.
    Compare(compare::CompareArgs),
    /// Cases × themes: passages (and notes) per LA or centre and theme.
    Matrix(matrix::MatrixArgs),
    /// Field notes: add, list, remove, export.
    #[command(subcommand)]
    Notes(notes::NotesCommand),
}

/// Load the dataset the command line asks for (through the open-time cache).
pub fn load_dataset(data: Option<&Path>) -> Result<Dataset, CliError> {
    Ok(open(data, false)?.ds)
}

/// The dataset the command line asks for and its search index (no field
/// notes yet: add them with [`SearchIndex::set_extra`]).
pub fn load_indexed(data: Option<&Path>) -> Result<(Dataset, SearchIndex), CliError> {
    let opened = open(data, true)?;
    let index = match opened.index {
        Some(index) => index,
        None => SearchIndex::new(&opened.ds, Vec::new()),
    };
    Ok((opened.ds, index))
}

/// The cache, unless `--no-cache` turned it off.
fn cache() -> Cache {
    if CACHE_OFF.load(Ordering::Relaxed) {
        timings::note("cache: off (--no-cache)");
        Cache::off()
    } else {
        Cache::from_env()
    }
}

fn open(data: Option<&Path>, want_index: bool) -> Result<cache::Opened, CliError> {
    let cache = cache();
    let src = data.map_or(Source::Bundled, Source::Dir);
    let opened = timings::time("open (total)", || {
        if want_index {
            cache.load_indexed(src)
        } else {
            cache.load(src)
        }
    });
    opened.map_err(CliError::Load)
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let mut out = Out::stdout();
    let result = run(cli, &mut out);
    // Whatever was printed before an error still goes out, then the error.
    let flushed = out.flush();
    match result.and_then(|code| flushed.map(|()| code)) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::from(e.exit_code()),
        Err(e) => {
            writer::report(&format!("error: {e}"));
            ExitCode::from(e.exit_code())
        }
    }
}

/// clap's help, version and usage errors, written through the same
/// sanitising path (a mistyped argument is echoed visibly, never raw).
fn clap_exit(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let text = e.render().to_string();
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let mut out = Out::stdout();
        return match out.text(&text).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.is_broken_pipe() => ExitCode::from(e.exit_code()),
            Err(e) => {
                writer::report(&format!("error: {e}"));
                ExitCode::from(e.exit_code())
            }
        };
    }
    writer::report(&text);
    ExitCode::from(2)
}

fn run(cli: Cli, out: &mut Out) -> Result<ExitCode, CliError> {
    if cli.timings {
        timings::enable();
    }
    CACHE_OFF.store(cli.no_cache, Ordering::Relaxed);
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
            let opened = timings::time("open (total)", || {
                cache().load_for_app(data.map_or(Source::Bundled, Source::Dir))
            })
            .map_err(CliError::Load)?;
            let path = crate::notes::resolve_path(cli.notes.as_deref()).map_err(|e| CliError::Other(e.to_string()))?;
            let notes = timings::time("notes", || crate::notes::NoteStore::open(&path));
            crate::tui::run_later(opened.ds, opened.index, notes, cli.export_dir)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check) => check::run(data, out),
        Some(Command::List(args)) => list::run(data, args, out),
        Some(Command::Show(args)) => show::run(data, args, out),
        Some(Command::Table(args)) => table::run(data, args, out),
        Some(Command::Search(args)) => search::run(data, cli.notes.as_deref(), args, out),
        Some(Command::Brief(args)) => brief::run(data, cli.notes.as_deref(), args, out),
        Some(Command::Compare(args)) => compare::run(data, args, out),
        Some(Command::Matrix(args)) => matrix::run(data, cli.notes.as_deref(), args, out),
        Some(Command::Notes(cmd)) => notes::run(data, cli.notes.as_deref(), cmd, out),
    }
}
