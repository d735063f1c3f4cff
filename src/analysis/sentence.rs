//! Sentence segmentation for Indonesian (and English) news and prose.
//!
//! Summaries are built from whole sentences, so a wrong boundary shows up directly in the
//! output: a title such as "Dr." or an initial such as "A.H." must not end a sentence, while
//! "kemarin.Presiden" must. The splitter works in two passes, both linear in the text:
//!
//! 1. Line structure. A blank line always ends a paragraph. Inside a paragraph a single line
//!    break joins hard-wrapped lines, or ends a unit when the line is a heading, a list item or
//!    a whole sentence on its own line (see [`SentenceSplitter::split`] for the rules).
//! 2. Inside each unit, a candidate boundary is a run of `.`, `?`, `!` or `…`, taken together
//!    with the closing quotes and brackets that follow it. Whether it is a boundary depends on
//!    the word before it (abbreviation, initial, list number) and the word after it (lower
//!    case continues the sentence).
//!
//! The abbreviations are data, not code: `data/abbreviations.txt`, embedded at build time.

use std::borrow::Cow;

use crate::util::hash::FastMap;

/// The embedded abbreviation list; its header documents the format.
const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");

/// A line without end punctuation and with at most this many words, on its own line, is a
/// heading. Headlines and section titles in Indonesian news are almost always shorter; a
/// sentence that lost its full stop is almost always longer.
const HEADING_MAX_WORDS: usize = 12;

/// Looking back or ahead further than this for the word next to a full stop gains nothing
/// (no abbreviation is that long) and keeps pathological input, such as megabytes of
/// "a.a.a.", linear.
const MAX_WORD_SCAN: usize = 64;

/// A bracketed aside shorter than this is never split ("(Uu. G005)", "(lihat hlm. 5)").
const MAX_ASIDE_BYTES: usize = 160;

/// One sentence (or heading) as byte offsets into the text it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// A short line without end punctuation standing on its own: a headline or section title.
    pub heading: bool,
}

impl SentenceSpan {
    /// The sentence text, given the text that was split.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevKind {
    /// Always followed by what it qualifies ("Dr.", "No.", "Jl."): never a boundary.
    Prefix,
    /// May end a sentence ("dll.", "S.H."): a boundary only before a capitalised word.
    Terminal,
    /// Stands before a number ("no.", "Nmr."): never a boundary before one, but before a
    /// capitalised word the number was left out and the sentence ended ("di Jalan Raya
    /// no. Polisi ...").
    Number,
}

/// Splits text into sentences. Build it once and reuse it; it is `Send + Sync`.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    abbreviations: FastMap<String, AbbrevKind>,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        Self::new()
    }
}

impl SentenceSplitter {
    /// A splitter with the embedded abbreviation list.
    pub fn new() -> Self {
        let mut abbreviations = FastMap::default();
        for line in ABBREVIATIONS.lines() {
            add_abbreviation(&mut abbreviations, line);
        }
        Self { abbreviations }
    }

    /// A splitter with the embedded list plus `extra` abbreviations, each written like a
    /// line of `data/abbreviations.txt` ("Kapolres." or "Kapolres. prefix"); a missing final
    /// full stop is added.
    pub fn with_abbreviations(extra: impl IntoIterator<Item = String>) -> Self {
        let mut splitter = Self::new();
        for line in extra {
            add_abbreviation(&mut splitter.abbreviations, &line);
        }
        splitter
    }

    /// Splits `text` into trimmed, non-empty, ordered, non-overlapping spans that together
    /// hold every non-whitespace character of `text`.
    ///
    /// Line breaks: a blank line always ends a unit. A single line break ends one when the
    /// line is a heading (at most [`HEADING_MAX_WORDS`] words, starting with a capital or a
    /// digit, no end punctuation, and the next line does not start in lower case), when
    /// either line is a list item ("1. …", "- …"), or when the paragraph is not hard-wrapped
    /// and the next line starts with a capital. Otherwise the lines are joined and the
    /// punctuation decides.
    pub fn split(&self, text: &str) -> Vec<SentenceSpan> {
        let mut spans = Vec::new();
        for unit in units(text) {
            if unit.heading {
                push_trimmed(text, unit.start, unit.end, true, &mut spans);
            } else {
                self.split_unit(text, unit.start, unit.end, &mut spans);
            }
        }
        spans
    }

    /// Splits one unit (a paragraph or part of one) at its sentence-final punctuation.
    fn split_unit(&self, text: &str, start: usize, end: usize, spans: &mut Vec<SentenceSpan>) {
        let unit = &text[start..end];
        let asides = asides(unit);
        let mut next_aside = 0;
        let mut quiet_until = 0;
        let mut sentence_start = 0;
        let bytes = unit.as_bytes();
        let mut i = 0;
        while i < unit.len() {
            // Most bytes are none of these: they are passed over a table lookup each.
            i = skip_to(bytes, i, &PUNCTUATION_STOPS);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b == b'(' || b == b'[' {
                while next_aside < asides.len() && asides[next_aside].0 < i {
                    next_aside += 1;
                }
                let aside = asides.get(next_aside).filter(|&&(open, _)| open == i);
                if let Some(&(_, close)) = aside {
                    quiet_until = quiet_until.max(close);
                }
                i += 1;
                continue;
            }
            let Some(term_len) = terminal_len(unit, i) else {
                i += 1;
                continue;
            };
            let run_start = i;
            let mut run_end = i + term_len;
            while let Some(n) = terminal_len(unit, run_end) {
                run_end += n;
            }
            i = run_end;
            let run = &unit[run_start..run_end];
            let after = closers_end(unit, run_end);
            if run_start < quiet_until && after <= quiet_until {
                continue; // inside an aside; "(Ini catatan.)" itself may still end a sentence
            }
            if unit[..run_start].ends_with(['(', '[']) {
                continue; // "[…]" or "(...)" marks words left out of a quotation
            }
            let boundary = match unit[after..].chars().next() {
                None => false, // the end of the unit is a boundary anyway
                Some(c) if c.is_whitespace() => self.ends_sentence(unit, run_start, run, after),
                Some(_) => after == run_end && missing_space(unit, run_start, run, run_end),
            };
            if boundary {
                push_trimmed(text, start + sentence_start, start + after, false, spans);
                sentence_start = after;
                i = after;
            }
        }
        push_trimmed(text, start + sentence_start, end, false, spans);
    }

    /// Whether the punctuation `run` at `run_start`, followed by closers up to `after` and
    /// then whitespace, ends a sentence.
    fn ends_sentence(&self, unit: &str, run_start: usize, run: &str, after: usize) -> bool {
        let next = next_word(unit, after);
        let next_case = word_case(next);
        if run.contains(['?', '!']) {
            // "Apa?" tanya dia. — attribution after a quoted question continues; a bare
            // question mark before a lower-case word is a sentence typed without a capital.
            return next_case != Case::Lower || after == run_start + run.len();
        }
        if run.len() > 1 {
            // An ellipsis: a capital starts a new sentence, anything else trails on.
            return next_case == Case::Upper;
        }
        let (word_start, word) = word_before(unit, run_start);
        if word.is_empty() {
            return next_case != Case::Lower;
        }
        let with_stop = &unit[word_start..run_start + 1];
        // Two-word abbreviations ("Ph. D.") are listed with their space.
        let (_, before) = word_before(unit, unit[..word_start].trim_end().len());
        let pair = (!before.is_empty())
            .then(|| format!("{before} {with_stop}"))
            .filter(|pair| self.abbreviations.contains_key(pair.as_str()));
        let kind = match &pair {
            Some(pair) => self.abbreviations.get(pair.as_str()),
            None => self.abbreviations.get(with_stop),
        };
        if let Some(kind) = kind {
            return match kind {
                AbbrevKind::Prefix => false,
                AbbrevKind::Terminal | AbbrevKind::Number => {
                    next_case == Case::Upper && !self.is_abbreviation(next)
                }
            };
        }
        if is_initials(word) {
            // After a number a capital is a unit or an era ("suhu 100 C.", "abad ke-6 M."),
            // and I, V, X after a lower-case word a numeral ("kuartal I."): not a name, so
            // it may end the sentence.
            let numeral = matches!(word, "I" | "V" | "X") && word_case(before) == Case::Lower;
            if before.bytes().any(|b| b.is_ascii_digit()) || numeral {
                return next_case == Case::Upper && !self.is_abbreviation(next);
            }
            // "A.H. Nasution", "oleh M. Nasir": a name goes on. ("vitamin C." at the end of a
            // sentence is the price; telling it from a name needs a lexicon.)
            return false;
        }
        if is_dotted_abbreviation(word) {
            return next_case == Case::Upper && !self.is_abbreviation(next);
        }
        if is_list_marker(word) && at_line_start(unit, word_start) {
            // "1. Gunakan handuk": a numbered item's number is a unit of its own (as IndoSum's
            // segmentation has it), so the item reads as a sentence; "a. satu" stays whole.
            return word.bytes().all(|b| b.is_ascii_digit());
        }
        if next_case == Case::Digit && is_grouped_number(word) && starts_digit_group(next) {
            // "2.904. 678": one number typed with a stray full stop and space.
            return false;
        }
        // A real word before a lower-case one: a sentence typed without its capital. Short or
        // vowel-less words ("tdk.", "hlm.") are more likely unlisted abbreviations.
        next_case != Case::Lower || after == run_start + 1 && is_plain_word(word)
    }

    /// Whether `word` (as it appears after a boundary candidate) is itself an abbreviation
    /// or initial, as in "S.H. M.H." where both are degrees of one name.
    fn is_abbreviation(&self, word: &str) -> bool {
        let word = word.trim_end_matches([',', ';', ':']);
        let Some(stem) = word.strip_suffix('.') else {
            return false;
        };
        self.abbreviations.contains_key(word) || is_initials(stem) || is_dotted_abbreviation(stem)
    }
}

/// A number in thousands groups ("2.904", "1,250"): digits, and after a separator three.
fn is_grouped_number(word: &str) -> bool {
    let mut groups = word.split(['.', ',']);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `word` opens with exactly three digits: the next thousands group of a number.
fn starts_digit_group(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits == 3 && !word[3..].starts_with(|c: char| c.is_alphabetic())
}

/// Parses one line of the abbreviation list into `map`; comments and blank lines are skipped.
/// A field ending in a full stop after the first is part of the abbreviation ("Ph. D.").
fn add_abbreviation(map: &mut FastMap<String, AbbrevKind>, line: &str) {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return;
    }
    let mut fields = line.split_whitespace().peekable();
    let Some(first) = fields.next() else {
        return;
    };
    let mut word = first.to_string();
    while let Some(more) = fields.next_if(|f| f.ends_with('.')) {
        word.push(' ');
        word.push_str(more);
    }
    let kind = match fields.next() {
        Some("prefix") => AbbrevKind::Prefix,
        Some("number") => AbbrevKind::Number,
        _ => AbbrevKind::Terminal,
    };
    if !word.ends_with('.') {
        word.push('.');
    }
    map.insert(word, kind);
}

/// Collapses every run of whitespace (inner line breaks included) into one space and trims
/// the ends; borrows when nothing changes.
pub fn flatten(sentence: &str) -> Cow<'_, str> {
    let trimmed = sentence.trim();
    let mut prev_space = false;
    let clean = trimmed.chars().all(|c| {
        let ok = c == ' ' && !prev_space || !c.is_whitespace();
        prev_space = c == ' ';
        ok
    });
    if clean {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// A stretch of text that the line pass hands to the punctuation pass (or keeps whole).
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    heading: bool,
}

/// One line, without its line break, as byte offsets.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// The line pass: cuts the text into paragraphs at blank lines and paragraphs into units at
/// the line breaks that end a heading, a list item or a line-long sentence.
fn units(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut paragraph: Vec<Line> = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = Line {
            start: offset,
            end: offset + raw.trim_end_matches(['\n', '\r']).len(),
        };
        offset += raw.len();
        if text[line.start..line.end].trim().is_empty() {
            paragraph_units(text, &paragraph, true, &mut units);
            paragraph.clear();
        } else {
            paragraph.push(line);
        }
    }
    paragraph_units(text, &paragraph, false, &mut units);
    // A heading heads something: not the end of the text, nor a lower-case continuation
    // after a blank line.
    for k in 0..units.len() {
        if !units[k].heading {
            continue; // nothing to take back
        }
        let next_lower = units.get(k + 1).is_some_and(|next| {
            word_case(next_word(&text[next.start..next.end], 0)) == Case::Lower
        });
        if next_lower || k + 1 == units.len() {
            units[k].heading = false;
        }
    }
    units
}

/// Cuts one paragraph into units. `followed` says whether more text may come after it.
fn paragraph_units(text: &str, lines: &[Line], followed: bool, units: &mut Vec<Unit>) {
    let Some(first) = lines.first() else {
        return;
    };
    let wrapped = is_hard_wrapped(text, lines);
    // Only wrapped text asks how wide its lines are.
    let width = if wrapped {
        lines
            .iter()
            .map(|l| text[l.start..l.end].trim().chars().count())
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let mut unit_start = first.start;
    let mut unit_lines = 0;
    for (k, line) in lines.iter().enumerate() {
        unit_lines += 1;
        let this = text[line.start..line.end].trim();
        let heading_candidate = unit_lines == 1 && looks_like_heading(this);
        let Some(next_line) = lines.get(k + 1) else {
            let heading = heading_candidate && followed;
            units.push(Unit {
                start: unit_start,
                end: line.end,
                heading,
            });
            break;
        };
        let next = text[next_line.start..next_line.end].trim();
        let next_lower = word_case(next_word(next, 0)) == Case::Lower;
        // In wrapped text only a line well short of the width ends early.
        let short = !wrapped || this.chars().count() * 10 < width * 6;
        let heading = heading_candidate && short && !next_lower;
        let ends_clause = ends_with_terminal(this) || this.ends_with(':');
        let cut = if heading || is_list_item(next) && (short || ends_clause) {
            true
        } else if next_lower || this.ends_with([',', ';', '-', '(', '/']) {
            false
        } else if ends_with_terminal(this) {
            // The punctuation pass decides, with the line break as whitespace.
            false
        } else if is_list_item(this) && unit_lines == 1 {
            true
        } else {
            // A line-long sentence without its full stop, or the end of a wrapped paragraph.
            short
        };
        if cut {
            units.push(Unit {
                start: unit_start,
                end: line.end,
                heading,
            });
            unit_start = next_line.start;
            unit_lines = 0;
        }
    }
}

/// A paragraph of three or more lines most of which run to near the same width without
/// end punctuation was wrapped by an editor, not broken by its author.
fn is_hard_wrapped(text: &str, lines: &[Line]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let texts = || lines.iter().map(|l| text[l.start..l.end].trim());
    let width = texts().map(|t| t.chars().count()).max().unwrap_or(0);
    let inner = lines.len() - 1;
    let wrapped = texts()
        .take(inner)
        .filter(|t| {
            let n = t.chars().count();
            n >= 40 && n * 10 >= width * 6 && !ends_with_terminal(t)
        })
        .count();
    wrapped * 2 >= inner
}

/// A line that reads as a heading: short, capitalised, without end punctuation, and not a
/// list item or a bracketed note such as "(ant/hs)".
fn looks_like_heading(line: &str) -> bool {
    // A Markdown heading ("# Judul", "## Bagian") is one whatever its length.
    if let Some(rest) = line.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        return rest.starts_with(' ') && !rest.trim().is_empty();
    }
    let Some(first) = line.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || is_opener(first)) {
        return false;
    }
    if ends_with_terminal(line) || line.ends_with([':', ',', ';', '-']) || is_list_item(line) {
        return false;
    }
    if line.starts_with(['(', '[']) && line.ends_with([')', ']']) {
        return false;
    }
    line.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
}

/// "1. Pertama", "2) Kedua", "a. satu", "- butir", "• butir".
fn is_list_item(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if words.next().is_none() && !first.ends_with(['.', ')']) {
        return false;
    }
    if matches!(first, "-" | "*" | "•" | "–" | "—" | "·") {
        return true;
    }
    let Some(marker) = first.strip_suffix(['.', ')']) else {
        return false;
    };
    is_list_marker(marker)
}

/// A list number or letter without its full stop: "1", "12", "a", "B".
fn is_list_marker(word: &str) -> bool {
    let digits = !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit());
    let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    digits || letter
}

/// Whether a line ends with `.`, `?`, `!` or `…`, possibly followed by closing quotes or
/// brackets.
fn ends_with_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .ends_with(['.', '?', '!', '…'])
}

/// Byte length of the sentence-final character at `i`, if there is one.
fn terminal_len(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i)? {
        b'.' | b'?' | b'!' => Some(1),
        0xE2 if s[i..].starts_with('…') => Some('…'.len_utf8()),
        _ => None,
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹')
}

/// The end of the closing quotes and brackets after a full stop at `from`, including a
/// closing quote typed after a space (`baik. "`) at the end of a line.
fn closers_end(unit: &str, from: usize) -> usize {
    let mut end = from;
    while let Some(c) = unit[end..].chars().next().filter(|&c| is_closer(c)) {
        end += c.len_utf8();
    }
    let rest = &unit[end..];
    let spaced = rest.trim_start_matches([' ', '\t']);
    let quotes = spaced.trim_start_matches(['"', '\'', '”', '’']);
    let gap = rest.len() - spaced.len();
    let line_ends = quotes.trim_start_matches([' ', '\t', '\r']);
    if gap > 0
        && quotes.len() < spaced.len()
        && (line_ends.is_empty() || line_ends.starts_with('\n'))
    {
        end += rest.len() - quotes.len();
    }
    end
}

/// Pairs of matching brackets, as (open, close) byte offsets, whose content is short enough
/// to be an aside that is never split. Sorted by the opening bracket.
fn asides(unit: &str) -> Vec<(usize, usize)> {
    let mut stack = Vec::new();
    let mut pairs = Vec::new();
    let bytes = unit.as_bytes();
    let mut i = skip_to(bytes, 0, &BRACKET_STOPS);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'(' | b'[' => stack.push((i, b)),
            b')' | b']' => {
                let open = if b == b')' { b'(' } else { b'[' };
                if let Some(&(at, _)) = stack.last().filter(|&&(_, kind)| kind == open) {
                    stack.pop();
                    if i - at <= MAX_ASIDE_BYTES {
                        pairs.push((at, i));
                    }
                }
            }
            b'\n' => stack.clear(), // an aside does not run across lines
            _ => {}
        }
        i = skip_to(bytes, i + 1, &BRACKET_STOPS);
    }
    pairs.sort_unstable();
    pairs
}

/// A set of bytes as a lookup table: `table[b]` is whether `b` is in it.
type ByteSet = [bool; 256];

const fn byte_set(bytes: &[u8]) -> ByteSet {
    let mut set = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        set[bytes[k] as usize] = true;
        k += 1;
    }
    set
}

/// Where the punctuation pass stops: brackets that may open an aside, and the first bytes of
/// sentence-final characters (0xE2 starts `…`).
const PUNCTUATION_STOPS: ByteSet = byte_set(b"([.?!\xE2");

/// Where [`asides`] stops: brackets and line breaks.
const BRACKET_STOPS: ByteSet = byte_set(b"()[]\n");

/// The offset of the first byte at or after `from` in `set`, or `bytes.len()`.
fn skip_to(bytes: &[u8], from: usize, set: &ByteSet) -> usize {
    let Some(rest) = bytes.get(from..) else {
        return bytes.len();
    };
    // Eight bytes at a time, looked up without a branch each, while none is in the set.
    let mut blocks = rest.chunks_exact(8);
    let mut skipped = 0;
    for block in &mut blocks {
        if block
            .iter()
            .fold(false, |any, &b| any | set[usize::from(b)])
        {
            break;
        }
        skipped += 8;
    }
    rest[skipped..]
        .iter()
        .position(|&b| set[usize::from(b)])
        .map_or(bytes.len(), |k| from + skipped + k)
}

/// The word just before byte `end` (up to whitespace, without opening quotes or brackets),
/// with its start offset. Empty when the scan limit is hit, so a huge token is never taken
/// for an abbreviation.
fn word_before(unit: &str, end: usize) -> (usize, &str) {
    let mut start = end;
    for (i, c) in unit[..end].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if end - i > MAX_WORD_SCAN {
            return (end, "");
        }
        start = i;
    }
    let word = &unit[start..end];
    let trimmed = word.trim_start_matches(is_opener);
    (end - trimmed.len(), trimmed)
}

/// The word starting after the whitespace at or after `from`, cut at the scan limit.
fn next_word(unit: &str, from: usize) -> &str {
    let rest = unit[from..].trim_start();
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() || i > MAX_WORD_SCAN {
            break;
        }
        end = i + c.len_utf8();
    }
    &rest[..end]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Starts with a capital ("Presiden", "\"Kami") or is a brand like "iPhone".
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    Digit,
    /// Punctuation, symbols, or nothing.
    Other,
}

/// How a word starts, looking past opening quotes. A bracket counts as `Other` whatever
/// follows it: after a full stop, "(ant/hs)" is a credit line, not the sentence going on.
fn word_case(word: &str) -> Case {
    if word.starts_with(['(', '[']) {
        return Case::Other;
    }
    let mut chars = word.trim_start_matches(is_opener).chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => Case::Upper,
        Some(c) if c.is_lowercase() => match chars.next() {
            Some(d) if d.is_uppercase() => Case::Upper, // iPhone, eKTP
            _ => Case::Lower,
        },
        Some(c) if c.is_numeric() => Case::Digit,
        _ => Case::Other,
    }
}

/// "A", "A.H", "K.H" (the final full stop already removed): single capitals joined by
/// full stops.
fn is_initials(word: &str) -> bool {
    !word.is_empty()
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        })
}

/// "S.Kom", "M.Si", "Ph.D" (the final full stop already removed): short pieces of letters
/// joined by full stops, the first one capitalised. Domains ("bps.go.id") start lower case.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.split('.').all(|part| {
            let n = part.chars().count();
            (1..=4).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

/// A word that cannot be an abbreviation: letters only, at least three, with a vowel.
fn is_plain_word(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && word.chars().any(|c| "aiueoAIUEO".contains(c))
}

/// Whether only spaces separate `at` from the start of its line (or of the unit).
fn at_line_start(unit: &str, at: usize) -> bool {
    unit[..at]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

/// "kemarin.Presiden": a lower-case word, a full stop (or `?`, `!`) and a capitalised word
/// with no space between. Domains ("KOMPAS.com", "detik.com") and initials never match
/// because one side is not a plain word of the right case.
fn missing_space(unit: &str, run_start: usize, run: &str, run_end: usize) -> bool {
    if run.len() != 1 {
        return false;
    }
    let (_, word) = word_before(unit, run_start);
    let mut word_chars = word.chars();
    let plain_lower = word.chars().count() >= 2
        && word_chars.all(char::is_alphabetic)
        && word.chars().last().is_some_and(char::is_lowercase);
    if !plain_lower {
        return false;
    }
    let next = next_word(unit, run_end);
    let mut next_chars = next.chars();
    let capitalised = matches!(
        (next_chars.next(), next_chars.next()),
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase()
    );
    let head: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    capitalised && !matches!(head.as_str(), "com" | "net" | "org" | "id" | "co" | "io")
}

/// Pushes `[start, end)` trimmed of whitespace, if anything is left.
fn push_trimmed(
    text: &str,
    start: usize,
    end: usize,
    heading: bool,
    spans: &mut Vec<SentenceSpan>,
) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice[lead..].trim_end();
    if !trimmed.is_empty() {
        let start = start + lead;
        spans.push(SentenceSpan {
            start,
            end: start + trimmed.len(),
            heading,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `text`, checks the span invariants, and compares the flattened sentence texts
    /// (a heading is written with a leading `#`).
    fn assert_sentences(text: &str, expected: &[&str]) {
        let spans = SentenceSplitter::new().split(text);
        assert_spans_cover(text, &spans);
        let got: Vec<String> = spans
            .iter()
            .map(|s| {
                let flat = flatten(s.text(text));
                if s.heading {
                    format!("#{flat}")
                } else {
                    flat.into_owned()
                }
            })
            .collect();
        assert_eq!(got, expected, "input: {text:?}");
    }

    /// Spans are trimmed, non-empty, ordered, non-overlapping, on char boundaries, and every
    /// non-whitespace character of `text` lies in one of them.
    fn assert_spans_cover(text: &str, spans: &[SentenceSpan]) {
        let mut covered = 0;
        for span in spans {
            assert!(span.start >= covered && span.start < span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let inner = &text[span.start..span.end];
            assert_eq!(inner, inner.trim(), "span not trimmed");
            assert!(
                text[covered..span.start].trim().is_empty(),
                "text lost before a span"
            );
            covered = span.end;
        }
        assert!(text[covered..].trim().is_empty(), "text lost at the end");
    }

    #[test]
    fn sentence_titles_and_degrees() {
        assert_sentences(
            "Prof. Dr. Budi Santoso, M.Sc. memberi kuliah umum. dr. Rina Sari, Sp.A. hadir \
             juga. Ir. H. Ahmad dan Hj. Siti menutup acara. Hadir pula Andi Wijaya, S.H. Ia \
             datang terlambat. Gelarnya S.Kom. M.Si. dari kampus yang sama.",
            &[
                "Prof. Dr. Budi Santoso, M.Sc. memberi kuliah umum.",
                "dr. Rina Sari, Sp.A. hadir juga.",
                "Ir. H. Ahmad dan Hj. Siti menutup acara.",
                "Hadir pula Andi Wijaya, S.H.",
                "Ia datang terlambat.",
                "Gelarnya S.Kom. M.Si. dari kampus yang sama.",
            ],
        );
    }

    #[test]
    fn sentence_common_abbreviations() {
        assert_sentences(
            "Kami membeli sayur, buah, dll. di pasar. Surat a.n. Kepala Desa dikirim ke Jl. \
             Merdeka No. 5 Kec. Sukajadi Kab. Bandung. Rapat berlangsung s.d. pukul 12.00. \
             Yth. Bapak Camat membaca hlm. 12 tgl. 5 Agu. 2024. Laporan itu ditulis Sari dkk. \
             Mereka meneliti padi, jagung, dsb. Hasilnya baik.",
            &[
                "Kami membeli sayur, buah, dll. di pasar.",
                "Surat a.n. Kepala Desa dikirim ke Jl. Merdeka No. 5 Kec. Sukajadi Kab. Bandung.",
                "Rapat berlangsung s.d. pukul 12.00.",
                "Yth. Bapak Camat membaca hlm. 12 tgl. 5 Agu. 2024.",
                "Laporan itu ditulis Sari dkk.",
                "Mereka meneliti padi, jagung, dsb.",
                "Hasilnya baik.",
            ],
        );
    }

    #[test]
    fn sentence_initials_and_country_abbreviations() {
        assert_sentences(
            "Jenderal A.H. Nasution lahir di Kotanopan. Presiden B. J. Habibie membuka acara. \
             Barang itu dikirim ke A.S. Setelah itu harganya naik.",
            &[
                "Jenderal A.H. Nasution lahir di Kotanopan.",
                "Presiden B. J. Habibie membuka acara.",
                "Barang itu dikirim ke A.S.",
                "Setelah itu harganya naik.",
            ],
        );
    }

    #[test]
    fn sentence_numbers_both_separators() {
        assert_sentences(
            "Inflasi naik 2,5 persen. Nilainya 5.6 kali lipat dari Rp1,2 triliun atau \
             1.000.000,50 dolar. Harganya 12.500 rupiah. 2024 menjadi tahun sulit.",
            &[
                "Inflasi naik 2,5 persen.",
                "Nilainya 5.6 kali lipat dari Rp1,2 triliun atau 1.000.000,50 dolar.",
                "Harganya 12.500 rupiah.",
                "2024 menjadi tahun sulit.",
            ],
        );
    }

    #[test]
    fn sentence_times_dates_ordinals() {
        assert_sentences(
            "Rapat dimulai pukul 09.30 WIB. Ini rapat ke-21. Senin (12/5/2025) rapat ditutup.",
            &[
                "Rapat dimulai pukul 09.30 WIB.",
                "Ini rapat ke-21.",
                "Senin (12/5/2025) rapat ditutup.",
            ],
        );
    }

    #[test]
    fn sentence_urls_domains_emails() {
        assert_sentences(
            "Jakarta, KOMPAS.com - Data dari www.bps.go.id menunjukkan kenaikan. Baca di \
             https://x.y/z?a=b. Kirim surel ke redaksi@contoh.co.id. Merdeka.com melaporkan \
             hal itu.",
            &[
                "Jakarta, KOMPAS.com - Data dari www.bps.go.id menunjukkan kenaikan.",
                "Baca di https://x.y/z?a=b.",
                "Kirim surel ke redaksi@contoh.co.id.",
                "Merdeka.com melaporkan hal itu.",
            ],
        );
    }

    #[test]
    fn sentence_ellipsis_continues_before_lower_case() {
        assert_sentences(
            "Dia diam... lalu pergi. Tunggu… Besok kita bicara. Entahlah...",
            &[
                "Dia diam... lalu pergi.",
                "Tunggu…",
                "Besok kita bicara.",
                "Entahlah...",
            ],
        );
    }

    #[test]
    fn sentence_question_and_exclamation() {
        assert_sentences(
            "Apa kabar? Baik sekali! Benarkah?! Ya. Kenapa? karena hujan.",
            &[
                "Apa kabar?",
                "Baik sekali!",
                "Benarkah?!",
                "Ya.",
                "Kenapa?",
                "karena hujan.",
            ],
        );
    }

    #[test]
    fn sentence_quotes_with_attribution() {
        assert_sentences(
            "\"Kami siap,\" kata dia. \"Apa?\" tanya dia. \"Bagus.\" Dia tersenyum. \
             “Sudah selesai.” Mereka pulang. 'Oke!' seru Budi.",
            &[
                "\"Kami siap,\" kata dia.",
                "\"Apa?\" tanya dia.",
                "\"Bagus.\"",
                "Dia tersenyum.",
                "“Sudah selesai.”",
                "Mereka pulang.",
                "'Oke!' seru Budi.",
            ],
        );
    }

    #[test]
    fn sentence_closing_brackets_and_credits() {
        assert_sentences(
            "(Ini catatan redaksi.) Lalu dia pulang. Kasus itu ditangani polisi (lihat hlm. 5). \
             Polisi menahan dua orang. (ant/hs)",
            &[
                "(Ini catatan redaksi.)",
                "Lalu dia pulang.",
                "Kasus itu ditangani polisi (lihat hlm. 5).",
                "Polisi menahan dua orang.",
                "(ant/hs)",
            ],
        );
    }

    #[test]
    fn sentence_missing_space_after_full_stop() {
        assert_sentences(
            "Hujan turun kemarin.Presiden datang hari ini. Situs KOMPAS.com dan detik.com \
             ramai. Tokoh A.H.Nasution dikenang. Lihat Kumparan.Com sekarang.",
            &[
                "Hujan turun kemarin.",
                "Presiden datang hari ini.",
                "Situs KOMPAS.com dan detik.com ramai.",
                "Tokoh A.H.Nasution dikenang.",
                "Lihat Kumparan.Com sekarang.",
            ],
        );
    }

    #[test]
    fn sentence_line_breaks_and_headings() {
        assert_sentences(
            "Banjir Melanda Jakarta\nHujan deras mengguyur kota sejak pagi. Air naik.\n\
             Warga mengungsi ke masjid.\n\nPenyebab Banjir\n\nDrainase yang buruk menjadi \
             penyebab utama banjir di kawasan itu menurut para ahli tata kota setempat\n\
             Pemerintah berjanji memperbaikinya\n\nsetelah musim hujan berakhir.",
            &[
                "#Banjir Melanda Jakarta",
                "Hujan deras mengguyur kota sejak pagi.",
                "Air naik.",
                "Warga mengungsi ke masjid.",
                "#Penyebab Banjir",
                "Drainase yang buruk menjadi penyebab utama banjir di kawasan itu menurut para \
                 ahli tata kota setempat",
                "Pemerintah berjanji memperbaikinya",
                "setelah musim hujan berakhir.",
            ],
        );
    }

    #[test]
    fn sentence_markdown_headings() {
        assert_sentences(
            "# Literasi Digital Bukan Sekadar Bisa Memakai Ponsel Pintar di Rumah Sendiri\n\n\
             Kabar bohong menyebar. Kita menyalahkan teknologi.\n\n## Peran Sekolah\n\
             Sekolah perlu mengajarkannya.",
            &[
                "## Literasi Digital Bukan Sekadar Bisa Memakai Ponsel Pintar di Rumah Sendiri",
                "Kabar bohong menyebar.",
                "Kita menyalahkan teknologi.",
                "### Peran Sekolah",
                "Sekolah perlu mengajarkannya.",
            ],
        );
    }

    #[test]
    fn sentence_hard_wrapped_lines_are_joined() {
        assert_sentences(
            "Presiden Joko Widodo meresmikan jalan tol baru di\n\
             Jawa Tengah pada Senin pagi. Jalan itu diharapkan\n\
             mempercepat arus barang dan mengurangi kemacetan di\n\
             kawasan pantura yang selama ini padat kendaraan.",
            &[
                "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi.",
                "Jalan itu diharapkan mempercepat arus barang dan mengurangi kemacetan di \
                 kawasan pantura yang selama ini padat kendaraan.",
            ],
        );
    }

    #[test]
    fn sentence_dateline_stays_in_first_sentence() {
        assert_sentences(
            "Jakarta, KOMPAS.com - Presiden meninjau lokasi banjir. Ia didampingi menteri.",
            &[
                "Jakarta, KOMPAS.com - Presiden meninjau lokasi banjir.",
                "Ia didampingi menteri.",
            ],
        );
    }

    #[test]
    fn sentence_list_items_are_units() {
        assert_sentences(
            "Syaratnya sebagai berikut:\n1. Fotokopi KTP\n2. Pas foto. Ukuran 3x4.\n\
             - Surat pengantar\nBerkas dikirim ke kantor desa.",
            &[
                "Syaratnya sebagai berikut:",
                "1.",
                "Fotokopi KTP",
                "2.",
                "Pas foto.",
                "Ukuran 3x4.",
                "- Surat pengantar",
                "Berkas dikirim ke kantor desa.",
            ],
        );
    }

    #[test]
    fn sentence_english_abbreviations() {
        assert_sentences(
            "Mr. Smith met Dr. Jones, e.g. at lunch. They ate apples, pears, etc. Then they \
             left. It was Smith vs. Jones, i.e. a classic.",
            &[
                "Mr. Smith met Dr. Jones, e.g. at lunch.",
                "They ate apples, pears, etc.",
                "Then they left.",
                "It was Smith vs. Jones, i.e. a classic.",
            ],
        );
    }

    #[test]
    fn sentence_company_and_institution_forms() {
        // Before a name (PT., RS.) they never end a sentence; after one (Pte., LLC.) they do
        // before a capital that is not another abbreviation.
        assert_sentences(
            "Saham PT. Astra naik. Ia bekerja di Keppel Pte. Ltd. Kantornya di Singapura.",
            &[
                "Saham PT. Astra naik.",
                "Ia bekerja di Keppel Pte. Ltd.",
                "Kantornya di Singapura.",
            ],
        );
        assert_sentences(
            "Korban dibawa ke RSUD. Sardjito oleh warga. Pasukan U.S. Navy tiba.",
            &[
                "Korban dibawa ke RSUD. Sardjito oleh warga.",
                "Pasukan U.S. Navy tiba.",
            ],
        );
        // A two-word abbreviation, listed with its space.
        assert_sentences(
            "Ia meraih gelar Ph. D. Setelah itu ia pulang.",
            &["Ia meraih gelar Ph. D.", "Setelah itu ia pulang."],
        );
    }

    #[test]
    fn sentence_units_numerals_and_eras_may_end_a_sentence() {
        // A capital after a number is a unit or an era, I/V/X after a lower-case word a
        // numeral: not the initial of a name.
        assert_sentences(
            "Nilainya turun pada semester V. Guru mengeluh. Es mencair pada 0 C. Airnya dingin.",
            &[
                "Nilainya turun pada semester V.",
                "Guru mengeluh.",
                "Es mencair pada 0 C.",
                "Airnya dingin.",
            ],
        );
        assert_sentences(
            "Kota itu berdiri tahun 400 M. Rajanya kuat. Buku itu ditulis oleh M. Nasir.",
            &[
                "Kota itu berdiri tahun 400 M.",
                "Rajanya kuat.",
                "Buku itu ditulis oleh M. Nasir.",
            ],
        );
    }

    #[test]
    fn sentence_number_abbreviations_before_a_capital() {
        // "no." before a number goes on; before a capitalised word the number was left out.
        assert_sentences(
            "Rumahnya di Gang Mawar no. 12 Bogor. Ia tinggal di Jalan Melati no. Warga mengenalnya.",
            &[
                "Rumahnya di Gang Mawar no. 12 Bogor.",
                "Ia tinggal di Jalan Melati no.",
                "Warga mengenalnya.",
            ],
        );
    }

    #[test]
    fn sentence_no_split_inside_a_grouped_number() {
        // "1.250. 500": a stray full stop and space inside one number.
        assert_sentences(
            "Pesertanya 1.250. 500 orang hadir. Pada 2019. 2020 lebih ramai.",
            &[
                "Pesertanya 1.250. 500 orang hadir.",
                "Pada 2019.",
                "2020 lebih ramai.",
            ],
        );
    }

    #[test]
    fn sentence_extra_abbreviations() {
        let text = "Ia bertemu Kapt. Budi. Lalu pulang.";
        let default = SentenceSplitter::new().split(text).len();
        let extra = SentenceSplitter::with_abbreviations(["Kapt prefix".to_string()]);
        assert_eq!(default, 2);
        assert_eq!(extra.split(text).len(), 2);
        let custom = SentenceSplitter::with_abbreviations(["Budi".to_string()]);
        assert_eq!(custom.split("Ia bertemu Budi. lalu pulang.").len(), 1);
    }

    #[test]
    fn sentence_spans_cover_text_in_order() {
        let text = "  Judul Berita\n\nKalimat satu. Kalimat dua?  \"Tiga!\" \n\n (ant) \n";
        let spans = SentenceSplitter::new().split(text);
        assert_spans_cover(text, &spans);
        let texts: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        assert_eq!(
            texts,
            [
                "Judul Berita",
                "Kalimat satu.",
                "Kalimat dua?",
                "\"Tiga!\"",
                "(ant)"
            ]
        );
        assert!(spans[0].heading);
        assert!(SentenceSplitter::new().split(" \n\t\n").is_empty());
    }

    #[test]
    fn sentence_long_line_without_punctuation_completes() {
        let text = "kata ".repeat(2 * 1024 * 1024);
        let spans = SentenceSplitter::new().split(&text);
        assert_eq!(spans.len(), 1);
        let dots = "a.".repeat(5 * 1024 * 1024);
        assert_spans_cover(&dots, &SentenceSplitter::new().split(&dots));
        let items = "1. ".repeat(3 * 1024 * 1024);
        assert_spans_cover(&items, &SentenceSplitter::new().split(&items));
    }

    #[test]
    fn sentence_random_unicode_never_panics() {
        const POOL: &[&str] = &[
            "a",
            "Z",
            "é",
            "ß",
            "漢",
            "🙂",
            " ",
            "\n",
            "\n\n",
            "\t",
            ".",
            "...",
            "…",
            "?",
            "!",
            "\"",
            "'",
            "“",
            "”",
            "’",
            "(",
            ")",
            "[",
            "]",
            "1",
            "2,5",
            "Dr.",
            "dll.",
            "A.",
            "-",
            "\r",
            "\u{a0}",
            "\u{200b}",
            "Jl.",
            "x.y",
            "kemarin.Presiden",
            ":",
            "•",
        ];
        let splitter = SentenceSplitter::new();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 60) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(POOL[(state % POOL.len() as u64) as usize]);
            }
            assert_spans_cover(&text, &splitter.split(&text));
        }
    }

    #[test]
    fn sentence_flatten_collapses_whitespace() {
        assert_eq!(flatten("satu  dua\n tiga\t"), "satu dua tiga");
        assert!(matches!(flatten("sudah rapi"), Cow::Borrowed("sudah rapi")));
    }

    #[test]
    fn sentence_splitter_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<SentenceSplitter>();
    }
}
