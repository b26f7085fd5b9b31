//! The Overview tab of an LA, centre or ward: every figure the tables hold
//! for it, each beside its comparison (GB, its LA, or the pilot centres'
//! median) and the range across the pilot, with a bar for each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Theme, sanitize};
use crate::app::State;
use crate::app::nav::NavItem;
use crate::dataset::{Area, FigureLine, format_number, profile};

pub fn render(frame: &mut Frame, area: Rect, state: &State, item: &NavItem, theme: &Theme) {
    let lines = lines(state, item, area.width, theme);
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((state.scroll, 0));
    frame.render_widget(p, area);
}

fn header<'a>(state: &State, item: &NavItem, theme: &Theme) -> Vec<Line<'a>> {
    let ds = &state.ds;
    let mut out = Vec::new();
    match item {
        NavItem::La(id) => {
            if let Some(la) = ds.la(id) {
                if !la.aliases.is_empty() {
                    out.push(Line::styled(
                        format!("Also written: {}", la.aliases.join("; ")),
                        theme.dim(),
                    ));
                }
                let passages = ds.passages_for_la(id).count();
                out.push(Line::raw(format!(
                    "{} centres · {} wards · {} passages",
                    ds.centres_of(id).count(),
                    ds.wards_of(id).count(),
                    passages
                )));
            }
        }
        NavItem::Centre(id) => {
            if let Some(c) = ds.centre(id) {
                let desc = ds.rows_for(&Area::Centre(id.clone())).find_map(|(t, r)| {
                    t.columns
                        .iter()
                        .position(|col| col.text)
                        .and_then(|i| r.cells.get(i).cloned().flatten())
                });
                out.push(Line::raw(format!(
                    "Table A.6 name: {} · {}",
                    c.table_name,
                    desc.unwrap_or_else(|| "–".into())
                )));
                let wards: Vec<String> = c
                    .wards
                    .iter()
                    .filter_map(|w| ds.ward(w))
                    .map(|w| w.name.clone())
                    .collect();
                out.push(Line::raw(format!(
                    "Wards: {}",
                    if wards.is_empty() {
                        "none linked".into()
                    } else {
                        wards.join(", ")
                    }
                )));
                if let Some(n) = &c.link_note {
                    out.push(Line::styled(sanitize::line(n), theme.dim()));
                }
            }
        }
        NavItem::Ward(id) => {
            let centres: Vec<String> = ds.centres_of_ward(id).map(|c| c.name.clone()).collect();
            out.push(Line::raw(format!(
                "Centres: {}",
                if centres.is_empty() {
                    "none linked by the sources".into()
                } else {
                    centres.join(", ")
                }
            )));
        }
        _ => {}
    }
    out
}

/// The overview's lines: header, then each table's figures with bars.
pub fn lines<'a>(state: &State, item: &NavItem, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let area = match item {
        NavItem::La(id) => Area::La(id.clone()),
        NavItem::Centre(id) => Area::Centre(id.clone()),
        NavItem::Ward(id) => Area::Ward(id.clone()),
        _ => return Vec::new(),
    };
    let mut out = header(state, item, theme);
    let figures = profile(&state.ds, &area);
    let label_w = figures
        .iter()
        .map(|f| short(state, f).width())
        .max()
        .unwrap_or(10)
        .min(28);
    let bar_w = usize::from(width).saturating_sub(label_w + 26).clamp(0, 24);
    let show_range = usize::from(width) >= label_w + 26 + bar_w + 18;
    let mut table = String::new();
    for f in &figures {
        if f.table != table {
            table = f.table.clone();
            let t = state.ds.table(&table);
            let title = t.map_or(String::new(), |t| match &t.period {
                Some(p) if !t.title.contains(p.as_str()) => format!("{} ({p})", t.title),
                _ => t.title.clone(),
            });
            out.push(Line::raw(""));
            out.push(Line::styled(
                format!("Table {table}  {}", sanitize::line(&title)),
                theme.heading(),
            ));
        }
        out.push(figure_line(state, f, label_w, bar_w, show_range, theme));
    }
    if figures.is_empty() {
        out.push(Line::styled("No table holds figures for this area.", theme.dim()));
    }
    out
}

fn short(state: &State, f: &FigureLine) -> String {
    let t = state.ds.table(&f.table);
    t.and_then(|t| t.columns.get(f.column_index))
        .and_then(|c| c.short.clone())
        .unwrap_or_else(|| f.column.clone())
}

fn pad(s: &str, w: usize) -> String {
    let mut s: String = s.chars().take(w).collect();
    let n = s.width();
    s.push_str(&" ".repeat(w.saturating_sub(n)));
    s
}

/// A bar of `width` cells for `v` on a scale whose top is `max`.
pub fn bar(v: f64, max: f64, width: usize) -> String {
    if width == 0 || max <= 0.0 || !v.is_finite() {
        return String::new();
    }
    let eighths = ((v / max).clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    const PART: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PART[eighths % 8]);
    s
}

fn figure_line<'a>(
    state: &State,
    f: &FigureLine,
    label_w: usize,
    bar_w: usize,
    show_range: bool,
    theme: &Theme,
) -> Line<'a> {
    let value = f.value.clone().unwrap_or_else(|| "–".into());
    let max = [f.number(), f.compare_number(), f.range.map(|r| r.1)]
        .into_iter()
        .flatten()
        .fold(0.0, f64::max);
    let mut spans = vec![
        Span::raw(format!("  {} ", pad(&short(state, f), label_w))),
        Span::raw(format!("{value:>7} ")),
    ];
    if bar_w > 0 {
        spans.push(Span::styled(
            pad(&bar(f.number().unwrap_or(0.0), max, bar_w), bar_w),
            theme.bar(),
        ));
    }
    if let Some(label) = &f.compare_label {
        let cmp = f.compare.clone().unwrap_or_else(|| "–".into());
        spans.push(Span::styled(format!(" {label} {cmp}"), theme.compare()));
    }
    if let Some((lo, hi)) = f.range.filter(|_| show_range) {
        spans.push(Span::styled(
            format!("  range {}–{}", format_number(lo), format_number(hi)),
            theme.dim(),
        ));
    }
    if f.column.contains("inactive")
        && let (Some(v), Some(c)) = (f.number(), f.compare_number())
        && v - c > 10.0
    {
        spans.push(Span::styled(
            format!("  ▲ {} points above", format_number(v - c)),
            theme.warn(),
        ));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_scale_and_never_overflow() {
        assert_eq!(bar(50.0, 100.0, 10), "█████");
        assert_eq!(bar(200.0, 100.0, 4), "████");
        assert_eq!(bar(1.0, 0.0, 4), "");
        assert_eq!(bar(1.0, 16.0, 2), "▏");
    }
}
