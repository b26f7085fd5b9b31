//! The search overlay: the query box (with the terminal cursor at the
//! insertion point; a remembered query shown selected), the counts (or
//! the query's syntax problem), and the hits with matched characters
//! highlighted, loose matches set apart under a rule of their own.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Theme, clip, highlighted, popup, sanitize};
use crate::app::State;
use crate::app::layout::scroll_offset;
use crate::search::Hit;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let inner = popup(frame, area, 90, 85, "Search everything", theme);
    if inner.height < 3 {
        return;
    }
    let s = &state.search;
    input(frame, Rect::new(inner.x, inner.y, inner.width, 1), state, theme);
    let info = match &s.error {
        Some(e) => Line::styled(sanitize::line(e), theme.warn()),
        None if !state.search_ready() => Line::styled(
            "preparing search… (the query runs as soon as it is ready) · Esc close",
            theme.dim(),
        ),
        None => Line::styled(
            format!(
                "{} · 'exact ^prefix suffix$ !not a|b la: theme: kind: · ↑↓ Enter jump Esc close",
                counts(s.total, s.loose)
            ),
            theme.dim(),
        ),
    };
    frame.render_widget(
        Paragraph::new(info),
        clip(Rect::new(inner.x, inner.y + 1, inner.width, 1), inner),
    );
    let list_area = clip(Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2), inner);
    let first_loose = s.first_loose();
    let mut items: Vec<ListItem> = Vec::with_capacity(s.hits.len() + 1);
    let snippet_width = usize::from(list_area.width).saturating_sub(INDENT.len());
    for (i, h) in s.hits.iter().enumerate() {
        if Some(i) == first_loose {
            let rule = format!(
                "── {} loose {}: the letters scattered through a sentence ──",
                s.loose,
                if s.loose == 1 { "match" } else { "matches" }
            );
            items.push(ListItem::new(vec![Line::styled(rule, theme.dim()), Line::raw("")]));
        }
        items.push(hit_item(h, state, theme, snippet_width));
    }
    // The rule takes a row of the list: the selection moves past it.
    let row = s.selected + usize::from(first_loose.is_some_and(|f| s.selected >= f));
    let per_page = list_area.height / 2;
    let mut ls = ListState::default()
        .with_selected(Some(row))
        .with_offset(scroll_offset(row, per_page));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected(true)),
        list_area,
        &mut ls,
    );
}

/// "12 matches · 40 loose", "no matches · 66 loose", "no matches".
pub fn counts(total: usize, loose: usize) -> String {
    let good = total.saturating_sub(loose);
    let mut out = match good {
        0 => "no matches".to_string(),
        1 => "1 match".to_string(),
        n => format!("{n} matches"),
    };
    if loose > 0 {
        out.push_str(&format!(" · {loose} loose"));
    }
    out
}

/// The query line, with the terminal cursor at the insertion point.
fn input(frame: &mut Frame, row: Rect, state: &State, theme: &Theme) {
    let input = &state.search.input;
    let text = sanitize::line(input.text());
    let style = if input.is_selected() {
        theme.selected(true)
    } else {
        theme.text()
    };
    let line = Line::from(vec![Span::styled("/ ", theme.heading()), Span::styled(text, style)]);
    let row = clip(row, frame.area());
    frame.render_widget(Paragraph::new(line), row);
    let before: String = input.text().chars().take(input.cursor()).collect();
    let x = u32::from(row.x) + 2 + sanitize::line(&before).width() as u32;
    if row.height > 0 && x < u32::from(row.x) + u32::from(row.width) {
        frame.set_cursor_position(Position::new(x as u16, row.y));
    }
}

/// What a snippet line starts with, under the kind column.
const INDENT: &str = "             ";

/// The snippet moved so that its first highlighted match is on screen in
/// `width` characters (the engine cuts snippets for the widest list).
pub fn fit_snippet(snippet: &str, matches: &[Range<usize>], width: usize) -> (String, Vec<Range<usize>>) {
    let Some(first) = matches.first() else {
        return (snippet.to_string(), matches.to_vec());
    };
    // The match to show whole: the first, with any that follow it closely
    // (the words of a phrase).
    let end = matches
        .iter()
        .take_while(|r| r.start < first.start + width / 2)
        .map(|r| r.end)
        .max()
        .unwrap_or(first.end);
    if width < 8 || end < width {
        return (snippet.to_string(), matches.to_vec());
    }
    let chars: Vec<char> = snippet.chars().collect();
    let mut from = first.start.saturating_sub(width / 3).max(1);
    // Start at a word when one starts shortly after.
    if let Some(k) = (from..first.start.min(from + 12)).find(|&k| chars[k - 1].is_whitespace()) {
        from = k;
    }
    let out: String = std::iter::once('…').chain(snippet.chars().skip(from)).collect();
    let shifted = matches
        .iter()
        .filter(|r| r.end > from)
        .map(|r| r.start.max(from) - from + 1..r.end - from + 1)
        .collect();
    (out, shifted)
}

fn hit_item<'a>(h: &'a Hit, state: &State, theme: &Theme, width: usize) -> ListItem<'a> {
    let mut title = vec![Span::styled(
        format!("{:<12} ", super::list::short_kind(h.kind)),
        theme.kind(),
    )];
    title.extend(highlighted(&h.title, &h.title_matches, theme.title(), theme.matched()));
    let las: Vec<&str> = h
        .las
        .iter()
        .filter_map(|l| state.ds.la(l))
        .map(|l| l.name.as_str())
        .collect();
    if !las.is_empty() {
        title.push(Span::styled(
            format!("  · {}", sanitize::line(&las.join(", "))),
            theme.dim(),
        ));
    }
    let (text, matches) = fit_snippet(&h.snippet, &h.snippet_matches, width);
    let mut snippet = vec![Span::raw(INDENT)];
    snippet.extend(
        highlighted(&text, &matches, theme.text(), theme.matched())
            .into_iter()
            .map(|s| Span::styled(s.content.into_owned(), s.style)),
    );
    ListItem::new(vec![Line::from(title), Line::from(snippet)])
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::fit_snippet;

    #[test]
    fn a_snippet_is_moved_to_show_its_match() {
        let s = "one two three four five six seven eight nine transport ten";
        let at = s.find("transport").unwrap();
        let (out, m) = fit_snippet(s, &[at..at + 9], 30);
        let shown: String = out.chars().skip(m[0].start).take(9).collect();
        assert_eq!(shown, "transport");
        assert!(out.starts_with('…') && m[0].end <= 30);
        assert_eq!(fit_snippet("short transport", &[6..15], 30).0, "short transport");
    }
}
