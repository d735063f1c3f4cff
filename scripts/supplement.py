#!/usr/bin/env python3
"""Derive data/lexicon-supplement-id.txt: common roots of Indonesian news that hunspell-id lacks.

A word is proposed when, in the lowercase words of the corpus (names are capitalised, so they
do not count), it
  - occurs on its own at least MIN_COUNT times,
  - is not in data/lexicon-id.txt and the stemmer cannot explain it with that lexicon, and
  - shows Indonesian morphology: with it added, the stemmer reduces some other corpus word
    with a prefix or a derivational suffix to it (`berfitur` for fitur, `dirinci` for rinci).
The proposals are then reviewed by hand; REJECTED lists the ones dropped, with the reason.

    cargo build --release
    python3 scripts/supplement.py --corpus eval/data/indosum-train.jsonl \\
        > data/lexicon-supplement-id.txt

Standard library only.
"""
import argparse
import json
import re
import subprocess
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_COUNT = 5
WORD_RE = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
CLITICS = re.compile(r"^(?:lah|kah|tah|pun|ku|mu|nya)*$")
# Reviewed by hand: why each of these proposals is not a root to add.
REJECTED = {
    # English words whose "derivations" are other English words or accidents.
    "back": "english", "bass": "english", "fishing": "english", "special": "english",
    "member": "english (memberinya is member-i-nya, from beri)",
    # Colloquial forms of words the lexicon has.
    "udah": "colloquial sudah", "gitu": "colloquial begitu", "nonton": "colloquial tonton",
    "ngurus": "colloquial urus",
    # Derived or compound words, not roots.
    "kerjasama": "compound kerja sama", "memberitahu": "derived from beri tahu",
    "merinci": "derived from rinci", "kewarganegaraan": "derived from warga negara",
    "silahkan": "derived from silah",
    # Fragments and accidental matches.
    "masing": "only in masing-masing", "ruko": "diruko is di ruko", "waran": "accidental match",
}


def stems(binary, lexicon, words):
    out = subprocess.run([binary, "stem", "--lexicon", str(lexicon)], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True).stdout.split("\n")
    return dict(zip(words, out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="IndoSum-style JSONL with a `text` field")
    ap.add_argument("--binary", default=ROOT / "target" / "release" / "ringkas", type=Path)
    a = ap.parse_args()
    lexicon_path = ROOT / "data" / "lexicon-id.txt"
    lexicon = {line.split()[0] for line in lexicon_path.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")}
    counts = Counter()
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            counts.update(WORD_RE.findall(json.loads(line)["text"]))
    words = sorted(counts)
    base = stems(a.binary, lexicon_path, words)
    proposed = [w for w in words if counts[w] >= MIN_COUNT and len(w) >= 4 and w not in lexicon
                and base[w] not in lexicon and base[w] == w]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as tmp:
        tmp.write(lexicon_path.read_text(encoding="utf-8") + "\n".join(proposed) + "\n")
        tmp.flush()
        added = stems(a.binary, tmp.name, words)
    proposed_set = set(proposed)
    derived = defaultdict(list)
    for w in words:
        root = added[w]
        if root in proposed_set and w != root and not (w.startswith(root) and CLITICS.match(w[len(root):])):
            derived[root].append(w)
    print("# Indonesian roots that hunspell-id lacks, for the ringkas stemmer (added to data/lexicon-id.txt).")
    print("# Made by scripts/supplement.py: lowercase words of IndoSum's training articles that occur at")
    print(f"#   least {MIN_COUNT} times, that the hunspell lexicon cannot explain, and that other words of the")
    print("#   corpus show with a prefix or derivational suffix; reviewed by hand (see REJECTED there).")
    print("# Licence: MIT OR Apache-2.0 (written by the ringkas team; no corpus text beyond single words).")
    for root in proposed:
        if derived[root] and root not in REJECTED:
            print(root)


if __name__ == "__main__":
    main()
