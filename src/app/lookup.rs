//! Facts about the dataset that screens ask for on every frame, computed
//! once when the app opens (the dataset never changes while it runs), so a
//! frame at national scale (50,000 passages, 3,600 wards) costs what it
//! does on the bundled dataset:
//!
//! - the caveat passages, so "which caveats point at this table cell" looks
//!   at the caveats rather than every passage;
//! - the caveats about each passage (the ⚠ beside a list entry);
//! - passages per theme (the Themes list), and the passages naming each
//!   LA, centre and ward (an area's tabs and Overview);
//! - each ward's and centre's LA name (the table view's LA column);
//! - every passage's title and text lowercased (the Glossary's count of the
//!   passages using a term), made the first time a term is counted.

use std::collections::HashMap;

use crate::dataset::{Area, Dataset, Kind};

#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// Indices of the caveat passages, in dataset order.
    pub caveats: Vec<usize>,
    /// Passage id → indices of the caveats about it, in dataset order.
    about: HashMap<String, Vec<usize>>,
    /// Theme id → passages coded with it.
    theme_counts: HashMap<String, usize>,
    /// LA, centre and ward id → indices of the passages that name it, in
    /// dataset order (an LA's tabs filter these rather than every passage).
    by_la: HashMap<String, Vec<usize>>,
    by_centre: HashMap<String, Vec<usize>>,
    by_ward: HashMap<String, Vec<usize>>,
    /// Ward or centre id → its LA's id.
    area_la: HashMap<String, String>,
    /// Each passage's [title, text] lowercased, once asked for.
    lowered: std::sync::OnceLock<Vec<[String; 2]>>,
}

impl Lookup {
    /// Everything but `lowered`. At national scale this is most of the
    /// app's first build: the passages are indexed in two halves side by
    /// side, then the halves joined (the second's indices all come after
    /// the first's, so every list stays in dataset order).
    pub fn build(ds: &Dataset) -> Lookup {
        let mid = ds.passages.len() / 2;
        let mut l = std::thread::scope(|s| {
            let second = s.spawn(|| of_passages(ds, mid..ds.passages.len()));
            let mut l = of_passages(ds, 0..mid);
            let second = second.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            l.join(second);
            l
        });
        for w in &ds.wards {
            l.area_la.insert(w.id.clone(), w.la.clone());
        }
        for c in &ds.centres {
            l.area_la.insert(c.id.clone(), c.la.clone());
        }
        l
    }

    /// Take in the lookup of the passages after this one's.
    fn join(&mut self, later: Lookup) {
        for (t, n) in later.theme_counts {
            *self.theme_counts.entry(t).or_default() += n;
        }
        self.caveats.extend(later.caveats);
        for (mine, theirs) in [
            (&mut self.about, later.about),
            (&mut self.by_la, later.by_la),
            (&mut self.by_centre, later.by_centre),
            (&mut self.by_ward, later.by_ward),
        ] {
            for (id, list) in theirs {
                mine.entry(id).or_default().extend(list);
            }
        }
    }

    /// Each passage's title and text lowercased, in dataset order (made on
    /// first use: only the Glossary asks, and most sessions never do).
    pub fn lowered(&self, ds: &Dataset) -> &[[String; 2]] {
        self.lowered.get_or_init(|| {
            ds.passages
                .iter()
                .map(|p| [p.title.to_lowercase(), p.text.to_lowercase()])
                .collect()
        })
    }

    /// The caveats about the passage `id`, as `Dataset::caveats_about` gives them.
    pub fn caveats_about(&self, id: &str) -> &[usize] {
        self.about.get(id).map_or(&[], Vec::as_slice)
    }

    /// How many passages are coded with the theme.
    pub fn theme_count(&self, theme: &str) -> usize {
        self.theme_counts.get(theme).copied().unwrap_or(0)
    }

    /// How many passages name the LA (as `Dataset::passages_for_la` counts).
    pub fn la_count(&self, la: &str) -> usize {
        self.of_la(la).len()
    }

    /// Indices of the passages whose `las` holds `la`, in dataset order.
    pub fn of_la(&self, la: &str) -> &[usize] {
        self.by_la.get(la).map_or(&[], Vec::as_slice)
    }

    /// Indices of the passages whose `centre` is `centre`, in dataset order.
    pub fn of_centre(&self, centre: &str) -> &[usize] {
        self.by_centre.get(centre).map_or(&[], Vec::as_slice)
    }

    /// Indices of the passages whose `wards` hold `ward`, in dataset order.
    pub fn of_ward(&self, ward: &str) -> &[usize] {
        self.by_ward.get(ward).map_or(&[], Vec::as_slice)
    }

    /// The LA id of an area, as `Area::la_id` gives it.
    pub fn la_id<'a>(&'a self, area: &'a Area) -> &'a str {
        match area {
            Area::Gb => "gb",
            Area::La(id) => id,
            Area::Ward(id) | Area::Centre(id) => self.area_la.get(id).map_or("", String::as_str),
        }
    }
}

/// `i` added to `id`'s list (once). Keys are cloned once per distinct
/// id, not once per passage.
fn add(map: &mut HashMap<String, Vec<usize>>, id: &str, i: usize) {
    match map.get_mut(id) {
        Some(list) if list.last() == Some(&i) => {}
        Some(list) => list.push(i),
        None => {
            map.insert(id.to_string(), vec![i]);
        }
    }
}

/// The lookup of the passages in `range` (indices into all of them),
/// all but `area_la`.
fn of_passages(ds: &Dataset, range: std::ops::Range<usize>) -> Lookup {
    let mut l = Lookup::default();
    for (i, p) in ds.passages[range.clone()].iter().enumerate() {
        let i = range.start + i;
        for t in &p.themes {
            match l.theme_counts.get_mut(t) {
                Some(n) => *n += 1,
                None => {
                    l.theme_counts.insert(t.clone(), 1);
                }
            }
        }
        for la in &p.las {
            add(&mut l.by_la, la, i);
        }
        for w in &p.wards {
            add(&mut l.by_ward, w, i);
        }
        if let Some(c) = &p.centre {
            add(&mut l.by_centre, c, i);
        }
        if p.kind == Kind::Caveat {
            l.caveats.push(i);
            // A caveat naming a passage twice is listed once, as a scan would.
            for id in p.about_passages() {
                add(&mut l.about, id, i);
            }
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_dataset_scans() {
        let ds = crate::dataset::load_bundled().expect("bundled data");
        let l = Lookup::build(&ds);
        for p in &ds.passages {
            let scan: Vec<&str> = ds.caveats_about(&p.id).map(|c| c.id.as_str()).collect();
            let kept: Vec<&str> = l
                .caveats_about(&p.id)
                .iter()
                .map(|&i| ds.passages[i].id.as_str())
                .collect();
            assert_eq!(scan, kept, "{}", p.id);
        }
        assert!(l.caveats.iter().all(|&i| ds.passages[i].kind == Kind::Caveat));
        let n = ds.passages.iter().filter(|p| p.kind == Kind::Caveat).count();
        assert_eq!(l.caveats.len(), n);
        for t in &ds.themes {
            let scan = ds.passages.iter().filter(|p| p.themes.contains(&t.id)).count();
            assert_eq!(l.theme_count(&t.id), scan, "{}", t.id);
        }
        let ids = |v: &[usize]| v.iter().map(|&i| ds.passages[i].id.clone()).collect::<Vec<_>>();
        let scan = |f: &dyn Fn(&crate::dataset::Passage) -> bool| {
            ds.passages
                .iter()
                .filter(|p| f(p))
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        };
        for la in &ds.las {
            assert_eq!(l.la_count(&la.id), ds.passages_for_la(&la.id).count(), "{}", la.id);
            assert_eq!(ids(l.of_la(&la.id)), scan(&|p| p.las.contains(&la.id)));
        }
        for c in &ds.centres {
            assert_eq!(ids(l.of_centre(&c.id)), scan(&|p| p.centre.as_ref() == Some(&c.id)));
        }
        for w in &ds.wards {
            assert_eq!(ids(l.of_ward(&w.id)), scan(&|p| p.wards.contains(&w.id)));
        }
        for w in &ds.wards {
            let a = Area::Ward(w.id.clone());
            assert_eq!(l.la_id(&a), a.la_id(&ds));
        }
        for c in &ds.centres {
            let a = Area::Centre(c.id.clone());
            assert_eq!(l.la_id(&a), a.la_id(&ds));
        }
    }
}
