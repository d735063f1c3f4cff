//! Ranking and choosing: phrases scored from their words' probabilities, handed out best first,
//! widened to the longer phrase a word mostly occurs in, and chosen so that no word is listed
//! twice.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::analysis::analyzer::Analysis;
use crate::analysis::analyzer::Role;
use crate::report::Keyword;

use super::alias;
use super::generic::is_generic;
use super::model::TermScores;
use super::names::names;
use super::phrases::{MAX_PHRASE_WORDS, Phrase, Phrases, collect};
use super::surface::surface;

/// A phrase's score is discounted by its cohesion (its count over its most frequent word's
/// count) to this power. Chosen on train by P@10 and HR@10.
const PHRASE_COHESION: f64 = 1.0;

/// A phrase that may be listed, with what ranks it.
#[derive(Debug, Clone, Copy)]
struct Scored {
    phrase: Phrase,
    score: f64,
    count: usize,
    /// Index in `Analysis::terms` of its first occurrence.
    first: usize,
    /// Two or more words, all written as names in one of its occurrences ("Mikha Tambayong").
    name: bool,
    /// Two or more words, none an affixed verb or a generic word where it first occurs: a
    /// noun phrase ("keamanan siber"). False, unasked, for a name or a phrase written fewer
    /// than `NOUN_PHRASE_COUNT` times, which never count as noun phrases (see [`widen`]).
    noun: bool,
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

/// The score [`descending`] made `d` of.
fn from_descending(d: u64) -> f64 {
    let ascending = !d;
    f64::from_bits(if ascending >> 63 == 1 {
        ascending & !(1 << 63)
    } else {
        !ascending
    })
}

/// Scored phrases handed out in rank order, from a heap: the choice of `k` keywords rarely
/// looks past the first few dozen of a document's phrases, so most are never sorted.
///
/// The heap holds keys alone ([`key`]). A single word is spelt out as a [`Scored`] only when
/// it is handed out: its score is in its key, its count and first occurrence in `phrases`.
/// Most words of a document are never handed out, so most cost one key and nothing more.
struct Ranked<'d> {
    analysis: &'d Analysis,
    phrases: &'d Phrases,
    /// The words' scores before `discount`, by id.
    probability: &'d [f64],
    /// Word ids are below this; the longer phrase at `j` in `longer` has index `words + j`.
    words: usize,
    /// Phrases of two or more words, in phrase order.
    longer: Vec<Scored>,
    /// Score, first occurrence and index as one integer ([`key`]): in ascending order they
    /// follow [`rank`] at the cost of one integer comparison (ties go to the lower index, which
    /// is the lower phrase). Sixteen bytes an entry: the heap moves half of what a tuple with
    /// the index beside the key took.
    heap: BinaryHeap<Reverse<u128>>,
}

impl<'d> Ranked<'d> {
    /// The single words of `phrases` but stray letters, at their `probability`, and `longer`,
    /// phrases of two or more words in phrase order. A word's index is its id and a longer
    /// phrase's comes after every id: the index breaks ties of score and first occurrence,
    /// and phrases that first occur at the same word start with that word, which sorts before
    /// them as it is listed first. Single words are handed out at their score as `discount`
    /// lowers it (see [`Ranked::next`]).
    fn new(
        a: &'d Analysis,
        phrases: &'d Phrases,
        probability: &'d [f64],
        longer: &[Scored],
    ) -> Self {
        debug_assert!(longer.windows(2).all(|w| w[0].phrase < w[1].phrase));
        debug_assert!(longer.iter().all(|s| s.phrase.len > 1));
        let words = phrases.word_offsets.len().saturating_sub(1);
        assert!(
            u32::try_from(words + longer.len()).is_ok(),
            "a document has fewer than 2^32 phrases, as it has fewer words (ids are u32)"
        );
        let mut keys: Vec<Reverse<u128>> = Vec::with_capacity(words + longer.len());
        // Stray letters are left out when they reach the top (see [`Ranked::next`]), not
        // here: most words never do.
        keys.extend(phrases.words().map(|(id, occ)| {
            let i = id as usize;
            Reverse(key(probability[i], occ.starts[0], i))
        }));
        keys.extend(
            longer
                .iter()
                .enumerate()
                .map(|(j, s)| Reverse(key(s.score, s.first, words + j))),
        );
        Ranked {
            analysis: a,
            phrases,
            probability,
            words,
            longer: longer.to_vec(),
            heap: BinaryHeap::from(keys),
        }
    }

    fn len(&self) -> usize {
        self.heap.len()
    }

    /// The best phrase not handed out yet. A single word's score is lowered by `discount` (of
    /// the word and where it occurs) only when it reaches the top (its score so far bounds the lowered one, so the order is
    /// the one of lowering every score first): most words of a document are never looked at.
    fn next(&mut self, discount: &mut impl FnMut(&Scored, &[usize]) -> f64) -> Option<Scored> {
        loop {
            let Reverse(top) = self.heap.pop()?;
            let i = top as u32 as usize;
            if let Some(longer) = i.checked_sub(self.words) {
                return Some(self.longer[longer]);
            }
            let score = from_descending((top >> 64) as u64);
            let phrase = Phrase {
                ids: [i as u32, 0, 0],
                len: 1,
            };
            let starts = self.phrases.get(&phrase).starts;
            let word = Scored {
                phrase,
                score,
                count: starts.len(),
                first: starts[0],
                name: false,
                noun: false,
            };
            // A word still at its probability has not been discounted yet: a discount only
            // ever lowers the score it is pushed back with.
            if score.to_bits() == self.probability[i].to_bits() {
                // Left out as if it had never been ranked: the others' order is the same.
                if stray_letters(self.analysis, word.first) {
                    continue;
                }
                let lowered = discount(&word, starts);
                if lowered < score {
                    self.heap.push(Reverse(key(lowered, word.first, i)));
                    continue;
                }
            }
            return Some(word);
        }
    }
}

/// Score, first occurrence and index `i` (below 2^32) of an item as one integer that sorts as
/// [`rank`] does, the index in the low 32 bits. A first occurrence past 2^32 words, which no
/// document reaches, would count as 2^32 - 1: ties then go by index alone.
fn key(score: f64, first: usize, i: usize) -> u128 {
    let first = u32::try_from(first).unwrap_or(u32::MAX);
    u128::from(descending(score)) << 64 | u128::from(first) << 32 | i as u128
}

/// The phrases of two or more words holding each word, in rank order.
struct Holding {
    /// In rank order.
    phrases: Vec<Scored>,
    /// Word id (high 32 bits) and index in `phrases` (low 32 bits) for each word of each
    /// phrase, sorted: one integer sorts as the pair did, in half the bytes.
    words: Vec<u64>,
}

impl Holding {
    fn new(phrases: Vec<Scored>) -> Self {
        if phrases.is_empty() {
            return Holding {
                phrases,
                words: Vec::new(),
            };
        }
        assert!(
            u32::try_from(phrases.len()).is_ok(),
            "a document has fewer than 2^32 phrases, as it has fewer words (ids are u32)"
        );
        // Sorted as integers ([`key`]) rather than as phrases by `rank`: the index breaks a
        // tie of score and first occurrence, and `rank` breaks it by phrase, so those (rare)
        // runs are put in phrase order after.
        let mut keys: Vec<u128> = phrases
            .iter()
            .enumerate()
            .map(|(i, s)| key(s.score, s.first, i))
            .collect();
        keys.sort_unstable();
        for run in keys.chunk_by_mut(|x, y| x >> 32 == y >> 32) {
            if run.len() > 1 {
                run.sort_unstable_by_key(|&k| phrases[k as u32 as usize].phrase);
            }
        }
        let phrases: Vec<Scored> = keys.iter().map(|&k| phrases[k as u32 as usize]).collect();
        debug_assert!(phrases.windows(2).all(|w| rank(&w[0], &w[1]).is_lt()));
        // Sized at once: collected from a `flat_map`, whose length is not known ahead, the
        // vector grew step by step.
        let mut words: Vec<u64> =
            Vec::with_capacity(phrases.iter().map(|s| s.phrase.ids().len()).sum());
        for (i, s) in phrases.iter().enumerate() {
            words.extend(
                s.phrase
                    .ids()
                    .iter()
                    .map(|&id| u64::from(id) << 32 | i as u64),
            );
        }
        words.sort_unstable();
        Holding { phrases, words }
    }

    fn of(&self, id: u32) -> impl Iterator<Item = &Scored> + '_ {
        let start = self.words.partition_point(|&w| (w >> 32) < u64::from(id));
        self.words[start..]
            .iter()
            .take_while(move |&&w| (w >> 32) == u64::from(id))
            .map(|&w| &self.phrases[w as u32 as usize])
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
/// probabilities ([`term_scores`](super::term_scores)).
pub fn extract(a: &Analysis, scores: &TermScores, k: usize) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    let (tf, probability) = (&scores.tf[..], &scores.probability[..]);
    let phrases = collect(a, tf);
    // A name written in full once is not ranked, yet its words may widen to it.
    let once_end = a
        .sentences
        .iter()
        .filter(|s| s.role == Role::Body)
        .nth(ONCE_NAMES_LEAD - 1)
        .map_or(usize::MAX, |s| s.terms.end);
    let names = names(a, once_end);
    let mut longer = score_longer(a, &phrases, tf, probability);
    let ranked = Ranked::new(a, &phrases, probability, &longer);
    longer.extend(
        names
            .longer()
            .filter(|(name, occ)| phrases.find(name).is_none() && occ.starts[0] < once_end)
            .map(|(name, occ)| Scored {
                phrase: *name,
                score: phrase_score(name, occ.starts.len(), tf, probability),
                count: occ.starts.len(),
                first: occ.starts[0],
                name: true,
                noun: false,
            }),
    );
    // Indexes by word keep the choice linear in what is looked at, whatever `k` is: the
    // longer phrases holding a word (in rank order), and the chosen entries holding it.
    let holding = Holding::new(longer);
    // The ranking does not depend on `k`: a phrase may take the place of an earlier entry
    // ("Bekasi" becomes "Kota Bekasi") only while fewer than `REPLACING` are chosen, and later
    // entries are only appended, so choosing `max(k, REPLACING)` and cutting to `k` makes
    // `-k 3` the start of `-k 10`.
    // Affixed verbs and generic words score less, looked at only when they reach the top.
    // A word's occurrences `starts` come with it: looked up once, where it is spelt out.
    let mut discount = |s: &Scored, starts: &[usize]| {
        s.score
            * if mostly_affixed(a, s.phrase.ids[0], starts) {
                AFFIXED_WORD
            } else {
                1.0
            }
            * if generic_word(a, starts[0]) {
                GENERIC_WORD
            } else {
                1.0
            }
    };
    // Keywords merged into an entity's first (`alias`) leave room that later ones fill.
    let definitions = alias::definitions(a);
    let spare = if definitions.is_empty() {
        0
    } else {
        ALIAS_SPARE
    };
    let chosen = choose(
        ranked,
        &mut discount,
        &holding,
        a.vocab.len(),
        k.max(REPLACING) + spare,
        tf,
        probability,
    );
    // Spelt out only as the merge takes them: the entries chosen to spare are mostly cut.
    let keywords = chosen.into_iter().map(|(phrase, score, count)| {
        let occ = if phrase.len == 1 {
            phrases.get(&phrase)
        } else {
            phrases
                .find(&phrase)
                .or_else(|| names.find(&phrase))
                .expect("a chosen phrase is a phrase or a name of the document")
        };
        Keyword {
            term: surface(a, &phrase, occ),
            score: round4(score),
            count,
            aliases: Vec::new(),
        }
    });
    alias::merge(keywords, &definitions, k)
}

/// The phrases of two or more words that occur at least twice, scored, in phrase order.
fn score_longer(a: &Analysis, phrases: &Phrases, tf: &[u32], probability: &[f64]) -> Vec<Scored> {
    let mut longer: Vec<Scored> = Vec::with_capacity(phrases.phrases.len());
    for (phrase, occ) in phrases.longer() {
        let count = occ.starts.len();
        // A phrase ending in a stray word ("University of") is a piece of a longer one.
        if count < 2 || stray_letters(a, occ.starts[0] + phrase.len as usize - 1) {
            continue;
        }
        // Its words are content words that no punctuation splits: it is written as a name
        // where they are all names.
        let name = occ.starts.iter().any(|&at| {
            a.terms[at..at + phrase.len as usize]
                .iter()
                .all(|t| t.proper)
        });
        // Asked only where `widen` reads it: of a phrase that is no name and is written at
        // least `NOUN_PHRASE_COUNT` times.
        let noun = !name
            && count >= NOUN_PHRASE_COUNT
            && (occ.starts[0]..occ.starts[0] + phrase.len as usize).all(|at| {
                let key = a.vocab.get(a.terms[at].id as usize).as_bytes();
                !affixed_verb(a, at, key) && !generic_word(a, at)
            });
        longer.push(Scored {
            phrase: *phrase,
            score: phrase_score(phrase, count, tf, probability),
            count,
            first: occ.starts[0],
            name,
            noun,
        });
    }
    longer
}

/// The geometric mean of a phrase's word probabilities, discounted by its cohesion.
fn phrase_score(phrase: &Phrase, count: usize, tf: &[u32], probability: &[f64]) -> f64 {
    let most = phrase
        .ids()
        .iter()
        .map(|&id| tf[id as usize])
        .max()
        .unwrap_or(1);
    geometric_mean(phrase, probability) * (count as f64 / f64::from(most)).powf(PHRASE_COHESION)
}

/// A single word with a verbal prefix (me-, be-, di-, te-, pe-) that the stemmer strips
/// ("menjaga", "dibahas", "pertemuan") scores this share of its probability, wherever it
/// occurs: such words rarely make good tags, yet one may still be listed when nothing better
/// is left. Chosen on the 2,263 IndoSum train articles with names and generic words in place,
/// as the mildest demotion that keeps verb@10 under 0.03 (0.4: P@10 0.798, HR@10 0.587,
/// NR@10 0.604, verb@10 0.019; 0.5: 0.801, 0.590, 0.602, 0.027; 0.6: 0.805, 0.595, 0.598,
/// 0.039; before issue 14, 0.807, 0.586, 0.444, 0.167).
const AFFIXED_WORD: f64 = 0.5;

/// Whether word `id` reads as an affixed verb: written so where it first occurs, or in most of
/// its occurrences `starts` ("kuat" once, then "memperkuat" nine times is listed as
/// "memperkuat").
fn mostly_affixed(a: &Analysis, id: u32, starts: &[usize]) -> bool {
    let key = a.vocab.get(id as usize).as_bytes();
    let affixed = |&at: &usize| affixed_verb(a, at, key);
    if starts.first().is_some_and(affixed) {
        return true;
    }
    // More than half: the count stops as soon as it is reached, or can no longer be (a
    // frequent word's occurrences are many).
    let needed = starts.len() / 2 + 1;
    let mut found = 0;
    for (seen, at) in starts.iter().enumerate() {
        if starts.len() - seen + found < needed {
            return false;
        }
        if affixed(at) {
            found += 1;
            if found == needed {
                return true;
            }
        }
    }
    false
}

/// Whether the word at `at` in `a.terms`, of key `key`, is affixed by a verbal prefix (me-,
/// be-, di-, te-, pe-) that its key drops.
fn affixed_verb(a: &Analysis, at: usize, key: &[u8]) -> bool {
    let Some(t) = a.terms.get(at) else {
        return false;
    };
    let raw = &a.text.as_bytes()[t.start..t.end];
    let [first, second, ..] = *raw else {
        return false;
    };
    matches!(
        (first.to_ascii_lowercase(), second.to_ascii_lowercase()),
        (b'm' | b'b' | b't' | b'p', b'e') | (b'd', b'i')
    ) && !t.proper
        && key.len() < raw.len()
        && !raw[..2].eq_ignore_ascii_case(&key[..key.len().min(2)])
}

/// A generic word of news (`generic`) scores this share of its probability. Chosen on train
/// (1.0: P@10 0.762 on 400 articles; 0.5: 0.791; 0.2: 0.793, no better on the rest).
const GENERIC_WORD: f64 = 0.5;

/// A name written in full once is a candidate only when it is written in the first this many
/// body sentences (or the title), where the human summary mostly draws from. Chosen on train
/// (3: P@10 0.833, NR@10 0.607 on 1,000 articles; 6: 0.827, 0.610; anywhere: 0.822, 0.592).
const ONCE_NAMES_LEAD: usize = 3;

/// Whether the word at `at` in `a.terms` is one or two letters not written as an acronym
/// ("of", "co", "No", "Ka"): a stray piece of a name, an address or an abbreviation, never a
/// keyword on its own ("AS", "PC" are).
#[inline]
fn stray_letters(a: &Analysis, at: usize) -> bool {
    let Some(t) = a.terms.get(at) else {
        return false;
    };
    // Three ASCII bytes first are three characters: most words are passed over on their
    // bytes, inline, before the text is sliced as a `str` or any `char` decoded (it is asked
    // of every word of a document).
    let long = a.text.as_bytes()[t.start..t.end]
        .get(..3)
        .is_some_and(<[u8]>::is_ascii);
    !long && short_not_acronym(&a.text[t.start..t.end])
}

/// Whether `raw` has at most two characters, not all capitals: the rest of [`stray_letters`],
/// kept out of line for the few words that reach it.
#[inline(never)]
fn short_not_acronym(raw: &str) -> bool {
    raw.chars().nth(2).is_none() && !raw.chars().all(char::is_uppercase)
}

/// Whether the word at `at` in `a.terms` is a generic word of news, not a name.
fn generic_word(a: &Analysis, at: usize) -> bool {
    a.terms
        .get(at)
        .is_some_and(|t| !t.proper && is_generic(&a.text.as_bytes()[t.start..t.end]))
}

/// A phrase may replace its part among the chosen entries only while fewer than this many are
/// chosen (the cut-off that the old choice of ten keywords had; see [`extract`]).
const REPLACING: usize = 10;
/// Entries chosen beyond those asked for when the text defines an acronym, so that merging an
/// entity's names (`alias`) still leaves as many keywords as asked for.
const ALIAS_SPARE: usize = 8;

/// Up to `k` entries (phrase, score, count), taken from `ranked` best first: each widened to
/// the longer phrase its word mostly occurs in, and none sharing a word with an earlier one.
/// `words` bounds the word ids.
fn choose(
    mut ranked: Ranked,
    discount: &mut impl FnMut(&Scored, &[usize]) -> f64,
    holding: &Holding,
    words: usize,
    k: usize,
    tf: &[u32],
    probability: &[f64],
) -> Vec<(Phrase, f64, usize)> {
    // `k` comes from the user and may be absurd (`-k 18446744073709551615`): size by what
    // there is to choose from, not by what was asked for.
    let mut chosen: Vec<(Phrase, f64, usize)> = Vec::with_capacity(k.min(ranked.len()));
    let mut chosen_by_word = ChosenByWord::new(words, chosen.capacity());
    let mut clashes = Vec::with_capacity(MAX_PHRASE_WORDS);
    while chosen.len() < k {
        let Some(Scored {
            phrase,
            score,
            count,
            ..
        }) = ranked.next(discount)
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
                && chosen.len() < REPLACING
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
}

fn geometric_mean(phrase: &Phrase, probability: &[f64]) -> f64 {
    let ids = phrase.ids();
    let logs: f64 = ids.iter().map(|&id| probability[id as usize].ln()).sum();
    (logs / ids.len() as f64).exp()
}

/// A longer phrase replaces a word only when it holds at least this share of the occurrences
/// of each of its words. Chosen on train by P@10/HR@10.
const WIDEN_SHARE: f64 = 0.75;

/// A name (or a noun phrase) replaces its word when it holds at least this share of the
/// occurrences of each of its other words. Chosen on train by P@10, HR@10 and NR@10.
const NAME_SHARE: f64 = 0.5;

/// A noun phrase replaces its word, whatever its score, when it occurs at least this many
/// times, holds at least `NOUN_PHRASE_WORD_SHARE` of the word's occurrences and `NAME_SHARE`
/// of each of its other words'. Chosen on 1,000 train articles (3 and 0.4: P@10 0.828, HR@10
/// 0.586, NR@10 0.612; 2 and 0.2: 0.815, 0.589, 0.620; none: 0.830, 0.586, 0.611).
const NOUN_PHRASE_COUNT: usize = 3;
const NOUN_PHRASE_WORD_SHARE: f64 = 0.4;

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
        name,
        noun,
        ..
    } in holding
    {
        // A noun phrase written often takes the place of its word even when the word occurs
        // apart too: "keamanan" (10 times) is listed as "keamanan siber" (4 times).
        let np = !name
            && noun
            && n >= NOUN_PHRASE_COUNT
            && n as f64 >= NOUN_PHRASE_WORD_SHARE * f64::from(tf[phrase.ids[0] as usize]);
        if longer.len <= phrase.len
            || !name && !np && (n < 2 || geometric_mean(&longer, probability) < WIDEN_SCORE * score)
            || n <= best.1
                && best.0.len > phrase.len
                && !(name && n == best.1 && longer.len > best.0.len)
        {
            continue;
        }
        let holds = phrase.ids().iter().all(|id| longer.ids().contains(id));
        // A name's word stands for the whole name when the name's other words occur mostly
        // inside it: "Rooney" is listed as "Wayne Rooney" even when written alone more often.
        let cohesive = if name || np {
            longer
                .ids()
                .iter()
                .filter(|id| !phrase.ids().contains(id))
                .all(|&id| n as f64 >= NAME_SHARE * f64::from(tf[id as usize]))
        } else {
            phrase
                .ids()
                .iter()
                .all(|&id| n as f64 >= WIDEN_SHARE * f64::from(tf[id as usize]))
        };
        if holds && cohesive {
            best = (longer, n);
        }
    }
    best
}

/// A score rounded to four decimals, as reports show it.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-word phrase of `ids` with its score and first occurrence.
    fn two_words(ids: [u32; 2], score: f64, first: u32) -> Scored {
        Scored {
            phrase: Phrase {
                ids: [ids[0], ids[1], 0],
                len: 2,
            },
            score,
            count: 2,
            first: first as usize,
            name: false,
            noun: false,
        }
    }

    #[test]
    fn keywords_descending_scores_read_back() {
        for x in [
            0.0,
            -0.0,
            1e-300,
            0.25,
            0.5,
            1.0,
            -3.5,
            f64::INFINITY,
            f64::MIN,
        ] {
            assert_eq!(from_descending(descending(x)).to_bits(), x.to_bits(), "{x}");
        }
        assert!(descending(0.75) < descending(0.5) && descending(0.5) < descending(-1.0));
    }

    #[test]
    fn keywords_ranked_hands_out_the_full_sort() {
        let items: Vec<Scored> = (0..300u32)
            .map(|i| two_words([i % 17, i], f64::from(i * 7919 % 13) / 13.0, i % 5))
            .collect();
        let mut full = items.clone();
        full.sort_by(rank);
        let mut items = items;
        items.sort_by_key(|s| s.phrase);
        let (a, phrases) = (Analysis::default(), Phrases::default());
        let mut ranked = Ranked::new(&a, &phrases, &[], &items);
        let lazy: Vec<Phrase> = std::iter::from_fn(|| ranked.next(&mut |s, _| s.score))
            .map(|s| s.phrase)
            .collect();
        assert_eq!(lazy, full.iter().map(|s| s.phrase).collect::<Vec<_>>());
    }

    #[test]
    fn keywords_holding_sorts_as_rank_does() {
        // Many ties of score and first occurrence, in no phrase order: the runs of equal keys
        // must come out by phrase.
        let items: Vec<Scored> = (0..300u32)
            .map(|i| two_words([(i * 37) % 11, 1000 - i], f64::from(i % 3) / 3.0, i % 4))
            .collect();
        let mut full = items.clone();
        full.sort_by(rank);
        let holding = Holding::new(items);
        let got: Vec<Phrase> = holding.phrases.iter().map(|s| s.phrase).collect();
        assert_eq!(got, full.iter().map(|s| s.phrase).collect::<Vec<_>>());
        let of: Vec<Phrase> = holding.of(5).map(|s| s.phrase).collect();
        let want: Vec<Phrase> = full
            .iter()
            .filter(|s| s.phrase.ids().contains(&5))
            .map(|s| s.phrase)
            .collect();
        assert_eq!(of, want);
    }
}
