//! `casebook compare LA LA [LA…]`: LAs side by side (see
//! [`crate::analysis::compare`]) as text or JSON. JSON is the
//! [`Comparison`] as it is: `las` ([id, name] pairs), `figures` (`table`,
//! `column`, `values`, `caveat`, `gb`, `range`), `hotspots` and `centres`
//! (one list per LA), `bid` (sections, each with one list of [id, title,
//! text] per LA) and `caveats` ([id, title]).

use std::path::Path;
use std::process::ExitCode;

use super::output::{TextJson, align, not_found};
use super::{CliError, Out, load_dataset};
use crate::analysis::compare::{Comparison, compare};

/// Arguments of `casebook compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Two or more LA ids (see `casebook list las`).
    #[arg(num_args = 2.., required = true, value_name = "LA")]
    pub las: Vec<String>,
    #[arg(long, value_enum, default_value_t = TextJson::Text)]
    pub format: TextJson,
}

pub fn run(data: Option<&Path>, args: CompareArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    for (i, id) in args.las.iter().enumerate() {
        if ds.la(id).is_none() {
            return Err(not_found("local authority", id, ds.las.iter().map(|l| l.id.as_str())));
        }
        if args.las[..i].contains(id) {
            return Err(CliError::Usage(format!(
                "`{}` is given twice; name each LA once",
                crate::sanitize::line(id)
            )));
        }
    }
    let c = compare(&ds, &args.las);
    match args.format {
        TextJson::Json => out.json(&c)?,
        TextJson::Text => out.text(&text(&c))?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn text(c: &Comparison) -> String {
    let names: Vec<&str> = c.las.iter().map(|(_, n)| n.as_str()).collect();
    let mut out = format!("{} side by side\n", names.join(" · "));
    out.push_str("\nFigures (baseline report, Tables A.1–A.9; † a caveat touches the figure, see Caveats)\n");
    let mut rows = vec![
        ["Table", "Figure"]
            .iter()
            .map(|s| s.to_string())
            .chain(names.iter().map(|n| n.to_string()))
            .chain(["GB".to_string(), "Pilot range".to_string()])
            .collect::<Vec<_>>(),
    ];
    for f in &c.figures {
        let mut row = vec![f.table.clone(), f.column.clone()];
        for (v, mark) in f.values.iter().zip(&f.caveat) {
            let v = v.clone().unwrap_or_else(|| "–".into());
            row.push(if *mark { format!("{v} †") } else { v });
        }
        row.push(f.gb.clone().unwrap_or_default());
        row.push(f.range.as_ref().map_or(String::new(), |(a, b)| format!("{a}–{b}")));
        rows.push(row);
    }
    out.push_str(&indent(&align(&rows)));

    out.push_str("\nWard hotspots (Table A.4: economic inactivity more than 10 points above the LA's)\n");
    for ((_, name), spots) in c.las.iter().zip(&c.hotspots) {
        if spots.is_empty() {
            out.push_str(&format!("  {name}: none\n"));
        }
        for h in spots {
            out.push_str(&format!(
                "  {name}: {} {} (LA {}, {} points above)\n",
                h.name, h.value, h.la_value, h.points_above
            ));
        }
    }

    out.push_str("\nCentres (Table A.6 profiles)\n");
    for ((_, name), centres) in c.las.iter().zip(&c.centres) {
        out.push_str(&format!("  {name}\n"));
        for centre in centres {
            let figures: Vec<String> = centre
                .figures
                .iter()
                .map(|(col, v)| format!("{col} {}", v.as_deref().unwrap_or("–")))
                .collect();
            let figures = if figures.is_empty() {
                "no A.6 row".to_string()
            } else {
                figures.join(" · ")
            };
            out.push_str(&format!("    {}: {figures}\n", centre.name));
        }
    }

    out.push_str("\nBid reviews (baseline report, Appendix B), section by section\n");
    for section in &c.bid {
        out.push_str(&format!("  {}\n", section.label));
        for ((_, name), passages) in c.las.iter().zip(&section.passages) {
            if passages.is_empty() {
                out.push_str(&format!("    {name}: none recorded\n"));
                continue;
            }
            out.push_str(&format!("    {name}\n"));
            for (id, title, _) in passages {
                out.push_str(&format!("      - {title} [{id}]\n"));
            }
        }
    }

    if !c.caveats.is_empty() {
        out.push_str("\nCaveats (†)\n");
        for (id, title) in &c.caveats {
            out.push_str(&format!("  {title} [{id}]\n"));
        }
    }
    out
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}
