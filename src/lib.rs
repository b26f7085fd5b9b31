//! casebook: everything the evaluation of the work-focused services in
//! children's centres pilot knows, in a terminal.
//!
//! Data flows one way: `dataset` (load + validate) feeds `search`; the app
//! (`app` state and update, `ui` rendering) and the `cli` both read them.

pub mod analysis;
pub mod app;
pub mod cache;
pub mod cli;
pub mod dataset;
pub mod notes;
#[doc(hidden)]
pub mod relevance;
pub mod sanitize;
pub mod search;
#[doc(hidden)]
pub mod synthetic;
pub mod timings;
pub mod tui;
pub mod ui;
