//! When one compiled query narrows another: each term reduced to what
//! decides that ([`Simple`]), and the rules by which a term typed on
//! implies the shorter one (any match, or any match better than loose).
//! The searcher uses them to re-search only an earlier search's matches.

use super::compile::{CTerm, Compiled, TextTerm};
use super::fold::{fold, lower_char};
use super::query::{MatchKind, Scope, Term};
use super::stem::stem;
use super::typo::MIN_EXTRA;

/// A term reduced to what decides whether another one implies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Simple {
    scope: Option<Scope>,
    kind: MatchKind,
    text: String,
    case_sensitive: bool,
}

/// One group's alternatives, each a conjunction of terms.
pub(crate) type SimpleGroup = Vec<Vec<Simple>>;

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

pub(crate) fn simplify(t: &Term) -> Simple {
    let case_sensitive = t.case_sensitive && t.scope.is_none();
    let kind = if t.scope.is_some() { MatchKind::Exact } else { t.kind };
    Simple {
        scope: t.scope,
        kind,
        text: fold(&t.text, case_sensitive),
        case_sensitive,
    }
}
