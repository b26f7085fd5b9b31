//! `casebook brief LA [--format md|html] [--out FILE]`: the pre-visit brief
//! (see [`crate::analysis::brief`]) as Markdown on stdout, or written to a
//! file that does not exist yet (an existing file is never overwritten).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::output::not_found;
use super::search::read_notes;
use super::{CliError, Out, load_dataset};
use crate::analysis::brief::{brief, html, markdown};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BriefFormat {
    Md,
    Html,
}

/// Arguments of `casebook brief`.
#[derive(Debug, clap::Args)]
pub struct BriefArgs {
    /// The LA's id (see `casebook list las`).
    pub la: String,
    #[arg(long, value_enum, default_value_t = BriefFormat::Md)]
    pub format: BriefFormat,
    /// Write to this file instead of stdout (it must not exist yet).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(data: Option<&Path>, notes: Option<&Path>, args: BriefArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    if ds.la(&args.la).is_none() {
        return Err(not_found(
            "local authority",
            &args.la,
            ds.las.iter().map(|l| l.id.as_str()),
        ));
    }
    let notes = read_notes(notes);
    let doc = brief(&ds, &args.la, &notes);
    let text = match args.format {
        BriefFormat::Md => crate::sanitize::text(&markdown(&doc)),
        BriefFormat::Html => html(&doc),
    };
    match &args.out {
        None => out.text(&text)?,
        Some(path) => {
            let shown = crate::sanitize::line(&path.display().to_string());
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| CliError::Other(format!("cannot write {shown}: {e}")))?;
            file.write_all(text.as_bytes())
                .map_err(|e| CliError::Other(format!("cannot write {shown}: {e}")))?;
            out.text(&format!("wrote {shown}\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
