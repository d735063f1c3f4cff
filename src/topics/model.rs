//! Topics of a corpus (`ringkas topics`): the documents grouped by what they are about, each
//! group labelled, summarised and listed by how central its documents are.
//!
//! [`TopicCollector`] takes the reports of a batch as they stream past, keeping per document
//! only its best terms (as ids), its keywords (as ids) and its best sentence, so memory grows
//! by about a kilobyte a document. [`TopicCollector::finish`] then:
//!
//! 1. puts the documents in a canonical order (by a hash of their text, then id, then source),
//!    so nothing below depends on the order they were read in or on the thread count;
//! 2. keeps the terms found in at least two documents (at most [`VOCABULARY`], most frequent
//!    first) and makes each document a unit TF-IDF vector over them;
//! 3. clusters with spherical k-means ([`crate::topics::cluster`]) into fine clusters (ten times the
//!    topics asked for, at least [`MIN_FINE`]) and merges the most similar ones: down to the
//!    number of topics asked for, or, without one, while the two most alike topics are more
//!    alike than the corpus at large ([`MERGE_RATIO`]; at most [`TopicOptions::max_topics`]);
//!    then several such clusterings, down to that number, vote ([`crate::topics::consensus`]);
//! 4. moves documents whose similarity to their topic's centroid is below
//!    [`TopicOptions::other_below`] to the "other" group (topic 0);
//! 5. labels each topic with the key phrases that separate it from the rest: for a phrase
//!    (keywords matched by their stems), `p_t` is its mean keyword score over the topic's
//!    documents and `p` over all clustered documents; its contrast is `p_t * ln(p_t / p)`, and
//!    the label is the 2 to 4 best phrases (those within [`LABEL_SHARE`] of the best), one of
//!    two phrases where one contains the other dropped;
//! 6. summarises each topic with the best sentences of its most central documents.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::keywords::round4;
use crate::report::Report;
use crate::stem::Stemmer;
use crate::topics::cluster::{self, DocTerms, Effort, Sparse, Stop};
use crate::topics::consensus;
use crate::util::hash::{FastMap, Interner};

/// Terms kept per document for clustering (its best by TF-IDF). A news article has about
/// this many distinct content stems, so a document is nearly all of its vocabulary; the best
/// 48 kept mostly its rare words, which tie a document to its story more than to its topic.
/// Six-topic NMI, the mean over seeds of the seeding: 48 terms, 0.64 on the IndoSum training
/// articles and 0.50 on dev; 128 terms and [`OVER_CLUSTER`] 10, see the README.
pub const DOCUMENT_TERMS: usize = 128;
/// Distinct terms the clustering uses at most (those in most documents).
pub const VOCABULARY: usize = 50_000;
/// Without a given number of topics, fine clusters merge while the two most alike are at
/// least this many times as similar (average linkage) as two documents of the corpus are on
/// average: while the two are more alike than the corpus at large. On the IndoSum training
/// articles, merging 20 fine clusters meets ratios of 3.4 falling to 1.01 at 7 clusters, then
/// 0.78: it stops at 6, the number of the articles' categories.
pub const MERGE_RATIO: f64 = 1.0;
/// Label phrases scoring below this share of the best are dropped (at least two are kept).
pub const LABEL_SHARE: f64 = 0.4;
/// Topics are merged from this many times as many fine clusters (at least [`MIN_FINE`], at
/// most a quarter of the documents): see [`cluster::merge_down`]. Ten rather than five: more,
/// smaller fine clusters let the merging rather than the seeding decide which documents go
/// together, which matters most on a small batch (200 articles: fifty clusters of four).
/// Past 4,000 documents this costs one more pass of the centroids over the data per fine
/// cluster, which [`Effort::full_iterations`] keeps in check.
pub const OVER_CLUSTER: usize = 10;
pub const MIN_FINE: usize = 20;
/// With a given number of topics, the merged topics are refined by this many k-means passes
/// (each document moves to its nearest topic centroid, then the centroids are recomputed),
/// not run to convergence: one pass mends the documents the merging put on the wrong side
/// of a border, while more drift back towards plain k-means with K clusters, which splits
/// large, loose themes. With 6 topics, the mean over eight seeds of the seeding on the
/// IndoSum training articles: NMI 0.673 / ARI 0.714 with one pass, 0.672 / 0.703 with three,
/// 0.659 / 0.651 run to convergence; on dev 0.624 / 0.598 either way. Without a given number
/// the merged topics are still refined to convergence: one pass there gave train 0.701 /
/// 0.755 against 0.704 / 0.762.
pub const REFINE_GIVEN: usize = 1;
/// Top terms listed per topic.
pub const TOP_TERMS: usize = 10;
/// Summary sentences per topic.
pub const SUMMARY_SENTENCES: usize = 3;

/// How to group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopicOptions {
    /// The number of topics; chosen when `None`.
    pub topics: Option<usize>,
    /// The largest number of topics tried when choosing.
    pub max_topics: usize,
    /// A document less similar than this (cosine) to its topic's centroid goes to "other".
    pub other_below: f64,
}

impl Default for TopicOptions {
    fn default() -> Self {
        TopicOptions {
            topics: None,
            max_topics: 20,
            other_below: 0.05,
        }
    }
}

/// The first record: how the grouping went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusteringRecord {
    pub clustering: Clustering,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clustering {
    /// Documents grouped (failed inputs do not count).
    pub documents: usize,
    /// Topics found, the "other" group not counted.
    pub topics: usize,
    /// `given` (`--topics`) or `merge` (topics merged while the two most alike are at
    /// least [`MERGE_RATIO`] times as alike as the corpus at large, see the module docs).
    pub chosen_by: String,
    /// Documents in the "other" group.
    pub other: usize,
    /// The membership score below which a document goes to "other".
    pub other_below: f64,
}

/// One topic (or, with `topic` 0, the "other" group).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicRecord {
    /// 1, 2, ... by size (largest first); 0 is the "other" group.
    pub topic: usize,
    /// The phrases joined by ", "; `other` for the "other" group.
    pub label: String,
    /// The 2 to 4 key phrases that best separate the topic from the rest, best first.
    pub phrases: Vec<Phrase>,
    pub size: usize,
    /// Stems with the most weight in the topic's centroid, best first.
    pub terms: Vec<TermWeight>,
    /// Best sentences of the most central documents, in that order.
    pub summary: String,
    /// Most central first.
    pub documents: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phrase {
    pub phrase: String,
    /// Contrast `p_t * ln(p_t / p)` (see the module docs).
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermWeight {
    pub term: String,
    pub weight: f64,
}

/// A document in a topic's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<crate::report::Id>,
    pub source: String,
    /// Cosine similarity to the topic's centroid.
    pub score: f64,
}

/// One document's topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<crate::report::Id>,
    pub source: String,
    /// 0: the "other" group.
    pub topic: usize,
    /// Cosine similarity to the centroid of the topic it is closest to.
    pub score: f64,
}

/// Any record of `ringkas topics`, for reading its output back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TopicsOutput {
    Clustering(ClusteringRecord),
    Topic(TopicRecord),
    Document(DocumentRecord),
}

/// The whole result.
#[derive(Debug, Clone, PartialEq)]
pub struct Topics {
    pub clustering: Clustering,
    /// Topics 1.. in order, then the "other" group when it is not empty.
    pub topics: Vec<TopicRecord>,
    /// By topic (the "other" group last), most central first.
    pub documents: Vec<DocumentRecord>,
}

struct Entry {
    id: Option<crate::report::Id>,
    source: String,
    fingerprint: u64,
    /// (term id, weight), not yet normalised.
    terms: Vec<(u32, f32)>,
    /// (phrase key id, keyword score).
    keywords: Vec<(u32, f32)>,
    sentence: Option<String>,
}

/// Collects the documents of a batch; `finish` groups them.
pub struct TopicCollector<'s> {
    stemmer: &'s Stemmer,
    entries: Vec<Entry>,
    terms: Interner,
    /// Keywords as spelt, in the order met.
    spellings: Interner,
    /// The phrase key (stems) of each spelling id.
    spelling_key: Vec<u32>,
    /// Phrase keys ("stem stem").
    keys: Interner,
    /// How often each spelling was met (by spelling id).
    spelling_count: Vec<u32>,
}

impl<'s> TopicCollector<'s> {
    /// Keywords are matched across documents by the stems `stemmer` gives their words.
    pub fn new(stemmer: &'s Stemmer) -> Self {
        TopicCollector {
            stemmer,
            entries: Vec::new(),
            terms: Interner::default(),
            spellings: Interner::default(),
            spelling_key: Vec::new(),
            keys: Interner::default(),
            spelling_count: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Takes one document: its report and the terms the pipeline handed on with it.
    pub fn add(&mut self, report: &Report, doc: DocTerms) {
        let terms = doc
            .terms
            .iter()
            .map(|(key, w)| (self.terms.intern(key), *w))
            .collect();
        let keywords = report
            .keywords
            .iter()
            .map(|k| {
                let spelling = self.spellings.intern(&k.term) as usize;
                if spelling == self.spelling_key.len() {
                    let key: Vec<String> = k
                        .term
                        .to_lowercase()
                        .split_whitespace()
                        .map(|w| self.stemmer.stem(w).into_owned())
                        .collect();
                    self.spelling_key.push(self.keys.intern(&key.join(" ")));
                    self.spelling_count.push(0);
                }
                self.spelling_count[spelling] += 1;
                (self.spelling_key[spelling], k.score as f32)
            })
            .collect();
        let sentence = report
            .summary
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score).then(b.index.cmp(&a.index)))
            .map(|s| s.text.clone());
        self.entries.push(Entry {
            id: report.id.clone(),
            source: report.source.clone(),
            fingerprint: doc.fingerprint,
            terms,
            keywords,
            sentence,
        });
    }

    /// Groups the documents.
    pub fn finish(mut self, options: &TopicOptions) -> Topics {
        canonical_order(&mut self.entries);
        let (docs, dim, dims) = self.vectors();
        let n = docs.len();
        let effort = Effort::default();
        let (fine, stop) = match options.topics {
            Some(k) => {
                let k = k.clamp(1, n.max(1));
                ((OVER_CLUSTER * k).max(MIN_FINE), Stop::At(k))
            }
            None => (
                options.max_topics.max(MIN_FINE),
                Stop::Below {
                    ratio: MERGE_RATIO,
                    max: options.max_topics,
                },
            ),
        };
        let fine = fine.min(n / 4);
        let fit = match stop {
            Stop::At(k) if fine <= k => cluster::fit(&docs, dim, k, effort),
            Stop::At(k) => consensus::topics(&docs, dim, k, fine, effort, REFINE_GIVEN),
            Stop::Below { .. } => {
                let wide = cluster::fit(&docs, dim, fine.max(1), effort);
                // A large corpus starts the refinement close to its end: fewer rounds suffice.
                let refine = if n > effort.sample {
                    effort.full_iterations
                } else {
                    effort.iterations
                };
                let merged = cluster::merge(&docs, &wide, stop, refine);
                // The merge chooses the number; the vote then makes that many topics, as if
                // it had been given (train NMI 0.704 -> 0.724, dev 0.552 -> 0.658, the means
                // over eight seeds).
                let k = merged.k;
                let fine = (OVER_CLUSTER * k).max(MIN_FINE).min(n / 4);
                if fine > k && k > 1 {
                    consensus::topics(&docs, dim, k, fine, effort, REFINE_GIVEN)
                } else {
                    merged
                }
            }
        };
        // Topics numbered by size, largest first (ties by the cluster's first document).
        let mut sizes = vec![(0usize, usize::MAX); fit.k];
        for (d, &c) in fit.assignment.iter().enumerate() {
            sizes[c].0 += 1;
            sizes[c].1 = sizes[c].1.min(d);
        }
        let mut by_size: Vec<usize> = (0..fit.k).filter(|&c| sizes[c].0 > 0).collect();
        by_size.sort_by(|&a, &b| {
            sizes[b]
                .0
                .cmp(&sizes[a].0)
                .then(sizes[a].1.cmp(&sizes[b].1))
        });
        let mut number = vec![0; fit.k];
        for (i, &c) in by_size.iter().enumerate() {
            number[c] = i + 1;
        }
        let topic_of: Vec<usize> = (0..n)
            .map(|d| {
                if docs[d].is_empty() || fit.similarity[d] < options.other_below {
                    0
                } else {
                    number[fit.assignment[d]]
                }
            })
            .collect();
        let count = by_size.len();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); count + 1];
        for (d, &t) in topic_of.iter().enumerate() {
            members[t].push(d);
        }
        for list in &mut members {
            list.sort_by(|&a, &b| {
                fit.similarity[b]
                    .total_cmp(&fit.similarity[a])
                    .then(a.cmp(&b))
            });
        }
        let phrases = self.phrases(&members);
        let mut topics = Vec::new();
        for (i, &c) in by_size.iter().enumerate() {
            let t = i + 1;
            let mut terms: Vec<(usize, f64)> = (0..dim)
                .map(|d| (d, fit.weight(c, d)))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(dims[a.0].cmp(&dims[b.0])));
            let terms = terms
                .into_iter()
                .take(TOP_TERMS)
                .map(|(d, w)| TermWeight {
                    term: dims[d].clone(),
                    weight: round4(w),
                })
                .collect();
            let label = phrases[t]
                .iter()
                .map(|p| p.phrase.as_str())
                .collect::<Vec<_>>();
            topics.push(TopicRecord {
                topic: t,
                label: label.join(", "),
                phrases: phrases[t].clone(),
                size: members[t].len(),
                terms,
                summary: self.summary(&members[t]),
                documents: self.members(&members[t], &fit.similarity),
            });
        }
        if !members[0].is_empty() {
            topics.push(TopicRecord {
                topic: 0,
                label: "other".to_string(),
                phrases: Vec::new(),
                size: members[0].len(),
                terms: Vec::new(),
                summary: String::new(),
                documents: self.members(&members[0], &fit.similarity),
            });
        }
        let mut documents = Vec::with_capacity(n);
        for t in (1..=count).chain([0]) {
            for &d in &members[t] {
                let e = &self.entries[d];
                documents.push(DocumentRecord {
                    id: e.id.clone(),
                    source: e.source.clone(),
                    topic: t,
                    score: round4(fit.similarity[d]),
                });
            }
        }
        Topics {
            clustering: Clustering {
                documents: n,
                topics: count,
                chosen_by: if options.topics.is_some() {
                    "given"
                } else {
                    "merge"
                }
                .to_string(),
                other: members[0].len(),
                other_below: options.other_below,
            },
            topics,
            documents,
        }
    }

    /// The documents as unit vectors over the kept terms; the number of dimensions; and each
    /// dimension's term. Dimensions are numbered by term, so they do not depend on the order
    /// terms were first met.
    fn vectors(&mut self) -> (Vec<Sparse>, usize, Vec<String>) {
        let mut df = vec![0u32; self.terms.len()];
        for e in &self.entries {
            for &(t, _) in &e.terms {
                df[t as usize] += 1;
            }
        }
        let min_df = if self.entries.len() >= 20 { 2 } else { 1 };
        let mut kept: Vec<u32> = (0..self.terms.len() as u32)
            .filter(|&t| df[t as usize] >= min_df)
            .collect();
        kept.sort_by(|&a, &b| {
            df[b as usize]
                .cmp(&df[a as usize])
                .then_with(|| self.terms.get(a).cmp(self.terms.get(b)))
        });
        kept.truncate(VOCABULARY);
        kept.sort_by(|&a, &b| self.terms.get(a).cmp(self.terms.get(b)));
        let mut dim_of = vec![u32::MAX; self.terms.len()];
        for (d, &t) in kept.iter().enumerate() {
            dim_of[t as usize] = d as u32;
        }
        let dims = kept
            .iter()
            .map(|&t| self.terms.get(t).to_string())
            .collect();
        // Each document's terms are dropped as its vector is made: memory holds one copy.
        let docs = self
            .entries
            .iter_mut()
            .map(|e| {
                let mut v: Sparse = std::mem::take(&mut e.terms)
                    .into_iter()
                    .filter(|&(t, _)| dim_of[t as usize] != u32::MAX)
                    .map(|(t, w)| (dim_of[t as usize], w))
                    .collect();
                v.sort_unstable_by_key(|&(d, _)| d);
                cluster::normalise(&mut v);
                v
            })
            .collect();
        (docs, kept.len(), dims)
    }

    /// The label phrases of each topic (none for the "other" group, index 0).
    fn phrases(&self, members: &[Vec<usize>]) -> Vec<Vec<Phrase>> {
        let mut total: FastMap<u32, f64> = FastMap::default();
        let mut clustered = 0usize;
        let mut per_topic: Vec<FastMap<u32, (f64, u32)>> = vec![FastMap::default(); members.len()];
        for (t, list) in members.iter().enumerate().skip(1) {
            clustered += list.len();
            for &d in list {
                for &(key, score) in &self.entries[d].keywords {
                    *total.entry(key).or_default() += f64::from(score);
                    let slot = per_topic[t].entry(key).or_default();
                    slot.0 += f64::from(score);
                    slot.1 += 1;
                }
            }
        }
        let spelling = self.spellings_by_key();
        let mut out = vec![Vec::new(); members.len()];
        for t in 1..members.len() {
            let size = members[t].len() as f64;
            let least = 2.min(members[t].len()) as u32;
            let mut scored: Vec<(f64, &str)> = per_topic[t]
                .iter()
                .filter(|(_, (_, docs))| *docs >= least)
                .filter_map(|(key, &(sum, _))| {
                    let p_t = sum / size;
                    let p = total[key] / clustered as f64;
                    let contrast = p_t * (p_t / p).ln();
                    (contrast > 0.0).then(|| (contrast, spelling[key].as_str()))
                })
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
            let mut chosen: Vec<Phrase> = Vec::new();
            for (score, phrase) in scored {
                if chosen.len() == 4 {
                    break;
                }
                if chosen.len() >= 2 && score < LABEL_SHARE * chosen[0].score {
                    break;
                }
                if chosen
                    .iter()
                    .any(|c| contains_words(&c.phrase, phrase) || contains_words(phrase, &c.phrase))
                {
                    continue;
                }
                chosen.push(Phrase {
                    phrase: phrase.to_string(),
                    score: round4(score),
                });
            }
            out[t] = chosen;
        }
        out
    }

    /// The most frequent spelling of each phrase key (ties to the first in sort order).
    fn spellings_by_key(&self) -> FastMap<u32, String> {
        let mut best: FastMap<u32, (u32, &str)> = FastMap::default();
        for (s, &key) in self.spelling_key.iter().enumerate() {
            let text = self.spellings.get(s as u32);
            let count = self.spelling_count[s];
            let slot = best.entry(key).or_insert((count, text));
            if count > slot.0 || (count == slot.0 && text < slot.1) {
                *slot = (count, text);
            }
        }
        best.into_iter()
            .map(|(k, (_, s))| (k, s.to_string()))
            .collect()
    }

    /// A paragraph from the best sentences of the most central documents.
    fn summary(&self, members: &[usize]) -> String {
        let mut sentences: Vec<&str> = Vec::new();
        for &d in members.iter().take(4 * SUMMARY_SENTENCES) {
            if let Some(s) = self.entries[d].sentence.as_deref() {
                if !sentences.contains(&s) {
                    sentences.push(s);
                }
            }
            if sentences.len() == SUMMARY_SENTENCES {
                break;
            }
        }
        sentences.join(" ")
    }

    fn members(&self, members: &[usize], similarity: &[f64]) -> Vec<Member> {
        members
            .iter()
            .map(|&d| Member {
                id: self.entries[d].id.clone(),
                source: self.entries[d].source.clone(),
                score: round4(similarity[d]),
            })
            .collect()
    }
}

/// By text hash, then id, then source: the same documents in any order end up in one order.
fn canonical_order(entries: &mut [Entry]) {
    let id_text = |e: &Entry| e.id.as_ref().map(|v| v.to_string()).unwrap_or_default();
    entries.sort_by(|a, b| {
        a.fingerprint
            .cmp(&b.fingerprint)
            .then_with(|| id_text(a).cmp(&id_text(b)))
            .then_with(|| a.source.cmp(&b.source))
            .then(Ordering::Equal)
    });
}

/// Whether the words of `inner` appear in a row in `outer`.
fn contains_words(outer: &str, inner: &str) -> bool {
    let outer: Vec<&str> = outer.split_whitespace().collect();
    let inner: Vec<&str> = inner.split_whitespace().collect();
    !inner.is_empty() && outer.windows(inner.len()).any(|w| w == inner.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Keyword, Stats, SummarySentence};

    fn doc(n: usize, words: &[&str], keywords: &[&str]) -> (Report, DocTerms) {
        let report = Report {
            id: Some(crate::report::Id::of(&serde_json::json!(format!("d{n}")))),
            source: format!("in:{n}"),
            title: None,
            language: "id".into(),
            keywords: keywords
                .iter()
                .enumerate()
                .map(|(i, k)| Keyword {
                    term: k.to_string(),
                    score: 1.0 / (i + 1) as f64,
                    count: 1,
                    aliases: Vec::new(),
                })
                .collect(),
            summary: vec![SummarySentence {
                index: 0,
                text: format!("Kalimat {n}."),
                score: 1.0,
                features: None,
            }],
            stats: Stats {
                sentences: 1,
                headings: 0,
                words: words.len(),
            },
            layout: None,
        };
        let terms = DocTerms {
            fingerprint: n as u64 * 7919 % 101,
            terms: words.iter().map(|w| (Box::from(*w), 1.0)).collect(),
        };
        (report, terms)
    }

    fn corpus() -> Vec<(Report, DocTerms)> {
        let mut docs = Vec::new();
        for n in 0..12 {
            let extra = ["satu", "dua", "tiga"][n % 3];
            docs.push(if n % 2 == 0 {
                doc(
                    n,
                    &["gol", "liga", "pemain", extra],
                    &["Liga Inggris", "gol", extra],
                )
            } else {
                doc(
                    n,
                    &["ponsel", "aplikasi", "data", extra],
                    &["aplikasi", "ponsel pintar", extra],
                )
            });
        }
        docs
    }

    fn group(docs: &[(Report, DocTerms)], options: &TopicOptions) -> Topics {
        let stemmer = Stemmer::indonesian(crate::stem::Lexicon::embedded());
        let mut collector = TopicCollector::new(&stemmer);
        for (r, t) in docs {
            collector.add(r, t.clone());
        }
        collector.finish(options)
    }

    #[test]
    fn topics_separate_two_themes_and_label_them() {
        let options = TopicOptions {
            topics: Some(2),
            ..TopicOptions::default()
        };
        let topics = group(&corpus(), &options);
        assert_eq!(topics.clustering.topics, 2);
        assert_eq!(topics.topics.len(), 2, "no other group");
        for t in &topics.topics {
            assert_eq!(t.size, 6);
            let even = t.documents[0].source.ends_with(['0', '2', '4', '6', '8']);
            assert!(
                t.documents
                    .iter()
                    .all(|m| m.source.ends_with(['0', '2', '4', '6', '8']) == even),
                "{t:?}"
            );
            let want = if even { "Liga Inggris" } else { "aplikasi" };
            assert!(t.label.contains(want), "{}", t.label);
            assert!(
                !t.label.contains("satu"),
                "shared words do not label: {}",
                t.label
            );
            assert!(t.phrases.len() >= 2 && t.phrases.len() <= 4);
            assert_eq!(t.summary.matches("Kalimat").count(), SUMMARY_SENTENCES);
        }
        assert_eq!(topics.documents.len(), 12);
    }

    #[test]
    fn topics_do_not_depend_on_input_order() {
        let options = TopicOptions::default();
        let docs = corpus();
        let mut reversed = docs.clone();
        reversed.reverse();
        let mut rotated = docs.clone();
        rotated.rotate_left(5);
        let a = group(&docs, &options);
        assert_eq!(a, group(&reversed, &options));
        assert_eq!(a, group(&rotated, &options));
        assert_eq!(a.clustering.chosen_by, "merge");
        assert_eq!(a.clustering.topics, 2);
    }

    #[test]
    fn topics_send_poor_fits_to_other() {
        let mut docs = corpus();
        docs.push(doc(99, &[], &["kosong"]));
        let options = TopicOptions {
            topics: Some(2),
            ..TopicOptions::default()
        };
        let topics = group(&docs, &options);
        let other = topics.topics.last().expect("an other group");
        assert_eq!((other.topic, other.size), (0, 1));
        assert_eq!(other.documents[0].source, "in:99");
        assert_eq!(topics.clustering.other, 1);
        assert_eq!(topics.documents.last().map(|d| d.topic), Some(0));
    }

    #[test]
    fn topics_contains_words_matches_whole_words() {
        assert!(contains_words("liga inggris", "liga"));
        assert!(!contains_words("ligamen", "liga"));
        assert!(!contains_words("liga", ""));
    }
}
