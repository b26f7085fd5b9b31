//! Analysis views built on the dataset and the search engine, shared by
//! the app and the command line: the cases × themes [`matrix`] and LAs
//! side by side ([`compare`]), the pre-visit [`brief`].

pub mod brief;
pub mod compare;
pub mod matrix;

pub use matrix::{Matrix, Rows, describe_filters};
