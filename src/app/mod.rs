//! The app without a terminal: [`State`], [`Action`], [`update`] and the
//! [`keymap`] table. Key and mouse events become actions through the
//! keymap; `update` is the only thing that changes state; the `ui` module
//! renders from `&State`.

mod action;
pub mod editor;
pub mod export;
mod jump;
pub mod keymap;
pub mod layout;
pub mod line_input;
pub mod matrix;
pub mod nav;
mod notes_ops;
pub mod overlays;
mod state;
mod update;
pub mod view;

pub use action::Action;
pub use keymap::Mode;
pub use state::{Editor, Filters, Focus, Overlay, Picker, PickerKind, Readable, SearchState, State, TableCursor};
pub use update::{row_caveats, update};

/// The keymap mode the state is in: the top-most overlay decides.
pub fn mode(state: &State) -> Mode {
    match &state.overlay {
        Some(Overlay::Help { .. }) => Mode::Help,
        Some(Overlay::Search) => Mode::Search,
        Some(Overlay::Picker(_)) => Mode::Picker,
        Some(Overlay::Reader { .. }) => Mode::Reader,
        Some(Overlay::Editor(ed)) if ed.picking.is_some() => Mode::Picker,
        Some(Overlay::Editor(_)) => Mode::Editor,
        Some(Overlay::ConfirmDelete { .. }) => Mode::Confirm,
        None if state.focus == Focus::Pane && matches!(view::pane_kind(state), view::PaneKind::Table(_)) => Mode::Table,
        None => Mode::Normal,
    }
}
