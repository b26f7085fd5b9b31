//! The navigator tree: the ten LAs (each expanding to its centres and
//! wards), then Tables (expanding to A.1–A.9), Findings, Survey, Timeline,
//! Themes, Caveats, Glossary, Notes and Matrix. The tree is derived from the dataset and
//! the set of expanded nodes; it is never stored.

use std::collections::BTreeSet;

use crate::dataset::Dataset;

/// A top-level section below the LAs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Tables,
    Findings,
    Survey,
    Timeline,
    Themes,
    Caveats,
    Glossary,
    Notes,
    /// LAs × themes, counted by the search engine.
    Matrix,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Tables,
        Section::Findings,
        Section::Survey,
        Section::Timeline,
        Section::Themes,
        Section::Caveats,
        Section::Glossary,
        Section::Notes,
        Section::Matrix,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Section::Tables => "Tables",
            Section::Findings => "Findings",
            Section::Survey => "Survey",
            Section::Timeline => "Timeline",
            Section::Themes => "Themes",
            Section::Caveats => "Caveats",
            Section::Glossary => "Glossary",
            Section::Notes => "Notes",
            Section::Matrix => "Matrix",
        }
    }
}

/// One line of the navigator.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NavItem {
    La(String),
    Centre(String),
    Ward(String),
    Section(Section),
    Table(String),
}

impl NavItem {
    /// Whether the item has children to expand.
    pub fn expandable(&self) -> bool {
        matches!(self, NavItem::La(_) | NavItem::Section(Section::Tables))
    }
    /// Indentation depth in the tree.
    pub fn depth(&self) -> usize {
        match self {
            NavItem::Centre(_) | NavItem::Ward(_) | NavItem::Table(_) => 1,
            _ => 0,
        }
    }
}

/// The visible lines of the tree, given which items are expanded.
pub fn items(ds: &Dataset, expanded: &BTreeSet<NavItem>) -> Vec<NavItem> {
    let mut out = Vec::new();
    for la in &ds.las {
        let item = NavItem::La(la.id.clone());
        let open = expanded.contains(&item);
        out.push(item);
        if open {
            out.extend(ds.centres_of(&la.id).map(|c| NavItem::Centre(c.id.clone())));
            out.extend(ds.wards_of(&la.id).map(|w| NavItem::Ward(w.id.clone())));
        }
    }
    for s in Section::ALL {
        let item = NavItem::Section(s);
        let open = expanded.contains(&item);
        out.push(item);
        if open && s == Section::Tables {
            out.extend(ds.tables.iter().map(|t| NavItem::Table(t.id.clone())));
        }
    }
    out
}

/// The parent of an item, if it has one.
pub fn parent(ds: &Dataset, item: &NavItem) -> Option<NavItem> {
    match item {
        NavItem::Centre(id) => ds.centre(id).map(|c| NavItem::La(c.la.clone())),
        NavItem::Ward(id) => ds.ward(id).map(|w| NavItem::La(w.la.clone())),
        NavItem::Table(_) => Some(NavItem::Section(Section::Tables)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expanding_an_la_shows_its_centres_then_wards() {
        let ds = crate::dataset::load_bundled().expect("bundled data");
        let collapsed = items(&ds, &BTreeSet::new());
        assert_eq!(collapsed.len(), 10 + Section::ALL.len());
        let open = BTreeSet::from([NavItem::La("lambeth".into())]);
        let tree = items(&ds, &open);
        let i = tree.iter().position(|x| x == &NavItem::La("lambeth".into())).unwrap();
        assert_eq!(tree[i + 1], NavItem::Centre("lambeth-lark-hall".into()));
        assert_eq!(tree[i + 4], NavItem::Ward("lambeth-larkhall".into()));
        assert_eq!(parent(&ds, &tree[i + 4]), Some(NavItem::La("lambeth".into())));
    }
}
