//! An area's figures beside their comparisons, derived from the tables:
//! an LA against GB and the range across the pilot LAs, a ward against its
//! LA (Table A.4 prints the LA figure on each group's first row), a centre
//! against the other pilot centres. Shared by `casebook show` and the app.

use serde::{Deserialize, Serialize};

use super::{Area, Dataset, Row, Table, parse_figure};

/// One figure of an area and what it is compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureLine {
    /// `A.1` … `A.9`.
    pub table: String,
    /// The column name as the table prints it.
    pub column: String,
    /// Column index in the table (0-based).
    pub column_index: usize,
    /// The figure as printed; `None` where the source has none.
    pub value: Option<String>,
    /// What the comparison is ("GB", "Blackpool", "pilot centres median").
    pub compare_label: Option<String>,
    /// The comparison figure as printed (or computed, for a median).
    pub compare: Option<String>,
    /// Lowest and highest value of this column across the pilot areas of the same level.
    pub range: Option<(f64, f64)>,
}

impl FigureLine {
    /// The numeric value, if any.
    pub fn number(&self) -> Option<f64> {
        self.value.as_deref().and_then(parse_figure).map(|f| f.value)
    }
    /// The comparison's numeric value, if any.
    pub fn compare_number(&self) -> Option<f64> {
        self.compare.as_deref().and_then(parse_figure).map(|f| f.value)
    }
}

/// Every figure the tables hold for an area, in table and column order.
pub fn profile(ds: &Dataset, area: &Area) -> Vec<FigureLine> {
    let mut out = Vec::new();
    for table in &ds.tables {
        let Some(row) = table.rows.iter().find(|r| &r.area == area) else {
            continue;
        };
        for (ci, col) in table.columns.iter().enumerate() {
            if col.text || is_la_comparison_column(&col.name) && matches!(area, Area::Ward(_)) {
                continue;
            }
            let (compare_label, compare) = comparison(ds, table, row, ci, area);
            out.push(FigureLine {
                table: table.id.clone(),
                column: col.name.clone(),
                column_index: ci,
                value: row.cells.get(ci).cloned().flatten(),
                compare_label,
                compare,
                range: range(table, ci),
            });
        }
    }
    out
}

fn is_la_comparison_column(name: &str) -> bool {
    name.ends_with("(local authority)")
}

fn comparison(ds: &Dataset, t: &Table, row: &Row, ci: usize, area: &Area) -> (Option<String>, Option<String>) {
    match area {
        Area::Gb => (None, None),
        Area::La(_) => match t.rows.iter().find(|r| r.area == Area::Gb) {
            Some(gb) => (Some("GB".into()), gb.cells.get(ci).cloned().flatten()),
            None => (None, None),
        },
        Area::Ward(_) => {
            // "X (ward)" is compared with "X (local authority)" on the group's first row.
            let name = &t.columns[ci].name;
            let Some(stem) = name.strip_suffix("(ward)") else {
                return (None, None);
            };
            let la_col = t
                .columns
                .iter()
                .position(|c| c.name == format!("{stem}(local authority)"));
            let first = t.rows.iter().find(|r| r.group.is_some() && r.group == row.group);
            let label = row
                .group
                .clone()
                .or_else(|| Some(ds.area_name(&Area::La(area.la_id(ds).to_string()))));
            match (la_col, first) {
                (Some(lc), Some(first)) => (label, first.cells.get(lc).cloned().flatten()),
                _ => (None, None),
            }
        }
        Area::Centre(_) => {
            let values = numbers(t, ci);
            (Some("pilot centres median".into()), median(&values).map(format_number))
        }
    }
}

fn numbers(t: &Table, ci: usize) -> Vec<f64> {
    t.rows
        .iter()
        .filter(|r| r.area != Area::Gb)
        .filter_map(|r| r.cells.get(ci).cloned().flatten())
        .filter_map(|c| parse_figure(&c).map(|f| f.value))
        .collect()
}

fn range(t: &Table, ci: usize) -> Option<(f64, f64)> {
    let v = numbers(t, ci);
    let min = v.iter().copied().reduce(f64::min)?;
    let max = v.iter().copied().reduce(f64::max)?;
    Some((min, max))
}

fn median(values: &[f64]) -> Option<f64> {
    let mut v = values.to_vec();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Print a number without a trailing `.0`, with thousands separators as the source does.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_like_the_source() {
        assert_eq!(format_number(1156.0), "1,156");
        assert_eq!(format_number(73.0), "73");
        assert_eq!(format_number(9.4), "9.4");
        assert_eq!(format_number(1_000_000.0), "1,000,000");
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }
}
