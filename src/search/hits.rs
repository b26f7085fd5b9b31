//! Building a [`Hit`]: where each term matched the title and the text
//! (character ranges of the original strings) and a snippet.
//!
//! A term's text match is shown unless it is scattered thinly (under half
//! the best score the term could get) while the title matched better.
//!
//! The snippet is about [`SNIPPET_CHARS`] characters of the text around the
//! best text match, cut at spaces, with `…` where it was cut and line breaks
//! shown as spaces; when only the title matched it is the whole title, and
//! when neither did (a match on a name or theme, or no text terms) the
//! opening of the text. `snippet_matches` index the snippet's characters.

use std::ops::Range;

use super::Hit;
use super::compile::{CTerm, Compiled};
use super::eval::{Mode, TEXT_WEIGHT, TITLE_WEIGHT};
use super::fold::merge;
use super::index::SearchIndex;

/// Target length of a snippet, in characters.
pub const SNIPPET_CHARS: usize = 120;

impl SearchIndex {
    pub(crate) fn hit(&self, c: &Compiled, i: usize, score: i64) -> Hit {
        let (d, p) = (&self.docs[i], &self.prepared[i]);
        let mut title = Vec::new();
        let mut text = Vec::new();
        // The best text match: (score, its ranges).
        let mut focus: Option<(i64, Vec<Range<usize>>)> = None;
        for g in &c.groups {
            let alt = match g.alts.len() {
                1 => 0,
                _ => match self.group(&g.alts, i, Mode::Exact, &mut None) {
                    Some((_, alt)) => alt,
                    None => continue,
                },
            };
            for t in &g.alts[alt] {
                let CTerm::Text(t) = t else { continue };
                if t.negated {
                    continue;
                }
                let mut in_title = 0;
                if let Some((s, pos)) = self.positions(t, &p.title) {
                    in_title = s * TITLE_WEIGHT;
                    title.extend(self.arena.to_original(&p.title, pos));
                }
                // A text match scattered thinly (under half the best possible
                // score) is noise beside a better title match: not shown.
                if let Some((s, pos)) = self.positions(t, &p.text)
                    && (s * TEXT_WEIGHT >= in_title || s * 2 >= t.pat.max_score())
                {
                    let ranges = self.arena.to_original(&p.text, pos);
                    if focus.as_ref().is_none_or(|(b, _)| s > *b) {
                        focus = Some((s, ranges.clone()));
                    }
                    text.extend(ranges);
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
            score,
            themes: d.themes.clone(),
            source: d.source.clone(),
            title_matches,
            text_matches,
        }
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
