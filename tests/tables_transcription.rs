//! An independent second transcription of Tables A.1–A.9 (Baseline report
//! RR602, Appendix A, source lines 901–1136), checked cell by cell against
//! the bundled dataset.
//!
//! Every expected figure below was read from the source text, never from
//! `data/tables/`: two people reading the same page and agreeing is the
//! point. In the expectations, `"-"` stands for an empty cell (`None`):
//! either a printed '-' or a figure the source does not print at all.
//!
//! Each test collects every mismatch in a table before failing, so one run
//! lists them all, each naming the table, the row and the column.

use casebook::dataset::{Area, Dataset, Level, Table, Units, load_bundled};

/// How a row's area is expected to look: `"gb"` is the national row,
/// anything else an id whose kind follows the table's level.
type ExpectRow = (&'static str, &'static str, &'static [&'static str]);

struct Expect {
    id: &'static str,
    title: &'static str,
    units: Units,
    level: Level,
    /// `None` where the printed source has no "Source:" line.
    source: Option<&'static str>,
    /// `None` where the headings are lost in print and reconstructed (A.4;
    /// checked by its own test).
    columns: Option<&'static [&'static str]>,
    /// (area id, row label as printed or its core, cells with "-" for None).
    rows: &'static [ExpectRow],
}

fn dataset() -> Dataset {
    match load_bundled() {
        Ok(ds) => ds,
        Err(e) => panic!("the bundled dataset does not load:\n{e}"),
    }
}

fn table<'a>(ds: &'a Dataset, id: &str) -> &'a Table {
    ds.table(id)
        .unwrap_or_else(|| panic!("Table {id} is missing from the bundled dataset"))
}

fn expected_cell(s: &str) -> Option<&str> {
    if s == "-" { None } else { Some(s) }
}

fn show(cell: Option<&str>) -> String {
    match cell {
        Some(s) => format!("{s:?}"),
        None => "None".to_string(),
    }
}

fn expected_area(level: Level, id: &str) -> Area {
    if id == "gb" {
        return Area::Gb;
    }
    match level {
        Level::La => Area::La(id.to_string()),
        Level::Ward => Area::Ward(id.to_string()),
        Level::Centre => Area::Centre(id.to_string()),
    }
}

fn column_name(t: &Table, i: usize) -> String {
    t.columns
        .get(i)
        .map_or_else(|| format!("column {i}"), |c| format!("column {i} {:?}", c.name))
}

/// Compare one table with its expectation; every problem, one per line.
fn problems(ds: &Dataset, e: &Expect) -> Vec<String> {
    let t = table(ds, e.id);
    let id = e.id;
    let mut out = Vec::new();
    if t.title != e.title {
        out.push(format!(
            "Table {id}: title is {:?}, the source prints {:?}",
            t.title, e.title
        ));
    }
    if t.units != e.units {
        out.push(format!("Table {id}: units are {:?}, expected {:?}", t.units, e.units));
    }
    if t.level != e.level {
        out.push(format!("Table {id}: level is {:?}, expected {:?}", t.level, e.level));
    }
    if let Some(source) = e.source
        && t.source != source
    {
        out.push(format!(
            "Table {id}: source is {:?}, the source line prints {:?}",
            t.source, source
        ));
    }
    if let Some(columns) = e.columns {
        let names: Vec<&str> = t
            .columns
            .iter()
            .map(|c| c.name.trim_end_matches('*').trim_end())
            .collect();
        if names != columns {
            out.push(format!(
                "Table {id}: columns are {names:?}, the source prints {columns:?}"
            ));
        }
    }
    let got: Vec<&str> = t.rows.iter().map(|r| r.area.id()).collect();
    let want: Vec<&str> = e.rows.iter().map(|r| r.0).collect();
    if got != want {
        out.push(format!(
            "Table {id}: {} rows in order {got:?}; the source prints {} rows in order {want:?}",
            got.len(),
            want.len()
        ));
    }
    for (i, &(area, label, cells)) in e.rows.iter().enumerate() {
        let Some(row) = t.rows.get(i) else {
            out.push(format!("Table {id}, row {i} {label:?}: missing"));
            continue;
        };
        let want_area = expected_area(e.level, area);
        if row.area != want_area {
            out.push(format!(
                "Table {id}, row {i} {label:?}: area is {:?}, expected {want_area:?}",
                row.area
            ));
            // Cells of a different row would only add noise.
            continue;
        }
        if !row.label.contains(label) {
            out.push(format!(
                "Table {id}, row {label:?}: label is {:?}, expected it to name {label:?}",
                row.label
            ));
        }
        if row.cells.len() != cells.len() {
            out.push(format!(
                "Table {id}, row {label:?}: {} cells, the source has {} columns",
                row.cells.len(),
                cells.len()
            ));
        }
        for (c, want) in cells.iter().enumerate() {
            let want = expected_cell(want);
            let got = row.cells.get(c).and_then(|x| x.as_deref());
            if got != want {
                out.push(format!(
                    "Table {id}, row {label:?} ({area}), {}: data has {}, the source prints {}",
                    column_name(t, c),
                    show(got),
                    show(want)
                ));
            }
        }
    }
    out
}

fn check(e: &Expect) {
    let ds = dataset();
    let p = problems(&ds, e);
    assert!(
        p.is_empty(),
        "Table {} disagrees with the source in {} places:\n{}",
        e.id,
        p.len(),
        p.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The transcription. Source line numbers refer to
// /work/shared/sources/baseline-report-rr602.txt.
// ---------------------------------------------------------------------------

/// Lines 905–911. Printed transposed: one row per area here.
const A1: Expect = Expect {
    id: "A.1",
    title: "Economic activity and inactivity in the pilot local authorities, October 2007 to September 2008",
    units: Units::Percentage,
    level: Level::La,
    source: Some("ONS Annual Population Survey."),
    columns: Some(&["Economically active", "Economically inactive"]),
    rows: &[
        ("blackpool", "Blackpool", &["73", "27"]),
        ("ealing", "Ealing", &["77", "23"]),
        ("kingston-upon-hull", "Kingston-upon-Hull", &["71", "30"]),
        ("lambeth", "Lambeth", &["77", "24"]),
        ("nottingham", "Nottingham", &["70", "30"]),
        ("redcar-and-cleveland", "Redcar and Cleveland", &["73", "27"]),
        ("sandwell", "Sandwell", &["71", "30"]),
        ("somerset", "Somerset", &["83", "17"]),
        ("southampton", "Southampton", &["79", "21"]),
        ("westminster", "Westminster", &["70", "31"]),
        ("gb", "GB", &["79", "21"]),
    ],
};

/// Lines 915–926. Printed transposed: one row per area here.
const A2: Expect = Expect {
    id: "A.2",
    title: "Key benefits claimed in the pilot local authorities (working age client group), August 2008",
    units: Units::Percentage,
    level: Level::La,
    source: Some("DWP benefit claimants \u{2013} working age client group."),
    columns: Some(&[
        "Jobseekers",
        "Incapacity benefits",
        "Lone parents",
        "Carers",
        "Others on income-related benefits",
        "Disabled",
        "Bereaved",
    ]),
    rows: &[
        ("blackpool", "Blackpool", &["3", "13", "3", "2", "1", "2", "-"]),
        ("ealing", "Ealing", &["3", "6", "3", "1", "1", "1", "-"]),
        (
            "kingston-upon-hull",
            "Kingston-upon-Hull",
            &["5", "9", "3", "2", "1", "1", "-"],
        ),
        ("lambeth", "Lambeth", &["4", "7", "4", "1", "1", "1", "-"]),
        ("nottingham", "Nottingham", &["4", "9", "3", "1", "1", "1", "-"]),
        (
            "redcar-and-cleveland",
            "Redcar and Cleveland",
            &["4", "10", "3", "2", "1", "1", "-"],
        ),
        ("sandwell", "Sandwell", &["5", "9", "3", "2", "1", "1", "-"]),
        ("somerset", "Somerset", &["1", "6", "1", "1", "-", "1", "-"]),
        ("southampton", "Southampton", &["2", "6", "2", "1", "-", "1", "-"]),
        ("westminster", "Westminster", &["2", "6", "2", "1", "1", "1", "-"]),
        ("gb", "GB", &["2", "7", "2", "1", "1", "1", "-"]),
    ],
};

/// Lines 930–944.
const A3: Expect = Expect {
    id: "A.3",
    title: "Numbers of unfilled Jobcentre Plus vacancies in the pilot local authorities, April 2007, 2008 and 2009",
    units: Units::Count,
    level: Level::La,
    source: Some("Jobcentre Plus vacancies \u{2013} summary analysis."),
    columns: Some(&["April 2007", "April 2008", "April 2009"]),
    rows: &[
        ("blackpool", "Blackpool", &["514", "1,156", "1,331"]),
        ("ealing", "Ealing", &["900", "1,268", "1,244"]),
        ("kingston-upon-hull", "Kingston-upon-Hull", &["508", "1,292", "1,403"]),
        ("lambeth", "Lambeth", &["611", "1,173", "714"]),
        ("nottingham", "Nottingham", &["1,254", "2,802", "2,290"]),
        ("redcar-and-cleveland", "Redcar and Cleveland", &["448", "540", "437"]),
        ("sandwell", "Sandwell", &["808", "2,545", "2,022"]),
        ("somerset", "Somerset", &["1,976", "2,634", "3,005"]),
        ("southampton", "Southampton", &["638", "1,411", "1,875"]),
        ("westminster", "Westminster", &["1,012", "1,395", "1,453"]),
    ],
};

/// Lines 946–993. Columns: ward active, LA active, ward inactive, LA
/// inactive. Part 1 (lines 951–969) prints three figures on a group's first
/// row; the third is placed by which active figure it complements to 100:
/// - Talbot 71 74 26: 100-74 = 26 → LA inactive.
/// - Cleveland 75 75 25: fits both → neither placed.
/// - Southcoates West 80 71 20: 100-80 = 20 → ward inactive.
/// - Larkhall 75 76 24: 100-76 = 24 → LA inactive.
/// - Basford 73 65 27: 100-73 = 27 → ward inactive.
///
/// Part 2 (lines 977–991) prints all four on a group's first row.
/// Aspley prints 65 and 38 (sum 103) and Bevois LA 72 and 29 (sum 101): as printed.
const A4: Expect = Expect {
    id: "A.4",
    title: "Economic activity and inactivity in the key wards served, by the pilot children's centres, 2001",
    units: Units::Percentage,
    level: Level::Ward,
    source: Some("Census of Population."),
    columns: None,
    rows: &[
        ("blackpool-talbot", "Talbot", &["71", "74", "-", "26"]),
        ("blackpool-brunswick", "Brunswick", &["68", "-", "32", "-"]),
        ("blackpool-clifton", "Clifton", &["71", "-", "29", "-"]),
        ("blackpool-park", "Park", &["68", "-", "32", "-"]),
        ("blackpool-layton", "Layton", &["76", "-", "24", "-"]),
        ("ealing-cleveland", "Cleveland", &["75", "75", "-", "-"]),
        ("ealing-dormers-wells", "Dormers Wells", &["67", "-", "33", "-"]),
        ("ealing-northolt-west-end", "Northolt West End", &["71", "-", "29", "-"]),
        ("ealing-norwood-green", "Norwood Green", &["65", "-", "35", "-"]),
        ("ealing-south-acton", "South Acton", &["73", "-", "27", "-"]),
        (
            "kingston-upon-hull-southcoates-west",
            "Southcoates West",
            &["80", "71", "20", "-"],
        ),
        ("kingston-upon-hull-newland", "Newland", &["55", "-", "45", "-"]),
        (
            "kingston-upon-hull-orchard-park-and-greenwood",
            "Orchard Park and Greenwood",
            &["59", "-", "41", "-"],
        ),
        ("lambeth-larkhall", "Larkhall", &["75", "76", "-", "24"]),
        ("lambeth-brixton-hill", "Brixton Hill", &["78", "-", "22", "-"]),
        ("lambeth-coldharbour", "Coldharbour", &["70", "-", "30", "-"]),
        ("nottingham-basford", "Basford", &["73", "65", "27", "-"]),
        ("nottingham-bestwood", "Bestwood", &["70", "-", "30", "-"]),
        ("nottingham-aspley", "Aspley", &["65", "-", "38", "-"]),
        ("redcar-and-cleveland-loftus", "Loftus", &["67", "70", "33", "30"]),
        ("redcar-and-cleveland-grangetown", "Grangetown", &["55", "-", "45", "-"]),
        (
            "redcar-and-cleveland-kirkleatham",
            "Kirkleatham",
            &["62", "-", "38", "-"],
        ),
        ("sandwell-friar-park", "Friar Park", &["68", "73", "32", "27"]),
        ("sandwell-wednesbury-north", "Wednesbury North", &["73", "-", "27", "-"]),
        ("sandwell-tipton-green", "Tipton Green", &["73", "-", "27", "-"]),
        ("somerset-watchet", "Watchet", &["73", "75", "27", "25"]),
        ("somerset-williton", "Williton", &["71", "-", "29", "-"]),
        ("somerset-chard-jocelyn", "Chard Jocelyn", &["81", "81", "19", "19"]),
        ("southampton-bevois", "Bevois", &["57", "72", "43", "29"]),
        ("southampton-peartree", "Peartree", &["79", "-", "21", "-"]),
        ("southampton-woolston", "Woolston", &["76", "-", "24", "-"]),
        ("westminster-church-street", "Church Street", &["60", "71", "40", "29"]),
        ("westminster-queens-park", "Queens Park", &["64", "-", "36", "-"]),
        ("westminster-harrow-road", "Harrow Road", &["69", "-", "31", "-"]),
    ],
};

/// Lines 997–1011.
const A5: Expect = Expect {
    id: "A.5",
    title: "Levels of deprivation among the pilot local authorities",
    units: Units::Rank,
    level: Level::La,
    source: Some("Indices of Deprivation 2007."),
    columns: Some(&["Rank of average score"]),
    rows: &[
        ("blackpool", "Blackpool", &["12"]),
        ("ealing", "Ealing", &["84"]),
        ("kingston-upon-hull", "Kingston-upon-Hull", &["11"]),
        ("lambeth", "Lambeth", &["19"]),
        ("nottingham", "Nottingham", &["13"]),
        ("redcar-and-cleveland", "Redcar and Cleveland", &["50"]),
        ("sandwell", "Sandwell", &["14"]),
        ("somerset", "West Somerset", &["106"]),
        ("southampton", "Southampton", &["91"]),
        ("westminster", "Westminster", &["72"]),
    ],
};

/// Lines 1015–1057 (the source text is tab-separated: read the fields by
/// tab, not by eye). Part 1 prints the BME column twice (kept once). In
/// part 2, Southampton leaves the workless field empty and prints lone
/// parents then '-' for BME (`Urban\t\t29\t-`, lines 1050–1052, matching
/// the 20 to 30 per cent of lone parent families the text gives for
/// Southampton at line 465); Westminster prints workless and lone parents
/// and leaves BME empty (`Urban\t49\t32\t`, lines 1053–1055).
const A6: Expect = Expect {
    id: "A.6",
    title: "Reach area profile for the pilot children\u{2019}s centres",
    units: Units::Percentage,
    level: Level::Centre,
    source: Some("Information provided by the pilot local authorities, 2008."),
    columns: Some(&[
        "Area description",
        "Proportion of children in workless households, 0-4",
        "Proportion of lone parent families",
        "Ethnicity (percentage of BME)",
    ]),
    rows: &[
        ("blackpool-clifton", "Clifton", &["Urban", "40", "35", "1"]),
        (
            "blackpool-talbot-and-brunswick",
            "Talbot and Brunswick",
            &["Urban", "38", "35", "2"],
        ),
        ("blackpool-grange-park", "Grange Park", &["Urban", "42", "31", "3"]),
        ("ealing-dormers-wells", "Dormers Wells", &["Urban", "33", "15", "74"]),
        ("ealing-south-acton", "South Acton", &["Urban", "38", "12", "33"]),
        ("ealing-limetrees", "Limetrees", &["Urban", "40", "15", "34"]),
        (
            "kingston-upon-hull-macmillan",
            "Macmillan",
            &["Urban", "48", "9.4", "-"],
        ),
        ("kingston-upon-hull-escourt", "Escourt", &["Urban", "29", "2", "-"]),
        ("kingston-upon-hull-fenchurch", "Fenchurch", &["Urban", "35", "2", "-"]),
        ("lambeth-lark-hall", "Lark Hall", &["Urban", "41", "21", "27+"]),
        ("lambeth-brixton", "Brixton", &["Urban", "45", "17", "44+"]),
        ("lambeth-tree-house", "Tree House", &["Urban", "38", "-", "-"]),
        ("nottingham-basford", "Basford", &["Urban", "37", "-", "-"]),
        ("nottingham-north-west", "North West", &["Urban", "56", "-", "-"]),
        ("nottingham-bestwood-park", "Bestwood Park", &["Urban", "37", "-", "-"]),
        ("redcar-and-cleveland-loftus", "Loftus", &["Urban", "35", "9", "1"]),
        (
            "redcar-and-cleveland-grangetown",
            "Grangetown",
            &["Urban", "37", "25", "1"],
        ),
        ("redcar-and-cleveland-redcar", "Redcar", &["Urban", "35", "13", "2"]),
        ("sandwell-friar-park", "Friar Park", &["Urban", "12", "10", "4"]),
        ("sandwell-tipton", "Tipton", &["Urban", "10", "8", "6"]),
        (
            "sandwell-wednesbury-north",
            "Wednesbury North",
            &["Urban", "7", "10", "11"],
        ),
        ("somerset-watchet", "Watchet", &["Mostly rural", "-", "-", "-"]),
        ("somerset-williton", "Williton", &["Mostly rural", "-", "-", "-"]),
        ("somerset-chard", "Chard", &["Mostly urban", "-", "-", "-"]),
        ("southampton-central", "Central", &["Urban", "-", "29", "-"]),
        ("southampton-woolston", "Woolston", &["Urban", "-", "20", "-"]),
        ("southampton-weston-park", "Weston Park", &["Urban", "-", "25", "-"]),
        (
            "westminster-church-street",
            "Church Street",
            &["Urban", "49", "32", "-"],
        ),
        ("westminster-harrow-road", "Harrow Road", &["Urban", "46", "36", "-"]),
        ("westminster-queens-park", "Queens Park", &["Urban", "47", "38", "-"]),
    ],
};

/// Lines 1059–1081.
const A7: Expect = Expect {
    id: "A.7",
    title: "Number of workless lone parent households in the pilot local authorities",
    units: Units::Count,
    level: Level::La,
    source: Some("ONS Annual Population Survey 2007."),
    columns: Some(&["Workless lone parent households"]),
    rows: &[
        ("ealing", "Ealing", &["4,800"]),
        ("lambeth", "Lambeth", &["9,000"]),
        ("westminster", "Westminster", &["3,700"]),
        ("sandwell", "Sandwell", &["5,500"]),
        ("redcar-and-cleveland", "Redcar and Cleveland", &["2,100"]),
        ("blackpool", "Blackpool", &["3,200"]),
        ("kingston-upon-hull", "Kingston-upon-Hull", &["5,400"]),
        ("nottingham", "Nottingham", &["5,500"]),
        ("southampton", "Southampton", &["2,700"]),
        ("somerset", "Somerset", &["4,100"]),
    ],
};

/// Lines 1083–1101.
const A8: Expect = Expect {
    id: "A.8",
    title: "Numbers of IB and JSA claimants in the ten pilot local authorities",
    units: Units::Count,
    level: Level::La,
    source: Some("DWP Information Directorate Work and Pensions Longitudinal Study (WPLS), November 2008."),
    columns: Some(&["Claims IB", "Claims JSA"]),
    rows: &[
        ("ealing", "Ealing", &["11,500", "5,700"]),
        ("lambeth", "Lambeth", &["12,400", "7,800"]),
        ("westminster", "Westminster", &["9,800", "3,400"]),
        ("sandwell", "Sandwell", &["14,800", "9,200"]),
        ("redcar-and-cleveland", "Redcar and Cleveland", &["7,400", "3,800"]),
        ("blackpool", "Blackpool", &["10,000", "3,500"]),
        ("kingston-upon-hull", "Kingston-upon-Hull", &["13,000", "10,600"]),
        ("nottingham", "Nottingham", &["15,500", "8,700"]),
        ("southampton", "Southampton", &["8,600", "4,500"]),
        ("somerset", "Somerset", &["16,100", "5,100"]),
    ],
};

/// Lines 1103–1135. The source prints no "Source:" line for this table.
const A9: Expect = Expect {
    id: "A.9",
    title: "Number of IS and JSA clients at the end of January 2009 who are lone parents",
    units: Units::Count,
    level: Level::Ward,
    source: None,
    columns: Some(&["IS", "JSA", "Total"]),
    rows: &[
        ("nottingham-aspley", "Aspley", &["1,185", "50", "1,235"]),
        ("nottingham-basford", "Basford", &["561", "31", "592"]),
        ("nottingham-bestwood", "Bestwood", &["620", "39", "659"]),
        ("lambeth-brixton-hill", "Brixton Hill", &["420", "34", "454"]),
        ("lambeth-coldharbour", "Coldharbour", &["951", "67", "1,018"]),
        ("lambeth-larkhall", "Larkhall", &["561", "34", "595"]),
        ("blackpool-brunswick", "Brunswick", &["522", "38", "560"]),
        ("blackpool-clifton", "Clifton", &["535", "25", "560"]),
        ("blackpool-layton", "Layton", &["161", "8", "169"]),
        ("blackpool-park", "Park", &["3,118", "194", "3,312"]),
        ("blackpool-talbot", "Talbot", &["436", "18", "454"]),
        ("somerset-chard-jocelyn", "Chard Jocelyn", &["26", "0", "26"]),
        ("somerset-watchet", "Watchet", &["60", "1", "61"]),
        ("somerset-williton", "Williton", &["55", "2", "57"]),
        ("westminster-church-street", "Church Street", &["570", "29", "599"]),
        ("westminster-queens-park", "Queens Park", &["262", "32", "294"]),
        ("ealing-dormers-wells", "Dormers Wells", &["386", "20", "406"]),
        ("ealing-northolt-west-end", "Northolt West End", &["666", "29", "695"]),
        ("ealing-norwood-green", "Norwood Green", &["412", "23", "435"]),
        ("ealing-south-acton", "South Acton", &["415", "20", "435"]),
        ("sandwell-friar-park", "Friar Park", &["378", "21", "399"]),
        ("sandwell-tipton-green", "Tipton Green", &["461", "26", "487"]),
        ("sandwell-wednesbury-north", "Wednesbury North", &["281", "14", "295"]),
        ("redcar-and-cleveland-grangetown", "Grangetown", &["849", "44", "893"]),
        ("redcar-and-cleveland-loftus", "Loftus", &["172", "10", "182"]),
        ("redcar-and-cleveland-kirkleatham", "Kirkleatham", &["206", "15", "221"]),
        ("kingston-upon-hull-pickering", "Pickering", &["266", "15", "281"]),
        (
            "kingston-upon-hull-southcoates-west",
            "Southcoates West",
            &["161", "13", "174"],
        ),
        ("southampton-sholing", "Sholing", &["162", "14", "176"]),
        ("southampton-woolston", "Woolston", &["457", "26", "483"]),
    ],
};

const ALL: [&Expect; 9] = [&A1, &A2, &A3, &A4, &A5, &A6, &A7, &A8, &A9];

// ---------------------------------------------------------------------------
// Whole-table checks.
// ---------------------------------------------------------------------------

#[test]
fn table_a1_matches_the_source() {
    check(&A1);
}

#[test]
fn table_a2_matches_the_source() {
    check(&A2);
}

#[test]
fn table_a3_matches_the_source() {
    check(&A3);
}

#[test]
fn table_a4_matches_the_source() {
    check(&A4);
}

#[test]
fn table_a5_matches_the_source() {
    check(&A5);
}

#[test]
fn table_a6_matches_the_source() {
    check(&A6);
}

#[test]
fn table_a7_matches_the_source() {
    check(&A7);
}

#[test]
fn table_a8_matches_the_source() {
    check(&A8);
}

#[test]
fn table_a9_matches_the_source() {
    check(&A9);
}

#[test]
fn the_dataset_has_exactly_the_nine_tables_in_order() {
    let ds = dataset();
    let ids: Vec<&str> = ds.tables.iter().map(|t| t.id.as_str()).collect();
    let want: Vec<&str> = ALL.iter().map(|e| e.id).collect();
    assert_eq!(ids, want, "tables present, in order");
}

#[test]
fn every_row_has_one_cell_per_column() {
    let ds = dataset();
    let mut p = Vec::new();
    for t in &ds.tables {
        for r in &t.rows {
            if r.cells.len() != t.columns.len() {
                p.push(format!(
                    "Table {}, row {:?}: {} cells for {} columns",
                    t.id,
                    r.label,
                    r.cells.len(),
                    t.columns.len()
                ));
            }
        }
    }
    assert!(p.is_empty(), "{}", p.join("\n"));
}

// ---------------------------------------------------------------------------
// Table A.4's headings are garbled in print (lines 949–950 and 976): the
// names are reconstructed, so check their meaning rather than their wording.
// ---------------------------------------------------------------------------

#[test]
fn table_a4_columns_are_ward_and_la_active_then_inactive() {
    let ds = dataset();
    let t = table(&ds, "A.4");
    let names: Vec<String> = t.columns.iter().map(|c| c.name.to_lowercase()).collect();
    assert_eq!(names.len(), 4, "Table A.4: 4 columns expected, got {names:?}");
    let active = |n: &str| n.contains("active") && !n.contains("inactive");
    let la = |n: &str| n.contains("local authority") || n.contains("la ");
    assert!(
        active(&names[0]) && !la(&names[0]),
        "Table A.4 column 0 should be ward active: {:?}",
        names[0]
    );
    assert!(
        !names[1].contains("inactive") && la(&names[1]),
        "Table A.4 column 1 should be LA active: {:?}",
        names[1]
    );
    assert!(
        names[2].contains("inactive") && !la(&names[2]),
        "Table A.4 column 2 should be ward inactive: {:?}",
        names[2]
    );
    assert!(
        names[3].contains("inactive") && la(&names[3]),
        "Table A.4 column 3 should be LA inactive: {:?}",
        names[3]
    );
}

#[test]
fn table_a6_area_description_is_the_only_text_column() {
    let ds = dataset();
    let t = table(&ds, "A.6");
    let text: Vec<bool> = t.columns.iter().map(|c| c.text).collect();
    assert_eq!(
        text,
        [true, false, false, false],
        "Table A.6: only column 0 (Area description) is text"
    );
    for other in ds.tables.iter().filter(|t| t.id != "A.6") {
        for c in &other.columns {
            assert!(!c.text, "Table {}, column {:?}: figures, not text", other.id, c.name);
        }
    }
}

// ---------------------------------------------------------------------------
// Groups, markers and notes, as printed.
// ---------------------------------------------------------------------------

fn group_of<'a>(t: &'a Table, area: &str) -> Option<&'a str> {
    t.rows
        .iter()
        .find(|r| r.area.id() == area)
        .and_then(|r| r.group.as_deref())
}

#[test]
fn table_a4_groups_follow_the_printed_prefixes() {
    let ds = dataset();
    let t = table(&ds, "A.4");
    let want = [
        ("blackpool-talbot", "Blackpool"),
        ("blackpool-layton", "Blackpool"),
        ("ealing-cleveland", "Ealing"),
        ("kingston-upon-hull-newland", "Kingston-upon-Hull"),
        ("lambeth-coldharbour", "Lambeth"),
        ("nottingham-aspley", "Nottingham"),
        ("redcar-and-cleveland-loftus", "Redcar and Cleveland"),
        ("sandwell-tipton-green", "Sandwell"),
        ("somerset-watchet", "West Somerset"),
        ("somerset-williton", "West Somerset"),
        ("somerset-chard-jocelyn", "South Somerset"),
        ("southampton-bevois", "Southampton"),
        ("westminster-harrow-road", "Westminster"),
    ];
    for (area, group) in want {
        assert_eq!(group_of(t, area), Some(group), "Table A.4, row {area}: group");
    }
}

#[test]
fn table_a9_park_sits_in_the_blackpool_group() {
    let ds = dataset();
    let t = table(&ds, "A.9");
    let want = [
        ("nottingham-aspley", "Nottingham"),
        ("nottingham-bestwood", "Nottingham"),
        ("lambeth-larkhall", "Lambeth"),
        ("blackpool-brunswick", "Blackpool"),
        ("blackpool-park", "Blackpool"),
        ("blackpool-talbot", "Blackpool"),
        ("somerset-williton", "Somerset"),
        ("westminster-queens-park", "Westminster"),
        ("ealing-south-acton", "Ealing"),
        ("sandwell-wednesbury-north", "Sandwell"),
        ("redcar-and-cleveland-kirkleatham", "Redcar and Cleveland"),
        ("kingston-upon-hull-southcoates-west", "Kingston-upon-Hull"),
        ("southampton-woolston", "Southampton"),
    ];
    for (area, group) in want {
        assert_eq!(group_of(t, area), Some(group), "Table A.9, row {area}: group");
    }
}

#[test]
fn tables_a7_a8_keep_markers_out_of_labels_and_cells() {
    let ds = dataset();
    // (table, [(area id, label, markers)])
    type Markers<'a> = (&'a str, &'a [(&'a str, &'a str, &'a [&'a str])]);
    let want: [Markers; 2] = [
        (
            "A.7",
            &[
                ("ealing", "Ealing", &["#"]),
                ("lambeth", "Lambeth", &[]),
                ("westminster", "Westminster", &["#"]),
                ("kingston-upon-hull", "Kingston-upon-Hull, City of", &[]),
                ("southampton", "Southampton", &["#"]),
                ("somerset", "Somerset", &["*", "#"]),
            ],
        ),
        (
            "A.8",
            &[
                ("ealing", "Ealing", &[]),
                ("kingston-upon-hull", "Kingston-upon-Hull, City of", &[]),
                ("somerset", "Somerset", &["*"]),
            ],
        ),
    ];
    for (id, rows) in want {
        let t = table(&ds, id);
        for &(area, label, markers) in rows {
            let r = t
                .rows
                .iter()
                .find(|r| r.area == Area::La(area.to_string()))
                .unwrap_or_else(|| panic!("Table {id}: no row for {area}"));
            assert_eq!(
                r.label, label,
                "Table {id}, row {area}: label as printed, without markers"
            );
            assert_eq!(r.markers, markers, "Table {id}, row {label:?}: markers");
        }
        for r in &t.rows {
            for c in r.cells.iter().flatten() {
                assert!(
                    !c.contains(['#', '*']),
                    "Table {id}, row {:?}: marker in cell {c:?}",
                    r.label
                );
            }
        }
    }
}

#[test]
fn notes_beneath_the_tables_are_kept() {
    let ds = dataset();
    let want: [(&str, &str); 9] = [
        (
            "A.1",
            "Percentage given to the nearest whole number and is a proportion of total working age population (16-59/64).",
        ),
        ("A.2", "Percentage is a proportion of total working age population."),
        ("A.4", "Percentages are based on working age population."),
        (
            "A.5",
            "A relative ranking of areas, according to their level of deprivation is provided here (out of 354 districts in England).",
        ),
        ("A.7", "All numbers are rounded to the nearest 100."),
        ("A.7", "Has a sample size below 30."),
        (
            "A.7",
            "Somerset is made up of Mendip, Sedgemoor, Taunton Deane, South Somerset and West Somerset.",
        ),
        ("A.8", "All figures are rounded to the nearest 100."),
        (
            "A.8",
            "Somerset is made up of Mendip, Sedgemoor, Taunton Deane, South Somerset and West Somerset.",
        ),
    ];
    for (id, note) in want {
        let t = table(&ds, id);
        assert!(
            t.notes.iter().any(|n| n.contains(note)),
            "Table {id}: no note containing {note:?}; notes are {:?}",
            t.notes
        );
    }
}

// ---------------------------------------------------------------------------
// Classic transcription mistakes, each checked on its own.
// ---------------------------------------------------------------------------

fn cell<'a>(ds: &'a Dataset, table_id: &str, area: &Area, column: usize) -> Option<&'a str> {
    let t = table(ds, table_id);
    let r = t
        .rows
        .iter()
        .find(|r| &r.area == area)
        .unwrap_or_else(|| panic!("Table {table_id}: no row for {}", area.id()));
    r.cells
        .get(column)
        .unwrap_or_else(|| panic!("Table {table_id}, row {:?}: no column {column}", r.label))
        .as_deref()
}

#[test]
fn a2_bereaved_is_empty_for_every_area_never_zero() {
    let ds = dataset();
    let t = table(&ds, "A.2");
    let col = t
        .columns
        .iter()
        .position(|c| c.name == "Bereaved")
        .expect("Table A.2 has a Bereaved column");
    assert_eq!(t.rows.len(), 11, "Table A.2: ten LAs and GB");
    for r in &t.rows {
        assert_eq!(
            r.cells.get(col).cloned().flatten(),
            None,
            "Table A.2, row {:?}, column Bereaved: printed '-'",
            r.label
        );
    }
}

#[test]
fn a2_others_on_income_related_benefits_are_empty_for_somerset_and_southampton() {
    let ds = dataset();
    for la in ["somerset", "southampton"] {
        assert_eq!(
            cell(&ds, "A.2", &Area::La(la.into()), 4),
            None,
            "Table A.2, row {la}, column Others: printed '-'"
        );
    }
}

#[test]
fn a2_and_a1_have_a_gb_row_last() {
    let ds = dataset();
    for id in ["A.1", "A.2"] {
        let t = table(&ds, id);
        assert_eq!(
            t.rows.last().map(|r| &r.area),
            Some(&Area::Gb),
            "Table {id}: the GB row comes last"
        );
        assert_eq!(
            t.rows.iter().filter(|r| r.area == Area::Gb).count(),
            1,
            "Table {id}: one GB row"
        );
    }
}

#[test]
fn a9_chard_jocelyn_jsa_is_a_real_zero() {
    let ds = dataset();
    let area = Area::Ward("somerset-chard-jocelyn".into());
    assert_eq!(
        cell(&ds, "A.9", &area, 1),
        Some("0"),
        "Table A.9, row Chard Jocelyn, column JSA: printed 0"
    );
}

#[test]
fn a6_macmillan_lone_parent_share_is_9_point_4() {
    let ds = dataset();
    let area = Area::Centre("kingston-upon-hull-macmillan".into());
    assert_eq!(
        cell(&ds, "A.6", &area, 2),
        Some("9.4"),
        "Table A.6, row Macmillan, column lone parent families"
    );
}

#[test]
fn a6_southampton_figures_are_lone_parent_shares_not_workless() {
    // Lines 1050–1052: "Urban", an empty workless field, the lone-parent
    // figure, then '-' for BME. Read by eye, the figure looks like workless.
    let ds = dataset();
    for (centre, lone_parents) in [("central", "29"), ("woolston", "20"), ("weston-park", "25")] {
        let area = Area::Centre(format!("southampton-{centre}"));
        assert_eq!(
            cell(&ds, "A.6", &area, 1),
            None,
            "Table A.6, row {centre}, column 1 (workless 0-4): empty"
        );
        assert_eq!(
            cell(&ds, "A.6", &area, 2),
            Some(lone_parents),
            "Table A.6, row {centre}, column 2 (lone parents)"
        );
        assert_eq!(
            cell(&ds, "A.6", &area, 3),
            None,
            "Table A.6, row {centre}, column 3 (BME): printed '-'"
        );
    }
}

#[test]
fn a6_lambeth_bme_keeps_the_plus_sign() {
    let ds = dataset();
    assert_eq!(
        cell(&ds, "A.6", &Area::Centre("lambeth-lark-hall".into()), 3),
        Some("27+")
    );
    assert_eq!(
        cell(&ds, "A.6", &Area::Centre("lambeth-brixton".into()), 3),
        Some("44+")
    );
}

#[test]
fn a6_somerset_watchet_is_a_centre_with_a_text_description() {
    let ds = dataset();
    let area = Area::Centre("somerset-watchet".into());
    assert_eq!(
        cell(&ds, "A.6", &area, 0),
        Some("Mostly rural"),
        "Table A.6, row Somerset Watchet, Area description"
    );
    assert_eq!(
        cell(&ds, "A.6", &Area::Centre("somerset-chard".into()), 0),
        Some("Mostly urban")
    );
}

#[test]
fn a5_west_somerset_row_is_the_somerset_la() {
    let ds = dataset();
    let t = table(&ds, "A.5");
    let r = t
        .rows
        .iter()
        .find(|r| r.label == "West Somerset")
        .expect("Table A.5 prints a West Somerset row");
    assert_eq!(r.area, Area::La("somerset".into()));
    assert_eq!(r.cells, [Some("106".to_string())]);
}

#[test]
fn a4_first_rows_of_part_one_place_the_third_figure_by_what_it_complements() {
    let ds = dataset();
    // (ward, ward inactive, LA inactive), read from lines 951, 956, 961, 964, 967.
    let want: [(&str, Option<&str>, Option<&str>); 5] = [
        ("blackpool-talbot", None, Some("26")),
        ("ealing-cleveland", None, None),
        ("kingston-upon-hull-southcoates-west", Some("20"), None),
        ("lambeth-larkhall", None, Some("24")),
        ("nottingham-basford", Some("27"), None),
    ];
    for (ward, ward_inactive, la_inactive) in want {
        let area = Area::Ward(ward.into());
        assert_eq!(
            cell(&ds, "A.4", &area, 2),
            ward_inactive,
            "Table A.4, row {ward}, column 2 (ward inactive)"
        );
        assert_eq!(
            cell(&ds, "A.4", &area, 3),
            la_inactive,
            "Table A.4, row {ward}, column 3 (LA inactive)"
        );
    }
}

#[test]
fn a4_la_figures_appear_only_on_each_groups_first_row() {
    let ds = dataset();
    let t = table(&ds, "A.4");
    let firsts = [
        "blackpool-talbot",
        "ealing-cleveland",
        "kingston-upon-hull-southcoates-west",
        "lambeth-larkhall",
        "nottingham-basford",
        "redcar-and-cleveland-loftus",
        "sandwell-friar-park",
        "somerset-watchet",
        "somerset-chard-jocelyn",
        "southampton-bevois",
        "westminster-church-street",
    ];
    for r in &t.rows {
        let first = firsts.contains(&r.area.id());
        assert_eq!(
            r.cells.get(1).cloned().flatten().is_some(),
            first,
            "Table A.4, row {:?}, column 1 (LA active)",
            r.label
        );
        if !first {
            assert_eq!(
                r.cells.get(3).cloned().flatten(),
                None,
                "Table A.4, row {:?}, column 3 (LA inactive)",
                r.label
            );
        }
    }
}

#[test]
fn figures_are_kept_as_printed_strings() {
    let ds = dataset();
    assert_eq!(cell(&ds, "A.3", &Area::La("blackpool".into()), 1), Some("1,156"));
    assert_eq!(cell(&ds, "A.9", &Area::Ward("blackpool-park".into()), 2), Some("3,312"));
    assert_eq!(
        cell(&ds, "A.8", &Area::La("kingston-upon-hull".into()), 1),
        Some("10,600")
    );
}
