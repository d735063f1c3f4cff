//! Where things are in a document: the byte spans of its sentences and of each keyword's
//! occurrences, for views that show the whole text (`--highlight`, the HTML page).
//!
//! Built only when asked for (`Config::layout`), so the JSON of an ordinary run is unchanged.
//! Spans point into the normalised text the analyzer saw (LF line ends, ASCII quotes), which
//! the layout carries with it.

use crate::analysis::analyzer::{Analysis, Term};
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
            keywords: keywords.iter().map(|k| occurrences(a, &k.term)).collect(),
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

/// The spans of a keyword's occurrences: runs of content words with the keyword's keys, not
/// split by punctuation (the runs `keywords::extract` counts), found from its first spelling.
fn occurrences(a: &Analysis, term: &str) -> Vec<Span> {
    let n = term.split(' ').count();
    let runs = || {
        a.sentences.iter().flat_map(move |s| {
            let terms = &a.terms[s.terms.clone()];
            (0..terms.len().saturating_sub(n - 1))
                .map(move |j| &terms[j..j + n])
                .filter(|run| {
                    run.iter().all(|t| t.content) && run[1..].iter().all(|t| !t.boundary_before)
                })
        })
    };
    let spelled = |run: &[Term]| {
        let words: Vec<_> = run.iter().map(|t| a.surface(t)).collect();
        words.join(" ")
    };
    let Some(first) = runs()
        .find(|run| spelled(run) == term)
        .or_else(|| runs().find(|run| spelled(run).to_lowercase() == term.to_lowercase()))
    else {
        return Vec::new();
    };
    let ids: Vec<u32> = first.iter().map(|t| t.id).collect();
    runs()
        .filter(|run| run.iter().map(|t| t.id).eq(ids.iter().copied()))
        .map(|run| [run[0].start, run[n - 1].end])
        .collect()
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
            assert_eq!(spans.len(), k.count, "{}: {spans:?}", k.term);
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
