//! Ids, names and labels must be plain one-line text: no control characters
//! (tab and newline included) and no bidirectional controls. They are what
//! people type, compare and scan in lists, and an invisible character there
//! makes two different ids look alike. Each one found is a located error.
//!
//! Prose (passage titles and text, descriptions, notes, sources, sections,
//! survey figures) is not checked here: it is shown through the sanitising
//! boundary (`crate::sanitize`) like everything else, so any character in
//! it is displayed as a visible escape rather than acted on.

use super::locate::Seg;
use super::validate::{At, Origins, Report};
use super::{Area, Dataset};
use crate::sanitize;

/// The name a person would use for a character: `U+001B (a control character)`.
fn describe(c: char) -> String {
    let what = if c.is_control() {
        "a control character"
    } else {
        "a bidirectional or line-separator control"
    };
    format!("U+{:04X} ({what})", c as u32)
}

/// One-line strings of one record, each with its path inside the record.
struct Fields<'a> {
    at: At,
    record: String,
    items: Vec<(Vec<Seg<'static>>, &'static str, &'a str)>,
}

impl<'a> Fields<'a> {
    fn new(at: At, record: String) -> Self {
        Fields {
            at,
            record,
            items: Vec::new(),
        }
    }
    fn one(mut self, name: &'static str, value: &'a str) -> Self {
        self.items.push((vec![Seg::Field(name)], name, value));
        self
    }
    fn opt(self, name: &'static str, value: Option<&'a String>) -> Self {
        match value {
            Some(v) => self.one(name, v),
            None => self,
        }
    }
    fn list(mut self, name: &'static str, values: &'a [String]) -> Self {
        for (i, v) in values.iter().enumerate() {
            self.items.push((vec![Seg::Field(name), Seg::Index(i)], name, v));
        }
        self
    }
    fn report(self, r: &mut Report) {
        for (path, name, value) in self.items {
            if let Some((_, c)) = sanitize::first_unsafe(value, false) {
                let msg = format!(
                    "{}: `{name}` contains {}; ids, names and labels may not hold control or bidi characters",
                    self.record,
                    describe(c)
                );
                r.at(self.at, &path, msg);
            }
        }
    }
}

/// Check every id, name and label in the dataset.
pub(super) fn check(r: &mut Report, ds: &Dataset, o: &Origins) {
    for (l, &at) in ds.las.iter().zip(&o.las) {
        Fields::new(at, format!("local authority `{}`", l.id))
            .one("id", &l.id)
            .one("name", &l.name)
            .list("aliases", &l.aliases)
            .report(r);
    }
    for (c, &at) in ds.centres.iter().zip(&o.centres) {
        Fields::new(at, format!("centre `{}`", c.id))
            .one("id", &c.id)
            .one("la", &c.la)
            .one("name", &c.name)
            .one("table_name", &c.table_name)
            .list("wards", &c.wards)
            .report(r);
    }
    for (w, &at) in ds.wards.iter().zip(&o.wards) {
        Fields::new(at, format!("ward `{}`", w.id))
            .one("id", &w.id)
            .one("la", &w.la)
            .one("name", &w.name)
            .opt("district", w.district.as_ref())
            .report(r);
    }
    for (t, &at) in ds.themes.iter().zip(&o.themes) {
        Fields::new(at, format!("theme `{}`", t.id))
            .one("id", &t.id)
            .one("label", &t.label)
            .list("synonyms", &t.synonyms)
            .report(r);
    }
    for (g, &at) in ds.glossary.iter().zip(&o.glossary) {
        Fields::new(at, format!("glossary entry `{}`", g.abbr))
            .one("abbr", &g.abbr)
            .one("expansion", &g.expansion)
            .report(r);
    }
    for (t, &at) in ds.tables.iter().zip(&o.tables) {
        table(r, t, at);
    }
    for (p, &at) in ds.passages.iter().zip(&o.passages) {
        let mut f = Fields::new(at, format!("passage `{}`", p.id))
            .one("id", &p.id)
            .list("las", &p.las)
            .opt("centre", p.centre.as_ref())
            .list("wards", &p.wards)
            .list("themes", &p.themes);
        for (k, tr) in p.refs.iter().enumerate() {
            f.items.push((
                vec![Seg::Field("refs"), Seg::Index(k), Seg::Field("table")],
                "refs.table",
                &tr.table,
            ));
        }
        f.report(r);
    }
}

fn table(r: &mut Report, t: &super::Table, at: At) {
    let mut f = Fields::new(at, format!("table `{}`", t.id)).one("id", &t.id);
    for (i, c) in t.columns.iter().enumerate() {
        f.items.push((
            vec![Seg::Field("columns"), Seg::Index(i), Seg::Field("name")],
            "name",
            &c.name,
        ));
        if let Some(s) = &c.short {
            f.items.push((
                vec![Seg::Field("columns"), Seg::Index(i), Seg::Field("short")],
                "short",
                s,
            ));
        }
    }
    for (ri, row) in t.rows.iter().enumerate() {
        let at_row = |f: &'static str| vec![Seg::Field("rows"), Seg::Index(ri), Seg::Field(f)];
        if let Area::La(id) | Area::Ward(id) | Area::Centre(id) = &row.area {
            f.items.push((at_row("area"), "area", id));
        }
        f.items.push((at_row("label"), "label", &row.label));
        if let Some(g) = &row.group {
            f.items.push((at_row("group"), "group", g));
        }
        for (mi, m) in row.markers.iter().enumerate() {
            let mut path = at_row("markers");
            path.push(Seg::Index(mi));
            f.items.push((path, "markers", m));
        }
        // Figure cells are checked strictly as figures; words in a text column here.
        for (ci, cell) in row.cells.iter().enumerate() {
            if let Some(cell) = cell
                && t.columns.get(ci).is_some_and(|c| c.text)
            {
                let mut path = at_row("cells");
                path.push(Seg::Index(ci));
                f.items.push((path, "cells", cell));
            }
        }
    }
    f.report(r);
}
