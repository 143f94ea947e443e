"""British and American spellings made one, for comparing texts: "prioritise" and "prioritize",
"analyse" and "analyze", "behaviour" and "behavior", "labelled" and "labeled", "catalogue" and
"catalog" all become one form. The banks are written in British English; their seed documents,
many keywords and many clients' notes in American English.

The one form is for matching only, never for display: it is not always a real word ("resize"
becomes "resise").
"""

from __future__ import annotations

import re

VARIANTS = (
    # -ize/-ise and -yze/-yse: the s form.
    (
        re.compile(r"\b([a-z]{3,})iz(e|es|ed|ing|er|ers|ation|ations|ational|ationally)\b", re.IGNORECASE),
        r"\1is\2",
    ),
    (re.compile(r"\b([a-z]{2,})yz(e|es|ed|ing|er|ers)\b", re.IGNORECASE), r"\1ys\2"),
    # -or/-our, in the words where both are used: the our form.
    (
        re.compile(
            r"\b(behavi|col|fav|hon|lab|neighb|flav|hum|rum|harb|vap|arm|endeav|savi)or"
            r"(s|al|ed|ing|ite|ites|able|ably)?\b",
            re.IGNORECASE,
        ),
        r"\1our\2",
    ),
    # A final l doubled before an ending ("labelled", "modelling"): the single l, as in "label".
    (re.compile(r"\b([a-z]{2,}[b-df-hj-np-tv-z]e)ll(ed|ing|er|ers)\b", re.IGNORECASE), r"\1l\2"),
    (re.compile(r"\bcatalog(s?)\b", re.IGNORECASE), r"catalogue\1"),
)


def one_spelling(text: str) -> str:
    """The text with each British/American pair of spellings in one form (for matching only)."""
    for pattern, replacement in VARIANTS:
        text = pattern.sub(replacement, text)
    return text
