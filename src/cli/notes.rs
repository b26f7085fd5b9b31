//! `casebook notes add|list|rm|export|compact`: field notes from the command line,
//! through the same [`NoteStore`] as the app (so the app and the CLI never
//! lose each other's notes). The notes file is `--notes FILE`, else
//! `CASEBOOK_NOTES`, else `notes.ron` in the user's data directory.
//!
//! Target and theme ids are checked against the dataset here (the store
//! accepts any id). A notes file that does not parse makes every subcommand
//! fail with `error: <file>:<line>:<col>: …; the file was left untouched`,
//! and nothing is written.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::output::{TextJson, not_found};
use super::{CliError, Out, load_dataset};
use crate::dataset::Dataset;
use crate::notes::{self, Note, NoteStore, NotesError, Target};

/// Subcommands of `casebook notes`.
#[derive(Debug, clap::Subcommand)]
pub enum NotesCommand {
    /// Add a note about an LA, centre, ward or passage (or nothing), save it at once, and print its id.
    #[command(
        after_help = "Examples:\n  casebook notes add --centre lambeth-lark-hall --theme childcare Staff say the creche is full\n  \
        printf 'First line\\nSecond line\\n' | casebook notes add --la lambeth -\n\n\
        If another casebook is saving at the same moment, waits up to 10 s for it."
    )]
    Add(AddArgs),
    /// List notes, newest first.
    List(ListArgs),
    /// Delete a note by id (see `casebook notes list`).
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Print every note as Markdown (grouped by LA and target) or CSV (one row per note).
    Export(ExportArgs),
    /// Fold the latest changes (kept in the notes file's journal) into the notes file, so that it alone holds every note: run it before editing the file by hand.
    Compact,
}

/// Arguments of `casebook notes add`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("target").args(["la", "centre", "ward", "passage"]).multiple(false)))]
pub struct AddArgs {
    /// Attach the note to this local authority (see `casebook list las`).
    #[arg(long, value_name = "ID")]
    pub la: Option<String>,
    /// Attach the note to this centre (see `casebook list centres`).
    #[arg(long, value_name = "ID")]
    pub centre: Option<String>,
    /// Attach the note to this ward (see `casebook list wards`).
    #[arg(long, value_name = "ID")]
    pub ward: Option<String>,
    /// Attach the note to this passage (see `casebook search`).
    #[arg(long, value_name = "ID")]
    pub passage: Option<String>,
    /// Code the note with this theme (repeatable, or comma-separated; see `casebook list themes`).
    #[arg(long = "theme", value_name = "ID", value_delimiter = ',')]
    pub themes: Vec<String>,
    /// The note: the remaining words joined by spaces, or `-` to read it from standard input.
    #[arg(value_name = "TEXT", required = true)]
    pub text: Vec<String>,
}

/// Arguments of `casebook notes list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only notes about this local authority or anything in it (its centres, wards and passages).
    #[arg(long, value_name = "ID")]
    pub la: Option<String>,
    #[arg(long, value_enum, default_value_t = TextJson::Text)]
    pub format: TextJson,
}

/// Arguments of `casebook notes rm`.
#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// The note's id, as `casebook notes list` prints it.
    pub id: String,
}

/// `--format` of `casebook notes export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown grouped by LA, then by what each note is about.
    Md,
    /// CSV: id, target_kind, target_id, la, created, updated, themes, text.
    Csv,
}

/// Arguments of `casebook notes export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
}

pub fn run(data: Option<&Path>, notes: Option<&Path>, cmd: NotesCommand, out: &mut Out) -> Result<ExitCode, CliError> {
    let path = NoteStore::resolve_path(notes).map_err(cli_error)?;
    match cmd {
        // Adding or removing one note need not read them all: the store
        // checks (and reports) what it must when it saves.
        NotesCommand::Add(args) => add(data, &mut NoteStore::open_unread(&path), args, out),
        NotesCommand::Rm(args) => rm(&mut NoteStore::open_unread(&path), &args.id, out),
        NotesCommand::List(args) => list(data, &read(&path)?, args, out),
        NotesCommand::Export(args) => {
            let store = read(&path)?;
            let ds = load_dataset(data)?;
            match args.format {
                ExportFormat::Md => out.text(&notes::export_markdown(store.notes(), &ds))?,
                ExportFormat::Csv => out.text(&notes::export_csv(store.notes(), &ds))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        NotesCommand::Compact => {
            let mut store = NoteStore::open_unread(&path);
            store.compact().map_err(cli_error)?;
            out.text(&format!("{} holds all {} notes\n", path.display(), store.notes().len()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Every note, or why the notes cannot be read.
fn read(path: &Path) -> Result<NoteStore, CliError> {
    let store = NoteStore::open(path);
    match store.error() {
        Some(e) => Err(cli_error(e.clone())),
        None => Ok(store),
    }
}

fn cli_error(e: NotesError) -> CliError {
    match e {
        NotesError::Parse {
            backup: Some(ref bak), ..
        } => CliError::Other(format!("{e}\n  the previous good version is kept in {}", bak.display())),
        NotesError::Empty => CliError::Usage(e.to_string()),
        e => CliError::Other(e.to_string()),
    }
}

fn add(data: Option<&Path>, store: &mut NoteStore, args: AddArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let text = if args.text == ["-"] {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(CliError::Io)?;
        s
    } else {
        args.text.join(" ")
    };
    // The notes file keeps a note byte for byte; NUL is the one byte that
    // no editor, terminal or CSV reader handles, so it never gets in.
    if text.contains('\0') {
        return Err(CliError::Usage(
            "the note contains a NUL character (byte 0); remove it and add the note again".into(),
        ));
    }
    let target = match (args.la, args.centre, args.ward, args.passage) {
        (Some(id), ..) => Target::La(id),
        (_, Some(id), ..) => Target::Centre(id),
        (_, _, Some(id), _) => Target::Ward(id),
        (.., Some(id)) => Target::Passage(id),
        _ => Target::None,
    };
    // The dataset is only needed to check ids; plain notes skip loading it.
    if target != Target::None || !args.themes.is_empty() {
        let ds = load_dataset(data)?;
        check_target(&ds, &target)?;
        for t in &args.themes {
            if ds.theme(t).is_none() {
                return Err(not_found("theme", t, ds.themes.iter().map(|t| t.id.as_str())));
            }
        }
    }
    let note = store.add(target, &text, args.themes).map_err(cli_error)?;
    // The note is saved: if printing its id fails, say both.
    let id = note.id.clone();
    let printed = out.text(&format!("{id}\n")).and_then(|()| out.flush());
    match printed {
        Err(CliError::Output(source)) if source.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::SavedNotPrinted { id, source })
        }
        other => other.map(|()| ExitCode::SUCCESS),
    }
}

fn check_target(ds: &Dataset, target: &Target) -> Result<(), CliError> {
    match target {
        Target::None => Ok(()),
        Target::La(id) if ds.la(id).is_none() => {
            Err(not_found("local authority", id, ds.las.iter().map(|l| l.id.as_str())))
        }
        Target::Centre(id) if ds.centre(id).is_none() => {
            Err(not_found("centre", id, ds.centres.iter().map(|c| c.id.as_str())))
        }
        Target::Ward(id) if ds.ward(id).is_none() => Err(not_found("ward", id, ds.wards.iter().map(|w| w.id.as_str()))),
        Target::Passage(id) if ds.passage(id).is_none() => {
            Err(not_found("passage", id, ds.passages.iter().map(|p| p.id.as_str())))
        }
        _ => Ok(()),
    }
}

fn list(data: Option<&Path>, store: &NoteStore, args: ListArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    if let Some(la) = &args.la {
        check_target(&ds, &Target::La(la.clone()))?;
    }
    let shown: Vec<&Note> = notes::newest_first(store.notes())
        .into_iter()
        .filter(|n| {
            args.la
                .as_ref()
                .is_none_or(|la| notes::target_las(&ds, &n.target).contains(la))
        })
        .collect();
    match args.format {
        TextJson::Json => out.json(&shown.iter().map(|n| note_json(&ds, n)).collect::<Vec<_>>())?,
        TextJson::Text => out.text(&text(&ds, &shown))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn note_json(ds: &Dataset, n: &Note) -> Value {
    json!({
        "id": n.id,
        "target": {"kind": n.target.kind(), "id": n.target.id(), "title": notes::target_title(ds, &n.target)},
        "las": notes::target_las(ds, &n.target),
        "created": n.created, "updated": n.updated, "themes": n.themes, "text": n.text,
    })
}

/// Each note as a header line (id, time, target, themes) and its text indented.
fn text(ds: &Dataset, shown: &[&Note]) -> String {
    if shown.is_empty() {
        return "no notes\n".to_string();
    }
    let mut out = String::new();
    for (i, n) in shown.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}  {}  {}",
            n.id,
            n.created,
            notes::target_title(ds, &n.target)
        ));
        if n.updated != n.created {
            out.push_str(&format!("  (edited {})", n.updated));
        }
        if !n.themes.is_empty() {
            out.push_str(&format!("  [{}]", n.themes.join(", ")));
        }
        out.push('\n');
        for line in n.text.lines() {
            out.push_str(format!("    {line}").trim_end());
            out.push('\n');
        }
    }
    out
}

fn rm(store: &mut NoteStore, id: &str, out: &mut Out) -> Result<ExitCode, CliError> {
    match store.remove(id) {
        Ok(()) => {
            out.text(&format!("removed {id}\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(NotesError::NotFound { .. }) => {
            // Only now are the ids needed, to suggest one.
            let all = NoteStore::open(store.path());
            Err(not_found("note", id, all.notes().iter().map(|n| n.id.as_str())))
        }
        Err(e) => Err(cli_error(e)),
    }
}
