//! Where things are in a document: the byte spans of its sentences and of each keyword's own
//! occurrences, for views that show the whole text (`--highlight`, the HTML page).
//!
//! Built only when asked for (`Config::layout`), so the JSON of an ordinary run is unchanged.
//! Spans point into the normalised text the analyzer saw (LF line ends, ASCII quotes), which
//! the layout carries with it.

use crate::analysis::analyzer::Analysis;
use crate::report::{Keyword, Layout, Span};

/// A stretch of the text and how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'t> {
    pub text: &'t str,
    /// Part of a summary sentence.
    pub summary: bool,
    /// Part of a keyword occurrence.
    pub keyword: bool,
    /// Index of the summary sentence this segment starts, if it starts one.
    pub opens: Option<usize>,
}

impl Layout {
    /// The layout of an analysed document and its keywords.
    pub fn new(a: &Analysis, keywords: &[Keyword]) -> Layout {
        Layout {
            text: a.text.clone(),
            sentences: a.sentences.iter().map(|s| [s.start, s.end]).collect(),
            keywords: keywords.iter().map(|k| occurrences(a, k)).collect(),
        }
    }

    /// The whole text cut where a summary sentence or a keyword starts or ends; `summary`
    /// holds the indices of the summary sentences. Concatenated, the segments are the text.
    pub fn segments(&self, summary: &[usize]) -> Vec<Segment<'_>> {
        let mut chosen: Vec<(usize, Span)> = summary
            .iter()
            .filter_map(|&i| self.sentences.get(i).map(|&s| (i, s)))
            .collect();
        chosen.sort_unstable_by_key(|&(_, s)| s);
        let mut spans: Vec<Span> = self.keywords.iter().flatten().copied().collect();
        spans.sort_unstable();
        // Keywords may overlap ("harga beras" and "beras naik"): mark their union.
        let mut marks: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match marks.last_mut() {
                Some(last) if s[0] <= last[1] => last[1] = last[1].max(s[1]),
                _ => marks.push(s),
            }
        }
        let mut cuts: Vec<usize> = vec![0, self.text.len()];
        cuts.extend(chosen.iter().flat_map(|(_, s)| *s));
        cuts.extend(self.keywords.iter().flatten().flatten());
        cuts.retain(|&c| c <= self.text.len() && self.text.is_char_boundary(c));
        cuts.sort_unstable();
        cuts.dedup();
        // One sweep: both span lists are sorted and do not overlap within themselves.
        let (mut c, mut m) = (0, 0);
        let mut segments = Vec::with_capacity(cuts.len());
        for w in cuts.windows(2) {
            let (start, end) = (w[0], w[1]);
            while chosen.get(c).is_some_and(|(_, s)| s[1] <= start) {
                c += 1;
            }
            while marks.get(m).is_some_and(|s| s[1] <= start) {
                m += 1;
            }
            let inside = |s: &Span| s[0] <= start && end <= s[1];
            let sentence = chosen.get(c).filter(|(_, s)| inside(s));
            segments.push(Segment {
                text: &self.text[start..end],
                summary: sentence.is_some(),
                keyword: marks.get(m).is_some_and(inside),
                opens: sentence.filter(|(_, s)| s[0] == start).map(|&(i, _)| i),
            });
        }
        segments
    }
}

/// The spans of a keyword's own occurrences: where the text writes it or one of its aliases,
/// in any case, the last word perhaps with a clitic ("NATO", "nato", "anggotanya" for
/// "anggota") or reduplicated ("negara-negara"), never split by punctuation. Words that only
/// share a stem with it ("kuat", "diperkuat" for "memperkuat") count for its score and
/// `count`, but are not its occurrences.
fn occurrences(a: &Analysis, keyword: &Keyword) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for form in std::iter::once(&keyword.term).chain(&keyword.aliases) {
        let words: Vec<String> = form.split(' ').map(str::to_lowercase).collect();
        let n = words.len();
        for s in &a.sentences {
            let terms = &a.terms[s.terms.clone()];
            for run in terms.windows(n) {
                let written = run[1..].iter().all(|t| !t.boundary_before)
                    && run.iter().zip(&words).enumerate().all(|(i, (t, word))| {
                        own_form(&a.surface(t).to_lowercase(), word, i + 1 == n)
                    });
                if written {
                    spans.push([run[0].start, run[n - 1].end]);
                }
            }
        }
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

/// Clitics that attach to a word without making another one.
const CLITICS: [&str; 6] = ["nya", "lah", "kah", "pun", "ku", "mu"];

/// Whether `written` (lowercase) is `word`, or, when `last`, `word` with a clitic or
/// reduplicated.
fn own_form(written: &str, word: &str, last: bool) -> bool {
    if written == word {
        return true;
    }
    let Some(rest) = written.strip_prefix(word).filter(|_| last) else {
        return false;
    };
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    CLITICS.contains(&rest) || rest == word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Engine};

    fn layout(text: &str) -> (crate::Report, Layout) {
        let engine = Engine::new(&Config {
            layout: true,
            ..Config::default()
        })
        .expect("default config loads");
        let mut report = engine.report("-", text);
        let layout = report.layout.take().expect("asked for");
        (report, layout)
    }

    const TEXT: &str = "Keamanan siber menjadi prioritas NATO. Serangan siber makin canggih.\n\n\
        NATO memperkuat keamanan siber anggotanya. Keamanan siber juga melindungi ekonomi.";

    #[test]
    fn layout_keyword_spans_match_counts_and_spelling() {
        let (report, layout) = layout(TEXT);
        assert_eq!(layout.keywords.len(), report.keywords.len());
        for (k, spans) in report.keywords.iter().zip(&layout.keywords) {
            assert!(
                !spans.is_empty() && spans.len() <= k.count,
                "{}: {spans:?}",
                k.term
            );
            for s in spans {
                assert!(
                    layout.text[s[0]..s[1]].eq_ignore_ascii_case(&k.term),
                    "{}",
                    k.term
                );
            }
        }
    }

    #[test]
    fn layout_marks_a_keywords_own_occurrences_not_its_stem() {
        let text = "Memperkuat Pertahanan\n\nNATO memperkuat pertahanan. Aliansi itu ingin \
            memperkuat pertahanan bersama. Pertahanan yang kuat perlu. Anggota memperkuatnya \
            lagi, dan pertahanan diperkuat. North Atlantic Treaty Organization (NATO) lahir 1949.";
        let engine = Engine::new(&Config::default()).expect("default config loads");
        let analyzer = engine.analyzer();
        let a = analyzer.analyze(text, &mut analyzer.memo());
        let spans = |term: &str, aliases: &[&str]| -> Vec<&str> {
            let k = Keyword {
                term: term.into(),
                score: 1.0,
                count: 0,
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
            };
            occurrences(&a, &k)
                .iter()
                .map(|s| &a.text[s[0]..s[1]])
                .collect()
        };
        assert_eq!(
            spans("memperkuat", &[]),
            ["Memperkuat", "memperkuat", "memperkuat", "memperkuatnya"]
        );
        assert_eq!(
            spans("NATO", &["North Atlantic Treaty Organization"]),
            ["NATO", "North Atlantic Treaty Organization", "NATO"]
        );
        assert_eq!(spans("pertahanan bersama", &[]), ["pertahanan bersama"]);
    }

    #[test]
    fn layout_segments_rebuild_the_text() {
        let (report, layout) = layout(TEXT);
        let summary: Vec<usize> = report.summary.iter().map(|s| s.index).collect();
        let segments = layout.segments(&summary);
        let whole: String = segments.iter().map(|s| s.text).collect();
        assert_eq!(whole, layout.text);
        for s in &report.summary {
            let [start, end] = layout.sentences[s.index];
            assert_eq!(
                crate::analysis::sentence::flatten(&layout.text[start..end]),
                s.text
            );
        }
        let opened: Vec<usize> = segments.iter().filter_map(|s| s.opens).collect();
        assert_eq!(opened, summary);
        assert!(segments.iter().any(|s| s.keyword && s.summary));
        assert!(segments.iter().any(|s| s.keyword && !s.summary) || summary.len() == 4);
    }

    #[test]
    fn layout_overlapping_keywords_mark_their_union() {
        let layout = Layout {
            text: "Harga beras naik. Cuaca cerah.".into(),
            sentences: vec![[0, 17], [18, 30]],
            keywords: vec![vec![[0, 11]], vec![[6, 16]]],
        };
        let shown: Vec<(&str, bool, bool, Option<usize>)> = layout
            .segments(&[0])
            .iter()
            .map(|s| (s.text, s.summary, s.keyword, s.opens))
            .collect();
        assert_eq!(
            shown,
            [
                ("Harga ", true, true, Some(0)),
                ("beras", true, true, None),
                (" naik", true, true, None),
                (".", true, false, None),
                (" Cuaca cerah.", false, false, None),
            ]
        );
    }

    #[test]
    fn layout_of_empty_text() {
        let (_, layout) = layout("");
        assert!(layout.segments(&[]).is_empty());
    }
}
