//! Finding, in one pass over the whole arena, the documents that hold a
//! literal text: a superset of those a literal term (a glossary expansion
//! or abbreviation, matched as typed) can match, so that a narrowing search
//! need not grade every document for it.

use super::compile::TextTerm;
use super::index::SearchIndex;

impl SearchIndex {
    /// Every document, in index order, whose title or text holds `t`'s
    /// text in `t`'s case variant, or that is tagged with a name `t`
    /// matches. An occurrence running from one document into the next
    /// counts for both; the caller grades each candidate anyway.
    pub(crate) fn docs_holding(&self, t: &TextTerm) -> Vec<u32> {
        let cs = t.pat.case_sensitive;
        let all = self.arena.all(cs);
        let n = self.prepared.len();
        let mut out: Vec<u32> = Vec::new();
        let mut push = |i: usize| {
            if out.last().is_none_or(|&l| (l as usize) < i) {
                out.push(i as u32);
            }
        };
        // Each document's title comes first and its text right after.
        let starts: Vec<usize> = self.prepared.iter().map(|p| self.arena.start(&p.title, cs)).collect();
        let doc_at = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
        let len = t.pat.text.len();
        for at in t.pat.occurrences(all) {
            for i in doc_at(at)..=doc_at(at + len.max(1) - 1) {
                push(i);
            }
        }
        let tagged: Vec<u32> = (0..n as u32)
            .filter(|&i| {
                self.entities_of(&self.prepared[i as usize])
                    .iter()
                    .any(|&e| t.meta[e as usize] >= 0)
            })
            .collect();
        merge(&out, &tagged)
    }
}

/// The union of two sorted lists of document indices, sorted, without repeats.
pub(crate) fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x == y => {
                i += 1;
                j += 1;
                x
            }
            (Some(&x), Some(&y)) if x < y => {
                i += 1;
                x
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => break,
        };
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::merge;

    #[test]
    fn merging_keeps_order_and_drops_repeats() {
        assert_eq!(merge(&[1, 3, 5], &[2, 3, 9]), vec![1, 2, 3, 5, 9]);
        assert_eq!(merge(&[], &[4]), vec![4]);
        assert_eq!(merge(&[7], &[]), vec![7]);
    }
}
