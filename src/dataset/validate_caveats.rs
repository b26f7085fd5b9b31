//! Validation of a passage's place in its source (chapter and section) and
//! of the fields that only some kinds carry: the definitions a figure
//! rests on, a caveat's kind,
//! its `about` targets (passages, source sections, tables) and what casebook
//! stores; a milestone's date. Every problem is returned with the passage it
//! belongs to, so the caller can locate it in its file.

use std::collections::{HashMap, HashSet};

use super::locate::Seg;
use super::{About, CaveatKind, Dataset, Date, Document, Kind, Passage, Table, TableRef};

/// One problem: the passage's index, the path within the passage's record
/// to point at, and the message.
pub(super) struct Problem {
    pub passage: usize,
    pub path: Vec<Seg<'static>>,
    pub message: String,
}

/// Check every passage's caveat and milestone fields.
pub(super) fn check(ds: &Dataset) -> Vec<Problem> {
    let tables: HashMap<&str, &Table> = ds.tables.iter().map(|t| (t.id.as_str(), t)).collect();
    let docs: HashMap<&str, Document> = ds.passages.iter().map(|p| (p.id.as_str(), p.document)).collect();
    let kinds: HashMap<&str, Kind> = ds.passages.iter().map(|p| (p.id.as_str(), p.kind)).collect();
    let sections: HashSet<(Document, &str)> = ds.passages.iter().map(|p| (p.document, p.section.as_str())).collect();
    let mut out = Vec::new();
    for (i, p) in ds.passages.iter().enumerate() {
        let mut bad = |path: Vec<Seg<'static>>, message: String| {
            out.push(Problem {
                passage: i,
                path,
                message,
            })
        };
        if p.chapter.trim().is_empty() || p.section.trim().is_empty() {
            bad(
                vec![Seg::Field("chapter")],
                "expected a non-empty `chapter` and `section`".into(),
            );
        }
        for (j, d) in p.definitions.iter().enumerate() {
            let at = || vec![Seg::Field("definitions"), Seg::Index(j)];
            match kinds.get(d.as_str()) {
                None => bad(at(), format!("unknown definition `{d}`")),
                Some(k) if *k != Kind::Definition => bad(at(), format!("`{d}` is a {k} passage, not a definition")),
                Some(_) => {}
            }
        }
        if p.kind == Kind::Caveat {
            caveat(p, &tables, &docs, &sections, &mut bad);
        } else if p.caveat.is_some() || !p.about.is_empty() || p.stores.is_some() {
            bad(
                vec![Seg::Field("kind")],
                "only a caveat has `caveat`, `about` or `stores`".into(),
            );
        }
        match (&p.date, p.kind == Kind::Milestone) {
            (None, true) => bad(vec![Seg::Field("kind")], "a milestone needs a `date`".into()),
            (Some(_), false) => bad(vec![Seg::Field("date")], "only a milestone has a `date`".into()),
            (Some(d), true) => {
                if let Err(m) = check_date(d) {
                    bad(vec![Seg::Field("date")], m);
                }
            }
            (None, false) => {}
        }
    }
    out
}

fn caveat(
    p: &Passage,
    tables: &HashMap<&str, &Table>,
    docs: &HashMap<&str, Document>,
    sections: &HashSet<(Document, &str)>,
    bad: &mut impl FnMut(Vec<Seg<'static>>, String),
) {
    let Some(kind) = p.caveat else {
        return bad(
            vec![Seg::Field("kind")],
            "a caveat needs `caveat:` (TableInternal, TextAgainstTable, TextAgainstText or InterimAgainstBaseline)"
                .into(),
        );
    };
    if p.stores.as_deref().is_none_or(|s| s.trim().is_empty()) {
        bad(
            vec![Seg::Field("kind")],
            "a caveat must say what casebook `stores`".into(),
        );
    }
    if !p.refs.is_empty() {
        bad(
            vec![Seg::Field("refs")],
            "a caveat names its tables in `about`, not `refs`".into(),
        );
    }
    let (mut n_tables, mut n_text) = (0, 0);
    let mut in_docs = HashSet::new();
    for (j, a) in p.about.iter().enumerate() {
        let at = || vec![Seg::Field("about"), Seg::Index(j)];
        match a {
            About::Passage(id) => {
                n_text += 1;
                match docs.get(id.as_str()) {
                    None => bad(at(), format!("is about unknown passage `{id}`")),
                    Some(_) if id == &p.id => bad(at(), "a caveat cannot be about itself".into()),
                    Some(d) => {
                        in_docs.insert(*d);
                    }
                }
            }
            About::Section { document, section } => {
                n_text += 1;
                in_docs.insert(*document);
                if !sections.contains(&(*document, section.as_str())) {
                    bad(
                        at(),
                        format!(
                            "is about section `{section}` of the {document:?} document, which no passage comes from"
                        ),
                    );
                }
            }
            About::Table(t) => {
                n_tables += 1;
                if let Some(m) = check_table_ref(t, tables) {
                    bad(at(), m);
                }
            }
        }
    }
    let wants = match kind {
        CaveatKind::TableInternal if n_tables == 0 => Some("a table-internal caveat is about at least one table"),
        CaveatKind::TextAgainstTable if n_tables == 0 || n_text == 0 => {
            Some("a text-against-table caveat is about at least one table and one passage or section")
        }
        CaveatKind::TextAgainstText if n_text < 2 => {
            Some("a text-against-text caveat is about at least two passages or sections")
        }
        CaveatKind::InterimAgainstBaseline if in_docs.len() < 2 => {
            Some("an interim-against-baseline caveat is about passages or sections of both documents")
        }
        _ => None,
    };
    if let Some(m) = wants {
        bad(vec![Seg::Field("caveat")], m.into());
    }
}

/// Why a table reference does not resolve, if it does not.
pub(super) fn check_table_ref(tr: &TableRef, tables: &HashMap<&str, &Table>) -> Option<String> {
    let Some(t) = tables.get(tr.table.as_str()) else {
        return Some(format!("unknown table `{}`", tr.table));
    };
    if let Some(area) = &tr.area
        && !t.rows.iter().any(|row| &row.area == area)
    {
        return Some(format!("table {} has no row for {area:?}", t.id));
    }
    if tr.column.is_some_and(|c| c >= t.columns.len()) {
        return Some(format!("table {} has only {} columns", t.id, t.columns.len()));
    }
    None
}

/// A date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a period ends no earlier
/// than it starts.
fn check_date(d: &Date) -> Result<(), String> {
    for s in std::iter::once(&d.from).chain(&d.to) {
        if !is_date(s) {
            return Err(format!(
                "expected a date like `2009`, `2009-01` or `2009-01-31`, found `{s}`"
            ));
        }
    }
    if let Some(to) = &d.to
        && to < &d.from
    {
        return Err(format!("the period ends ({to}) before it starts ({})", d.from));
    }
    if d.printed.trim().is_empty() {
        return Err("a date needs `printed`: the date in the source's words".into());
    }
    Ok(())
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let month_ok = |p: &str| digits(p, 2) && (1..=12).contains(&p.parse::<u32>().unwrap_or(0));
    let day_ok = |p: &str| digits(p, 2) && (1..=31).contains(&p.parse::<u32>().unwrap_or(0));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && month_ok(m),
        [y, m, d] => digits(y, 4) && month_ok(m) && day_ok(d),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(id: &str, kind: Kind) -> Passage {
        Passage {
            id: id.into(),
            kind,
            las: Vec::new(),
            centre: None,
            wards: Vec::new(),
            title: "t".into(),
            text: "x".into(),
            themes: vec!["t".into()],
            document: Document::Baseline,
            chapter: "1 Introduction".into(),
            section: "1.2 About our evaluation".into(),
            refs: Vec::new(),
            figure: None,
            definitions: Vec::new(),
            caveat: None,
            about: Vec::new(),
            stores: None,
            date: None,
        }
    }

    fn messages(passages: Vec<Passage>) -> Vec<String> {
        let ds = Dataset {
            passages,
            ..Dataset::default()
        };
        check(&ds).into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn caveats_must_resolve_and_fit_their_kind() {
        let mut c = passage("c", Kind::Caveat);
        c.caveat = Some(CaveatKind::TextAgainstText);
        c.stores = Some("both as printed".into());
        c.about = vec![About::Passage("missing".into())];
        let m = messages(vec![passage("a", Kind::BaselineFinding), c.clone()]);
        assert!(m.iter().any(|m| m.contains("unknown passage `missing`")), "{m:?}");
        assert!(
            m.iter().any(|m| m.contains("at least two passages or sections")),
            "{m:?}"
        );

        c.about = vec![
            About::Passage("a".into()),
            About::Section {
                document: Document::Baseline,
                section: "1.2 About our evaluation".into(),
            },
        ];
        assert!(messages(vec![passage("a", Kind::BaselineFinding), c.clone()]).is_empty());

        c.caveat = Some(CaveatKind::InterimAgainstBaseline);
        let m = messages(vec![passage("a", Kind::BaselineFinding), c.clone()]);
        assert!(m.iter().any(|m| m.contains("both documents")), "{m:?}");

        c.stores = None;
        c.caveat = None;
        let m = messages(vec![passage("a", Kind::BaselineFinding), c]);
        assert!(m.iter().any(|m| m.contains("needs `caveat:`")), "{m:?}");
    }

    #[test]
    fn kind_specific_fields_stay_with_their_kind() {
        let mut f = passage("f", Kind::SurveyFigure);
        f.about = vec![About::Passage("g".into())];
        f.definitions = vec!["g".into()];
        let m = messages(vec![
            f,
            passage("g", Kind::BaselineFinding),
            passage("m", Kind::Milestone),
        ]);
        assert!(m.iter().any(|m| m.contains("only a caveat")), "{m:?}");
        assert!(m.iter().any(|m| m.contains("not a definition")), "{m:?}");
        assert!(m.iter().any(|m| m.contains("a milestone needs a `date`")), "{m:?}");
    }

    #[test]
    fn dates_are_partial_iso() {
        for ok in ["2009", "2009-01", "2009-12-31"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in ["09", "2009-13", "2009-1", "January 2009", "2009-01-32", ""] {
            assert!(!is_date(bad), "{bad}");
        }
        let d = Date {
            from: "2009-12".into(),
            to: Some("2009-11".into()),
            printed: "x".into(),
        };
        assert!(check_date(&d).is_err());
    }
}
