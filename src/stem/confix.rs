//! Enhanced Confix Stripping: the search that cuts suffixes and prefixes off a word until a
//! lexicon root is left.
//!
//! One [`Context`] follows one word through the ECS steps (suffixes, then prefixes through the
//! rule table in `rules`, then the suffixes put back one by one), recording each cut so that
//! the checks on forbidden confixes, repeated prefixes and hunspell's affix flags can see
//! the whole parse.

use std::cell::Cell;

use crate::stem::lexicon::{Entry, Lexicon};
use crate::stem::lexicon_format::class_bit;
use crate::stem::rules::{
    BareWords, Prefix, candidate_entry, disambiguate_prefix, prefix_classes, prepend,
};

pub(super) const PARTICLES: [&str; 4] = ["lah", "kah", "tah", "pun"];
pub(super) const POSSESSIVES: [&str; 3] = ["ku", "mu", "nya"];
/// Longest first, so the longest matching suffix wins (`idealisme` loses `isme`, not `e`).
pub(super) const DERIVATIONAL: [&str; 6] = ["isasi", "isme", "kan", "an", "is", "i"];
/// Prefix removals per attempt: words carry at most three (`ke-se-per-sepuluh`).
const MAX_PREFIXES: usize = 3;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Affix {
    Particle,
    Possessive,
    Derivational,
    Prefix(Prefix),
}

pub(super) struct Removal {
    affix: Affix,
    /// The word before the removal.
    subject: String,
    /// The word after it.
    result: String,
}

/// The state of one word's stemming: the current candidate and what was removed to reach it.
pub(super) struct Context<'l> {
    lexicon: &'l Lexicon,
    original: &'l str,
    pub(super) current: String,
    pub(super) removals: Vec<Removal>,
    /// Whether bare lexicon words count as roots (and whether that decided a candidate).
    bare: BareWords,
    /// Whether the root must take the affixes cut (see [`Context::licenses`]).
    licensed: bool,
    /// Whether that demand changed anything in this pass: see [`Context::licence_mattered`].
    licence_mattered: Cell<bool>,
    /// Whether the original word is itself a root (see [`Context::word_found`]).
    word_found: bool,
    /// [`Context::found`] for the present state, once asked: the ECS steps ask again after
    /// each step whether the last cut found a root, mostly of an unchanged state.
    known: Cell<Option<bool>>,
}

/// The passes of confix stripping, strictest first: the first that finds a root decides.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Pass {
    /// An affix root whose hunspell flags take the affixes cut.
    Licensed,
    /// Any affix root.
    Affix,
    /// Any lexicon word, bare ones too.
    Bare,
}

impl<'l> Context<'l> {
    /// A context for `word` in `pass`; `word_found` is [`Context::word_found`] of `word`, the
    /// same in every pass, so that the passes of one word ask the lexicon once.
    pub(super) fn new(word: &'l str, lexicon: &'l Lexicon, pass: Pass, word_found: bool) -> Self {
        Context {
            lexicon,
            original: word,
            current: word.to_owned(),
            removals: Vec::new(),
            bare: BareWords::new(pass == Pass::Bare),
            licensed: pass == Pass::Licensed,
            licence_mattered: Cell::new(false),
            word_found,
            known: Cell::new(Some(word_found)),
        }
    }

    /// [`Context::found`] of `word` before any cut, in any pass: with nothing cut, the
    /// candidate is no derived word and there are no affixes to license.
    pub(super) fn word_found(word: &str, lexicon: &Lexicon) -> bool {
        candidate_entry(lexicon, word, &BareWords::new(false), false).is_some()
    }

    pub(super) fn found(&self) -> bool {
        if let Some(found) = self.known.get() {
            return found;
        }
        let found = self.search_found();
        self.known.set(Some(found));
        found
    }

    /// Forgets [`Context::found`]'s answer: called on every change of `current` or `removals`.
    fn changed(&mut self) {
        self.known.set(None);
    }

    fn search_found(&self) -> bool {
        let derived = self
            .removals
            .iter()
            .any(|r| !matches!(r.affix, Affix::Particle | Affix::Possessive));
        // One lookup of the candidate answers both whether it is a root and its flags.
        let Some(entry) = candidate_entry(self.lexicon, &self.current, &self.bare, derived) else {
            return false;
        };
        if !self.loan_roots_long() {
            return false;
        }
        if self.licensed && !self.licenses(entry) {
            self.licence_mattered.set(true);
            return false;
        }
        true
    }

    /// Whether this pass's demand that the root take the affixes cut refused a root or an
    /// infix. The [`Pass::Affix`] pass differs from [`Pass::Licensed`] only there: a
    /// licensed pass that failed without either would walk the same cuts in it and fail
    /// alike, so it can be skipped.
    pub(super) fn licence_mattered(&self) -> bool {
        self.licence_mattered.get()
    }

    /// Whether this pass met a candidate that counting bare words or not decided (see
    /// [`BareWords`]): when not, a failed pass tells that the [`Pass::Bare`] pass fails too.
    pub(super) fn bare_mattered(&self) -> bool {
        self.bare.met()
    }

    /// Whether every loan suffix cut (-is, -isme, -isasi) after a prefix left a root of at
    /// least [`MIN_LOAN_ROOT`] letters: loans that take Indonesian prefixes are long (`ideal`,
    /// `kanon`), while a short root before -is is mostly a native word's own letters
    /// (`dibabis`, `berlogis` are no bab, log + -is).
    fn loan_roots_long(&self) -> bool {
        let prefixed = self
            .removals
            .iter()
            .any(|r| matches!(r.affix, Affix::Prefix(_)));
        let loan = self.removals.iter().any(|r| {
            r.affix == Affix::Derivational
                && r.subject
                    .strip_prefix(r.result.as_str())
                    .is_some_and(is_loan_suffix)
        });
        !(prefixed && loan) || self.current.len() >= MIN_LOAN_ROOT
    }

    /// Whether the current root takes the affixes cut, as hunspell's flags say: the prefix
    /// next to the root (outer prefixes attach to the derived word) and the derivational
    /// suffix. Clitics go on any word, whatever its flags.
    fn licenses(&self, entry: Entry) -> bool {
        // A bare word may carry -nya (`semenanjungnya`), but a particle marks a parse that
        // went wrong (`menikah` is meN- + nikah, not meni + -kah).
        let particle = self.removals.iter().any(|r| r.affix == Affix::Particle);
        if particle && !entry.affixable() {
            return false;
        }
        let inner_prefix = self
            .removals
            .iter()
            .rev()
            .find(|r| matches!(r.affix, Affix::Prefix(_)));
        let suffixes = self
            .removals
            .iter()
            .filter(|r| !matches!(r.affix, Affix::Prefix(_)));
        inner_prefix
            .into_iter()
            .chain(suffixes.filter(|r| r.affix == Affix::Derivational))
            .map(Removal::classes)
            .all(|classes| classes == 0 || entry.0 & classes != 0)
    }

    /// Steps 1-5 of ECS; on success `current` is a lexicon word.
    pub(super) fn run(&mut self) {
        if self.found() {
            return;
        }
        // Confix precedence adjustment (Asian 2007): for be-lah, be-an, me-i, di-i, pe-i,
        // ter-i, try the prefix first, then the suffixes.
        if prefix_first(self.original) {
            self.remove_prefixes();
            if self.found() {
                return;
            }
            self.remove_suffixes();
            if self.found() {
                return;
            }
            self.current = self.original.to_owned();
            self.removals.clear();
            self.known.set(Some(self.word_found));
        }
        self.remove_suffixes();
        if self.found() {
            return;
        }
        self.remove_prefixes();
        if self.found() {
            return;
        }
        self.restore_suffixes();
    }

    fn remove_suffixes(&mut self) {
        let steps: [(Affix, &[&str]); 3] = [
            (Affix::Particle, &PARTICLES),
            (Affix::Possessive, &POSSESSIVES),
            (Affix::Derivational, &DERIVATIONAL),
        ];
        for (affix, suffixes) in steps {
            if let Some(rest) = strip_any_suffix(&self.current, suffixes) {
                let rest = if affix == Affix::Derivational {
                    rest
                } else {
                    rest.trim_end_matches('-')
                };
                let result = rest.to_owned();
                self.record(affix, result);
                if self.found() {
                    return;
                }
            }
        }
    }

    fn record(&mut self, affix: Affix, result: String) {
        let subject = std::mem::replace(&mut self.current, result.clone());
        self.removals.push(Removal {
            affix,
            subject,
            result,
        });
        self.changed();
    }

    fn remove_prefixes(&mut self) {
        for _ in 0..MAX_PREFIXES {
            if !self.remove_one_prefix() || self.found() {
                return;
            }
        }
    }

    /// One pass over the prefix rule table; at most one prefix is removed.
    fn remove_one_prefix(&mut self) -> bool {
        let Some((prefix, result)) = disambiguate_prefix(&self.current, self.lexicon, &self.bare)
        else {
            return false;
        };
        if self.forbidden(prefix) {
            return false;
        }
        // The proclitics ku-, kau- and the infixes come first or not at all: nothing is
        // prefixed to them (`dikuasai` is di- + kuasa, not di- + ku- + asa; `menggemari` is
        // meN- + gemar, not meN- + g-em-ari).
        // An infix is the only affix of its root: hunspell has no flag for one, so the
        // pass that wants the root's flags takes none, and nothing is cut after one
        // (`kinetik` is no k-in-etik with ke- on `tik`).
        let infixed = |r: &Removal| {
            r.affix == Affix::Prefix(Prefix::Other) && !is_proclitic(&r.subject, &r.result)
        };
        let prefixed = self
            .removals
            .iter()
            .any(|r| matches!(r.affix, Affix::Prefix(_)));
        if (prefix == Prefix::Other && prefixed) || self.removals.iter().any(infixed) {
            return false;
        }
        if self.licensed && prefix == Prefix::Other && !is_proclitic(&self.current, &result) {
            self.licence_mattered.set(true);
            return false;
        }
        self.record(Affix::Prefix(prefix), result);
        true
    }

    /// Confixes Indonesian does not form (be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan,
    /// te-an), and a prefix family met twice: both mean the parse has gone wrong.
    fn forbidden(&self, prefix: Prefix) -> bool {
        let mut prefixes = self.removals.iter().filter_map(|r| match r.affix {
            Affix::Prefix(p) => Some(p),
            _ => None,
        });
        if prefix != Prefix::Other && prefixes.any(|p| p == prefix) && !self.pen_per(prefix) {
            return true;
        }
        let first_prefix = !self
            .removals
            .iter()
            .any(|r| matches!(r.affix, Affix::Prefix(_)));
        if !first_prefix || self.original == "ketahui" {
            return false;
        }
        let Some(suffix) = self
            .removals
            .iter()
            .rev()
            .find(|r| r.affix == Affix::Derivational)
            .and_then(|r| r.subject.strip_prefix(r.result.as_str()))
        else {
            return false;
        };
        matches!(
            (prefix, suffix),
            (Prefix::Be, "i")
                | (Prefix::Di, "an")
                | (Prefix::Ke, "i" | "kan")
                | (Prefix::Me, "an")
                | (Prefix::Se, "i" | "kan")
                | (Prefix::Te, "an")
        )
    }

    /// Whether removing `prefix` now takes per- off what peN- left: `pemer-` is peN- + per-
    /// (`pemersatu`, `pemercepat`), as `memper-` is meN- + per-, the one pe- family twice.
    fn pen_per(&self, prefix: Prefix) -> bool {
        let last = self
            .removals
            .iter()
            .rev()
            .find(|r| matches!(r.affix, Affix::Prefix(_)));
        prefix == Prefix::Pe
            && self.current.starts_with("per")
            && last.is_some_and(|r| {
                r.affix == Affix::Prefix(Prefix::Pe)
                    && r.subject.starts_with("pem")
                    && r.result == self.current
                    && !self.removals.iter().any(|o| {
                        o.affix == Affix::Prefix(Prefix::Pe) && o.subject.starts_with("per")
                    })
            })
    }

    /// ECS "loop pengembalian akhiran": put the suffixes back one by one, innermost first,
    /// and retry the prefixes on each form (`menduakan`: `mendua` fails, `menduakan` does not).
    fn restore_suffixes(&mut self) {
        let Some(first) = self.removals.first() else {
            return;
        };
        let unprefixed = first.subject.clone();
        let mut suffixes: Vec<Removal> = std::mem::take(&mut self.removals)
            .into_iter()
            .filter(|r| !matches!(r.affix, Affix::Prefix(_)))
            .collect();
        while let Some(restored) = suffixes.pop() {
            if restored.affix == Affix::Derivational && restored.subject.ends_with("kan") {
                // -kan may be -an after a root ending in k (`memasukkan` from `masuk`).
                let root_with_k = format!("{}k", restored.result);
                self.removals = suffixes.iter().map(Removal::clone_of).collect();
                self.removals.push(Removal {
                    affix: Affix::Derivational,
                    subject: format!("{root_with_k}an"),
                    result: root_with_k.clone(),
                });
                self.current = root_with_k;
                self.changed();
                if self.found() {
                    return;
                }
                self.remove_prefixes();
                if self.found() {
                    return;
                }
            }
            self.removals = suffixes.iter().map(Removal::clone_of).collect();
            self.current = restored.subject;
            self.changed();
            self.remove_prefixes();
            if self.found() {
                return;
            }
        }
        self.current = unprefixed;
        self.changed();
    }
}

impl Removal {
    /// The affix and what it took off, written as an affix: `di-`, `-el-`, `-kan`. A prefix
    /// whose sound change took the root's first letter shows as written (`men-` of `menulis`).
    pub(super) fn cut(&self) -> (Affix, String) {
        let (subject, result) = (self.subject.as_str(), self.result.as_str());
        // Joined with `prepend`, not `format!`: every parse found writes its cuts.
        let text = match self.affix {
            Affix::Prefix(_) if subject.ends_with(result) => {
                prepend(&subject[..subject.len() - result.len()], "-")
            }
            // An infix: the two letters after the root's first (`r-el-awan`).
            Affix::Prefix(Prefix::Other) => format!("-{}-", subject.get(1..3).unwrap_or("")),
            Affix::Prefix(_) => {
                // The changed sound: the subject's letters before the result's tail.
                let shared = result.len().saturating_sub(1);
                let head = subject.len().saturating_sub(shared);
                prepend(subject.get(..head).unwrap_or(subject), "-")
            }
            _ => prepend("-", subject.strip_prefix(result).unwrap_or(subject)),
        };
        (self.affix, text)
    }

    /// The hunspell affix classes (bits of [`CLASS_LETTERS`](crate::stem::CLASS_LETTERS)) of which the root must take one
    /// for this removal; 0 when hunspell has no flag for it (infixes, loan suffixes).
    fn classes(&self) -> u32 {
        let bit = |c: u8| class_bit(c).unwrap_or(0);
        let s = self.subject.as_str();
        match self.affix {
            Affix::Particle => bit(b'l'),
            Affix::Possessive if s.ends_with("nya") => bit(b'n'),
            Affix::Possessive => bit(b'o'),
            Affix::Derivational => match s.strip_prefix(self.result.as_str()) {
                Some("kan") => bit(b'k'),
                Some("an") => bit(b'a'),
                Some("i") => bit(b'i'),
                _ => 0,
            },
            Affix::Prefix(Prefix::Other) if is_proclitic(s, &self.result) => bit(b'U'),
            Affix::Prefix(prefix) => prefix_classes(prefix, s),
        }
    }

    fn clone_of(&self) -> Removal {
        Removal {
            affix: self.affix,
            subject: self.subject.clone(),
            result: self.result.clone(),
        }
    }
}

/// Whether `subject` lost the proclitic ku- or kau- (not an infix) to become `result`.
fn is_proclitic(subject: &str, result: &str) -> bool {
    ["ku", "kau"]
        .iter()
        .any(|p| subject.strip_prefix(p) == Some(result))
}

/// Whether a cut suffix (`-isme`) is a loan suffix, which hunspell has no flag for.
pub(super) fn is_loan_suffix(suffix: &str) -> bool {
    matches!(suffix.trim_start_matches('-'), "is" | "isme" | "isasi")
}

/// Shortest root a loan suffix (-is, -isme, -isasi) is taken off for a listed word.
pub(super) const MIN_LOAN_ROOT: usize = 5;

fn prefix_first(word: &str) -> bool {
    let confix = |prefix: &str, suffix: &str| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| rest.ends_with(suffix))
    };
    // A native root in -is (`tangis`, `tipis`) under a prefix is likelier than a loan
    // suffix -is on another root (`menangis` is meN- + tangis, not menang + -is).
    word.ends_with("is")
        || confix("be", "lah")
        || confix("be", "an")
        || confix("me", "i")
        || confix("di", "i")
        || confix("pe", "i")
        || confix("ter", "i")
}

pub(super) fn strip_any_suffix<'a>(word: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|s| strip_short_suffix(word, s))
}

/// `word.strip_suffix(suffix)` for the affixes, a few ASCII letters: compared byte by byte
/// here, as `strip_suffix` calls `memcmp` for each (368k calls on IndoSum train, the confix
/// search's most frequent call).
pub(super) fn strip_short_suffix<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = word.len().checked_sub(suffix.len())?;
    let tail = &word.as_bytes()[cut..];
    // The last letters first: most words fail there, before the loop.
    if tail.last() != suffix.as_bytes().last()
        || !tail.iter().zip(suffix.as_bytes()).all(|(a, b)| a == b)
    {
        return None;
    }
    // The suffix matched whole, so `cut` is where a character of it starts.
    word.get(..cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stem_short_suffix_agrees_with_strip_suffix() {
        let words = [
            "",
            "i",
            "kan",
            "makanan",
            "bukunya",
            "rumah\u{e9}i",
            "\u{e9}",
            "lahkah",
        ];
        let suffixes = [
            "", "i", "an", "kan", "nya", "lah", "\u{e9}i", "\u{e9}", "makanan",
        ];
        for word in words {
            for suffix in suffixes {
                assert_eq!(
                    strip_short_suffix(word, suffix),
                    word.strip_suffix(suffix),
                    "{word} {suffix}"
                );
            }
        }
    }
}
