//! The reader popup: a passage's (or note's) full text, source, themes,
//! related caveats and attached notes, scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, popup, sanitize};
use crate::app::{Readable, State};
use crate::dataset::{Kind, Passage};
use crate::notes::Target;

pub fn render(frame: &mut Frame, area: Rect, state: &State, item: &Readable, scroll: u16, theme: &Theme) {
    let (title, lines) = match item {
        Readable::Passage(i) => match state.ds.passages.get(*i) {
            Some(p) => (p.kind.label().to_string(), passage_lines(state, p, theme)),
            None => return,
        },
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
            None => return,
        },
        Readable::Comparison => (
            "LAs side by side".into(),
            sanitize::clean(&state.comparison)
                .lines()
                .map(|l| Line::raw(l.to_string()))
                .collect(),
        ),
    };
    let inner = popup(
        frame,
        area,
        80,
        80,
        &format!("{title} · Esc closes · a adds a note"),
        theme,
    );
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)),
        inner,
    );
}

/// Caveats that share a table row, LA or ward with the passage.
fn related_caveats<'a>(state: &'a State, p: &Passage) -> Vec<&'a Passage> {
    if p.kind == Kind::Caveat {
        return Vec::new();
    }
    state
        .ds
        .passages
        .iter()
        .filter(|c| c.kind == Kind::Caveat)
        .filter(|c| {
            c.refs.iter().any(|r| {
                p.refs
                    .iter()
                    .any(|q| q.table == r.table && (q.area.is_none() || q.area == r.area))
            }) || c.wards.iter().any(|w| p.wards.contains(w))
        })
        .collect()
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
    out.push(Line::styled(
        format!(
            "Source: {}, {}",
            crate::search::doc_label(p.source.doc),
            sanitize::line(&p.source.section)
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
    let tables: Vec<String> = p.refs.iter().map(|r| r.table.clone()).collect();
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
