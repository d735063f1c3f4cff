#!/usr/bin/env python3
"""Run ringkas on the evaluation data in eval/data/ and print the README's quality figures.

  python3 eval/run.py summary   [--ringkas BIN]    ROUGE of 3-sentence summaries, one article a run
  python3 eval/run.py lead                         the LEAD-3 baseline
  python3 eval/run.py sentences [--ringkas BIN]    sentence-boundary P / R / F1
  python3 eval/run.py stem --gold FILE [--ringkas BIN]   stemming accuracy on word<TAB>root pairs
  python3 eval/run.py keywords  [--ringkas BIN] [--batch]   needs PySastrawi (see eval/README.md)
  python3 eval/run.py web       [--ringkas BIN]    the noisy dev articles: ROUGE and noise leaks
  python3 eval/run.py reliability [--ringkas BIN] [--batch]   what keyword scores mean: by score band,
                                                   how often the headline / summary holds the keyword
  python3 eval/run.py table     [--ringkas BIN] [--stem-gold FILE]   all of it, as Markdown

`scripts/eval.sh` builds ringkas, makes the virtual environment and writes `table` into the
README. Standard library only, but `keywords` (and `table`) import PySastrawi.
"""

import argparse
import concurrent.futures as cf
import json
import subprocess
import sys
from pathlib import Path

import metrics

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "eval" / "data"
DEV = DATA / "indosum-dev.jsonl"
DEV_WEB = DATA / "indosum-dev-web.jsonl"
ROUGE_KEYS = ("R1", "R2", "RL", "RLsum")


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run(argv, text):
    """ringkas's stdout for `text` on stdin; an exit code other than 0 is an error."""
    proc = subprocess.run(argv, input=text.encode("utf-8"), capture_output=True, timeout=120)
    if proc.returncode:
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-300:]}")
    return proc.stdout.decode("utf-8", "replace")


def parallel(fn, items, jobs):
    with cf.ThreadPoolExecutor(jobs) as ex:
        return list(ex.map(fn, items))


def reference(rec):
    return rec.get("summary_sentences") or [rec["summary"]]


def average(rows, keys):
    return {k: sum(r[k] for r in rows) / max(len(rows), 1) for k in keys}


def summary(a):
    """ROUGE of `ringkas -f json -n 3` per article; a failed run scores zero."""
    failures = []

    def one(rec):
        try:
            out = json.loads(run([a.ringkas, "-f", "json", "-n", "3"], rec["text"]))
            return metrics.rouge([s["text"] for s in out["summary"]], reference(rec))
        except Exception as e:  # noqa: BLE001 - any failure scores zero and is counted
            failures.append(f"{rec['id']}: {e}")
            return dict.fromkeys(ROUGE_KEYS, 0.0)

    res = average(parallel(one, load_jsonl(DEV), a.jobs), ROUGE_KEYS)
    return {k: round(v, 2) for k, v in res.items()}, failures


def lead(a):
    rows = [metrics.rouge(r["sentences"][:3], reference(r)) for r in load_jsonl(DEV)]
    return {k: round(v, 2) for k, v in average(rows, ROUGE_KEYS).items()}, []


def sentences(a):
    tp = fp = fn = 0
    failures = []
    for rec in load_jsonl(DEV):
        try:
            # --all: every unit the splitter cut, boilerplate lines too, as the gold has them.
            argv = [a.ringkas, "sentences", "--all"]
            pred = [s for s in run(argv, rec["text"]).splitlines() if s.strip()]
        except Exception as e:  # noqa: BLE001
            failures.append(f"{rec['id']}: {e}")
            pred = [rec["text"]]
        gold = metrics.sentence_ends(rec["text"], rec["sentences"])
        got = metrics.sentence_ends(rec["text"], pred)
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    res = {"P": 100 * p, "R": 100 * r, "F1": 100 * 2 * p * r / max(p + r, 1e-9)}
    return {k: round(v, 2) for k, v in res.items()}, failures


def stem(a):
    with open(a.gold, encoding="utf-8") as f:
        pairs = [ln.rstrip("\n").split("\t") for ln in f if ln.strip() and not ln.startswith("#")]
    out = run([a.ringkas, "stem"], "".join(w + "\n" for w, _ in pairs)).splitlines()
    if len(out) != len(pairs):
        raise SystemExit(f"stem: {len(pairs)} words in, {len(out)} lines out")
    right = sum(o.strip() == root for (_, root), o in zip(pairs, out))
    return {"accuracy": round(100 * right / max(len(pairs), 1), 2), "pairs": len(pairs)}, []


def keywords(a):
    """Top-10 keyword figures: one article per run, or (--batch) the 200 articles as one
    `--input jsonl` batch, scored against the batch's own document frequencies."""
    gold = load_jsonl(DEV)
    failures = []
    if a.batch:
        preds = {}
        lines = (json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in gold)
        out = run([a.ringkas, "--input", "jsonl", "-f", "jsonl", "-q"], "".join(lines))
        for line in out.splitlines():
            rec = json.loads(line)
            if "error" in rec:
                failures.append(f"{rec.get('id')}: {rec['error']}")
            else:
                preds[rec["id"]] = [k["term"] for k in rec["keywords"]]
    else:

        def one(rec):
            try:
                out = json.loads(run([a.ringkas, "-f", "json", "-k", "10"], rec["text"]))
                return [k["term"] for k in out["keywords"]]
            except Exception as e:  # noqa: BLE001
                failures.append(f"{rec['id']}: {e}")
                return []

        preds = dict(zip((r["id"] for r in gold), parallel(one, gold, a.jobs)))
    metric = metrics.KeywordMetric()
    rows = [metric.score(r, preds.get(r["id"], [])) for r in gold]
    res = metrics.mean_where_defined(rows, metrics.KEYWORD_KEYS)
    return {k: round(v, 3) for k, v in res.items()}, failures


RELIABILITY_BANDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def reliability(a):
    """What a keyword score means: the top 20 keywords of each dev article grouped by score
    band, with how many there are, their mean score, the share whose words the headline or
    human summary holds (P@k's criterion) and the share whose words the headline holds."""
    gold = load_jsonl(DEV)
    failures = []
    if a.batch:
        lines = (json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in gold)
        out = run([a.ringkas, "--input", "jsonl", "-f", "jsonl", "-q", "-k", "20", "-n", "0"], "".join(lines))
        preds = {}
        for line in out.splitlines():
            rec = json.loads(line)
            if "error" in rec:
                failures.append(f"{rec.get('id')}: {rec['error']}")
            else:
                preds[rec["id"]] = rec["keywords"]
    else:

        def one(rec):
            try:
                return json.loads(run([a.ringkas, "-f", "json", "-k", "20", "-n", "0"], rec["text"]))["keywords"]
            except Exception as e:  # noqa: BLE001
                failures.append(f"{rec['id']}: {e}")
                return []

        preds = dict(zip((r["id"] for r in gold), parallel(one, gold, a.jobs)))
    metric = metrics.KeywordMetric()
    bands = [[0, 0.0, 0, 0] for _ in RELIABILITY_BANDS[1:]]
    for rec in gold:
        summary = rec["summary"] if isinstance(rec["summary"], str) else " ".join(rec["summary"])
        head = metric.headline(rec)
        both = head | set(metric.tokens(summary))
        for k in preds.get(rec["id"], []):
            toks = set(metric.tokens(k["term"]))
            band = next(i for i, hi in enumerate(RELIABILITY_BANDS[1:]) if k["score"] < hi)
            b = bands[band]
            b[0] += 1
            b[1] += k["score"]
            b[2] += bool(toks) and toks <= both
            b[3] += bool(toks) and toks <= head
    rows = [
        "| keyword score | keywords | mean score | in headline or summary | in headline |",
        "|---|---|---|---|---|",
    ]
    for (lo, hi), (n, total, in_both, in_head) in zip(zip(RELIABILITY_BANDS, RELIABILITY_BANDS[1:]), bands):
        if n:
            rows.append(
                f"| {lo:.1f} to {min(hi, 1.0):.1f} | {n} | {total / n:.2f} | {in_both / n:.0%} | {in_head / n:.0%} |"
            )
    return "\n".join(rows), failures


def web(a):
    recs = load_jsonl(DEV_WEB)

    def one(rec):
        out = json.loads(run([a.ringkas, "-f", "json", "-n", "3", "-k", "10"], rec["text"]))
        sents = [s["text"] for s in out["summary"]]
        kws = [k["term"] for k in out["keywords"]]
        return metrics.rouge(sents, reference(rec)), metrics.web_noise(rec, sents, kws)

    rows = parallel(one, recs, a.jobs)
    res = {k: round(v, 2) for k, v in average([r[0] for r in rows], ROUGE_KEYS).items()}
    noise = [r[1] for r in rows]
    total = {k: sum(n[k] for n in noise) for k in noise[0]}
    res["leak@sum"] = round(total["leaks"] / max(1, total["sentences"]), 4)
    res["art_leak"] = round(sum(n["leaks"] > 0 for n in noise) / len(noise), 4)
    res["kw_noise"] = round(total["kw_noise"] / max(1, total["keywords"]), 4)
    res["kw_frag"] = round(total["kw_frag"] / max(1, total["keywords"]), 4)
    return res, []


def table(a):
    """The README's quality tables, in Markdown."""
    failures = []

    def get(fn, **opts):
        for k, v in opts.items():
            setattr(a, k, v)
        res, f = fn(a)
        failures.extend(f)
        return res

    s, ld, sb, w = get(summary), get(lead), get(sentences), get(web)
    k1, kb = get(keywords, batch=False), get(keywords, batch=True)
    rows = [
        "| summary, 3 sentences (dev, 200 articles) | R1 | R2 | RL | RLsum |",
        "|---|---|---|---|---|",
        "| **ringkas** | **{R1:.2f}** | **{R2:.2f}** | **{RL:.2f}** | **{RLsum:.2f}** |".format(**s),
        "| LEAD-3 (first three sentences) | {R1:.2f} | {R2:.2f} | {RL:.2f} | {RLsum:.2f} |".format(**ld),
        "| **ringkas** on the same articles with web-scrape noise added | {R1:.2f} | {R2:.2f} | {RL:.2f} | {RLsum:.2f} |".format(**w),
        "",
        "| keywords, top 10 (dev) | P@10 | HR@10 | NR@10 | verb@10 | dup@10 |",
        "|---|---|---|---|---|---|",
    ]
    for name, k in (("one article per process", k1), ("the 200 articles as one batch (IDF from the batch)", kb)):
        rows.append(
            f"| **ringkas**, {name} | **{k['P@10']:.3f}** | **{k['HR@10']:.3f}** | {k['NR@10']:.3f} "
            f"| {k['verb@10']:.3f} | {k['dup@10']:.3f} |"
        )
    rows += [
        "",
        "| analysis stage | figure |",
        "|---|---|",
        f"| sentence boundaries on dev, F1 (`ringkas sentences --all`) | {sb['F1']:.2f} (P {sb['P']:.2f}, R {sb['R']:.2f}) |",
    ]
    if a.stem_gold:
        st = get(stem, gold=a.stem_gold)
        rows.append(f"| stemming accuracy, {st['pairs']} Sastrawi test pairs (`ringkas stem`) | {st['accuracy']:.2f} % |")
    rows.append(
        f"| web noise in summaries: sentences / articles with any | {100 * w['leak@sum']:.2f} % / {100 * w['art_leak']:.1f} % |"
    )
    rows.append(
        f"| web noise in keywords: noise-only / split di- fragments | {100 * w['kw_noise']:.2f} % / {100 * w['kw_frag']:.2f} % |"
    )
    return "\n".join(rows), failures


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["summary", "lead", "sentences", "stem", "keywords", "reliability", "web", "table"])
    ap.add_argument("--ringkas", default=str(ROOT / "target" / "release" / "ringkas"), help="the binary")
    ap.add_argument("--jobs", type=int, default=2, help="runs in parallel")
    ap.add_argument("--batch", action="store_true", help="keywords, reliability: the articles as one batch")
    ap.add_argument("--gold", help="stem: word<TAB>root pairs")
    ap.add_argument("--stem-gold", help="table: add the stemming row from these pairs")
    ap.add_argument("--json", action="store_true", help="one JSON line (not for table)")
    a = ap.parse_args()
    if a.what == "stem" and not a.gold:
        ap.error("stem needs --gold FILE (word<TAB>root pairs; not shipped, see eval/README.md)")
    res, failures = globals()[a.what](a)
    if isinstance(res, str):
        print(res)
    elif a.json:
        print(json.dumps(res))
    else:
        print("  ".join(f"{k} {v}" for k, v in res.items()))
    for f in failures[:5]:
        print(f"failed {f}", file=sys.stderr)
    if failures:
        print(f"{len(failures)} failures", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
