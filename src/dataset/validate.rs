//! Cross-record validation after parsing: ids are unique, every reference
//! resolves, figures parse and lie in range, passages are well formed.
//! Every problem is reported (not just the first), located at its record.

use std::collections::{HashMap, HashSet};

use super::load::{LoadError, LoadErrors, locate};
use super::{Area, Dataset, Kind, Level, Table, Units, parse_figure};

/// For each record, the index (into the file list) of the file it came from.
#[derive(Debug, Default)]
pub(super) struct Origins {
    pub las: Vec<usize>,
    pub centres: Vec<usize>,
    pub wards: Vec<usize>,
    pub themes: Vec<usize>,
    pub glossary: Vec<usize>,
    pub tables: Vec<usize>,
    pub passages: Vec<usize>,
}

struct Report<'a> {
    texts: &'a [(String, String)],
    errors: Vec<LoadError>,
}

impl Report<'_> {
    /// Record a problem at the first `field: "needle"` in file `fi`.
    fn at(&mut self, fi: usize, field: &str, needle: &str, message: String) {
        let (file, text) = &self.texts[fi];
        let (line, col) = locate(text, field, needle);
        self.errors.push(LoadError {
            file: file.clone(),
            line,
            col,
            message,
        });
    }
}

pub(super) fn validate(ds: &Dataset, texts: &[(String, String)], o: &Origins) -> Result<(), LoadErrors> {
    let mut r = Report {
        texts,
        errors: Vec::new(),
    };
    let las: HashSet<&str> = ds.las.iter().map(|l| l.id.as_str()).collect();
    let themes: HashSet<&str> = ds.themes.iter().map(|t| t.id.as_str()).collect();
    let centres: HashMap<&str, &str> = ds.centres.iter().map(|c| (c.id.as_str(), c.la.as_str())).collect();
    let wards: HashMap<&str, &str> = ds.wards.iter().map(|w| (w.id.as_str(), w.la.as_str())).collect();

    unique(&mut r, "local authority", ds.las.iter().map(|l| l.id.as_str()), &o.las);
    unique(&mut r, "centre", ds.centres.iter().map(|c| c.id.as_str()), &o.centres);
    unique(&mut r, "ward", ds.wards.iter().map(|w| w.id.as_str()), &o.wards);
    unique(&mut r, "theme", ds.themes.iter().map(|t| t.id.as_str()), &o.themes);
    unique(
        &mut r,
        "passage",
        ds.passages.iter().map(|p| p.id.as_str()),
        &o.passages,
    );
    unique(&mut r, "table", ds.tables.iter().map(|t| t.id.as_str()), &o.tables);

    for (i, c) in ds.centres.iter().enumerate() {
        if !las.contains(c.la.as_str()) {
            r.at(
                o.centres[i],
                "la",
                &c.la,
                format!("centre `{}`: unknown local authority `{}`", c.id, c.la),
            );
        }
        for w in &c.wards {
            match wards.get(w.as_str()) {
                None => r.at(
                    o.centres[i],
                    "wards",
                    w,
                    format!("centre `{}`: unknown ward `{w}`", c.id),
                ),
                Some(la) if *la != c.la && las.contains(c.la.as_str()) => r.at(
                    o.centres[i],
                    "wards",
                    w,
                    format!("centre `{}` is in `{}` but ward `{w}` is in `{la}`", c.id, c.la),
                ),
                Some(_) => {}
            }
        }
    }
    for (i, w) in ds.wards.iter().enumerate() {
        if !las.contains(w.la.as_str()) {
            r.at(
                o.wards[i],
                "la",
                &w.la,
                format!("ward `{}`: unknown local authority `{}`", w.id, w.la),
            );
        }
    }
    for (i, t) in ds.tables.iter().enumerate() {
        check_table(&mut r, o.tables[i], t, &las, &centres, &wards);
    }
    let tables: HashMap<&str, &Table> = ds.tables.iter().map(|t| (t.id.as_str(), t)).collect();
    for (i, p) in ds.passages.iter().enumerate() {
        let fi = o.passages[i];
        let mut bad =
            |field: &str, needle: &str, msg: String| r.at(fi, field, needle, format!("passage `{}`: {msg}", p.id));
        for la in &p.las {
            if !las.contains(la.as_str()) {
                bad("las", la, format!("unknown local authority `{la}`"));
            }
        }
        if let Some(c) = &p.centre
            && !centres.contains_key(c.as_str())
        {
            bad("centre", c, format!("unknown centre `{c}`"));
        }
        for w in &p.wards {
            if !wards.contains_key(w.as_str()) {
                bad("wards", w, format!("unknown ward `{w}`"));
            }
        }
        if p.themes.is_empty() {
            bad("id", &p.id, "has no theme: every passage needs at least one".into());
        }
        for t in &p.themes {
            if !themes.contains(t.as_str()) {
                bad("themes", t, format!("unknown theme `{t}`"));
            }
        }
        if p.title.trim().is_empty() || p.text.trim().is_empty() {
            bad("id", &p.id, "expected a non-empty title and text".into());
        }
        if let Some(c) = p
            .title
            .chars()
            .chain(p.text.chars())
            .find(|&c| c.is_control() && c != '\n')
        {
            bad("id", &p.id, format!("text contains control character {c:?}"));
        }
        if p.kind == Kind::SurveyFigure && p.figure.is_none() {
            bad("id", &p.id, "a survey-figure passage needs a `figure`".into());
        }
        for tr in &p.refs {
            match tables.get(tr.table.as_str()) {
                None => bad("table", &tr.table, format!("unknown table `{}`", tr.table)),
                Some(t) => {
                    if let Some(area) = &tr.area
                        && !t.rows.iter().any(|row| &row.area == area)
                    {
                        bad("table", &tr.table, format!("table {} has no row for {area:?}", t.id));
                    }
                    if tr.column.is_some_and(|c| c >= t.columns.len()) {
                        bad(
                            "table",
                            &tr.table,
                            format!("table {} has only {} columns", t.id, t.columns.len()),
                        );
                    }
                }
            }
        }
    }
    // Caveat and milestone fields are checked in their own module.
    for e in super::validate_caveats::check(ds) {
        let id = &ds.passages[e.passage].id;
        r.at(
            o.passages[e.passage],
            e.field,
            &e.needle,
            format!("passage `{id}`: {}", e.message),
        );
    }
    if r.errors.is_empty() {
        Ok(())
    } else {
        Err(LoadErrors(r.errors))
    }
}

fn unique<'a>(r: &mut Report, what: &str, ids: impl Iterator<Item = &'a str>, origin: &[usize]) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() {
            r.at(origin[i], "id", id, format!("a {what} has an empty id"));
        } else if !seen.insert(id) {
            // Point at the second occurrence: the one that duplicates.
            let (file, text) = &r.texts[origin[i]];
            let quoted = format!("{id:?}");
            let first = text.find(&quoted);
            let at = first
                .and_then(|f| text[f + 1..].find(&quoted).map(|s| f + 1 + s))
                .or(first)
                .unwrap_or(0);
            let (line, col) = super::load::line_col_at(text, at);
            r.errors.push(LoadError {
                file: file.clone(),
                line,
                col,
                message: format!("duplicate {what} id `{id}`"),
            });
        }
    }
}

fn check_table(
    r: &mut Report,
    fi: usize,
    t: &Table,
    las: &HashSet<&str>,
    centres: &HashMap<&str, &str>,
    wards: &HashMap<&str, &str>,
) {
    if super::table_id(&t.id).as_deref() != Some(t.id.as_str()) {
        r.at(
            fi,
            "id",
            &t.id,
            format!("expected a table id like `A.1`, found `{}`", t.id),
        );
    }
    for row in &t.rows {
        let (ok, id) = match (&row.area, t.level) {
            (Area::Gb, _) => (true, "gb"),
            (Area::La(id), Level::La) => (las.contains(id.as_str()), id.as_str()),
            (Area::Ward(id), Level::Ward) => (wards.contains_key(id.as_str()), id.as_str()),
            (Area::Centre(id), Level::Centre) => (centres.contains_key(id.as_str()), id.as_str()),
            (other, level) => {
                r.at(
                    fi,
                    "label",
                    &row.label,
                    format!("table {}: a {level:?}-level table cannot have row {other:?}", t.id),
                );
                continue;
            }
        };
        if !ok {
            r.at(
                fi,
                "label",
                &row.label,
                format!("table {}: row `{}` names unknown area `{id}`", t.id, row.label),
            );
        }
        if row.cells.len() != t.columns.len() {
            r.at(
                fi,
                "label",
                &row.label,
                format!(
                    "table {}: row `{}` has {} cells; expected {} (one per column)",
                    t.id,
                    row.label,
                    row.cells.len(),
                    t.columns.len()
                ),
            );
        }
        let figures = row
            .cells
            .iter()
            .zip(&t.columns)
            .filter(|(_, c)| !c.text)
            .filter_map(|(cell, _)| cell.as_ref());
        for cell in figures {
            let Some(fig) = parse_figure(cell) else {
                r.at(
                    fi,
                    "",
                    cell,
                    format!("table {}: row `{}`: expected a number, found `{cell}`", t.id, row.label),
                );
                continue;
            };
            let in_range = match t.units {
                Units::Percentage => (0.0..=100.0).contains(&fig.value),
                Units::Count => fig.value >= 0.0,
                Units::Rank => fig.value >= 1.0,
            };
            if !in_range {
                r.at(
                    fi,
                    "",
                    cell,
                    format!(
                        "table {}: row `{}`: {cell} is out of range for {:?}",
                        t.id, row.label, t.units
                    ),
                );
            }
        }
    }
}
