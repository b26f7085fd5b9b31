//! `E` writes what is on screen to files, and `B` writes the selected LA's
//! pre-visit brief: into the export directory (`--export-dir`, or
//! `CASEBOOK_EXPORT_DIR`, or the current directory), never overwriting a
//! file (a taken name gets `-2`, `-3`, …), and the status bar says where.
//! The matrix and a table go to CSV and Markdown, a passage list and
//! search results (`export_search`) to Markdown and CSV. Text is sanitised as everything casebook writes for
//! people.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::analysis::{Matrix, describe_filters};
use crate::dataset::{Dataset, slug, sorted_rows};

use super::nav::{NavItem, Section};
use super::state::State;
use super::view::{self, Entry, PaneKind};

/// Write `text` to `dir/stem.ext`, or `stem-2.ext`… if that is taken.
pub fn write_new(dir: &Path, stem: &str, ext: &str, text: &str) -> std::io::Result<PathBuf> {
    let text = crate::sanitize::text(text);
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{stem}.{ext} and 998 numbered names are all taken"
    )))
}

fn dir(state: &State) -> PathBuf {
    state.export_dir.clone().unwrap_or_else(|| PathBuf::from("."))
}

/// `E`: the current view as files.
pub(crate) fn export(state: &mut State) {
    let searching = matches!(state.overlay, Some(super::state::Overlay::Search));
    let matrix = state.overlay.is_none() && state.nav_item() == Some(NavItem::Section(Section::Matrix));
    if !state.search_ready() && (searching || matrix) {
        state.status = Some("Search is still being prepared: export again in a moment".into());
        return;
    }
    let view = if searching {
        super::export_search::files(state)
    } else {
        render_view(state)
    };
    let Some((stem, files)) = view else {
        state.status = Some("Nothing to export here: open a list, a table, the matrix or search results".into());
        return;
    };
    let dir = dir(state);
    let mut written = Vec::new();
    for (ext, text) in files {
        match write_new(&dir, &stem, ext, &text) {
            Ok(p) => written.push(p),
            Err(e) => {
                state.status = Some(format!("Export failed in {}: {e}", dir.display()));
                return;
            }
        }
    }
    state.status = Some(format!("Exported to {}: {}", dir.display(), file_names(&written)));
}

/// `a.md and .csv` when the files share a stem (the usual case, short
/// enough for an 80-column status bar), else every name.
fn file_names(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        p.file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    };
    let stem = |p: &PathBuf| p.file_stem().map(|s| s.to_os_string());
    match paths {
        [first, rest @ ..] if rest.iter().all(|p| stem(p) == stem(first)) => {
            let exts: Vec<String> = rest
                .iter()
                .filter_map(|p| p.extension())
                .map(|e| format!(".{}", e.to_string_lossy()))
                .collect();
            std::iter::once(name(first))
                .chain(exts)
                .collect::<Vec<_>>()
                .join(" and ")
        }
        _ => paths.iter().map(name).collect::<Vec<_>>().join(" and "),
    }
}

/// Space: mark or unmark the selected LA for `C`.
pub(crate) fn mark(state: &mut State) {
    let Some(NavItem::La(id)) = state.nav_item() else {
        state.status = Some("Space marks LAs for comparison: select an LA".into());
        return;
    };
    match state.marked.iter().position(|m| m == &id) {
        Some(i) => {
            state.marked.remove(i);
        }
        None => state.marked.push(id),
    }
    state.status = Some(format!("{} LA(s) marked · C compares them", state.marked.len()));
}

/// `C`: the marked LAs side by side, in the reader.
pub(crate) fn compare(state: &mut State) {
    if state.marked.len() < 2 {
        state.status = Some("Mark two or more LAs with Space, then press C".into());
        return;
    }
    let c = crate::analysis::compare::compare(&state.ds, &state.marked);
    state.comparison = crate::analysis::compare::text(&c);
    state.overlay = Some(super::state::Overlay::Reader {
        item: super::state::Readable::Comparison,
        scroll: 0,
    });
}

/// `B`: the brief on the selected LA (or the LA of the selected centre or ward).
pub(crate) fn brief(state: &mut State) {
    let la = match state.nav_item() {
        Some(NavItem::La(id)) => Some(id),
        Some(NavItem::Centre(id)) => state.ds.centre(&id).map(|c| c.la.clone()),
        Some(NavItem::Ward(id)) => state.ds.ward(&id).map(|w| w.la.clone()),
        _ => None,
    };
    let Some(la) = la else {
        state.status = Some("Select an LA (or one of its centres or wards) for its brief".into());
        return;
    };
    let doc = crate::analysis::brief::brief(&state.ds, &la, state.notes.notes());
    let md = crate::analysis::brief::markdown(&doc);
    state.status = Some(match write_new(&dir(state), &format!("brief-{la}"), "md", &md) {
        Ok(p) => format!("Brief written to {}", p.display()),
        Err(e) => format!("Brief not written: {e}"),
    });
}

pub(super) type Files = (String, Vec<(&'static str, String)>);

fn render_view(state: &State) -> Option<Files> {
    if let Some(super::state::Overlay::Reader {
        item: super::state::Readable::Comparison,
        ..
    }) = &state.overlay
    {
        let c = crate::analysis::compare::compare(&state.ds, &state.marked);
        let md = format!("# LAs side by side\n\n```\n{}```\n", state.comparison);
        let stem = format!("casebook-compare-{}", state.marked.join("-"));
        return Some((stem, vec![("md", md), ("csv", compare_csv(&c))]));
    }
    match view::pane_kind(state) {
        PaneKind::Matrix => {
            let m = &state.matrix.data;
            let md = format!(
                "# Passages and notes per {} and theme\n\n*{}*\n\n{}",
                if m.rows_of == crate::analysis::Rows::La {
                    "LA"
                } else {
                    "centre"
                },
                describe_filters(&state.search_filters()),
                matrix_markdown(m)
            );
            let stem = match m.rows_of {
                crate::analysis::Rows::La => "casebook-matrix",
                crate::analysis::Rows::Centre => "casebook-matrix-centres",
            };
            Some((stem.into(), vec![("csv", matrix_csv(m)), ("md", md)]))
        }
        PaneKind::Table(id) => {
            let t = state.ds.table(&id)?;
            let order = sorted_rows(t, state.table.sort, state.table.desc);
            let csv = crate::cli::table_csv(&state.ds, t, &order);
            let mut md = format!("# Table {} {}\n\n", t.id, t.title);
            let header: Vec<String> = std::iter::once("Area".to_string())
                .chain(t.columns.iter().map(|c| c.name.clone()))
                .collect();
            let rows = order.iter().map(|&r| {
                let row = &t.rows[r];
                std::iter::once(row.label.clone())
                    .chain(row.cells.iter().map(|c| c.clone().unwrap_or_else(|| "–".into())))
                    .collect::<Vec<_>>()
            });
            md.push_str(&md_table(&header, rows));
            md.push_str(&format!("\n*Source: Baseline report, Table {}*\n", t.id));
            Some((
                format!("casebook-table-{}", slug(&t.id)),
                vec![("csv", csv), ("md", md)],
            ))
        }
        PaneKind::List => {
            let entries = view::entries(state);
            if entries.is_empty() {
                return None;
            }
            let item = state.nav_item()?;
            let title = item_name(&state.ds, &item);
            let tab = state.current_tab().map(|t| t.label()).unwrap_or("");
            let heading = if tab.is_empty() {
                title.clone()
            } else {
                format!("{title} · {tab}")
            };
            let md = list_markdown(&state.ds, state, &heading, &entries);
            let csv = list_csv(&state.ds, state, &entries);
            Some((format!("casebook-{}", slug(&heading)), vec![("md", md), ("csv", csv)]))
        }
        PaneKind::Overview => None,
    }
}

/// The navigator item's name, for file names and headings.
fn item_name(ds: &Dataset, item: &NavItem) -> String {
    match item {
        NavItem::La(id) => ds.la(id).map_or(id.clone(), |l| l.name.clone()),
        NavItem::Centre(id) => ds.centre(id).map_or(id.clone(), |c| c.name.clone()),
        NavItem::Ward(id) => ds.ward(id).map_or(id.clone(), |w| w.name.clone()),
        NavItem::Table(id) => format!("Table {id}"),
        NavItem::Section(s) => s.label().to_string(),
    }
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

pub(super) fn csv_line(fields: &[String]) -> String {
    let f: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    format!("{}\n", f.join(","))
}

fn md_cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "\\|")
}

fn md_table(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let line = |cells: &[String]| {
        format!(
            "| {} |\n",
            cells.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | ")
        )
    };
    let mut out = line(header);
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for r in rows {
        out.push_str(&line(&r));
    }
    out
}

/// The comparison's figures: table, figure, one column per LA, GB, pilot range.
fn compare_csv(c: &crate::analysis::compare::Comparison) -> String {
    let header: Vec<String> = ["table", "figure"]
        .map(String::from)
        .into_iter()
        .chain(c.las.iter().map(|(id, _)| id.clone()))
        .chain(["gb".to_string(), "pilot_min".to_string(), "pilot_max".to_string()])
        .collect();
    let mut out = csv_line(&header);
    for f in &c.figures {
        let (min, max) = f.range.clone().unwrap_or_default();
        let row: Vec<String> = [f.table.clone(), f.column.clone()]
            .into_iter()
            .chain(f.values.iter().map(|v| v.clone().unwrap_or_default()))
            .chain([f.gb.clone().unwrap_or_default(), min, max])
            .collect();
        out.push_str(&csv_line(&row));
    }
    out
}

fn matrix_csv(m: &Matrix) -> String {
    let mut out = csv_line(
        &std::iter::once(m.rows_of.as_str().to_string())
            .chain(m.columns.iter().cloned())
            .collect::<Vec<_>>(),
    );
    for (r, id) in m.rows.iter().enumerate() {
        out.push_str(&csv_line(
            &std::iter::once(id.clone())
                .chain(m.counts[r].iter().map(|n| n.to_string()))
                .collect::<Vec<_>>(),
        ));
    }
    out
}

fn matrix_markdown(m: &Matrix) -> String {
    let header: Vec<String> = std::iter::once(m.rows_of.label().to_string())
        .chain(m.column_labels.iter().cloned())
        .chain(["any".to_string()])
        .collect();
    let rows = m.row_names.iter().enumerate().map(|(r, name)| {
        std::iter::once(name.clone())
            .chain(m.counts[r].iter().map(|n| n.to_string()))
            .chain([m.row_totals[r].to_string()])
            .collect()
    });
    let mut out = md_table(&header, rows);
    out.push_str(&format!(
        "| any | {} | {} |\n",
        m.column_totals
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" | "),
        m.total
    ));
    out
}

/// An entry with no text or source of its own: a ward, centre or table.
fn bare(id: &str, kind: &str, name: &str) -> (String, String, String, String, String) {
    (id.into(), kind.into(), name.into(), String::new(), String::new())
}

pub(super) fn entry_parts(ds: &Dataset, state: &State, e: &Entry) -> Option<(String, String, String, String, String)> {
    match e {
        Entry::Passage(i) => ds.passages.get(*i).map(|p| {
            (
                p.id.clone(),
                p.kind.as_str().to_string(),
                p.title.clone(),
                p.text.clone(),
                p.source_label(),
            )
        }),
        Entry::Note(id) => state.notes.get(id).map(|n| {
            (
                n.id.clone(),
                "note".into(),
                n.title(),
                n.text.clone(),
                format!("Field note, {}", n.updated),
            )
        }),
        Entry::Ward(id) => ds.ward(id).map(|w| bare(&w.id, "ward", &w.name)),
        Entry::Centre(id) => ds.centre(id).map(|c| bare(&c.id, "centre", &c.name)),
        Entry::Table(id) => ds.table(id).map(|t| bare(&t.id, "table", &t.title)),
        Entry::Theme(id) => ds.theme(id).map(|t| {
            (
                t.id.clone(),
                "theme".into(),
                t.label.clone(),
                t.description.clone(),
                String::new(),
            )
        }),
        Entry::Glossary(i) => ds.glossary.get(*i).map(|g| {
            (
                g.abbr.clone(),
                "glossary".into(),
                g.abbr.clone(),
                g.expansion.clone(),
                String::new(),
            )
        }),
    }
}

fn list_markdown(ds: &Dataset, state: &State, heading: &str, entries: &[Entry]) -> String {
    let mut out = format!("# {heading}\n\n");
    for e in entries {
        if let Some((id, kind, title, text, source)) = entry_parts(ds, state, e) {
            out.push_str(&format!("## {title}\n\n*{kind} `{id}`*\n\n"));
            if !text.is_empty() {
                out.push_str(&format!("{text}\n\n"));
            }
            if !source.is_empty() {
                out.push_str(&format!("*Source: {source}*\n\n"));
            }
        }
    }
    out
}

fn list_csv(ds: &Dataset, state: &State, entries: &[Entry]) -> String {
    let mut out = csv_line(&["id", "kind", "title", "text", "source"].map(String::from));
    for e in entries {
        if let Some((id, kind, title, text, source)) = entry_parts(ds, state, e) {
            out.push_str(&csv_line(&[id, kind, title, text, source]));
        }
    }
    out
}
