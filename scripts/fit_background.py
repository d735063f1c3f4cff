#!/usr/bin/env python3
"""List the words that are frequent everywhere in Indonesian news, with the share of IndoSum
*train* articles (never dev) that hold each. `--corpus-topics` weighs a keyword of a batch down
the more articles of news in general hold its words, so that "Indonesia", "orang" and "tahun"
do not top what a folder is about (src/topics/background.rs).

Standard library only. A word is a lowercase run of letters and digits, hyphens allowed inside
("covid-19"), as keywords are written.

    python3 scripts/fit_background.py > data/background-id.txt
"""
import argparse
import json
import re
from collections import Counter
from pathlib import Path

WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="eval/data/indosum-train.jsonl")
    ap.add_argument("--min-share", type=float, default=0.01,
                    help="share of the articles a listed word occurs in, at least")
    a = ap.parse_args()
    df = Counter()
    n = 0
    with open(a.gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n += 1
                df.update({w.lower() for w in WORD_RE.findall(json.loads(line)["text"])})
    least = max(2, round(a.min_share * n))
    print("# ringkas: words frequent everywhere in Indonesian news, with the number of articles holding each.")
    print(f"# Counted on {n} articles of {Path(a.gold).name} (IndoSum train, CC BY-SA 4.0) by")
    print(f"#   python3 scripts/fit_background.py --min-share {a.min_share}")
    print(f"# Words in at least {least} articles; a lowercase word, a tab and its count a line.")
    print("# Licence: MIT OR Apache-2.0 (made by the ringkas team; no corpus text beyond single words).")
    print(f"documents\t{n}")
    print(f"least\t{least}")
    for w, c in sorted(df.items(), key=lambda x: (-x[1], x[0])):
        if c >= least and not w.isdigit():
            print(f"{w}\t{c}")


if __name__ == "__main__":
    main()
