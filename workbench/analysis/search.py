"""Search as every list does it: each word typed, in any order and any case, somewhere in the
item's words (a question's text and id, a practice's keywords, an evidence sentence and its link)."""

from __future__ import annotations


def has_every_word(query: str, *texts: str) -> bool:
    """Whether every word of `query` occurs, case ignored, in one of `texts` (an empty query
    matches everything)."""
    haystack = " ".join(texts).lower()
    return all(word in haystack for word in query.lower().split())
