//! The dataset's sections in a cache entry: everything but the passages
//! (LAs, centres, wards, tables, themes, glossary), then the passages in
//! [`PASSAGE_PARTS`] parts, so that decoding (most of a warm open's time)
//! runs on every core: the app's first frame waits for the dataset only.

use serde::{Deserialize, Serialize};

use super::file::{decode, encode};
use crate::dataset::{Centre, Dataset, GlossaryEntry, LocalAuthority, Table, Theme, Ward};
use crate::timings;

/// How many parts the passages are cut into (the cores of a small machine).
pub(super) const PASSAGE_PARTS: usize = 2;
/// The dataset's sections: the rest, then the passages' parts.
pub(super) const SECTIONS: usize = 1 + PASSAGE_PARTS;

/// The dataset without its passages, as written (field order is the format).
#[derive(Serialize)]
struct RestRef<'a> {
    las: &'a [LocalAuthority],
    centres: &'a [Centre],
    wards: &'a [Ward],
    tables: &'a [Table],
    themes: &'a [Theme],
    glossary: &'a [GlossaryEntry],
}

/// The same, as read.
#[derive(Deserialize)]
struct Rest {
    las: Vec<LocalAuthority>,
    centres: Vec<Centre>,
    wards: Vec<Ward>,
    tables: Vec<Table>,
    themes: Vec<Theme>,
    glossary: Vec<GlossaryEntry>,
}

/// The [`SECTIONS`] sections of `ds`.
pub(super) fn encode_dataset(ds: &Dataset) -> Result<Vec<Vec<u8>>, String> {
    let rest = RestRef {
        las: &ds.las,
        centres: &ds.centres,
        wards: &ds.wards,
        tables: &ds.tables,
        themes: &ds.themes,
        glossary: &ds.glossary,
    };
    let mut out = vec![encode(&rest)?];
    let per_part = ds.passages.len().div_ceil(PASSAGE_PARTS).max(1);
    let mut parts = ds.passages.chunks(per_part);
    for _ in 0..PASSAGE_PARTS {
        out.push(encode(&parts.next().unwrap_or(&[]))?);
    }
    Ok(out)
}

/// The dataset from its [`SECTIONS`] sections, decoded side by side.
pub(super) fn decode_dataset(sections: &[Vec<u8>]) -> Result<Dataset, String> {
    let [rest, parts @ ..] = sections else {
        return Err("no sections".into());
    };
    if parts.len() != PASSAGE_PARTS {
        return Err("wrong number of sections".into());
    }
    timings::time("cache decode: dataset", || {
        std::thread::scope(|s| {
            // This thread takes the rest and the first part; one thread per other part.
            let others: Vec<_> = parts[1..]
                .iter()
                .map(|bytes| s.spawn(move || decode::<Vec<crate::dataset::Passage>>(bytes)))
                .collect();
            let rest: Rest = decode(rest)?;
            let mut passages: Vec<crate::dataset::Passage> = decode(&parts[0])?;
            for other in others {
                let more = other.join().unwrap_or_else(|_| Err("decoding panicked".into()))?;
                passages.extend(more);
            }
            Ok(Dataset {
                las: rest.las,
                centres: rest.centres,
                wards: rest.wards,
                tables: rest.tables,
                themes: rest.themes,
                glossary: rest.glossary,
                passages,
            })
        })
    })
}
