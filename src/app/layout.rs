//! Where things go on screen, as a pure function of the terminal size.
//! The renderer draws into these rectangles and `update` hit-tests mouse
//! clicks against the same ones, so the two always agree.

use ratatui::layout::Rect;

/// Below this size the app shows a "terminal too small" message.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub nav: Rect,
    pub pane: Rect,
    pub status: Rect,
}

/// Whether the terminal is big enough for the layout.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

/// The regions for a terminal of this size (only meaningful when it fits).
/// Zoomed, the navigator is hidden and the pane takes the whole width.
pub fn areas(width: u16, height: u16, zoom: bool) -> Areas {
    let body = height.saturating_sub(1);
    let nav_w = if zoom { 0 } else { (width / 3).clamp(20, 32).min(width) };
    Areas {
        nav: Rect::new(0, 0, nav_w, body),
        pane: Rect::new(nav_w, 0, width.saturating_sub(nav_w), body),
        status: Rect::new(0, body, width, height.min(1)),
    }
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The pane's content area below its tab row (when it has tabs).
pub fn pane_body(pane: Rect, has_tabs: bool) -> Rect {
    let i = inner(pane);
    if has_tabs {
        Rect::new(i.x, i.y.saturating_add(2), i.width, i.height.saturating_sub(2))
    } else {
        i
    }
}

/// The inside of a centred popup of `pw`% × `ph`% of `area` (at least
/// 40×10, never larger than `area`): the renderer draws it, `update`
/// uses its height to stop scrolling at the end.
pub fn popup(area: Rect, pw: u16, ph: u16) -> Rect {
    let w = (area.width * pw / 100).max(40).min(area.width);
    let h = (area.height * ph / 100).max(10).min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// The height of a list in the pane body (the rest shows a preview).
pub fn list_height(body: Rect) -> u16 {
    if body.height > 12 {
        body.height - body.height / 3
    } else {
        body.height
    }
}

/// How many rows a table drawn in the top of `body` (as the Wards and
/// Centres tabs are) shows below its header, leaving a line for a rule.
pub fn grid_rows(body: Rect) -> u16 {
    list_height(body).saturating_sub(2).max(1)
}

/// The first visible row of a list so that `selected` is on screen.
pub fn scroll_offset(selected: usize, height: u16) -> usize {
    let h = usize::from(height.max(1));
    if selected >= h { selected + 1 - h } else { 0 }
}

/// Whether a cell lies inside a rectangle.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && y >= r.y && x < r.x.saturating_add(r.width) && y < r.y.saturating_add(r.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_tile_the_screen() {
        let a = areas(80, 24, false);
        assert_eq!(a.nav.width + a.pane.width, 80);
        let z = areas(80, 24, true);
        assert_eq!(
            (z.nav.width, z.pane.width),
            (0, 80),
            "zoom gives the pane the whole width"
        );
        assert_eq!(a.status.y, 23);
        assert_eq!(a.nav.height, 23);
        assert!(!fits(59, 24) && fits(80, 24));
    }

    #[test]
    fn offsets_keep_the_selection_visible() {
        assert_eq!(scroll_offset(0, 5), 0);
        assert_eq!(scroll_offset(4, 5), 0);
        assert_eq!(scroll_offset(5, 5), 1);
        assert_eq!(scroll_offset(3, 0), 3);
    }
}
