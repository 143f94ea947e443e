"""Text from files made safe to print: control and bidi characters shown as visible placeholders.

Used for display only (the terminal, the CLI, the TUI); the data itself is never cleaned.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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
