"""Keywords as evidence: words matched by their stem, weighted by how rare they are across the banks.

Text and keywords are cut into words ("real-time", "ci/cd" and "can't" stay one word each) and
each word loses its plain endings ("retrained" and "retraining" both become "retrain",
"versions" and "versioning" "vers"), with British and American spellings made one, so a keyword
phrase matches however the client inflected it, and "time" never matches "real-time".

A keyword that appears in many bank items says little about which practice fits a gap; one
that appears in few says a lot. The weight is an inverse document frequency over every question
and practice text, scaled to 0–1: weight = ln((N + 1) / (df + 1)) / ln(N + 1), where N is the
number of texts and df the number that contain the keyword.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from workbench.model.catalogue import Catalogue

WORD = re.compile(r"[a-z0-9%]+(?:[-/.'][a-z0-9%]+)*")
INFLECTIONS = ("ing", "ed", "es", "s")
DERIVATIONS = ("ion", "ment")
SPELLINGS = {
    "cannot": "can't",
    "catalog": "catalogue",
    "utilization": "utilisation",
    "optimization": "optimisation",
}


def _strip(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and word.endswith(("ss", "us", "is", "as")):
                continue
            return word[: -len(ending)]
    return word


@functools.cache
def stem(word: str) -> str:
    """A word without its plain endings: "deployments" → "deploy", "hallucinates" → "hallucinat"."""
    word = SPELLINGS.get(word, word)
    word = _strip(_strip(word, INFLECTIONS), DERIVATIONS)
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def stemmed(text: str) -> str:
    """The text as its word stems, space-separated, with a space at each end (for phrase search)."""
    return " " + " ".join(stem(w) for w in WORD.findall(text.lower().replace("’", "'"))) + " "


def found(keywords: Iterable[str], text: str) -> list[str]:
    """The keywords whose words occur, in order, in the stemmed text; a keyword that is part of
    another one found ("drift detection" in "no drift detection") is left out."""
    hits = {k: stemmed(k) for k in keywords if stemmed(k).strip() and stemmed(k) in text}
    return [k for k, phrase in hits.items() if not any(o != k and phrase in p for o, p in hits.items())]


def bank_texts(catalogue: Catalogue) -> list[str]:
    """Every question and practice text of the catalogue, stemmed: the idf corpus."""
    texts = [stemmed(q.text) for q in catalogue.questions.values()]
    texts += [stemmed(f"{p.title} {p.summary}") for p in catalogue.practices.values()]
    return texts


class KeywordWeights:
    """Weights (0–1) of every practice keyword in one catalogue, computed once."""

    def __init__(self, catalogue: Catalogue) -> None:
        texts = bank_texts(catalogue)
        size = len(texts)
        scale = math.log(size + 1) or 1.0
        self.document_frequency: dict[str, int] = {}
        self.weights: dict[str, float] = {}
        for practice in catalogue.practices.values():
            for keyword in practice.keywords:
                if keyword in self.weights:
                    continue
                phrase = stemmed(keyword)
                df = sum(1 for text in texts if phrase in text)
                self.document_frequency[keyword] = df
                self.weights[keyword] = round(math.log((size + 1) / (df + 1)) / scale, 3)

    def weight(self, keyword: str) -> float:
        """How much a keyword counts (1.0 for one found nowhere else in the banks)."""
        return self.weights.get(keyword, 1.0)


_WEIGHTS: dict[int, tuple[Catalogue, KeywordWeights]] = {}


def keyword_weights(catalogue: Catalogue) -> KeywordWeights:
    """The catalogue's keyword weights, computed on first use and kept while it lives."""
    cached = _WEIGHTS.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        cached = (catalogue, KeywordWeights(catalogue))
        if len(_WEIGHTS) > 8:
            _WEIGHTS.clear()
        _WEIGHTS[id(catalogue)] = cached
    return cached[1]
