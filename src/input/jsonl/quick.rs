//! The quick way through a JSON Lines line: a reader of plain `{"id": ..., "text": "..."}`
//! objects by hand.
//!
//! serde_json reads a line a byte at a time through its visitors: 29k instructions a line of
//! IndoSum (66M for train), most of them in the fields passed over (a line holds its text
//! again as sentences, and a summary). Here string bodies are searched with `memchr` for their
//! quote or first escape and checked for control characters in bulk, and the text is copied a
//! run between escapes at a time.
//!
//! This reader accepts a line only where serde_json would read it the same way; for anything
//! else (an error, a lone surrogate escape, a text field that is not a string, deep nesting) it
//! gives up and the line goes to serde_json, which finds the same document or words the error.

use std::borrow::Cow;

use memchr::{memchr, memchr2};

use super::Wanted;

/// Nesting deeper than this is left to serde_json (no recursion without bound here).
const MAX_DEPTH: usize = 32;

/// What `line` holds for us with `field` as the text field, as serde_json would read it;
/// `None` when this reader leaves the line to serde_json.
pub(super) fn read<'a>(line: &'a str, field: &str) -> Option<Wanted<'a>> {
    let mut r = Reader {
        line,
        bytes: line.as_bytes(),
        at: 0,
    };
    let mut wanted = Wanted {
        id: None,
        text: None,
    };
    r.space();
    r.expect(b'{')?;
    r.space();
    if !r.eat(b'}') {
        loop {
            r.expect(b'"')?;
            let key = r.string()?;
            let key = r.decode(key)?;
            r.space();
            r.expect(b':')?;
            r.space();
            match (key == "id", key == field) {
                (true, true) => {
                    let value = r.raw_value()?;
                    wanted.id = Some(value);
                    let text = match value.strip_prefix('"') {
                        Some(_) => Some(decode_body(&value[1..value.len() - 1])?),
                        None => None,
                    };
                    wanted.text = Some(text);
                }
                (true, false) => wanted.id = Some(r.raw_value()?),
                (false, true) => {
                    // Any other value is left to serde_json, which may find it no number.
                    r.expect(b'"')?;
                    let body = r.string()?;
                    wanted.text = Some(Some(r.decode(body)?.into_owned()));
                }
                (false, false) => r.value(0)?,
            }
            r.space();
            if r.eat(b'}') {
                break;
            }
            r.expect(b',')?;
            r.space();
        }
    }
    r.space();
    (r.at == r.bytes.len()).then_some(wanted)
}

/// A position in a line being read.
struct Reader<'a> {
    line: &'a str,
    bytes: &'a [u8],
    at: usize,
}

/// A string's body as it stands in the line, and whether it holds escapes.
#[derive(Clone, Copy)]
struct Body {
    start: usize,
    end: usize,
    escaped: bool,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Steps over `b` if it is next.
    fn eat(&mut self, b: u8) -> bool {
        let next = self.peek() == Some(b);
        self.at += usize::from(next);
        next
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b).then_some(())
    }

    /// Steps over JSON whitespace.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// The body of the string whose opening quote was just read, stepping past its closing
    /// quote; `None` when it is cut short or holds a control character or a bad escape.
    fn string(&mut self) -> Option<Body> {
        let start = self.at;
        let mut escaped = false;
        loop {
            let rest = &self.bytes[self.at..];
            let run = memchr2(b'"', b'\\', rest)?;
            if !no_control(&rest[..run]) {
                return None;
            }
            self.at += run;
            if rest[run] == b'"' {
                self.at += 1;
                return Some(Body {
                    start,
                    end: self.at - 1,
                    escaped,
                });
            }
            // A backslash.
            escaped = true;
            let escape = match self.bytes.get(self.at + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
                b'u' => {
                    hex4(self.bytes.get(self.at + 2..self.at + 6)?)?;
                    6
                }
                _ => return None,
            };
            self.at += escape;
        }
    }

    /// A string's text, borrowed from the line unless it has escapes.
    fn decode(&self, body: Body) -> Option<Cow<'a, str>> {
        let raw = &self.line[body.start..body.end];
        if body.escaped {
            decode_body(raw).map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(raw))
        }
    }

    /// Steps over a value, returning it as written.
    fn raw_value(&mut self) -> Option<&'a str> {
        let start = self.at;
        self.value(0)?;
        Some(&self.line[start..self.at])
    }

    /// Steps over a value nested `depth` deep.
    fn value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.at += 1;
                self.string().map(drop)
            }
            b'{' if depth < MAX_DEPTH => {
                self.at += 1;
                self.space();
                if self.eat(b'}') {
                    return Some(());
                }
                loop {
                    self.expect(b'"')?;
                    self.string()?;
                    self.space();
                    self.expect(b':')?;
                    self.space();
                    self.value(depth + 1)?;
                    self.space();
                    if self.eat(b'}') {
                        return Some(());
                    }
                    self.expect(b',')?;
                    self.space();
                }
            }
            b'[' if depth < MAX_DEPTH => {
                self.at += 1;
                self.space();
                if self.eat(b']') {
                    return Some(());
                }
                loop {
                    self.value(depth + 1)?;
                    self.space();
                    if self.eat(b']') {
                        return Some(());
                    }
                    self.expect(b',')?;
                    self.space();
                }
            }
            b't' => self.word(b"true"),
            b'f' => self.word(b"false"),
            b'n' => self.word(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn word(&mut self, word: &[u8]) -> Option<()> {
        let found = self.bytes[self.at..].starts_with(word);
        self.at += word.len();
        found.then_some(())
    }

    /// Steps over digits; whether there was one at least.
    fn digits(&mut self) -> bool {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at > start
    }

    /// Steps over a number: `-`, then `0` or digits not starting with `0`, then a fraction and
    /// an exponent, each with a digit at least.
    fn number(&mut self) -> Option<()> {
        self.eat(b'-');
        if self.eat(b'0') {
            if let Some(b'0'..=b'9') = self.peek() {
                return None;
            }
        } else if !self.digits() {
            return None;
        }
        if self.eat(b'.') && !self.digits() {
            return None;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.digits() {
                return None;
            }
        }
        Some(())
    }
}

/// Whether `bytes` hold no control character (which a JSON string may not hold raw). A
/// minimum over all of them, with no early exit, so the compiler does it in vector registers.
fn no_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(u8::MAX, |least, &b| least.min(b)) >= 0x20
}

/// The number four hex digits write.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |n, &d| {
        let digit = char::from(d).to_digit(16)?;
        Some(n << 4 | digit)
    })
}

/// The text of a string body whose escapes [`Reader::string`] has checked; `None` for a
/// `\u` escape of a surrogate (a pair, or a lone one serde_json refuses), left to serde_json.
fn decode_body(raw: &str) -> Option<String> {
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = memchr(b'\\', rest.as_bytes()) {
        text.push_str(&rest[..at]);
        let escape = rest.as_bytes().get(at + 1)?;
        let mut len = 2;
        text.push(match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                len = 6;
                char::from_u32(hex4(rest.as_bytes().get(at + 2..at + 6)?)?)?
            }
            _ => return None,
        });
        rest = &rest[at + len..];
    }
    text.push_str(rest);
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::super::by_serde;
    use super::*;

    /// Lines of every shape this reader meets or gives up on.
    const LINES: &[&str] = &[
        r#"{"id": "a-1", "text": "Harga beras naik.\n\nWarga \"mengeluh\" \\ \/ \b\f\r\t.", "n": [1, -2.5e3, 0, true, false, null, {}, [], {"x": [0.1E+2]}]}"#,
        r#"  {"text":"Satu.","id":7}  "#,
        r#"{"isi": "x", "text": "T\u00e9ks \u20ac\u0000.", "id": {"a": [1, "x"]}}"#,
        r#"{"text": "emoji \ud83d\ude00 pair", "id": 1}"#,
        r#"{"text": "lone \ud83d here"}"#,
        r#"{"text": "lone \ude00 trail"}"#,
        r#"{"te\u0078t": "escaped key", "id": "\u0041"}"#,
        r#"{"text": 5}"#,
        r#"{"text": 1e400}"#,
        r#"{"text": ["a"], "text": "last wins"}"#,
        r#"{"text": "first", "text": {"not": "a string"}}"#,
        r#"{"id": "both", "id": 3}"#,
        r#"{}"#,
        r#"{"text": "x",}"#,
        r#"{"text": "x"} trailing"#,
        r#"{"a": [1,], "text": "x"}"#,
        r#"{"a": 01, "text": "x"}"#,
        r#"{"a": -, "text": "x"}"#,
        r#"{"a": 1., "text": "x"}"#,
        r#"{"a": 1e, "text": "x"}"#,
        r#"{"a": tru, "text": "x"}"#,
        r#"{"a": "\q", "text": "x"}"#,
        r#"{"a": "\u12g4", "text": "x"}"#,
        r#"{"a": "tab	raw", "text": "x"}"#,
        r#"{"a" "text": "x"}"#,
        r#"{1: 2, "text": "x"}"#,
        r#"[{"text": "x"}]"#,
        r#""text""#,
        r#"{"text": "unterminated}"#,
        r#"{"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], "text": "x"}"#,
        r#"{"id": -0.0e-0, "text": "Ünïcödé ✓ «x»"}"#,
    ];

    /// The quick reader never reads a line otherwise than serde_json: what it reads, serde_json
    /// reads the same; where serde_json fails, it gives up.
    fn agrees(line: &str, field: &str) {
        if let Some(quick) = read(line, field) {
            match by_serde(line, field) {
                Ok(slow) => assert_eq!(quick, slow, "{line:?} ({field})"),
                Err(e) => {
                    panic!("{line:?} ({field}): serde_json fails ({e}), quick reads {quick:?}")
                }
            }
        }
    }

    #[test]
    fn input_jsonl_quick_agrees_with_serde_json() {
        for line in LINES {
            for field in ["text", "id", "isi"] {
                agrees(line, field);
            }
        }
        // Plain lines are read quickly.
        for line in [LINES[0], LINES[1], LINES[2], LINES[6], LINES[12], LINES[30]] {
            assert!(read(line, "text").is_some(), "{line}");
        }
        assert_eq!(
            read(LINES[2], "text").and_then(|w| w.text),
            Some(Some("T\u{e9}ks \u{20ac}\u{0}.".to_string()))
        );
    }

    #[test]
    fn input_jsonl_quick_agrees_on_damaged_lines() {
        // Every line cut short, and every ASCII byte replaced by one that matters to JSON.
        let swaps = b"\"\\{}[],:0-+.eEu \t\x01xnt";
        for line in LINES {
            for cut in 0..line.len() {
                if line.is_char_boundary(cut) {
                    agrees(&line[..cut], "text");
                }
            }
            for at in (0..line.len()).filter(|&at| line.as_bytes()[at].is_ascii()) {
                for &b in swaps {
                    let mut bytes = line.as_bytes().to_vec();
                    bytes[at] = b;
                    let damaged = String::from_utf8(bytes).expect("an ASCII byte for another");
                    agrees(&damaged, "text");
                    agrees(&damaged, "id");
                }
            }
        }
    }
}
