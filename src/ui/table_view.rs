//! The table view: any of Tables A.1–A.9 with its area (and, for ward and
//! centre tables, the LA) frozen on the left, figure columns laid out by
//! `grid` (whole or not at all, `◂ ▸` when more lie beyond), sorting by any
//! column, the GB row set apart, missing cells as `–`, caveat marks (`!`
//! row, `†` cell; `c` lists the caveats), and the source and notes beneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::grid::{self, FigCol, Grid, TextCol};
use super::{Theme, clip, sanitize, wrap};
use crate::app::State;
use crate::dataset::{Area, Level, Table, sorted_rows};

pub fn render(frame: &mut Frame, area: Rect, state: &State, id: &str, focused: bool, theme: &Theme) {
    let Some(t) = state.ds.table(id) else { return };
    let footer = wrap::lines(footer(state, t, theme), area.width.saturating_sub(1));
    let foot_h = (footer.len() as u16 + 1).min(area.height / 3);
    let grid_area = clip(
        Rect::new(area.x, area.y, area.width, area.height.saturating_sub(foot_h)),
        area,
    );
    let g = table_grid(state, t, focused, theme);
    let lines = grid::lines(&g, usize::from(grid_area.width), usize::from(grid_area.height), theme);
    frame.render_widget(Paragraph::new(lines), grid_area);
    let foot = clip(Rect::new(area.x, area.y + grid_area.height, area.width, foot_h), area);
    frame.render_widget(Paragraph::new(footer), foot);
}

/// Every (area, column) a caveat points at in this table.
pub fn caveat_marks(state: &State, t: &Table) -> Vec<(Option<Area>, Option<usize>)> {
    state
        .lookup
        .caveats
        .iter()
        .flat_map(|&i| state.ds.passages[i].table_refs())
        .filter(|r| r.table == t.id)
        .map(|r| (r.area.clone(), r.column))
        .collect()
}

/// The LA name of a table row, for ward- and centre-level tables.
pub fn row_la(state: &State, area: &Area) -> String {
    match area {
        Area::Gb => "GB".into(),
        a => state.ds.area_name(&Area::La(state.lookup.la_id(a).to_string())),
    }
}

fn table_grid(state: &State, t: &Table, focused: bool, theme: &Theme) -> Grid {
    let marks = caveat_marks(state, t);
    let labels: Vec<String> = t
        .rows
        .iter()
        .map(|row| {
            let flagged = marks.iter().any(|(a, c)| a.as_ref() == Some(&row.area) && c.is_none());
            format!(
                "{}{}{}",
                if flagged { "! " } else { "  " },
                sanitize::line(&row.label),
                row.markers.concat()
            )
        })
        .collect();
    let mut frozen = vec![TextCol {
        header: match t.level {
            Level::La => "Area",
            Level::Ward => "Ward",
            Level::Centre => "Centre",
        }
        .into(),
        cells: labels,
        min: 8,
    }];
    if t.level != Level::La {
        frozen.push(TextCol {
            header: "LA".into(),
            cells: t.rows.iter().map(|r| sanitize::line(&row_la(state, &r.area))).collect(),
            min: 6,
        });
    }
    let cols = t
        .columns
        .iter()
        .enumerate()
        .map(|(ci, c)| FigCol {
            header: sanitize::line(c.short.as_deref().unwrap_or(&c.name)),
            cells: t
                .rows
                .iter()
                .map(|row| {
                    let cell = row.cells.get(ci).cloned().flatten();
                    let touched = marks
                        .iter()
                        .any(|(a, c)| a.as_ref() == Some(&row.area) && *c == Some(ci));
                    let text = format!(
                        "{}{}",
                        cell.as_deref().map_or("–".to_string(), sanitize::line),
                        if touched { "†" } else { " " }
                    );
                    (text, grid::figure_style(cell.is_none(), theme))
                })
                .collect(),
            left: c.text,
        })
        .collect();
    let order = sorted_rows(t, state.table.sort, state.table.desc);
    let row = order.get(state.table.row).copied();
    Grid {
        frozen,
        cols,
        selected_col: Some(state.table.col.min(t.columns.len().saturating_sub(1))),
        sort: state.table.sort.map(|s| (s, state.table.desc)),
        rule_before: t
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.area == Area::Gb)
            .map(|(i, _)| i)
            .collect(),
        order,
        selected_row: row,
        focused,
    }
}

fn footer<'a>(state: &State, t: &Table, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    if let Some(c) = t.columns.get(state.table.col) {
        out.push(Line::styled(
            format!("Column: {}", sanitize::line(&c.name)),
            theme.text(),
        ));
    }
    let source = if t.source.is_empty() {
        "none printed in the report".to_string()
    } else {
        sanitize::line(&t.source)
    };
    out.push(Line::styled(format!("Source: {source}"), theme.dim()));
    for n in &t.notes {
        out.push(Line::styled(format!("Note: {}", sanitize::line(n)), theme.dim()));
    }
    let n = state.ds.caveats_for_table(&t.id).count();
    if n > 0 {
        let what = if n == 1 { "caveat touches" } else { "caveats touch" };
        out.push(Line::styled(
            format!("{n} {what} this table (! row, † cell; c lists the row's caveats)"),
            theme.warn(),
        ));
    }
    out
}
