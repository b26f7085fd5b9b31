//! `casebook table ID`: one of Tables A.1–A.9 as text, CSV or JSON.
//!
//! CSV and JSON carry one row per area: `la` (the LA id, `gb` for the
//! national row), then `ward` or `centre` for ward- and centre-level tables,
//! then each figure under the source's column name. A missing cell is empty
//! in CSV and `null` in JSON. Figures are numbers (`1,156` → 1156); a marker
//! printed beside a figure (`27+`) is kept in the JSON row's `markers`.

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use super::output::{align, closest};
use super::{CliError, Out, load_dataset};
use crate::dataset::{Dataset, Level, Table, Units, parse_figure, resolve_column, sorted_rows};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Text,
    Csv,
    Json,
}

/// Arguments of `casebook table`.
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// Table id: A.1 … A.9 (also a1, A1).
    pub id: String,
    /// Sort by this column: its number (1-based), name, short name or part of it.
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,
    /// Sort descending (missing cells stay last).
    #[arg(long)]
    pub desc: bool,
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
}

pub fn run(data: Option<&Path>, args: TableArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    let table = ds.table(&args.id).ok_or_else(|| CliError::NotFound {
        what: "table",
        id: args.id.clone(),
        suggestions: closest(&args.id, ds.tables.iter().map(|t| t.id.as_str())),
    })?;
    let column = match &args.sort {
        Some(c) => Some(resolve_column(table, c).map_err(CliError::Usage)?),
        None => None,
    };
    let order = sorted_rows(table, column, args.desc);
    match args.format {
        TableFormat::Text => out.text(&text(&ds, table, &order))?,
        TableFormat::Csv => out.text(&csv(&ds, table, &order))?,
        TableFormat::Json => out.json(&json(&ds, table, &order))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn area_columns(t: &Table) -> Vec<&'static str> {
    match t.level {
        Level::La => vec!["la"],
        Level::Ward => vec!["la", "ward"],
        Level::Centre => vec!["la", "centre"],
    }
}

fn area_ids(ds: &Dataset, t: &Table, row: usize) -> Vec<String> {
    let area = &t.rows[row].area;
    match t.level {
        Level::La => vec![area.la_id(ds).to_string()],
        _ => vec![area.la_id(ds).to_string(), area.id().to_string()],
    }
}

/// A cell as a JSON value: a number, the text of a text column, or null.
fn cell_value(t: &Table, ci: usize, cell: Option<&String>) -> Value {
    match cell {
        None => Value::Null,
        Some(s) if t.columns[ci].text => Value::String(s.clone()),
        Some(s) => parse_figure(s).map_or(Value::Null, |f| {
            if f.value.fract() == 0.0 {
                json!(f.value as i64)
            } else {
                json!(f.value)
            }
        }),
    }
}

pub fn csv(ds: &Dataset, t: &Table, order: &[usize]) -> String {
    let mut header: Vec<String> = area_columns(t).iter().map(|s| s.to_string()).collect();
    header.extend(t.columns.iter().map(|c| c.name.clone()));
    let mut out = csv_line(&header);
    for &r in order {
        let mut fields = area_ids(ds, t, r);
        for (ci, cell) in t.rows[r].cells.iter().enumerate() {
            fields.push(match cell_value(t, ci, cell.as_ref()) {
                Value::Null => String::new(),
                Value::String(s) => s,
                v => v.to_string(),
            });
        }
        out.push_str(&csv_line(&fields));
    }
    out
}

fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

pub fn json(ds: &Dataset, t: &Table, order: &[usize]) -> Value {
    let rows: Vec<Value> = order
        .iter()
        .map(|&r| {
            let row = &t.rows[r];
            let mut m = Map::new();
            for (k, v) in area_columns(t).iter().zip(area_ids(ds, t, r)) {
                m.insert((*k).to_string(), Value::String(v));
            }
            m.insert("label".into(), Value::String(row.label.clone()));
            for (ci, cell) in row.cells.iter().enumerate() {
                m.insert(t.columns[ci].name.clone(), cell_value(t, ci, cell.as_ref()));
            }
            let mut markers: Vec<String> = row.markers.clone();
            for (ci, cell) in row.cells.iter().enumerate() {
                if let Some(marker) = cell.as_deref().and_then(parse_figure).and_then(|f| f.marker)
                    && !t.columns[ci].text
                {
                    markers.push(format!("{}: {marker}", t.columns[ci].name));
                }
            }
            m.insert("markers".into(), json!(markers));
            Value::Object(m)
        })
        .collect();
    json!({
        "id": t.id,
        "title": t.title,
        "period": t.period,
        "units": units(t.units),
        "columns": t.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
        "source": t.source,
        "notes": t.notes,
        "caveats": ds.caveats_for_table(&t.id).map(|p| p.id.clone()).collect::<Vec<_>>(),
        "rows": rows,
    })
}

fn units(u: Units) -> &'static str {
    match u {
        Units::Percentage => "percentage",
        Units::Count => "count",
        Units::Rank => "rank",
    }
}

/// What the first column of a table names: an area, a ward or a centre.
pub fn area_heading(t: &Table) -> &'static str {
    match t.level {
        Level::La => "Area",
        Level::Ward => "Ward",
        Level::Centre => "Centre",
    }
}

/// Aligned text: title, header, rows (missing as `–`), source, notes, caveats.
pub fn text(ds: &Dataset, t: &Table, order: &[usize]) -> String {
    let mut out = format!("Table {}  {}\n", t.id, t.title);
    if let Some(p) = &t.period {
        out.push_str(&format!("Period: {p}    Units: {}\n", units(t.units)));
    }
    out.push('\n');
    // Ward- and centre-level tables say each row's LA (Table A.9 prints
    // ward names alone).
    let with_la = t.level != Level::La;
    let mut head = vec![area_heading(t).to_string()];
    if with_la {
        head.push("LA".into());
    }
    head.extend(t.columns.iter().map(|c| c.short.clone().unwrap_or(c.name.clone())));
    let mut rows = vec![head];
    for &r in order {
        let row = &t.rows[r];
        let mut label = row.label.clone();
        for m in &row.markers {
            label.push_str(m);
        }
        let mut line = vec![label];
        if with_la {
            let la = row.area.la_id(ds);
            line.push(ds.la(la).map_or(la.to_string(), |l| l.name.clone()));
        }
        line.extend(row.cells.iter().map(|c| c.clone().unwrap_or_else(|| "–".into())));
        rows.push(line);
    }
    out.push_str(&align(&rows));
    out.push('\n');
    if t.columns.iter().any(|c| c.short.is_some()) {
        for (i, c) in t.columns.iter().enumerate() {
            out.push_str(&format!("Column {}: {}\n", i + 1, c.name));
        }
    }
    out.push_str(&format!("Source: {}\n", t.source));
    for n in &t.notes {
        out.push_str(&format!("Note: {n}\n"));
    }
    for c in ds.caveats_for_table(&t.id) {
        out.push_str(&format!("Caveat [{}]: {}\n", c.id, c.title));
    }
    out
}
