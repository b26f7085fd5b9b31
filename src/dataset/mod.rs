//! The dataset: its record types, how it is loaded from RON files (bundled
//! into the binary or from a directory), and how it is validated.
//!
//! Everything else in casebook reads a [`Dataset`]; nothing writes one.

mod load;
mod locate;
mod model;
mod profile;
mod query;
mod tables;
mod validate;
mod validate_caveats;
mod validate_text;

pub use load::{
    LoadError, LoadErrors, SourceFile, bundled_files, list_dir, load, load_bundled, load_dir, load_with, read_dir,
};
pub use model::*;
pub use profile::{FigureLine, format_number, profile};
pub use query::{FIGURE_EXPECTED, FIGURE_LIMIT, Figure, figure, parse_figure, slug, table_id};
pub use tables::{resolve_column, sorted_rows};

/// Everything casebook knows, loaded and validated.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Dataset {
    pub las: Vec<LocalAuthority>,
    pub centres: Vec<Centre>,
    pub wards: Vec<Ward>,
    /// Tables A.1–A.9 in id order.
    pub tables: Vec<Table>,
    pub themes: Vec<Theme>,
    pub glossary: Vec<GlossaryEntry>,
    /// Passages in file order, then the order within each file.
    pub passages: Vec<Passage>,
}
