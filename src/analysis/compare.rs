//! LAs side by side: every LA-level figure with GB and the pilot range
//! (a `†` where a caveat touches that LA's row or cell), ward hotspots
//! (wards whose economic inactivity is more than ten points above their
//! LA's, as the app marks them), the centres with their Table A.6
//! profiles, and the bid reviews section by section (aims beside aims,
//! partners beside partners, targets beside targets). Built from the
//! dataset only; `casebook compare` prints it.

use serde::Serialize;

use crate::dataset::{Area, Dataset, FigureLine, Kind, format_number, profile};

/// What a bid review section holds, in order: the one list the app's Bid
/// review tab, compare and brief all use.
pub const BID_SECTIONS: &[Kind] = &[
    Kind::BidAim,
    Kind::BidElement,
    Kind::Engagement,
    Kind::MultiAgency,
    Kind::Supplementary,
    Kind::Partners,
    Kind::Target,
    Kind::StaffingPost,
];

/// Wards this many points or more above their LA's inactivity are hotspots.
pub const HOTSPOT_POINTS: f64 = 10.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// (id, name) of each LA compared, in the order asked.
    pub las: Vec<(String, String)>,
    pub figures: Vec<FigureRow>,
    /// Per LA (same order as `las`).
    pub hotspots: Vec<Vec<Hotspot>>,
    /// Per LA.
    pub centres: Vec<Vec<CentreProfile>>,
    pub bid: Vec<BidSection>,
    /// Caveats behind the `†` marks: (id, title).
    pub caveats: Vec<(String, String)>,
}

/// One figure across the LAs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    pub table: String,
    pub column: String,
    /// Each LA's figure as printed; `None` where the source has none.
    pub values: Vec<Option<String>>,
    /// Whether a caveat touches each LA's row or cell.
    pub caveat: Vec<bool>,
    pub gb: Option<String>,
    /// Lowest and highest across the pilot LAs, as printed.
    pub range: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hotspot {
    pub ward: String,
    pub name: String,
    pub column: String,
    pub value: String,
    pub la_value: String,
    pub points_above: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentreProfile {
    pub id: String,
    pub name: String,
    /// (column, value as printed) of Table A.6.
    pub figures: Vec<(String, Option<String>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BidSection {
    pub kind: String,
    pub label: String,
    /// Per LA: (passage id, title, text).
    pub passages: Vec<Vec<(String, String, String)>>,
}

/// Compare the LAs `ids` (all must exist; the caller checks).
pub fn compare(ds: &Dataset, ids: &[String]) -> Comparison {
    let las: Vec<(String, String)> = ids
        .iter()
        .map(|id| (id.clone(), ds.la(id).map_or(id.clone(), |l| l.name.clone())))
        .collect();
    let profiles: Vec<Vec<FigureLine>> = ids.iter().map(|id| profile(ds, &Area::La(id.clone()))).collect();
    let mut caveats = Vec::new();
    let mut figures: Vec<FigureRow> = Vec::new();
    for (i, prof) in profiles.iter().enumerate() {
        for f in prof {
            let at = match figures.iter().position(|r| r.table == f.table && r.column == f.column) {
                Some(at) => at,
                None => {
                    figures.push(FigureRow {
                        table: f.table.clone(),
                        column: f.column.clone(),
                        values: vec![None; ids.len()],
                        caveat: vec![false; ids.len()],
                        gb: f.compare.clone(),
                        range: f.range.map(|(a, b)| (format_number(a), format_number(b))),
                    });
                    figures.len() - 1
                }
            };
            figures[at].values[i] = f.value.clone();
            let touching = touching_caveats(ds, &f.table, &ids[i], f.column_index);
            figures[at].caveat[i] = !touching.is_empty();
            for c in touching {
                if !caveats.contains(&c) {
                    caveats.push(c);
                }
            }
        }
    }
    Comparison {
        hotspots: ids.iter().map(|id| hotspots(ds, id)).collect(),
        centres: ids.iter().map(|id| centres(ds, id)).collect(),
        bid: bid(ds, ids),
        las,
        figures,
        caveats,
    }
}

/// Caveats pointing at an LA's row (or that cell) of a table.
fn touching_caveats(ds: &Dataset, table: &str, la: &str, column: usize) -> Vec<(String, String)> {
    let area = Area::La(la.to_string());
    ds.caveats_for_table(table)
        .filter(|p| {
            p.table_refs()
                .any(|r| r.table == table && r.area.as_ref() == Some(&area) && r.column.is_none_or(|c| c == column))
        })
        .map(|p| (p.id.clone(), p.title.clone()))
        .collect()
}

fn hotspots(ds: &Dataset, la: &str) -> Vec<Hotspot> {
    let mut out = Vec::new();
    for w in ds.wards_of(la) {
        for f in profile(ds, &Area::Ward(w.id.clone())) {
            if !f.column.contains("inactive") {
                continue;
            }
            if let (Some(v), Some(c)) = (f.number(), f.compare_number())
                && v - c > HOTSPOT_POINTS
            {
                out.push(Hotspot {
                    ward: w.id.clone(),
                    name: w.name.clone(),
                    column: f.column.clone(),
                    value: f.value.clone().unwrap_or_default(),
                    la_value: f.compare.clone().unwrap_or_default(),
                    points_above: format_number(v - c),
                });
            }
        }
    }
    out
}

fn centres(ds: &Dataset, la: &str) -> Vec<CentreProfile> {
    ds.centres_of(la)
        .map(|c| CentreProfile {
            id: c.id.clone(),
            name: c.name.clone(),
            figures: profile(ds, &Area::Centre(c.id.clone()))
                .into_iter()
                .filter(|f| f.table == "A.6")
                .map(|f| (f.column, f.value))
                .collect(),
        })
        .collect()
}

fn bid(ds: &Dataset, ids: &[String]) -> Vec<BidSection> {
    BID_SECTIONS
        .iter()
        .map(|&kind| BidSection {
            kind: kind.as_str().to_string(),
            label: kind.label().to_string(),
            passages: ids
                .iter()
                .map(|id| {
                    ds.passages
                        .iter()
                        .filter(|p| p.kind == kind && p.las.contains(id))
                        .map(|p| (p.id.clone(), p.title.clone(), p.text.clone()))
                        .collect()
                })
                .collect(),
        })
        .filter(|s: &BidSection| s.passages.iter().any(|v| !v.is_empty()))
        .collect()
}

/// The comparison as text for people (not yet sanitised: the caller
/// writes it through the one boundary).
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
    out.push_str(&indent(&crate::cli::align(&rows)));

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
