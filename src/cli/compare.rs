//! `casebook compare LA LA [LA…]`: LAs side by side (see
//! [`crate::analysis::compare`]) as text or JSON. JSON is the
//! [`Comparison`] as it is: `las` ([id, name] pairs), `figures` (`table`,
//! `column`, `values`, `caveat`, `gb`, `range`), `hotspots` and `centres`
//! (one list per LA), `bid` (sections, each with one list of [id, title,
//! text] per LA) and `caveats` ([id, title]).

use std::path::Path;
use std::process::ExitCode;

use super::output::{TextJson, not_found};
use super::{CliError, Out, load_dataset};
use crate::analysis::compare::{compare, text};

/// Arguments of `casebook compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Two or more LA ids (see `casebook list las`).
    #[arg(num_args = 2.., required = true, value_name = "LA")]
    pub las: Vec<String>,
    #[arg(long, value_enum, default_value_t = TextJson::Text)]
    pub format: TextJson,
}

pub fn run(data: Option<&Path>, args: CompareArgs, out: &mut Out) -> Result<ExitCode, CliError> {
    let ds = load_dataset(data)?;
    for (i, id) in args.las.iter().enumerate() {
        if ds.la(id).is_none() {
            return Err(not_found("local authority", id, ds.las.iter().map(|l| l.id.as_str())));
        }
        if args.las[..i].contains(id) {
            return Err(CliError::Usage(format!(
                "`{}` is given twice; name each LA once",
                crate::sanitize::line(id)
            )));
        }
    }
    let c = compare(&ds, &args.las);
    match args.format {
        TextJson::Json => out.json(&c)?,
        TextJson::Text => out.text(&text(&c))?,
    }
    Ok(ExitCode::SUCCESS)
}
