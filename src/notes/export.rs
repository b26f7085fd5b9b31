//! Notes presented against the dataset: target titles, the LAs a note
//! concerns, and the Markdown and CSV exports.

use std::collections::BTreeMap;

use super::{Note, Target};
use crate::dataset::{Dataset, Doc, Passage};

/// A human title for a target: "Lambeth", "Lark Hall (Lambeth)", "Church
/// Street ward (Westminster)", "Passage: …" (the passage title), "No target". Unknown ids
/// are shown as they are.
pub fn target_title(ds: &Dataset, t: &Target) -> String {
    let la_name = |id: &str| ds.la(id).map_or(id.to_string(), |l| l.name.clone());
    match t {
        Target::None => "No target".to_string(),
        Target::La(id) => la_name(id),
        Target::Centre(id) => ds
            .centre(id)
            .map_or(id.clone(), |c| format!("{} ({})", c.name, la_name(&c.la))),
        Target::Ward(id) => ds
            .ward(id)
            .map_or(id.clone(), |w| format!("{} ward ({})", w.name, la_name(&w.la))),
        Target::Passage(id) => format!("Passage: {}", ds.passage(id).map_or(id.as_str(), |p| p.title.as_str())),
    }
}

/// The LA ids a target concerns: the LA itself, a centre's or ward's LA, a
/// passage's LAs; none for [`Target::None`] or an id the dataset lacks.
pub fn target_las(ds: &Dataset, t: &Target) -> Vec<String> {
    match t {
        Target::None => Vec::new(),
        Target::La(id) => vec![id.clone()],
        Target::Centre(id) => ds.centre(id).map(|c| vec![c.la.clone()]).unwrap_or_default(),
        Target::Ward(id) => ds.ward(id).map(|w| vec![w.la.clone()]).unwrap_or_default(),
        Target::Passage(id) => ds.passage(id).map(|p| p.las.clone()).unwrap_or_default(),
    }
}

/// Where a note comes from, for search results: "Field note, Lark Hall (Lambeth)".
pub fn note_source(ds: &Dataset, n: &Note) -> String {
    format!("Field note, {}", target_title(ds, &n.target))
}

/// "Baseline report, Appendix B, Lambeth".
pub(crate) fn passage_source(p: &Passage) -> String {
    let doc = match p.document {
        Doc::Baseline => "Baseline report",
        Doc::Interim => "Interim summary",
    };
    format!("{doc}, {}", p.section)
}

/// Oldest first, by creation time then id.
fn chronological(notes: &[Note]) -> Vec<&Note> {
    let mut v: Vec<&Note> = notes.iter().collect();
    v.sort_by(|a, b| (&a.created, &a.id).cmp(&(&b.created, &b.id)));
    v
}

/// Where a note goes in the Markdown export: LA groups in dataset order, LA
/// ids the dataset lacks, then "Several local authorities", then "No local
/// authority".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum LaGroup {
    Known(usize),
    Unknown(String),
    Several,
    NoLa,
}

fn target_rank(t: &Target) -> u8 {
    match t {
        Target::La(_) => 0,
        Target::Centre(_) => 1,
        Target::Ward(_) => 2,
        Target::Passage(_) => 3,
        Target::None => 4,
    }
}

/// All notes as Markdown: grouped by LA ("No local authority" last), then by
/// target (headed by its title and, for a passage, its source), each note
/// with its id, times, themes and text (quoted), oldest first.
pub fn export_markdown(notes: &[Note], ds: &Dataset) -> String {
    type ByTarget<'a> = BTreeMap<(u8, String, &'a Target), Vec<&'a Note>>;
    let mut groups: BTreeMap<LaGroup, ByTarget> = BTreeMap::new();
    for n in chronological(notes) {
        let las = target_las(ds, &n.target);
        let group = match las.as_slice() {
            [] => LaGroup::NoLa,
            [la] => ds
                .las
                .iter()
                .position(|l| &l.id == la)
                .map_or(LaGroup::Unknown(la.clone()), LaGroup::Known),
            _ => LaGroup::Several,
        };
        let key = (target_rank(&n.target), target_title(ds, &n.target), &n.target);
        groups.entry(group).or_default().entry(key).or_default().push(n);
    }
    let count = match notes.len() {
        1 => "1 note".to_string(),
        n => format!("{n} notes"),
    };
    let mut out = format!("# Field notes\n\n{count}, grouped by local authority and by what each note is about.\n");
    for (group, targets) in &groups {
        let heading = match group {
            LaGroup::Known(i) => ds.las[*i].name.clone(),
            LaGroup::Unknown(id) => id.clone(),
            LaGroup::Several => "Several local authorities".to_string(),
            LaGroup::NoLa => "No local authority".to_string(),
        };
        out.push_str(&format!("\n## {heading}\n"));
        for ((_, title, target), notes) in targets {
            out.push_str(&format!("\n### {title}\n"));
            if let Target::Passage(id) = target
                && let Some(p) = ds.passage(id)
            {
                out.push_str(&format!("\nSource: {}\n", passage_source(p)));
            }
            for n in notes {
                markdown_note(&mut out, n, ds);
            }
        }
    }
    out
}

fn markdown_note(out: &mut String, n: &Note, ds: &Dataset) {
    out.push_str(&format!("\n#### Note `{}`\n\n", n.id));
    if n.updated == n.created {
        out.push_str(&format!("Written {}.", n.created));
    } else {
        out.push_str(&format!("Written {}, edited {}.", n.created, n.updated));
    }
    if !n.themes.is_empty() {
        let labels: Vec<String> = n
            .themes
            .iter()
            .map(|t| ds.theme(t).map_or(t.clone(), |th| format!("{} ({t})", th.label)))
            .collect();
        out.push_str(&format!(" Themes: {}.", labels.join(", ")));
    }
    out.push_str("\n\n");
    for line in n.text.lines() {
        out.push_str(if line.is_empty() { ">" } else { "> " });
        out.push_str(line);
        out.push('\n');
    }
}

/// All notes as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or
/// line breaks quoted), one row per note, oldest first. Columns: `id,
/// target_kind, target_id, la, created, updated, themes, text`; `la` and
/// `themes` join several ids with `;`.
pub fn export_csv(notes: &[Note], ds: &Dataset) -> String {
    let mut out = String::from("id,target_kind,target_id,la,created,updated,themes,text\r\n");
    for n in chronological(notes) {
        let fields = [
            n.id.clone(),
            n.target.kind().to_string(),
            n.target.id().unwrap_or("").to_string(),
            target_las(ds, &n.target).join(";"),
            n.created.clone(),
            n.updated.clone(),
            n.themes.join(";"),
            n.text.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }
}
