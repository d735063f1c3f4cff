#!/usr/bin/env python3
"""Article-body extraction benchmark: token-shingle F1 of the text `ringkas sentences
--input html` prints for each page against the page's ground-truth body, and of all the
page's visible text (a browser's text without scripts and styles) as a baseline.

Pages are `NAME.html` with the truth beside them in `NAME.txt` (headline, then the body:
paragraphs, sub-headings, list items; no captions, bylines, credits, related links, ads,
tags or comments). Tokens are lowercased runs of letters and digits; shingles are runs of
four tokens, counted as a multiset (as in the Scrapinghub article-extraction benchmark).

    python3 eval/html/shingle_f1.py --ringkas target/release/ringkas eval/html/tuning eval/html/heldout
"""

import argparse
import html.parser
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

SHINGLE = 4
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text):
    tokens = [t.lower() for t in TOKEN.findall(text)]
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def f1(predicted, truth):
    p, t = shingles(predicted), shingles(truth)
    overlap = sum((p & t).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(p.values())
    recall = overlap / sum(t.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


class Visible(html.parser.HTMLParser):
    """All text a browser shows: everything but scripts, styles, templates and the head."""

    HIDDEN = {"script", "style", "noscript", "template", "head", "title"}
    BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
              "section", "article", "header", "footer", "nav", "aside", "ul", "ol", "table",
              "blockquote", "figure", "figcaption", "form"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(page):
    parser = Visible()
    parser.feed(page)
    return "".join(parser.parts)


def extracted(ringkas, page_path):
    run = subprocess.run([ringkas, "sentences", "--input", "html", str(page_path)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{page_path}: ringkas failed: {run.stderr.strip()}")
    return run.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", help="folders of NAME.html + NAME.txt")
    ap.add_argument("--ringkas", default="target/release/ringkas")
    ap.add_argument("-v", "--verbose", action="store_true", help="a line per page")
    args = ap.parse_args()
    for folder in args.folders:
        pages = sorted(Path(folder).glob("*.html"))
        rows = []
        for page in pages:
            truth = page.with_suffix(".txt").read_text(encoding="utf-8")
            source = page.read_text(encoding="utf-8", errors="replace")
            ours = f1(extracted(args.ringkas, page), truth)
            base = f1(visible_text(source), truth)
            rows.append((page.name, ours, base))
            if args.verbose:
                print(f"  {page.name:40} ringkas P {ours[0]:.3f} R {ours[1]:.3f} F1 {ours[2]:.3f}"
                      f"   visible F1 {base[2]:.3f}")
        n = len(rows)
        mean = lambda k, i: sum(r[k][i] for r in rows) / n
        print(f"{folder}: {n} pages")
        print(f"  ringkas sentences --input html  P {mean(1, 0):.3f}  R {mean(1, 1):.3f}  "
              f"F1 {mean(1, 2):.3f}")
        print(f"  all visible text                P {mean(2, 0):.3f}  R {mean(2, 1):.3f}  "
              f"F1 {mean(2, 2):.3f}")


if __name__ == "__main__":
    main()
