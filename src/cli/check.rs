//! `casebook check`: validate a dataset and summarise it in one line.

use std::path::Path;
use std::process::ExitCode;

use super::{CliError, Out, load_dataset};
use crate::dataset::Dataset;

pub fn run(data: Option<&Path>, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    out.text(&format!("{}\n{}\n", summary(&ds), breakdown(&ds)))?;
    Ok(ExitCode::SUCCESS)
}

/// Passages per kind and per LA, one line each.
pub fn breakdown(ds: &Dataset) -> String {
    let kinds: Vec<String> = crate::dataset::Kind::ALL
        .iter()
        .map(|k| (k, ds.passages.iter().filter(|p| p.kind == *k).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let las: Vec<String> = ds
        .las
        .iter()
        .map(|l| format!("{} {}", l.id, ds.passages_for_la(&l.id).count()))
        .collect();
    let none = ds.passages.iter().filter(|p| p.las.is_empty()).count();
    format!(
        "passages by kind: {}\npassages by LA: {}, no LA {none}",
        kinds.join(", "),
        las.join(", ")
    )
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
