//! The table view: any of Tables A.1–A.9 with a frozen first column,
//! horizontal scrolling, sorting by any column, the GB row set apart,
//! missing cells as `–`, caveat marks (`!` row, `†` cell; `c` opens the
//! caveat), and the source and notes beneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Theme, clip, sanitize};
use crate::app::State;
use crate::app::layout::scroll_offset;
use crate::dataset::{Area, Kind, Table, sorted_rows};

fn cut(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 2 > w {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(s.width())))
}

fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.width())))
}

/// The first visible figure column so that `sel` fits in `avail` cells.
fn first_visible(widths: &[usize], sel: usize, avail: usize) -> usize {
    let mut start = 0;
    while start < sel && widths[start..=sel].iter().sum::<usize>() > avail {
        start += 1;
    }
    start
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, id: &str, focused: bool, theme: &Theme) {
    let Some(t) = state.ds.table(id) else { return };
    let footer = footer(state, t, theme);
    let foot_h = (footer.len() as u16 + 1).min(area.height / 3);
    let grid = clip(
        Rect::new(area.x, area.y, area.width, area.height.saturating_sub(foot_h)),
        area,
    );
    frame.render_widget(Paragraph::new(grid_lines(state, t, grid, focused, theme)), grid);
    let foot = clip(Rect::new(area.x, area.y + grid.height, area.width, foot_h), area);
    frame.render_widget(Paragraph::new(footer).wrap(Wrap { trim: false }), foot);
}

fn caveat_marks(state: &State, t: &Table) -> Vec<(Option<Area>, Option<usize>)> {
    state
        .ds
        .passages
        .iter()
        .filter(|p| p.kind == Kind::Caveat)
        .flat_map(|p| p.table_refs())
        .filter(|r| r.table == t.id)
        .map(|r| (r.area.clone(), r.column))
        .collect()
}

fn grid_lines<'a>(state: &State, t: &Table, grid: Rect, focused: bool, theme: &Theme) -> Vec<Line<'a>> {
    let order = sorted_rows(t, state.table.sort, state.table.desc);
    let marks = caveat_marks(state, t);
    let label_w = t
        .rows
        .iter()
        .map(|r| r.label.width() + 3)
        .max()
        .unwrap_or(8)
        .clamp(8, 34)
        .min(usize::from(grid.width) / 2);
    let names: Vec<String> = t
        .columns
        .iter()
        .map(|c| c.short.clone().unwrap_or(c.name.clone()))
        .collect();
    let widths: Vec<usize> = t
        .columns
        .iter()
        .enumerate()
        .map(|(ci, _)| {
            let cells = t
                .rows
                .iter()
                .filter_map(|r| r.cells.get(ci).cloned().flatten())
                .map(|c| c.width() + 1)
                .max()
                .unwrap_or(1);
            (names[ci].width() + 2).max(cells).clamp(5, 24) + 2
        })
        .collect();
    let sel = state.table.col.min(t.columns.len().saturating_sub(1));
    let avail = usize::from(grid.width).saturating_sub(label_w);
    let start = first_visible(&widths, sel, avail);
    let mut cols = Vec::new();
    let mut used = 0;
    for (ci, w) in widths.iter().enumerate().skip(start) {
        if used + w > avail && !cols.is_empty() {
            break;
        }
        used += w;
        cols.push(ci);
    }
    let mut header = vec![Span::styled(
        pad_right(if start > 0 { "Area  ◂" } else { "Area" }, label_w),
        theme.heading(),
    )];
    for &ci in &cols {
        let arrow = match (state.table.sort == Some(ci), state.table.desc) {
            (true, false) => "▲",
            (true, true) => "▼",
            _ => "",
        };
        let name = cut(&format!("{}{arrow}", sanitize::line(&names[ci])), widths[ci] - 1);
        let style = if ci == sel {
            theme.selected(focused)
        } else {
            theme.heading()
        };
        header.push(Span::styled(pad_left(&name, widths[ci] - 1), style));
        header.push(Span::raw(" "));
    }
    if cols.last().is_some_and(|&c| c + 1 < t.columns.len()) {
        header.push(Span::styled("▸", theme.dim()));
    }
    let mut lines = vec![Line::from(header)];
    let body_h = grid.height.saturating_sub(2);
    let offset = scroll_offset(state.table.row, body_h);
    for (pos, &r) in order.iter().enumerate().skip(offset).take(usize::from(body_h)) {
        let row = &t.rows[r];
        if row.area == Area::Gb {
            lines.push(Line::styled("─".repeat(usize::from(grid.width)), theme.dim()));
        }
        let flagged = marks.iter().any(|(a, c)| a.as_ref() == Some(&row.area) && c.is_none());
        let label = format!(
            "{}{}{}",
            if flagged { "! " } else { "  " },
            sanitize::line(&row.label),
            row.markers.concat()
        );
        let selected = pos == state.table.row;
        let base = if selected {
            theme.selected(focused)
        } else {
            theme.text()
        };
        let mut spans = vec![Span::styled(pad_right(&cut(&label, label_w - 1), label_w), base)];
        for &ci in &cols {
            let cell = row
                .cells
                .get(ci)
                .cloned()
                .flatten()
                .map_or("–".to_string(), |c| sanitize::line(&c));
            let touched = marks
                .iter()
                .any(|(a, c)| a.as_ref() == Some(&row.area) && *c == Some(ci));
            let text = format!("{cell}{}", if touched { "†" } else { " " });
            let style = if row.cells.get(ci).cloned().flatten().is_none() {
                base.patch(theme.dim())
            } else {
                base
            };
            spans.push(Span::styled(
                pad_left(&cut(&text, widths[ci] - 1), widths[ci] - 1),
                style,
            ));
            spans.push(Span::styled(" ", base));
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn footer<'a>(state: &State, t: &Table, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    if let Some(c) = t.columns.get(state.table.col) {
        out.push(Line::styled(
            format!("Column: {}", sanitize::line(&c.name)),
            theme.text(),
        ));
    }
    out.push(Line::styled(
        format!("Source: {}", sanitize::line(&t.source)),
        theme.dim(),
    ));
    for n in &t.notes {
        out.push(Line::styled(format!("Note: {}", sanitize::line(n)), theme.dim()));
    }
    let n = state.ds.caveats_for_table(&t.id).count();
    if n > 0 {
        out.push(Line::styled(
            format!("{n} caveats touch this table (! row, † cell; c opens the row's caveat)"),
            theme.warn(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::first_visible;

    #[test]
    fn the_selected_column_is_always_visible() {
        let w = [10, 10, 10, 10];
        assert_eq!(first_visible(&w, 0, 25), 0);
        assert_eq!(first_visible(&w, 2, 25), 1);
        assert_eq!(first_visible(&w, 3, 5), 3);
    }
}
