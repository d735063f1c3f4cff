"""A pandas DataFrame of articles -> keywords and summary columns, notebook style.

    pip install ./python pandas
    python python/examples/dataframe.py [ARTICLES.jsonl]

Without an argument it uses the repository's samples/. Each ``# %%`` cell runs on its own in
Jupyter or VS Code.
"""

# %% Load articles into a DataFrame: one row per article, the text in a column.
import json
import sys
from pathlib import Path

import pandas as pd

import ringkas

if len(sys.argv) > 1:
    with open(sys.argv[1], encoding="utf-8") as f:
        df = pd.DataFrame([json.loads(line) for line in f if line.strip()])
else:
    samples = sorted((Path(__file__).resolve().parents[2] / "samples").iterdir())
    df = pd.DataFrame(
        {"id": [p.stem for p in samples], "text": [p.read_text(encoding="utf-8") for p in samples]}
    )
print(f"{len(df)} articles")

# %% Analyse the whole column at once: one batch, scored against the corpus's own document
# frequencies, in parallel with the GIL released. Reports come back in row order.
reports = ringkas.analyze_many(df["text"], keywords=8, sentences=2)

# %% Unpack the reports into columns.
df["keywords"] = [[k["term"] for k in r["keywords"]] for r in reports]
df["summary"] = [" ".join(s["text"] for s in r["summary"]) for r in reports]
df["sentences"] = [r["stats"]["sentences"] for r in reports]
print(df[["keywords", "summary"]].head())

# %% The most common keywords of the collection.
print(df["keywords"].explode().value_counts().head(10))

# %% One article on its own (own-sentence IDF), or against a saved corpus model.
model = ringkas.IdfModel.build(df["text"])
alone = ringkas.analyze(df["text"].iloc[0])
against_corpus = ringkas.analyze(df["text"].iloc[0], idf=model)
print([k["term"] for k in alone["keywords"]][:5], [k["term"] for k in against_corpus["keywords"]][:5])

# %% Stems as a column, e.g. to feed another model.
df["stems"] = [" ".join(ringkas.stem(ringkas.tokens(t))) for t in df["text"]]
print(df["stems"].str.slice(0, 80).head())
