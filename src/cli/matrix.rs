//! `casebook matrix`: the cases × themes matrix (see
//! [`crate::analysis::matrix`]) as text, CSV or JSON. Every cell equals
//! `casebook search --la LA --theme T --limit 0` with the same `--kind` and
//! `--source` filters (and the same field notes).
//!
//! CSV: a header `la` (or `centre`) then the theme ids, one row per LA or
//! centre. JSON: `{"columns": [theme ids], "rows": [{"la": id, "counts":
//! {theme: n}}]}` (`centre` instead of `la` with `--rows centre`). Text:
//! numbered theme columns, a row per LA or centre with its total, a total
//! row, and the numbered themes beneath.

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Map, Value, json};
use unicode_width::UnicodeWidthStr;

use super::search::{parse_kinds, parse_sources, read_notes};
use super::{CliError, Out, load_indexed};
use crate::analysis::{Matrix, Rows, describe_filters};
use crate::sanitize;
use crate::search::Filters;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RowsArg {
    La,
    Centre,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    Text,
    Csv,
    Json,
}

/// Arguments of `casebook matrix`.
#[derive(Debug, clap::Args)]
pub struct MatrixArgs {
    /// What the rows are: local authorities or children's centres.
    #[arg(long, value_enum, default_value_t = RowsArg::La)]
    pub rows: RowsArg,
    /// Show only this theme's column (repeat for several; default: every theme).
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,
    /// Count only passages of this kind, e.g. finding (repeat for any of several).
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,
    /// Count only passages from this source document: baseline or interim.
    #[arg(long = "source", value_name = "DOC")]
    pub sources: Vec<String>,
    #[arg(long, value_enum, default_value_t = MatrixFormat::Text)]
    pub format: MatrixFormat,
}

pub fn run(data: Option<&Path>, notes: Option<&Path>, args: MatrixArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    // The index from the open-time cache when there is one, as `search` does.
    let (ds, mut index) = load_indexed(data)?;
    for t in &args.themes {
        if ds.theme(t).is_none() {
            return Err(super::output::not_found(
                "theme",
                t,
                ds.themes.iter().map(|t| t.id.as_str()),
            ));
        }
    }
    let filters = Filters {
        themes: args.themes.clone(),
        kinds: parse_kinds(&args.kinds)?,
        sources: parse_sources(&args.sources)?,
        ..Filters::default()
    };
    let notes = read_notes(notes);
    index.set_extra(crate::notes::to_search_docs(&notes, &ds));
    let rows = match args.rows {
        RowsArg::La => Rows::La,
        RowsArg::Centre => Rows::Centre,
    };
    let m = Matrix::compute(&ds, &index, rows, &filters);
    match args.format {
        MatrixFormat::Text => out.text(&text(&m, &filters))?,
        MatrixFormat::Csv => out.text(&csv(&m))?,
        MatrixFormat::Json => out.json(&to_json(&m))?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn text(m: &Matrix, filters: &Filters) -> String {
    let what = match m.rows_of {
        Rows::La => "LA",
        Rows::Centre => "centre",
    };
    let mut out = format!(
        "Passages and notes per {what} and theme ({})\n\n",
        describe_filters(filters)
    );
    let names: Vec<String> = m.row_names.iter().map(|n| sanitize::line(n)).collect();
    let name_w = names
        .iter()
        .map(|n| n.width())
        .chain([what.len(), 3])
        .max()
        .unwrap_or(0);
    let num_w = |values: &mut dyn Iterator<Item = usize>, header: usize| {
        values.map(|v| v.to_string().len()).chain([header]).max().unwrap_or(1)
    };
    let widths: Vec<usize> = (0..m.columns.len())
        .map(|c| {
            let mut vals = m.counts.iter().map(|r| r[c]).chain([m.column_totals[c]]);
            num_w(&mut vals, (c + 1).to_string().len())
        })
        .collect();
    let total_w = num_w(&mut m.row_totals.iter().copied().chain([m.total]), 3);
    let line = |label: &str, cells: Vec<String>, total: String| {
        let mut s = format!("{label}{}", " ".repeat(name_w - label.width()));
        for (c, cell) in cells.iter().enumerate() {
            s.push_str(&format!(" {cell:>w$}", w = widths[c]));
        }
        s.push_str(&format!("  {total:>total_w$}\n"));
        s
    };
    let header = (1..=m.columns.len()).map(|c| c.to_string()).collect();
    out.push_str(&line(what, header, "any".into()));
    for (r, name) in names.iter().enumerate() {
        let cells = m.counts[r].iter().map(|n| n.to_string()).collect();
        out.push_str(&line(name, cells, m.row_totals[r].to_string()));
    }
    let totals = m.column_totals.iter().map(|n| n.to_string()).collect();
    out.push_str(&line("any", totals, m.total.to_string()));
    out.push_str("\n\"any\" counts each passage or note once (one coded with two themes is in two cells).\nThemes:\n");
    let rows: Vec<Vec<String>> = m
        .columns
        .iter()
        .zip(&m.column_labels)
        .enumerate()
        .map(|(c, (id, label))| vec![format!("{:>2}", c + 1), id.clone(), label.clone()])
        .collect();
    out.push_str(&super::output::align(&rows));
    out
}

pub fn csv(m: &Matrix) -> String {
    let mut out = std::iter::once(m.rows_of.as_str().to_string())
        .chain(m.columns.iter().map(|c| csv_field(c)))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for (r, id) in m.rows.iter().enumerate() {
        out.push_str(&csv_field(id));
        for n in &m.counts[r] {
            out.push_str(&format!(",{n}"));
        }
        out.push('\n');
    }
    out
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

pub fn to_json(m: &Matrix) -> Value {
    let rows: Vec<Value> = m
        .rows
        .iter()
        .enumerate()
        .map(|(r, id)| {
            let counts: Map<String, Value> = m
                .columns
                .iter()
                .zip(&m.counts[r])
                .map(|(c, n)| (c.clone(), json!(n)))
                .collect();
            let mut row = Map::new();
            row.insert(m.rows_of.as_str().into(), json!(id));
            row.insert("counts".into(), Value::Object(counts));
            Value::Object(row)
        })
        .collect();
    json!({"columns": m.columns, "rows": rows})
}
