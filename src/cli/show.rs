//! `casebook show la|centre|ward ID`: everything the dataset knows about
//! one area: its figures beside their comparisons, linked centres and
//! wards, its passages grouped by kind, and its caveats.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::output::{TextJson, align, not_found};
use super::{CliError, Out, load_dataset};
use crate::dataset::{Area, Dataset, FigureLine, Kind, Passage, format_number, profile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowWhat {
    La,
    Centre,
    Ward,
}

/// Arguments of `casebook show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[arg(value_enum)]
    pub what: ShowWhat,
    /// The record's id (see `casebook list`).
    pub id: String,
    #[arg(long, value_enum, default_value_t = TextJson::Text)]
    pub format: TextJson,
}

pub fn run(data: Option<&Path>, args: ShowArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    let value = match args.what {
        ShowWhat::La => show_la(&ds, &args.id)?,
        ShowWhat::Centre => show_centre(&ds, &args.id)?,
        ShowWhat::Ward => show_ward(&ds, &args.id)?,
    };
    match args.format {
        TextJson::Json => out.json(&value)?,
        TextJson::Text => out.text(&text(&value))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn show_la(ds: &Dataset, id: &str) -> Result<Value, CliError> {
    let la = ds
        .la(id)
        .ok_or_else(|| not_found("local authority", id, ds.las.iter().map(|l| l.id.as_str())))?;
    let area = Area::La(la.id.clone());
    let passages: Vec<&Passage> = ds.passages_for_la(&la.id).collect();
    Ok(json!({
        "type": "la", "id": la.id, "name": la.name, "aliases": la.aliases,
        "figures": profile(ds, &area),
        "centres": ds.centres_of(&la.id).map(|c| json!({"id": c.id, "name": c.name})).collect::<Vec<_>>(),
        "wards": ds.wards_of(&la.id).map(|w| json!({"id": w.id, "name": w.name})).collect::<Vec<_>>(),
        "passages": grouped(&passages),
        "caveats": caveats(ds, &passages, &area),
    }))
}

fn show_centre(ds: &Dataset, id: &str) -> Result<Value, CliError> {
    let c = ds
        .centre(id)
        .ok_or_else(|| not_found("centre", id, ds.centres.iter().map(|c| c.id.as_str())))?;
    let area = Area::Centre(c.id.clone());
    let passages: Vec<&Passage> = ds.passages_for_centre(&c.id).collect();
    let description = ds.rows_for(&area).find_map(|(t, r)| {
        t.columns
            .iter()
            .position(|col| col.text)
            .and_then(|i| r.cells.get(i).cloned().flatten())
    });
    Ok(json!({
        "type": "centre", "id": c.id, "name": c.name, "table_name": c.table_name, "la": c.la,
        "area_description": description,
        "figures": profile(ds, &area),
        "wards": c.wards.iter().map(|w| json!({"id": w, "name": ds.ward(w).map(|w| w.name.clone())})).collect::<Vec<_>>(),
        "link_note": c.link_note,
        "passages": grouped(&passages),
        "caveats": caveats(ds, &passages, &area),
    }))
}

fn show_ward(ds: &Dataset, id: &str) -> Result<Value, CliError> {
    let w = ds
        .ward(id)
        .ok_or_else(|| not_found("ward", id, ds.wards.iter().map(|w| w.id.as_str())))?;
    let area = Area::Ward(w.id.clone());
    let passages: Vec<&Passage> = ds.passages_for_ward(&w.id).collect();
    Ok(json!({
        "type": "ward", "id": w.id, "name": w.name, "la": w.la, "district": w.district,
        "figures": profile(ds, &area),
        "centres": ds.centres_of_ward(&w.id).map(|c| json!({"id": c.id, "name": c.name})).collect::<Vec<_>>(),
        "passages": grouped(&passages),
        "caveats": caveats(ds, &passages, &area),
    }))
}

fn passage_json(p: &Passage) -> Value {
    let mut v = json!({"id": p.id, "kind": p.kind.as_str(), "title": p.title, "text": p.text, "themes": p.themes,
        "document": p.document.as_str(), "chapter": p.chapter,
        "source": format!("{}, {}", doc_name(p), p.section)});
    if let Some(k) = p.caveat {
        v["caveat"] = json!(k.as_str());
        v["stores"] = json!(p.stores);
        v["about"] = json!(p.about_passages().collect::<Vec<_>>());
    }
    v
}

pub(crate) fn doc_name(p: &Passage) -> &'static str {
    match p.document {
        crate::dataset::Doc::Baseline => "Baseline report",
        crate::dataset::Doc::Interim => "Interim summary",
    }
}

/// Non-caveat passages grouped by kind, in kind order.
fn grouped(passages: &[&Passage]) -> Value {
    let mut by: BTreeMap<Kind, Vec<Value>> = BTreeMap::new();
    for p in passages.iter().filter(|p| p.kind != Kind::Caveat) {
        by.entry(p.kind).or_default().push(passage_json(p));
    }
    Value::Array(
        by.into_iter()
            .map(|(k, v)| json!({"kind": k.as_str(), "label": k.label(), "passages": v}))
            .collect(),
    )
}

/// Caveats among the passages, any caveat about one of them (text
/// caveats), and any caveat pointing at the area's table rows.
fn caveats(ds: &Dataset, passages: &[&Passage], area: &Area) -> Value {
    let mut out: Vec<&Passage> = passages.iter().copied().filter(|p| p.kind == Kind::Caveat).collect();
    for p in ds.passages.iter().filter(|p| p.kind == Kind::Caveat) {
        let about_one = p.about_passages().any(|id| passages.iter().any(|q| q.id == id));
        let on_row = p.table_refs().any(|r| r.area.as_ref() == Some(area));
        if (about_one || on_row) && !out.iter().any(|q| q.id == p.id) {
            out.push(p);
        }
    }
    Value::Array(out.into_iter().map(passage_json).collect())
}

fn figure_row(f: &FigureLine) -> Vec<String> {
    let cmp = match (&f.compare_label, &f.compare) {
        (Some(l), Some(v)) => format!("{l} {v}"),
        (Some(l), None) => format!("{l} –"),
        _ => String::new(),
    };
    let range = f.range.map_or(String::new(), |(a, b)| {
        format!("pilot range {}–{}", format_number(a), format_number(b))
    });
    vec![
        f.table.clone(),
        f.column.clone(),
        f.value.clone().unwrap_or_else(|| "–".into()),
        cmp,
        range,
    ]
}

fn text(v: &Value) -> String {
    let name = v["name"].as_str().unwrap_or_default();
    let mut out = format!(
        "{name} ({} `{}`)\n",
        v["type"].as_str().unwrap_or_default(),
        v["id"].as_str().unwrap_or_default()
    );
    for key in ["la", "district", "table_name", "area_description"] {
        if let Some(s) = v[key].as_str() {
            out.push_str(&format!("{}: {s}\n", key.replace('_', " ")));
        }
    }
    if let Some(a) = v["aliases"].as_array().filter(|a| !a.is_empty()) {
        let names: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
        out.push_str(&format!("also: {}\n", names.join("; ")));
    }
    let figures: Vec<FigureLine> = serde_json::from_value(v["figures"].clone()).unwrap_or_default();
    if !figures.is_empty() {
        out.push_str("\nFigures\n");
        let rows: Vec<Vec<String>> = figures.iter().map(figure_row).collect();
        out.push_str(&indent(&align(&rows)));
    }
    for key in ["centres", "wards"] {
        if let Some(a) = v[key].as_array().filter(|a| !a.is_empty()) {
            out.push_str(&format!("\n{}{}\n", key[..1].to_uppercase(), &key[1..]));
            for x in a {
                out.push_str(&format!(
                    "  {}  {}\n",
                    x["id"].as_str().unwrap_or_default(),
                    x["name"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    if let Some(n) = v["link_note"].as_str() {
        out.push_str(&format!("  ({n})\n"));
    }
    for group in v["passages"].as_array().into_iter().flatten() {
        out.push_str(&format!("\n{}\n", group["label"].as_str().unwrap_or_default()));
        for p in group["passages"].as_array().into_iter().flatten() {
            out.push_str(&passage_text(p));
        }
    }
    if let Some(a) = v["caveats"].as_array().filter(|a| !a.is_empty()) {
        out.push_str("\nCaveats\n");
        for p in a {
            out.push_str(&passage_text(p));
        }
    }
    out
}

fn passage_text(p: &Value) -> String {
    let kind = p["caveat"].as_str().map_or(String::new(), |k| format!("{k}: "));
    let stores = p["stores"]
        .as_str()
        .map_or(String::new(), |s| format!("    casebook stores: {s}\n"));
    format!(
        "  - {kind}{} [{}]\n    {}\n{stores}    ({})\n",
        p["title"].as_str().unwrap_or_default(),
        p["id"].as_str().unwrap_or_default(),
        p["text"].as_str().unwrap_or_default().replace('\n', "\n    "),
        p["source"].as_str().unwrap_or_default()
    )
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}
