//! The record types of a casebook dataset, exactly as they are written in
//! the RON files under `data/` (see `data/README.md` for the layout).
//!
//! Every struct denies unknown fields so that a misspelt field in a data
//! file is an error rather than a silently ignored value.

use serde::{Deserialize, Serialize};

/// One of the ten pilot local authorities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalAuthority {
    /// Stable id, e.g. `kingston-upon-hull`.
    pub id: String,
    /// Display name, e.g. "Kingston-upon-Hull".
    pub name: String,
    /// Every other spelling the sources use, e.g. "Kingston-upon-Hull, City of".
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A pilot children's centre (the 30 rows of Table A.6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Centre {
    /// Stable id: `<la id>-<centre name slug>`, e.g. `blackpool-clifton`.
    pub id: String,
    /// The LA the centre belongs to.
    pub la: String,
    /// Short name without the LA prefix, e.g. "Clifton".
    pub name: String,
    /// The name as Table A.6 prints it, e.g. "Blackpool Clifton".
    pub table_name: String,
    /// Ward ids this centre is linked to (only where the sources make it clear).
    #[serde(default)]
    pub wards: Vec<String>,
    /// Why the ward links were made (or why none were).
    #[serde(default)]
    pub link_note: Option<String>,
}

/// A ward of Table A.4 or A.9.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ward {
    /// Stable id: `<la id>-<ward name slug>`, e.g. `westminster-church-street`.
    pub id: String,
    /// The LA the ward belongs to, as the tables' grouping gives it.
    pub la: String,
    /// Ward name, e.g. "Church Street".
    pub name: String,
    /// Sub-district where the tables name one, e.g. "West Somerset".
    #[serde(default)]
    pub district: Option<String>,
}

/// What kind of area a table row describes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Area {
    /// The national (GB) comparison row.
    Gb,
    /// A local authority, by id.
    La(String),
    /// A ward, by id.
    Ward(String),
    /// A children's centre, by id.
    Centre(String),
}

/// The level of a table: what one row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    La,
    Ward,
    Centre,
}

/// The unit of a table's figures; also bounds validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Units {
    /// 0–100.
    Percentage,
    /// A non-negative count.
    Count,
    /// A rank, 1 and up (Table A.5: out of 354 districts).
    Rank,
}

/// One column of a table, named as the source names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The column heading, as the source prints it (reconstructed where lost).
    pub name: String,
    /// A short label for narrow screens.
    #[serde(default)]
    pub short: Option<String>,
    /// A column of words rather than figures (Table A.6's "Area description").
    #[serde(default)]
    pub text: bool,
}

/// One row of a table: one area, its cells in the source's column order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub area: Area,
    /// The row label exactly as printed, without footnote markers.
    pub label: String,
    /// Footnote markers printed beside the label, e.g. `["*", "#"]`.
    #[serde(default)]
    pub markers: Vec<String>,
    /// The table's grouping heading where it has one (Table A.4, A.9).
    #[serde(default)]
    pub group: Option<String>,
    /// Each cell as printed (`"1,156"`, `"9.4"`, `"27+"`); `None` where the
    /// source prints '-' or nothing.
    pub cells: Vec<Option<String>>,
}

/// A table of Appendix A, every figure exactly as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// `A.1` … `A.9`.
    pub id: String,
    pub title: String,
    /// The period the figures describe, where the title gives one.
    #[serde(default)]
    pub period: Option<String>,
    pub units: Units,
    pub level: Level,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// The "Source:" line.
    pub source: String,
    /// Notes and footnotes beneath the table, each as printed.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A coding theme of the controlled vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub description: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
}

/// An abbreviation from the report's abbreviations list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub abbr: String,
    pub expansion: String,
}

/// Which source document a passage comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Doc {
    /// The baseline report, RR602.
    Baseline,
    /// The interim case-study summary.
    Interim,
}

impl Doc {
    /// Both documents, baseline first.
    pub const ALL: [Doc; 2] = [Doc::Baseline, Doc::Interim];

    /// The id used on the command line and in `source:` scopes.
    pub fn as_str(self) -> &'static str {
        match self {
            Doc::Baseline => "baseline",
            Doc::Interim => "interim",
        }
    }

    /// A document by its id (case-insensitive).
    pub fn parse(s: &str) -> Option<Doc> {
        Doc::ALL.into_iter().find(|d| d.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Where in the sources a passage comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub doc: Doc,
    /// e.g. "Appendix B, Lambeth" or "Partnership working".
    pub section: String,
}

/// A pointer from a passage (usually a caveat) into a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRef {
    /// `A.1` … `A.9`.
    pub table: String,
    /// The row's area, where the reference is to one row.
    #[serde(default)]
    pub area: Option<Area>,
    /// The column index (0-based), where the reference is to one cell.
    #[serde(default)]
    pub column: Option<usize>,
}

/// A survey figure as the text gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyFigure {
    /// What is measured, e.g. "Respondents who were women".
    pub measure: String,
    /// The value exactly as printed, e.g. "87 per cent" or "2,034".
    pub value: String,
    /// The group or base it applies to, e.g. "lone parents", "all respondents".
    #[serde(default)]
    pub group: Option<String>,
}

/// One piece of text the app shows and searches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    /// Stable id, unique across the dataset, e.g. `bid-lambeth-aim-1`.
    pub id: String,
    pub kind: Kind,
    /// The LAs it concerns: none, one or several.
    #[serde(default)]
    pub las: Vec<String>,
    /// The centre, where it is about one.
    #[serde(default)]
    pub centre: Option<String>,
    /// The wards it concerns.
    #[serde(default)]
    pub wards: Vec<String>,
    pub title: String,
    pub text: String,
    /// Theme ids; at least one.
    pub themes: Vec<String>,
    pub source: SourceRef,
    /// Tables, rows or cells it refers to (every caveat has at least one).
    #[serde(default)]
    pub refs: Vec<TableRef>,
    /// The figure, for survey-figure passages.
    #[serde(default)]
    pub figure: Option<SurveyFigure>,
}

macro_rules! kinds {
    ($($variant:ident => $name:literal, $label:literal;)*) => {
        /// What a passage is. Written in RON as the variant name (`BidAim`),
        /// on the command line and in JSON as its kebab-case name (`bid-aim`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Kind { $($variant,)* }

        impl Kind {
            /// Every kind, in display order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];
            /// The kebab-case name used on the command line and in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }
            /// A human label, e.g. "Bid aim".
            pub fn label(self) -> &'static str {
                match self { $(Kind::$variant => $label,)* }
            }
            /// Parse a kebab-case name.
            pub fn parse(s: &str) -> Option<Kind> {
                match s { $($name => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    BidAim => "bid-aim", "Bid aim";
    BidElement => "bid-element", "Bid element";
    Engagement => "engagement", "Engagement";
    MultiAgency => "multi-agency", "Multi-agency working";
    Supplementary => "supplementary", "Supplementary activity";
    Partners => "partners", "Partners";
    Target => "target", "Target";
    Activity => "activity", "Pre-pilot activity";
    Definition => "definition", "Definition";
    Context => "context", "Socio-economic context";
    SurveyFigure => "survey-figure", "Survey figure";
    Finding => "finding", "Finding";
    View => "view", "Early view";
    Hope => "hope", "Hope or expectation";
    Risk => "risk", "Risk";
    Observation => "observation", "Key observation";
    NextStage => "next-stage", "Next stage";
    StudyDesign => "study-design", "Study design";
    Facilitator => "facilitator", "Facilitating factor";
    Constraint => "constraint", "Constraining factor";
    Outcome => "outcome", "Outcome";
    Conclusion => "conclusion", "Conclusion";
    SuccessFactor => "success-factor", "Critical success factor";
    Caveat => "caveat", "Caveat";
    Note => "note", "Field note";
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
