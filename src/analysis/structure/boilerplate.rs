//! Boilerplate: the lines a scraped page puts around an article's prose.
//!
//! Kinds, not strings: a line wholly in brackets ("(ant/abc)", "[Gambas:Video CNN]"), a line
//! opening with a read-also phrase or a credit label ("Baca juga", "Editor:", "Foto:"), a
//! caption ending in a photo credit, a copyright line, a row of share buttons, a row of
//! hashtags, a timestamp, an ad marker. The phrases are data (`data/boilerplate-id.txt`);
//! the shapes are code.

use std::sync::LazyLock;

use memchr::{memchr_iter, memchr2_iter};

use crate::util::hash::FastSet;

/// The embedded marker list; its header documents the format.
const MARKERS: &str = include_str!("../../../data/boilerplate-id.txt");

/// How a listed phrase marks a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Opens the line, followed by a non-letter or the line's end.
    Line,
    /// Opens the line, followed by `:`, `|`, a dash or `.`.
    Label,
    /// The line is the phrase alone.
    Only,
    /// A label or the phrase alone; a list of links may follow.
    List,
}

/// A line longer than this many bytes is prose, or a marked line ("Baca juga: ..."): only the
/// listed phrases and brackets are looked for in it, not the shapes of short lines.
const SHORT_LINE_BYTES: usize = 320;

/// A listed phrase, with its first bytes as a number to rule out most lines at once.
#[derive(Clone)]
struct Phrase {
    /// The phrase, ASCII lowercase.
    text: String,
    kind: Kind,
    /// Its first (up to) eight bytes, little-endian, and the mask of those bytes: a line's
    /// head (lowercased, as [`head_key`] reads it) opens with the phrase only if
    /// `key & mask == prefix`.
    prefix: u64,
    mask: u64,
}

impl Phrase {
    fn new(text: String, kind: Kind) -> Self {
        let k = text.len().min(8);
        let mut bytes = [0u8; 8];
        bytes[..k].copy_from_slice(&text.as_bytes()[..k]);
        Phrase {
            prefix: u64::from_le_bytes(bytes),
            mask: u64::MAX >> (8 * (8 - k)),
            text,
            kind,
        }
    }
}

/// The first eight bytes of `head` (zero past its end), ASCII lowercase, as a number to hold
/// against each [`Phrase`]'s prefix: one comparison per phrase instead of a loop of bytes
/// (callgrind, IndoSum train: the byte loop was a quarter of `classify_line`). A listed
/// phrase has no zero byte, so a head shorter than it never matches it.
fn head_key(head: &str) -> u64 {
    let k = head.len().min(8);
    let mut bytes = [0u8; 8];
    bytes[..k].copy_from_slice(&head.as_bytes()[..k]);
    bytes.make_ascii_lowercase();
    u64::from_le_bytes(bytes)
}

struct Markers {
    /// The phrases by their first byte (ASCII lowercase), longest first so that "keterangan
    /// foto" wins over "keterangan".
    phrases: Vec<Vec<Phrase>>,
    /// Lowercase words a row of share buttons is made of, as bytes (at most
    /// [`SHARE_WORD_BYTES`] each): looked up, not compared with each in turn.
    share: FastSet<Vec<u8>>,
}

/// The longest share word the list may hold.
const SHARE_WORD_BYTES: usize = 32;

static LIST: LazyLock<Markers> = LazyLock::new(|| {
    let mut phrases: Vec<(String, Kind)> = Vec::new();
    let mut share = FastSet::default();
    for line in MARKERS.lines() {
        let line = line.trim();
        let Some((kind, phrase)) = line.split_once(' ') else {
            continue; // a comment or a blank line
        };
        let phrase = phrase.trim().to_ascii_lowercase();
        if phrase.is_empty() {
            continue;
        }
        let kind = match kind {
            "line" => Kind::Line,
            "label" => Kind::Label,
            "only" => Kind::Only,
            "list" => Kind::List,
            "share" => {
                assert!(phrase.len() <= SHARE_WORD_BYTES, "a share word is one word");
                share.insert(phrase.into_bytes());
                continue;
            }
            _ => continue,
        };
        phrases.push((phrase, kind));
    }
    phrases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut by_first = vec![Vec::new(); 256];
    for (phrase, kind) in phrases {
        by_first[usize::from(phrase.as_bytes()[0])].push(Phrase::new(phrase, kind));
    }
    Markers {
        phrases: by_first,
        share,
    }
});

/// What a line is, when it is boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Boilerplate {
    /// Not boilerplate.
    None,
    /// A boilerplate line.
    Line,
    /// A header ("Berita Terkait", "Baca juga:") with nothing after it: the lines that follow
    /// and are not prose are a list of links.
    ListHeader,
}

/// How much of a line's head is compared with the listed phrases: more than the longest.
const HEAD_BYTES: usize = 48;

/// `head` after `phrase` (ASCII lowercase), if it opens with it in any ASCII case.
fn strip_phrase<'a>(head: &'a str, phrase: &str) -> Option<&'a str> {
    let opening = head.as_bytes().get(..phrase.len())?;
    // Byte by byte, to stop at the first difference (`eq_ignore_ascii_case` on slices
    // compares whole chunks). The bytes matched spell the phrase's chars, so the cut falls
    // between two chars.
    let same = (opening.iter().zip(phrase.as_bytes())).all(|(a, b)| a.to_ascii_lowercase() == *b);
    same.then(|| &head[phrase.len()..])
}

/// Whether `line` (one line of text) is boilerplate, and of which sort.
pub(super) fn classify_line(line: &str) -> Boilerplate {
    // Markers sites wrap a line in ("- Advertisement -", "• Senin, 7 Oktober 2024") say
    // nothing about what it is.
    let line = line.trim().trim_start_matches(is_bullet).trim_start();
    if line.is_empty() {
        return Boilerplate::None;
    }
    if is_bracketed(line) {
        return Boilerplate::Line;
    }
    // The head of the line: enough for any listed phrase. The phrases are ASCII lowercase, so
    // comparing bytes without regard to ASCII case finds them, and most comparisons end at
    // the first or second byte (callgrind, IndoSum train: lowercasing the head on the stack
    // and comparing whole phrases cost a third as much again).
    let mut n = line.len().min(HEAD_BYTES);
    while !line.is_char_boundary(n) {
        n -= 1;
    }
    let head = &line[..n];
    let key = head_key(head);
    for phrase in &LIST.phrases[usize::from(head.as_bytes()[0].to_ascii_lowercase())] {
        if key & phrase.mask != phrase.prefix {
            continue;
        }
        let Some(rest) = strip_phrase(head, &phrase.text) else {
            continue;
        };
        let kind = phrase.kind;
        // Whole words only: "iklan" does not open "iklannya".
        if rest.starts_with(char::is_alphanumeric) {
            continue;
        }
        let label_rest = rest
            .trim_start()
            .strip_prefix([':', '|', '-', '\u{2013}', '\u{2014}', '.']);
        let alone = rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty() && n == line.len();
        let hit = match kind {
            Kind::Line => true,
            Kind::Label => label_rest.is_some(),
            Kind::Only => alone,
            Kind::List => label_rest.is_some() || alone,
        };
        if !hit {
            continue;
        }
        let empty = alone || label_rest.is_some_and(|r| r.trim().is_empty());
        return if empty && matches!(kind, Kind::List | Kind::Label | Kind::Line) {
            Boilerplate::ListHeader
        } else {
            Boilerplate::Line
        };
    }
    if line.len() > SHORT_LINE_BYTES {
        return Boilerplate::None;
    }
    if is_copyright(line)
        || is_share_row(line)
        || is_hashtag_row(line)
        || is_timestamp(line)
        || is_dated_meta(line)
        || is_caption(line)
    {
        return Boilerplate::Line;
    }
    Boilerplate::None
}

/// "(ant/abc)", "(red)", "[Gambas:Video CNN]", "(Foto: ANTARA/...)": all of it in one pair
/// of brackets.
pub(super) fn is_bracketed(text: &str) -> bool {
    // The opening byte first: nearly every line and span is asked, and nearly none opens
    // with a bracket, so the end is trimmed only for those that do.
    let text = text.trim_start();
    let closes = match text.as_bytes().first() {
        Some(b'(') => ')',
        Some(b'[') => ']',
        _ => return false,
    };
    let text = text.trim_end();
    if !text.ends_with(closes) {
        return false;
    }
    // The first bracket closes at the end, not earlier: "(a) satu (b)" is not one.
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return i + c.len_utf8() == text.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// "© 2018 Kompas.com" ("Copyright ..." and "Hak cipta ..." are listed phrases).
fn is_copyright(line: &str) -> bool {
    contains_char(line, '©')
}

/// Whether `line` holds `c`. The last byte of its UTF-8 form is looked for many bytes a step
/// and the bytes before it compared, where `str::contains` with a non-ASCII char starts a
/// substring search, and with several chars decodes every char of the line.
fn contains_char(line: &str, c: char) -> bool {
    let mut buffer = [0u8; 4];
    let (&last, head) = c
        .encode_utf8(&mut buffer)
        .as_bytes()
        .split_last()
        .expect("a char has bytes");
    let bytes = line.as_bytes();
    memchr_iter(last, bytes).any(|k| bytes[..k].ends_with(head))
}

/// Whether `line` holds `phrase` (ASCII) in any ASCII case: only where its first letter is
/// found are the bytes compared, not at every byte of the line.
fn contains_ignoring_case(line: &str, phrase: &str) -> bool {
    let bytes = line.as_bytes();
    let first = phrase.as_bytes()[0];
    memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        bytes,
    )
    .any(|k| {
        bytes[k..]
            .get(..phrase.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(phrase.as_bytes()))
    })
}

/// "Facebook Twitter WhatsApp", "Bagikan: Facebook | Twitter | Salin tautan".
fn is_share_row(line: &str) -> bool {
    if !first_word_may_share(line) {
        return false;
    }
    let words = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '•' | '·' | ':' | ','))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let mut n = 0;
    for word in words {
        n += 1;
        // Stops at the first word of prose; rows of buttons are short.
        if n > 12 || !is_share_word(word) {
            return false;
        }
    }
    n >= 2
}

/// Whether the first word of `line` may be a share word. Lines of prose open with an ASCII
/// word that is not one; that word is found by its bytes, without cutting the line into
/// chars as [`is_share_row`] does (callgrind, IndoSum train: 600 instructions a line).
fn first_word_may_share(line: &str) -> bool {
    let bytes = line.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
        return true; // the line does not open with an ASCII word: the full test decides
    }
    let end = bytes
        .iter()
        .position(|&b| {
            matches!(b, b'\t'..=b'\r' | b' ' | b'|' | b'/' | b':' | b',') || !b.is_ascii()
        })
        .unwrap_or(bytes.len());
    if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
        return true; // a char that may separate words or be a letter: the full test decides
    }
    is_share_word(line[..end].trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether `word` is listed as a share word, in any ASCII case.
fn is_share_word(word: &str) -> bool {
    let mut buffer = [0u8; SHARE_WORD_BYTES];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return false; // longer than any
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    LIST.share.contains(&*lower)
}

/// "#Pilkada2018 #Jakarta": a row of hashtags.
fn is_hashtag_row(line: &str) -> bool {
    if !line.trim_start().starts_with('#') {
        return false; // the first word is not a hashtag: no need to cut the line into words
    }
    let mut words = line.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| w.starts_with('#') && w.len() > 1)
}

/// Day names that open a dateline or a timestamp ("Senin, 12 Maret 2018 10:15 WIB").
const DAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
];

/// A publication timestamp on its own line: short, no full stop at its end, with a time zone
/// ("10:15 WIB") or opening with a day name and a date.
fn is_timestamp(line: &str) -> bool {
    // A byte scan first: most lines have no digit, and are not cut into words at all.
    if line.ends_with('.') || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // Thirteen words are enough to tell that the line is too long for a timestamp.
    let words: Vec<&str> = line.split_whitespace().take(13).collect();
    if words.len() > 12 {
        return false;
    }
    let zone = words.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "WIB" | "WITA" | "WIT" | "GMT" | "UTC"
        )
    });
    let day = words.first().is_some_and(|w| {
        let w = w.trim_end_matches([',', '.']).to_lowercase();
        DAYS.contains(&w.as_str())
    });
    zone || day && words.len() >= 3 && words[0].ends_with(',')
}

/// Characters that open a list item or wrap a marker line.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2013}' | '\u{2014}' | '•' | '·' | '*' | '|' | '>'
    )
}

/// Month names and their abbreviations, Indonesian and English.
const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "ags",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "des",
    "dec",
];

/// Whether the words hold a calendar date: a day, a month name and a four-digit year
/// ("2 September 2024", "Mar 2, 2024").
fn has_date(words: &[&str]) -> bool {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let is_day = |w: &str| {
        let w = bare(w);
        !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())
    };
    let is_year = |w: &str| {
        let w = bare(w);
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
    };
    let is_month = |w: &str| MONTHS.contains(&bare(w).to_lowercase().as_str());
    words.windows(3).any(|w| {
        is_month(w[1]) && is_year(w[2]) && is_day(w[0])
            || is_month(w[0]) && is_day(w[1]) && is_year(w[2])
    })
}

/// A line of article metadata: a date with a byline, a reading time or a view count beside
/// it, set apart by a separator ("Humas UNT · 2 September 2024", "7 min read · Mar 2, 2024",
/// "Diterbitkan: 14 Maret 2024 | Dilihat: 1.204 kali"). A dated heading has no separator.
fn is_dated_meta(line: &str) -> bool {
    if line.ends_with('.') || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let marked = ['·', '|', '•'].iter().any(|&c| contains_char(line, c))
        || ["min read", "menit baca", "menit membaca"]
            .iter()
            .any(|p| contains_ignoring_case(line, p));
    if !marked {
        return false;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '|' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 14 && has_date(&words)
}

/// Words a photo credit in brackets starts with.
const CREDITS: &[&str] = &[
    "foto",
    "photo",
    "dok",
    "dokumentasi",
    "istimewa",
    "ist",
    "ilustrasi",
    "sumber",
    "shutterstock",
    "getty",
    "reuters",
    "afp",
    "ap",
    "antara",
    "net",
    "internet",
    "instagram",
    "twitter",
    "facebook",
    "youtube",
];

/// A caption: a short line ending in a bracketed photo credit, "Ilustrasi. (Shutterstock)",
/// "Suasana rapat di gedung DPR. (ANTARA/Budi)".
fn is_caption(line: &str) -> bool {
    let Some(inner) = line
        .strip_suffix(')')
        .and_then(|l| l.rfind('(').map(|k| &l[k + 1..]))
    else {
        return false;
    };
    if line.split_whitespace().nth(25).is_some() {
        return false;
    }
    let first: String = inner
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    // "ANTARA/Budi", "REUTERS/Jane": an agency in capitals and a photographer.
    let agency = inner.split_once('/').is_some_and(|(a, _)| {
        a.chars().filter(|c| c.is_alphabetic()).count() >= 2 && a.chars().all(|c| !c.is_lowercase())
    });
    CREDITS.contains(&first.as_str()) || agency
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_phrase_prefixes_pass_every_head_the_phrase_opens() {
        let heads = [
            "Baca juga: x",
            "BACA",
            "baca",
            "Editor",
            "editor:",
            "Foto",
            "é",
            "a",
            "Keterangan Foto: x",
        ];
        let mut passed = 0;
        for phrase in LIST.phrases.iter().flatten() {
            for head in heads.iter().copied().chain([phrase.text.as_str()]) {
                let opens = strip_phrase(head, &phrase.text).is_some();
                let passes = head_key(head) & phrase.mask == phrase.prefix;
                assert!(passes || !opens, "{head:?} {:?}", phrase.text);
                if passes {
                    passed += 1;
                    // The prefix alone decides a phrase of at most eight bytes.
                    assert!(opens || phrase.text.len() > 8, "{head:?} {:?}", phrase.text);
                }
            }
        }
        assert!(passed > LIST.phrases.iter().flatten().count());
    }

    #[test]
    fn boilerplate_chars_and_phrases_are_found_by_their_bytes() {
        let lines = [
            "© 2018 Kompas.com",
            "Kompas · 2 Mei",
            "a • b",
            "a | b",
            "café",
            "x",
            "",
        ];
        for line in lines {
            for c in ['©', '·', '•', '|', 'é'] {
                assert_eq!(contains_char(line, c), line.contains(c), "{line:?} {c:?}");
            }
        }
        // 'é' is C3 A9: its last byte is that of '©' too, which it is not.
        assert!(!contains_char("café", '©'));
        let lines = [
            "7 MIN READ · Mar 2",
            "Menit Baca",
            "5 menit membaca",
            "membaca",
            "m",
            "",
        ];
        for line in lines {
            for phrase in ["min read", "menit baca", "menit membaca"] {
                let by_windows = (line.as_bytes().windows(phrase.len()))
                    .any(|w| w.eq_ignore_ascii_case(phrase.as_bytes()));
                assert_eq!(
                    contains_ignoring_case(line, phrase),
                    by_windows,
                    "{line:?} {phrase:?}"
                );
            }
        }
    }
}
