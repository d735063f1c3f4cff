//! Tokens: words, numbers, URLs, emails, hashtags and mentions, each with its byte span.
//!
//! A token is one unit of meaning for counting. Numbers keep their Indonesian separators
//! ("1.000.000,50", "Rp1,2", "09.30", "12/5/2025") as one token; URLs and domains
//! ("KOMPAS.com", "www.bps.go.id") are one token; hyphenated words ("negara-negara", "ke-21",
//! "Covid-19") are one token, and the stemmer decides what the hyphen means. Only `Word`
//! tokens are ever counted as content.

use memchr::memchr;

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Url,
    Email,
    Hashtag,
    Mention,
}

/// One token: a byte span in the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Punctuation (or the start of the text) separates this token from the previous one, so
    /// no phrase may run across.
    pub boundary_before: bool,
}

/// Top-level domains that make "word.tld" a domain rather than two words with a missing space.
const TLDS: &[&str] = &[
    "ac", "asia", "biz", "co", "com", "edu", "go", "gov", "id", "info", "int", "io", "me", "mil",
    "my", "net", "news", "or", "org", "sch", "sg", "tv", "uk", "us", "web",
];

/// Appends the tokens of `text` to `out`, with spans relative to `text`.
///
/// Linear in the text, however long a run without whitespace is: the run ("chunk") around
/// the current token is found once, and what the URL, e-mail and domain checks need to know
/// about its remainder is looked up in [`Chunk`]'s forward-only scans instead of rescanning
/// the remainder at every token ("kata,kata,kata,…" over megabytes was quadratic).
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    tokenize_at(text, 0, out);
}

/// [`tokenize`] for a piece of a larger text that starts at byte `offset` of it: the spans
/// are the larger text's, with no second pass over the tokens to shift them.
pub fn tokenize_at(text: &str, offset: usize, out: &mut Vec<Token>) {
    let mut i = 0;
    let mut chunk = Chunk::default();
    // Whether the gap since the last token holds more than whitespace, noted as it is passed;
    // the start of the text counts as punctuation.
    let mut punctuated = true;
    while let Some(&byte) = text.as_bytes().get(i) {
        // Spaces and punctuation, most of what lies between tokens, are passed over without
        // decoding characters.
        match GAP[usize::from(byte)] {
            Gap::Space => {
                i += 1;
                continue;
            }
            Gap::Punctuation | Gap::Trailing => {
                punctuated = true;
                i += 1;
                continue;
            }
            Gap::Token => {}
        }
        // A plain word or number (an ASCII letter or digit starts it) is cut without decoding
        // characters, and the gap after it, already looked at, is passed with it.
        let (kind, len, after) = match plain_word(&text.as_bytes()[i..]) {
            Some(word) => (word.kind, word.len, Some(word)),
            None => {
                let mut chars = text[i..].chars();
                let c = chars.next().expect("i is below len, so a char starts here");
                let next = chars.next();
                let starts = c.is_alphanumeric()
                    || (matches!(c, '#' | '@') && next.is_some_and(|n| n.is_alphanumeric()));
                if !starts {
                    punctuated |= !c.is_whitespace();
                    i += c.len_utf8();
                    continue;
                }
                if i >= chunk.end {
                    chunk = Chunk::new(text, i);
                }
                let (kind, len) = chunk.classify(text, i);
                (kind, len, None)
            }
        };
        let boundary_before = std::mem::take(&mut punctuated);
        out.push(Token {
            start: offset + i,
            end: offset + i + len,
            kind,
            boundary_before,
        });
        i += len;
        if let Some(word) = after {
            punctuated = word.punctuation > 0;
            i += word.punctuation + usize::from(word.space);
        }
    }
}

/// How [`tokenize`] takes a byte where a token may start: ASCII other than letters, digits,
/// `#` and `@` is a gap between tokens; anything else is decoded and looked at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    Token,
    Space,
    /// Punctuation that [`trim_trailing_punctuation`] trims.
    Trailing,
    Punctuation,
}

const GAP: [Gap; 256] = {
    let mut table = [Gap::Token; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if !byte.is_ascii_alphanumeric() && byte != b'#' && byte != b'@' {
            table[b] = if is_ascii_space(byte) {
                Gap::Space
            } else if is_trailing_punctuation(byte) {
                Gap::Trailing
            } else {
                Gap::Punctuation
            };
        }
        b += 1;
    }
    table
};

/// A plain word or number and the gap after it: see [`plain_word`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PlainWord {
    /// `Word` for a run of letters, `Number` for a run of digits.
    kind: TokenKind,
    /// Bytes of ASCII letters, or of ASCII digits.
    len: usize,
    /// Bytes of trailing punctuation after the letters.
    punctuation: usize,
    /// Whether a whitespace byte follows the punctuation (else the text ends there).
    space: bool,
}

/// The common cases, without decoding characters: ASCII letters, possibly joined by single
/// hyphens or apostrophes (`negara-negara`, `Jum'at`), or ASCII digits, possibly joined by
/// single `. , : /` (`2018`, `1.000`, `23/8`, `09.30`), then nothing but trailing punctuation
/// (`naik.`, `kata,`, `(23/8).`) up to whitespace or the end. `classify` would find such a
/// run to be one `Word` (`Number`) of the letters' (digits') length: the punctuation is
/// trimmed before the URL, e-mail and domain checks, which then see no `@`, no scheme and,
/// before any dot, no letter, and fail; [`word_len`] joins the runs as here; and none of the
/// punctuation after them joins them to more letters or digits. None of that punctuation
/// can start a token either.
fn plain_word(rest: &[u8]) -> Option<PlainWord> {
    let kind = match rest.first()? {
        b if b.is_ascii_alphabetic() => TokenKind::Word,
        b if b.is_ascii_digit() => TokenKind::Number,
        _ => return None,
    };
    let mut len = plain_run_len(kind, rest);
    loop {
        match rest.get(len) {
            // Most words: one space after, nothing to look for.
            Some(b' ') => {
                return Some(PlainWord {
                    kind,
                    len,
                    punctuation: 0,
                    space: true,
                });
            }
            // Joined to another run of the same class: the token goes on.
            Some(&b) if joins_runs(kind, b, rest.get(len + 1)) => {
                len += 1 + plain_run_len(kind, &rest[len + 1..]);
            }
            _ => break,
        }
    }
    let tail = &rest[len..];
    let punctuation = tail
        .iter()
        .position(|&b| GAP[usize::from(b)] != Gap::Trailing)
        .unwrap_or(tail.len());
    let space = match tail.get(punctuation) {
        None => false,
        Some(&b) if GAP[usize::from(b)] == Gap::Space => true,
        Some(_) => return None,
    };
    Some(PlainWord {
        kind,
        len,
        punctuation,
        space,
    })
}

/// The number of ASCII letters (for a `Word`) or digits (a `Number`) `bytes` starts with.
fn plain_run_len(kind: TokenKind, bytes: &[u8]) -> usize {
    if kind == TokenKind::Word {
        ascii_letters_len(bytes)
    } else {
        // Numbers are short: no need for eight bytes at a time.
        bytes
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len())
    }
}

/// Whether `byte` after a run of [`plain_run_len`] joins it to the run starting at `next`, as
/// [`word_len`] joins them: a hyphen or an apostrophe between letters, `. , : /` between
/// digits.
fn joins_runs(kind: TokenKind, byte: u8, next: Option<&u8>) -> bool {
    if kind == TokenKind::Word {
        matches!(byte, b'-' | b'\'') && next.is_some_and(u8::is_ascii_alphabetic)
    } else {
        matches!(byte, b'.' | b',' | b':' | b'/') && next.is_some_and(u8::is_ascii_digit)
    }
}

/// The number of ASCII letters `bytes` starts with, looked at eight bytes at a time.
fn ascii_letters_len(bytes: &[u8]) -> usize {
    use crate::util::bytes8::{ONES, TOPS};
    let flags = |word: u64| {
        // With the case bit set, a letter is a byte in `a..=z`. Each byte's top bit is set
        // for a byte above `z` (adding 0x7f - b'z' carries into it), below `a` (subtracting
        // b'a' from it with the top bit set clears that bit) or not ASCII. A carry or borrow
        // from one byte can disturb the bytes above it, but only from a byte that is itself
        // flagged, so the lowest flagged byte is the first non-letter.
        let word = word | (ONES * 0x20);
        let above = word.wrapping_add(ONES * u64::from(0x7f - b'z'));
        let at_least = (word | TOPS).wrapping_sub(ONES * u64::from(b'a'));
        (above | !at_least | word) & TOPS
    };
    crate::util::bytes8::run_len(bytes, flags, |b| b.is_ascii_alphabetic())
}

/// `char::is_whitespace` on an ASCII byte: space and tab to carriage return (vertical tab
/// included, unlike `u8::is_ascii_whitespace`).
const fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b >= b'\t' && b <= b'\r')
}

/// An ASCII byte that [`trim_trailing_punctuation`] trims.
const fn is_trailing_punctuation(b: u8) -> bool {
    matches!(
        b,
        b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}' | b'"' | b'\'' | b'>' | b'-'
    )
}

/// Where the first whitespace character at or after `start` is, or the end of `text`: ASCII
/// bytes are looked at as bytes, and only other characters decoded.
fn whitespace_from(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if is_ascii_space(b) {
                return i;
            }
            i += 1;
        } else {
            let c = text[i..]
                .chars()
                .next()
                .expect("a char starts at a non-ASCII lead");
            if c.is_whitespace() {
                return i;
            }
            i += c.len_utf8();
        }
    }
    text.len()
}

/// A run of text without whitespace, and forward-only scans over it. Tokens are classified
/// left to right, so every question about "the rest of the chunk from here" ("where is the
/// next `@`?") has an answer that stays valid until the position passes it; each scan then
/// reads each byte of the chunk at most once.
#[derive(Debug, Default)]
struct Chunk {
    end: usize,
    /// `end` without trailing punctuation: where a URL, e-mail or domain must stop.
    core_end: usize,
    at: Seek,
    slash: Seek,
    dot: Seek,
    double_dot: Seek,
    ascii_alpha: Seek,
    not_host: Seek,
    not_local: Seek,
    /// Whether what follows the `@` at this offset is a valid e-mail domain.
    email_domain: Option<(usize, bool)>,
    /// Whether the last label before this offset is a known lowercase TLD.
    tld: Option<(usize, bool)>,
}

impl Chunk {
    fn new(text: &str, start: usize) -> Chunk {
        let end = whitespace_from(text, start);
        Chunk {
            end,
            core_end: start + trim_trailing_punctuation(&text[start..end]).len(),
            ..Chunk::default()
        }
    }

    /// Kind and byte length of the token at `p` (a letter, a digit, or `#`/`@` before one).
    /// The length is never zero.
    fn classify(&mut self, text: &str, p: usize) -> (TokenKind, usize) {
        let chunk = &text[p..self.end];
        if let Some(tag) = chunk.strip_prefix('#') {
            return (TokenKind::Hashtag, 1 + word_chars_len(tag));
        }
        if let Some(name) = chunk.strip_prefix('@') {
            return (TokenKind::Mention, 1 + word_chars_len(name));
        }
        // The character at `p` is alphanumeric, so trailing punctuation never reaches it.
        let core_end = self.core_end;
        let core = &text[p..core_end];
        for scheme in ["http://", "https://", "www."] {
            // ASCII case folding is enough: no other character lowercases into a scheme's
            // letters.
            let head = core.as_bytes().get(..scheme.len());
            if head.is_some_and(|h| h.eq_ignore_ascii_case(scheme.as_bytes()))
                && core.len() > scheme.len()
            {
                return (TokenKind::Url, core.len());
            }
        }
        if self.is_email(text, p) {
            return (TokenKind::Email, core.len());
        }
        if self.is_domain(text, p) {
            return (TokenKind::Url, core.len());
        }
        let len = word_len(chunk);
        (word_kind(&chunk[..len]), len)
    }

    /// "redaksi@kompas.com": a local part of letters, digits and `._+-`, then a domain of
    /// dotted labels.
    fn is_email(&mut self, text: &str, p: usize) -> bool {
        let core_end = self.core_end;
        let at = self
            .at
            .next(text, p, core_end, |s| memchr(b'@', s.as_bytes()));
        if at == core_end || at == p {
            return false;
        }
        let local_ok = self.not_local.next(text, p, core_end, |s| {
            s.find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-')))
        }) >= at;
        if !local_ok {
            return false;
        }
        match self.email_domain {
            Some((cached, ok)) if cached == at => ok,
            _ => {
                // Checked character by character first: that stops at the next `@`, so the
                // scans for the successive `@`s of "a@a@a@…" do not overlap.
                let domain = &text[at + 1..core_end];
                let ok = domain.chars().all(is_host_char)
                    && domain.contains('.')
                    && domain.split('.').all(is_label);
                self.email_domain = Some((at, ok));
                ok
            }
        }
    }

    /// "KOMPAS.com", "bps.go.id", "detik.com/berita": labels of ASCII letters, digits and
    /// hyphens joined by dots, the first with a letter, ending in a known lowercase TLD.
    fn is_domain(&mut self, text: &str, p: usize) -> bool {
        let core_end = self.core_end;
        let host_end = self
            .slash
            .next(text, p, core_end, |s| memchr(b'/', s.as_bytes()));
        let first_dot = self
            .dot
            .next(text, p, core_end, |s| memchr(b'.', s.as_bytes()));
        if first_dot >= host_end {
            return false; // one label
        }
        let chars_ok = self
            .not_host
            .next(text, p, core_end, |s| s.find(|c: char| !is_host_char(c)))
            >= host_end;
        let no_empty_label = first_dot > p
            && !text[..host_end].ends_with('.')
            && self.double_dot.next(text, p, core_end, |s| s.find("..")) >= host_end;
        let letter_first = self.ascii_alpha.next(text, p, core_end, |s| {
            s.find(|c: char| c.is_ascii_alphabetic())
        }) < first_dot;
        if !(chars_ok && no_empty_label && letter_first) {
            return false;
        }
        match self.tld {
            Some((cached, ok)) if cached == host_end => ok,
            _ => {
                let tld = &text[p..host_end]
                    .rsplit('.')
                    .next()
                    .expect("rsplit yields at least one piece");
                let ok = TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
                    && tld.chars().all(|c| c.is_ascii_lowercase());
                self.tld = Some((host_end, ok));
                ok
            }
        }
    }
}

/// The first offset at or after some position where a pattern matches, remembered: while
/// later questions start between the last start and the answer, the answer stands.
#[derive(Debug, Default, Clone, Copy)]
struct Seek {
    /// (where the last scan started, what it found)
    last: Option<(usize, usize)>,
}

impl Seek {
    /// The first match of `find` in `text[from..limit]` as an absolute offset, or `limit`.
    /// `limit` must be the same for every call on one `Seek`.
    fn next(
        &mut self,
        text: &str,
        from: usize,
        limit: usize,
        find: impl Fn(&str) -> Option<usize>,
    ) -> usize {
        match self.last {
            Some((start, found)) if start <= from && from <= found => found,
            _ => {
                let found = find(&text[from..limit]).map_or(limit, |k| from + k);
                self.last = Some((from, found));
                found
            }
        }
    }
}

fn word_chars_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
        .map_or(s.len(), |(k, _)| k)
}

fn trim_trailing_punctuation(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_ascii() && is_trailing_punctuation(c as u8))
}

fn is_label(label: &str) -> bool {
    !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A character of a host name: an ASCII letter or digit, a hyphen, or the dot between labels.
fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Length of the word or number at the start of `chunk`: letters and digits, joined by a
/// hyphen or apostrophe between letters, or by `. , : /` between digits.
fn word_len(chunk: &str) -> usize {
    let mut end = 0;
    let mut prev: Option<char> = None;
    let mut chars = chunk.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if is_word_char(c) {
            end = k + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let Some(p) = prev else { break };
        let Some(&(_, n)) = chars.peek() else { break };
        let joins = match c {
            '-' => p.is_alphanumeric() && n.is_alphanumeric(),
            '\'' => p.is_alphabetic() && n.is_alphabetic(),
            '.' | ',' | ':' | '/' => p.is_ascii_digit() && n.is_ascii_digit(),
            _ => false,
        };
        if !joins {
            break;
        }
        prev = Some(c);
    }
    end.max(chunk.chars().next().map_or(1, char::len_utf8))
}

fn word_kind(word: &str) -> TokenKind {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    if !has_digit {
        return TokenKind::Word;
    }
    let lower = word.to_ascii_lowercase();
    let money = lower
        .strip_prefix("rp")
        .or_else(|| lower.strip_prefix("us"))
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    let ordinal = lower
        .strip_prefix("ke-")
        .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()));
    let measure = word.starts_with(|c: char| c.is_ascii_digit()) && letters <= 3;
    if letters == 0 || money || ordinal || measure {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

#[cfg(test)]
mod tests;
