//! Building a [`Hit`]: how well it matched, where each term matched the
//! title and the text (character ranges of the original strings) and a
//! snippet.
//!
//! A term that matched as a word or part of a word is highlighted at every
//! such occurrence; a close or loose match at its best place. A loose text
//! match is not shown when the title matched better (it is noise there).
//!
//! The snippet is about [`SNIPPET_CHARS`] characters of the text around the
//! best text match, cut at spaces, with `…` where it was cut and line breaks
//! shown as spaces; when only the title matched it is the whole title, and
//! when neither did (a match on a name or theme, or no text terms) the
//! opening of the text. `snippet_matches` index the snippet's characters.

use std::ops::Range;

use super::Hit;
use super::compile::{CTerm, Compiled, TextTerm};
use super::eval::literal;
use super::field::Field;
use super::fold::merge;
use super::index::SearchIndex;
use super::matcher::{fuzzy_positions, upper_bound};
use super::quality::{Quality, best_match, occurrences};
use super::query::MatchKind;
use super::run::key_quality;

/// Target length of a snippet, in characters.
pub const SNIPPET_CHARS: usize = 120;

/// A term's best match in a field: quality, score, folded character positions.
type Located = (Quality, i64, Vec<usize>);
/// The best text match so far: its (quality, score) and original ranges.
type Focus = ((Quality, i64), Vec<Range<usize>>);

impl SearchIndex {
    pub(crate) fn hit(&self, c: &Compiled, i: usize, key: u64) -> Hit {
        let (d, p) = (&self.docs[i], &self.prepared[i]);
        let mut title = Vec::new();
        let mut text = Vec::new();
        // The best text match: (quality, score) and its ranges.
        let mut focus: Option<Focus> = None;
        for g in &c.groups {
            let alt = match g.alts.len() {
                1 => 0,
                _ => match self.group(&g.alts, i, false) {
                    Some((_, alt)) => alt,
                    None => continue,
                },
            };
            for t in &g.alts[alt] {
                let CTerm::Text(t) = t else { continue };
                if t.negated {
                    continue;
                }
                let in_title = self.locate(t, &p.title, true);
                if let Some(m) = &in_title {
                    title.extend(self.shown(t, &p.title, m));
                }
                // A loose text match is not shown when the title matched
                // better, so not looked for.
                let loose_too = in_title.as_ref().is_none_or(|tm| tm.0 == Quality::Loose);
                if let Some(m) = self.locate(t, &p.text, loose_too) {
                    let best = self.arena.to_original(&p.text, m.2.iter().copied());
                    if focus.as_ref().is_none_or(|(b, _)| (m.0, m.1) > *b) {
                        focus = Some(((m.0, m.1), best));
                    }
                    text.extend(self.shown(t, &p.text, &m));
                }
            }
        }
        let title_matches = merge(title);
        let text_matches = merge(text);
        let (snippet, snippet_matches) = match focus {
            Some((_, ranges)) => snippet(&d.text, &ranges, &text_matches),
            None if !title_matches.is_empty() => (d.title.replace('\n', " "), title_matches.clone()),
            None => snippet(&d.text, &[], &[]),
        };
        Hit {
            doc: i,
            id: d.id.clone(),
            kind: d.kind,
            las: d.las.clone(),
            centre: d.centre.clone(),
            title: d.title.clone(),
            snippet,
            snippet_matches,
            score: if c.scoring { key as i64 } else { 0 },
            quality: key_quality(key),
            themes: d.themes.clone(),
            source: d.source.clone(),
            title_matches,
            text_matches,
        }
    }

    /// Where a positive text term matches a field best; loose matches
    /// only when `loose_too`.
    pub(crate) fn locate(&self, t: &TextTerm, field: &Field, loose_too: bool) -> Option<Located> {
        let cs = t.pat.case_sensitive;
        let hay = self.arena.hay(field, cs);
        if t.kind != MatchKind::Fuzzy {
            let (q, s, at) = literal(hay, &t.pat, t.kind)?;
            let start = hay[..at].chars().count();
            return Some((q, s, (start..start + t.pat.chars.len()).collect()));
        }
        if let Some(f) = best_match(hay, &t.pat, true) {
            return Some((f.quality, f.score, f.positions));
        }
        if !loose_too {
            return None;
        }
        // Loose: the best chunk by the fuzzy matcher, scoring chunks in
        // decreasing order of their bound and stopping when none can win.
        let mut chunks: Vec<(i64, &super::field::Chunk)> = self
            .arena
            .chunks(field)
            .iter()
            .filter_map(|c| Some((upper_bound(self.arena.chunk(c, cs), &t.pat)?, c)))
            .collect();
        chunks.sort_by_key(|c| std::cmp::Reverse(c.0));
        let mut best: Option<Located> = None;
        for (bound, chunk) in chunks {
            if best.as_ref().is_some_and(|b| b.1 >= bound) {
                break;
            }
            if let Some((s, pos)) = fuzzy_positions(self.arena.chunk(chunk, cs), &t.pat)
                && best.as_ref().is_none_or(|b| s > b.1)
            {
                let base = chunk.chars.0 as usize;
                best = Some((Quality::Loose, s, pos.into_iter().map(|p| p + base).collect()));
            }
        }
        best
    }

    /// The original character ranges to highlight for a located match:
    /// every occurrence of the same kind for words and parts of words.
    fn shown(&self, t: &TextTerm, field: &Field, m: &Located) -> Vec<Range<usize>> {
        let all = match (t.kind, m.0) {
            (MatchKind::Fuzzy | MatchKind::Exact, q @ (Quality::Word | Quality::Part)) => {
                occurrences(self.arena.hay(field, t.pat.case_sensitive), &t.pat, q == Quality::Word)
            }
            _ => Vec::new(),
        };
        let positions = m.2.iter().copied().chain(all.into_iter().flatten());
        self.arena.to_original(field, positions)
    }
}

/// A window of `text` around `focus` (its opening when `focus` is empty),
/// with `matches` clipped and shifted into it.
pub(crate) fn snippet(text: &str, focus: &[Range<usize>], matches: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (mut start, mut end) = match (focus.first(), focus.last()) {
        (Some(f), Some(l)) => {
            let mid = (f.start + l.end) / 2;
            let half = SNIPPET_CHARS / 2;
            let start = mid.saturating_sub(half).min(n.saturating_sub(SNIPPET_CHARS));
            (start, (start + SNIPPET_CHARS).min(n).max(l.end.min(n)))
        }
        _ => (0, SNIPPET_CHARS.min(n)),
    };
    // Cut at spaces, as long as that keeps the focus and a useful length.
    let keep_from = focus.first().map_or(start, |f| f.start.min(n));
    if start > 0
        && let Some(s) = (start..keep_from.min(start + 20)).find(|&k| chars[k - 1].is_whitespace())
    {
        start = s;
    }
    let keep_to = focus.last().map_or(end, |l| l.end.min(n));
    if end < n
        && let Some(e) = (keep_to.max(end.saturating_sub(20))..=end)
            .rev()
            .find(|&k| k < n && chars[k].is_whitespace())
    {
        end = e;
    }
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    let lead = usize::from(start > 0);
    let mut out = String::new();
    if lead == 1 {
        out.push('…');
    }
    out.extend(
        chars[start..end]
            .iter()
            .map(|&c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
    if end < n {
        out.push('…');
    }
    let shifted = matches
        .iter()
        .filter_map(|r| {
            let (s, e) = (r.start.max(start), r.end.min(end));
            (s < e).then(|| s - start + lead..e - start + lead)
        })
        .collect();
    (out, shifted)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_whole() {
        let (s, m) = snippet("Lone parents.", &[0..4], &[0..4]);
        assert_eq!((s.as_str(), m), ("Lone parents.", vec![0..4]));
    }

    #[test]
    fn long_text_is_cut_around_the_focus() {
        let text = format!("{} target words here {}", "alpha ".repeat(40), "omega ".repeat(40));
        let at = text.find("target").unwrap();
        let (s, m) = snippet(&text, &[at..at + 6], &[at..at + 6]);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert!(s.chars().count() <= SNIPPET_CHARS + 2);
        let hl: String = s.chars().skip(m[0].start).take(m[0].end - m[0].start).collect();
        assert_eq!(hl, "target");
    }

    #[test]
    fn no_focus_gives_the_opening() {
        let text = "word ".repeat(60);
        let (s, m) = snippet(&text, &[], &[]);
        assert!(s.starts_with("word") && s.ends_with('…'));
        assert!(m.is_empty());
        assert_eq!(snippet("", &[], &[]).0, "");
    }
}
