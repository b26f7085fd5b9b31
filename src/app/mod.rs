//! The app without a terminal: [`State`], [`Action`], [`update`] and the
//! [`keymap`] table. Key and mouse events become actions through the
//! keymap; `update` is the only thing that changes state; the `ui` module
//! renders from `&State`.

mod action;
mod choose;
pub mod derived;
pub mod drafts;
mod editing;
pub mod editor;
pub mod export;
mod export_search;
pub mod grid;
mod index_job;
mod jump;
pub mod keymap;
pub mod layout;
pub mod line_input;
mod lookup;
pub mod matrix;
pub mod nav;
mod notes_delta;
mod notes_ops;
pub mod overlays;
mod state;
pub mod table_layout;
mod update;
pub mod view;

pub use action::Action;
pub use choose::{passages_using, row_caveats};
pub use index_job::IndexJob;
pub use keymap::Mode;
pub use lookup::Lookup;
pub use state::{
    Choice, Editor, Filters, Focus, Overlay, Picker, PickerKind, Readable, SearchState, State, TableCursor,
};
pub use update::update;

/// The keymap mode the state is in: the top-most overlay decides.
pub fn mode(state: &State) -> Mode {
    match &state.overlay {
        Some(Overlay::Help { .. }) => Mode::Help,
        Some(Overlay::Search) => Mode::Search,
        Some(Overlay::Picker(_)) => Mode::Picker,
        Some(Overlay::Reader { .. }) => Mode::Reader,
        Some(Overlay::Editor(ed)) if ed.picking.is_some() => Mode::Picker,
        Some(Overlay::Editor(ed)) if ed.closing => Mode::Closing,
        Some(Overlay::Editor(_)) => Mode::Editor,
        Some(Overlay::ConfirmDelete { .. }) => Mode::Confirm,
        Some(Overlay::DraftOffer { .. }) => Mode::Offer,
        Some(Overlay::Choice(_)) => Mode::Choice,
        None if state.focus == Focus::Pane && view::is_grid(state) => Mode::Table,
        None => Mode::Normal,
    }
}
