//! The qualitative dataset: every bid review section is covered, the
//! proper names evaluators search by are present with the right LA, every
//! theme is used, passages are well formed and caveats point at real tables.

use std::collections::BTreeSet;

use casebook::dataset::{Dataset, Kind, load_bundled};

fn ds() -> Dataset {
    load_bundled().expect("bundled dataset loads")
}

/// Appendix B's sub-headings per LA, as printed in the baseline report.
const BID_SECTIONS: &[(&str, &str, &[&str])] = &[
    (
        "blackpool",
        "Blackpool",
        &[
            "Specified aims",
            "Core elements/approach and implementation",
            "Blackpool Worklessness Progression Model",
            "Identifying and engaging parents",
            "Implementation through a multi-agency approach",
            "Integrating the Jobcentre Plus Personal Adviser into the children's centre",
            "Supplementary activities",
            "Key partners and partnerships",
        ],
    ),
    (
        "ealing",
        "Ealing",
        &[
            "Specified aims",
            "Core elements/approach and implementation",
            "A four-stage programme of implementation",
            "Identifying and engaging parents",
            "Supplementary activities",
            "Key partners and partnerships",
        ],
    ),
    (
        "kingston-upon-hull",
        "Kingston-upon-Hull",
        &[
            "Specified aims",
            "Core elements/approach and implementation",
            "Standard range of Jobcentre Plus services delivered in children's centres",
            "Support from a project co-ordinator",
            "Identifying and engaging parents",
            "Key partners and partnerships",
        ],
    ),
    (
        "lambeth",
        "Lambeth",
        &[
            "Specified aims",
            "Core elements and how they will be implemented",
            "Jobcentre Plus Personal Adviser role",
            "Specialist outreach",
            "Parent mentoring",
            "Employment Pathway Incentive Fund",
            "Training",
            "Key partners and partnerships",
        ],
    ),
    (
        "nottingham",
        "Nottingham City",
        &[
            "Specified aims",
            "Core elements and how they will be implemented",
            "Community engagement",
            "Partnership approach",
            "Building capacity of existing children's centre workers",
            "Key partners and partnerships",
        ],
    ),
    (
        "redcar-and-cleveland",
        "Redcar and Cleveland",
        &[
            "Specified aims",
            "Personalised Intervention Plan (PIP)",
            "Sign-posting service",
            "Parent champion role",
            "Buddy support",
            "Key partners and partnerships",
        ],
    ),
    (
        "sandwell",
        "Sandwell",
        &[
            "Specified aims",
            "Core elements/approaches and implementation",
            "Jobcentre Plus Personal Adviser embedded within the children's centre",
            "Identifying and engaging parents",
            "Targeted promotion of the pilot services",
            "Key partners and partnerships",
        ],
    ),
    (
        "somerset",
        "Somerset",
        &[
            "Specified aims",
            "Core elements/approach and implementation",
            "Jobcentre Plus Personal Adviser embedded within the children's centre",
            "Package of support for parents",
            "Multi-agency working",
            "Supplementary activities",
        ],
    ),
    (
        "southampton",
        "Southampton",
        &[
            "Specified aims",
            "Core elements and how they will be implemented",
            "Standard range of Jobcentre Plus services delivered in children's centres",
            "Embedding work-focused services within the centre's health services",
            "Passport to success and staff training",
            "Training",
            "Identifying and engaging parents",
            "Supplementary activities",
            "Key partners and partnerships",
        ],
    ),
    (
        "westminster",
        "Westminster",
        &[
            "Specified aims",
            "Core elements/approaches and implementation",
            "Children's centre Employability Framework",
            "Jobcentre Plus Personal Adviser embedded within the children's centre",
            "Identifying and engaging parents",
            "Multi-agency working",
            "Key partners and partnerships",
        ],
    ),
];

#[test]
fn every_la_bid_review_has_every_section() {
    let ds = ds();
    for (la, heading, sections) in BID_SECTIONS {
        for section in *sections {
            let want = format!("Appendix B, {heading}: {section}");
            assert!(
                ds.passages
                    .iter()
                    .any(|p| p.section == want && p.las.iter().any(|l| l == la)),
                "no passage for {want}"
            );
        }
        let kinds: BTreeSet<Kind> = ds
            .passages
            .iter()
            .filter(|p| p.las.iter().any(|l| l == la))
            .map(|p| p.kind)
            .collect();
        for k in [Kind::BidAim, Kind::BidElement] {
            assert!(kinds.contains(&k), "{la} has no {k}");
        }
        if *la != "somerset" {
            // Somerset's review has no "Key partners" heading.
            assert!(kinds.contains(&Kind::Partners), "{la} has no partners passage");
        }
    }
}

#[derive(serde::Deserialize)]
struct Name {
    name: String,
    la: Option<String>,
}

#[test]
fn proper_names_are_present_with_the_right_la() {
    let ds = ds();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/proper_names");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("proper_names dir") {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let list: Vec<Name> = ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        names.extend(list);
    }
    let distinct: BTreeSet<&str> = names.iter().map(|n| n.name.as_str()).collect();
    assert!(distinct.len() >= 40, "only {} names", distinct.len());
    for n in &names {
        let found = ds.passages.iter().any(|p| {
            (p.title.contains(&n.name) || p.text.contains(&n.name)) && n.la.as_ref().is_none_or(|la| p.las.contains(la))
        });
        assert!(found, "`{}` ({:?}) is in no passage of that LA", n.name, n.la);
    }
}

/// The sources' text with curly apostrophes folded and whitespace collapsed,
/// or None when the source documents are not on this machine.
fn source_text() -> Option<String> {
    let dir = std::path::Path::new("/work/shared/sources");
    let mut text = String::new();
    for e in std::fs::read_dir(dir).ok()?.flatten() {
        text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        text.push(' ');
    }
    let folded = text.replace(['\u{2019}', '\u{2018}'], "'");
    Some(folded.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn proper_names_are_spelled_as_the_sources_spell_them() {
    let Some(src) = source_text() else {
        eprintln!("skipped: the source documents are not on this machine");
        return;
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/proper_names");
    for entry in std::fs::read_dir(&dir).expect("proper_names dir") {
        let path = entry.unwrap().path();
        let list: Vec<Name> = ron::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for n in list {
            let name = n.name.replace(['\u{2019}', '\u{2018}'], "'");
            assert!(
                src.contains(&name),
                "{}: `{}` is not spelt so in the sources",
                path.display(),
                n.name
            );
        }
    }
    // Spellings the sources never use, though readers might: passages keep
    // the sources' own (Jobcentre Plus, Index of Multiple Deprivation, …).
    let ds = ds();
    for wrong in [
        "JCP",
        "IMD",
        "JobCentre",
        "Kingston upon Hull",
        "Redcar & Cleveland",
        "Personal Advisor",
    ] {
        assert!(!src.contains(wrong), "the sources do use {wrong}");
        for p in &ds.passages {
            assert!(
                !p.title.contains(wrong) && !p.text.contains(wrong),
                "{} writes {wrong}, which the sources never do",
                p.id
            );
        }
    }
}

#[test]
fn key_names_spot_check() {
    let ds = ds();
    for (name, la) in [
        ("Positive Steps into Work", "blackpool"),
        ("Blackpool Jobs Pledge", "blackpool"),
        ("JobMAET", "nottingham"),
        ("Personalised Intervention Plan (PIP)", "redcar-and-cleveland"),
        ("Employment Pathway Incentive Fund", "lambeth"),
        ("Somerset Skills and Learning", "somerset"),
    ] {
        assert!(
            ds.passages
                .iter()
                .any(|p| (p.text.contains(name) || p.title.contains(name)) && p.las.iter().any(|l| l == la)),
            "{name} for {la}"
        );
    }
}

#[test]
fn every_theme_is_used_and_every_passage_is_well_formed() {
    let ds = ds();
    assert!((15..=30).contains(&ds.themes.len()));
    for t in &ds.themes {
        assert!(
            ds.passages.iter().any(|p| p.themes.contains(&t.id)),
            "theme {} unused",
            t.id
        );
    }
    for p in &ds.passages {
        assert!(!p.themes.is_empty(), "{} has no theme", p.id);
        assert!(!p.section.trim().is_empty(), "{} has no source section", p.id);
        assert!(
            !p.title
                .chars()
                .chain(p.text.chars())
                .any(|c| c.is_control() && c != '\n'),
            "{} has a control char",
            p.id
        );
        if p.kind == Kind::SurveyFigure {
            assert!(p.figure.is_some(), "{} lacks its figure", p.id);
        }
    }
}

#[test]
fn theme_codings_follow_what_the_passages_say() {
    let ds = ds();
    let has = |id: &str, theme: &str| {
        ds.passage(id)
            .unwrap_or_else(|| panic!("no passage {id}"))
            .themes
            .iter()
            .any(|t| t == theme)
    };
    // "Fathers and men" holds only what the sources say about men: the
    // survey's split by gender. Every such passage speaks of women, men or
    // gender, and every survey passage about the gender split carries it.
    for p in ds.passages.iter().filter(|p| p.themes.iter().any(|t| t == "fathers")) {
        let t = format!("{} {}", p.title, p.text).to_lowercase();
        assert!(
            ["women", "men ", "male", "gender"].iter().any(|w| t.contains(w)),
            "{} is coded fathers but says nothing of men or gender",
            p.id
        );
    }
    for id in [
        "survey-women-share",
        "survey-women-groups-socialise",
        "summary-survey-women",
        "summary-survey-women-groups",
        "appc-f1-gender",
    ] {
        assert!(has(id, "fathers"), "{id} is not coded fathers");
    }
    // The codings the audit doubted, as corrected.
    assert!(!has("bid-ealing-element-participation-credits", "outreach"));
    assert!(has("bid-somerset-aim-6", "community") && !has("bid-somerset-aim-6", "health-wellbeing"));
    assert!(!has("interim-delivery-pas-settled", "cultural-differences"));
    assert!(
        ds.passage("prepilot-outreach-element")
            .is_some_and(|p| p.las.iter().any(|l| l == "nottingham"))
    );
}

#[test]
fn caveats_name_tables_that_exist() {
    let ds = ds();
    let caveats: Vec<_> = ds.passages.iter().filter(|p| p.kind == Kind::Caveat).collect();
    assert!(caveats.len() >= 20);
    for c in caveats {
        assert!(c.table_refs().next().is_some() || !c.about.is_empty(), "{}", c.id);
        for r in c.table_refs() {
            let t = ds
                .table(&r.table)
                .unwrap_or_else(|| panic!("{} names missing table {}", c.id, r.table));
            if let Some(area) = &r.area {
                assert!(
                    t.rows.iter().any(|row| &row.area == area),
                    "{}: {:?} not in {}",
                    c.id,
                    area,
                    t.id
                );
            }
        }
    }
    // Known contradictions of the report with its own tables are recorded.
    for id in [
        "caveat-text-vacancies-decline",
        "caveat-text-park-nottingham",
        "caveat-text-ib-below-national-count",
    ] {
        assert!(ds.passage(id).is_some_and(|p| p.kind == Kind::Caveat), "{id}");
    }
}

#[test]
fn the_glossary_expands_abbreviations_and_coverage_spans_both_sources() {
    let ds = ds();
    assert!(
        ds.glossary
            .iter()
            .any(|g| g.abbr == "IB" && g.expansion == "Incapacity Benefit")
    );
    let interim = ds
        .passages
        .iter()
        .filter(|p| p.document == casebook::dataset::Document::Interim)
        .count();
    assert!(interim >= 50);
    for k in [
        Kind::Activity,
        Kind::SurveyFigure,
        Kind::Risk,
        Kind::Observation,
        Kind::NextStage,
        Kind::SuccessFactor,
        Kind::Facilitator,
        Kind::Constraint,
        Kind::Definition,
    ] {
        assert!(ds.passages.iter().any(|p| p.kind == k), "no {k}");
    }
}

/// Words too common in place names to link a centre to a ward on their own.
const GENERIC_WORDS: &[&str] = &[
    "park", "north", "south", "east", "west", "central", "road", "street", "green", "hill", "house", "tree", "and",
    "the", "end", "new", "upon",
];

/// The naming rule of data/README.md ("Centre-ward links"): a ward of the
/// centre's LA is linked when the names match once case, spacing and
/// punctuation are ignored, when the centre's name lists the ward's ("Talbot
/// and Brunswick"), or when they share a distinctive word.
fn linked_by_rule(centre: &str, ward: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let words = |s: &str| -> BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty() && !GENERIC_WORDS.contains(&w.as_str()))
            .collect()
    };
    norm(centre) == norm(ward)
        || centre.split(" and ").any(|part| norm(part) == norm(ward))
        || !words(centre).is_disjoint(&words(ward))
}

#[test]
fn centre_ward_links_follow_the_written_rule_and_say_so() {
    let ds = ds();
    for c in &ds.centres {
        let want: BTreeSet<&str> = ds
            .wards_of(&c.la)
            .filter(|w| linked_by_rule(&c.name, &w.name))
            .map(|w| w.id.as_str())
            .collect();
        let have: BTreeSet<&str> = c.wards.iter().map(String::as_str).collect();
        assert_eq!(have, want, "{}: ward links differ from the naming rule", c.id);
        let note = c.link_note.as_deref().unwrap_or_default();
        if c.wards.is_empty() {
            assert!(note.starts_with("No ward link"), "{}: {note}", c.id);
            assert!(
                !note.contains("shares this centre's name"),
                "{}: claims no ward is similar",
                c.id
            );
        } else {
            assert!(note.contains("by name, not stated in the sources"), "{}: {note}", c.id);
        }
    }
    for (centre, ward) in [
        ("nottingham-bestwood-park", "nottingham-bestwood"),
        ("sandwell-tipton", "sandwell-tipton-green"),
        ("somerset-chard", "somerset-chard-jocelyn"),
        ("lambeth-brixton", "lambeth-brixton-hill"),
        ("lambeth-lark-hall", "lambeth-larkhall"),
    ] {
        assert!(
            ds.centre(centre).is_some_and(|c| c.wards.iter().any(|w| w == ward)),
            "{centre}–{ward}"
        );
    }
}
