//! One way to draw a table of figures, shared by the table view and the
//! Wards and Centres tabs: frozen text columns on the left (names, cut
//! with `…` when the pane is narrow), then figure columns laid out from
//! their content widths. A figure column is shown whole or not at all:
//! when the pane is too narrow whole columns are dropped, keeping the
//! selected one in view, and `◂` / `▸` say that more lie to either side.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Theme;

/// A text column on the left that never scrolls away (cut with `…` if needed).
pub struct TextCol {
    pub header: String,
    pub cells: Vec<String>,
    /// The narrowest it may be cut to.
    pub min: usize,
    /// The widest cell of the whole column when `cells` holds only the
    /// rows in view (`None`: measure `cells`).
    pub widest: Option<usize>,
}

/// A column of figures (or bars): never cut, dropped whole when it does not fit.
pub struct FigCol {
    pub header: String,
    /// Each cell's text and style (missing figures dim, marks in colour).
    pub cells: Vec<(String, Style)>,
    /// Left-aligned (bars) rather than right-aligned (figures).
    pub left: bool,
    /// As for [`TextCol::widest`].
    pub widest: Option<usize>,
}

/// A grid to draw: its columns, which rows, and what is selected.
pub struct Grid {
    pub frozen: Vec<TextCol>,
    pub cols: Vec<FigCol>,
    /// The column to keep in view and highlight in the header.
    pub selected_col: Option<usize>,
    /// The sorted column and whether descending.
    pub sort: Option<(usize, bool)>,
    /// Row indices (into the columns' cells) in display order.
    pub order: Vec<usize>,
    /// Rows preceded by a rule (the GB row).
    pub rule_before: Vec<usize>,
    pub selected_row: Option<usize>,
    pub focused: bool,
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to `w` cells, ending in `…` when cut.
pub fn cut(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > w {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` cut to `w` cells at a space, ending in `…` when cut, so no word
/// (and no figure) is left in part: for titles and messages with figures.
pub fn cut_words(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    for word in s.split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if next.width() + 2 > w {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        // One long word: cut it, unless it holds a digit (then show nothing).
        return if s.chars().any(|c| c.is_ascii_digit()) {
            "…".into()
        } else {
            cut(s, w)
        };
    }
    format!("{out} …")
}

pub fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(s.width())))
}

pub fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.width())))
}

/// The columns `[start, end)` of `widths` shown in `avail` cells with `sel`
/// in view: as many whole columns as fit, starting as far left as possible.
pub fn visible(widths: &[usize], sel: usize, avail: usize) -> (usize, usize) {
    if widths.is_empty() {
        return (0, 0);
    }
    let sel = sel.min(widths.len() - 1);
    let mut start = 0;
    while start < sel && widths[start..=sel].iter().sum::<usize>() > avail {
        start += 1;
    }
    let mut end = start;
    let mut used = 0;
    while end < widths.len() && used + widths[end] <= avail {
        used += widths[end];
        end += 1;
    }
    (start, end)
}

/// The header width of a figure column and its cells' widest, whichever is more.
fn col_width(c: &FigCol, sort_mark: bool) -> usize {
    let cells = c
        .widest
        .unwrap_or_else(|| c.cells.iter().map(|(s, _)| s.width()).max().unwrap_or(1));
    (c.header.width() + usize::from(sort_mark)).max(cells).max(1)
}

/// How wide the frozen columns are drawn in a pane `total` cells wide,
/// leaving room for at least `first` cells of figures where they can.
fn frozen_widths(frozen: &[TextCol], total: usize, first: usize) -> Vec<usize> {
    let mut w: Vec<usize> = frozen
        .iter()
        .map(|c| {
            let cells = c
                .widest
                .unwrap_or_else(|| c.cells.iter().map(|s| s.width()).max().unwrap_or(0));
            cells.max(c.header.width() + 2) + 1
        })
        .collect();
    // Shrink the rightmost frozen column first (the LA, which the label
    // often names already), one cell at a time, down to its minimum.
    while w.iter().sum::<usize>() + first > total {
        let Some(i) = (0..w.len()).rev().find(|&i| w[i] > frozen[i].min + 1) else {
            break;
        };
        w[i] -= 1;
    }
    w
}

/// The grid's lines for a pane `total` cells wide and `height` rows high
/// (header, then rows scrolled so the selected row is visible).
pub fn lines<'a>(g: &Grid, total: usize, height: usize, theme: &Theme) -> Vec<Line<'a>> {
    let sel = g.selected_col.unwrap_or(0);
    // Each figure column takes one cell of gap before it; two cells at the end hold ` ▸`.
    let widths: Vec<usize> = g
        .cols
        .iter()
        .enumerate()
        .map(|(i, c)| col_width(c, g.sort.is_some_and(|(s, _)| s == i)) + 1)
        .collect();
    let first = widths.get(sel).copied().unwrap_or(0) + 2;
    let fw = frozen_widths(&g.frozen, total, first);
    let avail = total.saturating_sub(fw.iter().sum::<usize>() + 2);
    let (start, end) = visible(&widths, sel, avail);
    let mut header = Vec::new();
    for (i, (c, w)) in g.frozen.iter().zip(&fw).enumerate() {
        let mark = if i + 1 == g.frozen.len() && start > 0 {
            " ◂"
        } else {
            ""
        };
        let text = format!("{}{mark}", cut(&c.header, w.saturating_sub(1 + mark.width())));
        header.push(Span::styled(pad_right(&text, *w), theme.heading()));
    }
    for (ci, (col, width)) in g.cols.iter().zip(&widths).enumerate().take(end).skip(start) {
        let arrow = match g.sort {
            Some((s, false)) if s == ci => "▲",
            Some((s, true)) if s == ci => "▼",
            _ => "",
        };
        let style = if g.selected_col == Some(ci) {
            theme.selected(g.focused)
        } else {
            theme.heading()
        };
        let name = format!("{}{arrow}", col.header);
        header.push(Span::raw(" "));
        let w = width - 1;
        header.push(Span::styled(
            if col.left {
                pad_right(&name, w)
            } else {
                pad_left(&name, w)
            },
            style,
        ));
    }
    if end < g.cols.len() {
        header.push(Span::styled(" ▸", theme.dim()));
    }
    let mut out = vec![Line::from(header)];
    let pos = g
        .selected_row
        .and_then(|r| g.order.iter().position(|&x| x == r))
        .unwrap_or(0);
    let (offset, body_h) = window(pos, height);
    for &r in g.order.iter().skip(offset).take(body_h) {
        if g.rule_before.contains(&r) {
            out.push(Line::styled("─".repeat(total), theme.dim()));
        }
        let base = if g.selected_row == Some(r) {
            theme.selected(g.focused)
        } else {
            theme.text()
        };
        let mut spans = Vec::new();
        for (c, w) in g.frozen.iter().zip(&fw) {
            let text = c.cells.get(r).map_or("", String::as_str);
            spans.push(Span::styled(pad_right(&cut(text, w.saturating_sub(1)), *w), base));
        }
        for (col, width) in g.cols.iter().zip(&widths).take(end).skip(start) {
            let (text, style) = col.cells.get(r).cloned().unwrap_or_default();
            let w = width - 1;
            spans.push(Span::styled(" ", base));
            let padded = if col.left {
                pad_right(&text, w)
            } else {
                pad_left(&text, w)
            };
            spans.push(Span::styled(padded, base.patch(style)));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The rows in view of a grid `height` lines high (header included) with
/// the row at display position `pos` selected: (first position, how many).
pub fn window(pos: usize, height: usize) -> (usize, usize) {
    let body_h = height.saturating_sub(2).max(1);
    (crate::app::layout::scroll_offset(pos, body_h as u16), body_h)
}

/// The cell style of a figure: dim when missing.
pub fn figure_style(missing: bool, theme: &Theme) -> Style {
    if missing { theme.dim() } else { Style::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selected_column_is_always_visible_and_columns_are_whole() {
        let w = [10, 10, 10, 10];
        assert_eq!(visible(&w, 0, 25), (0, 2));
        assert_eq!(visible(&w, 2, 25), (1, 3));
        assert_eq!(visible(&w, 3, 5), (3, 3), "a column that does not fit is not drawn");
        assert_eq!(visible(&w, 0, 40), (0, 4));
    }

    #[test]
    fn cutting_text_marks_the_cut() {
        assert_eq!(cut("Kingston-upon-Hull", 8), "Kingsto…");
        assert_eq!(cut("Park", 8), "Park");
        assert_eq!(
            cut_words("Table A.9 · clients in January 2009", 30),
            "Table A.9 · clients in …"
        );
        assert_eq!(cut_words("short", 30), "short");
    }
}
