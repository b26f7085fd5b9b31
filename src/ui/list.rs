//! List-like pane bodies (passages, notes, wards, centres, tables, themes,
//! glossary): one line per entry, and below it a preview of the selected
//! entry. The passage a search jump landed on is highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::{Theme, area_table, clip, sanitize};
use crate::app::State;
use crate::app::derived::current_entries;
use crate::app::layout::{list_height, scroll_offset};
use crate::app::view::Entry;
use crate::dataset::{Area, Kind};

pub fn render(frame: &mut Frame, area: Rect, state: &State, focused: bool, theme: &Theme) {
    if let Some(g) = crate::app::view::area_grid(state) {
        return area_table::render(frame, area, state, &g, focused, theme);
    }
    let list = current_entries(state);
    if list.is_empty() {
        let msg = if state.filters.is_empty() {
            "Nothing here."
        } else {
            "Nothing passes the filters (x clears them)."
        };
        frame.render_widget(Paragraph::new(Line::styled(msg, theme.dim())), area);
        return;
    }
    let h = list_height(area);
    let list_area = clip(Rect::new(area.x, area.y, area.width, h), area);
    let selected = state.list_selected.min(list.len() - 1);
    // Only the rows on screen are built: a list of 20,000 notes costs what
    // a screenful does.
    let offset = scroll_offset(selected, h);
    // Inside an LA's own pane its name would only repeat: name the others.
    let own = match state.nav_item() {
        Some(crate::app::nav::NavItem::La(id)) => Some(id),
        _ => None,
    };
    let items: Vec<ListItem> = list
        .iter()
        .skip(offset)
        .take(usize::from(h))
        .map(|e| ListItem::new(entry_line(state, own.as_ref(), e, theme)))
        .collect();
    let mut ls = ListState::default().with_selected(Some(selected - offset));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected(focused)),
        list_area,
        &mut ls,
    );
    let preview_area = clip(
        Rect::new(area.x, area.y + h, area.width, area.height.saturating_sub(h)),
        area,
    );
    if preview_area.height > 1 {
        let block = Block::default().borders(Borders::TOP).border_style(theme.dim());
        let inner = block.inner(preview_area);
        frame.render_widget(block, preview_area);
        let text = preview(state, &list[selected], theme);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
    }
}

fn entry_line<'a>(state: &State, own: Option<&String>, e: &Entry, theme: &Theme) -> Line<'a> {
    let ds = &state.ds;
    match e {
        Entry::Passage(i) => {
            let p = &ds.passages[*i];
            let landed = state.highlight.as_deref() == Some(p.id.as_str());
            let column = super::timeline::date_column(p).unwrap_or_else(|| format!("{:<12} ", short_kind(p.kind)));
            let mut spans = vec![Span::styled(column, theme.kind())];
            // A caveat about the passage is flagged beside it, first so
            // narrow panes still show it.
            if !state.lookup.caveats_about(&p.id).is_empty() {
                spans.push(Span::styled("⚠ ", theme.warn()));
            }
            let style = if landed { theme.landed() } else { theme.text() };
            spans.push(Span::styled(sanitize::line(&p.title), style));
            let names: Vec<&str> = p
                .las
                .iter()
                .filter(|l| Some(*l) != own)
                .filter_map(|l| ds.la(l))
                .map(|l| l.name.as_str())
                .collect();
            if !names.is_empty() {
                spans.push(Span::styled(
                    format!("  · {}", sanitize::line(&names.join(", "))),
                    theme.dim(),
                ));
            }
            Line::from(spans)
        }
        Entry::Note(id) => match state.notes.get(id) {
            Some(n) => Line::from(vec![
                Span::styled("✎ ", theme.kind()),
                Span::styled(
                    sanitize::line(&n.title()),
                    if state.highlight.as_deref() == Some(id.as_str()) {
                        theme.landed()
                    } else {
                        theme.text()
                    },
                ),
                Span::styled(
                    format!("  · {}", sanitize::line(&crate::notes::target_title(ds, &n.target))),
                    theme.dim(),
                ),
                Span::styled(format!("  {}", n.updated), theme.dim()),
            ]),
            None => Line::raw(id.clone()),
        },
        Entry::Ward(id) => Line::raw(format!(
            "  ◇ {}",
            sanitize::line(&ds.area_name(&Area::Ward(id.clone())))
        )),
        Entry::Centre(id) => Line::raw(format!(
            "  ⌂ {}",
            sanitize::line(&ds.area_name(&Area::Centre(id.clone())))
        )),
        Entry::Table(id) => {
            let title = ds.table(id).map_or(String::new(), |t| t.title.clone());
            Line::from(vec![
                Span::styled(format!("Table {id}  "), theme.heading()),
                Span::raw(sanitize::line(&title)),
            ])
        }
        Entry::Theme(id) => {
            let t = ds.theme(id);
            let n = state.lookup.theme_count(id);
            let on = state.filters.themes.contains(id);
            Line::from(vec![
                Span::raw(if on { "[x] " } else { "[ ] " }),
                Span::styled(t.map_or(id.clone(), |t| t.label.clone()), theme.text()),
                Span::styled(format!("  {n} passages"), theme.dim()),
            ])
        }
        Entry::Glossary(i) => {
            let g = &ds.glossary[*i];
            Line::from(vec![
                Span::styled(format!("{:<8} ", g.abbr), theme.heading()),
                Span::raw(sanitize::line(&g.expansion)),
            ])
        }
    }
}

/// A kind's label short enough for the 12-cell kind column.
pub(crate) fn short_kind(k: Kind) -> &'static str {
    match k {
        Kind::Supplementary => "Supplement.",
        Kind::Activity => "Pre-pilot",
        Kind::Context => "Context",
        Kind::SurveyFigure => "Survey",
        Kind::Hope => "Hope",
        Kind::Observation => "Observation",
        Kind::Facilitator => "Facilitator",
        Kind::Constraint => "Constraint",
        Kind::SuccessFactor => "Succ. factor",
        Kind::MultiAgency => "Multi-agency",
        Kind::StaffingPost => "Staff post",
        Kind::SelectionCriterion => "Selection",
        Kind::StartUpActivity => "Start-up",
        Kind::CaseStudyFinding => "Case study",
        Kind::BaselineFinding => "Baseline",
        other => other.label(),
    }
}

fn preview<'a>(state: &State, e: &Entry, theme: &Theme) -> Vec<Line<'a>> {
    let ds = &state.ds;
    match e {
        Entry::Passage(i) => {
            let p = &ds.passages[*i];
            let mut v = vec![
                Line::styled(sanitize::line(&p.title), theme.title()),
                Line::raw(sanitize::clean(&p.text)),
                Line::styled(
                    format!(
                        "{}, {} · themes: {}",
                        crate::search::doc_label(p.document),
                        sanitize::line(&p.section),
                        p.themes.join(", ")
                    ),
                    theme.dim(),
                ),
            ];
            for c in state.lookup.caveats_about(&p.id).iter().map(|&i| &ds.passages[i]) {
                v.push(Line::styled(
                    format!("⚠ Caveat: {}", sanitize::line(&c.title)),
                    theme.warn(),
                ));
            }
            v
        }
        Entry::Note(id) => state.notes.get(id).map_or_else(Vec::new, |n| {
            let mut v: Vec<Line> = sanitize::clean(&n.text)
                .lines()
                .map(|l| Line::raw(l.to_string()))
                .collect();
            v.push(Line::styled(
                format!("created {} · updated {} · e edit · d delete", n.created, n.updated),
                theme.dim(),
            ));
            v
        }),
        Entry::Theme(id) => ds.theme(id).map_or_else(Vec::new, |t| {
            vec![
                Line::raw(sanitize::line(&t.description)),
                Line::styled(
                    format!("Synonyms: {} · Enter toggles the filter", t.synonyms.join(", ")),
                    theme.dim(),
                ),
            ]
        }),
        Entry::Table(id) => ds.table(id).map_or_else(Vec::new, |t| {
            vec![
                Line::raw(format!("Source: {}", sanitize::line(&t.source))),
                Line::styled("Enter opens the table", theme.dim()),
            ]
        }),
        Entry::Ward(_) | Entry::Centre(_) => vec![Line::styled("Enter opens its pane", theme.dim())],
        Entry::Glossary(i) => ds.glossary.get(*i).map_or_else(Vec::new, |g| {
            let n = crate::app::derived::glossary_uses(state, *i);
            vec![
                Line::styled(
                    format!("{} · {}", sanitize::line(&g.abbr), sanitize::line(&g.expansion)),
                    theme.title(),
                ),
                Line::raw(format!(
                    "{n} passages use the abbreviation or its expansion{}",
                    if n > 0 { " · Enter lists them" } else { "" }
                )),
            ]
        }),
    }
}
