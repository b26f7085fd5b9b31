//! The reader popup: a passage's (or note's) full text, source, themes,
//! related caveats and attached notes, scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, popup, sanitize, wrap};
use crate::app::{Readable, State, layout};
use crate::dataset::{About, Kind, Passage};
use crate::notes::Target;

/// The reader's box: its share of the screen, in per cent.
pub const SIZE: (u16, u16) = (80, 80);

/// The reader's title and its lines, wrapped to `width`.
pub fn content<'a>(state: &State, item: &Readable, width: u16, theme: &Theme) -> Option<(String, Vec<Line<'a>>)> {
    let (title, lines) = match item {
        Readable::Passage(i) => {
            let p = state.ds.passages.get(*i)?;
            (p.kind.label().to_string(), passage_lines(state, p, theme))
        }
        Readable::Note(id) => match state.notes.get(id) {
            Some(n) => {
                let mut v = vec![
                    Line::styled(
                        format!(
                            "On: {}",
                            sanitize::line(&crate::notes::target_title(&state.ds, &n.target))
                        ),
                        theme.dim(),
                    ),
                    Line::styled(
                        format!(
                            "Created {} · updated {} · themes: {}",
                            n.created,
                            n.updated,
                            sanitize::line(&n.themes.join(", "))
                        ),
                        theme.dim(),
                    ),
                    Line::raw(""),
                ];
                v.extend(sanitize::clean(&n.text).lines().map(|l| Line::raw(l.to_string())));
                ("Field note".into(), v)
            }
            None => return None,
        },
        Readable::Comparison => (
            "LAs side by side".into(),
            sanitize::clean(&state.comparison)
                .lines()
                .map(|l| Line::raw(l.to_string()))
                .collect(),
        ),
    };
    Some((title, wrap::lines(lines, width)))
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, item: &Readable, scroll: u16, theme: &Theme) {
    let width = layout::inner(layout::popup(area, SIZE.0, SIZE.1)).width;
    let Some((title, lines)) = content(state, item, width, theme) else {
        return;
    };
    let back = if state.reader_back.is_some() {
        "Esc back to the list"
    } else {
        "Esc closes"
    };
    let inner = popup(
        frame,
        area,
        SIZE.0,
        SIZE.1,
        &format!("{title} · {back} · a adds a note"),
        theme,
    );
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// Caveats that share a table row or ward with the passage (those about
/// the passage itself are listed apart).
fn related_caveats<'a>(state: &'a State, p: &Passage) -> Vec<&'a Passage> {
    if p.kind == Kind::Caveat {
        return Vec::new();
    }
    state
        .ds
        .passages
        .iter()
        .filter(|c| c.kind == Kind::Caveat && !c.about_passages().any(|id| id == p.id))
        .filter(|c| {
            c.table_refs().any(|r| {
                p.refs
                    .iter()
                    .any(|q| q.table == r.table && (q.area.is_none() || q.area == r.area))
            }) || c.wards.iter().any(|w| p.wards.contains(w))
        })
        .collect()
}

/// The lines only some kinds have: a milestone's date, the definitions a
/// figure rests on, a caveat's kind, targets and what casebook stores, and
/// the caveats about this passage.
fn kind_lines<'a>(state: &State, p: &Passage, theme: &Theme) -> Vec<Line<'a>> {
    let ds = &state.ds;
    let mut out = Vec::new();
    if let Some(d) = &p.date {
        out.push(Line::from(vec![
            Span::styled("Date: ", theme.heading()),
            Span::raw(format!(
                "{} ({})",
                sanitize::line(&d.printed),
                super::timeline::date_label(d)
            )),
        ]));
    }
    for id in &p.definitions {
        let title = ds.passage(id).map_or(id.as_str(), |d| d.title.as_str());
        out.push(Line::styled(
            format!("Defined in: {}", sanitize::line(title)),
            theme.dim(),
        ));
    }
    if let Some(k) = p.caveat {
        out.push(Line::styled(format!("Caveat kind: {}", k.label()), theme.warn()));
        for a in &p.about {
            let what = match a {
                About::Passage(id) => {
                    format!("passage: {}", ds.passage(id).map_or(id.as_str(), |q| q.title.as_str()))
                }
                About::Section { document, section } => format!("{}, {section}", document.label()),
                About::Table(t) => {
                    let area = t
                        .area
                        .as_ref()
                        .map_or(String::new(), |a| format!(", {}", ds.area_name(a)));
                    format!("Table {}{area}", t.table)
                }
            };
            out.push(Line::styled(format!("About: {}", sanitize::line(&what)), theme.dim()));
        }
        if let Some(st) = &p.stores {
            out.push(Line::from(vec![
                Span::styled("casebook stores: ", theme.heading()),
                Span::raw(sanitize::line(st)),
            ]));
        }
    }
    let about: Vec<&Passage> = state
        .lookup
        .caveats_about(&p.id)
        .iter()
        .map(|&i| &ds.passages[i])
        .collect();
    if !about.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Caveats about this passage", theme.warn()));
        for c in about {
            let kind = c.caveat.map_or("Caveat", |k| k.label());
            out.push(Line::raw(format!("⚠ {kind}: {}", sanitize::line(&c.title))));
            if let Some(st) = &c.stores {
                out.push(Line::styled(
                    format!("  casebook stores: {}", sanitize::line(st)),
                    theme.dim(),
                ));
            }
        }
    }
    out
}

fn passage_lines<'a>(state: &State, p: &Passage, theme: &Theme) -> Vec<Line<'a>> {
    let ds = &state.ds;
    let las: Vec<&str> = p.las.iter().filter_map(|l| ds.la(l)).map(|l| l.name.as_str()).collect();
    let themes: Vec<&str> = p
        .themes
        .iter()
        .filter_map(|t| ds.theme(t))
        .map(|t| t.label.as_str())
        .collect();
    let mut out = vec![Line::styled(sanitize::line(&p.title), theme.title()), Line::raw("")];
    out.extend(sanitize::clean(&p.text).lines().map(|l| Line::raw(l.to_string())));
    out.push(Line::raw(""));
    if let Some(f) = &p.figure {
        out.push(Line::from(vec![
            Span::styled("Figure: ", theme.heading()),
            Span::raw(format!(
                "{} = {}{}",
                sanitize::line(&f.measure),
                sanitize::line(&f.value),
                f.group
                    .as_ref()
                    .map_or(String::new(), |g| format!(" ({})", sanitize::line(g)))
            )),
        ]));
    }
    out.extend(kind_lines(state, p, theme));
    out.push(Line::styled(
        format!(
            "Source: {}, {}",
            crate::search::doc_label(p.document),
            sanitize::line(&p.section)
        ),
        theme.dim(),
    ));
    if !las.is_empty() {
        out.push(Line::styled(
            format!("Local authorities: {}", las.join(", ")),
            theme.dim(),
        ));
    }
    out.push(Line::styled(format!("Themes: {}", themes.join(", ")), theme.dim()));
    let mut tables: Vec<String> = Vec::new();
    for r in p.table_refs() {
        if !tables.contains(&r.table) {
            tables.push(r.table.clone());
        }
    }
    if !tables.is_empty() {
        out.push(Line::styled(format!("Tables: {}", tables.join(", ")), theme.dim()));
    }
    out.push(Line::styled(format!("Id: {}", p.id), theme.dim()));
    let caveats = related_caveats(state, p);
    if !caveats.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Related caveats", theme.warn()));
        for c in caveats {
            out.push(Line::raw(format!("• {}", sanitize::line(&c.title))));
        }
    }
    let notes: Vec<_> = state
        .notes
        .notes()
        .iter()
        .filter(|n| n.target == Target::Passage(p.id.clone()))
        .collect();
    if !notes.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Your notes", theme.heading()));
        for n in notes {
            out.push(Line::raw(format!("✎ {}", sanitize::line(&n.text))));
        }
    }
    out
}
