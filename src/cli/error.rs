//! The errors a subcommand can end with, each worded so a person can act on it.

use crate::dataset::LoadErrors;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("the dataset has problems:\n{0}")]
    Load(LoadErrors),
    #[error("no {what} with id `{id}`{}", suggest(.suggestions))]
    NotFound {
        what: &'static str,
        id: String,
        suggestions: Vec<String>,
    },
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

impl CliError {
    /// 1 for problems with data or ids, 2 for usage mistakes (like clap).
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(
            "; did you mean {}?",
            s.iter().map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ")
        )
    }
}
