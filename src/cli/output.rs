//! Shared output helpers: aligned text columns, closest-id suggestions.

use super::CliError;

/// The ids closest to `input` (by edit distance, then prefix), best first, at most three.
pub fn closest<'a>(input: &str, ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let input = input.to_lowercase();
    let mut scored: Vec<(usize, &str)> = ids
        .map(|id| {
            let d = levenshtein(&input, &id.to_lowercase());
            let bonus = if id.contains(&input) || input.contains(id) {
                0
            } else {
                1
            };
            (d * 2 + bonus, id)
        })
        .collect();
    scored.sort();
    let limit = (input.chars().count() / 2).max(3) * 2 + 1;
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(3)
        .map(|(_, id)| id.to_string())
        .collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Lay rows out in aligned columns (display width aware), two spaces apart.
pub fn align(rows: &[Vec<String>]) -> String {
    use unicode_width::UnicodeWidthStr;
    // Each cell on one line, escapes visible, before widths are measured.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| crate::sanitize::line(c)).collect())
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if c + 1 < r.len() {
                line.push_str(&" ".repeat(widths[c].saturating_sub(cell.width())));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_suggests_near_misses() {
        let ids = ["lambeth", "ealing", "blackpool"];
        assert_eq!(closest("lambth", ids.iter().copied()), vec!["lambeth"]);
        assert!(closest("zzzzzzzzzzzz", ids.iter().copied()).is_empty());
    }

    #[test]
    fn align_pads_columns() {
        let rows = vec![vec!["a".into(), "bb".into()], vec!["ccc".into(), "d".into()]];
        assert_eq!(align(&rows), "a    bb\nccc  d\n");
    }
}

/// `--format` for commands that print text or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextJson {
    Text,
    Json,
}

/// "no <what> with id `<id>`", suggesting the closest of `ids`.
pub fn not_found<'a>(what: &'static str, id: &str, ids: impl Iterator<Item = &'a str>) -> CliError {
    CliError::NotFound {
        what,
        id: id.to_string(),
        suggestions: closest(id, ids),
    }
}
