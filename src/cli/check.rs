//! `casebook check`: validate a dataset and summarise it in one line.

use std::path::Path;
use std::process::ExitCode;

use super::{CliError, load_dataset};
use crate::dataset::Dataset;

pub fn run(data: Option<&Path>) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    println!("{}", summary(&ds));
    Ok(ExitCode::SUCCESS)
}

/// The one-line summary: counts per record type.
pub fn summary(ds: &Dataset) -> String {
    format!(
        "ok: {} local authorities, {} centres, {} wards, {} tables, {} themes, {} glossary entries, {} passages",
        ds.las.len(),
        ds.centres.len(),
        ds.wards.len(),
        ds.tables.len(),
        ds.themes.len(),
        ds.glossary.len(),
        ds.passages.len()
    )
}
