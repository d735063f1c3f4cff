//! Token cuts checked by example and against a plain reference tokenizer.

use super::*;

/// The tokens of `text` as (text, kind) pairs, checking every span against the text.
fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
    let mut out = Vec::new();
    tokenize(text, &mut out);
    out.iter()
        .map(|t| {
            assert!(t.start < t.end && t.end <= text.len(), "bad span {t:?}");
            (&text[t.start..t.end], t.kind)
        })
        .collect()
}

fn words(text: &str) -> Vec<&str> {
    tokens(text).into_iter().map(|(t, _)| t).collect()
}

use TokenKind::*;

/// The tokenizer as it was before it was made linear: rescans the rest of the chunk at every
/// token. Kept as the specification the fast one is checked against.
mod reference {
    use super::super::{
        TLDS, Token, TokenKind, is_label, trim_trailing_punctuation, word_chars_len, word_kind,
        word_len,
    };

    /// Appends the tokens of `text` to `out`, with spans relative to `text`.
    pub(super) fn tokenize(text: &str, out: &mut Vec<Token>) {
        let mut i = 0;
        let mut last_end = 0;
        let mut first = true;
        while i < text.len() {
            let rest = &text[i..];
            let mut chars = rest.chars();
            let c = chars.next().expect("i is below len, so a char starts here");
            let next = chars.next();
            let starts = c.is_alphanumeric()
                || (matches!(c, '#' | '@') && next.is_some_and(|n| n.is_alphanumeric()));
            if !starts {
                i += c.len_utf8();
                continue;
            }
            let chunk_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (kind, len) = classify(&rest[..chunk_end]);
            let boundary_before = first || text[last_end..i].chars().any(|c| !c.is_whitespace());
            out.push(Token {
                start: i,
                end: i + len,
                kind,
                boundary_before,
            });
            first = false;
            i += len;
            last_end = i;
        }
    }

    /// Kind and byte length of the token at the start of `chunk` (a run without whitespace that
    /// starts with a letter, a digit, `#` or `@`). The length is never zero.
    fn classify(chunk: &str) -> (TokenKind, usize) {
        if let Some(tag) = chunk.strip_prefix('#') {
            return (TokenKind::Hashtag, 1 + word_chars_len(tag));
        }
        if let Some(name) = chunk.strip_prefix('@') {
            return (TokenKind::Mention, 1 + word_chars_len(name));
        }
        let core = trim_trailing_punctuation(chunk);
        for scheme in ["http://", "https://", "www."] {
            let head = core.as_bytes().get(..scheme.len());
            if head.is_some_and(|h| h.eq_ignore_ascii_case(scheme.as_bytes()))
                && core.len() > scheme.len()
            {
                return (TokenKind::Url, core.len());
            }
        }
        if core.contains('@') && is_email(core) {
            return (TokenKind::Email, core.len());
        }
        if core.contains('.') && is_domain(core) {
            return (TokenKind::Url, core.len());
        }
        let len = word_len(chunk);
        (word_kind(&chunk[..len]), len)
    }

    /// "KOMPAS.com", "bps.go.id", "detik.com/berita": labels joined by dots, ending in a known TLD.
    fn is_domain(core: &str) -> bool {
        let host = core.split('/').next().unwrap_or(core);
        let labels: Vec<&str> = host.split('.').collect();
        let Some(tld) = labels.last() else {
            return false;
        };
        labels.len() >= 2
            && labels.iter().all(|l| is_label(l))
            && labels[0].chars().any(|c| c.is_ascii_alphabetic())
            && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
            && tld.chars().all(|c| c.is_ascii_lowercase())
    }

    fn is_email(core: &str) -> bool {
        let Some((local, domain)) = core.split_once('@') else {
            return false;
        };
        !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'))
            && domain.contains('.')
            && domain.split('.').all(is_label)
    }
}

/// `tokenize` cuts `text` exactly as the rescanning reference tokenizer does.
fn assert_cuts_as_reference(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    let mut fast = Vec::new();
    tokenize(text, &mut fast);
    let mut slow = Vec::new();
    reference::tokenize(text, &mut slow);
    proptest::prop_assert_eq!(fast, slow, "{:?}", text);
    Ok(())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// The linear tokenizer cuts exactly as the rescanning one did.
    #[test]
    fn token_linear_tokenizer_matches_reference(
        text in "[a-zA-Z0-9.@/:,#_+'() é-]{0,48}|(www\\.|https?://)?[a-z@.]{0,6}(com|go|id)[./a-z@-]{0,8}"
    ) {
        assert_cuts_as_reference(&text)?;
    }

    /// Words and numbers before every kind of punctuation and space cut as the reference
    /// does.
    #[test]
    fn token_words_before_punctuation_match_reference(
        text in "(([a-zA-Z]{1,5}|[0-9]{1,4})[-.,;:!?)\\]}\"'>@/#(éa0 \t\n\u{b}\u{a0}]{0,3}){0,8}"
    ) {
        assert_cuts_as_reference(&text)?;
    }
}

#[test]
fn token_spans_at_an_offset_are_shifted() {
    let text = "Harga beras naik, kata BPS (bps.go.id) pada 12/5/2025.";
    let mut plain = Vec::new();
    tokenize(text, &mut plain);
    let mut shifted = Vec::new();
    tokenize_at(text, 100, &mut shifted);
    let expected: Vec<Token> = plain
        .iter()
        .map(|t| Token {
            start: t.start + 100,
            end: t.end + 100,
            ..*t
        })
        .collect();
    assert_eq!(shifted, expected);
}

#[test]
fn token_words_and_punctuation_boundaries() {
    let mut out = Vec::new();
    tokenize("Harga beras, kata dia.", &mut out);
    let b: Vec<bool> = out.iter().map(|t| t.boundary_before).collect();
    assert_eq!(b, [true, false, true, false]);
    assert_eq!(
        words("Harga beras, kata dia."),
        ["Harga", "beras", "kata", "dia"]
    );
}

#[test]
fn token_numbers_keep_separators() {
    assert_eq!(
        tokens("Rp1,2 triliun 1.000.000,50 pukul 09.30 WIB 2,5 12/5/2025 ke-21 10km"),
        [
            ("Rp1,2", Number),
            ("triliun", Word),
            ("1.000.000,50", Number),
            ("pukul", Word),
            ("09.30", Number),
            ("WIB", Word),
            ("2,5", Number),
            ("12/5/2025", Number),
            ("ke-21", Number),
            ("10km", Number),
        ]
    );
}

#[test]
fn token_urls_domains_emails_tags() {
    assert_eq!(
        tokens(
            "Jakarta, KOMPAS.com - lihat https://bps.go.id/data?x=1. www.bps.go.id, redaksi@kompas.com #pemilu @jokowi"
        ),
        [
            ("Jakarta", Word),
            ("KOMPAS.com", Url),
            ("lihat", Word),
            ("https://bps.go.id/data?x=1", Url),
            ("www.bps.go.id", Url),
            ("redaksi@kompas.com", Email),
            ("#pemilu", Hashtag),
            ("@jokowi", Mention),
        ]
    );
}

#[test]
fn token_hyphens_and_apostrophes() {
    assert_eq!(
        tokens("negara-negara Covid-19 Jum'at pra- -an"),
        [
            ("negara-negara", Word),
            ("Covid-19", Word),
            ("Jum'at", Word),
            ("pra", Word),
            ("an", Word),
        ]
    );
}

#[test]
fn token_noisy_news_text() {
    assert_eq!(
        tokens(
            "contohberita.com, Markas NATO di penuhi delegasi negara-negara (anggota-nya) \
             pada abad ke-21 -- isu-isu e-KTP, serangan di gital bisa datang kapan. Saja"
        ),
        [
            ("contohberita.com", Url),
            ("Markas", Word),
            ("NATO", Word),
            ("di", Word),
            ("penuhi", Word),
            ("delegasi", Word),
            ("negara-negara", Word),
            ("anggota-nya", Word),
            ("pada", Word),
            ("abad", Word),
            ("ke-21", Number),
            ("isu-isu", Word),
            ("e-KTP", Word),
            ("serangan", Word),
            ("di", Word),
            ("gital", Word),
            ("bisa", Word),
            ("datang", Word),
            ("kapan", Word),
            ("Saja", Word),
        ]
    );
}

#[test]
fn token_missing_space_after_full_stop_splits_words() {
    assert_eq!(
        words("kemarin.Presiden datang"),
        ["kemarin", "Presiden", "datang"]
    );
}

#[test]
fn token_ascii_letters_len_stops_at_the_first_non_letter() {
    for at in 0..20 {
        for b in 0..=255u8 {
            let mut bytes = b"KataKataKataKataKataKata".to_vec();
            bytes[at] = b;
            let expected = bytes.iter().position(|b| !b.is_ascii_alphabetic());
            assert_eq!(
                ascii_letters_len(&bytes),
                expected.unwrap_or(bytes.len()),
                "{b} at {at}"
            );
        }
    }
    assert_eq!(ascii_letters_len(b"abc\xff\xffzz\x00"), 3);
}

#[test]
fn token_plain_words_and_numbers_take_the_fast_path_alike() {
    for text in [
        "abc",
        "abc def",
        "abc\tdef\n",
        "abc\u{b}x",
        "abc\u{a0}x",
        "ab.",
        "ab1",
        "ab.\"",
        "ab,x",
        "ab.)- x",
        "www. x",
        "http: x",
        "ab'",
        "ab'c",
        "ab-",
        "ab-c",
        "ab.\u{a0}x",
        "ab!?\u{b}",
        "ab-cd",
        "ab-cd-cd, x",
        "ab-cd- x",
        "ab-cd.ef",
        "ab-cd@x.com",
        "ab-1",
        "ab--cd",
        "Jum'at",
        "ab'-c",
        "ab-'c",
        "ab-\u{e9}",
        "www-ab.com",
        "12",
        "2018 x",
        "27,",
        "8).\"",
        "9-",
        "9-a",
        "12a",
        "1.000",
        "1.000.000,50 x",
        "12/5",
        "23/8).",
        "28/8/2016), x",
        "09.30:",
        "1..2",
        "1.,2",
        "2.5L",
        "74,5%",
        "1.2.",
        "1.2-3",
        "3:1/a",
        "3.\u{a0}x",
    ] {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        assert_eq!(
            (out[0].kind, out[0].end),
            Chunk::new(text, 0).classify(text, 0),
            "{text:?}"
        );
    }
}

#[test]
fn token_non_ascii_and_garbage_do_not_panic() {
    assert_eq!(words("déjà mémbaca"), ["déjà", "mémbaca"]);
    for s in [
        "", "-", "#", "@", "...", "a.", "é.com", "x@", "@.", "ke-", "1.", "http://",
    ] {
        let _ = tokens(s);
    }
}
