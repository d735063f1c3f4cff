"""ringkas: keywords, key phrases and extractive summaries of Indonesian text, fast.

The analysis is the ``ringkas`` command's, compiled in: :func:`analyze` returns for a text
exactly what ``ringkas --format json`` writes for it, and :func:`analyze_many` what the
command's batch writes for many texts (each scored against the batch's document
frequencies, in parallel, with the GIL released).

>>> import ringkas
>>> report = ringkas.analyze("Harga beras naik. Warga mengeluhkan harga beras.")
>>> [k["term"] for k in report["keywords"]][:2]  # doctest: +SKIP
['harga beras', ...]
"""

from ringkas._ringkas import (
    IdfModel,
    __version__,
    analyze,
    analyze_many,
    sentences,
    stem,
    stopwords,
    tokens,
)

__all__ = [
    "IdfModel",
    "__version__",
    "analyze",
    "analyze_many",
    "sentences",
    "stem",
    "stopwords",
    "tokens",
]
