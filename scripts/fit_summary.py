#!/usr/bin/env python3
"""Fit ringkas's summary feature weights on IndoSum *train* (never on dev).

Runs the release binary on every training article with `--explain` to get every candidate
sentence's features, then searches the feature weights (coordinate ascent over a grid) that
maximise mean (ROUGE-1 + ROUGE-2) F1 of the top-3 sentences against the human summaries. ROUGE
here matches ../shared/tools/ringkas_eval.py: lowercase runs of letters/digits, no stemming.
Redundancy skipping is not simulated (it rarely triggers among the first sentences of news).

    cargo build --release
    python3 scripts/fit_summary.py --gold ../shared/data/indosum-train.jsonl

Prints the weights as Rust for `Weights::default()` in src/summary.rs. Standard library only.
"""
import argparse
import concurrent.futures as cf
import json
import re
import subprocess
from collections import Counter

TOKEN_RE = re.compile(r"[^\W_]+")
FEATURES = ["position", "centrality", "title", "length", "lead", "paragraph", "quote", "salience",
            "question"]


def tokens(text):
    return TOKEN_RE.findall(text.lower())


def grams(toks, n):
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def f1(overlap, n_pred, n_ref):
    if overlap == 0 or n_pred == 0 or n_ref == 0:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def candidates(binary, text):
    out = subprocess.run([binary, "--format", "json", "--explain", "--sentences", "100000",
                          "--keywords", "0", "-q"], input=text.encode(), capture_output=True,
                         check=True).stdout
    return [(s["index"], s["text"], s["features"]) for s in json.loads(out)["summary"]]


def prepare(article, cands):
    ref = tokens(" ".join(article.get("summary_sentences") or [article["summary"]]))
    rows = []
    for index, text, feats in cands:
        toks = tokens(text)
        rows.append((index, [feats.get(f, 0.0) for f in FEATURES], toks))
    return ref, rows


def rouge(selected, ref):
    pred = [t for _, _, toks in sorted(selected) for t in toks]
    out = []
    for n in (1, 2):
        a, b = grams(pred, n), grams(ref, n)
        out.append(f1(sum(min(c, b[g]) for g, c in a.items()), sum(a.values()), sum(b.values())))
    return out


class Objective:
    def __init__(self, data, k):
        self.k = k
        # Per article: reference n-gram counters and each candidate's n-grams, precomputed.
        self.data = []
        for ref, rows in data:
            r1, r2 = grams(ref, 1), grams(ref, 2)
            cands = [(idx, feats, grams(toks, 1), grams(toks, 2)) for idx, feats, toks in rows]
            self.data.append((r1, sum(r1.values()), r2, sum(r2.values()), cands))

    def __call__(self, weights):
        total = 0.0
        for r1, n1, r2, n2, cands in self.data:
            if not cands:
                continue
            scored = sorted(cands, key=lambda c: (-sum(w * f for w, f in zip(weights, c[1])), c[0]))
            chosen = scored[: self.k]
            p1, p2 = Counter(), Counter()
            for c in chosen:
                p1.update(c[2])
                p2.update(c[3])
            # Bigrams across sentence joins are ignored: they are a handful per summary.
            s1 = f1(sum(min(c, r1[g]) for g, c in p1.items()), sum(p1.values()), n1)
            s2 = f1(sum(min(c, r2[g]) for g, c in p2.items()), sum(p2.values()), n2)
            total += s1 + s2
        return 100 * total / (2 * len(self.data))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="../shared/data/indosum-train.jsonl")
    ap.add_argument("--bin", default="target/release/ringkas")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    articles = [json.loads(l) for l in open(a.gold, encoding="utf-8")][: a.limit]
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        cands = list(ex.map(lambda g: candidates(a.bin, g["text"]), articles))
    objective = Objective([prepare(g, c) for g, c in zip(articles, cands)], a.k)

    start = {"position": 1.0, "centrality": 0.6, "title": 0.3, "length": 0.1}
    weights = [start.get(f, 0.0) for f in FEATURES]
    best = objective(weights)
    print(f"start {best:.3f} {dict(zip(FEATURES, weights))}")
    grid = [x / 10 for x in range(-10, 31)]
    for rnd in range(a.rounds):
        improved = False
        for i, name in enumerate(FEATURES):
            for v in grid:
                trial = list(weights)
                trial[i] = v
                s = objective(trial)
                if s > best + 1e-9:
                    best, weights, improved = s, trial, True
            print(f"round {rnd} {name:<10} -> {weights[i]:+.1f}  objective {best:.3f}")
        if not improved:
            break
    print(f"\nfitted on {len(articles)} articles: mean (R1+R2)/2 = {best:.3f}")
    for name, w in zip(FEATURES, weights):
        print(f"            {name}: {w:.1f},")


if __name__ == "__main__":
    main()
