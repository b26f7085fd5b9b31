//! The Matrix section's grid: LAs (or centres) × themes, each cell heat-shaded by its
//! count (with NO_COLOR, the numbers alone), an `any` column and row that
//! count each passage once, the selected cell highlighted, and columns
//! scrolled so the selected one is always visible (as in the table view).
//! Beneath: the selected theme in full, the cell's count and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Theme, clip, sanitize};
use crate::analysis::describe_filters;
use crate::app::State;
use crate::app::layout::scroll_offset;

/// Background shades from faint to strong, for counts above zero.
const HEAT: [Color; 4] = [
    Color::Indexed(22),
    Color::Indexed(28),
    Color::Indexed(34),
    Color::Indexed(40),
];

fn heat(theme: &Theme, n: usize, max: usize) -> Style {
    if !theme.color || n == 0 || max == 0 {
        return Style::new();
    }
    let level = ((n * HEAT.len()).div_ceil(max)).clamp(1, HEAT.len()) - 1;
    let fg = if level >= 2 { Color::Black } else { Color::White };
    Style::new().bg(HEAT[level]).fg(fg)
}

fn cut(s: &str, w: usize) -> String {
    if s.width() <= w {
        return format!("{s}{}", " ".repeat(w - s.width()));
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 2 > w {
            break;
        }
        out.push(c);
    }
    out.push('…');
    format!("{out}{}", " ".repeat(w.saturating_sub(out.width())))
}

/// Under an all-zero grid, why: so an empty matrix does not look broken.
fn empty_note(data: &crate::analysis::Matrix) -> &'static str {
    match (data.total, data.rows_of) {
        (0, crate::analysis::Rows::Centre) => "All 0: nothing about these centres has these themes",
        (0, crate::analysis::Rows::La) => "All 0: nothing in these rows has these themes",
        _ => "",
    }
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, focused: bool, theme: &Theme) {
    let m = &state.matrix;
    let data = &m.data;
    if !state.search_ready() {
        // The counts come from the search index, still on its way.
        frame.render_widget(Paragraph::new("Counting… (preparing search)"), area);
        return;
    }
    if data.rows.is_empty() || data.columns.is_empty() {
        frame.render_widget(
            Paragraph::new("Nothing to count: no LAs or no themes (x clears the filters)."),
            area,
        );
        return;
    }
    let names: Vec<String> = data.row_names.iter().map(|n| sanitize::line(n)).collect();
    let label_w = names
        .iter()
        .map(|n| n.width())
        .max()
        .unwrap_or(3)
        .clamp(3, usize::from(area.width / 3).max(8));
    let digits = |n: usize| n.to_string().len();
    let cell_w = (digits(data.max.max(data.columns.len())) + 1).max(3);
    let any_w = digits(data.total).max(3) + 1;
    let avail = usize::from(area.width).saturating_sub(label_w + any_w + 1);
    let visible = (avail / cell_w).max(1);
    let first = if m.col >= visible { m.col + 1 - visible } else { 0 };
    let cols: Vec<usize> = (first..data.columns.len()).take(visible).collect();
    let selected = m.selected();
    let sel_style = theme.selected(focused);

    let mut lines = Vec::new();
    let sort = m
        .sort
        .and_then(|c| data.columns.get(c))
        .map_or(String::new(), |id| format!(" · sorted by {id}"));
    lines.push(Line::styled(
        format!("{}{sort}", describe_filters(&state.search_filters())),
        theme.dim(),
    ));
    let mut header = vec![Span::styled(cut(data.rows_of.label(), label_w), theme.heading())];
    for &c in &cols {
        let style = if c == m.col { theme.heading() } else { theme.dim() };
        header.push(Span::styled(format!("{:>cell_w$}", c + 1), style));
    }
    header.push(Span::styled(format!("{:>any_w$}", "any"), theme.heading()));
    lines.push(Line::from(header));

    let rows_h = usize::from(area.height).saturating_sub(6).max(1);
    let off = scroll_offset(m.row, rows_h as u16);
    for (pos, &r) in m.order.iter().enumerate().skip(off).take(rows_h) {
        let label_style = if pos == m.row { theme.heading() } else { theme.text() };
        let mut spans = vec![Span::styled(cut(&names[r], label_w), label_style)];
        for &c in &cols {
            let n = data.counts[r][c];
            let style = if selected == Some((r, c)) {
                sel_style
            } else {
                heat(theme, n, data.max)
            };
            spans.push(Span::styled(format!("{n:>cell_w$}"), style));
        }
        spans.push(Span::styled(
            format!("{:>any_w$}", data.row_totals[r]),
            theme.text().add_modifier(Modifier::BOLD),
        ));
        lines.push(Line::from(spans));
    }
    let mut totals = vec![Span::styled(cut("any", label_w), theme.heading())];
    for &c in &cols {
        totals.push(Span::styled(
            format!("{:>cell_w$}", data.column_totals[c]),
            theme.heading(),
        ));
    }
    totals.push(Span::styled(format!("{:>any_w$}", data.total), theme.heading()));
    lines.push(Line::from(totals));
    lines.push(Line::styled(empty_note(data), theme.dim()));
    if let Some((r, c)) = selected {
        let more = match (first > 0, first + cols.len() < data.columns.len()) {
            (true, true) => " ◂▸",
            (true, false) => " ◂",
            (false, true) => " ▸",
            (false, false) => "",
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}/{}{more} ", c + 1, data.columns.len()), theme.dim()),
            Span::styled(sanitize::line(&data.column_labels[c]), theme.title()),
            Span::styled(format!(" ({})", sanitize::line(&data.columns[c])), theme.dim()),
        ]));
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{} × {}: {}",
                names[r],
                sanitize::line(&data.column_labels[c]),
                data.counts[r][c]
            )),
            Span::styled(" · Enter list · s sort · r rows · h/l columns", theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), clip(area, area));
}
