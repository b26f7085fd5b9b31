//! Read-only look-ups over a loaded [`Dataset`] and the small parsing
//! helpers shared by the loader, the CLI and the app (figures, ids, slugs).

use super::{Area, Centre, Dataset, Kind, LocalAuthority, Passage, Row, Table, Theme, Ward};

/// A figure parsed from its printed form: `"1,156"` → 1156, `"27+"` → 27 with marker `+`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// A marker printed after the number (`+`), kept so it is never lost.
    pub marker: Option<String>,
}

/// Parse a printed figure. `None` when it is not a number.
pub fn parse_figure(printed: &str) -> Option<Figure> {
    let t = printed.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '-'))
        .unwrap_or(t.len());
    let (num, rest) = t.split_at(end);
    let num: String = num.chars().filter(|&c| c != ',').collect();
    if num.is_empty() || num == "-" {
        return None;
    }
    let value: f64 = num.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let marker = if rest.is_empty() { None } else { Some(rest.to_string()) };
    Some(Figure { value, marker })
}

/// Normalise a table id as people type it: `a1`, `A1`, `a.1`, `A.1` → `A.1`.
pub fn table_id(input: &str) -> Option<String> {
    let t = input.trim();
    let rest = t.strip_prefix('A').or_else(|| t.strip_prefix('a'))?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let n: u32 = rest.parse().ok()?;
    Some(format!("A.{n}"))
}

/// Lower-case ASCII slug: "Redcar and Cleveland" → `redcar-and-cleveland`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl Dataset {
    pub fn la(&self, id: &str) -> Option<&LocalAuthority> {
        self.las.iter().find(|l| l.id == id)
    }
    pub fn centre(&self, id: &str) -> Option<&Centre> {
        self.centres.iter().find(|c| c.id == id)
    }
    pub fn ward(&self, id: &str) -> Option<&Ward> {
        self.wards.iter().find(|w| w.id == id)
    }
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.id == id)
    }
    /// A table by any accepted spelling of its id (`A.4`, `a4`, `A4`).
    pub fn table(&self, id: &str) -> Option<&Table> {
        let id = table_id(id)?;
        self.tables.iter().find(|t| t.id == id)
    }
    pub fn centres_of<'a>(&'a self, la: &'a str) -> impl Iterator<Item = &'a Centre> + 'a {
        self.centres.iter().filter(move |c| c.la == la)
    }
    pub fn wards_of<'a>(&'a self, la: &'a str) -> impl Iterator<Item = &'a Ward> + 'a {
        self.wards.iter().filter(move |w| w.la == la)
    }
    /// Centres linked to a ward.
    pub fn centres_of_ward<'a>(&'a self, ward: &'a str) -> impl Iterator<Item = &'a Centre> + 'a {
        self.centres.iter().filter(move |c| c.wards.iter().any(|w| w == ward))
    }
    /// Passages that concern an LA (directly, or through its centre or wards).
    pub fn passages_for_la<'a>(&'a self, la: &'a str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.passages.iter().filter(move |p| p.las.iter().any(|l| l == la))
    }
    pub fn passages_for_centre<'a>(&'a self, centre: &'a str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.passages
            .iter()
            .filter(move |p| p.centre.as_deref() == Some(centre))
    }
    pub fn passages_for_ward<'a>(&'a self, ward: &'a str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.passages.iter().filter(move |p| {
            p.wards.iter().any(|w| w == ward) || p.table_refs().any(|r| r.area == Some(Area::Ward(ward.to_string())))
        })
    }
    /// Caveats touching a table, optionally one row of it.
    pub fn caveats_for_table<'a>(&'a self, table: &'a str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.passages
            .iter()
            .filter(move |p| p.kind == Kind::Caveat && p.table_refs().any(|r| r.table == table))
    }
    /// Caveats that name a passage in their `about`.
    pub fn caveats_about<'a>(&'a self, passage: &'a str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.passages
            .iter()
            .filter(move |p| p.kind == Kind::Caveat && p.about_passages().any(|id| id == passage))
    }
    /// Milestones with their passage index, in date order (start, then end;
    /// a year alone sorts before the months of that year), ties in file order.
    pub fn milestones(&self) -> impl Iterator<Item = (usize, &Passage)> + '_ {
        let mut v: Vec<(usize, &Passage)> = self
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == Kind::Milestone)
            .collect();
        v.sort_by(|(i, a), (j, b)| {
            let key = |p: &Passage| {
                p.date
                    .as_ref()
                    .map(|d| (d.from.clone(), d.to.clone().unwrap_or_default()))
            };
            key(a).cmp(&key(b)).then(i.cmp(j))
        });
        v.into_iter()
    }
    /// Every (table, row) that describes an area.
    pub fn rows_for<'a>(&'a self, area: &'a Area) -> impl Iterator<Item = (&'a Table, &'a Row)> + 'a {
        self.tables
            .iter()
            .flat_map(move |t| t.rows.iter().filter(move |r| &r.area == area).map(move |r| (t, r)))
    }
    /// The display name of an area.
    pub fn area_name(&self, area: &Area) -> String {
        match area {
            Area::Gb => "GB".to_string(),
            Area::La(id) => self.la(id).map_or(id.clone(), |l| l.name.clone()),
            Area::Ward(id) => self.ward(id).map_or(id.clone(), |w| w.name.clone()),
            Area::Centre(id) => self.centre(id).map_or(id.clone(), |c| c.name.clone()),
        }
    }
}

impl Area {
    /// The LA id of the area (`gb` for the national row), given the dataset.
    pub fn la_id<'a>(&'a self, ds: &'a Dataset) -> &'a str {
        match self {
            Area::Gb => "gb",
            Area::La(id) => id,
            Area::Ward(id) => ds.ward(id).map_or("", |w| w.la.as_str()),
            Area::Centre(id) => ds.centre(id).map_or("", |c| c.la.as_str()),
        }
    }
    /// The id of the area itself (`gb` for the national row).
    pub fn id(&self) -> &str {
        match self {
            Area::Gb => "gb",
            Area::La(id) | Area::Ward(id) | Area::Centre(id) => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_parse_as_printed() {
        assert_eq!(
            parse_figure("1,156"),
            Some(Figure {
                value: 1156.0,
                marker: None
            })
        );
        assert_eq!(
            parse_figure("9.4"),
            Some(Figure {
                value: 9.4,
                marker: None
            })
        );
        assert_eq!(
            parse_figure("27+"),
            Some(Figure {
                value: 27.0,
                marker: Some("+".into())
            })
        );
        assert_eq!(parse_figure("-"), None);
        assert_eq!(parse_figure("abc"), None);
        assert_eq!(parse_figure(""), None);
    }

    #[test]
    fn table_ids_accept_common_spellings() {
        for s in ["A.4", "a4", "A4", "a.4"] {
            assert_eq!(table_id(s).as_deref(), Some("A.4"));
        }
        assert_eq!(table_id("B.4"), None);
        assert_eq!(table_id("A."), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Redcar and Cleveland"), "redcar-and-cleveland");
        assert_eq!(slug("Kingston-upon-Hull"), "kingston-upon-hull");
        assert_eq!(slug("Queens Park "), "queens-park");
    }
}
