//! Keywords and key phrases: runs of one to three content words, bounded by stopwords and
//! punctuation, scored from how often, how early and how widely their stems occur, weighed
//! by IDF; near-duplicates merged; each shown in its most frequent spelling.
//!
//! A word's score is the probability, under a logistic model fitted on IndoSum train
//! (`scripts/fit_keywords.py`), that it appears in the article's headline or human summary.
//! A phrase scores the geometric mean of its words' probabilities, discounted when its words
//! also occur apart (low cohesion).

use crate::analysis::analyzer::Analysis;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::report::Keyword;
use crate::util::hash::FastMap;

/// Longest key phrase, in words.
pub const MAX_PHRASE_WORDS: usize = 3;

/// Weights of the logistic keyword model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeywordModel {
    pub bias: f64,
    /// ln(term frequency).
    pub ln_tf: f64,
    /// 1 / (1 + index of the first body sentence holding the term).
    pub first: f64,
    /// 1 when the term first occurs in the first three body sentences.
    pub lead: f64,
    /// Share of the sentences holding the term.
    pub spread: f64,
    /// Capitalised inside a sentence: a name.
    pub proper: f64,
    /// Longest spelling, min(chars, 12) / 12.
    pub length: f64,
    /// IDF with the document's sentences as the collection.
    pub sentence_idf: f64,
    /// IDF against the batch or a saved model (0 when there is none).
    pub corpus_idf: f64,
}

/// A phrase's score is discounted by its cohesion (its count over its most frequent word's
/// count) to this power. Chosen on train by P@10 and HR@10.
const PHRASE_COHESION: f64 = 1.0;

impl KeywordModel {
    /// For one document scored alone. Fitted with `python3 scripts/fit_keywords.py --limit 800`
    /// on indosum-train.jsonl; the cohesion exponent was chosen on train by P@10/HR@10.
    pub const SINGLE: KeywordModel = KeywordModel {
        bias: -0.125,
        ln_tf: 0.693,
        first: 1.330,
        lead: 1.658,
        spread: 0.091,
        proper: 0.015,
        length: 0.101,
        sentence_idf: -0.719,
        corpus_idf: 0.0,
    };

    /// For a document scored against a corpus. Fitted with `python3 scripts/fit_keywords.py
    /// --limit 800 --corpus` on indosum-train.jsonl.
    pub const CORPUS: KeywordModel = KeywordModel {
        bias: -0.176,
        ln_tf: 0.700,
        first: 1.468,
        lead: 2.000,
        spread: 0.089,
        proper: -0.122,
        length: 0.075,
        sentence_idf: -0.852,
        corpus_idf: 0.181,
    };
}

/// What the model knows about one term of the document.
#[derive(Debug, Clone, Copy, Default)]
struct TermStats {
    tf: u32,
    first: usize,
    sentences: u32,
    proper: bool,
    length: usize,
    /// 1 + the index of the last sentence counted in `sentences`.
    last_sentence: usize,
}

/// A phrase: up to three term ids, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Phrase {
    ids: [u32; MAX_PHRASE_WORDS],
    len: u8,
}

impl Phrase {
    fn ids(&self) -> &[u32] {
        &self.ids[..self.len as usize]
    }

    /// The phrase as one integer that sorts as the phrase does.
    fn key(&self) -> u128 {
        u128::from(self.ids[0]) << 96
            | u128::from(self.ids[1]) << 64
            | u128::from(self.ids[2]) << 32
            | u128::from(self.len)
    }

    fn from_key(key: u128) -> Phrase {
        Phrase {
            ids: [(key >> 96) as u32, (key >> 64) as u32, (key >> 32) as u32],
            len: key as u8,
        }
    }
}

/// Where one phrase occurs.
#[derive(Debug, Clone, Copy)]
struct Occurrences<'p> {
    /// Index in `Analysis::terms` of the first word of each occurrence, in text order.
    starts: &'p [usize],
}

/// Every phrase of a document and where it occurs. Single words are grouped by id with a
/// counting sort; longer phrases are sorted by phrase, in one vector sorted once rather than
/// a hash map holding a vector per phrase.
#[derive(Debug, Default)]
struct Phrases {
    /// Where each word's occurrences begin in `word_starts`, by id; one more entry at the end.
    word_offsets: Vec<usize>,
    /// The occurrences of every content word, grouped by id, in text order within a word.
    word_starts: Vec<usize>,
    /// Each phrase of two or more words that occurs at least twice, and the end of its run in
    /// `starts`.
    phrases: Vec<(Phrase, usize)>,
    starts: Vec<usize>,
}

impl Phrases {
    /// The single words, by id, that occur as content words.
    fn words(&self) -> impl Iterator<Item = (u32, Occurrences<'_>)> {
        self.word_offsets
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w[0] < w[1])
            .map(|(id, w)| {
                (
                    id as u32,
                    Occurrences {
                        starts: &self.word_starts[w[0]..w[1]],
                    },
                )
            })
    }

    /// How many distinct single words there are.
    fn word_count(&self) -> usize {
        self.word_offsets.windows(2).filter(|w| w[0] < w[1]).count()
    }

    /// The phrases of two or more words that occur at least twice.
    fn longer(&self) -> impl Iterator<Item = (&Phrase, Occurrences<'_>)> {
        self.phrases.iter().enumerate().map(|(k, (phrase, end))| {
            let start = if k == 0 { 0 } else { self.phrases[k - 1].1 };
            (
                phrase,
                Occurrences {
                    starts: &self.starts[start..*end],
                },
            )
        })
    }

    /// Adds an occurrence of a longer phrase, in phrase order, then position order.
    #[inline]
    fn push(&mut self, key: u128, start: usize) {
        match self.phrases.last_mut() {
            Some((last, end)) if last.key() == key => *end += 1,
            _ => self
                .phrases
                .push((Phrase::from_key(key), self.starts.len() + 1)),
        }
        self.starts.push(start);
    }

    fn get(&self, phrase: &Phrase) -> Occurrences<'_> {
        if phrase.len == 1 {
            let id = phrase.ids[0] as usize;
            return Occurrences {
                starts: &self.word_starts[self.word_offsets[id]..self.word_offsets[id + 1]],
            };
        }
        let k = self
            .phrases
            .binary_search_by(|(p, _)| p.cmp(phrase))
            .expect("only phrases of the document are looked up");
        let start = if k == 0 { 0 } else { self.phrases[k - 1].1 };
        Occurrences {
            starts: &self.starts[start..self.phrases[k].1],
        }
    }
}

/// A phrase that may be listed, with what ranks it.
#[derive(Debug, Clone, Copy)]
struct Scored {
    phrase: Phrase,
    score: f64,
    count: usize,
    /// Index in `Analysis::terms` of its first occurrence.
    first: usize,
}

/// Best first; ties to the earlier phrase, then by phrase. Phrases are distinct, so this is a
/// total order: any way of sorting by it gives the same sequence.
fn rank(x: &Scored, y: &Scored) -> std::cmp::Ordering {
    y.score
        .total_cmp(&x.score)
        .then(x.first.cmp(&y.first))
        .then(x.phrase.cmp(&y.phrase))
}

/// A score as an integer that sorts as `total_cmp` does, reversed: best first.
fn descending(score: f64) -> u64 {
    let bits = score.to_bits();
    let ascending = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    !ascending
}

/// Scored phrases handed out in rank order, from a heap: the choice of `k` keywords rarely
/// looks past the first few dozen of a document's phrases, so most are never sorted.
struct Ranked {
    /// In phrase order.
    items: Vec<Scored>,
    /// Score and first occurrence as one integer, with the index in `items`: in ascending
    /// order they follow [`rank`] at the cost of integer comparisons (ties go to the lower
    /// index, which is the lower phrase).
    heap: BinaryHeap<Reverse<(u128, usize)>>,
}

impl Ranked {
    /// `items` must be in phrase order.
    fn new(items: Vec<Scored>) -> Self {
        debug_assert!(items.windows(2).all(|w| w[0].phrase < w[1].phrase));
        let keys: Vec<Reverse<(u128, usize)>> = items
            .iter()
            .enumerate()
            .map(|(i, s)| Reverse((u128::from(descending(s.score)) << 64 | s.first as u128, i)))
            .collect();
        Ranked {
            items,
            heap: BinaryHeap::from(keys),
        }
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    /// The best phrase not handed out yet.
    fn next(&mut self) -> Option<Scored> {
        let Reverse((_, i)) = self.heap.pop()?;
        Some(self.items[i])
    }
}

/// The phrases of two or more words holding each word, in rank order.
struct Holding {
    /// In rank order.
    phrases: Vec<Scored>,
    /// (word id, index in `phrases`) for each word of each phrase, sorted.
    words: Vec<(u32, usize)>,
}

impl Holding {
    fn new(mut phrases: Vec<Scored>) -> Self {
        if phrases.is_empty() {
            return Holding {
                phrases,
                words: Vec::new(),
            };
        }
        phrases.sort_unstable_by(rank);
        let mut words: Vec<(u32, usize)> = phrases
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.phrase.ids().iter().map(move |&id| (id, i)))
            .collect();
        words.sort_unstable();
        Holding { phrases, words }
    }

    fn of(&self, id: u32) -> impl Iterator<Item = &Scored> + '_ {
        let start = self.words.partition_point(|&(w, _)| w < id);
        self.words[start..]
            .iter()
            .take_while(move |&&(w, _)| w == id)
            .map(|&(_, i)| &self.phrases[i])
    }
}

/// The chosen entries holding each word: a list per word, threaded through one vector so that
/// a word costs no allocation of its own.
struct ChosenByWord {
    /// 1 + the index in `links` of the last entry for each word id (0 for none).
    last: Vec<u32>,
    /// (chosen entry, 1 + the index of the word's previous entry).
    links: Vec<(usize, u32)>,
}

impl ChosenByWord {
    /// For word ids below `words`, about `entries` chosen entries.
    fn new(words: usize, entries: usize) -> Self {
        ChosenByWord {
            last: vec![0; words],
            links: Vec::with_capacity(entries * MAX_PHRASE_WORDS),
        }
    }

    /// The chosen entries holding word `id`, latest first.
    fn get(&self, id: u32) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.last[id as usize];
        std::iter::from_fn(move || {
            let (chosen, previous) = *self.links.get((at as usize).checked_sub(1)?)?;
            at = previous;
            Some(chosen)
        })
    }

    fn holds(&self, id: u32) -> bool {
        self.last[id as usize] != 0
    }

    fn add(&mut self, id: u32, chosen: usize) {
        if self.get(id).all(|c| c != chosen) {
            let last = &mut self.last[id as usize];
            self.links.push((chosen, *last));
            *last = self.links.len() as u32;
        }
    }

    /// The chosen entries holding any word of `phrase`, ascending, into `found`.
    fn clashes(&self, phrase: &Phrase, found: &mut Vec<usize>) {
        found.clear();
        for &id in phrase.ids() {
            found.extend(self.get(id));
        }
        found.sort_unstable();
        found.dedup();
    }
}

/// The best `k` keywords of a document, best first, from its terms' counts and keyword
/// probabilities ([`term_scores`]).
pub fn extract(a: &Analysis, scores: &TermScores, k: usize) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    let (tf, probability) = (&scores.tf[..], &scores.probability[..]);
    let phrases = collect(a, tf);
    let mut longer: Vec<Scored> = Vec::with_capacity(phrases.phrases.len());
    for (phrase, occ) in phrases.longer() {
        let count = occ.starts.len();
        if count < 2 {
            continue;
        }
        let ids = phrase.ids();
        let most = ids.iter().map(|&id| tf[id as usize]).max().unwrap_or(1);
        let score = geometric_mean(phrase, probability)
            * (count as f64 / f64::from(most)).powf(PHRASE_COHESION);
        longer.push(Scored {
            phrase: *phrase,
            score,
            count,
            first: occ.starts[0],
        });
    }
    // Single words and longer phrases, merged in phrase order.
    let mut scored: Vec<Scored> = Vec::with_capacity(phrases.word_count() + longer.len());
    let mut rest = longer.iter().copied().peekable();
    for (id, occ) in phrases.words() {
        let word = Scored {
            phrase: Phrase {
                ids: [id, 0, 0],
                len: 1,
            },
            score: probability[id as usize],
            count: occ.starts.len(),
            first: occ.starts[0],
        };
        while let Some(s) = rest.next_if(|s| s.phrase < word.phrase) {
            scored.push(s);
        }
        scored.push(word);
    }
    scored.extend(rest);
    // Indexes by word keep the choice linear in what is looked at, whatever `k` is: the
    // longer phrases holding a word (in rank order), and the chosen entries holding it.
    let holding = Holding::new(longer);
    let mut ranked = Ranked::new(scored);

    // `k` comes from the user and may be absurd (`-k 18446744073709551615`): size by what
    // there is to choose from, not by what was asked for.
    let mut chosen: Vec<(Phrase, f64, usize)> = Vec::with_capacity(k.min(ranked.len()));
    let mut chosen_by_word = ChosenByWord::new(a.vocab.len(), chosen.capacity());
    let mut clashes = Vec::with_capacity(MAX_PHRASE_WORDS);
    while chosen.len() < k {
        let Some(Scored {
            phrase,
            score,
            count,
            ..
        }) = ranked.next()
        else {
            break;
        };
        // A word that mostly occurs inside one phrase is listed as that phrase: "keamanan
        // siber", not "siber" and then "keamanan".
        let holding = holding.of(phrase.ids[0]);
        let (wide, wide_count) = widen(&phrase, score, count, holding, tf, probability);
        chosen_by_word.clashes(&wide, &mut clashes);
        let pick = match clashes.as_slice() {
            [] => {
                chosen.push((wide, score, wide_count));
                Some(chosen.len() - 1)
            }
            // "siber" is listed and "keamanan" widens to "keamanan siber": the phrase takes
            // the place of its part.
            &[i] if wide != phrase
                && chosen[i].0.ids().iter().all(|id| wide.ids().contains(id)) =>
            {
                chosen[i].0 = wide;
                chosen[i].2 = wide_count;
                Some(i)
            }
            _ if !phrase.ids().iter().any(|&id| chosen_by_word.holds(id)) => {
                chosen.push((phrase, score, count));
                Some(chosen.len() - 1)
            }
            _ => None,
        };
        if let Some(i) = pick {
            for &id in chosen[i].0.ids() {
                chosen_by_word.add(id, i);
            }
        }
    }
    chosen
        .into_iter()
        .map(|(phrase, score, count)| Keyword {
            term: surface(a, &phrase, phrases.get(&phrase)),
            score: round4(score),
            count,
        })
        .collect()
}

fn geometric_mean(phrase: &Phrase, probability: &[f64]) -> f64 {
    let ids = phrase.ids();
    let logs: f64 = ids.iter().map(|&id| probability[id as usize].ln()).sum();
    (logs / ids.len() as f64).exp()
}

/// A longer phrase replaces a word only when it holds at least this share of the occurrences
/// of each of its words. Chosen on train by P@10/HR@10.
const WIDEN_SHARE: f64 = 0.75;

/// A longer phrase replaces a word only when its words' geometric-mean probability is at least
/// this share of the word's score: its other words must be about as likely keywords. Chosen on train by P@10/HR@10.
const WIDEN_SCORE: f64 = 1.0;

/// The phrase to list for `phrase`: the most frequent longer phrase holding it that accounts
/// for at least half of the occurrences of each of its words and scores nearly as well (ties
/// to the earlier-ranked), or `phrase` itself. `holding` is in rank order.
fn widen<'s>(
    phrase: &Phrase,
    score: f64,
    count: usize,
    holding: impl Iterator<Item = &'s Scored>,
    tf: &[u32],
    probability: &[f64],
) -> (Phrase, usize) {
    let mut best = (*phrase, count);
    for &Scored {
        phrase: longer,
        count: n,
        ..
    } in holding
    {
        if longer.len <= phrase.len
            || n < 2
            || geometric_mean(&longer, probability) < WIDEN_SCORE * score
            || n <= best.1 && best.0.len > phrase.len
        {
            continue;
        }
        let holds = phrase.ids().iter().all(|id| longer.ids().contains(id));
        let cohesive = phrase
            .ids()
            .iter()
            .all(|&id| n as f64 >= WIDEN_SHARE * f64::from(tf[id as usize]));
        if holds && cohesive {
            best = (longer, n);
        }
    }
    best
}

/// What keywords and the summary both need of a document's content terms, counted once.
#[derive(Debug, Clone, Default)]
pub struct TermScores {
    /// Occurrences of each content term, by vocabulary id (0 for the rest).
    pub tf: Vec<u32>,
    /// The probability, by vocabulary id, that each content term is a keyword (0 for the
    /// rest). Summary scoring uses it too: a sentence full of likely keywords is a likely
    /// summary sentence.
    pub probability: Vec<f64>,
}

/// The counts and keyword probabilities of a document's content terms.
pub fn term_scores(a: &Analysis, corpus_idf: Option<&[f64]>) -> TermScores {
    let stats = term_stats(a);
    TermScores {
        probability: term_probabilities(a, &stats, corpus_idf),
        tf: stats.iter().map(|s| s.tf).collect(),
    }
}

fn term_probabilities(a: &Analysis, stats: &[TermStats], corpus_idf: Option<&[f64]>) -> Vec<f64> {
    let model = if corpus_idf.is_some() {
        KeywordModel::CORPUS
    } else {
        KeywordModel::SINGLE
    };
    let n = a.sentences.len().max(1) as f64;
    // Most terms share a handful of frequencies and sentence counts: each logarithm is taken
    // once per document and value, by the same function, so the results are the same.
    let mut ln_tf = Memo::new(64);
    let mut sentence_idf = Memo::new(a.sentences.len() + 1);
    stats
        .iter()
        .enumerate()
        .map(|(id, s)| {
            if s.tf == 0 {
                return 0.0;
            }
            let z = model.bias
                + model.ln_tf * ln_tf.get(s.tf as usize, |tf| (tf as f64).ln())
                + model.first / (1.0 + s.first as f64)
                + model.lead * f64::from(u8::from(s.first < 3))
                + model.spread * f64::from(s.sentences) / n
                + model.proper * f64::from(u8::from(s.proper))
                + model.length * s.length.min(12) as f64 / 12.0
                + model.sentence_idf
                    * sentence_idf.get(s.sentences as usize, |d| {
                        crate::score::idf(n as u64, d as u64)
                    })
                + model.corpus_idf * corpus_idf.map_or(0.0, |c| c[id]);
            1.0 / (1.0 + (-z).exp())
        })
        .collect()
}

/// Values of a function of small integers, each computed once.
struct Memo {
    values: Vec<f64>,
}

impl Memo {
    /// Remembers the values of `0..len`.
    fn new(len: usize) -> Self {
        Memo {
            values: vec![f64::NAN; len],
        }
    }

    fn get(&mut self, x: usize, f: impl Fn(usize) -> f64) -> f64 {
        match self.values.get_mut(x) {
            Some(v) if !v.is_nan() => *v,
            Some(v) => {
                *v = f(x);
                *v
            }
            None => f(x),
        }
    }
}

/// Frequency, first body sentence, spread, capitalisation and length of each content term.
fn term_stats(a: &Analysis) -> Vec<TermStats> {
    let mut stats = vec![TermStats::default(); a.vocab.len()];
    let mut body = 0;
    for (i, sentence) in a.sentences.iter().enumerate() {
        for t in a.sentence_terms(i).iter().filter(|t| t.content) {
            let s = &mut stats[t.id as usize];
            if s.tf == 0 {
                s.first = body;
            }
            s.tf += 1;
            if s.last_sentence != i + 1 {
                s.last_sentence = i + 1;
                s.sentences += 1;
            }
            if !s.proper {
                s.proper = t.proper || (!t.weak_case && starts_uppercase(&a.text, t.start));
            }
            // A spelling has no more characters than bytes.
            if t.end - t.start > s.length {
                s.length = s.length.max(a.text[t.start..t.end].chars().count());
            }
        }
        if !sentence.heading {
            body += 1;
        }
    }
    stats
}

/// Whether the character at byte `at` of `text` is uppercase; false past the end.
fn starts_uppercase(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text[at..].starts_with(char::is_uppercase),
        None => false,
    }
}

/// Documents with fewer terms than this sort their phrase occurrences as single integers.
const PACKED_POSITIONS: usize = 1 << 30;

/// A phrase key (ids, then the length in the low 32 bits) and a position below
/// `PACKED_POSITIONS` in one integer that sorts as the pair does: the length moves to the top
/// two bits of the low word, the position fills the rest.
fn pack(key: u128, position: usize) -> u128 {
    let len = key as u32;
    (key >> 32 << 32) | u128::from(len << 30) | position as u128
}

/// The pair [`pack`] packed.
fn unpack(packed: u128) -> (u128, usize) {
    let low = packed as u32;
    (
        (packed >> 32 << 32) | u128::from(low >> 30),
        (low & ((1 << 30) - 1)) as usize,
    )
}

/// Every phrase of 1..=3 consecutive content words that no punctuation or stopword splits,
/// leaving out longer phrases that occur once. `tf` holds the content-word counts by id.
fn collect(a: &Analysis, tf: &[u32]) -> Phrases {
    // Single words by a counting sort on their ids: their counts are known already.
    let mut word_offsets = Vec::with_capacity(tf.len() + 1);
    let mut total = 0;
    word_offsets.push(0);
    for &n in tf {
        total += n as usize;
        word_offsets.push(total);
    }
    let mut next = word_offsets.clone();
    let mut word_starts = vec![0; total];
    // Each occurrence of a longer phrase as (phrase as one integer, position): sorted, they
    // group by phrase in `Phrase` order, positions ascending, at the cost of integer
    // comparisons. Below `PACKED_POSITIONS` terms the position rides in the phrase key's spare
    // bits, so the sort moves half the bytes.
    let packed = a.terms.len() < PACKED_POSITIONS;
    let mut keys: Vec<u128> = Vec::new();
    let mut found: Vec<(u128, usize)> = Vec::new();
    if packed {
        keys.reserve(a.terms.len() * (MAX_PHRASE_WORDS - 1));
    } else {
        found.reserve(a.terms.len() * (MAX_PHRASE_WORDS - 1));
    }
    for s in &a.sentences {
        let mut run_start = s.terms.start;
        // A longer phrase occurs no more often than each of its words (they are distinct), and
        // one that occurs once is never listed: phrases start after the last word seen once.
        let mut after_single = s.terms.start;
        for j in s.terms.clone() {
            let t = &a.terms[j];
            if !t.content {
                run_start = j + 1;
                continue;
            }
            if t.boundary_before {
                run_start = j;
            }
            if tf[t.id as usize] < 2 {
                after_single = j + 1;
            }
            let slot = &mut next[t.id as usize];
            word_starts[*slot] = j;
            *slot += 1;
            let from = run_start.max(after_single);
            if j <= from {
                continue;
            }
            for n in 2..=MAX_PHRASE_WORDS.min(j + 1 - from) {
                let first = j + 1 - n;
                let mut phrase = Phrase {
                    ids: [0; MAX_PHRASE_WORDS],
                    len: n as u8,
                };
                for (slot, term) in phrase.ids.iter_mut().zip(&a.terms[first..=j]) {
                    *slot = term.id;
                }
                let ids = phrase.ids();
                if (1..ids.len()).any(|x| ids[..x].contains(&ids[x])) {
                    continue;
                }
                if packed {
                    keys.push(pack(phrase.key(), first));
                } else {
                    found.push((phrase.key(), first));
                }
            }
        }
    }
    let occurrences = keys.len().max(found.len());
    let mut phrases = Phrases {
        word_offsets,
        word_starts,
        phrases: Vec::with_capacity(occurrences),
        starts: Vec::with_capacity(occurrences),
    };
    // A phrase that occurs once is never listed: only runs of two or more are kept.
    if packed {
        keys.sort_unstable();
        for run in keys.chunk_by(|x, y| x >> 30 == y >> 30) {
            if run.len() > 1 {
                for &packed in run {
                    let (key, start) = unpack(packed);
                    phrases.push(key, start);
                }
            }
        }
    } else {
        found.sort_unstable();
        for run in found.chunk_by(|x, y| x.0 == y.0) {
            if run.len() > 1 {
                for &(key, start) in run {
                    phrases.push(key, start);
                }
            }
        }
    }
    phrases
}

/// Spellings of one phrase searched one by one before they are indexed by hash.
const LINEAR_SPELLINGS: usize = 8;

/// The most frequent spelling of a phrase; ties go to the first seen.
fn surface(a: &Analysis, phrase: &Phrase, occ: Occurrences<'_>) -> String {
    // Spellings in order of first appearance, found by hash: a linear search made a word
    // written in thousands of spellings ("BeKaSi", "bEkAsI", ...) quadratic. Only a new
    // spelling is spelt out and costs an allocation.
    let spell = |start: usize, text: &mut String| {
        let terms = &a.terms[start..start + phrase.len as usize];
        text.clear();
        text.reserve(terms.iter().map(|t| t.end - t.start + 1).sum());
        for (k, t) in terms.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let raw = &a.text[t.start..t.end];
            if !t.joined && raw.is_ascii() {
                // `Analysis::surface` of an ASCII word, lowercased in place.
                let from = text.len();
                text.push_str(raw);
                if t.weak_case && !t.proper {
                    text[from..].make_ascii_lowercase();
                }
            } else {
                text.push_str(&a.surface(t));
            }
        }
    };
    let mut text = String::new();
    if let [start] = occ.starts {
        spell(*start, &mut text);
        return text;
    }
    // A few spellings are searched in place; the index is built only past `LINEAR_SPELLINGS`.
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut seen: FastMap<String, usize> = FastMap::default();
    for &start in occ.starts {
        let found = if counts.len() <= LINEAR_SPELLINGS {
            // Compared where it stands; spelt out only when it is new.
            let terms = &a.terms[start..start + phrase.len as usize];
            let found = counts.iter().position(|(s, _)| spelled(a, terms, s));
            if found.is_none() {
                spell(start, &mut text);
            }
            found
        } else {
            spell(start, &mut text);
            seen.get(text.as_str()).copied()
        };
        match found {
            Some(i) => counts[i].1 += 1,
            None => {
                if counts.len() > LINEAR_SPELLINGS {
                    seen.insert(text.clone(), counts.len());
                }
                // The buffer becomes the spelling: the next one is spelt into a new buffer.
                counts.push((std::mem::take(&mut text), 1));
                if counts.len() == LINEAR_SPELLINGS + 1 {
                    seen.extend(counts.iter().enumerate().map(|(i, (s, _))| (s.clone(), i)));
                }
            }
        }
    }
    let mut best = 0;
    for (i, (_, n)) in counts.iter().enumerate() {
        if *n > counts[best].1 {
            best = i;
        }
    }
    counts.swap_remove(best).0
}

/// Whether `text` is how `terms` read in a keyword (their surfaces joined by spaces), checked
/// without spelling them out.
fn spelled(a: &Analysis, terms: &[crate::analysis::analyzer::Term], text: &str) -> bool {
    let mut rest = text.as_bytes();
    for (k, t) in terms.iter().enumerate() {
        if k > 0 {
            match rest.split_first() {
                Some((b' ', tail)) => rest = tail,
                _ => return false,
            }
        }
        let raw = &a.text[t.start..t.end];
        if !t.joined && raw.is_ascii() {
            // `Analysis::surface` of an ASCII word: itself, or lowercased.
            let Some((head, tail)) = rest.split_at_checked(raw.len()) else {
                return false;
            };
            let same = if t.weak_case && !t.proper {
                head.iter()
                    .zip(raw.bytes())
                    .all(|(&h, r)| h == r.to_ascii_lowercase())
            } else {
                head == raw.as_bytes()
            };
            if !same {
                return false;
            }
            rest = tail;
        } else {
            match rest.strip_prefix(a.surface(t).as_bytes()) {
                Some(tail) => rest = tail,
                None => return false,
            }
        }
    }
    rest.is_empty()
}

pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_packed_occurrences_sort_as_pairs() {
        let key = |ids: [u32; 3], len: u8| Phrase { ids, len }.key();
        let mut pairs = vec![
            (key([5, 0, 0], 2), 7),
            (key([5, 0, 0], 1), 9),
            (key([5, 0, 0], 1), 3),
            (key([4, 9, 9], 3), (1 << 30) - 1),
            (key([u32::MAX, 1, 2], 3), 0),
        ];
        let mut packed: Vec<u128> = pairs.iter().map(|&(k, p)| pack(k, p)).collect();
        pairs.sort_unstable();
        packed.sort_unstable();
        assert_eq!(packed.into_iter().map(unpack).collect::<Vec<_>>(), pairs);
    }
    #[test]
    fn keywords_ranked_hands_out_the_full_sort() {
        let items: Vec<Scored> = (0..300u32)
            .map(|i| Scored {
                phrase: Phrase {
                    ids: [i % 17, i, 0],
                    len: 2,
                },
                score: f64::from(i * 7919 % 13) / 13.0,
                count: 2,
                first: (i % 5) as usize,
            })
            .collect();
        let mut full = items.clone();
        full.sort_by(rank);
        let mut items = items;
        items.sort_by_key(|s| s.phrase);
        let mut ranked = Ranked::new(items);
        let lazy: Vec<Phrase> = std::iter::from_fn(|| ranked.next())
            .map(|s| s.phrase)
            .collect();
        assert_eq!(lazy, full.iter().map(|s| s.phrase).collect::<Vec<_>>());
    }

    use crate::analysis::analyzer::Analyzer;
    use crate::analysis::stopwords::Stopwords;
    use crate::config::Language;
    use crate::stem::{Lexicon, Stemmer};

    fn keywords(text: &str, k: usize) -> Vec<Keyword> {
        let analyzer = Analyzer::new(
            Language::Indonesian,
            Stopwords::embedded(Language::Indonesian),
            Stemmer::indonesian(Lexicon::embedded()),
        );
        let mut memo = analyzer.memo();
        let a = analyzer.analyze(text, &mut memo);
        extract(&a, &term_scores(&a, None), k)
    }

    const TEXT: &str = "Keamanan siber menjadi prioritas NATO. Serangan siber makin canggih. \
        NATO memperkuat keamanan siber anggotanya. Keamanan siber juga melindungi ekonomi. \
        Cuaca di Brussels cerah.";

    #[test]
    fn keywords_merge_phrase_and_its_words() {
        let kw = keywords(TEXT, 10);
        let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
        assert!(terms.contains(&"keamanan siber"), "{terms:?}");
        assert!(
            !terms.contains(&"siber") && !terms.contains(&"keamanan"),
            "{terms:?}"
        );
    }

    #[test]
    fn keywords_at_most_k_unique_best_first() {
        let kw = keywords(TEXT, 3);
        assert!(kw.len() <= 3);
        assert!(kw.windows(2).all(|w| w[0].score >= w[1].score));
        let mut terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
        terms.sort_unstable();
        terms.dedup();
        assert_eq!(terms.len(), kw.len());
        assert!(keywords(TEXT, 0).is_empty());
    }

    #[test]
    fn keywords_keep_names_in_their_spelling_and_skip_numbers() {
        let kw = keywords(
            "NATO bertemu di Brussels. NATO membahas anggaran Rp1,2 triliun pada 2025. NATO sepakat.",
            10,
        );
        let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms.first(), Some(&"NATO"), "{terms:?}");
        assert!(
            !terms.iter().any(|t| t.chars().any(|c| c.is_ascii_digit())),
            "{terms:?}"
        );
    }

    #[test]
    fn keywords_phrase_keys_sort_as_phrases() {
        let p = |ids: &[u32]| {
            let mut phrase = Phrase {
                ids: [0; MAX_PHRASE_WORDS],
                len: ids.len() as u8,
            };
            phrase.ids[..ids.len()].copy_from_slice(ids);
            phrase
        };
        let mut phrases = [
            p(&[2]),
            p(&[1, 7]),
            p(&[1]),
            p(&[1, 0, 3]),
            p(&[u32::MAX, 1]),
        ];
        let mut keys: Vec<u128> = phrases.iter().map(Phrase::key).collect();
        phrases.sort();
        keys.sort();
        let back: Vec<Phrase> = keys.into_iter().map(Phrase::from_key).collect();
        assert_eq!(back, phrases);
    }

    #[test]
    fn keywords_of_empty_text() {
        assert!(keywords("", 10).is_empty());
        assert!(keywords("   ", 10).is_empty());
    }
}
