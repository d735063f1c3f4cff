#!/usr/bin/env python3
"""Derive data/homographs-id.txt: which root wins when a prefix's sound change leaves two
lexicon readings (`pengunjung`: unjung or kunjung? `perawat`: awat or rawat?).

The stemmer's rule table tries the reading without the swallowed sound first (meng-V -> V
before kV, men-V -> nV before tV, mem-V -> mV before pV, meny-V -> nyV before sV, ber-/ter-/
per-V -> V before rV). For every pair of lexicon affix roots that one rule group can yield,
this counts, in news text, the words that show each root unambiguously: the root alone or
with forms that change no sound (di-, ke-...-an, -an, ber-, ter-, se-, -nya). A later reading
is listed when it has at least MIN_EVIDENCE such words and three times the evidence of the
earlier one. Only lowercase words count, so names do not. Standard library only.

    python3 scripts/homographs.py --corpus eval/data/indosum-train.jsonl > data/homographs-id.txt
"""
import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_EVIDENCE = 5
RATIO = 3
WORD_RE = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
# (rule group, earlier reading, later reading) as functions of the word after the prefix.
PAIRS = [
    ("meng-/peng-", lambda v: v, lambda v: "k" + v),
    ("men-/pen-", lambda v: "n" + v, lambda v: "t" + v),
    ("mem-/pem-", lambda v: "m" + v, lambda v: "p" + v),
    ("meny-/peny-", lambda v: "ny" + v, lambda v: "s" + v),
    ("ber-/ter-/per-", lambda v: v, lambda v: "r" + v),
]
PLAIN = [("", ""), ("", "nya"), ("di", ""), ("di", "kan"), ("di", "i"), ("ke", "an"),
         ("", "an"), ("ber", ""), ("ter", ""), ("se", "")]


def affix_roots(path):
    roots = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields and not line.startswith("#") and fields[-1] != "=":
            roots.add(fields[0])
    return roots


def evidence(root, counts):
    return sum(counts[p + root + s] for p, s in PLAIN)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="IndoSum-style JSONL with a `text` field")
    ap.add_argument("--lexicon", default=ROOT / "data" / "lexicon-id.txt", type=Path)
    a = ap.parse_args()
    roots = affix_roots(a.lexicon)
    counts = Counter()
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            counts.update(WORD_RE.findall(json.loads(line)["text"]))
    print("# Roots the ringkas stemmer prefers when a prefix's sound change leaves two lexicon")
    print("# readings: `pengunjung` is kunjung, not unjung. One root a line, sorted.")
    print("# Made by scripts/homographs.py from how often each reading shows unambiguously (the root")
    print("#   alone, di-, ke-...-an, -an, ber-, ter-, se-) in the lowercase words of IndoSum's training")
    print(f"#   articles; listed when it has >= {MIN_EVIDENCE} such words and {RATIO}x the other reading's.")
    print("# Licence: MIT OR Apache-2.0 (written by the ringkas team; no corpus text beyond single words).")
    preferred = set()
    for v in sorted(r for r in roots if r[0] in "aeiou"):
        for _, first, later in PAIRS:
            a_root, b_root = first(v), later(v)
            if a_root in roots and b_root in roots:
                ea, eb = evidence(a_root, counts), evidence(b_root, counts)
                if eb >= MIN_EVIDENCE and eb >= RATIO * ea:
                    preferred.add(b_root)
    for root in sorted(preferred):
        print(root)


if __name__ == "__main__":
    main()
