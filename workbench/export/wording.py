"""Client language: counts with units and plurals, one date format, lists that stop at ten."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from workbench.model.records import Number

LIST_LIMIT = 10
"""Long lists show this many items, then "and N more"."""

IRREGULAR = {"person": "people", "activity": "activities", "pilot-week": "pilot-weeks"}


def plural(word: str, count: float) -> str:
    """The word for a count: `week` → `weeks` unless the count is one."""
    if count == 1:
        return word
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


def count(amount: float, word: str) -> str:
    """`3,010 answers`, `1 week`, `2.5 people-weeks`: thousands separators and the right plural."""
    return f"{figure(amount)} {plural(word, amount)}"


def figure(value: Number) -> str:
    """A number with thousands separators and no needless `.0`."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def quantity(value: Number | None, unit: str) -> str:
    """A number with its unit: `3 weeks`, `1 week`, `35%`, `$19,000` (empty when unknown)."""
    if value is None:
        return ""
    shown = figure(value)
    if not unit:
        return shown
    if unit in ("$", "£", "€"):
        return unit + shown
    if unit.startswith("%"):
        return shown + unit
    if unit.isalpha() and unit.endswith("s") and value == 1:
        return f"{shown} {unit[:-1]}"
    return f"{shown} {unit}"


def day(date: dt.date) -> str:
    """The one date format of the proposal: `7 Dec 2026`."""
    return f"{date.day} {date:%b %Y}"


def join_and(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def first_lower(text: str, names: Collection[str] = ()) -> str:
    """Lower-case the first letter of a title for use inside a sentence. Kept as written: an
    acronym (`MLflow`), a word the caller knows is a name (`names`: the client's, a person's) and
    a run of capitalised words, which reads as a name (`Brauhaus Nord cannot…`, `Harbour & Pine…`)."""
    words = text.split()
    if len(text) < 2 or not text[0].isupper() or text[1].isupper():
        return text
    if re.split(r"['\u2019]", words[0])[0].strip(".,;:!?") in names:
        return text
    if len(words) > 1 and (words[1] == "&" or (words[1][:1].isupper() and words[1][1:2].islower())):
        return text
    return text[0].lower() + text[1:]


def capitalised(text: str) -> str:
    """The first letter upper-cased for the start of a line (keeps `iPhone`, `pH` and the like)."""
    if text[:1].islower() and not text[1:2].isupper():
        return text[0].upper() + text[1:]
    return text


SENTENCE_ENDS = (".", "!", "?", "…")
"""Marks that already end a sentence."""
CLOSERS = "\"'”’»)]"
"""Closing quotes and brackets that may follow a sentence's own end: `…said "we ship monthly."`."""
OPENERS = "\"'“‘«(["
"""Opening quotes and brackets a sentence may start with."""


def sentence(text: str) -> str:
    """Capitalised (after any opening quote), ending in one full stop.

    A text that already ends in . ! ? or … keeps its own mark, also inside a closing quote or
    bracket (`…said "we ship monthly."`, never `monthly.".`). A quote that is only part of the
    sentence gets the full stop after it, British style (`…called it "the hub".`).
    """
    text = text.strip()
    if not text:
        return text
    lead = len(text) - len(text.lstrip(OPENERS))
    text = text[:lead] + capitalised(text[lead:])
    return text if text.rstrip(CLOSERS).endswith(SENTENCE_ENDS) else text + "."


def limited(items: list[str], noun: str, limit: int = LIST_LIMIT) -> list[str]:
    """The first `limit` items, then `and N more <nouns>` when there are more."""
    if len(items) <= limit:
        return items
    rest = len(items) - limit
    return [*items[:limit], f"and {rest:,} more {plural(noun, rest)}"]


def limited_lines(items: list[str], noun: str, limit: int = LIST_LIMIT) -> list[str]:
    """`limited`, for a list shown a line each (bullets, a matrix cell): `And N more <nouns>`."""
    return [capitalised(line) for line in limited(items, noun, limit)]
