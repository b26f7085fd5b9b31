//! The Wards and Centres tabs of an LA pane: a table (laid out by `grid`)
//! of each ward's Table A.4 and A.9 figures beside its LA's, or each
//! centre's Table A.6 profile above the pilot centres' median, with bars,
//! marks and a legend beneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::grid::{self, FigCol, Grid, TextCol};
use super::overview::bar;
use super::{Theme, clip, sanitize, wrap};
use crate::app::State;
use crate::app::grid::{AreaGrid, ColKind, GridKind, HOTSPOT_POINTS, order};
use crate::app::layout::list_height;
use crate::app::view::{Entry, entries};
use crate::dataset::{Area, format_number, parse_figure};

/// Bars are this many cells long.
const BAR: usize = 12;

pub fn render(frame: &mut Frame, area: Rect, state: &State, g: &AreaGrid, focused: bool, theme: &Theme) {
    // The table takes the rows it needs (header, rows, a rule), at most the
    // list's share of the pane; the legend has the rest.
    let need = u16::try_from(g.rows.len() + 3).unwrap_or(u16::MAX);
    let h = list_height(area).min(need.max(4));
    let grid_area = clip(Rect::new(area.x, area.y, area.width, h), area);
    let lines = grid::lines(
        &to_grid(state, g, focused, theme),
        usize::from(grid_area.width),
        usize::from(grid_area.height),
        theme,
    );
    frame.render_widget(Paragraph::new(lines), grid_area);
    let rest = clip(
        Rect::new(area.x, area.y + h, area.width, area.height.saturating_sub(h)),
        area,
    );
    if rest.height > 1 {
        let block = Block::default().borders(Borders::TOP).border_style(theme.dim());
        let inner = block.inner(rest);
        frame.render_widget(block, rest);
        frame.render_widget(
            Paragraph::new(wrap::lines(legend(state, g, theme), inner.width.saturating_sub(1))),
            inner,
        );
    }
}

/// The largest figure in a column across the whole table (every LA), for bar scales.
fn scale(state: &State, g: &AreaGrid, src: usize) -> f64 {
    let c = &g.cols[src];
    state.ds.table(c.table).map_or(0.0, |t| {
        t.rows
            .iter()
            .filter_map(|r| r.cells.get(c.column).cloned().flatten())
            .filter_map(|s| parse_figure(&s).map(|f| f.value))
            .fold(0.0, f64::max)
    })
}

fn to_grid(state: &State, g: &AreaGrid, focused: bool, theme: &Theme) -> Grid {
    let names = g
        .rows
        .iter()
        .map(|r| {
            let mark = if r.hotspot {
                "▲ "
            } else if r.flagged {
                "! "
            } else {
                "  "
            };
            format!("{mark}{}", sanitize::line(&r.name))
        })
        .collect();
    let header = match g.kind {
        GridKind::Wards => "Ward",
        GridKind::Centres => "Centre",
    };
    let frozen = vec![TextCol {
        header: header.into(),
        cells: names,
        min: 8,
        widest: None,
    }];
    let cols = g
        .cols
        .iter()
        .enumerate()
        .map(|(ci, c)| match c.kind {
            ColKind::Bar(src) => {
                let max = scale(state, g, src);
                FigCol {
                    header: format!("{} bar", g.cols[src].header),
                    cells: g
                        .rows
                        .iter()
                        .map(|r| {
                            let v = r.cells[src].as_deref().and_then(parse_figure).map(|f| f.value);
                            (v.map_or(String::new(), |v| bar(v, max, BAR)), theme.bar())
                        })
                        .collect(),
                    left: true,
                    widest: None,
                }
            }
            _ => FigCol {
                header: c.header.to_string(),
                cells: g
                    .rows
                    .iter()
                    .map(|r| {
                        let v = r.cells[ci].as_deref();
                        let mark = if r.marked[ci] { "†" } else { " " };
                        let style = if c.kind == ColKind::La {
                            theme.compare()
                        } else {
                            grid::figure_style(v.is_none(), theme)
                        };
                        (format!("{}{mark}", v.map_or("–".to_string(), sanitize::line)), style)
                    })
                    .collect(),
                left: c.kind == ColKind::Text,
                widest: None,
            },
        })
        .collect();
    let selected = entries(state).get(state.list_selected).and_then(|e| {
        let area = match e {
            Entry::Ward(id) => Area::Ward(id.clone()),
            Entry::Centre(id) => Area::Centre(id.clone()),
            _ => return None,
        };
        g.rows.iter().position(|r| r.area.as_ref() == Some(&area))
    });
    Grid {
        frozen,
        cols,
        selected_col: Some(state.table.col.min(g.cols.len().saturating_sub(1))),
        sort: state.table.sort.map(|s| (s, state.table.desc)),
        order: order(g, state.table.sort, state.table.desc),
        rule_before: g
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.area.is_none())
            .map(|(i, _)| i)
            .collect(),
        selected_row: selected,
        focused,
    }
}

fn legend<'a>(state: &State, g: &AreaGrid, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    match g.kind {
        GridKind::Wards => {
            let districts = g.rows.iter().any(|r| {
                matches!(&r.area, Some(Area::Ward(w)) if state.ds.ward(w).is_some_and(|w| w.district.is_some()))
            });
            out.push(Line::styled(
                format!(
                    "Active, Inactive: % economically active / inactive, Table A.4 (2001); LA: the figure A.4 prints for the ward's local authority{}. IS, JSA, Total: lone parent clients, Table A.9 (January 2009).",
                    if districts { " (for Somerset's wards, their district's)" } else { "" }
                ),
                theme.dim(),
            ));
            if g.rows.is_empty() {
                out.push(Line::styled("No ward of this LA is in Table A.4 or A.9.", theme.dim()));
            }
            if g.rows.iter().any(|r| r.hotspot) {
                out.push(Line::styled(
                    format!(
                        "▲ ward inactivity more than {} points above its LA's.",
                        format_number(HOTSPOT_POINTS)
                    ),
                    theme.warn(),
                ));
            }
        }
        GridKind::Centres => out.push(Line::styled(
            format!(
                "Table A.6 (2008): Workless 0-4: % of children in workless households; Lone parent: % lone parent families; BME %: ethnicity. Pilot median: the median over all {} pilot centres.",
                state.ds.table("A.6").map_or(0, |t| t.rows.len())
            ),
            theme.dim(),
        )),
    }
    if g.rows.iter().any(|r| r.flagged || r.marked.iter().any(|&m| m)) {
        out.push(Line::styled(
            "† a caveat touches the figure, ! the row: c lists them.",
            theme.warn(),
        ));
    }
    out.push(Line::styled(
        "Enter opens the row's pane · h/l column · s sorts (again: reverse)",
        theme.dim(),
    ));
    out
}
