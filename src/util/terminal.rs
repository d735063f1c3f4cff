//! Strings bound for a terminal (file names in headers and messages): control characters are
//! shown escaped, so a file named `\x1b]0;pwned\x07.txt` cannot retitle, recolour or clear the
//! user's terminal, and a newline in a name cannot fake a second message.

use std::borrow::Cow;
use std::fmt::Write;

/// `text` with C0 and C1 control characters and DEL written as `\xNN` (`\u{NN}` above 0xff),
/// a backslash left as it is; borrowed when there is nothing to escape.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_control(c: char) -> bool {
    c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escape_shows_control_characters() {
        assert!(matches!(escape("docs/a.txt"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\x1b[31mb\n\u{9b}c\x7f"),
            "a\\x1b[31mb\\x0a\\x9bc\\x7f"
        );
        assert_eq!(escape("kabar é 😀"), "kabar é 😀");
    }
}
