//! The Wards and Centres tabs of an LA pane as tables: one row per ward
//! (or centre), each figure from Tables A.4 and A.9 (or A.6) beside its
//! LA's figure, caveat marks, the hotspot mark, and sorting by any column
//! the way the table view sorts (missing cells last, summary rows last).
//! No terminal here: `view` takes its row order, the renderer its cells.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use crate::dataset::{Area, Dataset, Kind, Row, TableRef, parse_figure};

/// Which tab's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridKind {
    Wards,
    Centres,
}

/// What a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// A figure of the row's own table row.
    Own,
    /// The LA's figure that Table A.4 prints on the first row of the ward's group.
    La,
    /// Words (Table A.6's area description).
    Text,
    /// A bar drawn for the figure in column `.0`.
    Bar(usize),
}

/// One column: its header and where its figures come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCol {
    pub header: &'static str,
    pub table: &'static str,
    pub column: usize,
    pub kind: ColKind,
}

/// One row: an area (or the pilot median, `area: None`) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub area: Option<Area>,
    pub name: String,
    /// Each column's figure as printed (`None`: missing, or a bar column).
    pub cells: Vec<Option<String>>,
    /// Whether a caveat points at the cell (`†`).
    pub marked: Vec<bool>,
    /// Whether a caveat points at the whole row (`!`).
    pub flagged: bool,
    /// Ward inactivity more than ten points above its LA's (`▲`).
    pub hotspot: bool,
}

/// A tab's table.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaGrid {
    pub kind: GridKind,
    pub cols: Vec<GridCol>,
    pub rows: Vec<GridRow>,
}

/// How far above its LA's inactivity a ward is marked as a hotspot (points).
pub const HOTSPOT_POINTS: f64 = 10.0;

const WARD_COLS: &[GridCol] = &[
    GridCol {
        header: "Active",
        table: "A.4",
        column: 0,
        kind: ColKind::Own,
    },
    GridCol {
        header: "LA",
        table: "A.4",
        column: 1,
        kind: ColKind::La,
    },
    GridCol {
        header: "Inactive",
        table: "A.4",
        column: 2,
        kind: ColKind::Own,
    },
    GridCol {
        header: "LA",
        table: "A.4",
        column: 3,
        kind: ColKind::La,
    },
    GridCol {
        header: "IS",
        table: "A.9",
        column: 0,
        kind: ColKind::Own,
    },
    GridCol {
        header: "JSA",
        table: "A.9",
        column: 1,
        kind: ColKind::Own,
    },
    GridCol {
        header: "Total",
        table: "A.9",
        column: 2,
        kind: ColKind::Own,
    },
    GridCol {
        header: "Inactive",
        table: "A.4",
        column: 2,
        kind: ColKind::Bar(2),
    },
    GridCol {
        header: "Total",
        table: "A.9",
        column: 2,
        kind: ColKind::Bar(6),
    },
];

const CENTRE_COLS: &[GridCol] = &[
    GridCol {
        header: "Workless 0-4",
        table: "A.6",
        column: 1,
        kind: ColKind::Own,
    },
    GridCol {
        header: "Lone parent",
        table: "A.6",
        column: 2,
        kind: ColKind::Own,
    },
    GridCol {
        header: "BME %",
        table: "A.6",
        column: 3,
        kind: ColKind::Own,
    },
    GridCol {
        header: "Area",
        table: "A.6",
        column: 0,
        kind: ColKind::Text,
    },
];

/// The Wards or Centres table of an LA.
pub fn area_grid(ds: &Dataset, la: &str, kind: GridKind) -> AreaGrid {
    let cols = match kind {
        GridKind::Wards => WARD_COLS,
        GridKind::Centres => CENTRE_COLS,
    };
    let areas: Vec<(Area, String)> = match kind {
        GridKind::Wards => ds
            .wards_of(la)
            .map(|w| (Area::Ward(w.id.clone()), w.name.clone()))
            .collect(),
        GridKind::Centres => ds
            .centres_of(la)
            .map(|c| (Area::Centre(c.id.clone()), c.name.clone()))
            .collect(),
    };
    let ctx = Ctx::new(ds, cols, &areas);
    let mut rows: Vec<GridRow> = areas
        .iter()
        .map(|(a, name)| area_row(&ctx, cols, a.clone(), name.clone()))
        .collect();
    if kind == GridKind::Centres {
        rows.push(median_row(ds, cols));
    }
    AreaGrid {
        kind,
        cols: cols.to_vec(),
        rows,
    }
}

/// What the rows of one grid are read from, gathered in one pass over each
/// table and the passages, so an LA's grid costs the same beside 3,600
/// wards as beside 36.
struct Ctx<'a> {
    /// (table, area) → the table row holding the area's figures.
    own: HashMap<(&'static str, &'a Area), &'a Row>,
    /// (table, group) → the group's first row (Table A.4 prints the LA there).
    first: HashMap<(&'static str, &'a str), &'a Row>,
    /// Every table reference of a caveat.
    caveats: Vec<&'a TableRef>,
}

impl<'a> Ctx<'a> {
    fn new(ds: &'a Dataset, cols: &[GridCol], areas: &'a [(Area, String)]) -> Ctx<'a> {
        let wanted: HashSet<&Area> = areas.iter().map(|(a, _)| a).collect();
        let mut own = HashMap::new();
        let mut first = HashMap::new();
        let mut tables: Vec<&'static str> = cols.iter().map(|c| c.table).collect();
        tables.dedup();
        for id in tables {
            let Some(t) = ds.table(id) else { continue };
            for r in &t.rows {
                if let Some(g) = &r.group {
                    first.entry((id, g.as_str())).or_insert(r);
                }
                if let Some(a) = wanted.get(&r.area) {
                    own.entry((id, *a)).or_insert(r);
                }
            }
        }
        let caveats = ds
            .passages
            .iter()
            .filter(|p| p.kind == Kind::Caveat)
            .flat_map(|p| p.table_refs())
            .collect();
        Ctx { own, first, caveats }
    }

    /// The row that holds an area's figures (for `La` columns, its group's first row).
    fn source_row(&self, col: &GridCol, area: &Area) -> Option<&'a Row> {
        let own = *self.own.get(&(col.table, area))?;
        match col.kind {
            ColKind::La => self.first.get(&(col.table, own.group.as_deref()?)).copied(),
            _ => Some(own),
        }
    }

    fn caveat_at(&self, table: &str, area: &Area, column: Option<usize>) -> bool {
        self.caveats
            .iter()
            .any(|r| r.table == table && r.area.as_ref() == Some(area) && r.column == column)
    }
}

fn area_row(ctx: &Ctx, cols: &[GridCol], area: Area, name: String) -> GridRow {
    let mut cells = Vec::new();
    let mut marked = Vec::new();
    for c in cols {
        let row = ctx.source_row(c, &area);
        let value = match c.kind {
            ColKind::Bar(_) => None,
            _ => row.and_then(|r| r.cells.get(c.column).cloned().flatten()),
        };
        cells.push(value);
        marked.push(
            !matches!(c.kind, ColKind::Bar(_)) && row.is_some_and(|r| ctx.caveat_at(c.table, &r.area, Some(c.column))),
        );
    }
    let num = |i: usize| cells[i].as_deref().and_then(parse_figure).map(|f| f.value);
    let hotspot = cols
        .iter()
        .position(|c| c.kind == ColKind::Own && c.table == "A.4" && c.column == 2)
        .is_some_and(|own| {
            let la = cols.iter().position(|c| c.kind == ColKind::La && c.column == 3);
            matches!((num(own), la.and_then(num)), (Some(w), Some(l)) if w - l > HOTSPOT_POINTS)
        });
    let flagged = cols
        .iter()
        .any(|c| c.kind != ColKind::La && ctx.caveat_at(c.table, &area, None));
    GridRow {
        area: Some(area),
        name,
        cells,
        marked,
        flagged,
        hotspot,
    }
}

/// The median of each figure column across the table's pilot rows.
fn median_row(ds: &Dataset, cols: &[GridCol]) -> GridRow {
    let cells = cols
        .iter()
        .map(|c| {
            if c.kind != ColKind::Own {
                return None;
            }
            let t = ds.table(c.table)?;
            let mut v: Vec<f64> = t
                .rows
                .iter()
                .filter(|r| r.area != Area::Gb)
                .filter_map(|r| r.cells.get(c.column).cloned().flatten())
                .filter_map(|s| parse_figure(&s).map(|f| f.value))
                .collect();
            v.sort_by(f64::total_cmp);
            let n = v.len();
            let m = match n {
                0 => return None,
                _ if n % 2 == 1 => v[n / 2],
                _ => (v[n / 2 - 1] + v[n / 2]) / 2.0,
            };
            Some(crate::dataset::format_number(m))
        })
        .collect();
    GridRow {
        area: None,
        name: "Pilot median".into(),
        cells,
        marked: vec![false; cols.len()],
        flagged: false,
        hotspot: false,
    }
}

/// The figure a column sorts by (bars sort by the figure they draw).
fn sort_value(g: &AreaGrid, row: &GridRow, col: usize) -> Option<String> {
    let src = match g.cols.get(col)?.kind {
        ColKind::Bar(s) => s,
        _ => col,
    };
    row.cells.get(src).cloned().flatten()
}

/// Row indices in display order: sorted by `col` when given (stable;
/// missing cells last either way), the median row always last.
pub fn order(g: &AreaGrid, col: Option<usize>, desc: bool) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..g.rows.len()).collect();
    let text = col.is_some_and(|c| g.cols.get(c).is_some_and(|c| c.kind == ColKind::Text));
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (&g.rows[a], &g.rows[b]);
        let summary = ra.area.is_none().cmp(&rb.area.is_none());
        if summary != Ordering::Equal {
            return summary;
        }
        let Some(c) = col else { return Ordering::Equal };
        match (sort_value(g, ra, c), sort_value(g, rb, c)) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => {
                let ord = if text {
                    x.to_lowercase().cmp(&y.to_lowercase())
                } else {
                    let v = |s: &str| parse_figure(s).map_or(f64::NAN, |f| f.value);
                    v(&x).total_cmp(&v(&y))
                };
                if desc { ord.reverse() } else { ord }
            }
        }
    });
    idx
}
