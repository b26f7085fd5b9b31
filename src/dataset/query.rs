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

/// The largest figure a table may hold (exclusive): twelve digits before
/// the decimal point, at most [`MAX_DECIMALS`] after it, so every figure is
/// exactly representable and prints back as written.
pub const FIGURE_LIMIT: f64 = 1e12;
/// The most digits a figure may have after its decimal point.
pub const MAX_DECIMALS: usize = 3;
/// The markers a figure may carry after its digits (Lambeth's `27+`).
pub const FIGURE_MARKERS: &[&str] = &["+"];

/// What a printed figure must look like, for error messages.
pub const FIGURE_EXPECTED: &str = "a whole number or decimal as printed (`73`, `1,156`, `9.4`, `27+`; \
     digits grouped by commas in threes, at most 3 decimals, below 1,000,000,000,000)";

/// Parse a printed figure strictly: digits (optionally grouped by commas in
/// threes), an optional decimal part, an optional marker from
/// [`FIGURE_MARKERS`]; nothing else, not even surrounding spaces.
pub fn figure(printed: &str) -> Result<Figure, String> {
    let (num, marker) = match FIGURE_MARKERS.iter().find(|m| printed.ends_with(**m)) {
        Some(m) => (&printed[..printed.len() - m.len()], Some((*m).to_string())),
        None => (printed, None),
    };
    let (int, frac) = match num.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (num, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = match int.split_once(',') {
        None => digits(int) && (int == "0" || !int.starts_with('0')),
        Some((head, _)) => {
            let groups: Vec<&str> = int.split(',').collect();
            digits(head)
                && head.len() <= 3
                && !head.starts_with('0')
                && groups[1..].iter().all(|g| g.len() == 3 && digits(g))
        }
    };
    if !grouped {
        return Err(format!("expected {FIGURE_EXPECTED}, found `{printed}`"));
    }
    if let Some(f) = frac
        && !(digits(f) && f.len() <= MAX_DECIMALS)
    {
        return Err(format!("expected {FIGURE_EXPECTED}, found `{printed}`"));
    }
    let plain: String = num.chars().filter(|&c| c != ',').collect();
    let value: f64 = plain
        .parse()
        .map_err(|_| format!("expected {FIGURE_EXPECTED}, found `{printed}`"))?;
    if !(value.is_finite() && value < FIGURE_LIMIT) {
        return Err(format!("`{printed}` is too large: figures are below 1,000,000,000,000"));
    }
    Ok(Figure { value, marker })
}

/// [`figure`], or `None` when the text is not a figure.
pub fn parse_figure(printed: &str) -> Option<Figure> {
    figure(printed).ok()
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
        assert_eq!(parse_figure("0").map(|f| f.value), Some(0.0));
        assert_eq!(parse_figure("16,100").map(|f| f.value), Some(16100.0));
        assert_eq!(parse_figure("1,000,000.125").map(|f| f.value), Some(1_000_000.125));
    }

    #[test]
    fn anything_else_is_not_a_figure() {
        for bad in [
            "73abc",
            "7 3",
            "0x49",
            "1e309",
            "1e3",
            "-5",
            " 73",
            "73 ",
            "+73",
            "07",
            "1,2345",
            "12,34",
            ",123",
            "1,,234",
            "1.",
            ".5",
            "1.2345",
            "1.2.3",
            "27++",
            "27-",
            "NaN",
            "inf",
            "٣",
            "99999999999999999999999999999",
            "1000000000000",
            "7\u{1b}[2J",
        ] {
            assert!(figure(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(figure("999,999,999,999.999").is_ok());
        assert!(figure("1e309").unwrap_err().contains("expected a whole number"));
        assert!(figure("1000000000000").unwrap_err().contains("too large"));
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
