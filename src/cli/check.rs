//! `casebook check`: validate a dataset and summarise it: counts per record
//! type, passages per kind and LA, caveats per caveat kind, milestones.

use std::path::Path;
use std::process::ExitCode;

use super::{CliError, Out, load_dataset};
use crate::dataset::{CaveatKind, Dataset, Kind};

pub fn run(data: Option<&Path>, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    out.text(&format!("{}\n{}\n", summary(&ds), breakdown(&ds)))?;
    Ok(ExitCode::SUCCESS)
}

/// Passages per kind and per LA, one line each.
pub fn breakdown(ds: &Dataset) -> String {
    let kinds: Vec<String> = Kind::ALL
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
        "passages by kind: {}\npassages by LA: {}, no LA {none}\n{}\n{}",
        kinds.join(", "),
        las.join(", "),
        caveats(ds),
        milestones(ds)
    )
}

/// Caveats per caveat kind, on one line.
fn caveats(ds: &Dataset) -> String {
    let per: Vec<String> = CaveatKind::ALL
        .iter()
        .map(|k| {
            let n = ds.passages.iter().filter(|p| p.caveat == Some(*k)).count();
            format!("{} {n}", k.as_str())
        })
        .collect();
    let total = ds.passages.iter().filter(|p| p.kind == Kind::Caveat).count();
    format!("caveats by kind: {} (total {total})", per.join(", "))
}

/// How many milestones, and the span of their dates.
fn milestones(ds: &Dataset) -> String {
    let dates: Vec<&str> = ds
        .milestones()
        .filter_map(|(_, p)| p.date.as_ref())
        .flat_map(|d| std::iter::once(d.from.as_str()).chain(d.to.as_deref()))
        .collect();
    match (dates.iter().min(), dates.iter().max()) {
        (Some(first), Some(last)) => format!("milestones: {} ({first} to {last})", ds.milestones().count()),
        _ => "milestones: 0".to_string(),
    }
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
