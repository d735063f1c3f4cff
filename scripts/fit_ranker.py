#!/usr/bin/env python3
"""Fit ringkas's sentence ranker on IndoSum *train* (never on dev) and write data/ranker-model.txt.

The features come from the Rust code itself (examples/ranker_features.rs runs the pipeline on each
article, as one document on stdin, and prints every candidate sentence's features and TF-IDF
vector), so training sees exactly what inference computes. Each sentence's target is whether a
greedy extractive oracle (the three sentences that each add most ROUGE-1 + ROUGE-2 F1 against the
human summary) picks it; LightGBM fits gradient-boosted trees to it (binary log-loss; a sentence's
score is the log-odds the trees sum to). The summary is then simulated
as ringkas builds it (best three by score, skipping a candidate whose cosine to a chosen one
exceeds the redundancy threshold, which is fitted here too) and scored with ROUGE as
../shared/tools/ringkas_eval.py scores it. Every step is deterministic (fixed folds, seeds, one
thread).

    python3 -m venv scripts/.venv && scripts/.venv/bin/pip install numpy scikit-learn lightgbm
    cargo build --release --example ranker_features
    target/release/examples/ranker_features < eval/data/indosum-train.jsonl > /tmp/train-features.jsonl
    scripts/.venv/bin/python scripts/fit_ranker.py --gold eval/data/indosum-train.jsonl \\
        --features /tmp/train-features.jsonl --cv --curve --write data/ranker-model.txt

After a change to the features (src/ranker/features.rs), the embedded model no longer parses and
the binary refuses to start: `scripts/fit_ranker.py --placeholder` first writes a model of one
zero tree for the new feature names (read from that file), so that the dump can be made.

`--cv` prints the 5-fold cross-validated ROUGE on train (and that of the leading three candidates
for reference), `--curve` the learning curve (the same folds, fitting on growing shares of the
other four), `--write` fits on all of train and writes the model. `--check` compares the scores
the dump in --features carries (computed by the Rust model) with this script's prediction for
the model in --model, to prove the file is read as it was fitted.
"""
import argparse
import json
import math
import re
import sys
from collections import Counter

import lightgbm as lgb
import numpy as np

TOKEN_RE = re.compile(r"[^\W_]+")
FOLDS = 5
SEED = 16
PARAMS = dict(
    objective="binary",
    n_estimators=30,
    learning_rate=0.25,
    max_depth=3,
    num_leaves=8,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    reg_lambda=1.0,
    random_state=SEED,
    deterministic=True,
    force_row_wise=True,
    num_threads=1,
    verbose=-1,
)
ORACLE_K = 3
DEPTH = PARAMS["max_depth"]
REDUNDANCY_GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01]


def tokens(text):
    return TOKEN_RE.findall(text.lower())


def grams(toks, n):
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def f1(overlap, n_pred, n_ref):
    if overlap == 0 or n_pred == 0 or n_ref == 0:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge12(pred_texts, ref_toks):
    """ROUGE-1 and -2 F1 x100 of sentences joined as ringkas_eval.py joins them."""
    p = tokens(" ".join(pred_texts))
    out = []
    for n in (1, 2):
        a, b = grams(p, n), grams(ref_toks, n)
        out.append(100 * f1(sum(min(c, b[g]) for g, c in a.items()), sum(a.values()), sum(b.values())))
    return out


class Article:
    def __init__(self, gold, dump):
        self.ref = tokens(" ".join(gold.get("summary_sentences") or [gold["summary"]]))
        self.sentences = dump["sentences"]
        self.texts = [s["text"] for s in self.sentences]
        self.X = np.array([s["features"] for s in self.sentences], dtype=np.float64).reshape(-1, len(NAMES))
        self.rust_scores = np.array([s["score"] for s in self.sentences])
        self.vectors = []
        for s in self.sentences:
            v = {int(k): w for k, w in s["vector"]}
            self.vectors.append((v, math.sqrt(sum(w * w for w in v.values()))))
        self.y = self.oracle(ORACLE_K)

    def oracle(self, k):
        """1 for the sentences of a greedy extractive oracle: the `k` (or fewer, when no sentence
        adds any) that each add most to ROUGE-1 + ROUGE-2 F1 of the summary so far."""
        toks = [tokens(t) for t in self.texts]
        g = [(grams(t, 1), grams(t, 2)) for t in toks]
        r1, r2 = grams(self.ref, 1), grams(self.ref, 2)
        n1, n2 = sum(r1.values()), sum(r2.values())

        def value(chosen):
            p1, p2 = Counter(), Counter()
            ordered = sorted(chosen)
            for i in ordered:
                p1.update(g[i][0])
                p2.update(g[i][1])
            # The bigrams across sentence joins, as the evaluation's joined text has them.
            for i, j in zip(ordered, ordered[1:]):
                if toks[i] and toks[j]:
                    p2[(toks[i][-1], toks[j][0])] += 1
            o1 = sum(min(c, r1[x]) for x, c in p1.items())
            o2 = sum(min(c, r2[x]) for x, c in p2.items())
            return f1(o1, sum(p1.values()), n1) + f1(o2, sum(p2.values()), n2)

        chosen, best = [], 0.0
        for _ in range(k):
            pick = None
            for i in range(len(toks)):
                if i not in chosen:
                    v = value(chosen + [i])
                    if v > best:
                        best, pick = v, i
            if pick is None:
                break
            chosen.append(pick)
        y = np.zeros(len(toks))
        y[chosen] = 1.0
        return y

    def cosine(self, i, j):
        (a, na), (b, nb) = self.vectors[i], self.vectors[j]
        if na == 0 or nb == 0:
            return 0.0
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b[k] for k, w in a.items() if k in b) / (na * nb)

    def select(self, scores, k, redundancy):
        """ringkas's summary::select: best first (ties to the earlier), skip near-repeats, fill."""
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], self.sentences[i]["index"]))
        k = min(k, len(order))
        chosen = []
        if k < len(order):
            for i in order:
                if len(chosen) == k:
                    break
                if not any(self.cosine(i, j) > redundancy for j in chosen):
                    chosen.append(i)
        for i in order:
            if len(chosen) == k:
                break
            if i not in chosen:
                chosen.append(i)
        return sorted(chosen, key=lambda i: self.sentences[i]["index"])

    def rouge(self, scores, k, redundancy):
        return rouge12([self.texts[i] for i in self.select(scores, k, redundancy)], self.ref)


def load(gold_path, features_path):
    global NAMES
    golds = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    with open(features_path, encoding="utf-8") as f:
        NAMES = json.loads(f.readline())["features"]
        dumps = [json.loads(l) for l in f if l.strip()]
    if len(golds) != len(dumps):
        sys.exit(f"fit_ranker: {features_path}: {len(dumps)} articles, {gold_path} has {len(golds)}")
    arts = []
    for g, d in zip(golds, dumps):
        if d["id"] != g.get("id"):
            sys.exit(f"fit_ranker: {features_path}: article {d['id']} where {gold_path} has {g.get('id')}")
        if d["sentences"]:
            arts.append(Article(g, d))
    return arts


def fit(arts):
    X = np.vstack([a.X for a in arts])
    y = np.concatenate([a.y for a in arts])
    return lgb.LGBMClassifier(**PARAMS).fit(X, y.astype(int))


def mean_rouge(arts, scores, k, redundancy):
    rs = [a.rouge(s, k, redundancy) for a, s in zip(arts, scores)]
    return tuple(float(np.mean([r[i] for r in rs])) for i in (0, 1))


def folds(n):
    order = np.random.RandomState(SEED).permutation(n)
    return [sorted(order[f::FOLDS]) for f in range(FOLDS)]


def cross_validate(arts, k, share=1.0):
    """Out-of-fold scores of every article, each fold fitted on `share` of the other four."""
    scores = [None] * len(arts)
    for held in folds(len(arts)):
        held_set = set(held)
        rest = [i for i in range(len(arts)) if i not in held_set]
        rest = rest[: max(1, int(round(share * len(rest))))]
        model = fit([arts[i] for i in rest])
        for i in held:
            scores[i] = model.predict(arts[i].X, raw_score=True)
    return scores


def best_redundancy(arts, scores, k):
    results = [(mean_rouge(arts, scores, k, r), r) for r in REDUNDANCY_GRID]
    (r1, r2), r = max(results, key=lambda x: (x[0][0] + x[0][1], -x[1]))
    return r, r1, r2, results


# ---------------------------------------------------------------- the model file
ALWAYS_LEFT = sys.float_info.max  # a padding split: every finite value is at most this


def complete_tree(tree, depth):
    """A LightGBM tree as src/ranker/gbdt.rs reads it: the (feature, threshold) of its 2^depth - 1
    splits in breadth-first order and its 2^depth leaves, a shallower branch padded with
    splits that always go left (its leaf copied to every padded leaf)."""
    n = (1 << depth) - 1
    splits, leaves = [None] * n, [None] * (n + 1)

    def fill(node, k, left):
        if left == 0:
            if "leaf_value" not in node:
                sys.exit(f"fit_ranker: a tree deeper than {depth}")
            leaves[k - n] = node["leaf_value"]
        elif "leaf_value" in node:
            splits[k] = (0, ALWAYS_LEFT)
            fill(node, 2 * k + 1, left - 1)
            fill(node, 2 * k + 2, left - 1)
        else:
            if node["decision_type"] != "<=" or node.get("default_left") is None:
                sys.exit(f"fit_ranker: unsupported split {node}")
            splits[k] = (node["split_feature"], node["threshold"])
            fill(node["left_child"], 2 * k + 1, left - 1)
            fill(node["right_child"], 2 * k + 2, left - 1)

    fill(tree["tree_structure"], 0, depth)
    return splits, leaves


def model_trees(model):
    return [complete_tree(t, DEPTH) for t in model.booster_.dump_model()["tree_info"]]


def predict(trees, X):
    """What src/ranker/gbdt.rs computes: the sum of each tree's leaf, trees in order."""
    out = np.zeros(len(X))
    for r, x in enumerate(X):
        s = 0.0
        for splits, leaves in trees:
            k = 0
            while k < len(splits):
                f, t = splits[k]
                k = 2 * k + 1 + (x[f] > t)
            s += leaves[k - len(splits)]
        out[r] = s
    return out


def write_model(path, trees, redundancy, header, depth=DEPTH):
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        f.write("features " + " ".join(NAMES) + "\n")
        f.write(f"redundancy {redundancy!r}\n")
        f.write(f"depth {depth}\n")
        for splits, leaves in trees:
            f.write("tree\n")
            for feature, threshold in splits:
                f.write(f"s {feature} {float(threshold)!r}\n")
            for value in leaves:
                f.write(f"l {float(value)!r}\n")


def read_model(path):
    trees, redundancy = [], None
    for line in open(path, encoding="utf-8"):
        w = line.split()
        if not w or w[0].startswith("#") or w[0] in ("features", "depth"):
            continue
        if w[0] == "redundancy":
            redundancy = float(w[1])
        elif w[0] == "tree":
            trees.append(([], []))
        elif w[0] == "l":
            trees[-1][1].append(float(w[1]))
        else:
            trees[-1][0].append((int(w[1]), float(w[2])))
    return trees, redundancy


def write_placeholder(path):
    """A model that scores every sentence 0, for the feature names src/ranker/features.rs lists:
    enough for the binary to start and dump the features the real model is fitted on."""
    global NAMES
    source = open("src/ranker/features.rs", encoding="utf-8").read()
    block = re.search(r"pub const NAMES: \[&str; COUNT\] = \[(.*?)\];", source, re.S)
    NAMES = re.findall(r'"([^"]+)"', block.group(1))
    header = ["placeholder: every sentence scores 0. Replace it with a fitted model (see scripts/fit_ranker.py)."]
    write_model(path, [([(0, ALWAYS_LEFT)], [0.0, 0.0])], 1.01, header, depth=1)
    print(f"wrote {path}: a placeholder for {len(NAMES)} features")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="eval/data/indosum-train.jsonl")
    ap.add_argument("--features", help="examples/ranker_features output for --gold")
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--curve", action="store_true")
    ap.add_argument("--write")
    ap.add_argument("--check", action="store_true",
                    help="--features holds scores from the Rust model in --model: compare")
    ap.add_argument("--model", default="data/ranker-model.txt")
    ap.add_argument("--placeholder", action="store_true",
                    help="write a zero model for the features src/ranker/features.rs names to --model")
    a = ap.parse_args()
    if a.placeholder:
        write_placeholder(a.model)
        return
    if not a.features:
        ap.error("--features is required")
    arts = load(a.gold, a.features)
    print(f"{len(arts)} articles, {sum(len(x.texts) for x in arts)} candidate sentences", flush=True)

    if a.check:
        trees, redundancy = read_model(a.model)
        worst = max(float(np.max(np.abs(predict(trees, x.X) - x.rust_scores))) for x in arts)
        r1, r2 = mean_rouge(arts, [x.rust_scores for x in arts], a.k, redundancy)
        print(f"check: largest |rust - python| score difference {worst:.3g}; "
              f"simulated ROUGE with the Rust scores R1 {r1:.2f} R2 {r2:.2f}")
        return

    lead = [-np.arange(len(x.texts), dtype=float) for x in arts]
    r1, r2 = mean_rouge(arts, lead, a.k, 1.01)
    print(f"leading {a.k} candidates: R1 {r1:.2f} R2 {r2:.2f}", flush=True)
    redundancy = None
    if a.cv:
        scores = cross_validate(arts, a.k)
        redundancy, r1, r2, results = best_redundancy(arts, scores, a.k)
        for (x1, x2), r in results:
            print(f"  cv redundancy {r}: R1 {x1:.2f} R2 {x2:.2f}")
        print(f"cv ({FOLDS} folds): R1 {r1:.2f} R2 {r2:.2f} at redundancy {redundancy}", flush=True)
    if a.curve:
        for share in (0.05, 0.1, 0.25, 0.5, 1.0):
            scores = cross_validate(arts, a.k, share)
            n = int(round(share * len(arts) * (FOLDS - 1) / FOLDS))
            x1, x2 = mean_rouge(arts, scores, a.k, redundancy if redundancy is not None else 0.6)
            print(f"curve: {n} training articles: cv R1 {x1:.2f} R2 {x2:.2f}", flush=True)
    if a.write:
        if redundancy is None:
            sys.exit("fit_ranker: --write needs --cv (the redundancy threshold is fitted there)")
        model = fit(arts)
        trees = model_trees(model)
        X = np.vstack([x.X for x in arts])
        gap = float(np.max(np.abs(predict(trees, X) - model.predict(X, raw_score=True))))
        if gap > 1e-9:
            sys.exit(f"fit_ranker: the exported trees differ from LightGBM's by {gap}")
        header = [
            f"ringkas sentence ranker: gradient-boosted trees of depth {DEPTH} (format: src/ranker/gbdt.rs).",
            f"Fitted by scripts/fit_ranker.py (LightGBM {lgb.__version__}, seed {SEED}, one thread) on",
            f"IndoSum train only ({len(arts)} articles, {X.shape[0]} candidate sentences; CC BY-SA 4.0);",
            f"target: 1 for the sentences of a greedy {ORACLE_K}-sentence ROUGE-1+2 oracle, else 0 (binary log-loss;",
            "the score is the log-odds). Redundancy threshold:",
            f"best of {REDUNDANCY_GRID} on {FOLDS}-fold train cross-validation.",
            "Regenerate (from the project root):",
            "  cargo build --release --example ranker_features",
            "  target/release/examples/ranker_features < eval/data/indosum-train.jsonl > /tmp/train-features.jsonl",
            "  scripts/.venv/bin/python scripts/fit_ranker.py --gold eval/data/indosum-train.jsonl \\",
            "      --features /tmp/train-features.jsonl --cv --write data/ranker-model.txt",
            f"Parameters: {json.dumps({k: v for k, v in PARAMS.items() if k != 'verbose'}, sort_keys=True)}",
        ]
        write_model(a.write, trees, redundancy, header)
        print(f"wrote {a.write}: {len(trees)} trees, redundancy {redundancy}")


if __name__ == "__main__":
    main()
