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
use crate::app::{State, table_layout};
use crate::dataset::{Level, Table};

pub fn render(frame: &mut Frame, area: Rect, state: &State, id: &str, focused: bool, theme: &Theme) {
    let Some(t) = state.ds.table(id) else { return };
    let footer = wrap::lines(footer(state, t, theme), area.width.saturating_sub(1));
    let foot_h = (footer.len() as u16 + 1).min(area.height / 3);
    let grid_area = clip(
        Rect::new(area.x, area.y, area.width, area.height.saturating_sub(foot_h)),
        area,
    );
    let g = table_grid(state, t, usize::from(grid_area.height), focused, theme);
    let lines = grid::lines(&g, usize::from(grid_area.width), usize::from(grid_area.height), theme);
    frame.render_widget(Paragraph::new(lines), grid_area);
    let foot = clip(Rect::new(area.x, area.y + grid_area.height, area.width, foot_h), area);
    frame.render_widget(Paragraph::new(footer), foot);
}

/// The grid of the rows in view, from the layout `update` keeps (built
/// here only when a test renders a state `update` has not refreshed).
fn table_grid(state: &State, t: &Table, height: usize, focused: bool, theme: &Theme) -> Grid {
    let built;
    let l = match &state.table_layout {
        Some(l) if table_layout::is_current(state, l, &t.id) => l,
        _ => {
            built = table_layout::build(state, t);
            &built
        }
    };
    // `table.row` is a display position; past the end nothing is selected.
    let selected = l.order.get(state.table.row).copied();
    let pos = if selected.is_some() { state.table.row } else { 0 };
    let (offset, n) = grid::window(pos, height);
    let rows: Vec<usize> = l.order.iter().skip(offset).take(n).copied().collect();
    let mut frozen = vec![TextCol {
        header: match t.level {
            Level::La => "Area",
            Level::Ward => "Ward",
            Level::Centre => "Centre",
        }
        .into(),
        cells: rows.iter().map(|&r| l.labels[r].clone()).collect(),
        min: 8,
        widest: Some(l.labels_widest),
    }];
    if t.level != Level::La {
        frozen.push(TextCol {
            header: "LA".into(),
            cells: rows.iter().map(|&r| l.las[r].clone()).collect(),
            min: 6,
            widest: Some(l.las_widest),
        });
    }
    let cols = t
        .columns
        .iter()
        .zip(&l.cols)
        .map(|(c, lc)| FigCol {
            header: sanitize::line(c.short.as_deref().unwrap_or(&c.name)),
            cells: rows
                .iter()
                .map(|&r| {
                    let (text, missing) = &lc.cells[r];
                    (text.clone(), grid::figure_style(*missing, theme))
                })
                .collect(),
            left: c.text,
            widest: Some(lc.widest),
        })
        .collect();
    Grid {
        frozen,
        cols,
        selected_col: Some(state.table.col.min(t.columns.len().saturating_sub(1))),
        sort: state.table.sort.map(|s| (s, state.table.desc)),
        rule_before: (0..rows.len()).filter(|&i| l.gb.contains(&rows[i])).collect(),
        order: (0..rows.len()).collect(),
        selected_row: selected.and_then(|s| rows.iter().position(|&r| r == s)),
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
