//! A small dataset in which every string field is a placeholder, so a test
//! can put a hostile string (escape sequences, bidi overrides, NUL…) into
//! any one field, write the dataset to a directory and run casebook on it.

#![allow(dead_code)]

use std::path::Path;

/// Every placeholder, i.e. every string field of the dataset.
pub const FIELDS: &[&str] = &[
    "la_id",
    "la_name",
    "la_alias",
    "centre_id",
    "centre_name",
    "centre_table_name",
    "centre_link_note",
    "ward_id",
    "ward_name",
    "ward_district",
    "theme_id",
    "theme_label",
    "theme_description",
    "theme_synonym",
    "gloss_abbr",
    "gloss_expansion",
    "table_title",
    "table_period",
    "column_name",
    "column_short",
    "row_label",
    "row_marker",
    "row_group",
    "cell_figure",
    "cell_text",
    "table_source",
    "table_note",
    "passage_id",
    "passage_title",
    "passage_text",
    "passage_section",
    "caveat_title",
    "figure_measure",
    "figure_value",
    "figure_group",
];

const FILES: &[(&str, &str)] = &[
    (
        "las.ron",
        r#"[
    (id: "⟦la_id⟧", name: "⟦la_name⟧", aliases: ["⟦la_alias⟧"]),
    (id: "other", name: "Other", aliases: []),
]"#,
    ),
    (
        "centres.ron",
        r#"[
    (id: "⟦centre_id⟧", la: "⟦la_id⟧", name: "⟦centre_name⟧", table_name: "⟦centre_table_name⟧",
        wards: ["⟦ward_id⟧"], link_note: Some("⟦centre_link_note⟧")),
]"#,
    ),
    (
        "wards.ron",
        r#"[ (id: "⟦ward_id⟧", la: "⟦la_id⟧", name: "⟦ward_name⟧", district: Some("⟦ward_district⟧")) ]"#,
    ),
    (
        "themes.ron",
        r#"[ (id: "⟦theme_id⟧", label: "⟦theme_label⟧", description: "⟦theme_description⟧", synonyms: ["⟦theme_synonym⟧"]) ]"#,
    ),
    (
        "glossary.ron",
        r#"[ (abbr: "⟦gloss_abbr⟧", expansion: "⟦gloss_expansion⟧") ]"#,
    ),
    (
        "tables/a6.ron",
        r#"(
    id: "A.6",
    title: "⟦table_title⟧",
    period: Some("⟦table_period⟧"),
    units: Percentage,
    level: Centre,
    columns: [(name: "⟦column_name⟧", short: Some("⟦column_short⟧")), (name: "Area description", text: true)],
    rows: [
        (area: Centre("⟦centre_id⟧"), label: "⟦row_label⟧", markers: ["⟦row_marker⟧"], group: Some("⟦row_group⟧"),
            cells: [Some("⟦cell_figure⟧"), Some("⟦cell_text⟧")]),
    ],
    source: "⟦table_source⟧",
    notes: ["⟦table_note⟧"],
)"#,
    ),
    (
        "passages/p.ron",
        r#"[
    (id: "⟦passage_id⟧", kind: Finding, las: ["⟦la_id⟧"], centre: Some("⟦centre_id⟧"), wards: ["⟦ward_id⟧"],
        title: "⟦passage_title⟧", text: "⟦passage_text⟧", themes: ["⟦theme_id⟧"],
        document: Baseline, chapter: "C", section: "⟦passage_section⟧"),
    (id: "caveat-x", kind: Caveat, las: ["⟦la_id⟧"], title: "Caveat ⟦caveat_title⟧", text: "About the table.",
        themes: ["⟦theme_id⟧"], document: Interim, chapter: "C", section: "S",
        caveat: Some(TableInternal), stores: Some("The table as printed."), about: [Table((table: "A.6", area: Some(Centre("⟦centre_id⟧")), column: Some(0)))]),
    (id: "survey-x", kind: SurveyFigure, title: "Survey", text: "A survey figure.", themes: ["⟦theme_id⟧"],
        document: Baseline, chapter: "C", section: "S",
        figure: Some((measure: "⟦figure_measure⟧", value: "⟦figure_value⟧", group: Some("⟦figure_group⟧")))),
]"#,
    ),
];

/// The plain value of a field: ids are slugs, a figure is a number, the rest words.
pub fn plain(field: &str) -> String {
    match field {
        "cell_figure" => "42".into(),
        "la_id" => "testla".into(),
        f if f.ends_with("_id") => f.replace('_', "-"),
        f => f.replace('_', " "),
    }
}

/// `s` as the inside of a RON string literal.
pub fn ron_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out
}

/// Write the dataset to `dir` with `value` in `field` (every other field plain).
pub fn write(dir: &Path, field: Option<&str>, value: &str) {
    for (path, template) in FILES {
        let mut text = template.to_string();
        for f in FIELDS {
            let v = if Some(*f) == field { ron_escape(value) } else { plain(f) };
            text = text.replace(&format!("⟦{f}⟧"), &v);
        }
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
}

/// Characters that must never reach a terminal raw.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}')
}

/// The first raw unsafe character in command-line output, allowing
/// newline, tab and the CR of a CRLF line end.
pub fn first_raw(out: &str) -> Option<(usize, char)> {
    let chars: Vec<char> = out.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| (i, *c))
        .find(|&(i, c)| is_unsafe(c) && c != '\n' && c != '\t' && !(c == '\r' && chars.get(i + 1) == Some(&'\n')))
}

/// Hostile characters a test string is built from.
pub const HOSTILE: &[char] = &[
    '\u{0}', '\u{7}', '\u{8}', '\t', '\n', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{9d}', '\u{61c}',
    '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
    '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
];
