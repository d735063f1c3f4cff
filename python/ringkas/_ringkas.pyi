"""Type stub of the native module (``ringkas._ringkas``); ``ringkas`` re-exports all of it."""

import os
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypedDict, overload

from typing_extensions import NotRequired

__version__: str

Lang = Literal["id", "en"]
StrPath = str | os.PathLike[str]

class Keyword(TypedDict):
    term: str
    """How it reads in the text (its most frequent spelling)."""
    score: float
    """Relative score; the best keyword scores 1."""
    count: int
    """Occurrences in the document."""
    aliases: NotRequired[list[str]]
    """Other names of the entity in the text (an acronym's expansion, or the acronym)."""

class Features(TypedDict):
    """What the learned sentence ranker saw (src/ranker/features.rs defines each)."""
    position: float
    body_position: float
    relative_position: float
    paragraph: float
    centrality: float
    centrality_ratio: float
    salience_ratio: float
    words: float
    quote: float
    question: float
    numbers: float
    names: float

class SummarySentence(TypedDict):
    index: int
    """0-based position of the sentence in the document (headings count)."""
    text: str
    score: float
    features: NotRequired[Features]
    """With ``explain=True``."""

class Stats(TypedDict):
    sentences: int
    headings: int
    words: int

class Report(TypedDict):
    """One document's result: the CLI's ``--format json`` object."""

    id: NotRequired[Any]
    """The ``ids`` entry given to :func:`analyze_many`, if any."""
    source: str
    language: str
    keywords: list[Keyword]
    summary: list[SummarySentence]
    stats: Stats

class ErrorRecord(TypedDict):
    """A text the CLI would reject, in :func:`analyze_many` with ``errors="record"``."""

    id: NotRequired[Any]
    source: str
    error: str

def analyze(
    text: str,
    *,
    keywords: int = 10,
    sentences: int = 3,
    ratio: float | None = None,
    lang: Lang = "id",
    idf: "IdfModel | StrPath | None" = None,
    explain: bool = False,
    threads: int = 0,
    source: str = "-",
) -> Report:
    """Keywords, key phrases and an extractive summary of one text.

    Returns exactly what ``ringkas --format json`` writes for the same text and settings
    (the text is read as the CLI reads stdin; ``source`` is the name it reports).

    Args:
        text: The document.
        keywords: How many keywords to list (``-k``).
        sentences: How many summary sentences (``-n``); ignored when ``ratio`` is given.
        ratio: Summary length as a share of the sentences, 0 < ratio <= 1 (``--ratio``).
        lang: ``"id"`` (Indonesian) or ``"en"`` (``--lang``).
        idf: Score against this corpus model, or the path of a model file (``--idf``),
            instead of the document's own sentences.
        explain: Add each summary sentence's features (``--explain``).
        threads: Worker threads for a long document, 0 for one per core (``-j``).
        source: The ``source`` written in the report.

    Raises:
        ValueError: A bad setting, a text the CLI rejects (NUL characters), or an unusable
            model (message as the CLI's: ``path: problem``).
        OSError: The ``idf`` file cannot be read (``filename`` is its path).
    """

def analyze_many(
    texts: Iterable[str],
    *,
    keywords: int = 10,
    sentences: int = 3,
    ratio: float | None = None,
    lang: Lang = "id",
    idf: "IdfModel | StrPath | None" = None,
    explain: bool = False,
    threads: int = 0,
    ids: Iterable[Any] | None = None,
    sources: Iterable[str] | None = None,
    errors: Literal["record", "raise"] = "record",
) -> list[Report | ErrorRecord]:
    """Many texts as the CLI's batch: each scored against the batch's own document frequencies.

    Returns what ``ringkas --format json`` writes for the texts as files (with ``sources``
    their paths) or as JSON Lines records (with ``ids``): one record per text, in input order,
    the same for any ``threads``. The GIL is released while the texts are analysed.

    Args:
        texts: The documents.
        ids: Optional JSON-like values, one per text, written as each report's ``id``.
        sources: Optional names, one per text, written as ``source`` (default ``"-"``).
        errors: ``"record"``: a text the CLI rejects gives an ``ErrorRecord``, as in the
            CLI's output; ``"raise"``: it raises ``ValueError``.
        keywords, sentences, ratio, lang, idf, explain, threads: As for :func:`analyze`;
            with ``idf`` the texts are scored against the model, not the batch.

    Raises:
        ValueError: A bad setting, ``ids``/``sources`` of another length than ``texts``, an
            unusable model, or (with ``errors="raise"``) a rejected text.
        TypeError: An item of ``texts`` that is not a ``str``.
        OSError: The ``idf`` file cannot be read.
    """

def sentences(text: str, *, all: bool = False) -> list[str]:
    """The sentences of ``text``, each on one line, as ``ringkas sentences`` prints them.

    The title, headings and body the analysis reads; with ``all=True`` also the lines it
    reads as boilerplate (captions, credits, read-also lines, ads, footers), as
    ``ringkas sentences --all``.
    """

def tokens(text: str) -> list[str]:
    """The tokens the analysis counts (words, numbers, URLs, e-mails, hashtags, mentions).

    In text order, as they read in the normalised text (NFC); as many as a report's
    ``stats["words"]``. A passive written apart that the analysis rejoins (``"di bahas"``)
    is one token, as written.
    """

@overload
def stem(word_or_words: str, *, lang: Lang = "id") -> str: ...
@overload
def stem(word_or_words: Iterable[str], *, lang: Lang = "id") -> list[str]: ...
def stem(word_or_words: str | Iterable[str], *, lang: Lang = "id") -> str | list[str]:
    """The stem of a word, or the stems of words, as ``ringkas stem`` prints them.

    Each word is trimmed and lowercased first; an empty word gives ``""``.
    """

def stopwords(lang: Lang = "id") -> list[str]:
    """The embedded stopword list of ``lang``, sorted."""

class IdfModel:
    """Document frequencies of a collection: what ``ringkas idf build`` saves.

    Pass one as ``idf=`` to score texts against a corpus rather than themselves.
    """

    @staticmethod
    def build(texts: Iterable[str], *, lang: Lang = "id", threads: int = 0) -> IdfModel:
        """Counts the document frequencies of ``texts``, as ``ringkas idf build`` does."""

    @staticmethod
    def load(path: StrPath) -> IdfModel:
        """Reads a model file.

        Raises:
            OSError: The file cannot be read.
            ValueError: It is not a model of this version (message as the CLI's).
        """

    def save(self, path: StrPath) -> None:
        """Writes the model to ``path`` (byte for byte what the CLI writes), whole or not at all."""

    def merge(self, other: IdfModel) -> IdfModel:
        """A new model with the counts of both (``ringkas idf merge``); same language only.

        Raises:
            ValueError: The models are of different languages.
        """

    @property
    def language(self) -> Lang:
        """The language of the texts counted."""

    @property
    def documents(self) -> int:
        """How many documents were counted."""

    def document_frequency(self, key: str) -> int:
        """In how many documents ``key`` (a lowercase stem, as the analysis counts) occurs."""

    def __len__(self) -> int:
        """The number of distinct keys."""

    def __eq__(self, other: object) -> bool: ...
