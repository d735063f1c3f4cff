//! Corpus topics: the terms and phrases that characterise a whole batch, and the documents
//! where each is most prominent.
//!
//! Built from the reports as they stream past, in input order: a topic's score is the sum of
//! its keyword scores over the documents (a term that is a strong keyword of many documents
//! characterises the collection), weighed down for Indonesian by how many articles of news at
//! large hold its words (`background`: "Indonesia" and "orang" are keywords of many batches
//! without saying what any is about). Ties go to more documents, then more occurrences, then
//! the term. Terms are matched case-insensitively and shown in
//! their most frequent spelling. The result depends only on the reports and their order, never
//! on thread count or hash order.

pub mod background;
pub mod cluster;
pub mod consensus;
pub mod model;
pub mod output;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::config::Language;
use crate::keywords::round4;
use crate::report::Report;

/// Documents listed per topic.
pub const PROMINENT: usize = 3;

/// The final `{"corpus": ...}` record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusRecord {
    pub corpus: Corpus,
}

/// What a batch is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Documents that were read (failed inputs do not count).
    pub documents: usize,
    /// Best first.
    pub topics: Vec<Topic>,
}

/// One term or phrase of the collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub term: String,
    /// Sum of the term's keyword scores over the documents, times its background weight.
    pub score: f64,
    /// Documents that have it among their keywords.
    pub documents: usize,
    /// Where it is most prominent: up to three documents, best first.
    pub prominent: Vec<Prominence>,
}

/// A document where a topic stands out, with the topic's keyword score there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prominence {
    pub source: String,
    pub score: f64,
}

#[derive(Debug, Default)]
struct Tally {
    /// Spellings in first-seen order, with counts.
    spellings: Vec<(String, usize)>,
    score: f64,
    /// The background weight of the term (the same for all its spellings: it is case-blind).
    weight: f64,
    documents: usize,
    /// Occurrences over all documents: breaks ties between equal scores.
    count: usize,
    /// (score, document number, source), best first, at most `PROMINENT`.
    best: Vec<(f64, usize, String)>,
}

/// Collects keywords document by document; `finish` ranks them.
#[derive(Debug, Default)]
pub struct TopicCounter {
    documents: usize,
    tallies: HashMap<String, Tally>,
    /// Weigh keywords by how frequent their words are in news at large (Indonesian only).
    background: bool,
}

impl TopicCounter {
    /// A counter for documents in `language`.
    pub fn new(language: Language) -> Self {
        TopicCounter {
            background: language == Language::Indonesian,
            ..TopicCounter::default()
        }
    }

    pub fn add(&mut self, report: &Report) {
        let doc = self.documents;
        self.documents += 1;
        for k in &report.keywords {
            let tally = self.tallies.entry(k.term.to_lowercase()).or_default();
            match tally.spellings.iter_mut().find(|(s, _)| *s == k.term) {
                Some((_, n)) => *n += 1,
                None => tally.spellings.push((k.term.clone(), 1)),
            }
            if tally.documents == 0 {
                tally.weight = if self.background {
                    background::weight(&k.term)
                } else {
                    1.0
                };
            }
            tally.score += k.score * tally.weight;
            tally.documents += 1;
            tally.count += k.count;
            let at = tally
                .best
                .iter()
                .position(|(s, _, _)| k.score > *s)
                .unwrap_or(tally.best.len());
            if at < PROMINENT {
                tally.best.insert(at, (k.score, doc, report.source.clone()));
                tally.best.truncate(PROMINENT);
            }
        }
    }

    /// The `n` best topics.
    pub fn finish(self, n: usize) -> Corpus {
        let mut ranked: Vec<(String, Tally)> = self.tallies.into_iter().collect();
        ranked.sort_by(|(a, x), (b, y)| {
            y.score
                .total_cmp(&x.score)
                .then(y.documents.cmp(&x.documents))
                .then(y.count.cmp(&x.count))
                .then(a.cmp(b))
        });
        let topics = ranked
            .into_iter()
            .take(n)
            .map(|(_, tally)| {
                let mut spelling = 0;
                for (i, (_, count)) in tally.spellings.iter().enumerate() {
                    if *count > tally.spellings[spelling].1 {
                        spelling = i;
                    }
                }
                Topic {
                    term: tally.spellings[spelling].0.clone(),
                    score: round4(tally.score),
                    documents: tally.documents,
                    prominent: tally
                        .best
                        .into_iter()
                        .map(|(score, _, source)| Prominence { source, score })
                        .collect(),
                }
            })
            .collect();
        Corpus {
            documents: self.documents,
            topics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Keyword, Stats};

    fn report(source: &str, keywords: &[(&str, f64)]) -> Report {
        Report {
            id: None,
            source: source.into(),
            language: "id".into(),
            title: None,
            keywords: keywords
                .iter()
                .map(|&(term, score)| Keyword {
                    term: term.into(),
                    score,
                    count: 1,
                    aliases: Vec::new(),
                })
                .collect(),
            summary: Vec::new(),
            stats: Stats {
                sentences: 0,
                headings: 0,
                words: 0,
            },
            layout: None,
        }
    }

    #[test]
    fn topics_rank_by_summed_score_and_list_prominent_documents() {
        let mut counter = TopicCounter::new(Language::Indonesian);
        counter.add(&report("a", &[("Banjir", 1.0), ("beras", 0.2)]));
        counter.add(&report("b", &[("banjir", 0.5), ("cabai", 1.0)]));
        counter.add(&report("c", &[("banjir", 0.7), ("beras", 0.9)]));
        counter.add(&report("d", &[("banjir", 0.7)]));
        let corpus = counter.finish(2);
        assert_eq!(corpus.documents, 4);
        let terms: Vec<&str> = corpus.topics.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["banjir", "beras"]);
        let banjir = &corpus.topics[0];
        assert_eq!((banjir.score, banjir.documents), (2.9, 4));
        let sources: Vec<&str> = banjir.prominent.iter().map(|p| p.source.as_str()).collect();
        assert_eq!(sources, ["a", "c", "d"], "ties keep input order");
    }

    #[test]
    fn topics_words_found_everywhere_weigh_less() {
        let docs = [
            ("a", [("Indonesia", 0.98), ("banjir", 0.9)]),
            ("b", [("Indonesia", 0.97), ("banjir", 0.8)]),
            ("c", [("Indonesia", 0.99), ("gempa", 0.9)]),
        ];
        let top = |language| {
            let mut counter = TopicCounter::new(language);
            for (source, keywords) in &docs {
                counter.add(&report(source, keywords));
            }
            counter.finish(1).topics[0].term.clone()
        };
        assert_eq!(top(Language::Indonesian), "banjir");
        assert_eq!(
            top(Language::English),
            "Indonesia",
            "no background for English"
        );
    }

    #[test]
    fn topics_ties_break_by_term() {
        let mut counter = TopicCounter::default();
        counter.add(&report("a", &[("zeta", 1.0), ("alfa", 1.0)]));
        let terms: Vec<String> = counter
            .finish(5)
            .topics
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(terms, ["alfa", "zeta"]);
    }
}
