//! The Overview tab of an LA, centre or ward: every figure the tables hold
//! for it, each beside its comparison (GB, its LA, or the pilot centres'
//! median) and the range across the pilot, with a bar for each, marks for
//! the notes and caveats that touch it, and what the marks mean beneath.
//! Every line is built to fit the pane (see `figures`), so no figure is cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Theme, figures, sanitize, wrap};
use crate::app::State;
use crate::app::nav::NavItem;
use crate::dataset::{Area, profile};

pub fn render(frame: &mut Frame, area: Rect, state: &State, item: &NavItem, theme: &Theme) {
    // One cell is kept free on the right so nothing touches the border.
    let lines = lines(state, item, area.width.saturating_sub(1), theme);
    let max = lines.len().saturating_sub(usize::from(area.height));
    let scroll = usize::from(state.scroll).min(max) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
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
                let passages = state.lookup.la_count(id);
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

/// The overview's lines for a pane `width` cells wide, every line fitting
/// it: header, then each table's figures (with marks, comparison, bar and
/// range as room allows), and beneath each table what its marks mean.
pub fn lines<'a>(state: &State, item: &NavItem, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let area = match item {
        NavItem::La(id) => Area::La(id.clone()),
        NavItem::Centre(id) => Area::Centre(id.clone()),
        NavItem::Ward(id) => Area::Ward(id.clone()),
        _ => return Vec::new(),
    };
    let mut out = wrap::lines(header(state, item, theme), width);
    let figs = profile(&state.ds, &area);
    let rows: Vec<figures::Row> = figs.iter().map(|f| figures::row(state, &area, f)).collect();
    let layout = figures::fit(&rows, usize::from(width));
    let mut i = 0;
    while i < figs.len() {
        let table = figs[i].table.clone();
        let n = figs[i..].iter().take_while(|f| f.table == table).count();
        out.push(Line::raw(""));
        out.extend(wrap::lines(vec![figures::heading(state, &table, theme)], width));
        for r in &rows[i..i + n] {
            out.extend(figures::line(r, &layout, theme));
        }
        out.extend(wrap::lines(
            figures::notes(state, &area, &table, &figs[i..i + n], &rows[i..i + n], theme),
            width,
        ));
        i += n;
    }
    if figs.is_empty() {
        out.push(Line::styled("No table holds figures for this area.", theme.dim()));
    }
    out
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
