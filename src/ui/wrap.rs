//! Word wrapping done by casebook rather than by the Paragraph widget, so
//! the number of lines a screen has is known (scrolling stops at the end)
//! and a figure is never split across lines: lines break at spaces, and a
//! word longer than the width (never a figure) is broken by cells.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Each line wrapped to `width` cells; styles are kept per character.
pub fn lines<'a>(input: Vec<Line<'a>>, width: u16) -> Vec<Line<'a>> {
    let w = usize::from(width.max(1));
    let mut out = Vec::new();
    for line in input {
        let base = line.style;
        let chars: Vec<(char, Style)> = line
            .spans
            .iter()
            .flat_map(|s| {
                let st = base.patch(s.style);
                s.content.chars().map(move |c| (c, st))
            })
            .collect();
        if chars.is_empty() {
            out.push(Line::default());
            continue;
        }
        // Continuation lines keep the first line's indent, so a wrapped
        // note stays under its figure rather than at the pane's edge.
        let indent = chars.iter().take_while(|(c, _)| *c == ' ').count().min(w / 2);
        let pieces = split(&chars, w);
        let Some(&(first, end)) = pieces.first() else { continue };
        out.push(to_line(first));
        let rest_start = end;
        let rest: Vec<(char, Style)> = chars[rest_start..]
            .iter()
            .skip_while(|(c, _)| *c == ' ')
            .copied()
            .collect();
        for piece in split(&rest, w - indent).into_iter().map(|p| p.0) {
            let mut l = to_line(piece);
            l.spans.insert(0, Span::raw(" ".repeat(indent)));
            out.push(l);
        }
    }
    out
}

fn cw(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Greedy split at spaces into pieces of at most `w` cells (each with where it ends).
fn split(chars: &[(char, Style)], w: usize) -> Vec<(&[(char, Style)], usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while end < chars.len() && used + cw(chars[end].0) <= w {
            if chars[end].0 == ' ' {
                last_space = Some(end);
            }
            used += cw(chars[end].0);
            end += 1;
        }
        if end < chars.len() {
            if let Some(sp) = last_space.filter(|&sp| sp > start) {
                end = sp;
            } else if end == start {
                end = start + 1;
            }
        }
        out.push((&chars[start..end], end));
        start = end;
        // The spaces a line broke at are not carried to the next line.
        while start < chars.len() && chars[start].0 == ' ' {
            start += 1;
        }
    }
    out
}

fn to_line<'a>(piece: &[(char, Style)]) -> Line<'a> {
    let mut spans: Vec<Span> = Vec::new();
    let mut cur = String::new();
    let mut cur_style = piece.first().map_or_else(Style::new, |p| p.1);
    for &(c, st) in piece {
        if st != cur_style && !cur.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut cur), cur_style));
        }
        cur_style = st;
        cur.push(c);
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, cur_style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_numbers_whole() {
        let l = vec![Line::raw("rank 106 of 354 districts")];
        assert_eq!(text(&lines(l, 10)), vec!["rank 106", "of 354", "districts"]);
        assert_eq!(text(&lines(vec![Line::raw("")], 10)), vec![""]);
        assert_eq!(
            text(&lines(vec![Line::raw("abcdefghij")], 4)),
            vec!["abcd", "efgh", "ij"]
        );
    }
}
