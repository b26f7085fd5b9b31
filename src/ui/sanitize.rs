//! The app's view of the one sanitising boundary (`crate::sanitize`): text
//! from data files and notes goes through `clean` or `line` before display.

pub use crate::sanitize::{clean, is_unsafe, line};
