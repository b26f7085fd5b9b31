//! Text from data files and notes is cleaned before display: escape
//! sequences are removed whole (ratatui drops the ESC byte but would show
//! the rest), other control characters go, tabs become spaces.

/// `text` without escape sequences or control characters (newlines kept).
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `clean`, then newlines folded to spaces: for one-line displays.
pub fn line(text: &str) -> String {
    clean(text).replace('\n', " ")
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        // OSC, DCS, SOS, PM, APC: up to BEL or ESC \.
        Some(']' | 'P' | 'X' | '^' | '_') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    chars.next();
                    break;
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]8;;http://e\u{1b}\\link"), "xlink");
        assert_eq!(clean("tab\there\r\nnext\u{0}"), "tab here\nnext");
        assert_eq!(clean("café ✓ 東京"), "café ✓ 東京");
        assert_eq!(line("a\nb"), "a b");
        assert_eq!(clean("trailing \u{1b}"), "trailing ");
    }
}
