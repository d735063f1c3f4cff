"""The measures behind the README's quality table, standard library only.

Each function scores one article (or one list of words); eval/run.py runs ringkas and averages.
The definitions are the ones the project is judged by (the team's evaluation tools); eval/run.py
reproduces their figures on the data in eval/data/ to the last printed digit.

- ROUGE-1/2/L/Lsum F1 x100: lowercase, tokens are runs of letters and digits, no stemming;
  Lsum is the summary-level union LCS over sentences (as ROUGE-1.5.5 and rouge_score).
- Sentence boundaries: the character offsets (whitespace ignored) where sentences end.
- Keywords: a keyword's content tokens (lowercase letter/digit runs, not a stop word of
  stopwords-metric-id.txt, at least 3 long, not all digits, stemmed by PySastrawi) must all be
  in the headline's or the human summary's; see `KeywordMetric`.
- Web noise: how much inserted boilerplate reaches the summary and the keywords.
"""

import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[^\W_]+")
ASCII_WORD = re.compile(r"[a-z0-9]+")


# ------------------------------------------------------------------ ROUGE


def words(text):
    return WORD.findall(text.lower())


def _f1(hits, n_pred, n_ref):
    if not hits or not n_pred or not n_ref:
        return 0.0
    p, r = hits / n_pred, hits / n_ref
    return 2 * p * r / (p + r)


def _rouge_n(pred, ref, n):
    a = Counter(tuple(pred[i : i + n]) for i in range(len(pred) - n + 1))
    b = Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
    hits = sum(min(c, b[g]) for g, c in a.items())
    return _f1(hits, sum(a.values()), sum(b.values()))


def _lcs_lengths(a, b):
    table = [[0] * (len(b) + 1)]
    for x in a:
        prev, row = table[-1], [0]
        for j, y in enumerate(b, 1):
            row.append(prev[j - 1] + 1 if x == y else max(prev[j], row[j - 1]))
        table.append(row)
    return table


def _lcs_positions(ref, pred):
    """Positions in `ref` of one longest common subsequence with `pred` (the usual traceback:
    on a tie, drop a reference token first)."""
    table = _lcs_lengths(ref, pred)
    i, j, hits = len(ref), len(pred), set()
    while i and j:
        if ref[i - 1] == pred[j - 1]:
            hits.add(i - 1)
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return hits


def _rouge_lsum(pred_sents, ref_sents):
    pred = [words(s) for s in pred_sents]
    ref = [words(s) for s in ref_sents]
    n_pred, n_ref = sum(map(len, pred)), sum(map(len, ref))
    if not n_pred or not n_ref:
        return 0.0
    left_ref = Counter(w for s in ref for w in s)
    left_pred = Counter(w for s in pred for w in s)
    hits = 0
    for r in ref:
        union = set()
        for p in pred:
            union |= _lcs_positions(r, p)
        for i in sorted(union):
            w = r[i]
            if left_ref[w] and left_pred[w]:
                hits += 1
                left_ref[w] -= 1
                left_pred[w] -= 1
    return _f1(hits, n_pred, n_ref)


def rouge(pred_sents, ref_sents):
    """ROUGE F1 x100 of a summary (a list of sentences) against a reference (likewise)."""
    p, r = words(" ".join(pred_sents)), words(" ".join(ref_sents))
    return {
        "R1": 100 * _rouge_n(p, r, 1),
        "R2": 100 * _rouge_n(p, r, 2),
        "RL": 100 * _f1(_lcs_lengths(p, r)[-1][-1], len(p), len(r)),
        "RLsum": 100 * _rouge_lsum(pred_sents, ref_sents),
    }


# ------------------------------------------------------------------ sentence boundaries


def sentence_ends(text, sentences):
    """Offsets in `text` without its whitespace where each sentence ends; sentences not found
    (in order) are skipped, and the end of the text is not a decision."""
    flat = "".join(text.split())
    ends, at = set(), 0
    for s in sentences:
        s = "".join(s.split())
        if not s:
            continue
        k = flat.find(s, at)
        if k >= 0:
            at = k + len(s)
            ends.add(at)
    ends.discard(len(flat))
    return ends


# ------------------------------------------------------------------ keywords


class KeywordMetric:
    """Keyword quality against an article's headline (its id slug) and human summary.

    P@k: share of the top k (k is the denominator) whose content tokens are all in the gold set
    (headline + summary), at least one token; HR@k: share of the headline's content tokens covered
    by the top k; NR@10: share of the summary's name words (capitalised runs: two or more words,
    or one not opening a sentence) among the top 10's words; verb@10: share of the top 10 that are
    one affixed word with a verbal prefix PySastrawi reduces; dup@10: share of the top 10 whose
    token set contains or is contained in a higher-ranked keyword's.
    """

    SLUG_CAP = 50  # IndoSum cuts id slugs at 50 characters
    NAME = re.compile(r"(?:^|(?<=[\s(\"']))([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)")
    VERB = re.compile(r"(?:me|be|di|te|pe)[a-z]{4,}")

    def __init__(self, stopwords_path=Path(__file__).with_name("stopwords-metric-id.txt")):
        text = Path(stopwords_path).read_text(encoding="utf-8")
        self.stop = frozenset(w.lower() for w in text.split())
        self.cache = {}
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # PySastrawi

        self.sastrawi = StemmerFactory().create_stemmer()

    def stem(self, w):
        s = self.cache.get(w)
        if s is None:
            # PySastrawi drops non-ASCII letters: such words are kept as they are
            s = self.sastrawi.stem(w) if ASCII_WORD.fullmatch(w) else w
            if not s or not ASCII_WORD.fullmatch(s):
                s = w
            self.cache[w] = s
        return s

    def content(self, w):
        return len(w) >= 3 and not w.isdigit() and w not in self.stop

    def tokens(self, text):
        return [self.stem(w) for w in words(text) if self.content(w)]

    def headline(self, rec):
        slug = rec["id"].split("-", 1)[1] if "-" in rec["id"] else ""
        toks = words(slug)
        if toks and len(slug) >= self.SLUG_CAP and not slug.endswith("-"):
            body = set(words(rec.get("text", "") + " " + rec.get("summary", "")))
            if toks[-1] not in body:
                toks.pop()  # a word cut off by the cap
        return {self.stem(w) for w in toks if self.content(w)}

    def names(self, summary):
        out = set()
        for sent in re.split(r"(?<=[.!?])\s+", summary):
            for m in self.NAME.finditer(sent):
                run = m.group(1).split()
                if len(run) == 1 and m.start(1) == 0:
                    continue
                out.update(w for x in run for w in words(x) if self.content(w))
        return out

    def is_verb(self, keyword):
        k = keyword.strip().lower()
        return " " not in k and bool(self.VERB.fullmatch(k)) and self.stem(k) != k

    def score(self, rec, keywords):
        """Per-article figures; a key is absent where it is undefined (no headline tokens,
        no names, no keywords)."""
        summary = rec["summary"] if isinstance(rec["summary"], str) else " ".join(rec["summary"])
        head = self.headline(rec)
        gold = head | set(self.tokens(summary))
        sets = [frozenset(self.tokens(k)) for k in keywords]
        top = sets[:10]
        out = {"P@10": sum(1 for s in top if s and s <= gold) / 10}
        if head:
            out["HR@10"] = len(head & set().union(*top)) / len(head)
        names = self.names(summary)
        if names:
            found = {w for k in keywords[:10] for w in words(k)}
            out["NR@10"] = len(names & found) / len(names)
        if top:
            out["verb@10"] = sum(map(self.is_verb, keywords[:10])) / len(top)
            dups = sum(
                1 for i, s in enumerate(top) if s and any(t and (s <= t or t <= s) for t in top[:i])
            )
            out["dup@10"] = dups / len(top)
        return out


KEYWORD_KEYS = ("P@10", "HR@10", "NR@10", "verb@10", "dup@10")


def mean_where_defined(rows, keys):
    out = {}
    for k in keys:
        vals = [r[k] for r in rows if k in r]
        out[k] = sum(vals) / len(vals) if vals else 0.0
    return out


# ------------------------------------------------------------------ web noise


def _squeeze(s):
    return re.sub(r"\s+", "", s)


def _ascii_words(s):
    return ASCII_WORD.findall(s.lower())


def web_noise(rec, summary, keywords):
    """Counts for one noisy article: summary sentences holding an inserted noise string
    (whitespace-insensitive, at least 4 characters), top-10 keywords with no word of the clean
    article or headline, and keywords holding a fragment of a split di- word."""
    noise = [n for n in map(_squeeze, rec["noise"]) if len(n) >= 4]
    leaks = sum(any(n in _squeeze(s) for n in noise) for s in summary)
    clean = set(_ascii_words(rec["clean_text"])) | set(_ascii_words(rec["headline"]))
    frags = {w.split()[1] for w in rec["split_di"]} - clean
    kws = keywords[:10]
    return {
        "leaks": leaks,
        "sentences": len(summary),
        "kw_noise": sum(not (set(_ascii_words(k)) & clean) for k in kws),
        "kw_frag": sum(bool(set(_ascii_words(k)) & frags) for k in kws),
        "keywords": len(kws),
    }
