//! How a milestone's date reads in a list: compact and sortable-looking
//! (`2009-01`, `2009-11–12`, `2008-12–2011-06`; a year alone as the source
//! words it when short, `Summer 2009`), so the Timeline section lines up by
//! date. The source's full words stay in the reader.

use crate::dataset::{Date, Passage};

/// Width of the date column in passage lists.
pub const WIDTH: usize = 15;

/// The compact form of a date: the start, and the end where it differs
/// (only the month when the year is the same).
pub fn date_label(d: &Date) -> String {
    // A year alone: the source's words say more ("Summer 2009") when short.
    if d.from.len() == 4
        && d.to.as_ref().is_none_or(|t| *t == d.from)
        && !d.printed.trim().is_empty()
        && d.printed.chars().count() <= WIDTH
    {
        return d.printed.clone();
    }
    match d.to.as_deref() {
        None => d.from.clone(),
        Some(to) if to == d.from => d.from.clone(),
        Some(to) => match (d.from.split_once('-'), to.split_once('-')) {
            (Some((fy, _)), Some((ty, tm))) if fy == ty => format!("{}–{tm}", d.from),
            _ => format!("{}–{to}", d.from),
        },
    }
}

/// The date column of a milestone line, padded; `None` for other passages.
pub fn date_column(p: &Passage) -> Option<String> {
    let d = p.date.as_ref()?;
    Some(format!("{:<w$} ", date_label(d), w = WIDTH))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(from: &str, to: Option<&str>) -> Date {
        Date {
            from: from.into(),
            to: to.map(Into::into),
            printed: String::new(),
        }
    }

    #[test]
    fn dates_read_compactly() {
        let summer = Date {
            printed: "Summer 2009".into(),
            ..d("2009", None)
        };
        assert_eq!(date_label(&summer), "Summer 2009");
        assert_eq!(date_label(&d("2009-01", None)), "2009-01");
        assert_eq!(date_label(&d("2009-11", Some("2009-12"))), "2009-11–12");
        assert_eq!(date_label(&d("2008-12", Some("2011-06"))), "2008-12–2011-06");
        assert_eq!(date_label(&d("2009", Some("2009"))), "2009");
        assert!(date_label(&d("2008-12", Some("2011-06"))).chars().count() <= WIDTH);
    }
}
