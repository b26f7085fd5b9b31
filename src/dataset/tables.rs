//! Working with a table's rows and columns: finding a column by what a
//! person types, and sorting rows the way the CLI and the table view do
//! (missing cells last in either direction, the GB row always at the end).

use std::cmp::Ordering;

use super::{Area, Table, parse_figure};

/// Find a column by 1-based number, exact name, short name, or a
/// case-insensitive prefix/substring of either when that is unambiguous.
pub fn resolve_column(t: &Table, input: &str) -> Result<usize, String> {
    let want = input.trim().to_lowercase();
    if let Ok(n) = want.parse::<usize>()
        && (1..=t.columns.len()).contains(&n)
    {
        return Ok(n - 1);
    }
    let names = |c: &super::Column| {
        let mut v = vec![c.name.to_lowercase()];
        v.extend(c.short.as_ref().map(|s| s.to_lowercase()));
        v
    };
    if let Some(i) = t.columns.iter().position(|c| names(c).contains(&want)) {
        return Ok(i);
    }
    let matches: Vec<usize> = (0..t.columns.len())
        .filter(|&i| names(&t.columns[i]).iter().any(|n| n.contains(&want)))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        _ => {
            let list: Vec<String> = t
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{} ({})", i + 1, c.name))
                .collect();
            let what = if matches.is_empty() {
                "no column matches"
            } else {
                "several columns match"
            };
            Err(format!(
                "{what} `{input}` in Table {}; columns are: {}",
                t.id,
                list.join(", ")
            ))
        }
    }
}

/// Row indices in display order: sorted by `column` when given (stable, so
/// equal values keep the source's order), missing cells last, GB last.
pub fn sorted_rows(t: &Table, column: Option<usize>, desc: bool) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..t.rows.len()).collect();
    let text = column.is_some_and(|c| t.columns.get(c).is_some_and(|c| c.text));
    // Each row's sort value made once (not once per comparison): a
    // 3,600-row table sorts within a frame.
    let keys: Vec<(bool, Option<SortValue>)> = t
        .rows
        .iter()
        .map(|r| {
            let cell = column.and_then(|c| r.cells.get(c)).and_then(Option::as_deref);
            let value = cell.map(|x| {
                if text {
                    SortValue::Text(x.to_lowercase())
                } else {
                    SortValue::Number(parse_figure(x).map_or(f64::NAN, |f| f.value))
                }
            });
            (r.area == Area::Gb, value)
        })
        .collect();
    idx.sort_by(|&a, &b| {
        let ((gb_a, va), (gb_b, vb)) = (&keys[a], &keys[b]);
        let gb = gb_a.cmp(gb_b);
        if gb != Ordering::Equal || column.is_none() {
            return gb;
        }
        match (va, vb) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => {
                let ord = x.compare(y);
                if desc { ord.reverse() } else { ord }
            }
        }
    });
    idx
}

/// A cell's value as a sort sees it: words case-blind, figures by value.
enum SortValue {
    Text(String),
    Number(f64),
}

impl SortValue {
    fn compare(&self, other: &SortValue) -> Ordering {
        match (self, other) {
            (SortValue::Text(x), SortValue::Text(y)) => x.cmp(y),
            (SortValue::Number(x), SortValue::Number(y)) => x.total_cmp(y),
            // One column holds one kind; never reached.
            (SortValue::Text(_), SortValue::Number(_)) => Ordering::Less,
            (SortValue::Number(_), SortValue::Text(_)) => Ordering::Greater,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Column, Level, Row, Units};

    fn table() -> Table {
        let row = |area: Area, label: &str, v: Option<&str>| Row {
            area,
            label: label.into(),
            markers: vec![],
            group: None,
            cells: vec![v.map(String::from)],
        };
        Table {
            id: "A.9".into(),
            title: "t".into(),
            period: None,
            units: Units::Count,
            level: Level::La,
            columns: vec![Column {
                name: "Claims IB".into(),
                short: Some("IB".into()),
                text: false,
            }],
            rows: vec![
                row(Area::Gb, "GB", Some("5")),
                row(Area::La("a".into()), "A", Some("1,200")),
                row(Area::La("b".into()), "B", None),
                row(Area::La("c".into()), "C", Some("300")),
            ],
            source: "s".into(),
            notes: vec![],
        }
    }

    #[test]
    fn sorts_numbers_not_strings_with_missing_and_gb_last() {
        let t = table();
        assert_eq!(sorted_rows(&t, Some(0), false), vec![3, 1, 2, 0]);
        assert_eq!(sorted_rows(&t, Some(0), true), vec![1, 3, 2, 0]);
        assert_eq!(sorted_rows(&t, None, false), vec![1, 2, 3, 0]);
    }

    #[test]
    fn columns_resolve_by_number_name_short_and_substring() {
        let t = table();
        assert_eq!(resolve_column(&t, "1"), Ok(0));
        assert_eq!(resolve_column(&t, "claims ib"), Ok(0));
        assert_eq!(resolve_column(&t, "IB"), Ok(0));
        assert_eq!(resolve_column(&t, "claims"), Ok(0));
        assert!(
            resolve_column(&t, "nothing")
                .unwrap_err()
                .contains("columns are: 1 (Claims IB)")
        );
    }
}
