//! `casebook list las|centres|wards|themes`: the records of one type.

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::output::{TextJson, align, closest};
use super::{CliError, Out, load_dataset};
use crate::dataset::Dataset;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListWhat {
    Las,
    Centres,
    Wards,
    Themes,
}

/// Arguments of `casebook list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// What to list.
    #[arg(value_enum)]
    pub what: ListWhat,
    /// Only records of this local authority (centres, wards).
    #[arg(long, value_name = "ID")]
    pub la: Option<String>,
    #[arg(long, value_enum, default_value_t = TextJson::Text)]
    pub format: TextJson,
}

pub fn run(data: Option<&Path>, args: ListArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    if let Some(la) = &args.la {
        check_la(&ds, la)?;
    }
    let la = args.la.as_deref();
    let rows: Vec<Value> = match args.what {
        ListWhat::Las => ds
            .las
            .iter()
            .filter(|l| la.is_none_or(|x| x == l.id))
            .map(|l| {
                json!({
                    "id": l.id, "name": l.name, "aliases": l.aliases,
                    "centres": ds.centres_of(&l.id).count(), "wards": ds.wards_of(&l.id).count(),
                    "passages": ds.passages_for_la(&l.id).count(),
                })
            })
            .collect(),
        ListWhat::Centres => ds
            .centres
            .iter()
            .filter(|c| la.is_none_or(|x| x == c.la))
            .map(|c| {
                json!({
                    "id": c.id, "la": c.la, "name": c.name, "table_name": c.table_name, "wards": c.wards,
                })
            })
            .collect(),
        ListWhat::Wards => ds
            .wards
            .iter()
            .filter(|w| la.is_none_or(|x| x == w.la))
            .map(|w| {
                json!({
                    "id": w.id, "la": w.la, "name": w.name, "district": w.district,
                    "centres": ds.centres_of_ward(&w.id).map(|c| c.id.clone()).collect::<Vec<_>>(),
                })
            })
            .collect(),
        ListWhat::Themes => themes(&ds, la),
    };
    match args.format {
        TextJson::Json => out.json(&rows)?,
        TextJson::Text => out.text(&text(args.what, &rows))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Each theme with its passage count in total and per LA.
fn themes(ds: &Dataset, la: Option<&str>) -> Vec<Value> {
    ds.themes
        .iter()
        .map(|t| {
            let tagged: Vec<_> = ds.passages.iter().filter(|p| p.themes.contains(&t.id)).collect();
            let per_la: serde_json::Map<String, Value> = ds
                .las
                .iter()
                .filter(|l| la.is_none_or(|x| x == l.id))
                .map(|l| {
                    (
                        l.id.clone(),
                        json!(tagged.iter().filter(|p| p.las.contains(&l.id)).count()),
                    )
                })
                .collect();
            json!({
                "id": t.id, "label": t.label, "description": t.description, "synonyms": t.synonyms,
                "passages": tagged.len(), "per_la": per_la,
            })
        })
        .collect()
}

pub(super) fn check_la(ds: &Dataset, la: &str) -> Result<(), CliError> {
    if ds.la(la).is_some() {
        return Ok(());
    }
    Err(CliError::NotFound {
        what: "local authority",
        id: la.to_string(),
        suggestions: closest(la, ds.las.iter().map(|l| l.id.as_str())),
    })
}

fn s(v: &Value, k: &str) -> String {
    match &v[k] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().map_or(x.to_string(), String::from))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn text(what: ListWhat, rows: &[Value]) -> String {
    let (head, keys): (&[&str], &[&str]) = match what {
        ListWhat::Las => (
            &["ID", "NAME", "CENTRES", "WARDS", "PASSAGES"],
            &["id", "name", "centres", "wards", "passages"],
        ),
        ListWhat::Centres => (&["ID", "LA", "NAME", "WARDS"], &["id", "la", "name", "wards"]),
        ListWhat::Wards => (
            &["ID", "LA", "NAME", "DISTRICT", "CENTRES"],
            &["id", "la", "name", "district", "centres"],
        ),
        ListWhat::Themes => (
            &["ID", "LABEL", "PASSAGES", "PER LA"],
            &["id", "label", "passages", "per_la"],
        ),
    };
    let mut table = vec![head.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for r in rows {
        table.push(
            keys.iter()
                .map(|k| match (*k, &r[*k]) {
                    ("per_la", Value::Object(m)) => m
                        .iter()
                        .filter(|(_, n)| n.as_u64() != Some(0))
                        .map(|(la, n)| format!("{la} {n}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => s(r, k),
                })
                .collect(),
        );
    }
    align(&table)
}
