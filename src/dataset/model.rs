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

/// Which source document a passage comes from. Written in RON as
/// `Baseline` or `Interim`; on the command line and in JSON as `baseline`
/// or `interim` (a source filter selects on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Document {
    /// The baseline report, RR602.
    Baseline,
    /// The interim case-study summary.
    Interim,
}

/// The earlier name of [`Document`].
pub type Doc = Document;

impl Document {
    /// Both documents, baseline first.
    pub const ALL: [Document; 2] = [Document::Baseline, Document::Interim];
    /// The lower-case name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Document::Baseline => "baseline",
            Document::Interim => "interim",
        }
    }
    /// A document by its name (case-insensitive).
    pub fn parse(s: &str) -> Option<Document> {
        Document::ALL
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(s.trim()))
    }
    /// The document's title for people.
    pub fn label(self) -> &'static str {
        match self {
            Document::Baseline => "Baseline report",
            Document::Interim => "Interim case-study summary",
        }
    }
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

/// What a caveat sets against what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CaveatKind {
    /// A table disagrees with itself or lost information (cells, headers, markers).
    TableInternal,
    /// The report's text says something its own table does not bear out.
    TextAgainstTable,
    /// Two places in the text (or the text and the questionnaire) disagree.
    TextAgainstText,
    /// The interim summary disagrees with the baseline report.
    InterimAgainstBaseline,
}

impl CaveatKind {
    /// Every caveat kind, in display order.
    pub const ALL: [CaveatKind; 4] = [
        CaveatKind::TableInternal,
        CaveatKind::TextAgainstTable,
        CaveatKind::TextAgainstText,
        CaveatKind::InterimAgainstBaseline,
    ];
    /// The kebab-case name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CaveatKind::TableInternal => "table-internal",
            CaveatKind::TextAgainstTable => "text-against-table",
            CaveatKind::TextAgainstText => "text-against-text",
            CaveatKind::InterimAgainstBaseline => "interim-against-baseline",
        }
    }
    /// A human label, e.g. "Text against table".
    pub fn label(self) -> &'static str {
        match self {
            CaveatKind::TableInternal => "Table internal",
            CaveatKind::TextAgainstTable => "Text against table",
            CaveatKind::TextAgainstText => "Text against text",
            CaveatKind::InterimAgainstBaseline => "Interim against baseline",
        }
    }
}

/// One thing a caveat is about: a passage, a section of a source, or a table
/// (row, cell). Written in RON as `Passage("id")`,
/// `Section(document: Baseline, section: "Executive summary")` or
/// `Table((table: "A.2", area: Some(Gb), column: Some(1)))`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum About {
    /// A passage, by id.
    Passage(String),
    /// A section of one source document, named as the passages name it.
    Section { document: Document, section: String },
    /// A table, one of its rows or one cell.
    Table(TableRef),
}

/// When a milestone happened: the earliest and latest dates it covers, as
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (sortable), and the source's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Date {
    /// The start, e.g. `2009-11`.
    pub from: String,
    /// The end of a period, e.g. `2009-12`; `None` for a single date.
    #[serde(default)]
    pub to: Option<String>,
    /// The date as the source prints it, e.g. "November to December 2009".
    pub printed: String,
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
    /// The source document it comes from (a source filter selects on it).
    pub document: Document,
    /// The document's chapter, e.g. "2 The pilot local authorities and
    /// children's centres", "Appendix B Review of local authority bids", or
    /// for the interim summary its top-level heading, e.g. "Pilot delivery".
    pub chapter: String,
    /// The section within the chapter, e.g. "Appendix B, Lambeth: Training".
    pub section: String,
    /// Tables, rows or cells it refers to (every caveat has at least one).
    #[serde(default)]
    pub refs: Vec<TableRef>,
    /// The figure, for survey-figure passages.
    #[serde(default)]
    pub figure: Option<SurveyFigure>,
    /// Definition passages that say what this passage's figure means (the
    /// questionnaire's bands and answer options), by id.
    #[serde(default)]
    pub definitions: Vec<String>,
    /// For a caveat: what it sets against what.
    #[serde(default)]
    pub caveat: Option<CaveatKind>,
    /// For a caveat: the passages, source sections and tables it is about.
    #[serde(default)]
    pub about: Vec<About>,
    /// For a caveat: what casebook stores, given the disagreement.
    #[serde(default)]
    pub stores: Option<String>,
    /// For a milestone: when.
    #[serde(default)]
    pub date: Option<Date>,
}

impl Passage {
    /// "Baseline report, 2.4 The socio-economic …": where it comes from.
    pub fn source_label(&self) -> String {
        let section = self.section.trim();
        if section.is_empty() {
            self.document.label().to_string()
        } else {
            format!("{}, {section}", self.document.label())
        }
    }
    /// Every table reference of the passage: its `refs` and, for a caveat,
    /// the tables it is about.
    pub fn table_refs(&self) -> impl Iterator<Item = &TableRef> + '_ {
        self.refs.iter().chain(self.about.iter().filter_map(|a| match a {
            About::Table(t) => Some(t),
            _ => None,
        }))
    }
    /// The passages a caveat is about, by id.
    pub fn about_passages(&self) -> impl Iterator<Item = &str> + '_ {
        self.about.iter().filter_map(|a| match a {
            About::Passage(id) => Some(id.as_str()),
            _ => None,
        })
    }
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
    StaffingPost => "staffing-post", "Staffing post";
    Activity => "activity", "Pre-pilot activity";
    BenefitRule => "benefit-rule", "Benefit rule";
    Definition => "definition", "Definition";
    Background => "background", "Background";
    SelectionCriterion => "selection-criterion", "Selection criterion";
    PilotDesign => "pilot-design", "Pilot design";
    Milestone => "milestone", "Milestone";
    Context => "context", "Socio-economic context";
    SurveyFigure => "survey-figure", "Survey figure";
    BaselineFinding => "baseline-finding", "Baseline finding";
    View => "view", "Early view";
    StartUpActivity => "start-up-activity", "Start-up activity";
    Hope => "hope", "Hope or expectation";
    Risk => "risk", "Risk";
    Observation => "observation", "Key observation";
    NextStage => "next-stage", "Next stage";
    StudyDesign => "study-design", "Study design";
    CaseStudyFinding => "case-study-finding", "Case-study finding";
    Facilitator => "facilitator", "Facilitating factor";
    Constraint => "constraint", "Constraining factor";
    Outcome => "outcome", "Outcome";
    Conclusion => "conclusion", "Conclusion";
    SuccessFactor => "success-factor", "Critical success factor";
    Finding => "finding", "Finding";
    Caveat => "caveat", "Caveat";
    Note => "note", "Field note";
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
