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
use super::quality::{Phrase, Quality, best_match, loose};
use super::query::{MatchKind, Query, Scope, Term};
use super::stem::stem;
use super::typo::MIN_EXTRA;
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

/// A term reduced to what decides whether another one implies it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Simple {
    scope: Option<Scope>,
    kind: MatchKind,
    text: String,
    case_sensitive: bool,
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
    simple: Option<Vec<SimpleGroup>>,
}

/// One group's alternatives, each a conjunction of terms.
type SimpleGroup = Vec<Vec<Simple>>;

/// Does every document matching group `n` match group `o`, given that a
/// term matching implies another when `implies` says so? Each alternative
/// of `n` must imply one of `o`'s, term by term.
fn group_implies(n: &SimpleGroup, o: &SimpleGroup, implies: fn(&Simple, &Simple) -> bool) -> bool {
    n.iter().all(|nalt| {
        o.iter().any(|oalt| {
            oalt.iter()
                .all(|ot| ot.text.is_empty() || nalt.iter().any(|nt| implies(nt, ot)))
        })
    })
}

/// A group that only ever matches everything (terms that fold to nothing).
fn is_empty_group(g: &SimpleGroup) -> bool {
    g.iter().flatten().all(|t| t.text.is_empty())
}

impl Compiled {
    fn narrows_by(&self, old: &Compiled, implies: fn(&Simple, &Simple) -> bool) -> bool {
        let (Some(new), Some(old)) = (&self.simple, &old.simple) else {
            return false;
        };
        old.iter()
            .filter(|o| !is_empty_group(o))
            .all(|o| new.iter().any(|n| group_implies(n, o, implies)))
    }

    /// Does every document matching `self` match `old` too? (Conservative:
    /// `false` when unsure.)
    pub fn narrows(&self, old: &Compiled) -> bool {
        self.narrows_by(old, implies)
    }

    /// Does every document matching `self` better than loosely (as a word,
    /// part of a word, word of the same stem or close misspelling) match
    /// `old` that well too? True when each of `old`'s terms is the start of
    /// one of `self`'s (typing on) and, for fuzzy terms, the longer term
    /// opens no match the shorter lacks ([`types_on_strictly`]).
    /// (Conservative.)
    pub fn narrows_strictly(&self, old: &Compiled) -> bool {
        self.narrows_by(old, implies_strictly)
    }

    /// Like [`Compiled::narrows_strictly`], except that alternatives of
    /// one literal term (an abbreviation or expansion, matched as typed:
    /// `jobcentre plu` → `jobcentre plus`, which also finds "JCP") need not
    /// narrow `old`. Gives those terms, whose documents must then be found
    /// apart ([`SearchIndex::docs_holding`]); `None` when the rest does not
    /// narrow `old` either.
    pub fn narrows_strictly_but_literals(&self, old: &Compiled) -> Option<Vec<&TextTerm>> {
        let (new, older) = (self.simple.as_ref()?, old.simple.as_ref()?);
        let literal = |alt: &Vec<Simple>| matches!(alt.as_slice(), [t] if t.kind != MatchKind::Fuzzy && t.scope.is_none() && !t.text.is_empty());
        let mut apart: Vec<(usize, usize)> = Vec::new();
        for o in older.iter().filter(|o| !is_empty_group(o)) {
            let g = new.iter().position(|n| {
                let rest: SimpleGroup = n.iter().filter(|a| !literal(a)).cloned().collect();
                !rest.is_empty() && group_implies(&rest, o, implies_strictly)
            })?;
            for (a, alt) in new[g].iter().enumerate() {
                if literal(alt) && !apart.contains(&(g, a)) {
                    apart.push((g, a));
                }
            }
        }
        apart
            .iter()
            .map(|&(g, a)| match self.groups[g].alts[a].as_slice() {
                [CTerm::Text(t)] => Some(&**t),
                _ => None,
            })
            .collect()
    }

    /// Same terms in the same groups: the same search.
    pub fn same_as(&self, old: &Compiled) -> bool {
        self.simple.is_some() && self.simple == old.simple
    }

    /// The group of `old` identical to group `g` of `self`, when neither
    /// query negates a term.
    pub fn same_group(&self, g: usize, old: &Compiled) -> Option<usize> {
        let (new, old) = (self.simple.as_ref()?, old.simple.as_ref()?);
        let group = new.get(g).filter(|g| !is_empty_group(g))?;
        old.iter().position(|o| o == group)
    }

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

/// Are the characters of `small` in `big`, in order?
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut it = big.chars();
    small.chars().all(|c| it.any(|x| x == c))
}

/// Does every match of the fuzzy term `big`, of whatever quality, hold the
/// letters of `small` in order (so that `small` matches at least loosely)?
/// A word, part or close match (letters left out) holds `big`'s letters; a
/// stem match only the stem's; a match of a `y` term as "-ies" all but the
/// `y`; a match with one letter too many or one changed all but one of
/// them.
pub(crate) fn held_by_every_form(small: &str, big: &str) -> bool {
    let chars: Vec<char> = big.chars().collect();
    let less = |i: usize| -> String {
        chars
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, c)| c)
            .collect()
    };
    is_subsequence(small, big)
        && stem(big).is_none_or(|s| is_subsequence(small, &s))
        && (!big.ends_with('y') || is_subsequence(small, &less(chars.len() - 1)))
        && (chars.len() < MIN_EXTRA || (0..chars.len()).all(|i| is_subsequence(small, &less(i))))
}

/// Does every strict match of the fuzzy term `n` imply one of `o`, a
/// start of it (the last query's term, typed on)? Quality by quality:
///
/// - word and part: `n` occurs, so `o` does;
/// - close, letters left out: `o`'s letters lie within a span no longer
///   than `n`'s allows, within `o`'s own allowance only while `n / 4 ==
///   o / 4`: a term reaching 4, 8, 12... characters is searched afresh;
/// - stem: the stem occurs; it holds `o` when at least as long, and
///   otherwise it is `o`'s stem too or nothing is implied: typing the
///   ending that gives a term a shorter stem (`employmen` → `employment`,
///   `rentin` → `renting`) searches afresh;
/// - one letter too many (or changed): `n` less (or with another) one
///   character starts a word; `o` less (or with) the same does too, a
///   match when `o` has [`MIN_EXTRA`] characters, else only if the
///   character was past `o` (then `o` occurs): a term reaching
///   [`MIN_EXTRA`] characters is searched afresh.
pub(crate) fn types_on_strictly(n: &str, o: &str) -> bool {
    let (nl, ol) = (n.chars().count(), o.chars().count());
    n.starts_with(o)
        && nl / 4 <= ol / 4
        && stem(n).is_none_or(|s| s.chars().count() >= ol || stem(o).as_ref() == Some(&s))
        && (nl < MIN_EXTRA || ol >= MIN_EXTRA)
}

fn implies_strictly(n: &Simple, o: &Simple) -> bool {
    if n.kind != MatchKind::Fuzzy || n.scope.is_some() {
        return implies(n, o);
    }
    if n.scope != o.scope || n.kind != o.kind || o.case_sensitive != n.case_sensitive {
        return false;
    }
    types_on_strictly(&n.text, &o.text)
}

fn implies(n: &Simple, o: &Simple) -> bool {
    // A literal term (an expansion's whole words) occurs as typed, so it
    // holds any fuzzy term spelled within it (`personal adviser` → `p`).
    if n.kind != MatchKind::Fuzzy
        && o.kind == MatchKind::Fuzzy
        && n.scope.is_none()
        && o.scope.is_none()
        && (!o.case_sensitive || n.case_sensitive)
    {
        let nt: String = if o.case_sensitive == n.case_sensitive {
            n.text.clone()
        } else {
            n.text.chars().map(lower_char).collect()
        };
        return nt.contains(&o.text);
    }
    if n.scope != o.scope || n.kind != o.kind || (o.case_sensitive && !n.case_sensitive) {
        return false;
    }
    let nt: String = if o.case_sensitive == n.case_sensitive {
        n.text.clone()
    } else {
        n.text.chars().map(lower_char).collect()
    };
    match n.kind {
        MatchKind::Fuzzy => held_by_every_form(&o.text, &nt),
        MatchKind::Exact => nt.contains(&o.text),
        MatchKind::Prefix => nt.starts_with(&o.text),
        MatchKind::Suffix => nt.ends_with(&o.text),
        MatchKind::Equal | MatchKind::WordExact => nt == o.text,
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
            phrase: phrase.map(Phrase::new),
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
        let meta = self
            .entities
            .iter()
            .enumerate()
            .map(|(at, e)| {
                if wider.is_some_and(|w| w.meta[at] < 0) {
                    return -1;
                }
                let scores = e.folded.iter().zip(&e.names).filter_map(|(f, name)| {
                    let hay = f.variant(name, t.case_sensitive);
                    match (t.kind, t.negated) {
                        (_, true) => literal(hay, &pat, t.kind).map(|_| 1),
                        (MatchKind::Fuzzy, false) => best_match(hay, &pat, false)
                            .map(|f| pack(f.quality, Place::Name, f.score))
                            .or_else(|| loose(hay, &pat).map(|s| pack(Quality::Loose, Place::Name, s))),
                        (kind, false) => literal(hay, &pat, kind).map(|(q, s, _)| pack(q, Place::Name, s)),
                    }
                });
                scores.max().unwrap_or(-1)
            })
            .collect();
        CTerm::Text(Box::new(TextTerm {
            pat,
            kind: t.kind,
            negated: t.negated,
            meta,
        }))
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

fn simplify(t: &Term) -> Simple {
    let case_sensitive = t.case_sensitive && t.scope.is_none();
    let kind = if t.scope.is_some() { MatchKind::Exact } else { t.kind };
    Simple {
        scope: t.scope,
        kind,
        text: fold(&t.text, case_sensitive),
        case_sensitive,
    }
}
