//! The dataset against its sources and its documentation: every caveat
//! resolves what it is about and says what casebook stores; every kind is
//! documented in data/README.md and used as documented; milestones are
//! dated; Appendix C's definitions are linked from the figures they govern;
//! and no prose passage copies a run of 12 or more words from a source
//! (names, lists of names and marked quotations excepted).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use casebook::dataset::{About, CaveatKind, Dataset, Document, Kind, load_bundled};

fn ds() -> Dataset {
    load_bundled().expect("bundled dataset loads")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_caveat_resolves_what_it_is_about() {
    let ds = ds();
    let sections: HashSet<(Document, &str)> = ds.passages.iter().map(|p| (p.document, p.section.as_str())).collect();
    let mut by_kind: BTreeMap<CaveatKind, usize> = BTreeMap::new();
    for c in ds.passages.iter().filter(|p| p.kind == Kind::Caveat) {
        let kind = c.caveat.unwrap_or_else(|| panic!("{} has no caveat kind", c.id));
        *by_kind.entry(kind).or_default() += 1;
        assert!(!c.about.is_empty(), "{} is about nothing", c.id);
        assert!(
            c.stores.as_deref().is_some_and(|s| !s.trim().is_empty()),
            "{} says nothing of what is stored",
            c.id
        );
        for a in &c.about {
            match a {
                About::Passage(id) => assert!(ds.passage(id).is_some(), "{}: unknown passage {id}", c.id),
                About::Section { document, section } => {
                    assert!(
                        sections.contains(&(*document, section.as_str())),
                        "{}: unknown section {section}",
                        c.id
                    )
                }
                About::Table(t) => {
                    let table = ds
                        .table(&t.table)
                        .unwrap_or_else(|| panic!("{}: unknown table {}", c.id, t.table));
                    if let Some(area) = &t.area {
                        assert!(
                            table.rows.iter().any(|r| &r.area == area),
                            "{}: {area:?} not in {}",
                            c.id,
                            t.table
                        );
                    }
                    assert!(t.column.is_none_or(|i| i < table.columns.len()), "{}: column", c.id);
                }
            }
        }
        if kind == CaveatKind::InterimAgainstBaseline {
            let docs: BTreeSet<Document> = c
                .about
                .iter()
                .filter_map(|a| match a {
                    About::Passage(id) => ds.passage(id).map(|p| p.document),
                    About::Section { document, .. } => Some(*document),
                    About::Table(_) => Some(Document::Baseline),
                })
                .collect();
            assert_eq!(docs.len(), 2, "{} must be about both documents", c.id);
        }
    }
    for k in CaveatKind::ALL {
        assert!(
            by_kind.get(&k).copied().unwrap_or(0) >= 3,
            "fewer than three {} caveats",
            k.as_str()
        );
    }
    // The disagreements the audit named are recorded, each beside its passage.
    for (caveat, passage) in [
        (
            "caveat-text-chapter-summary-inactivity",
            "impl-summary-inactivity-claimants",
        ),
        ("caveat-source-summary-white-share", "survey-white-share"),
        ("caveat-source-summary-age-49", "survey-dcsf-age-24-34"),
        ("caveat-source-summary-white-share", "summary-survey-white"),
        ("caveat-source-summary-age-49", "summary-survey-age-25-34"),
        ("caveat-source-jobsearch-current-use", "summary-survey-jcp-office"),
        (
            "caveat-source-summary-benefit-advice",
            "summary-survey-workless-take-up",
        ),
        ("caveat-source-interim-line-managers", "interim-key-pa-support-key"),
        ("caveat-source-jobsearch-current-use", "finding-jcp-take-up"),
        ("caveat-interim-fieldwork-timing", "interim-design-timing"),
        ("caveat-interim-start-date", "interim-bg-scale-and-dates"),
        ("caveat-interim-user-interview-count", "interim-design-user-interviews"),
        (
            "caveat-interim-staff-interview-count",
            "interim-design-staff-interviews",
        ),
    ] {
        assert!(
            ds.caveats_about(passage).any(|c| c.id == caveat),
            "{caveat} is not shown beside {passage}"
        );
    }
}

#[test]
fn a_caveat_about_a_section_is_shown_beside_a_passage_of_it() {
    let ds = ds();
    let mut unseen = Vec::new();
    for c in ds.passages.iter().filter(|p| p.kind == Kind::Caveat) {
        for a in &c.about {
            let About::Section { document, section } = a else {
                continue;
            };
            let shown = c.about_passages().any(|id| {
                ds.passage(id)
                    .is_some_and(|p| p.document == *document && &p.section == section)
            });
            if !shown {
                unseen.push(format!("{}: {section}", c.id));
            }
        }
    }
    assert!(
        unseen.is_empty(),
        "caveats about a section that name none of its passages, so no passage shows them:\n{}",
        unseen.join("\n")
    );
}

#[test]
fn the_summaries_are_passages_figure_by_figure() {
    let ds = ds();
    let summary: Vec<_> = ds
        .passages
        .iter()
        .filter(|p| p.document == Document::Baseline && p.section == "Executive summary" && p.kind != Kind::Caveat)
        .collect();
    // Every figure the Executive summary prints about the user survey.
    let figures: BTreeSet<&str> = summary
        .iter()
        .filter_map(|p| p.figure.as_ref().map(|f| f.value.as_str()))
        .collect();
    for value in [
        "87 per cent",
        "73 per cent",
        "49 per cent",
        "Approximately two-thirds",
        "11 per cent",
        "94 per cent",
        "Thirty seven per cent",
        "20 per cent",
        "13 per cent",
        "four per cent",
        "Sixty-two per cent",
        "one per cent",
        "15 per cent",
        "three per cent",
        "Over half",
        "Forty-eight per cent",
        "85 per cent",
        "66 per cent",
        "24 per cent",
        "ten per cent",
    ] {
        assert!(figures.contains(value), "no Executive summary figure {value}");
    }
    for kind in [
        Kind::SurveyFigure,
        Kind::BaselineFinding,
        Kind::Observation,
        Kind::Context,
    ] {
        assert!(summary.iter().any(|p| p.kind == kind), "no Executive summary {kind}");
    }
    let key = ds
        .passages
        .iter()
        .filter(|p| p.document == Document::Interim && p.section == "Key findings");
    assert!(key.count() >= 7, "the interim summary's seven key findings");
}

/// The kinds table of data/README.md: (RON name, CLI name, example id).
fn documented_kinds() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(root().join("data/README.md")).expect("data/README.md");
    let start = text.find("## Passage kinds").expect("a Passage kinds section");
    text[start..]
        .lines()
        .skip_while(|l| !l.starts_with("| `"))
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<String> = l
                .split('|')
                .map(|c| c.trim().trim_matches('`').to_string())
                .filter(|c| !c.is_empty())
                .collect();
            assert!(cells.len() >= 4, "kinds table row: {l}");
            (cells[0].clone(), cells[1].clone(), cells[cells.len() - 1].clone())
        })
        .collect()
}

#[test]
fn every_kind_is_documented_with_an_example_of_that_kind() {
    let ds = ds();
    let table = documented_kinds();
    for k in Kind::ALL {
        let row = table
            .iter()
            .find(|(_, cli, _)| cli == k.as_str())
            .unwrap_or_else(|| panic!("kind {} is not in data/README.md's kinds table", k.as_str()));
        assert_eq!(row.0, format!("{k:?}"), "RON spelling of {}", k.as_str());
        if matches!(k, Kind::Note | Kind::Finding) {
            continue; // field notes are the user's; `finding` is for other datasets
        }
        let example = ds
            .passage(&row.2)
            .unwrap_or_else(|| panic!("example {} of {} does not exist", row.2, k.as_str()));
        assert_eq!(example.kind, *k, "example {} is not a {}", row.2, k.as_str());
    }
    let used: BTreeSet<Kind> = ds.passages.iter().map(|p| p.kind).collect();
    assert!(
        !used.contains(&Kind::Finding),
        "the bundled data uses the split finding kinds"
    );
    for k in &used {
        assert!(
            table.iter().any(|(_, cli, _)| cli == k.as_str()),
            "{k} used but not documented"
        );
    }
}

#[test]
fn kinds_are_used_as_documented() {
    let ds = ds();
    for p in &ds.passages {
        let interim = p.document == Document::Interim;
        match p.kind {
            Kind::CaseStudyFinding | Kind::Facilitator | Kind::Constraint | Kind::Outcome | Kind::Conclusion => {
                assert!(interim, "{}: a {} comes from the interim summary", p.id, p.kind)
            }
            Kind::BaselineFinding
            | Kind::View
            | Kind::StartUpActivity
            | Kind::Hope
            | Kind::Risk
            | Kind::SurveyFigure => {
                assert!(!interim, "{}: a {} comes from the baseline report", p.id, p.kind)
            }
            Kind::BidAim
            | Kind::BidElement
            | Kind::Engagement
            | Kind::MultiAgency
            | Kind::Supplementary
            | Kind::Partners
            | Kind::Target
            | Kind::StaffingPost => {
                assert!(
                    p.section.starts_with("Appendix B, "),
                    "{}: bid kinds come from Appendix B",
                    p.id
                );
                assert_eq!(p.las.len(), 1, "{}: a bid passage names its one LA", p.id);
            }
            Kind::Milestone => assert!(p.date.is_some(), "{} has no date", p.id),
            _ => {}
        }
        if p.kind != Kind::Milestone {
            assert!(p.date.is_none(), "{}: only milestones are dated", p.id);
        }
        if p.kind == Kind::Target {
            assert!(
                p.text.chars().any(|c| c.is_ascii_digit()),
                "{}: a target is a number the bid commits to",
                p.id
            );
        }
    }
    let milestones: Vec<_> = ds.milestones().map(|(_, p)| p.id.as_str()).collect();
    assert!(milestones.len() >= 12, "{milestones:?}");
    let pos = |id: &str| {
        milestones
            .iter()
            .position(|m| *m == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert!(pos("milestone-pilot-introduced") < pos("intro-pilot-went-live"));
    assert!(pos("intro-pilot-went-live") < pos("milestone-interim-fieldwork"));
    assert!(pos("milestone-interim-fieldwork") < pos("milestone-final-report"));
}

#[test]
fn appendix_c_definitions_govern_survey_figures() {
    let ds = ds();
    let defs: Vec<_> = ds
        .passages
        .iter()
        .filter(|p| p.kind == Kind::Definition && p.section.starts_with("Appendix C"))
        .collect();
    assert!(defs.len() >= 15, "{} Appendix C definitions", defs.len());
    for d in defs {
        assert!(
            ds.passages.iter().any(|p| p.definitions.contains(&d.id)),
            "{} governs no passage",
            d.id
        );
    }
    for (figure, def) in [
        ("survey-full-time-share", "appc-d1-employment-status"),
        ("survey-part-time-share", "appc-d1-employment-status"),
        ("survey-future-advice", "appc-c5-future-purposes"),
        ("survey-income-192-or-less", "appc-e1-income-bands"),
        ("survey-age-order", "appc-f2-age-bands"),
    ] {
        assert!(
            ds.passage(figure)
                .is_some_and(|p| p.definitions.iter().any(|d| d == def)),
            "{figure} → {def}"
        );
    }
    let full_time = ds
        .passage("appc-d1-employment-status")
        .map(|p| p.text.clone())
        .unwrap_or_default();
    assert!(full_time.contains("30 hours or more") && full_time.contains("16-29 hours per week"));
}

const RUN: usize = 12;

fn words(text: &str) -> Vec<String> {
    let folded = text.replace(['\u{2019}', '\u{2018}'], "'");
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text with every marked quotation ("…" or '…' around words) cut out,
/// as separate pieces so no run spans a quotation.
fn unquoted_pieces(text: &str) -> Vec<String> {
    let t = text
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'");
    let mut pieces = vec![String::new()];
    let mut quote: Option<char> = None;
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev_alpha = i > 0 && chars[i - 1].is_alphanumeric();
        let next_alpha = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        match (quote, c) {
            (None, '"') => quote = Some('"'),
            (None, '\'') if !prev_alpha => quote = Some('\''),
            (Some('"'), '"') => {
                quote = None;
                pieces.push(String::new());
            }
            (Some('\''), '\'') if !next_alpha => {
                quote = None;
                pieces.push(String::new());
            }
            (None, _) => pieces.last_mut().expect("one piece").push(c),
            _ => {}
        }
    }
    pieces
}

#[test]
fn no_prose_passage_copies_twelve_words_from_a_source() {
    let dir = Path::new("/work/shared/sources");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: the source documents are not on this machine");
        return;
    };
    let mut runs: HashSet<Vec<String>> = HashSet::new();
    for e in entries.flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        let w: Vec<String> = words(&text).into_iter().map(|w| w.to_lowercase()).collect();
        runs.extend(w.windows(RUN).map(<[String]>::to_vec));
    }
    assert!(!runs.is_empty());
    let ds = ds();
    let mut copied = Vec::new();
    for p in &ds.passages {
        // Every prose field: the title, the text and what a caveat stores.
        let prose = [Some(&p.title), Some(&p.text), p.stores.as_ref()];
        for piece in prose.into_iter().flatten().flat_map(|t| unquoted_pieces(t)) {
            let cased = words(&piece);
            let lower: Vec<String> = cased.iter().map(|w| w.to_lowercase()).collect();
            for (i, run) in lower.windows(RUN).enumerate() {
                // A run mostly of capitalised words or figures is a name or
                // a list of names, which must stay as the source spells it.
                let named = cased[i..i + RUN]
                    .iter()
                    .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                    .count();
                if named * 2 < RUN && runs.contains(run) {
                    copied.push(format!("{}: {}", p.id, run.join(" ")));
                    break;
                }
            }
        }
    }
    assert!(
        copied.is_empty(),
        "{} passages copy a source run:\n{}",
        copied.len(),
        copied.join("\n")
    );
}
