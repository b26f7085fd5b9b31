//! The query language: fzf's extended search syntax plus field scopes.
//!
//! | Token          | Meaning                                                        |
//! |----------------|----------------------------------------------------------------|
//! | `lone parents` | two terms, both must match (AND); each fuzzy                   |
//! | `'outreach`    | exact: the text contains `outreach`                            |
//! | `'IB'`         | exact at word boundaries: `IB` as a whole word                 |
//! | `^partner`     | prefix: the title, a line of the text or a name starts so      |
//! | `barriers$`    | suffix: … ends so (trailing spaces ignored)                    |
//! | `^Lambeth$`    | equal: … is exactly this                                       |
//! | `!fathers`     | negation: no searched field contains `fathers` (exact)         |
//! | `dads \| fathers` | OR: either term (binds tighter than AND)                    |
//! | `la:lambeth`   | scope: an LA whose id, name or alias contains `lambeth`        |
//! | `theme:`, `kind:`, `centre:` (or `center:`), `ward:` | the same for those fields |
//! | `source:interim` | scope: passages from that document (`baseline` or `interim`; notes have none) |
//! | `foo\ bar`     | a backslash keeps a space inside a term                        |
//!
//! Operators combine: `!^draft`, `!la:lambeth`, `la:ealing | la:lambeth`.
//! Case is smart, per term as in fzf: a term with an upper-case letter is
//! matched case-sensitively, any other case-insensitively. Scope values are
//! always case-insensitive.

use std::fmt;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 2000;
/// Most terms accepted in one query.
pub const MAX_TERMS: usize = 64;

/// How a term's text must appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Its characters in order, not necessarily together (the default).
    Fuzzy,
    /// As a substring (`'text`; also every negated term).
    Exact,
    /// As a whole word or words (`'text'`).
    WordExact,
    /// At the start of a field or line (`^text`).
    Prefix,
    /// At the end of a field or line (`text$`).
    Suffix,
    /// As the whole field or line (`^text$`).
    Equal,
}

/// A field a term can be scoped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    La,
    Theme,
    Kind,
    Centre,
    Ward,
    Source,
}

impl Scope {
    /// Every scope, in the order they are listed to users.
    pub const ALL: &'static [Scope] = &[
        Scope::La,
        Scope::Theme,
        Scope::Kind,
        Scope::Centre,
        Scope::Ward,
        Scope::Source,
    ];

    /// The name written before the colon.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::La => "la",
            Scope::Theme => "theme",
            Scope::Kind => "kind",
            Scope::Centre => "centre",
            Scope::Ward => "ward",
            Scope::Source => "source",
        }
    }

    /// A scope by name (case-insensitive; `center` is accepted for `centre`).
    pub fn parse(name: &str) -> Option<Scope> {
        let name = name.to_ascii_lowercase();
        Scope::ALL
            .iter()
            .copied()
            .find(|s| s.as_str() == name)
            .or(match name.as_str() {
                "center" => Some(Scope::Centre),
                _ => None,
            })
    }

    fn example(self) -> &'static str {
        match self {
            Scope::La => "la:lambeth",
            Scope::Theme => "theme:outreach",
            Scope::Kind => "kind:finding",
            Scope::Centre => "centre:clifton",
            Scope::Ward => "ward:larkhall",
            Scope::Source => "source:interim",
        }
    }
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// `!`: the term excludes what it matches.
    pub negated: bool,
    /// `la:` and the like: the term filters on that field.
    pub scope: Option<Scope>,
    /// How the text must appear (scoped terms: as a substring).
    pub kind: MatchKind,
    /// The term's text as typed, operators removed (not yet folded).
    pub text: String,
    /// Smart case: the text has an upper-case letter (never for scopes).
    pub case_sensitive: bool,
}

/// Terms joined by `|`: a document must match at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub alternatives: Vec<Term>,
}

/// A parsed query: every group must match (AND).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    raw: String,
    groups: Vec<Group>,
}

/// What is wrong with a query, worded for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("`!` on its own excludes nothing: put the text to leave out right after it, e.g. `!fathers`")]
    LoneNegation,
    #[error("`{0}` on its own matches nothing: {1}")]
    LoneOperator(&'static str, &'static str),
    #[error("`|` needs a term on each side, e.g. `dads | fathers`")]
    DanglingOr,
    #[error(
        "unknown scope `{0}:`; the scopes are la:, theme:, kind:, centre:, ward: and source: (to search for the text itself, quote it: `'{0}:…`)"
    )]
    UnknownScope(String),
    #[error("`{0}:` needs a value right after the colon, e.g. `{1}`")]
    EmptyScope(String, &'static str),
    #[error("the query is too long ({0}); the limit is {MAX_QUERY_CHARS} characters and {MAX_TERMS} terms")]
    TooLong(String),
}

impl Query {
    /// Parse a query typed by a person. Never panics; an empty or blank
    /// query is valid and matches everything.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let chars = input.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong(format!("{chars} characters")));
        }
        let tokens = tokenize(input);
        if tokens.len() > MAX_TERMS * 2 {
            return Err(QueryError::TooLong(format!("{} terms", tokens.len())));
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut pending_or = false;
        for token in tokens {
            if token == "|" {
                if groups.is_empty() || pending_or {
                    return Err(QueryError::DanglingOr);
                }
                pending_or = true;
                continue;
            }
            let term = parse_term(&token)?;
            match groups.last_mut() {
                Some(g) if pending_or => g.alternatives.push(term),
                _ => groups.push(Group {
                    alternatives: vec![term],
                }),
            }
            pending_or = false;
        }
        if pending_or {
            return Err(QueryError::DanglingOr);
        }
        let terms: usize = groups.iter().map(|g| g.alternatives.len()).sum();
        if terms > MAX_TERMS {
            return Err(QueryError::TooLong(format!("{terms} terms")));
        }
        Ok(Query {
            raw: input.to_string(),
            groups,
        })
    }

    /// The groups, all of which must match.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The text the query was parsed from.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// No terms at all: everything matches.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every term, in order.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flat_map(|g| &g.alternatives)
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// Split on whitespace, except whitespace escaped with a backslash.
fn tokenize(input: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_whitespace()) {
            cur.extend(chars.next());
        } else if c.is_whitespace() {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
}

/// `name:value` where `name` is one or more ASCII letters.
fn split_scope(token: &str) -> Option<(&str, &str)> {
    let (name, value) = token.split_once(':')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())).then_some((name, value))
}

fn parse_term(token: &str) -> Result<Term, QueryError> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    if negated && rest.is_empty() {
        return Err(QueryError::LoneNegation);
    }
    let term = |kind, text: &str| Term {
        negated,
        scope: None,
        kind,
        text: text.to_string(),
        case_sensitive: text.chars().any(char::is_uppercase),
    };
    if let Some(quoted) = rest.strip_prefix('\'') {
        if quoted.is_empty() {
            return Err(QueryError::LoneOperator(
                "'",
                "put the exact text right after it, e.g. `'outreach`",
            ));
        }
        return Ok(match quoted.strip_suffix('\'') {
            Some(word) if !word.is_empty() => term(MatchKind::WordExact, word),
            _ => term(MatchKind::Exact, quoted),
        });
    }
    if let Some((name, value)) = split_scope(rest) {
        let scope = Scope::parse(name).ok_or_else(|| QueryError::UnknownScope(name.to_string()))?;
        if value.is_empty() {
            return Err(QueryError::EmptyScope(name.to_string(), scope.example()));
        }
        return Ok(Term {
            negated,
            scope: Some(scope),
            kind: MatchKind::Exact,
            text: value.to_string(),
            case_sensitive: false,
        });
    }
    let (prefix, rest) = match rest.strip_prefix('^') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (suffix, text) = match rest.strip_suffix('$') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if text.is_empty() {
        let (op, hint) = match (prefix, suffix) {
            (true, false) => ("^", "put the start right after it, e.g. `^partner`"),
            (false, true) => ("$", "put the ending right before it, e.g. `barriers$`"),
            _ => ("^$", "put the whole text between them, e.g. `^Lambeth$`"),
        };
        return Err(QueryError::LoneOperator(op, hint));
    }
    let kind = match (prefix, suffix) {
        (true, true) => MatchKind::Equal,
        (true, false) => MatchKind::Prefix,
        (false, true) => MatchKind::Suffix,
        (false, false) if negated => MatchKind::Exact,
        (false, false) => MatchKind::Fuzzy,
    };
    Ok(term(kind, text))
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn one(q: &str) -> Term {
        let q = Query::parse(q).unwrap();
        assert_eq!(q.groups().len(), 1);
        q.groups()[0].alternatives[0].clone()
    }

    #[test]
    fn operators() {
        assert_eq!(one("outreach").kind, MatchKind::Fuzzy);
        assert_eq!(one("'outreach").kind, MatchKind::Exact);
        assert_eq!(one("'IB'").kind, MatchKind::WordExact);
        assert_eq!(one("'IB'").text, "IB");
        assert_eq!(one("^partner").kind, MatchKind::Prefix);
        assert_eq!(one("barriers$").kind, MatchKind::Suffix);
        assert_eq!(one("^Lambeth$").kind, MatchKind::Equal);
        let neg = one("!fathers");
        assert!(neg.negated);
        assert_eq!(neg.kind, MatchKind::Exact);
        assert_eq!(one("!^draft").kind, MatchKind::Prefix);
        assert_eq!(one("'$").text, "$");
    }

    #[test]
    fn and_or_grouping() {
        let q = Query::parse("^core go$ | rb$ | py$  lone").unwrap();
        let sizes: Vec<usize> = q.groups().iter().map(|g| g.alternatives.len()).collect();
        assert_eq!(sizes, vec![1, 3, 1]);
        assert!(Query::parse("   ").unwrap().is_empty());
        assert!(Query::parse("").unwrap().is_empty());
    }

    #[test]
    fn scopes() {
        let t = one("la:Lambeth");
        assert_eq!(
            (t.scope, t.text.as_str(), t.case_sensitive),
            (Some(Scope::La), "Lambeth", false)
        );
        assert_eq!(one("center:clifton").scope, Some(Scope::Centre));
        assert!(one("!kind:finding").negated);
        assert_eq!(one("16:30").scope, None);
        assert_eq!(one("'note:x").kind, MatchKind::Exact);
    }

    #[test]
    fn smart_case_is_per_term() {
        let q = Query::parse("Lambeth outreach").unwrap();
        let cs: Vec<bool> = q.terms().map(|t| t.case_sensitive).collect();
        assert_eq!(cs, vec![true, false]);
    }

    #[test]
    fn escaped_spaces_stay_in_the_term() {
        assert_eq!(one(r"lone\ parents").text, "lone parents");
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(Query::parse("!"), Err(QueryError::LoneNegation));
        assert_eq!(Query::parse("a !"), Err(QueryError::LoneNegation));
        assert_eq!(Query::parse("| a"), Err(QueryError::DanglingOr));
        assert_eq!(Query::parse("a |"), Err(QueryError::DanglingOr));
        assert_eq!(Query::parse("a | | b"), Err(QueryError::DanglingOr));
        assert!(matches!(Query::parse("^"), Err(QueryError::LoneOperator("^", _))));
        assert!(matches!(Query::parse("$"), Err(QueryError::LoneOperator("$", _))));
        assert!(matches!(Query::parse("'"), Err(QueryError::LoneOperator("'", _))));
        let e = Query::parse("foo:bar").unwrap_err();
        assert_eq!(e, QueryError::UnknownScope("foo".into()));
        assert!(e.to_string().contains("unknown scope `foo:`"));
        assert!(matches!(Query::parse("la:"), Err(QueryError::EmptyScope(..))));
        assert!(matches!(
            Query::parse(&"x".repeat(MAX_QUERY_CHARS + 1)),
            Err(QueryError::TooLong(_))
        ));
        assert!(matches!(
            Query::parse(&"a ".repeat(MAX_TERMS + 1)),
            Err(QueryError::TooLong(_))
        ));
    }
}
