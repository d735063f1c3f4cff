//! The ECS prefix-disambiguation rules: for each prefix shape, the roots it may have been
//! put on, with the root's first sound restored where the prefix swallowed it
//! (`menyapu` is me- + `sapu`).
//!
//! Data more than logic: one small function per rule and the table that orders them. The
//! letter tests the rules share sit at the top.

use std::cell::Cell;

use crate::stem::lexicon::{Entry, Lexicon};
use crate::stem::lexicon_format::class_bit;

/// The prefix families, for the forbidden-confix and repeated-prefix checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Prefix {
    Di,
    Ke,
    Se,
    Be,
    Te,
    Me,
    Pe,
    /// Infixes (-er-, -el-, -em-, -in-) and the proclitics ku-, kau-.
    Other,
}

/// Whether a pass counts bare lexicon words as roots of derived words, and whether it met a
/// candidate whose answer that decided. A pass that met none would have taken the same cuts
/// with the other setting, so the bare-word pass after one that failed without meeting any
/// would fail alike.
pub(super) struct BareWords {
    count: bool,
    met: Cell<bool>,
}

impl BareWords {
    pub(super) fn new(count: bool) -> Self {
        BareWords {
            count,
            met: Cell::new(false),
        }
    }

    pub(super) fn met(&self) -> bool {
        self.met.get()
    }
}

/// The lexicon entry of `word` if it is a lexicon word long enough to be the root of a longer
/// word (an affix root if `derived`, unless bare words count): the lexicon's one- and
/// two-letter entries are abbreviations and interjections (`pa`, `te`), never what a stripped
/// affix leaves. The entry comes with the answer so that the steps that go on to read the
/// root's flags look it up once, not twice.
pub(super) fn candidate_entry(
    lexicon: &Lexicon,
    word: &str,
    bare: &BareWords,
    derived: bool,
) -> Option<Entry> {
    if derived && (word.len() < 3) != (word.len() < MIN_BARE_ROOT) {
        bare.met.set(true); // long enough for one setting only
    }
    let min_len = if derived && bare.count {
        MIN_BARE_ROOT
    } else {
        3
    };
    if word.len() < min_len {
        return None;
    }
    let entry = lexicon.lookup(word)?;
    if !derived || entry.affixable() {
        return Some(entry);
    }
    // Bare words as roots of derived words only when long enough to be unambiguous
    // (`nuklir`); short ones (`bon`, `ase`) are mostly accidents.
    bare.met.set(true);
    bare.count.then_some(entry)
}

const MIN_BARE_ROOT: usize = 3;

pub(super) fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'i' | b'u' | b'e' | b'o')
}

pub(super) fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel(b)
}

/// Consonants that can open a `C-er-` syllable after `be-`/`te-`/`pe-` without being the
/// prefix's own r, l, m, n, w or y.
fn is_plain_consonant(b: u8) -> bool {
    is_consonant(b) && !matches!(b, b'r' | b'l' | b'm' | b'n' | b'w' | b'y')
}

pub(super) fn byte_at(s: &str, i: usize) -> Option<u8> {
    s.as_bytes().get(i).copied()
}

pub(super) fn starts_vowel(s: &str) -> bool {
    byte_at(s, 0).is_some_and(is_vowel)
}

pub(super) fn prepend(head: &str, rest: &str) -> String {
    let mut s = String::with_capacity(head.len() + rest.len());
    s.push_str(head);
    s.push_str(rest);
    s
}

/// One candidate of a prefix rule: the word without its prefix, with the root's first sound
/// restored where the prefix had swallowed it.
type Rule = fn(&str) -> Option<String>;

/// The readings of one prefix shape: the first found in the lexicon wins, else the last is
/// taken so that further prefixes can still be removed from it.
type Group = &'static [Rule];

/// The ECS prefix-disambiguation table of the four prefix families that change shape, each
/// with the two letters every one of its rules needs at the start of a word (a word starts
/// with at most one of them, so a word meets only one family's groups), its groups in order.
pub(super) const FAMILY_RULES: [(Prefix, &str, &[Group]); 4] = [
    (
        Prefix::Be,
        "be",
        &[
            &[rule_ber_v, rule_be_rv],
            &[rule_ber_cap],
            &[rule_ber_caerv],
            &[rule_belajar],
            &[rule_be_c_er_c],
        ],
    ),
    (
        Prefix::Te,
        "te",
        &[
            &[rule_ter_v, rule_te_rv],
            &[rule_ter_c_erv],
            &[rule_ter_cp],
            &[rule_te_c_er_c],
            &[rule_ter_c_er_c],
        ],
    ),
    (
        Prefix::Me,
        "me",
        &[
            &[rule_me_lrwy],
            &[rule_mem_bfv],
            &[rule_mempe],
            &[rule_mem_v_m, rule_mem_v_p],
            &[rule_men_c],
            &[rule_men_v_n, rule_men_v_t],
            &[rule_meng_c],
            &[rule_meng_v, rule_meng_v_k, rule_menge, rule_meng_v_ng],
            &[rule_meny_v_ny, rule_meny_v_s],
            &[rule_memp],
        ],
    ),
    (
        Prefix::Pe,
        "pe",
        &[
            &[rule_pe_wy],
            &[rule_per_v, rule_pe_rv],
            &[rule_per_cap],
            &[rule_per_caerv],
            &[rule_pem_bfv],
            &[rule_pem_v_m, rule_pem_v_p],
            &[rule_pen_c],
            &[rule_pen_v_n, rule_pen_v_t],
            &[rule_peng_c],
            &[rule_peng_v, rule_peng_v_k, rule_penge],
            &[rule_peny_v_ny, rule_peny_v_s],
            &[rule_pel_v],
            &[rule_pe_cp],
            &[rule_pe_c_er_c],
        ],
    ),
];

/// The infixes and proclitics ([`Prefix::Other`]), tried after the word's family, in order.
pub(super) const OTHER_RULES: &[Rule] = &[
    rule_infix_er,
    rule_infix_el,
    rule_infix_em,
    rule_infix_in,
    rule_ku,
    rule_kau,
];

/// Removes one prefix from `word`: the plain prefixes di-, ke-, se- first, then the first
/// rule group that applies: those of the word's family, then the infixes and proclitics.
pub(super) fn disambiguate_prefix(
    word: &str,
    lexicon: &Lexicon,
    bare: &BareWords,
) -> Option<(Prefix, String)> {
    for (prefix, plain) in [(Prefix::Di, "di"), (Prefix::Ke, "ke"), (Prefix::Se, "se")] {
        if let Some(rest) = word.strip_prefix(plain) {
            return Some((prefix, rest.to_owned()));
        }
    }
    let family = FAMILY_RULES
        .iter()
        .find(|(_, start, _)| word.starts_with(start));
    if let Some(&(prefix, _, groups)) = family {
        for rules in groups {
            if let Some(reading) = group_reading(word, prefix, rules, lexicon, bare) {
                return Some((prefix, reading));
            }
        }
    }
    // Each a group of one reading, which is taken whatever the lexicon says.
    OTHER_RULES
        .iter()
        .find_map(|rule| rule(word))
        .map(|reading| (Prefix::Other, reading))
}

/// The reading a group of `prefix` rules gives `word`, if any of them applies.
fn group_reading(
    word: &str,
    prefix: Prefix,
    rules: &[Rule],
    lexicon: &Lexicon,
    bare: &BareWords,
) -> Option<String> {
    if let [rule] = rules {
        // A single reading is the group's last, taken whatever the lexicon says.
        return rule(word);
    }
    let mut reading = None;
    let mut root: Option<(String, (bool, bool, u32))> = None;
    for rule in rules {
        reading = rule(word);
        let Some(entry) = reading
            .as_deref()
            .and_then(|r| candidate_entry(lexicon, r, bare, true))
        else {
            continue;
        };
        let candidate = reading.take().expect("a candidate was read");
        // A root whose hunspell flags take this prefix beats one whose flags do not
        // (`terasa` is ter- on rasa, not on asa, which takes only meN-); among those, a
        // root the news evidence prefers (`kalah` over `alah`) beats an earlier one.
        // Where ber-, ter-, per- may have lost their r before a root in r (`beragam`:
        // ber- + agam or be- + ragam) and both roots take the prefix, the root hunspell
        // lets take more affixes, the more productive one, wins.
        let r_drop = ["ber", "ter", "per"].iter().any(|p| word.starts_with(p));
        let rank = (
            entry.0 & prefix_classes(prefix, word) != 0,
            entry.preferred(),
            if r_drop { entry.class_count() } else { 0 },
        );
        if root.as_ref().is_none_or(|(_, best)| rank > *best) {
            root = Some((candidate, rank));
        }
    }
    root.map(|(root, _)| root).or(reading)
}

/// The hunspell affix classes (bits of [`CLASS_LETTERS`](crate::stem::CLASS_LETTERS)) of which
/// a root must take one to carry `prefix` as written at the start of `word`; 0 for the infixes
/// and proclitics, which the caller tells apart.
pub(super) fn prefix_classes(prefix: Prefix, word: &str) -> u32 {
    let bit = |c: u8| class_bit(c).unwrap_or(0);
    match prefix {
        Prefix::Be => bit(b'B'),
        Prefix::Di => bit(b'D'),
        Prefix::Ke => bit(b'K'),
        Prefix::Me => bit(b'M'),
        Prefix::Se => bit(b'S'),
        Prefix::Te => bit(b'T'),
        // per- + a vowel root, or peN- + a root in r: either class will do.
        Prefix::Pe if word.starts_with("per") => bit(b'R') | bit(b'P'),
        Prefix::Pe => bit(b'P'),
        Prefix::Other => 0,
    }
}

// be-
fn rule_ber_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ber").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_be_rv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("be").filter(|r| r.starts_with('r'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_ber_cap(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ber")?;
    let ok = byte_at(rest, 0).is_some_and(is_consonant)
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && !rest.get(2..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_ber_caerv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ber")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && rest.get(2..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 4).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_belajar(w: &str) -> Option<String> {
    (w == "belajar").then(|| "ajar".to_owned())
}
fn rule_be_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("be")?, |b| is_consonant(b) && b != b'r')
}
/// `C-er-C`: a consonant, `er`, then another consonant.
fn c_er_c(rest: &str, first: fn(u8) -> bool) -> Option<String> {
    let ok = byte_at(rest, 0).is_some_and(first)
        && rest.get(1..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 3).is_some_and(is_consonant);
    ok.then(|| rest.to_owned())
}

// te-
fn rule_ter_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ter").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_te_rv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("te").filter(|r| r.starts_with('r'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_ter_c_erv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ter")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && rest.get(1..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 3).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_ter_cp(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ter")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && !rest.get(1..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_te_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("te")?, |b| is_consonant(b) && b != b'r')
}
fn rule_ter_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("ter")?, is_plain_consonant)
}

// me-
fn rule_me_lrwy(w: &str) -> Option<String> {
    let rest = w.strip_prefix("me")?;
    let ok = byte_at(rest, 0).is_some_and(|b| matches!(b, b'l' | b'r' | b'w' | b'y'))
        && byte_at(rest, 1).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_mem_bfv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("mem")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'b' | b'f' | b'v'))
        .then(|| rest.to_owned())
}
fn rule_mempe(w: &str) -> Option<String> {
    w.strip_prefix("mempe").map(|rest| prepend("pe", rest))
}
fn rule_mem_v_m(w: &str) -> Option<String> {
    let rest = w.strip_prefix("mem").filter(|r| starts_vowel(r))?;
    Some(prepend("m", rest))
}
fn rule_mem_v_p(w: &str) -> Option<String> {
    let rest = w.strip_prefix("mem").filter(|r| starts_vowel(r))?;
    Some(prepend("p", rest))
}
fn rule_men_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("men")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'c' | b'd' | b'j' | b's' | b't' | b'z'))
        .then(|| rest.to_owned())
}
fn rule_men_v_n(w: &str) -> Option<String> {
    let rest = w.strip_prefix("men").filter(|r| starts_vowel(r))?;
    Some(prepend("n", rest))
}
fn rule_men_v_t(w: &str) -> Option<String> {
    let rest = w.strip_prefix("men").filter(|r| starts_vowel(r))?;
    Some(prepend("t", rest))
}
fn rule_meng_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'g' | b'h' | b'q' | b'k'))
        .then(|| rest.to_owned())
}
fn rule_meng_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_meng_v_k(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng").filter(|r| starts_vowel(r))?;
    Some(prepend("k", rest))
}
fn rule_menge(w: &str) -> Option<String> {
    w.strip_prefix("menge").map(str::to_owned)
}
fn rule_meng_v_ng(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng").filter(|r| starts_vowel(r))?;
    Some(prepend("ng", rest))
}
fn rule_meny_v_ny(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meny").filter(|r| starts_vowel(r))?;
    Some(prepend("ny", rest))
}
fn rule_meny_v_s(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meny").filter(|r| starts_vowel(r))?;
    Some(prepend("s", rest))
}
fn rule_memp(w: &str) -> Option<String> {
    let rest = w.strip_prefix("memp")?;
    byte_at(rest, 0)
        .is_some_and(|b| b.is_ascii_lowercase() && b != b'e' && b != b'n')
        .then(|| prepend("p", rest))
}

// pe-
fn rule_pe_wy(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pe")?;
    let ok = byte_at(rest, 0).is_some_and(|b| b == b'w' || b == b'y')
        && byte_at(rest, 1).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_per_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("per").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_pe_rv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pe").filter(|r| r.starts_with('r'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_per_cap(w: &str) -> Option<String> {
    let rest = w.strip_prefix("per")?;
    let ok = byte_at(rest, 0).is_some_and(is_consonant)
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && !rest.get(2..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_per_caerv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("per")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && rest.get(2..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 4).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_pem_bfv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pem")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'b' | b'f' | b'v'))
        .then(|| rest.to_owned())
}
fn rule_pem_v_m(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pem").filter(|r| starts_vowel(r))?;
    Some(prepend("m", rest))
}
fn rule_pem_v_p(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pem").filter(|r| starts_vowel(r))?;
    Some(prepend("p", rest))
}
fn rule_pen_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pen")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'c' | b'd' | b'j' | b's' | b't' | b'z'))
        .then(|| rest.to_owned())
}
fn rule_pen_v_n(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pen").filter(|r| starts_vowel(r))?;
    Some(prepend("n", rest))
}
fn rule_pen_v_t(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pen").filter(|r| starts_vowel(r))?;
    Some(prepend("t", rest))
}
fn rule_peng_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peng")?;
    byte_at(rest, 0)
        .is_some_and(is_consonant)
        .then(|| rest.to_owned())
}
fn rule_peng_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peng").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_peng_v_k(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peng").filter(|r| starts_vowel(r))?;
    Some(prepend("k", rest))
}
fn rule_penge(w: &str) -> Option<String> {
    w.strip_prefix("penge").map(str::to_owned)
}
fn rule_peny_v_ny(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peny").filter(|r| starts_vowel(r))?;
    Some(prepend("ny", rest))
}
fn rule_peny_v_s(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peny").filter(|r| starts_vowel(r))?;
    Some(prepend("s", rest))
}
fn rule_pel_v(w: &str) -> Option<String> {
    if w == "pelajar" {
        return Some("ajar".to_owned());
    }
    let rest = w.strip_prefix("pe").filter(|r| r.starts_with('l'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_pe_cp(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pe")?;
    let ok = byte_at(rest, 0).is_some_and(is_consonant)
        && !rest.get(1..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_pe_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("pe")?, is_plain_consonant)
}

// Infixes -er-, -el-, -em-, -in- (`gerigi`, `telunjuk`, `gemetar`, `kinerja`) and the
// proclitics ku-, kau- (`kupukul`, `kauhajar`).
fn infix(w: &str, infix: &str) -> Option<String> {
    // The infix's two letters first: every word is tried for all four, and few have them.
    if w.as_bytes().get(1..3) != Some(infix.as_bytes()) {
        return None;
    }
    let first = byte_at(w, 0).filter(|&b| is_consonant(b))?;
    // Bytes 0 to 2 are ASCII letters, so byte 3 starts a character.
    let rest = Some(&w[3..]).filter(|r| starts_vowel(r))?;
    let mut s = String::with_capacity(rest.len() + 1);
    s.push(char::from(first));
    s.push_str(rest);
    Some(s)
}
fn rule_infix_er(w: &str) -> Option<String> {
    infix(w, "er")
}
fn rule_infix_el(w: &str) -> Option<String> {
    infix(w, "el")
}
fn rule_infix_em(w: &str) -> Option<String> {
    infix(w, "em")
}
fn rule_infix_in(w: &str) -> Option<String> {
    infix(w, "in")
}
fn rule_ku(w: &str) -> Option<String> {
    w.strip_prefix("ku").map(str::to_owned)
}
fn rule_kau(w: &str) -> Option<String> {
    w.strip_prefix("kau").map(str::to_owned)
}
