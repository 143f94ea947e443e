"""Text from files made safe to print: control and bidi characters shown as visible placeholders.

Used for display only (the terminal, the CLI, the TUI); the data itself is never cleaned.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from difflib import SequenceMatcher
from typing import Any, TextIO, cast

_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Characters that act on a terminal or reorder text: C0 and C1 controls, DEL, bidi marks,
overrides and isolates, and the Unicode line and paragraph separators."""
_LINE_BREAKS = re.compile(r"[\t\n]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: the Unicode control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def clean(value: object, multiline: bool = True) -> str:
    """The string with control characters (ESC, NUL, DEL, C1, bidi overrides) made visible."""
    text = str(value)
    if not multiline:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub(_visible, text)


def for_editing(value: str, multiline: bool = True) -> str:
    """The text as an editor shows it: every character that `clean` would hide is replaced by
    exactly one visible placeholder (in one line, tabs and newlines too), so `restore` can put
    back what the person did not touch."""
    text = _CONTROL.sub(_visible, value)
    return text if multiline else _LINE_BREAKS.sub(_visible, text)


def restore(original: str, edited: str, multiline: bool = True) -> str:
    """The real text after an edit of `for_editing(original)`: the characters the person left
    alone are the original ones (an ESC stays an ESC, a bidi mark stays a bidi mark); what they
    typed is kept as typed."""
    shown = for_editing(original, multiline)
    if edited == shown:
        return original
    if shown == original:
        return edited
    start = 0  # common prefix and suffix first: a keystroke touches one place of a long note
    limit = min(len(shown), len(edited))
    while start < limit and shown[start] == edited[start]:
        start += 1
    end = 0
    while end < limit - start and shown[-1 - end] == edited[-1 - end]:
        end += 1
    parts = [original[:start]]
    middle = SequenceMatcher(None, shown[start : len(shown) - end], edited[start : len(edited) - end], False)
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        if tag == "equal":
            parts.append(original[start + i1 : start + i2])
        else:
            parts.append(edited[start + j1 : start + j2])
    parts.append(original[len(original) - end :])
    return "".join(parts)


def one_line(value: object, width: int = 0) -> str:
    """A cleaned single-line string, shortened with an ellipsis to `width` when given."""
    text = clean(value, multiline=False)
    if width and len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text


def plural(count: int, singular: str, plural_form: str = "") -> str:
    """`1 session`, `2 sessions`, `3,010 answers`: the count with thousands separators and the right noun."""
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {noun}"


CLOSING_MARKS = "\"'\u201d\u2019)]"
"""Closing quotes and brackets a sentence may end inside: `…vendor.”` already ends."""


def full_stop(text: str) -> str:
    """The text ending in a full stop, unless it already ends a sentence, also inside closing
    quotes or brackets (`said “we ship weekly.”` gets none; `said “weekly”` gets one)."""
    text = text.rstrip()
    if text.rstrip(CLOSING_MARKS).endswith((".", "!", "?", "\u2026")):
        return text
    return text + "."


def times(count: int) -> str:
    """`once`, `twice`, `3 times`, `1,200 times`: how often something happened, in words."""
    return {1: "once", 2: "twice"}.get(count, f"{count:,} times")


class PrintableStream:
    """A text stream that shows control and escape characters as placeholders before they
    reach the terminal (or a pipe): the CLI prints titles, notes and paths from files."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(clean(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def printable_output() -> Iterator[None]:
    """Inside the block, everything printed to stdout and stderr is made printable."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, PrintableStream(sys.stdout))
    sys.stderr = cast(TextIO, PrintableStream(sys.stderr))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
