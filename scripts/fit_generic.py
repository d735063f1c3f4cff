#!/usr/bin/env python3
"""List the generic words of Indonesian news from IndoSum *train* (never dev): words found in
many articles that almost never make it into the article's headline or human summary
("tahun", "kembali", "kasus"). ringkas lists such a word as a keyword only when nothing
better is left (src/keywords/rank.rs, GENERIC_WORD).

A word counts as in the headline or summary when the judges' word normaliser says so
(../shared/tools/keywords_eval.py, `pip install PySastrawi`), as in scripts/fit_keywords.py.

    python3 scripts/fit_generic.py --gold ../shared/data/indosum-train.jsonl > data/generic-id.txt
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="eval/data/indosum-train.jsonl")
    ap.add_argument("--tools", default="../shared/tools")
    ap.add_argument("--min-df", type=int, default=40, help="articles a generic word occurs in, at least")
    ap.add_argument("--max-rate", type=float, default=0.15,
                    help="share of those articles whose headline or summary holds it, at most")
    a = ap.parse_args()
    sys.path.insert(0, a.tools)
    import keywords_eval as ke  # noqa: E402  (the judges' normaliser)

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from fit_keywords import load_stopwords  # noqa: E402

    stop = load_stopwords()
    df, pos = Counter(), Counter()
    recs = [json.loads(l) for l in open(a.gold, encoding="utf-8")]
    for rec in recs:
        _, gold = ke.gold_sets(rec)
        words = {w.lower() for w in WORD_RE.findall(rec["text"])}
        for w in words:
            if w in stop or len(w) < 3 or w.isdigit() or not w.isalpha():
                continue
            df[w] += 1
            toks = ke.content_tokens(w)
            if toks and all(t in gold for t in toks):
                pos[w] += 1
    generic = sorted(w for w, n in df.items() if n >= a.min_df and pos[w] / n <= a.max_rate)
    print("# ringkas: generic words of Indonesian news, listed as keywords only when nothing better is left.")
    print(f"# Fitted on {len(recs)} articles of {Path(a.gold).name} (IndoSum train, CC BY-SA 4.0) by")
    print(f"#   python3 scripts/fit_generic.py --min-df {a.min_df} --max-rate {a.max_rate}")
    print(f"# A word is listed when it occurs in at least {a.min_df} articles and the headline or human")
    print(f"# summary holds it in at most {a.max_rate:.0%} of them. One lowercase word a line.")
    print("# Licence: MIT OR Apache-2.0 (made by the ringkas team; no corpus text beyond single words).")
    for w in generic:
        print(w)


if __name__ == "__main__":
    main()
