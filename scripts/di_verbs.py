#!/usr/bin/env python3
"""Derive data/di-verbs-id.txt: lexicon roots whose passive di- + root is common in news text
while "di" + root written apart (the preposition: "di rumah", "di pasar") is rare.

`Lexicon::explains_di_verb` already rejoins "di bahas" (a root that takes di- but no suffix)
and "di penuhi" (root + the suffix it takes); a root that takes di- both bare and with a suffix
("lihat": dilihat, dilihatkan; "rumah": dirumahkan) is ambiguous by its classes alone, and
hunspell gives some loanwords no di- at all ("rilis": dirilis). For those, this counts in lowercase news text how often the root is written joined to di- and how often
apart after "di": a root is listed when the joined form occurs at least MIN_JOINED times and
at least RATIO times as often as the apart form. Standard library only.

    python3 scripts/di_verbs.py --corpus eval/data/indosum-train.jsonl > data/di-verbs-id.txt
"""
import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_JOINED = 5
RATIO = 10
WORD_RE = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def lexicon():
    classes = {}
    for name in ("lexicon-id.txt", "lexicon-supplement-id.txt"):
        for line in open(ROOT / "data" / name, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split()
            marker = parts[1] if len(parts) > 1 else None
            if marker == "=":
                continue  # a word of its own, never a root of affixed words
            cls = set("BDKMPRSTUaiklno") if marker is None else (
                set() if marker == "-" else set(marker))
            classes.setdefault(parts[0], set()).update(cls)
    return classes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    a = ap.parse_args()
    lex = lexicon()
    joined, apart = Counter(), Counter()
    for line in open(a.corpus, encoding="utf-8"):
        text = json.loads(line)["text"]
        if not isinstance(text, str):
            continue
        words = WORD_RE.findall(text)
        for prev, word in zip(words, words[1:]):
            if prev == "di":
                apart[word] += 1
        for word in words:
            if word.startswith("di"):
                joined[word[2:]] += 1
    print("# Roots whose passive di- form is written joined in news text and \"di\" + root apart")
    print("#   is rare: \"di lihat\" is the prefix written apart, \"di rumah\" the preposition.")
    print("# Made by scripts/di_verbs.py from IndoSum's training articles: lexicon affix roots not")
    print(f"#   rejoined by their classes alone, joined >= {MIN_JOINED} times and >= {RATIO}x as often as apart.")
    print("# Licence: MIT OR Apache-2.0 (written by the ringkas team; no corpus text beyond single words).")
    for root in sorted(lex):
        cls = lex[root]
        if len(root) < 3 or "D" in cls and not (cls & {"k", "i"}):
            continue  # too short to trust, or rejoined by its classes already
        if joined[root] >= MIN_JOINED and joined[root] >= RATIO * max(apart[root], 0.5):
            print(root)


if __name__ == "__main__":
    main()
