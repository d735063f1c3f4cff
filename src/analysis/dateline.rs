//! News datelines: "Jakarta, KOMPAS.com -", "Merdeka.com -", "BANDUNG, (PR) --" opening the
//! first sentence. A place and a source name are boilerplate, not what the text is about, so
//! the analyzer marks where a dateline ends: its words are not content, and a summary leaves
//! it out.

use crate::analysis::sentence::SentenceSpan;
use crate::analysis::token::{Token, TokenKind};

/// End of a news dateline ("Jakarta, KOMPAS.com -", "Merdeka.com -", "BANDUNG, (PR) --") at the
/// start of the first sentence: the place and the source name are not what the text is about.
pub(super) fn dateline_end(text: &str, spans: &[SentenceSpan], tokens: &[Token]) -> usize {
    let Some(first) = spans.iter().find(|s| !s.heading) else {
        return 0;
    };
    if let Some(end) = site_name_end(text, first, tokens) {
        return end;
    }
    let Some(cut) = first_dash(text, first) else {
        return 0;
    };
    if looks_like_dateline(text, first, tokens, cut) {
        cut
    } else {
        0
    }
}

/// Where a site name opening the text ends, with the comma or colon after it:
/// "thelighthousepeople.com, Markas NATO ...".
fn site_name_end(text: &str, first: &SentenceSpan, tokens: &[Token]) -> Option<usize> {
    let site = tokens
        .iter()
        .find(|t| t.start >= first.start)
        .filter(|t| t.start == first.start && t.kind == TokenKind::Url)?;
    let after = &text[site.end..first.end];
    let gap = after.len() - after.trim_start().len();
    after
        .trim_start()
        .starts_with([',', ':'])
        .then_some(site.end + gap + 1)
}

/// Where the first dash in the first 80 characters of the sentence starts.
fn first_dash(text: &str, first: &SentenceSpan) -> Option<usize> {
    let head_end = text[first.start..first.end]
        .char_indices()
        .nth(80)
        .map_or(first.end, |(k, _)| first.start + k);
    let head = &text[first.start..head_end];
    // The first dash: every form starts with a space, so the spaces are the places to look.
    let dashes = [" - ", " -- ", " \u{2013} ", " \u{2014} "];
    let dash = head
        .match_indices(' ')
        .map(|(k, _)| k)
        .find(|&k| dashes.iter().any(|d| head[k..].starts_with(d)))?;
    Some(first.start + dash)
}

/// Whether the text before the dash at `cut` reads as a dateline.
fn looks_like_dateline(text: &str, first: &SentenceSpan, tokens: &[Token], cut: usize) -> bool {
    // A dateline is short and names a place or a source: a comma, a bracketed source, a domain,
    // capitals only, or just one or two words before a capitalised sentence ("Rimanews -
    // Polisi ...", but not "Kim Jun - su, ..."). Tokens are in text order, so those of the
    // head are one run.
    let before: Vec<&Token> = tokens
        .iter()
        .skip_while(|t| t.start < first.start)
        .take_while(|t| t.end <= cut)
        .collect();
    let head = &text[first.start..cut];
    let capital_after = text[cut..first.end]
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}')
        })
        .starts_with(|c: char| c.is_uppercase() || c == '"');
    before.len() <= 6
        && head.starts_with(char::is_uppercase)
        && (head.contains([',', '('])
            || before.len() <= 2 && capital_after
            || before.iter().any(|t| t.kind == TokenKind::Url)
            || before
                .iter()
                .all(|t| !text[t.start..t.end].chars().any(char::is_lowercase)))
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyzer::testing::{analyze, content};

    #[test]
    fn analyzer_dateline_is_not_content() {
        let a = analyze("Jakarta, KOMPAS.com - Pemerintah menaikkan harga beras.");
        let c = content(&a);
        assert!(
            !c.iter().any(|(s, _)| s == "Jakarta" || s == "KOMPAS.com"),
            "{c:?}"
        );
        assert!(
            c.iter()
                .any(|(s, _)| s == "Pemerintah" || s == "pemerintah")
        );
    }

    #[test]
    fn analyzer_summary_text_drops_the_dateline() {
        let a = analyze("Jakarta, KOMPAS.com - Pemerintah menaikkan harga beras. Warga mengeluh.");
        assert_eq!(a.summary_text(0), "Pemerintah menaikkan harga beras.");
        assert_eq!(a.summary_text(1), "Warga mengeluh.");
        let a = analyze("Rimanews - Polisi membekuk pengedar tembakau gorila.");
        assert_eq!(
            a.summary_text(0),
            "Polisi membekuk pengedar tembakau gorila."
        );
        let a = analyze("Kim Jun - su, anggota grup JYJ, membintangi musikal.");
        assert_eq!(
            a.summary_text(0),
            "Kim Jun - su, anggota grup JYJ, membintangi musikal."
        );
        let a = analyze("situsberita.com, Markas NATO penuh delegasi.");
        assert_eq!(a.summary_text(0), "Markas NATO penuh delegasi.");
        let a = analyze("Harga beras naik - lagi - pekan ini.");
        assert_eq!(a.summary_text(0), "Harga beras naik - lagi - pekan ini.");
    }
}
