//! A [`Query`] and [`Filters`] turned into what the evaluator runs: folded
//! patterns, abbreviations expanded through the glossary, scopes and
//! filters resolved to sets of entities, and entity names matched once.
//!
//! Abbreviations expand both ways. A term that is an abbreviation (`IB`,
//! `ib`) also matches its expansion as whole words ("Incapacity Benefit");
//! consecutive terms that spell an expansion (`incapacity benefit`) also
//! match the abbreviation as a whole word, case as in the glossary (so
//! `income support` finds "IS" but not every "is").

use super::Filters;
use super::eval::{Place, literal, pack};
use super::fold::{fold, lower_char};
use super::index::{SearchIndex, glossary_key};
use super::matcher::Pattern;
use super::names::letters;
use super::narrow::{SimpleGroup, held_by_every_form, simplify};
use super::quality::{Phrase, Quality, best_match, loose};
use super::query::{MatchKind, Query, Scope, Term};
use super::words::{Held, Words};
use crate::dataset::{Document, Kind};

/// A compiled text term.
#[derive(Debug, Clone)]
pub(crate) struct TextTerm {
    pub pat: Pattern,
    pub kind: MatchKind,
    pub negated: bool,
    /// Per entity: positive terms, the packed value ([`pack`]) of its best
    /// name (-1: no match); negated terms, 1 when a name contains the text.
    pub meta: Vec<i32>,
    /// Positive fuzzy terms that can be graded word by word
    /// ([`Words::can_grade`]): each distinct word's grade ([`Words::grade`]).
    pub words: Option<Vec<i32>>,
    /// Other terms: which distinct words hold which parts of the term,
    /// lower-cased ([`Words::holding_text`]). A field whose words do not
    /// hold them all cannot hold the term, in either case variant.
    pub held: Option<Held>,
    /// The term's letters, lower-cased (`names::letters`), to pass over
    /// the chunks that lack one when looking for loose matches.
    pub letters: u64,
}

#[derive(Debug, Clone)]
pub(crate) enum CTerm {
    Text(Box<TextTerm>),
    /// `entities` for LA, theme, centre and ward scopes; `kinds` (indexed
    /// like `Kind::ALL`) for `kind:`; `docs` (indexed like `Document::ALL`) for
    /// `source:`.
    Scope {
        scope: Scope,
        negated: bool,
        entities: Vec<bool>,
        kinds: Vec<bool>,
        docs: Vec<bool>,
    },
    /// A term that folded to nothing: matches everything, scores 0.
    Always,
}

/// Alternatives (ORed), each a conjunction of terms.
#[derive(Debug, Clone)]
pub(crate) struct CGroup {
    pub alts: Vec<Vec<CTerm>>,
}

/// Filters as entity sets; `None`: no filter on that field.
#[derive(Debug, Clone, Default)]
pub(crate) struct CFilters {
    pub las: Option<Vec<bool>>,
    pub themes: Option<Vec<bool>>,
    pub centres: Option<Vec<bool>>,
    pub kinds: Option<Vec<Kind>>,
    pub sources: Option<Vec<Document>>,
}

#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub groups: Vec<CGroup>,
    pub filters: CFilters,
    /// Any positive text term: hits are ranked by score.
    pub scoring: bool,
    /// The query's words, folded and lower-cased, when it is two or more
    /// plain terms: a document holding them as a phrase ranks first.
    pub phrase: Option<Phrase>,
    /// Each group is one case-insensitive term, one per phrase word: a
    /// document can hold the phrase only where every group matched as a
    /// whole word in its title or text, so the others need no phrase check.
    pub phrase_per_group: bool,
    /// The groups' terms reduced to what decides narrowing (alternatives
    /// of conjunctions), when no term is negated: so that a narrower query
    /// can re-search only this one's matches.
    pub(crate) simple: Option<Vec<SimpleGroup>>,
}

impl Compiled {
    /// A positive fuzzy text term of this query whose letters every form
    /// of `t` (also positive and fuzzy, same case) holds in order
    /// ([`held_by_every_form`]): every name `t` matches, even loosely, that
    /// term matches too.
    fn wider_term(&self, t: &Term) -> Option<&TextTerm> {
        let text = fold(&t.text, t.case_sensitive);
        if t.kind != MatchKind::Fuzzy || t.negated || t.scope.is_some() {
            return None;
        }
        self.groups
            .iter()
            .flat_map(|g| g.alts.iter().flatten())
            .find_map(|c| match c {
                CTerm::Text(c)
                    if c.kind == MatchKind::Fuzzy
                        && !c.negated
                        && c.pat.case_sensitive == t.case_sensitive
                        && held_by_every_form(&c.pat.text, &text) =>
                {
                    Some(&**c)
                }
                _ => None,
            })
    }

    /// A compiled text term of this query equal to `t` (same text, kind,
    /// negation and case), to reuse its matches on names.
    fn text_term(&self, t: &Term) -> Option<&TextTerm> {
        self.groups
            .iter()
            .flat_map(|g| g.alts.iter().flatten())
            .find_map(|c| match c {
                CTerm::Text(c)
                    if c.kind == t.kind
                        && c.negated == t.negated
                        && c.pat.case_sensitive == t.case_sensitive
                        && c.pat.text == fold(&t.text, t.case_sensitive) =>
                {
                    Some(&**c)
                }
                _ => None,
            })
    }
}

impl SearchIndex {
    pub(crate) fn compile(&self, query: &Query, filters: &Filters) -> Compiled {
        self.compile_after(query, filters, None)
    }

    /// [`SearchIndex::compile`], reusing the matches on names of the terms
    /// `prev` (the last query) has too: typing on changes one term at a time.
    pub(crate) fn compile_after(&self, query: &Query, filters: &Filters, prev: Option<&Compiled>) -> Compiled {
        // Groups as lists of alternatives of conjunctions of source terms.
        let mut groups: Vec<Vec<Vec<Term>>> = query
            .groups()
            .iter()
            .map(|g| g.alternatives.iter().map(|t| vec![t.clone()]).collect())
            .collect();
        // Reverse: runs of plain terms spelling an expansion, longest first.
        let mut i = 0;
        while i < groups.len() {
            let run = (i..groups.len()).take_while(|&j| plain(&groups[j])).count();
            let found = (1..=run).rev().find_map(|len| {
                let key = (i..i + len)
                    .map(|j| glossary_key(&groups[j][0][0].text))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.glossary
                    .iter()
                    .find(|a| a.expansion_key == key)
                    .map(|a| (len, a.abbr.clone()))
            });
            if let Some((len, abbr)) = found {
                let terms: Vec<Term> = groups.drain(i..i + len).map(|mut g| g.remove(0).remove(0)).collect();
                let word = Term {
                    negated: false,
                    scope: None,
                    kind: MatchKind::WordExact,
                    text: abbr,
                    case_sensitive: true,
                };
                groups.insert(i, vec![terms, vec![word]]);
            }
            i += 1;
        }
        // Forward: a term that is an abbreviation also matches its expansions.
        for g in groups.iter_mut().filter(|g| plain(g)) {
            let key = glossary_key(&g[0][0].text);
            for a in self.glossary.iter().filter(|a| a.abbr_key == key) {
                let text = a.expansion.clone();
                g.push(vec![Term {
                    negated: false,
                    scope: None,
                    kind: MatchKind::WordExact,
                    text,
                    case_sensitive: false,
                }]);
            }
        }
        let simple = groups.iter().flatten().flatten().all(|t| !t.negated).then(|| {
            groups
                .iter()
                .map(|g| g.iter().map(|conj| conj.iter().map(simplify).collect()).collect())
                .collect::<Vec<SimpleGroup>>()
        });
        let groups: Vec<CGroup> = groups
            .into_iter()
            .map(|alts| CGroup {
                alts: alts
                    .into_iter()
                    .map(|conj| {
                        conj.iter()
                            .map(
                                |t| match prev.and_then(|p| p.text_term(t)).filter(|_| t.scope.is_none()) {
                                    Some(same) => CTerm::Text(Box::new(same.clone())),
                                    None => self.compile_term(t, prev.and_then(|p| p.wider_term(t))),
                                },
                            )
                            .collect()
                    })
                    .collect(),
            })
            .collect();
        let scoring = groups
            .iter()
            .flat_map(|g| g.alts.iter().flatten())
            .any(|t| matches!(t, CTerm::Text(t) if !t.negated));
        let phrase = phrase_words(query);
        let phrase_per_group = phrase.as_ref().is_some_and(|w| w.len() == groups.len())
            && groups.iter().all(|g| {
                matches!(g.alts.as_slice(), [conj] if matches!(conj.as_slice(),
                    [CTerm::Text(t)] if !t.pat.case_sensitive && !t.negated))
            });
        Compiled {
            groups,
            filters: self.filters(filters),
            scoring,
            phrase: phrase.map(|w| Phrase::new(w, self.arena.words())),
            phrase_per_group,
            simple,
        }
    }

    /// Compile one term; `wider` (see `Compiled::wider_term`) tells which
    /// names cannot match, to skip them.
    fn compile_term(&self, t: &Term, wider: Option<&TextTerm>) -> CTerm {
        if let Some(scope) = t.scope {
            let value = fold(&t.text, false);
            let entities = self
                .entities
                .iter()
                .map(|e| e.scope == scope && e.keys.iter().any(|k| k.contains(&value)));
            let kinds = Kind::ALL
                .iter()
                .map(|k| k.as_str().contains(&value) || fold(k.label(), false).contains(&value));
            let docs = Document::ALL
                .iter()
                .map(|d| d.as_str().contains(&value) || fold(super::doc_label(*d), false).contains(&value));
            let (entities, kinds, docs) = match scope {
                Scope::Kind => (Vec::new(), kinds.collect(), Vec::new()),
                Scope::Source => (Vec::new(), Vec::new(), docs.collect()),
                _ => (entities.collect(), Vec::new(), Vec::new()),
            };
            return CTerm::Scope {
                scope,
                negated: t.negated,
                entities,
                kinds,
                docs,
            };
        }
        let text = fold(&t.text, t.case_sensitive);
        if text.is_empty() {
            return CTerm::Always;
        }
        let pat = Pattern::new(text, t.case_sensitive);
        let by_word = t.kind == MatchKind::Fuzzy && !t.negated && Words::can_grade(&pat);
        let meta = if by_word {
            self.names.values(&pat, |at| wider.is_some_and(|w| w.meta[at] < 0))
        } else {
            self.name_values(t, &pat, wider)
        };
        let words = by_word.then(|| self.arena.words().grade(&pat));
        let held = if by_word {
            None
        } else {
            self.arena.words().holding_text(&pat.text)
        };
        let letters = letters(&pat.text.chars().map(lower_char).collect::<String>());
        CTerm::Text(Box::new(TextTerm {
            pat,
            kind: t.kind,
            negated: t.negated,
            meta,
            words,
            held,
            letters,
        }))
    }

    /// A term's value on each entity's names (see `TextTerm::meta`), one
    /// name at a time; `wider` (see `Compiled::wider_term`) tells which
    /// cannot match, to skip them.
    fn name_values(&self, t: &Term, pat: &Pattern, wider: Option<&TextTerm>) -> Vec<i32> {
        // Only fuzzy terms match names loosely; any other match holds the
        // term's text, so names none of whose words hold it are passed over.
        let held = (t.kind != MatchKind::Fuzzy)
            .then(|| self.names.holding_text(&pat.text))
            .flatten();
        self.entities
            .iter()
            .enumerate()
            .map(|(at, e)| {
                if wider.is_some_and(|w| w.meta[at] < 0) || held.as_ref().is_some_and(|h| !self.names.may_hold(at, h)) {
                    return -1;
                }
                let scores = e.folded.iter().zip(&e.names).filter_map(|(f, name)| {
                    let hay = f.variant(name, t.case_sensitive);
                    match (t.kind, t.negated) {
                        (_, true) => literal(hay, pat, t.kind).map(|_| 1),
                        (MatchKind::Fuzzy, false) => best_match(hay, pat, false)
                            .map(|f| pack(f.quality, Place::Name, f.score))
                            .or_else(|| loose(hay, pat).map(|s| pack(Quality::Loose, Place::Name, s))),
                        (kind, false) => literal(hay, pat, kind).map(|(q, s, _)| pack(q, Place::Name, s)),
                    }
                });
                scores.max().unwrap_or(-1)
            })
            .collect()
    }

    fn filters(&self, f: &Filters) -> CFilters {
        let set = |scope: Scope, ids: &[String]| {
            (!ids.is_empty()).then(|| {
                let mut v = vec![false; self.entities.len()];
                for e in ids.iter().filter_map(|id| self.entity_of(scope, id)) {
                    v[e as usize] = true;
                }
                v
            })
        };
        CFilters {
            las: set(Scope::La, &f.las),
            themes: set(Scope::Theme, &f.themes),
            centres: set(Scope::Centre, &f.centres),
            kinds: (!f.kinds.is_empty()).then(|| f.kinds.clone()),
            sources: (!f.sources.is_empty()).then(|| f.sources.clone()),
        }
    }
}

/// The words of a query of two or more plain terms (no OR, scope,
/// negation or anchor), folded and lower-cased.
fn phrase_words(query: &Query) -> Option<Vec<String>> {
    let words: Vec<String> = query
        .groups()
        .iter()
        .map(|g| match g.alternatives.as_slice() {
            [t] if !t.negated && t.scope.is_none() && matches!(t.kind, MatchKind::Fuzzy | MatchKind::Exact) => {
                Some(fold(&t.text, false))
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    (words.len() >= 2 && words.iter().all(|w| !w.is_empty())).then_some(words)
}

/// A group of one positive, unscoped, fuzzy or exact term.
fn plain(g: &[Vec<Term>]) -> bool {
    matches!(g, [conj] if matches!(conj.as_slice(), [t] if !t.negated && t.scope.is_none()
        && matches!(t.kind, MatchKind::Fuzzy | MatchKind::Exact)))
}
