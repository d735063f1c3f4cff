//! An HTML page's bytes to text. A byte-order mark wins; then a charset declared in a
//! `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` within
//! the first few kilobytes, decoded with encoding_rs (the WHATWG encodings browsers know,
//! windows-1252 and ISO-8859-1 among them). A page that declares nothing, UTF-8, or a
//! label no browser knows is read as UTF-8, which rejects invalid bytes with an error
//! naming the first one, as for plain text.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::Error;
use crate::input::decode;

/// A `<meta>` declaration is looked for in this many bytes, as browsers do (the HTML
/// standard says 1024; pages with a long head put it later, so a little more).
const SNIFF_BYTES: usize = 4096;

/// The text of an HTML page.
pub fn decode_html(name: &str, bytes: &[u8]) -> Result<String, Error> {
    if Encoding::for_bom(bytes).is_some() {
        return decode(name, bytes);
    }
    match declared(&bytes[..bytes.len().min(SNIFF_BYTES)]) {
        // A page that says UTF-16 without a byte-order mark is ASCII-compatible in fact.
        Some(enc) if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE => {
            if bytes.contains(&0) {
                return Err(Error::Binary {
                    path: name.to_string(),
                });
            }
            let (text, _) = enc.decode_without_bom_handling(bytes);
            Ok(text.into_owned())
        }
        _ => decode(name, bytes),
    }
}

/// The encoding a `<meta>` tag declares, if any and known.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |k| tag_start + k);
        let tag = &lower[tag_start..tag_end];
        if let Some(label) = charset_in(tag) {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(enc);
            }
        }
        from = tag_end;
    }
    None
}

/// The label after `charset` and `=` in a tag, without quotes.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let rest = &tag[at + b"charset".len()..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
        .unwrap_or(rest.len());
    (end > 0).then_some(&rest[..end])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_meta_windows_1252_is_decoded() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body>";
        assert!(decode_html("p", page).unwrap().contains("caf\u{e9}"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\xe9";
        assert!(decode_html("p", page).unwrap().ends_with('\u{e9}'));
    }

    #[test]
    fn charset_utf8_undeclared_or_unknown_is_checked() {
        let page = "<meta charset=utf-8><p>kopi \u{2014} teh</p>";
        assert_eq!(decode_html("p", page.as_bytes()).unwrap(), page);
        let err = decode_html("p", b"<p>caf\xe9</p>").unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 6, .. }), "{err}");
        let err = decode_html("p", b"<meta charset=x-nonsense><p>\xe9").unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { .. }), "{err}");
    }

    #[test]
    fn charset_byte_order_mark_wins() {
        let mut page = vec![0xff, 0xfe];
        for unit in "<meta charset=latin1>é".encode_utf16() {
            page.extend(unit.to_le_bytes());
        }
        assert_eq!(decode_html("p", &page).unwrap(), "<meta charset=latin1>é");
    }
}
