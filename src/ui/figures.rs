//! The figure lines of an Overview, laid out to fit the pane: the label,
//! the figure as printed with its marks (`*#` the table's footnote markers,
//! `†` a caveat, `▲` a hotspot), then, as room allows, a bar, the
//! comparison, the range and the hotspot's size. When even label, figure
//! and comparison do not fit on one line, each figure stacks its label
//! above its values. A figure is never cut.

use ratatui::text::{Line, Span};

use super::grid::{cut, pad_left, pad_right, width};
use super::overview::bar;
use super::{Theme, sanitize};
use crate::app::State;
use crate::app::grid::HOTSPOT_POINTS;
use crate::dataset::{Area, FigureLine, Units, format_number};

/// One figure, ready to lay out.
pub struct Row {
    pub label: String,
    pub value: String,
    pub marks: String,
    /// Bar length as a share of the whole (rank bars grow with deprivation).
    pub bar: Option<f64>,
    pub compare: Option<String>,
    pub range: Option<String>,
    pub above: Option<String>,
}

/// Which parts fit, and how wide each is.
pub struct Layout {
    label: usize,
    value: usize,
    marks: usize,
    bar: usize,
    compare: usize,
    range: bool,
    above: bool,
    stacked: bool,
}

/// The lowest rank of Table A.5's scale ("out of 354 districts"), from its note.
pub fn rank_scale(state: &State, table: &str) -> Option<f64> {
    let t = state.ds.table(table)?;
    t.notes.iter().find_map(|n| {
        let rest = &n[n.find("out of ")? + 7..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().ok()
    })
}

/// Caveats that point at a table row of `area` (the whole row, or column `column`).
pub fn caveats_at(state: &State, table: &str, area: &Area, column: Option<usize>) -> Vec<usize> {
    // Only the caveat passages are looked at (kept in `State::lookup`).
    let ds = &state.ds;
    state
        .lookup
        .caveats()
        .iter()
        .map(|&i| (i, &ds.passages[i]))
        .filter(|(_, p)| {
            p.table_refs().any(|r| {
                r.table == table
                    && r.area.as_ref() == Some(area)
                    && (r.column.is_none() || column.is_none() || r.column == column)
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// Caveats on the LA figure a ward is compared with: Table A.4 prints it on
/// the first row of the ward's group, in the "(local authority)" column.
fn compare_caveats(state: &State, area: &Area, f: &FigureLine) -> Vec<usize> {
    let Area::Ward(_) = area else { return Vec::new() };
    let Some(t) = state.ds.table(&f.table) else {
        return Vec::new();
    };
    let Some(stem) = f.column.strip_suffix("(ward)") else {
        return Vec::new();
    };
    let la_col = t
        .columns
        .iter()
        .position(|c| c.name == format!("{stem}(local authority)"));
    let group = t.rows.iter().find(|r| &r.area == area).and_then(|r| r.group.clone());
    let first = t.rows.iter().find(|r| r.group.is_some() && r.group == group);
    match (la_col, first) {
        (Some(c), Some(first)) => caveats_at(state, &f.table, &first.area, Some(c))
            .into_iter()
            .filter(|&i| {
                state.ds.passages[i]
                    .table_refs()
                    .any(|r| r.table == f.table && r.area.as_ref() == Some(&first.area) && r.column == Some(c))
            })
            .collect(),
        _ => Vec::new(),
    }
}

pub fn row(state: &State, area: &Area, f: &FigureLine) -> Row {
    let t = state.ds.table(&f.table);
    let label = t
        .and_then(|t| t.columns.get(f.column_index))
        .map_or(f.column.clone(), |c| c.short.clone().unwrap_or(c.name.clone()));
    let markers = t
        .and_then(|t| t.rows.iter().find(|r| &r.area == area))
        .map_or(String::new(), |r| r.markers.concat());
    let mut marks = sanitize::line(&markers);
    if !caveats_at(state, &f.table, area, Some(f.column_index)).is_empty() {
        marks.push('†');
    }
    let above = match (f.column.contains("inactive"), f.number(), f.compare_number()) {
        (true, Some(v), Some(c)) if v - c > HOTSPOT_POINTS => Some(v - c),
        _ => None,
    };
    if above.is_some() {
        marks.push('▲');
    }
    let rank = t.is_some_and(|t| t.units == Units::Rank);
    let bar = f.number().and_then(|v| {
        if rank {
            let scale = rank_scale(state, &f.table).or(f.range.map(|r| r.1))?;
            Some(((scale + 1.0 - v) / scale).clamp(0.0, 1.0))
        } else {
            let max = [Some(v), f.compare_number(), f.range.map(|r| r.1)]
                .into_iter()
                .flatten()
                .fold(0.0, f64::max);
            (max > 0.0).then(|| v / max)
        }
    });
    // `†` on the comparison when a caveat touches the figure it comes from.
    let compare_mark = if compare_caveats(state, area, f).is_empty() {
        ""
    } else {
        "†"
    };
    let compare = f.compare_label.as_ref().map(|l| {
        let l = if l.contains("median") { "median" } else { l.as_str() };
        format!(
            "{} {}{compare_mark}",
            sanitize::line(l),
            f.compare.as_deref().map_or("–".into(), sanitize::line)
        )
    });
    Row {
        label: sanitize::line(&label),
        value: f.value.as_deref().map_or("–".into(), sanitize::line),
        marks,
        bar,
        compare,
        range: f
            .range
            .map(|(lo, hi)| format!("range {}–{}", format_number(lo), format_number(hi))),
        above: above.map(|d| format!("▲ {} points above", format_number(d))),
    }
}

fn widest(rows: &[Row], f: impl Fn(&Row) -> usize) -> usize {
    rows.iter().map(f).max().unwrap_or(0)
}

/// Choose what fits in `total` cells: label, figure and comparison first,
/// then a bar of at least 8, the range, the hotspot's size, a longer bar.
pub fn fit(rows: &[Row], total: usize) -> Layout {
    let value = widest(rows, |r| width(&r.value));
    let marks = widest(rows, |r| width(&r.marks));
    let compare = widest(rows, |r| r.compare.as_ref().map_or(0, |c| width(c) + 1));
    let range_w = widest(rows, |r| r.range.as_ref().map_or(0, |c| width(c) + 2));
    let above_w = widest(rows, |r| r.above.as_ref().map_or(0, |c| width(c) + 2));
    let mut label = widest(rows, |r| width(&r.label)).min(28);
    let fixed = 2 + 1 + value + marks + compare;
    if fixed + label > total {
        label = total.saturating_sub(fixed).max(10).min(label);
    }
    let mut l = Layout {
        label,
        value,
        marks,
        bar: 0,
        compare,
        range: false,
        above: false,
        stacked: fixed + label > total,
    };
    if l.stacked {
        return l;
    }
    let mut used = fixed + label;
    if used + 9 <= total {
        l.bar = 8;
        used += 9;
    }
    if range_w > 0 && used + range_w <= total {
        l.range = true;
        used += range_w;
    }
    if above_w > 0 && used + above_w <= total {
        l.above = true;
        used += above_w;
    }
    if l.bar > 0 {
        l.bar = (8 + total - used).min(24);
    }
    l
}

/// A figure's line (or lines, stacked).
pub fn line<'a>(r: &Row, l: &Layout, theme: &Theme) -> Vec<Line<'a>> {
    let value = vec![
        Span::raw(pad_left(&r.value, l.value)),
        Span::styled(pad_right(&r.marks, l.marks), theme.warn()),
    ];
    let compare = r.compare.as_ref().map(|c| {
        Span::styled(
            format!(" {}", pad_right(c, l.compare.saturating_sub(1))),
            theme.compare(),
        )
    });
    if l.stacked {
        let mut second = vec![Span::raw("    ")];
        second.extend(value);
        second.extend(compare);
        return vec![Line::raw(format!("  {}", r.label)), Line::from(second)];
    }
    let mut spans = vec![Span::raw(format!("  {} ", pad_right(&cut(&r.label, l.label), l.label)))];
    spans.extend(value);
    if l.bar > 0 {
        let b = r.bar.map_or(String::new(), |f| bar(f, 1.0, l.bar));
        spans.push(Span::styled(format!(" {}", pad_right(&b, l.bar)), theme.bar()));
    }
    spans.extend(compare);
    if l.range
        && let Some(range) = &r.range
    {
        spans.push(Span::styled(format!("  {range}"), theme.dim()));
    }
    if l.above
        && let Some(a) = &r.above
    {
        spans.push(Span::styled(format!("  {a}"), theme.warn()));
    }
    vec![Line::from(spans)]
}

/// A table's heading in the Overview (rank tables say which way the bar grows).
pub fn heading<'a>(state: &State, table: &str, theme: &Theme) -> Line<'a> {
    let Some(t) = state.ds.table(table) else {
        return Line::raw(format!("Table {table}"));
    };
    let mut title = match &t.period {
        Some(p) if !t.title.contains(p.as_str()) => format!("{} ({p})", t.title),
        _ => t.title.clone(),
    };
    if t.units == Units::Rank {
        let scale = rank_scale(state, table).map_or(String::new(), |s| format!(" of {}", format_number(s)));
        title.push_str(&format!(
            " · rank{scale}: 1 = most deprived; a longer bar is more deprived"
        ));
    }
    Line::styled(format!("Table {table}  {}", sanitize::line(&title)), theme.heading())
}

/// What the marks of a table's figures mean: the row's footnotes, a row
/// printed under another name, and the caveats touching the row. `figs`
/// are the table's figure lines (from `profile`) and `rows` their rows.
pub fn notes<'a>(
    state: &State,
    area: &Area,
    table: &str,
    figs: &[FigureLine],
    rows: &[Row],
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let Some(t) = state.ds.table(table) else { return out };
    let Some(row) = t.rows.iter().find(|r| &r.area == area) else {
        return out;
    };
    if !row.markers.is_empty() {
        out.push(Line::styled(
            format!(
                "  {} Table {table} marks this row; its notes:",
                sanitize::line(&row.markers.concat())
            ),
            theme.warn(),
        ));
        for n in &t.notes {
            out.push(Line::styled(format!("    {}", sanitize::line(n)), theme.dim()));
        }
    }
    // A row printed under another name (West Somerset, a district, for
    // Somerset) is said, so the figure is not read as the LA's own.
    if let Area::La(id) = area
        && let Some(la) = state.ds.la(id)
        && row.label != la.name
    {
        out.push(Line::styled(
            format!("  Table {table} prints this row as “{}”.", sanitize::line(&row.label)),
            theme.warn(),
        ));
    }
    let mut listed = caveats_at(state, table, area, None);
    for f in figs.iter().filter(|f| f.table == table) {
        for i in compare_caveats(state, area, f) {
            if !listed.contains(&i) {
                listed.push(i);
            }
        }
    }
    for i in listed {
        let p = &state.ds.passages[i];
        out.push(Line::styled(
            format!("  † {} (Caveats tab)", sanitize::line(&p.title)),
            theme.warn(),
        ));
    }
    if rows.iter().any(|r| r.above.is_some()) {
        out.push(Line::styled(
            format!(
                "  ▲ more than {} points above the comparison",
                format_number(HOTSPOT_POINTS)
            ),
            theme.warn(),
        ));
    }
    out
}
