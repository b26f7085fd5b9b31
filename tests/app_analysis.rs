//! The analysis views in the app, driven by keys with no terminal: the
//! source filter (S) and the matrix section.

mod support;

use casebook::app::nav::{NavItem, Section};
use casebook::app::view::{Entry, entries};
use casebook::dataset::Doc;
use support::*;

fn select(s: &mut casebook::app::State, item: &NavItem) {
    let at = s.nav_items().iter().position(|x| x == item).expect("in the navigator");
    s.nav_selected = at;
}

#[test]
fn s_cycles_the_source_filter_over_every_list() {
    let mut a = app();
    let s = &mut a.state;
    select(s, &NavItem::Section(Section::Findings));
    let all = entries(s).len();
    let mut seen = Vec::new();
    for doc in Doc::ALL {
        typed(s, "S");
        assert_eq!(s.filters.source, Some(doc));
        let list = entries(s);
        assert!(!list.is_empty() && list.len() < all, "{doc:?}: {} of {all}", list.len());
        for e in &list {
            let Entry::Passage(i) = e else { panic!("a passage") };
            assert_eq!(s.ds.passages[*i].source.doc, doc);
        }
        seen.push(list.len());
        let bar = text(&draw(s, 120, 40, NO_COLOR));
        assert!(bar.contains(&format!("source: {}", doc.as_str())), "{bar}");
    }
    assert_eq!(seen.iter().sum::<usize>(), all, "baseline + interim findings = all findings");
    typed(s, "S");
    assert_eq!(s.filters.source, None);
    assert_eq!(entries(s).len(), all);
    // x clears it with the others.
    typed(s, "S");
    typed(s, "x");
    assert!(s.filters.is_empty());
}

#[test]
fn the_source_filter_applies_to_search_and_help_lists_the_key() {
    let mut a = app();
    let s = &mut a.state;
    typed(s, "SS");
    assert_eq!(s.search_filters().sources, vec![Doc::Interim]);
    typed(s, "/");
    typed(s, "childcare");
    assert!(!s.search.hits.is_empty());
    for h in &s.search.hits {
        let p = s.ds.passage(&h.id).expect("a passage, not a note");
        assert_eq!(p.source.doc, Doc::Interim);
    }
    press(s, crossterm::event::KeyCode::Esc);
    typed(s, "?");
    let help = text(&draw(s, 120, 40, NO_COLOR));
    assert!(help.contains("source: all / baseline / interim"), "{help}");
}
