//! Cross-record validation after parsing: ids are unique, every reference
//! resolves, figures parse strictly and lie in range, passages are well
//! formed, and ids, names and labels hold no control or bidi characters
//! (`validate_text`). Every problem is reported once, located by the parser
//! at the record and field it is about (`locate`).

use std::collections::{HashMap, HashSet};

use super::load::{LoadError, LoadErrors};
use super::locate::{FileIndex, Seg};
use super::{Area, Dataset, Kind, Level, Table, Units, figure};

/// Where a record came from: its file (an index into the file list) and,
/// for files holding a list, its index in that list.
pub(super) type At = (usize, Option<usize>);

/// For each record, where it came from.
#[derive(Debug, Default)]
pub(super) struct Origins {
    pub las: Vec<At>,
    pub centres: Vec<At>,
    pub wards: Vec<At>,
    pub themes: Vec<At>,
    pub glossary: Vec<At>,
    pub tables: Vec<At>,
    pub passages: Vec<At>,
}

pub(super) struct Report<'a> {
    files: Vec<FileIndex<'a>>,
    errors: Vec<LoadError>,
    seen: HashSet<(usize, usize, usize, String)>,
}

impl Report<'_> {
    /// Record a problem about the value at `path` within the record at `at`.
    pub(super) fn at(&mut self, at: At, path: &[Seg], message: String) {
        let (fi, item) = at;
        let mut full: Vec<Seg> = item.map(Seg::Index).into_iter().collect();
        full.extend_from_slice(path);
        let file = &self.files[fi];
        let (line, col) = file.position(&full);
        // The same problem found twice (say, one id referenced twice in one
        // record) is reported once.
        if self.seen.insert((fi, line, col, message.clone())) {
            self.errors.push(LoadError {
                file: file.path.to_string(),
                line,
                col,
                message,
            });
        }
    }
}

pub(super) fn validate(ds: &Dataset, texts: &[(String, String)], o: &Origins) -> Result<(), LoadErrors> {
    let mut r = Report {
        files: texts.iter().map(|(p, t)| FileIndex::new(p, t)).collect(),
        errors: Vec::new(),
        seen: HashSet::new(),
    };
    super::validate_text::check(&mut r, ds, o);
    let las: HashSet<&str> = ds.las.iter().map(|l| l.id.as_str()).collect();
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
        let at = o.centres[i];
        if !las.contains(c.la.as_str()) {
            let msg = format!("centre `{}`: unknown local authority `{}`", c.id, c.la);
            r.at(at, &[Seg::Field("la")], msg);
        }
        for (j, w) in c.wards.iter().enumerate() {
            let path = [Seg::Field("wards"), Seg::Index(j)];
            match wards.get(w.as_str()) {
                None => r.at(at, &path, format!("centre `{}`: unknown ward `{w}`", c.id)),
                Some(la) if *la != c.la && las.contains(c.la.as_str()) => r.at(
                    at,
                    &path,
                    format!("centre `{}` is in `{}` but ward `{w}` is in `{la}`", c.id, c.la),
                ),
                Some(_) => {}
            }
        }
    }
    for (i, w) in ds.wards.iter().enumerate() {
        if !las.contains(w.la.as_str()) {
            let msg = format!("ward `{}`: unknown local authority `{}`", w.id, w.la);
            r.at(o.wards[i], &[Seg::Field("la")], msg);
        }
    }
    for (i, t) in ds.tables.iter().enumerate() {
        check_table(&mut r, o.tables[i], t, &las, &centres, &wards);
    }
    passages(&mut r, ds, o, &las, &centres, &wards);
    // Caveat, definition and milestone fields are checked in their own module.
    for e in super::validate_caveats::check(ds) {
        let id = &ds.passages[e.passage].id;
        r.at(o.passages[e.passage], &e.path, format!("passage `{id}`: {}", e.message));
    }
    if r.errors.is_empty() {
        Ok(())
    } else {
        Err(LoadErrors(r.errors))
    }
}

fn passages(
    r: &mut Report,
    ds: &Dataset,
    o: &Origins,
    las: &HashSet<&str>,
    centres: &HashMap<&str, &str>,
    wards: &HashMap<&str, &str>,
) {
    let themes: HashSet<&str> = ds.themes.iter().map(|t| t.id.as_str()).collect();
    let tables: HashMap<&str, &Table> = ds.tables.iter().map(|t| (t.id.as_str(), t)).collect();
    for (i, p) in ds.passages.iter().enumerate() {
        let at = o.passages[i];
        let mut bad = |path: &[Seg], msg: String| r.at(at, path, format!("passage `{}`: {msg}", p.id));
        for (j, la) in p.las.iter().enumerate() {
            if !las.contains(la.as_str()) {
                bad(
                    &[Seg::Field("las"), Seg::Index(j)],
                    format!("unknown local authority `{la}`"),
                );
            }
        }
        if let Some(c) = &p.centre
            && !centres.contains_key(c.as_str())
        {
            bad(&[Seg::Field("centre")], format!("unknown centre `{c}`"));
        }
        for (j, w) in p.wards.iter().enumerate() {
            if !wards.contains_key(w.as_str()) {
                bad(&[Seg::Field("wards"), Seg::Index(j)], format!("unknown ward `{w}`"));
            }
        }
        if p.themes.is_empty() {
            bad(
                &[Seg::Field("themes")],
                "has no theme: every passage needs at least one".into(),
            );
        }
        for (j, t) in p.themes.iter().enumerate() {
            if !themes.contains(t.as_str()) {
                bad(&[Seg::Field("themes"), Seg::Index(j)], format!("unknown theme `{t}`"));
            }
        }
        if p.title.trim().is_empty() {
            bad(&[Seg::Field("title")], "expected a non-empty title".into());
        }
        if p.text.trim().is_empty() {
            bad(&[Seg::Field("text")], "expected a non-empty text".into());
        }
        if p.kind == Kind::SurveyFigure && p.figure.is_none() {
            bad(&[Seg::Field("kind")], "a survey-figure passage needs a `figure`".into());
        }
        for (k, tr) in p.refs.iter().enumerate() {
            let field = |f| [Seg::Field("refs"), Seg::Index(k), Seg::Field(f)];
            match tables.get(tr.table.as_str()) {
                None => bad(&field("table"), format!("unknown table `{}`", tr.table)),
                Some(t) => {
                    if let Some(area) = &tr.area
                        && !t.rows.iter().any(|row| &row.area == area)
                    {
                        bad(&field("area"), format!("table {} has no row for {area:?}", t.id));
                    }
                    if tr.column.is_some_and(|c| c >= t.columns.len()) {
                        let msg = format!("table {} has only {} columns", t.id, t.columns.len());
                        bad(&field("column"), msg);
                    }
                }
            }
        }
    }
}

/// Ids must be non-empty and unique; a duplicate is reported at the record
/// that repeats it, naming where the first one is.
fn unique<'a>(r: &mut Report, what: &str, ids: impl Iterator<Item = &'a str>, origin: &[At]) {
    let mut seen: HashMap<&str, At> = HashMap::new();
    for (i, id) in ids.enumerate() {
        let path = [Seg::Field("id")];
        if id.is_empty() {
            r.at(origin[i], &path, format!("a {what} has an empty id"));
        } else if let Some(first) = seen.get(id) {
            let (fi, item) = *first;
            let mut first_path: Vec<Seg> = item.map(Seg::Index).into_iter().collect();
            first_path.push(Seg::Field("id"));
            let (line, _) = r.files[fi].position(&first_path);
            let msg = format!("duplicate {what} id `{id}` (first used at {}:{line})", r.files[fi].path);
            r.at(origin[i], &path, msg);
        } else {
            seen.insert(id, origin[i]);
        }
    }
}

fn check_table(
    r: &mut Report,
    at: At,
    t: &Table,
    las: &HashSet<&str>,
    centres: &HashMap<&str, &str>,
    wards: &HashMap<&str, &str>,
) {
    if super::table_id(&t.id).as_deref() != Some(t.id.as_str()) {
        let msg = format!("expected a table id like `A.1`, found `{}`", t.id);
        r.at(at, &[Seg::Field("id")], msg);
    }
    for (ri, row) in t.rows.iter().enumerate() {
        let field = |f| [Seg::Field("rows"), Seg::Index(ri), Seg::Field(f)];
        let (ok, id) = match (&row.area, t.level) {
            (Area::Gb, _) => (true, "gb"),
            (Area::La(id), Level::La) => (las.contains(id.as_str()), id.as_str()),
            (Area::Ward(id), Level::Ward) => (wards.contains_key(id.as_str()), id.as_str()),
            (Area::Centre(id), Level::Centre) => (centres.contains_key(id.as_str()), id.as_str()),
            (other, level) => {
                let msg = format!("table {}: a {level:?}-level table cannot have row {other:?}", t.id);
                r.at(at, &field("area"), msg);
                (true, "")
            }
        };
        if !ok {
            let msg = format!("table {}: row `{}` names unknown area `{id}`", t.id, row.label);
            r.at(at, &field("area"), msg);
        }
        if row.cells.len() != t.columns.len() {
            let msg = format!(
                "table {}: row `{}` has {} cells; expected {} (one per column)",
                t.id,
                row.label,
                row.cells.len(),
                t.columns.len()
            );
            r.at(at, &field("cells"), msg);
        }
        for (ci, (cell, col)) in row.cells.iter().zip(&t.columns).enumerate() {
            let Some(cell) = cell.as_ref().filter(|_| !col.text) else {
                continue;
            };
            let path = [Seg::Field("rows"), Seg::Index(ri), Seg::Field("cells"), Seg::Index(ci)];
            let where_ = format!("table {}: row `{}`, column `{}`", t.id, row.label, col.name);
            let fig = match figure(cell) {
                Ok(f) => f,
                Err(e) => {
                    r.at(at, &path, format!("{where_}: {e}"));
                    continue;
                }
            };
            let (in_range, range) = match t.units {
                Units::Percentage => ((0.0..=100.0).contains(&fig.value), "0 to 100"),
                Units::Count => (fig.value >= 0.0, "0 or more"),
                Units::Rank => (fig.value >= 1.0, "1 or more"),
            };
            if !in_range {
                let msg = format!("{where_}: {cell} is out of range for {:?} (expected {range})", t.units);
                r.at(at, &path, msg);
            }
        }
    }
}
