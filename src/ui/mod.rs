//! Rendering: a pure function of `&State` into a ratatui frame. One file
//! per pane or overlay; every style comes from `theme`; every computed
//! rectangle is clipped to the frame so no size, however small, panics.

mod area_table;
mod choice;
mod editor;
mod figures;
mod grid;
mod help;
mod list;
mod matrix;
mod navigator;
mod overview;
mod pane;
mod picker;
mod reader;
pub mod sanitize;
mod search;
mod status;
mod table_view;
pub mod theme;
mod timeline;
mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use crate::app::{Overlay, State, layout};
pub use theme::Theme;

/// Draw the whole screen.
pub fn render(frame: &mut Frame, state: &State, theme: &Theme) {
    draw(frame, state, theme);
    scrub(frame.buffer_mut());
}

/// The last line of defence at the terminal boundary: a cell whose symbol
/// still holds a control or bidi character (text that skipped `sanitize`)
/// keeps only its safe characters, or shows a control picture (`␛`) or `�`.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        let symbol = cell.symbol();
        if !symbol.chars().any(sanitize::is_unsafe) {
            continue;
        }
        let safe: String = symbol.chars().filter(|c| !sanitize::is_unsafe(*c)).collect();
        let shown = if safe.is_empty() {
            match symbol.chars().next() {
                Some(c @ '\u{0}'..='\u{1f}') => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}').to_string(),
                _ => '\u{fffd}'.to_string(),
            }
        } else {
            safe
        };
        cell.set_symbol(&shown);
    }
}

fn draw(frame: &mut Frame, state: &State, theme: &Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if !layout::fits(area.width, area.height) {
        return too_small(frame, area);
    }
    let a = layout::areas(area.width, area.height, state.zoom);
    if a.nav.width > 0 {
        navigator::render(frame, clip(a.nav, area), state, theme);
    }
    pane::render(frame, clip(a.pane, area), state, theme);
    status::render(frame, clip(a.status, area), state, theme);
    match &state.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help::render(frame, area, *scroll, theme),
        Some(Overlay::Search) => search::render(frame, area, state, theme),
        Some(Overlay::Picker(p)) => picker::render(frame, area, state, p, theme),
        Some(Overlay::Reader { item, scroll }) => reader::render(frame, area, state, item, *scroll, theme),
        Some(Overlay::Editor(ed)) => {
            editor::render(frame, area, state, ed, theme);
            if let Some(p) = &ed.picking {
                picker::render(frame, area, state, p, theme);
            }
        }
        Some(Overlay::ConfirmDelete { note, scroll }) => {
            editor::render_confirm(frame, area, state, note, *scroll, theme)
        }
        Some(Overlay::DraftOffer { scroll }) => editor::render_offer(frame, area, state, *scroll, theme),
        Some(Overlay::Choice(c)) => choice::render(frame, area, state, c, theme),
    }
}

/// How far the Overview can scroll: its lines less the pane body's height.
pub fn overview_scroll_max(state: &State) -> u16 {
    let Some(item) = state.nav_item() else { return 0 };
    let a = layout::areas(state.size.0, state.size.1, state.zoom);
    let body = layout::pane_body(a.pane, !crate::app::view::tabs(&item).is_empty());
    let n = overview::lines(state, &item, body.width.saturating_sub(1), &Theme { color: false }).len();
    u16::try_from(n.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

/// How far the open reader or help can scroll: its wrapped lines less the
/// height of its box, so scrolling stops with the last line at the bottom.
pub fn scroll_max(state: &State) -> u16 {
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    let theme = Theme { color: false };
    let (size, n) = match &state.overlay {
        Some(Overlay::Help { .. }) => {
            let w = layout::inner(layout::popup(screen, help::SIZE.0, help::SIZE.1)).width;
            (help::SIZE, help::content(w, &theme).len())
        }
        Some(Overlay::Reader { item, .. }) => {
            let w = layout::inner(layout::popup(screen, reader::SIZE.0, reader::SIZE.1)).width;
            let n = reader::content(state, item, w, &theme).map_or(0, |(_, l)| l.len());
            (reader::SIZE, n)
        }
        _ => return 0,
    };
    let h = layout::inner(layout::popup(screen, size.0, size.1)).height;
    u16::try_from(n.saturating_sub(usize::from(h))).unwrap_or(u16::MAX)
}

fn too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "Terminal too small: {}×{}. casebook needs at least {}×{}.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

/// `r` clipped to `bounds` (never outside the buffer).
pub(crate) fn clip(r: Rect, bounds: Rect) -> Rect {
    r.intersection(bounds)
}

/// A centred popup of `pw`% × `ph`% of `area`, at least `min_w`×`min_h`, cleared.
pub(crate) fn popup(frame: &mut Frame, area: Rect, pw: u16, ph: u16, title: &str, theme: &Theme) -> Rect {
    let r = clip(layout::popup(area, pw, ph), area);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

/// Spans for `text` with the characters in `ranges` (char indices) highlighted.
pub(crate) fn highlighted<'a>(text: &str, ranges: &[std::ops::Range<usize>], base: Style, hl: Style) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut cur = String::new();
    let mut cur_hl = false;
    for (i, c) in text.chars().enumerate() {
        let on = ranges.iter().any(|r| r.contains(&i));
        if on != cur_hl && !cur.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hl { base.patch(hl) } else { base },
            ));
        }
        cur_hl = on;
        // Sanitise per character so highlight positions stay aligned.
        if c == '\n' || c == '\t' {
            cur.push(' ');
        } else if sanitize::is_unsafe(c) {
            crate::sanitize::visible(c, &mut cur);
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, if cur_hl { base.patch(hl) } else { base }));
    }
    spans
}

/// A bordered block for a pane.
pub(crate) fn pane_block<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(theme.border(focused))
        .title(title)
}
