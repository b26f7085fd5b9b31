//! [`SearchDoc`]: the unit the engine searches. Every passage of the dataset
//! becomes one; field notes become more, of kind [`Kind::Note`].

use crate::dataset::{Dataset, Doc, Kind, Passage};

/// One searchable document: a passage, or a field note.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchDoc {
    /// Unique across the index (a passage id, or a note's id).
    pub id: String,
    pub kind: Kind,
    /// LA ids the document concerns.
    pub las: Vec<String>,
    /// Centre id, where it is about one.
    pub centre: Option<String>,
    /// Ward ids.
    pub wards: Vec<String>,
    pub title: String,
    pub text: String,
    /// Theme ids.
    pub themes: Vec<String>,
    /// Where it comes from, for people: "Baseline report, Appendix B, Lambeth".
    pub source: String,
}

impl SearchDoc {
    /// The searchable form of a passage of `ds`.
    pub fn from_passage(_ds: &Dataset, p: &Passage) -> SearchDoc {
        SearchDoc {
            id: p.id.clone(),
            kind: p.kind,
            las: p.las.clone(),
            centre: p.centre.clone(),
            wards: p.wards.clone(),
            title: p.title.clone(),
            text: p.text.clone(),
            themes: p.themes.clone(),
            source: p.source_label(),
        }
    }
}

/// The name of a source document, as people cite it.
pub fn doc_label(doc: Doc) -> &'static str {
    doc.label()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_read_as_citations() {
        assert_eq!(doc_label(Doc::Baseline), "Baseline report");
        assert_eq!(doc_label(Doc::Interim), "Interim case-study summary");
    }
}
