//! A synthetic national-scale dataset, for the benchmark and the
//! `synthetic` example: made-up LAs, centres, wards and passages written in
//! the layout of `data/` and valid under `casebook check`. Deterministic: the
//! same [`Spec`] always gives the same files (a SplitMix64 generator, no
//! `rand`). Text is assembled from the evaluation's own vocabulary, with the
//! bundled themes and abbreviations, so lengths and word shapes are realistic.
//! Tables A.1–A.9 get a row for every synthetic LA, ward and centre
//! (`tables.rs`), so national-scale panes show figures as the real ones do.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use crate::dataset::{
    Centre, Dataset, Doc, GlossaryEntry, Kind, LocalAuthority, Passage, SurveyFigure, Table, Theme, Ward, slug,
};

mod tables;
mod words;
use words::*;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub las: usize,
    pub centres: usize,
    pub passages: usize,
    pub seed: u64,
}

impl Spec {
    /// England's scale: 152 LAs, 3,600 centres, 50,000 passages.
    pub const NATIONAL: Spec = Spec {
        las: 152,
        centres: 3600,
        passages: 50_000,
        seed: 2009,
    };
}

/// Passages per file under `passages/`.
pub const PASSAGES_PER_FILE: usize = 5000;

/// SplitMix64: tiny, fast, and good enough for made-up text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn place(rng: &mut Rng) -> String {
    let head = *rng.pick(PLACE_HEADS);
    let tail = *rng.pick(PLACE_TAILS);
    // "Mill" + "ley" is "Milley", not "Millley".
    let doubled = tail.chars().next().is_some_and(|c| head.ends_with([c, c]));
    format!("{head}{}", if doubled { &tail[1..] } else { tail })
}

/// A name whose slug is not yet in `used` (suffixing a number if needed).
fn unique(used: &mut HashSet<String>, prefix: &str, mut name: String) -> (String, String) {
    let base = name.clone();
    let mut n = 2;
    while !used.insert(format!("{prefix}{}", slug(&name))) {
        name = format!("{base} {n}");
        n += 1;
    }
    (format!("{prefix}{}", slug(&name)), name)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| f.to_lowercase().chain(c).collect())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Generate a dataset (in memory).
pub fn generate(spec: &Spec) -> Dataset {
    let mut rng = Rng(spec.seed);
    let mut ds = Dataset::default();
    let mut used = HashSet::new();
    for _ in 0..spec.las.max(1) {
        let (id, name) = unique(&mut used, "", place(&mut rng));
        let aliases = if rng.chance(20) {
            vec![format!("{name} City")]
        } else {
            Vec::new()
        };
        ds.las.push(LocalAuthority { id, name, aliases });
    }
    let nla = ds.las.len();
    let mut wards_of: Vec<Vec<usize>> = vec![Vec::new(); nla];
    let mut centres_of: Vec<Vec<usize>> = vec![Vec::new(); nla];
    for k in 0..spec.centres {
        let la = k % nla;
        let la_id = ds.las[la].id.clone();
        let prefix = format!("{la_id}-");
        let base = format!("{}{}", place(&mut rng), rng.pick(CENTRE_TAILS));
        let (ward_id, ward_name) = unique(&mut used, &format!("ward:{prefix}"), base.clone());
        let ward_id = ward_id.trim_start_matches("ward:").to_string();
        wards_of[la].push(ds.wards.len());
        ds.wards.push(Ward {
            id: ward_id.clone(),
            la: la_id.clone(),
            name: ward_name,
            district: None,
        });
        let (id, name) = unique(&mut used, &prefix, base);
        let linked = rng.chance(60);
        centres_of[la].push(ds.centres.len());
        ds.centres.push(Centre {
            id,
            la: la_id.clone(),
            table_name: format!("{} {name}", ds.las[la].name),
            name,
            wards: if linked { vec![ward_id] } else { Vec::new() },
            link_note: Some(if linked { "Linked by name." } else { "No ward link." }.to_string()),
        });
    }
    ds.themes = THEMES
        .iter()
        .map(|(id, label, syn)| Theme {
            id: id.to_string(),
            label: label.to_string(),
            description: format!("Passages about {}.", label.to_lowercase()),
            synonyms: syn.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    ds.glossary = GLOSSARY
        .iter()
        .map(|(a, e)| GlossaryEntry {
            abbr: a.to_string(),
            expansion: e.to_string(),
        })
        .collect();
    for n in 0..spec.passages {
        ds.passages.push(passage(&mut rng, &ds, &centres_of, &wards_of, n));
    }
    ds.tables = tables::tables(spec.seed, &ds.las, &ds.centres, &ds.wards);
    ds
}

fn passage(rng: &mut Rng, ds: &Dataset, centres_of: &[Vec<usize>], wards_of: &[Vec<usize>], n: usize) -> Passage {
    let la = rng.below(ds.las.len());
    let mut las = Vec::new();
    let (mut centre, mut wards) = (None, Vec::new());
    let r = rng.below(100);
    if r < 85 {
        las.push(ds.las[la].id.clone());
        if rng.chance(50) && !centres_of[la].is_empty() {
            let c = &ds.centres[*rng.pick(&centres_of[la])];
            centre = Some(c.id.clone());
            wards = c.wards.clone();
        }
        if wards.is_empty() && rng.chance(30) && !wards_of[la].is_empty() {
            wards.push(ds.wards[*rng.pick(&wards_of[la])].id.clone());
        }
    } else if r < 90 {
        let other = rng.below(ds.las.len());
        las.push(ds.las[la].id.clone());
        if other != la {
            las.push(ds.las[other].id.clone());
        }
    }
    let la_name = ds.las[la].name.as_str();
    let centre_name = centre
        .as_deref()
        .and_then(|c| ds.centre(c))
        .map_or(la_name, |c| c.name.as_str());
    let (object, theme) = *rng.pick(OBJECTS);
    let mut themes = vec![theme.to_string()];
    for _ in 0..rng.below(3) {
        let t = rng.pick(THEMES).0.to_string();
        if !themes.contains(&t) {
            themes.push(t);
        }
    }
    let kind = *rng.pick(KINDS);
    let mut sentences = Vec::new();
    for _ in 0..1 + rng.below(5) {
        sentences.push(sentence(rng, object, la_name, centre_name));
    }
    let figure = (kind == Kind::SurveyFigure).then(|| {
        let (base, pct, group) = (40 + rng.below(400), 5 + rng.below(90), *rng.pick(SURVEY_GROUPS));
        sentences.insert(
            0,
            format!("Of the {base} respondents at {centre_name}, {pct} per cent were {group}."),
        );
        SurveyFigure {
            measure: format!("Respondents who were {group}"),
            value: format!("{pct} per cent"),
            group: None,
        }
    });
    Passage {
        id: format!("syn-{n:06}"),
        kind,
        las,
        centre,
        wards,
        title: title(rng, object, la_name),
        text: sentences.join(" "),
        themes,
        document: if rng.chance(60) { Doc::Baseline } else { Doc::Interim },
        chapter: "Synthetic".to_string(),
        section: if rng.chance(50) {
            format!("Appendix B, {la_name}")
        } else {
            rng.pick(SECTIONS).to_string()
        },
        refs: Vec::new(),
        figure,
        definitions: Vec::new(),
        caveat: None,
        about: Vec::new(),
        stores: None,
        date: None,
    }
}

fn sentence(rng: &mut Rng, object: &str, la: &str, centre: &str) -> String {
    let object = if rng.chance(50) { object } else { rng.pick(OBJECTS).0 };
    match rng.below(4) {
        0 => format!(
            "{} {} {object} {}.",
            rng.pick(ACTORS),
            rng.pick(VERBS),
            rng.pick(QUALIFIERS)
        ),
        1 => {
            let opening = match rng.below(4) {
                0 => format!("In {centre}"),
                1 => format!("In {la}"),
                2 => "By the interim stage".to_string(),
                _ => "Early in the pilot".to_string(),
            };
            let actor = rng.pick(ACTORS);
            let actor = if *actor == "Jobcentre Plus" {
                actor.to_string()
            } else {
                lower_first(actor)
            };
            format!("{opening}, {actor} {} {object}.", rng.pick(VERBS))
        }
        2 => format!("The {} in {centre} said that {}.", rng.pick(ROLES), rng.pick(CLAIMS)),
        _ => format!(
            "{} {object}, and {} {}.",
            capitalise(rng.pick::<&str>(VERBS)),
            rng.pick(CLAIMS),
            rng.pick(QUALIFIERS)
        ),
    }
}

fn title(rng: &mut Rng, object: &str, la: &str) -> String {
    let tail = if rng.chance(40) {
        la.to_string()
    } else {
        rng.pick(GROUPS).to_string()
    };
    let mut words: Vec<String> = format!("{object} {} {tail}", rng.pick(CONNECTORS))
        .split(' ')
        .map(String::from)
        .collect();
    if words.len() < 4 || rng.chance(20) {
        words.insert(0, rng.pick(TITLE_HEADS).to_lowercase());
    }
    words.truncate(10);
    capitalise(&words.join(" "))
}

/// What [`write`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub las: usize,
    pub centres: usize,
    pub wards: usize,
    pub passages: usize,
    pub passage_files: usize,
    pub tables: usize,
    /// Rows across every table.
    pub table_rows: usize,
}

fn ron_list<T: serde::Serialize>(items: &[T]) -> io::Result<String> {
    let mut out = String::from("[\n");
    for item in items {
        let line = ron::to_string(item).map_err(io::Error::other)?;
        out.push_str("    ");
        out.push_str(&line);
        out.push_str(",\n");
    }
    out.push_str("]\n");
    Ok(out)
}

/// One value as RON on one line.
fn s<T: serde::Serialize + ?Sized>(v: &T) -> io::Result<String> {
    ron::to_string(v).map_err(io::Error::other)
}

/// A table in the layout of `data/tables/`: one field a line, one column
/// and one row a line.
fn ron_table(t: &Table) -> io::Result<String> {
    let mut out = String::from("(\n");
    out.push_str(&format!("    id: {},\n", s(&t.id)?));
    out.push_str(&format!("    title: {},\n", s(&t.title)?));
    out.push_str(&format!("    period: {},\n", s(&t.period)?));
    out.push_str(&format!("    units: {},\n", s(&t.units)?));
    out.push_str(&format!("    level: {},\n", s(&t.level)?));
    out.push_str("    columns: [\n");
    for c in &t.columns {
        out.push_str(&format!("        {},\n", s(c)?));
    }
    out.push_str("    ],\n    rows: [\n");
    for r in &t.rows {
        out.push_str(&format!("        {},\n", s(r)?));
    }
    out.push_str(&format!("    ],\n    source: {},\n", s(&t.source)?));
    out.push_str("    notes: [\n");
    for n in &t.notes {
        out.push_str(&format!("        {},\n", s(n)?));
    }
    out.push_str("    ],\n)\n");
    Ok(out)
}

/// Write `ds` to `dir` in the layout of `data/` (tables as
/// `tables/a1.ron`…, passages in files of at most [`PASSAGES_PER_FILE`]).
pub fn write_dataset(dir: &Path, ds: &Dataset) -> io::Result<Summary> {
    std::fs::create_dir_all(dir.join("tables"))?;
    std::fs::create_dir_all(dir.join("passages"))?;
    std::fs::write(dir.join("las.ron"), ron_list(&ds.las)?)?;
    std::fs::write(dir.join("centres.ron"), ron_list(&ds.centres)?)?;
    std::fs::write(dir.join("wards.ron"), ron_list(&ds.wards)?)?;
    std::fs::write(dir.join("themes.ron"), ron_list(&ds.themes)?)?;
    std::fs::write(dir.join("glossary.ron"), ron_list(&ds.glossary)?)?;
    for t in &ds.tables {
        let name = format!("{}.ron", t.id.to_lowercase().replace('.', ""));
        std::fs::write(dir.join("tables").join(name), ron_table(t)?)?;
    }
    let mut files = 0;
    for (k, part) in ds.passages.chunks(PASSAGES_PER_FILE).enumerate() {
        std::fs::write(
            dir.join("passages").join(format!("synthetic-{:03}.ron", k + 1)),
            ron_list(part)?,
        )?;
        files += 1;
    }
    Ok(Summary {
        las: ds.las.len(),
        centres: ds.centres.len(),
        wards: ds.wards.len(),
        passages: ds.passages.len(),
        passage_files: files,
        tables: ds.tables.len(),
        table_rows: ds.tables.iter().map(|t| t.rows.len()).sum(),
    })
}

/// Generate from `spec` and write to `dir`.
pub fn write(dir: &Path, spec: &Spec) -> io::Result<Summary> {
    write_dataset(dir, &generate(spec))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Area;

    #[test]
    fn is_deterministic_and_well_formed() {
        let spec = Spec {
            las: 5,
            centres: 20,
            passages: 200,
            seed: 7,
        };
        let a = generate(&spec);
        let b = generate(&spec);
        assert_eq!(a.passages, b.passages);
        assert_eq!(a.las.len(), 5);
        assert_eq!(a.centres.len(), 20);
        for p in &a.passages {
            let words = p.title.split_whitespace().count();
            assert!((4..=10).contains(&words), "{}", p.title);
            assert!(!p.themes.is_empty());
        }
    }

    #[test]
    fn written_files_load_and_validate() {
        let dir = tempfile::tempdir().unwrap();
        let spec = Spec {
            las: 4,
            centres: 12,
            passages: PASSAGES_PER_FILE + 10,
            seed: 3,
        };
        let summary = write(dir.path(), &spec).unwrap();
        assert_eq!(summary.passage_files, 2);
        let ds = crate::dataset::load_dir(dir.path()).expect("valid under `casebook check`");
        let made = generate(&spec);
        assert_eq!(ds.passages, made.passages);
        assert_eq!(ds.tables, made.tables);
        assert_eq!(summary.tables, 9);
    }

    #[test]
    fn tables_cover_every_area_with_some_cells_missing() {
        let spec = Spec {
            las: 12,
            centres: 300,
            passages: 0,
            seed: 11,
        };
        let ds = generate(&spec);
        let ids: Vec<&str> = ds.tables.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["A.1", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9"]);
        let rows = |id: &str| ds.tables.iter().find(|t| t.id == id).unwrap().rows.clone();
        let areas = |id: &str| rows(id).into_iter().map(|r| r.area).collect::<Vec<_>>();
        let las: Vec<Area> = ds.las.iter().map(|l| Area::La(l.id.clone())).collect();
        assert_eq!(&areas("A.1")[..12], &las[..], "every LA, then GB");
        assert_eq!(areas("A.1")[12], Area::Gb);
        assert_eq!(areas("A.5"), las);
        let wards: Vec<Area> = ds.wards.iter().map(|w| Area::Ward(w.id.clone())).collect();
        assert_eq!(areas("A.9"), wards);
        let mut a4 = areas("A.4");
        a4.sort_by_key(|a| format!("{a:?}"));
        let mut sorted = wards.clone();
        sorted.sort_by_key(|a| format!("{a:?}"));
        assert_eq!(a4, sorted);
        let centres: Vec<Area> = ds.centres.iter().map(|c| Area::Centre(c.id.clone())).collect();
        assert_eq!(areas("A.6"), centres);
        let cells: Vec<Option<String>> = ds
            .tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .flat_map(|r| r.cells.clone())
            .collect();
        let missing = cells.iter().filter(|c| c.is_none()).count();
        assert!(missing > 0 && missing < cells.len() / 2, "{missing} of {}", cells.len());
        // A.9's total is the sum of IS and JSA wherever all three are printed.
        for r in rows("A.9") {
            if let [Some(is), Some(jsa), Some(total)] = &r.cells[..] {
                let n = |s: &str| crate::dataset::parse_figure(s).unwrap().value;
                assert_eq!(n(is) + n(jsa), n(total), "{}", r.label);
            }
        }
        assert_eq!(generate(&spec).tables, ds.tables, "deterministic by seed");
    }
}
