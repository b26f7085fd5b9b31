//! The pre-visit brief: one document about an LA that an evaluator reads
//! on the way to a visit. Its figures against GB and the pilot range,
//! wards (hotspots marked), centres with their Table A.6 profiles, the
//! bid review, pre-pilot activity, the interim case-study findings that
//! name the LA, the caveats that touch any of it, and the evaluator's own
//! notes on the LA, its centres, wards and passages. Every section says
//! where it comes from. Built as [`Block`]s, rendered as Markdown or as
//! one self-contained, printable HTML file; text for people is sanitised
//! by the caller (Markdown) or here (HTML, then escaped).

use crate::dataset::{Area, Dataset, Document, Kind, Passage, format_number, profile};
use crate::notes::{Note, Target};

use super::compare::{BID_SECTIONS, HOTSPOT_POINTS};

/// One piece of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(u8, String),
    Para(String),
    /// Where a section comes from, shown in italics.
    Source(String),
    /// A header row, then rows.
    Table(Vec<String>, Vec<Vec<String>>),
    /// Items: a bold title, then text.
    Items(Vec<(String, String)>),
}

/// The brief for LA `id`, with the evaluator's `notes` (the caller checks the id).
pub fn brief(ds: &Dataset, id: &str, notes: &[Note]) -> Vec<Block> {
    let name = ds.la(id).map_or(id.to_string(), |l| l.name.clone());
    let mut doc = vec![
        Block::Heading(1, format!("Pre-visit brief: {name}")),
        Block::Para(format!(
            "Everything casebook holds on {name}, from the baseline report (RR602), the interim case-study summary and your field notes. Figures are exactly as published; – means the source gives none."
        )),
    ];
    let passages: Vec<&Passage> = ds.passages_for_la(id).collect();
    figures(ds, id, &mut doc);
    wards(ds, id, &mut doc);
    centres(ds, id, &mut doc);
    doc.push(Block::Heading(2, "Bid review".into()));
    doc.push(Block::Source(format!("Baseline report, Appendix B, {name}")));
    for &kind in BID_SECTIONS {
        let items = items(passages.iter().copied().filter(|p| p.kind == kind));
        if !items.is_empty() {
            doc.push(Block::Heading(3, kind.label().into()));
            doc.push(Block::Items(items));
        }
    }
    let activity = items(
        passages
            .iter()
            .copied()
            .filter(|p| matches!(p.kind, Kind::Activity | Kind::Definition)),
    );
    section(
        &mut doc,
        "Pre-pilot activity",
        "Baseline report, pre-pilot activity (each item cites its section)",
        activity,
    );
    let findings = items(
        passages
            .iter()
            .copied()
            .filter(|p| p.document == Document::Interim && !BID_SECTIONS.contains(&p.kind) && p.kind != Kind::Caveat),
    );
    section(
        &mut doc,
        "Case-study findings that name the LA",
        "Interim case-study summary",
        findings,
    );
    section(
        &mut doc,
        "Caveats",
        "Caveats on the sources' tables and text that touch the LA, its wards or centres (each cites its section)",
        items(caveats(ds, id).into_iter()),
    );
    section(
        &mut doc,
        "Your notes",
        "Your field notes on the LA, its centres, wards and passages",
        note_items(ds, id, notes),
    );
    doc
}

fn section(doc: &mut Vec<Block>, title: &str, source: &str, items: Vec<(String, String)>) {
    doc.push(Block::Heading(2, title.into()));
    doc.push(Block::Source(source.into()));
    if items.is_empty() {
        doc.push(Block::Para("None.".into()));
    } else {
        doc.push(Block::Items(items));
    }
}

fn items<'a>(ps: impl Iterator<Item = &'a Passage>) -> Vec<(String, String)> {
    ps.map(|p| (p.title.clone(), format!("{} ({})", p.text, p.source_label())))
        .collect()
}

fn figures(ds: &Dataset, id: &str, doc: &mut Vec<Block>) {
    doc.push(Block::Heading(2, "Figures against GB".into()));
    doc.push(Block::Source(
        "Baseline report, Tables A.1–A.9 (the table of each figure is named)".into(),
    ));
    let rows = profile(ds, &Area::La(id.to_string()))
        .into_iter()
        .map(|f| {
            vec![
                f.table.clone(),
                f.column.clone(),
                f.value.clone().unwrap_or_else(|| "–".into()),
                f.compare.clone().unwrap_or_default(),
                f.range.map_or(String::new(), |(a, b)| {
                    format!("{}–{}", format_number(a), format_number(b))
                }),
            ]
        })
        .collect();
    doc.push(Block::Table(
        ["Table", "Figure", "LA", "GB", "Pilot range"]
            .map(String::from)
            .to_vec(),
        rows,
    ));
}

fn wards(ds: &Dataset, id: &str, doc: &mut Vec<Block>) {
    doc.push(Block::Heading(2, "Wards and hotspots".into()));
    doc.push(Block::Source(format!(
        "Baseline report, Tables A.4 and A.9; ▲ marks economic inactivity more than {} points above the LA's",
        format_number(HOTSPOT_POINTS)
    )));
    let mut rows = Vec::new();
    for w in ds.wards_of(id) {
        let prof = profile(ds, &Area::Ward(w.id.clone()));
        let mut hot = false;
        let cells: Vec<String> = prof
            .iter()
            .map(|f| {
                if f.column.contains("inactive")
                    && let (Some(v), Some(c)) = (f.number(), f.compare_number())
                    && v - c > HOTSPOT_POINTS
                {
                    hot = true;
                }
                format!("{} {}", f.column, f.value.as_deref().unwrap_or("–"))
            })
            .collect();
        let name = if hot { format!("▲ {}", w.name) } else { w.name.clone() };
        rows.push(vec![name, cells.join("; ")]);
    }
    doc.push(Block::Table(vec!["Ward".into(), "Figures".into()], rows));
}

fn centres(ds: &Dataset, id: &str, doc: &mut Vec<Block>) {
    doc.push(Block::Heading(2, "Centres".into()));
    doc.push(Block::Source("Baseline report, Table A.6 (centre profiles)".into()));
    let rows = ds
        .centres_of(id)
        .map(|c| {
            let figures: Vec<String> = profile(ds, &Area::Centre(c.id.clone()))
                .into_iter()
                .filter(|f| f.table == "A.6")
                .map(|f| format!("{} {}", f.column, f.value.as_deref().unwrap_or("–")))
                .collect();
            vec![c.name.clone(), figures.join("; ")]
        })
        .collect();
    doc.push(Block::Table(vec!["Centre".into(), "Table A.6".into()], rows));
}

/// Caveats naming the LA or pointing at its, its wards' or its centres' table rows.
fn caveats<'a>(ds: &'a Dataset, id: &str) -> Vec<&'a Passage> {
    let mut areas = vec![Area::La(id.to_string())];
    areas.extend(ds.wards_of(id).map(|w| Area::Ward(w.id.clone())));
    areas.extend(ds.centres_of(id).map(|c| Area::Centre(c.id.clone())));
    ds.passages
        .iter()
        .filter(|p| p.kind == Kind::Caveat)
        .filter(|p| {
            p.las.iter().any(|l| l == id)
                || p.table_refs()
                    .any(|r| r.area.as_ref().is_some_and(|a| areas.contains(a)))
        })
        .collect()
}

fn note_items(ds: &Dataset, id: &str, notes: &[Note]) -> Vec<(String, String)> {
    let about = |n: &Note| match &n.target {
        Target::La(l) => l == id,
        Target::Centre(c) => ds.centre(c).is_some_and(|c| c.la == id),
        Target::Ward(w) => ds.ward(w).is_some_and(|w| w.la == id),
        Target::Passage(p) => ds.passage(p).is_some_and(|p| p.las.iter().any(|l| l == id)),
        Target::None => false,
    };
    notes
        .iter()
        .filter(|n| about(n))
        .map(|n| {
            (
                n.title(),
                format!(
                    "{} (note on {} {}, {})",
                    n.text,
                    n.target.kind(),
                    n.target.id().unwrap_or(""),
                    n.updated
                ),
            )
        })
        .collect()
}

/// Markdown (not yet sanitised: the caller writes it through the one boundary).
pub fn markdown(doc: &[Block]) -> String {
    let mut out = String::new();
    for b in doc {
        match b {
            Block::Heading(level, t) => {
                out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from(*level)), md_line(t)))
            }
            Block::Para(t) => out.push_str(&format!("{}\n\n", md_text(t))),
            Block::Source(t) => out.push_str(&format!("*Source: {}*\n\n", md_line(t))),
            Block::Table(header, rows) => {
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| md_line(c).replace('|', "\\|")).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&row(header));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for r in rows {
                    out.push_str(&row(r));
                }
                out.push('\n');
            }
            Block::Items(items) => {
                for (title, text) in items {
                    out.push_str(&format!(
                        "- **{}** {}\n",
                        md_line(title),
                        md_text(text).replace('\n', "\n  ")
                    ));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// One line of Markdown: line breaks become spaces, emphasis characters escaped.
fn md_line(s: &str) -> String {
    md_text(&s.replace(['\n', '\r'], " "))
}

fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One self-contained, printable HTML file; every text sanitised then escaped.
pub fn html(doc: &[Block]) -> String {
    let title = doc
        .iter()
        .find_map(|b| match b {
            Block::Heading(1, t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("Pre-visit brief");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font-family:Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.45}}\ntable{{border-collapse:collapse;margin:.5em 0}}td,th{{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}}\n.source{{color:#555;font-style:italic}}h2{{border-bottom:1px solid #ccc;margin-top:1.5em}}\n@media print{{body{{margin:0;max-width:none}}h2{{break-after:avoid}}tr,li{{break-inside:avoid}}}}\n</style>\n</head>\n<body>\n",
        esc(title)
    );
    for b in doc {
        match b {
            Block::Heading(level, t) => out.push_str(&format!("<h{level}>{}</h{level}>\n", esc(t))),
            Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", esc(t))),
            Block::Source(t) => out.push_str(&format!("<p class=\"source\">Source: {}</p>\n", esc(t))),
            Block::Table(header, rows) => {
                out.push_str("<table>\n<tr>");
                for h in header {
                    out.push_str(&format!("<th>{}</th>", esc(h)));
                }
                out.push_str("</tr>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        out.push_str(&format!("<td>{}</td>", esc(c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
            Block::Items(items) => {
                out.push_str("<ul>\n");
                for (title, text) in items {
                    out.push_str(&format!("<li><strong>{}</strong> {}</li>\n", esc(title), esc(text)));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn esc(s: &str) -> String {
    crate::sanitize::text(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\n', "<br>")
}
