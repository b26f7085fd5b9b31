//! The source filter: every passage comes from one document, so the
//! baseline and interim filters partition the bundled dataset's passages;
//! the `source:` scope agrees with the filter; field notes belong to
//! neither; `--source` on `casebook search` as a process.

use std::collections::BTreeSet;

use assert_cmd::Command;
use casebook::dataset::{Document, Kind, load_bundled};
use casebook::search::{Filters, Query, SearchDoc, SearchIndex};

fn ids(ix: &SearchIndex, query: &str, f: &Filters) -> BTreeSet<String> {
    let q = Query::parse(query).expect("valid query");
    ix.search(&q, f, 0).into_iter().map(|h| h.id).collect()
}

fn only(doc: Document) -> Filters {
    Filters {
        sources: vec![doc],
        ..Filters::default()
    }
}

fn note() -> SearchDoc {
    SearchDoc {
        id: "note-1".into(),
        kind: Kind::Note,
        las: vec!["lambeth".into()],
        centre: None,
        wards: vec![],
        title: "Visit".into(),
        text: "Met parents.".into(),
        themes: vec![],
        source: "Field note".into(),
    }
}

#[test]
fn baseline_and_interim_partition_the_passages() {
    let ds = load_bundled().expect("bundled dataset");
    let ix = SearchIndex::new(&ds, vec![note()]);
    let baseline = ids(&ix, "", &only(Document::Baseline));
    let interim = ids(&ix, "", &only(Document::Interim));
    assert!(!baseline.is_empty() && !interim.is_empty());
    assert!(baseline.is_disjoint(&interim), "a passage in both sources");
    let all: BTreeSet<String> = ds.passages.iter().map(|p| p.id.clone()).collect();
    let union: BTreeSet<String> = baseline.union(&interim).cloned().collect();
    assert_eq!(union, all, "baseline + interim is every passage, and no note");
    for p in &ds.passages {
        let set = if p.document == Document::Baseline {
            &baseline
        } else {
            &interim
        };
        assert!(set.contains(&p.id), "{} filed under the wrong source", p.id);
    }
    // Both sources together: every passage, still no note.
    let both = Filters {
        sources: Document::ALL.to_vec(),
        ..Filters::default()
    };
    assert_eq!(ids(&ix, "", &both), all);
    assert!(ids(&ix, "", &Filters::default()).contains("note-1"));
}

#[test]
fn the_source_scope_agrees_with_the_filter() {
    let ds = load_bundled().expect("bundled dataset");
    let ix = SearchIndex::new(&ds, vec![note()]);
    for doc in Document::ALL {
        let scoped = ids(&ix, &format!("source:{}", doc.as_str()), &Filters::default());
        assert_eq!(scoped, ids(&ix, "", &only(doc)), "source:{}", doc.as_str());
    }
    // The document's name works too, and negation leaves the other one (plus notes).
    assert_eq!(
        ids(&ix, "source:case-study", &Filters::default()),
        ids(&ix, "", &only(Document::Interim))
    );
    let not_interim = ids(&ix, "!source:interim", &Filters::default());
    assert!(not_interim.contains("note-1"));
    assert!(ids(&ix, "", &only(Document::Baseline)).is_subset(&not_interim));
    assert_eq!(not_interim.len(), ids(&ix, "", &only(Document::Baseline)).len() + 1);
    // With text: a narrower set, all from that source.
    let childcare = ids(&ix, "childcare source:interim", &Filters::default());
    assert!(!childcare.is_empty());
    assert!(childcare.is_subset(&ids(&ix, "", &only(Document::Interim))));
}

fn search_count(args: &[&str]) -> String {
    let out = Command::cargo_bin("casebook")
        .expect("the binary is built")
        .env("CASEBOOK_NOTES", "/nonexistent/casebook-notes.ron")
        .arg("search")
        .args(args)
        .args(["--limit", "0"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn search_takes_source_as_a_process() {
    let ds = load_bundled().expect("bundled dataset");
    let count = |d: Document| ds.passages.iter().filter(|p| p.document == d).count();
    for d in Document::ALL {
        let last = search_count(&["--source", d.as_str()]);
        assert!(last.starts_with(&format!("{} match", count(d))), "{last}");
        assert_eq!(search_count(&[&format!("source:{}", d.as_str())]), last);
    }
    let out = Command::cargo_bin("casebook")
        .expect("the binary is built")
        .args(["search", "--source", "intrim"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no source with id `intrim`") && err.contains("interim"),
        "{err}"
    );
}
