"""Showing text from files literally: never as markup, never as terminal control codes."""

from __future__ import annotations

import re

from rich.text import Text

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


def literal(value: object, style: str = "", multiline: bool = True) -> Text:
    """A rich Text of file data: shown exactly, with no markup parsed."""
    return Text(clean(value, multiline), style=style)


def one_line(value: object, width: int = 0) -> str:
    """A cleaned single-line string, shortened with an ellipsis to `width` when given."""
    text = clean(value, multiline=False)
    if width and len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text
