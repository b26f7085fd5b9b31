//! Write a deterministic synthetic dataset in the layout of `data/`:
//!
//! ```text
//! cargo run --release --example synthetic -- --out DIR --las 152 --centres 3600 --passages 50000 [--seed N]
//! ```
//!
//! Tables A.1–A.9 get a row for every synthetic LA, ward and centre. The
//! result is valid under `casebook check --data DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use casebook::synthetic::{Spec, write};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("usage: synthetic --out DIR [--las N] [--centres N] [--passages N] [--seed N]");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut spec = Spec::NATIONAL;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |v: String| {
            v.parse::<usize>()
                .map_err(|_| format!("{flag}: expected a number, found `{v}`"))
        };
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--las" => spec.las = number(value()?)?.max(1),
            "--centres" => spec.centres = number(value()?)?,
            "--passages" => spec.passages = number(value()?)?,
            "--seed" => spec.seed = number(value()?)? as u64,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let s = write(&out, &spec).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "wrote {}: {} local authorities, {} centres, {} wards, {} passages in {} files, {} tables ({} rows)",
        out.display(),
        s.las,
        s.centres,
        s.wards,
        s.passages,
        s.passage_files,
        s.tables,
        s.table_rows
    );
    Ok(())
}
