"""Keywords as evidence: whole-word matching, weighted by how rare each word is across the banks.

A keyword that appears in many bank items ("data", "production") says little about which
practice fits a gap; one that appears in few ("leakage", "canary") says a lot. The weight is an
inverse document frequency over every question and practice text, scaled to 0–1:
weight = ln((N + 1) / (df + 1)) / ln(N + 1), where N is the number of texts and df the number
that contain the keyword.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from workbench.model.catalogue import Catalogue

SUFFIXES = r"(?:s|es|d|ed|ing|ment)?"
"""Endings a keyword may take and still match: "retrain" finds "retrained", "deploy" "deployment"."""


@functools.cache
def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A keyword as a whole word or phrase, with a plain ending; a hyphen joins words, so "time"
    misses "real-time"."""
    return re.compile(r"(?<![a-z0-9-])" + re.escape(keyword.lower()) + SUFFIXES + r"(?![a-z0-9-])")


def found(keywords: Iterable[str], text: str) -> list[str]:
    """The keywords that occur in the (lower-case) text, in their given order; of two that are
    forms of one word ("version", "versioning") only the longer counts."""
    hits = [k for k in keywords if keyword_pattern(k).search(text)]
    return [k for k in hits if not any(o != k and o.startswith(k) for o in hits)]


def bank_texts(catalogue: Catalogue) -> list[str]:
    """Every question and practice text of the catalogue, lower-cased: the idf corpus."""
    texts = [q.text.lower() for q in catalogue.questions.values()]
    texts += [f"{p.title} {p.summary}".lower() for p in catalogue.practices.values()]
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
                pattern = keyword_pattern(keyword)
                df = sum(1 for text in texts if pattern.search(text))
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
