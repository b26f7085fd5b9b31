//! Tables A.1–A.9 for a synthetic dataset: the bundled tables' titles,
//! columns, units, sources and notes, with one row per synthetic LA (LA-level
//! tables), ward (A.4, A.9) or centre (A.6), so national-scale panes show
//! figures as the real ones do. Figures keep the source's shapes: whole
//! percentages whose active and inactive shares add up to about 100, counts
//! grouped by commas (A.7 and A.8 rounded to the nearest 100 as their notes
//! say), A.9's total the sum of IS and JSA, an occasional decimal or `+`, and
//! a few missing cells (`None`, printed `–`) as in the source.

use crate::dataset::{Area, Centre, LocalAuthority, Row, Table, Ward, format_number};

use super::Rng;

/// Percent of figure cells left missing, as the source leaves some blank.
const MISSING: usize = 3;

/// Tables A.1–A.9 for these areas, in id order (none if the bundled
/// dataset's tables, which give the shapes, cannot be read).
pub fn tables(seed: u64, las: &[LocalAuthority], centres: &[Centre], wards: &[Ward]) -> Vec<Table> {
    // A stream of its own, so the passages stay the same as before tables existed.
    let mut rng = Rng(seed ^ 0x7AB1_E5A1_2345_6789);
    let shapes = crate::dataset::load_bundled().map(|d| d.tables).unwrap_or_default();
    let mut out = Vec::new();
    for shape in shapes {
        let rows = match shape.id.as_str() {
            "A.4" => a4(&mut rng, las, wards),
            "A.6" => a6(&mut rng, centres),
            "A.9" => a9(&mut rng, las, wards),
            id => la_rows(&mut rng, id, las, &shape),
        };
        out.push(Table { rows, ..shape });
    }
    out
}

/// The cell `make` gives, or now and then a missing one.
fn maybe(rng: &mut Rng, make: impl FnOnce(&mut Rng) -> String) -> Option<String> {
    let cell = make(rng);
    (!rng.chance(MISSING)).then_some(cell)
}

fn whole(v: usize) -> String {
    format_number(v as f64)
}

fn between(rng: &mut Rng, lo: usize, hi: usize) -> usize {
    lo + rng.below(hi - lo + 1)
}

fn row(area: Area, label: &str, group: Option<&str>, cells: Vec<Option<String>>) -> Row {
    Row {
        area,
        label: label.to_string(),
        markers: Vec::new(),
        group: group.map(String::from),
        cells,
    }
}

/// One row per LA for an LA-level table, then the bundled GB row if the
/// table has one.
fn la_rows(rng: &mut Rng, id: &str, las: &[LocalAuthority], shape: &Table) -> Vec<Row> {
    let mut rows: Vec<Row> = las
        .iter()
        .map(|la| {
            let cells = la_cells(rng, id);
            let mut r = row(Area::La(la.id.clone()), &la.name, None, cells);
            // Table A.7's "#": a sample size below 30.
            if id == "A.7" && rng.chance(30) {
                r.markers.push("#".into());
            }
            r
        })
        .collect();
    rows.extend(shape.rows.iter().filter(|r| r.area == Area::Gb).cloned());
    rows
}

fn la_cells(rng: &mut Rng, id: &str) -> Vec<Option<String>> {
    match id {
        "A.1" => {
            let active = between(rng, 65, 86);
            let inactive = 100 - active + rng.below(2);
            vec![maybe(rng, |_| whole(active)), maybe(rng, |_| whole(inactive))]
        }
        "A.2" => {
            let his = [(1, 6), (5, 14), (1, 4), (1, 2), (0, 1), (1, 2), (0, 0)];
            his.iter()
                .map(|&(lo, hi)| {
                    // Bereaved is printed blank for every LA in the source.
                    if hi == 0 {
                        None
                    } else {
                        maybe(rng, |r| whole(between(r, lo, hi)))
                    }
                })
                .collect()
        }
        "A.3" => (0..3).map(|_| maybe(rng, |r| whole(between(r, 300, 3200)))).collect(),
        "A.5" => vec![maybe(rng, |r| whole(between(r, 1, 354)))],
        "A.7" => vec![maybe(rng, |r| whole(between(r, 15, 95) * 100))],
        "A.8" => vec![
            maybe(rng, |r| whole(between(r, 50, 170) * 100)),
            maybe(rng, |r| whole(between(r, 20, 110) * 100)),
        ],
        _ => Vec::new(),
    }
}

fn la_name<'a>(las: &'a [LocalAuthority], id: &'a str) -> &'a str {
    las.iter().find(|l| l.id == id).map_or(id, |l| l.name.as_str())
}

/// Ward activity beside its LA's; the LA's figures only on each group's
/// first row, as the source prints them.
fn a4(rng: &mut Rng, las: &[LocalAuthority], wards: &[Ward]) -> Vec<Row> {
    let mut rows = Vec::new();
    for la in las {
        let la_active = between(rng, 66, 84);
        let mut first = true;
        for w in wards.iter().filter(|w| w.la == la.id) {
            let active = la_active.saturating_sub(12) + rng.below(16);
            let (la_a, la_i) = if first {
                (maybe(rng, |_| whole(la_active)), maybe(rng, |_| whole(100 - la_active)))
            } else {
                (None, None)
            };
            first = false;
            let cells = vec![
                maybe(rng, |_| whole(active)),
                la_a,
                maybe(rng, |_| whole(100 - active)),
                la_i,
            ];
            let label = format!("{} {}", la.name, w.name);
            rows.push(row(Area::Ward(w.id.clone()), &label, Some(&la.name), cells));
        }
    }
    rows
}

/// Reach area profiles: mostly urban, a few decimals and `+` markers.
fn a6(rng: &mut Rng, centres: &[Centre]) -> Vec<Row> {
    centres
        .iter()
        .map(|c| {
            let area = match rng.below(10) {
                0 => "Mostly rural",
                1 => "Mostly urban",
                _ => "Urban",
            };
            let lone = if rng.chance(5) {
                format!("{}.{}", between(rng, 2, 40), rng.below(10))
            } else {
                whole(between(rng, 2, 40))
            };
            let mut bme = whole(between(rng, 1, 80));
            if rng.chance(5) {
                bme.push('+');
            }
            let cells = vec![
                Some(area.to_string()),
                maybe(rng, |r| whole(between(r, 15, 55))),
                maybe(rng, |_| lone),
                maybe(rng, |_| bme),
            ];
            row(Area::Centre(c.id.clone()), &c.table_name, None, cells)
        })
        .collect()
}

/// Lone parent IS and JSA clients per ward, the total their sum.
fn a9(rng: &mut Rng, las: &[LocalAuthority], wards: &[Ward]) -> Vec<Row> {
    wards
        .iter()
        .map(|w| {
            let is = between(rng, 20, 3200);
            let jsa = is / 20 + rng.below(40);
            let cells = vec![
                maybe(rng, |_| whole(is)),
                maybe(rng, |_| whole(jsa)),
                maybe(rng, |_| whole(is + jsa)),
            ];
            let group = la_name(las, &w.la);
            row(Area::Ward(w.id.clone()), &w.name, Some(group), cells)
        })
        .collect()
}
