//! [`SearchIndex`]: every document prepared once for searching.
//!
//! Building it folds each title and text ([`Field`]) and resolves each
//! document's LA, centre, ward and theme ids to *entities*: one per LA,
//! centre, ward and theme of the dataset (plus one per unknown id a document
//! names), each with its names (LA name and aliases, centre and ward names,
//! theme label and synonyms). Unscoped terms match entity names once per
//! query, not once per document; scopes and filters test entity ids.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::doc::SearchDoc;
use super::field::{Arena, Field, Mark};
use super::fold::{Folded, fold};
use super::names::{Names, NamesMark};
use super::query::{Query, Scope};
use super::{Filters, Hit};
use crate::dataset::{Dataset, Document, Kind};

/// A name-bearing thing documents refer to by id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Entity {
    pub scope: Scope,
    /// Display names, as written.
    pub names: Vec<String>,
    /// The names, folded.
    pub folded: Vec<Folded>,
    /// Folded, lower-cased id and names, for scope values.
    pub keys: Vec<String>,
}

/// One document's prepared fields and entity references (ranges into the
/// index's arenas, so that documents sit side by side in memory).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct Prepared {
    pub title: Field,
    pub text: Field,
    pub kind: Kind,
    /// The source document of a passage; `None` for extra documents (notes).
    pub doc: Option<Document>,
    /// The document's LAs plus those of its centre and wards.
    las: (u32, u32),
    centre: (u32, u32),
    wards: (u32, u32),
    themes: (u32, u32),
}

/// What grading a document touches on every search, apart from the rest
/// of [`Prepared`] so that a search over tens of thousands of documents
/// reads a few bytes of each: its title's and text's word lists (in the
/// arena's `Words`) and its entity references.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct Hot {
    pub title: (u32, u32),
    pub text: (u32, u32),
    refs: (u32, u32),
}

/// A glossary entry, with the keys queries are compared against.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Abbrev {
    pub abbr: String,
    pub expansion: String,
    pub abbr_key: String,
    pub expansion_key: String,
}

/// Folded, lower-cased, punctuation as single spaces: "Jobseeker’s
/// Allowance" and "jobseekers allowance" differ only by the `s`.
pub(crate) fn glossary_key(s: &str) -> String {
    let folded = fold(s, false);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// The searchable form of a dataset plus extra documents (field notes).
/// Serialisable (serde) so that a prepared index can be cached between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchIndex {
    pub(crate) docs: Vec<SearchDoc>,
    pub(crate) prepared: Vec<Prepared>,
    /// Per document, what every search reads ([`Hot`]).
    pub(crate) hot: Vec<Hot>,
    pub(crate) arena: Arena,
    /// Entity references of every document, in document order.
    refs: Vec<u32>,
    /// The arenas' sizes once the dataset's passages are in.
    marks: (Mark, usize),
    /// How many documents come from the dataset; extra documents follow.
    passages: usize,
    pub(crate) entities: Vec<Entity>,
    /// Every entity's names, flat, to match a term against all at once.
    pub(crate) names: Names,
    /// How many entities come from the dataset; unknown ids of extra documents follow.
    base_entities: usize,
    /// The size of `names` once the dataset's entities are in.
    base_names: NamesMark,
    ids: HashMap<(Scope, String), u32>,
    /// Centre or ward entity → the LA entity it belongs to.
    parents: HashMap<u32, u32>,
    pub(crate) glossary: Vec<Abbrev>,
}

impl SearchIndex {
    /// Prepare every passage of `ds`, then the `extra` documents.
    pub fn new(ds: &Dataset, extra: Vec<SearchDoc>) -> SearchIndex {
        let mut index = SearchIndex {
            docs: Vec::new(),
            prepared: Vec::new(),
            hot: Vec::new(),
            arena: Arena::default(),
            refs: Vec::new(),
            marks: (Mark::default(), 0),
            passages: 0,
            entities: Vec::new(),
            names: Names::default(),
            base_entities: 0,
            base_names: NamesMark::default(),
            ids: HashMap::new(),
            parents: HashMap::new(),
            glossary: ds
                .glossary
                .iter()
                .map(|g| Abbrev {
                    abbr: g.abbr.clone(),
                    expansion: g.expansion.clone(),
                    abbr_key: glossary_key(&g.abbr),
                    expansion_key: glossary_key(&g.expansion),
                })
                .filter(|a| !a.abbr_key.is_empty() && !a.expansion_key.is_empty())
                .collect(),
        };
        crate::timings::time("index: entities", || index.add_entities(ds));
        // The LA a centre or ward belongs to counts as the document's LA too.
        let mut parent: HashMap<u32, u32> = HashMap::new();
        for c in &ds.centres {
            parent.insert(
                index.ids[&(Scope::Centre, c.id.clone())],
                index.entity(Scope::La, &c.la),
            );
        }
        for w in &ds.wards {
            parent.insert(index.ids[&(Scope::Ward, w.id.clone())], index.entity(Scope::La, &w.la));
        }
        let docs: Vec<SearchDoc> = crate::timings::time("index: search documents", || {
            ds.passages.iter().map(|p| SearchDoc::from_passage(ds, p)).collect()
        });
        crate::timings::time("index: fold + chunk", || {
            for (doc, p) in docs.into_iter().zip(&ds.passages) {
                index.push_doc(doc, &parent);
                if let Some(last) = index.prepared.last_mut() {
                    last.doc = Some(p.document);
                }
            }
        });
        index.passages = index.docs.len();
        index.marks = (index.arena.mark(), index.refs.len());
        index.base_entities = index.entities.len();
        index.base_names = index.names.mark();
        index.parents = parent;
        index.set_extra(extra);
        index
    }

    /// One entity per LA, centre, ward and theme of `ds`, with its names.
    fn add_entities(&mut self, ds: &Dataset) {
        for la in &ds.las {
            let names = std::iter::once(la.name.clone())
                .chain(la.aliases.iter().cloned())
                .collect();
            self.add_entity(Scope::La, &la.id, names);
        }
        for c in &ds.centres {
            self.add_entity(Scope::Centre, &c.id, vec![c.name.clone()]);
        }
        for w in &ds.wards {
            self.add_entity(Scope::Ward, &w.id, vec![w.name.clone()]);
        }
        for t in &ds.themes {
            let names = std::iter::once(t.label.clone())
                .chain(t.synonyms.iter().cloned())
                .collect();
            self.add_entity(Scope::Theme, &t.id, names);
        }
    }

    /// Replace the extra documents (field notes) with `extra`.
    pub fn set_extra(&mut self, extra: Vec<SearchDoc>) {
        self.docs.truncate(self.passages);
        self.prepared.truncate(self.passages);
        self.hot.truncate(self.passages);
        self.arena.truncate(self.marks.0);
        self.refs.truncate(self.marks.1);
        self.entities.truncate(self.base_entities);
        self.names.truncate(self.base_names);
        let base = self.base_entities as u32;
        self.ids.retain(|_, &mut e| e < base);
        let parent = std::mem::take(&mut self.parents);
        for doc in extra {
            self.push_doc(doc, &parent);
        }
        self.parents = parent;
    }

    /// The document at position `i` (a hit's `doc`).
    pub fn doc(&self, i: usize) -> Option<&SearchDoc> {
        self.docs.get(i)
    }

    /// Every document: the dataset's passages in order, then the extra ones.
    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Search: hits best first, at most `limit` of them (0: all); loose
    /// matches come after all the others.
    pub fn search(&self, query: &Query, filters: &Filters, limit: usize) -> Vec<Hit> {
        let compiled = self.compile(query, filters);
        let outcome = self.run(&compiled, None);
        let mut ranking = super::run::Ranking::new(&outcome.matched, &outcome.keys);
        let want = if limit == 0 { usize::MAX } else { limit };
        self.build(&compiled, ranking.top(want, |i, k| self.check_phrase(&compiled, i, k)))
    }

    /// How many documents match (loose matches included; an empty query
    /// has none), without building hits.
    pub fn count(&self, query: &Query, filters: &Filters) -> usize {
        self.run(&self.compile(query, filters), None).matched.len()
    }

    /// Hits for documents given by their order keys, in that order.
    pub(crate) fn build(&self, c: &super::compile::Compiled, order: &[u128]) -> Vec<Hit> {
        order
            .iter()
            .map(|&k| {
                let key = (k >> 32) as u64;
                self.hit(c, super::run::order_index(k) as usize, key)
            })
            .collect()
    }

    fn add_entity(&mut self, scope: Scope, id: &str, names: Vec<String>) -> u32 {
        let names: Vec<String> = names.into_iter().filter(|n| !n.trim().is_empty()).collect();
        let mut keys = vec![fold(id, false)];
        keys.extend(names.iter().map(|n| fold(n, false)));
        let folded: Vec<Folded> = names.iter().map(|n| Folded::new(n)).collect();
        self.names.push(folded.iter().map(|f| &*f.lower));
        let at = self.entities.len() as u32;
        self.entities.push(Entity {
            scope,
            names,
            folded,
            keys,
        });
        self.ids.insert((scope, id.to_string()), at);
        at
    }

    /// The entity for an id, made (with no names) if the dataset lacks it.
    fn entity(&mut self, scope: Scope, id: &str) -> u32 {
        match self.ids.get(&(scope, id.to_string())) {
            Some(&e) => e,
            None => self.add_entity(scope, id, Vec::new()),
        }
    }

    pub(crate) fn las(&self, p: &Prepared) -> &[u32] {
        &self.refs[p.las.0 as usize..p.las.1 as usize]
    }

    pub(crate) fn centre(&self, p: &Prepared) -> &[u32] {
        &self.refs[p.centre.0 as usize..p.centre.1 as usize]
    }

    pub(crate) fn wards(&self, p: &Prepared) -> &[u32] {
        &self.refs[p.wards.0 as usize..p.wards.1 as usize]
    }

    pub(crate) fn themes(&self, p: &Prepared) -> &[u32] {
        &self.refs[p.themes.0 as usize..p.themes.1 as usize]
    }

    /// Every entity a document refers to.
    pub(crate) fn entities_of(&self, p: &Prepared) -> &[u32] {
        &self.refs[p.las.0 as usize..p.themes.1 as usize]
    }

    /// Every entity a document refers to, from its [`Hot`] part.
    #[inline]
    pub(crate) fn hot_entities(&self, h: &Hot) -> &[u32] {
        &self.refs[h.refs.0 as usize..h.refs.1 as usize]
    }

    /// The entity index of a dataset id, if there is one.
    pub(crate) fn entity_of(&self, scope: Scope, id: &str) -> Option<u32> {
        self.ids.get(&(scope, id.to_string())).copied()
    }

    fn push_doc(&mut self, doc: SearchDoc, parent: &HashMap<u32, u32>) {
        let mut las: Vec<u32> = doc.las.iter().map(|l| self.entity(Scope::La, l)).collect();
        let centre = doc.centre.as_deref().map(|c| self.entity(Scope::Centre, c));
        let wards: Vec<u32> = doc.wards.iter().map(|w| self.entity(Scope::Ward, w)).collect();
        let themes: Vec<u32> = doc.themes.iter().map(|t| self.entity(Scope::Theme, t)).collect();
        for e in centre.iter().chain(&wards) {
            if let Some(&la) = parent.get(e)
                && !las.contains(&la)
            {
                las.push(la);
            }
        }
        let mut push = |ids: &[u32]| {
            let start = self.refs.len() as u32;
            self.refs.extend_from_slice(ids);
            (start, self.refs.len() as u32)
        };
        let (las, centre, wards, themes) = (push(&las), push(centre.as_slice()), push(&wards), push(&themes));
        let (title, text) = (self.arena.add(&doc.title), self.arena.add(&doc.text));
        self.hot.push(Hot {
            title: title.words,
            text: text.words,
            refs: (las.0, themes.1),
        });
        self.prepared.push(Prepared {
            title,
            text,
            kind: doc.kind,
            doc: None,
            las,
            centre,
            wards,
            themes,
        });
        self.docs.push(doc);
    }
}
