//! Facts about the dataset that screens ask for on every frame, computed
//! once (the dataset never changes while it runs), so a frame at national
//! scale (50,000 passages, 3,600 wards) costs what it does on the bundled
//! dataset. Each group is made the first time it is asked for (the first
//! screen needs only the passages' group), and the app makes the rest on
//! a thread right after its first frame ([`Lookup::warm`]):
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
use std::sync::{Arc, OnceLock};

use crate::dataset::{Area, Dataset, Kind};

#[derive(Debug)]
pub struct Lookup {
    ds: Arc<Dataset>,
    passages: OnceLock<OfPassages>,
    areas: OnceLock<OfAreas>,
    /// Each passage's [title, text] lowercased, once asked for.
    lowered: OnceLock<Vec<[String; 2]>>,
}

/// What one pass over the passages' themes, LAs and caveats gives.
#[derive(Debug, Default)]
struct OfPassages {
    /// Indices of the caveat passages, in dataset order.
    caveats: Vec<usize>,
    /// Passage id → indices of the caveats about it, in dataset order.
    about: HashMap<String, Vec<usize>>,
    /// Theme id → passages coded with it.
    theme_counts: HashMap<String, usize>,
    /// LA id → indices of the passages that name it, in dataset order (an
    /// LA's tabs filter these rather than every passage).
    by_la: HashMap<String, Vec<usize>>,
}

/// What one pass over the passages' centres and wards gives, and each
/// ward's and centre's LA.
#[derive(Debug, Default)]
struct OfAreas {
    by_centre: HashMap<String, Vec<usize>>,
    by_ward: HashMap<String, Vec<usize>>,
    /// Ward or centre id → its LA's id.
    area_la: HashMap<String, String>,
}

impl Lookup {
    /// The lookup of `ds`, nothing made yet (cheap).
    pub fn new(ds: Arc<Dataset>) -> Lookup {
        Lookup {
            ds,
            passages: OnceLock::new(),
            areas: OnceLock::new(),
            lowered: OnceLock::new(),
        }
    }

    /// Make every group not made yet but `lowered` (which only the
    /// Glossary needs): the app calls this on a thread after its first
    /// frame, so no later key waits for a group.
    pub fn warm(&self) {
        self.of_passages();
        self.of_areas();
    }

    fn of_passages(&self) -> &OfPassages {
        self.passages
            .get_or_init(|| crate::timings::time("lookup: passages", || of_passages(&self.ds)))
    }

    fn of_areas(&self) -> &OfAreas {
        self.areas
            .get_or_init(|| crate::timings::time("lookup: areas", || of_areas(&self.ds)))
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

    /// Indices of the caveat passages, in dataset order.
    pub fn caveats(&self) -> &[usize] {
        &self.of_passages().caveats
    }

    /// The caveats about the passage `id`, as `Dataset::caveats_about` gives them.
    pub fn caveats_about(&self, id: &str) -> &[usize] {
        self.of_passages().about.get(id).map_or(&[], Vec::as_slice)
    }

    /// How many passages are coded with the theme.
    pub fn theme_count(&self, theme: &str) -> usize {
        self.of_passages().theme_counts.get(theme).copied().unwrap_or(0)
    }

    /// How many passages name the LA (as `Dataset::passages_for_la` counts).
    pub fn la_count(&self, la: &str) -> usize {
        self.of_la(la).len()
    }

    /// Indices of the passages whose `las` holds `la`, in dataset order.
    pub fn of_la(&self, la: &str) -> &[usize] {
        self.of_passages().by_la.get(la).map_or(&[], Vec::as_slice)
    }

    /// Indices of the passages whose `centre` is `centre`, in dataset order.
    pub fn of_centre(&self, centre: &str) -> &[usize] {
        self.of_areas().by_centre.get(centre).map_or(&[], Vec::as_slice)
    }

    /// Indices of the passages whose `wards` hold `ward`, in dataset order.
    pub fn of_ward(&self, ward: &str) -> &[usize] {
        self.of_areas().by_ward.get(ward).map_or(&[], Vec::as_slice)
    }

    /// The LA id of an area, as `Area::la_id` gives it.
    pub fn la_id<'a>(&'a self, area: &'a Area) -> &'a str {
        match area {
            Area::Gb => "gb",
            Area::La(id) => id,
            Area::Ward(id) | Area::Centre(id) => self.of_areas().area_la.get(id).map_or("", String::as_str),
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

/// Theme counts, passages per LA, the caveats and what they are about.
fn of_passages(ds: &Dataset) -> OfPassages {
    let mut l = OfPassages::default();
    for (i, p) in ds.passages.iter().enumerate() {
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

/// Passages per centre and per ward, and each ward's and centre's LA.
fn of_areas(ds: &Dataset) -> OfAreas {
    let mut l = OfAreas::default();
    for (i, p) in ds.passages.iter().enumerate() {
        for w in &p.wards {
            add(&mut l.by_ward, w, i);
        }
        if let Some(c) = &p.centre {
            add(&mut l.by_centre, c, i);
        }
    }
    for w in &ds.wards {
        l.area_la.insert(w.id.clone(), w.la.clone());
    }
    for c in &ds.centres {
        l.area_la.insert(c.id.clone(), c.la.clone());
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_dataset_scans() {
        let ds = Arc::new(crate::dataset::load_bundled().expect("bundled data"));
        let l = Lookup::new(Arc::clone(&ds));
        for p in &ds.passages {
            let scan: Vec<&str> = ds.caveats_about(&p.id).map(|c| c.id.as_str()).collect();
            let kept: Vec<&str> = l
                .caveats_about(&p.id)
                .iter()
                .map(|&i| ds.passages[i].id.as_str())
                .collect();
            assert_eq!(scan, kept, "{}", p.id);
        }
        assert!(l.caveats().iter().all(|&i| ds.passages[i].kind == Kind::Caveat));
        let n = ds.passages.iter().filter(|p| p.kind == Kind::Caveat).count();
        assert_eq!(l.caveats().len(), n);
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
