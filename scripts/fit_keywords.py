#!/usr/bin/env python3
"""Fit ringkas's keyword-probability weights on IndoSum *train* (never on dev).

For every content word of every training article, features as src/keywords.rs computes them
(term frequency, first sentence, spread over sentences, capitalisation, length, sentence IDF)
and a label: does the word occur in the article's headline or human summary? A logistic
regression (plain gradient descent, standard library only) gives the weights that
`keywords.rs` uses to turn features into the probability that a word is a keyword.

The label uses the judges' word normaliser (../shared/tools/keywords_eval.py, which needs
`pip install PySastrawi`) so that "the word is in the summary" means what the metric means.

    python3 scripts/fit_keywords.py --gold eval/data/indosum-train.jsonl
"""
import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
FEATURES = ["ln_tf", "first", "lead", "spread", "proper", "length", "sentence_idf", "corpus_idf"]


def load_stopwords():
    """The embedded Indonesian stopword list (`stopwords/id.txt`)."""
    here = Path(__file__).resolve().parent.parent
    with open(here / "stopwords" / "id.txt", encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def features(tf, first, n_sent, df, proper, length, corpus_idf):
    return [
        math.log(tf),
        1.0 / (1.0 + first),
        1.0 if first < 3 else 0.0,
        df / n_sent,
        1.0 if proper else 0.0,
        min(length, 12) / 12,
        math.log((1 + n_sent) / (1 + df)) + 1,
        corpus_idf,
    ]


def doc_keys(rec, ke, stop):
    keys = set()
    for s in rec["sentences"]:
        for m in WORD_RE.finditer(s):
            w = m.group(0)
            if w.lower() in stop or len(w) < 3 or w.isdigit():
                continue
            toks = ke.content_tokens(w)
            if toks:
                keys.add(" ".join(toks))
    return keys


def rows(rec, ke, stop, corpus):
    head, gold = ke.gold_sets(rec)
    sentences = rec["sentences"]
    tf, first, df, proper, length = Counter(), {}, Counter(), {}, {}
    for si, s in enumerate(sentences):
        seen = set()
        for k, m in enumerate(WORD_RE.finditer(s)):
            w = m.group(0)
            if w.lower() in stop or len(w) < 3 or w.isdigit():
                continue
            toks = ke.content_tokens(w)
            if not toks:
                continue
            key = " ".join(toks)
            tf[key] += 1
            first.setdefault(key, si)
            if key not in seen:
                seen.add(key)
                df[key] += 1
            if k > 0 and w[0].isupper():
                proper[key] = True
            length[key] = max(length.get(key, 0), len(w))
    n = max(len(sentences), 1)
    for key in tf:
        label = all(t in gold for t in key.split())
        cidf = 0.0
        if corpus is not None:
            docs, counts = corpus
            cidf = math.log((1 + docs) / (1 + counts[key])) + 1
        yield features(tf[key], first[key], n, df[key], proper.get(key, False), length[key], cidf), label


def fit(data, epochs=300, lr=0.5):
    dim = len(data[0][0])
    w, b = [0.0] * dim, 0.0
    n = len(data)
    for epoch in range(epochs):
        gw, gb = [0.0] * dim, 0.0
        loss = 0.0
        for x, y in data:
            z = b + sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            loss -= math.log(p if y else 1 - p + 1e-12) if p > 0 else 0
            g = p - (1.0 if y else 0.0)
            gb += g
            for i in range(dim):
                gw[i] += g * x[i]
        b -= lr * gb / n
        w = [wi - lr * gi / n for wi, gi in zip(w, gw)]
        if epoch % 50 == 0:
            print(f"epoch {epoch} loss {loss / n:.4f}", file=sys.stderr)
    return w, b


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="eval/data/indosum-train.jsonl")
    ap.add_argument("--tools", default="../shared/tools")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--corpus", action="store_true",
                    help="fit the batch model (with corpus IDF over the fitted articles)")
    a = ap.parse_args()
    sys.path.insert(0, a.tools)
    import keywords_eval as ke  # noqa: E402  (the judges' normaliser: labels mean what P@10 means)

    stop = load_stopwords()
    recs = [json.loads(l) for l in open(a.gold, encoding="utf-8")][: a.limit]
    corpus = None
    if a.corpus:
        # A batch: document frequencies over the articles fitted on, as `ringkas folder/` has.
        counts = Counter(k for rec in recs for k in doc_keys(rec, ke, stop))
        corpus = (len(recs), counts)
    data = [r for rec in recs for r in rows(rec, ke, stop, corpus)]
    pos = sum(1 for _, y in data if y)
    print(f"{len(recs)} articles, {len(data)} words, {pos / len(data):.3f} in gold", file=sys.stderr)
    if not a.corpus:
        data = [(x[:-1], y) for x, y in data]
    w, b = fit(data, a.epochs)
    print(f"// fitted on {len(recs)} articles of {Path(a.gold).name}: python3 scripts/fit_keywords.py")
    print(f"bias: {b:.3f},")
    for name, wi in zip(FEATURES, w):
        print(f"{name}: {wi:.3f},")


if __name__ == "__main__":
    main()
