//! Every style the app uses, in one place. With NO_COLOR set the theme
//! uses no colours at all: selection, focus and matches stay visible
//! through reverse video, bold and underline.

use ratatui::style::{Color, Modifier, Style};

/// The app's styles; `color: false` is the NO_COLOR theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` environment variable is set (to anything non-empty).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
    fn fg(self, c: Color) -> Style {
        if self.color { Style::new().fg(c) } else { Style::new() }
    }
    pub fn text(self) -> Style {
        Style::new()
    }
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => Style::new().fg(Color::DarkGray),
            (false, false) => Style::new(),
        }
    }
    /// The selected line in a focused list.
    pub fn selected(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, true) => Style::new().bg(Color::DarkGray),
            (false, false) => Style::new().add_modifier(Modifier::REVERSED),
        }
    }
    /// Matched characters in search results and pickers.
    pub fn matched(self) -> Style {
        self.fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// A passage a search jump landed on.
    pub fn landed(self) -> Style {
        self.fg(Color::LightGreen).add_modifier(Modifier::BOLD)
    }
    pub fn bar(self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn compare(self) -> Style {
        self.fg(Color::Magenta)
    }
    pub fn warn(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }
    pub fn tab(self, active: bool) -> Style {
        if active {
            self.fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            self.dim()
        }
    }
    pub fn status(self) -> Style {
        if self.color {
            Style::new().bg(Color::Black).fg(Color::Gray)
        } else {
            Style::new()
        }
    }
    pub fn kind(self) -> Style {
        self.fg(Color::Green)
    }
}
