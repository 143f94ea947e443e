"""Text from files made safe to print: control and bidi characters shown as visible placeholders.

Used for display only (the terminal, the CLI, the TUI); the data itself is never cleaned.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import SequenceMatcher
from typing import Any, TextIO, cast

_PRINTED_AS_IT_IS = r"\u00a0"
"""The no-break space: it looks like a space, so the panes name it (a name that will not match
shows why), but it is ordinary text, and the CLI prints it as it is."""
_HIDDEN_IN_PRINT = (
    r"\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e"
    r"\u2060\u2066-\u2069\ufeff"
)
_HIDDEN = _PRINTED_AS_IT_IS + _HIDDEN_IN_PRINT
_CONTROL = re.compile(f"[{_HIDDEN}]")
"""Characters that act on a terminal, reorder text or cannot be seen: C0 and C1 controls, DEL,
bidi marks, overrides and isolates, the Unicode line and paragraph separators, the zero width
space, non-joiner and joiner, the word joiner, the byte order mark (zero width no-break space),
the no-break space and the soft hyphen."""
_CONTROL_IN_PRINT = re.compile(f"[{_HIDDEN_IN_PRINT}]")
"""The same but the no-break space: what the CLI shows as placeholders."""
_PRINTING: ContextVar[bool] = ContextVar("printing", default=False)
"""Whether text is being cleaned for the CLI's output (inside `printable_output`)."""
_LOOKALIKES = "\u00b6\u2400-\u2421\u2424\u27e8\u27e9"
"""Characters a placeholder is made of (¶, the control pictures ␀ … ␡, ␤, and the ⟨ and ⟩ of
⟨RLM⟩): an editor shows them by their code (⟨U+00B6⟩), so no letters in a file read like a
placeholder, and `restore` can tell what was typed over from what was left alone."""
_IN_EDITOR = re.compile(f"[{_HIDDEN}{_LOOKALIKES}]")
"""What a multi-line editor shows as placeholders."""
_IN_ONE_LINE_EDITOR = re.compile(f"[{_HIDDEN}{_LOOKALIKES}\t\n]")
"""The same, and tabs and newlines: what a one-line editor shows as placeholders."""

NAMED = {
    0x00A0: "NBSP",
    0x00AD: "SHY",
    0x200B: "ZWSP",
    0x200C: "ZWNJ",
    0x200D: "ZWJ",
    0x2060: "WJ",
    0xFEFF: "BOM",
    0x061C: "ALM",
    0x200E: "LRM",
    0x200F: "RLM",
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
}
"""The bidi marks, embeddings, overrides and isolates, and the characters that look like a space
or like nothing, by their Unicode short names, shown as ⟨RLM⟩, ⟨NBSP⟩, ⟨ZWSP⟩."""
SEPARATORS = {0x2028: "\u2424", 0x2029: "\u00b6"}
"""U+2028 LINE SEPARATOR shown as ␤, U+2029 PARAGRAPH SEPARATOR as ¶."""
_WHOLE = r"⟨(?:" + "|".join(NAMED.values()) + r"|U\+[0-9A-F]{4})⟩"
_PLACEHOLDER = re.compile(_WHOLE + "|.", re.DOTALL)
"""One unit of an editor's text: a whole ⟨NAME⟩ placeholder, or one character."""
_WHOLE_PLACEHOLDER = re.compile(_WHOLE)


def placeholder(char: str) -> str:
    """How a hidden character is shown: a control picture (␀ … ␟, ␡, and ␉ ␊ in one line),
    ⟨RLM⟩ and the like for bidi controls, ␤ and ¶ for the line and paragraph separators, and
    ⟨U+009B⟩ for a C1 control. Each kind looks different, and none is U+FFFD, which a file may
    hold itself."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: the Unicode control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    if code in NAMED:
        return f"⟨{NAMED[code]}⟩"
    if code in SEPARATORS:
        return SEPARATORS[code]
    return f"⟨U+{code:04X}⟩"


def _visible(match: re.Match[str]) -> str:
    return placeholder(match.group())


def clean(value: object, multiline: bool = True) -> str:
    """The string with control characters (ESC, NUL, DEL, C1, bidi overrides) made visible; in
    the CLI's output (inside `printable_output`), the no-break space is left as it is."""
    text = str(value)
    if not multiline:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return (_CONTROL_IN_PRINT if _PRINTING.get() else _CONTROL).sub(_visible, text)


def for_editing(value: str, multiline: bool = True) -> str:
    """The text as an editor shows it: every character that `clean` would hide is replaced by
    its placeholder (in one line, tabs and newlines too), and so is every character a
    placeholder is made of (a literal ␛ shows as ⟨U+241B⟩), so that each placeholder stands for
    one character only and `restore` can put back exactly what the person did not touch."""
    return _in_editor(multiline).sub(_visible, value)


def _in_editor(multiline: bool) -> re.Pattern[str]:
    return _IN_EDITOR if multiline else _IN_ONE_LINE_EDITOR


def _units(original: str, multiline: bool) -> tuple[list[str], list[str]]:
    """The original cut into units as an editor shows them, and the real text of each unit: a
    placeholder is one unit, and so is each other character. The text typed is cut the same way
    (`_PLACEHOLDER`); as letters that read like a placeholder are shown by their code, two units
    that look the same stand for the same character."""
    shown: list[str] = []
    real: list[str] = []
    at = 0
    for match in _in_editor(multiline).finditer(original):
        plain = _PLACEHOLDER.findall(original, at, match.start())
        shown.extend(plain)
        real.extend(plain)
        shown.append(placeholder(match.group()))
        real.append(match.group())
        at = match.end()
    rest = _PLACEHOLDER.findall(original, at)
    shown.extend(rest)
    real.extend(rest)
    return shown, real


def restore(original: str, edited: str, multiline: bool = True) -> str:
    """The real text after an edit of `for_editing(original)`: the characters the person left
    alone are the original ones (an ESC stays an ESC, a bidi mark stays a bidi mark); what they
    typed is kept as typed, and so is what is left of a placeholder they cut into (⟨RL after
    deleting M⟩ is saved as the letters shown)."""
    if original == (shown_text := for_editing(original, multiline)):
        return edited
    if edited == shown_text:
        return original
    shown, real = _units(original, multiline)
    typed = _PLACEHOLDER.findall(edited)
    start = 0  # common prefix and suffix first: a keystroke touches one place of a long note
    limit = min(len(shown), len(typed))
    while start < limit and shown[start] == typed[start]:
        start += 1
    end = 0
    while end < limit - start and shown[-1 - end] == typed[-1 - end]:
        end += 1
    parts = real[:start]
    middle = SequenceMatcher(None, shown[start : len(shown) - end], typed[start : len(typed) - end], False)
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        if tag == "equal":
            parts.extend(real[start + i1 : start + i2])
        else:
            parts.extend(typed[start + j1 : start + j2])
    parts.extend(real[len(real) - end :])
    return "".join(parts)


def unit_around(line: str, column: int) -> tuple[int, int] | None:
    """The columns of the whole placeholder (`⟨RLM⟩`) of an editor's line that `column` is
    inside, if it is inside one: an editor keeps its cursor out of placeholders, so that each is
    one character to the person, as it is one in the file."""
    for match in _WHOLE_PLACEHOLDER.finditer(line):
        if match.start() < column < match.end():
            return match.span()
        if match.start() >= column:
            break
    return None


def out_of_placeholder(line: str, column: int, forward: bool) -> int:
    """`column`, or where a cursor stepping forward (or back) over the placeholder it would
    stop inside comes out: after it (or before it)."""
    if (span := unit_around(line, column)) is None:
        return column
    return span[1] if forward else span[0]


def unit_before(line: str, column: int) -> int:
    """Where the unit before `column` starts: a whole placeholder, else one character
    (Backspace deletes it)."""
    for match in _WHOLE_PLACEHOLDER.finditer(line, 0, column):
        if match.end() == column:
            return match.start()
    return max(0, column - 1)


def unit_after(line: str, column: int) -> int:
    """Where the unit after `column` ends: a whole placeholder, else one character (Delete
    deletes it)."""
    if match := _WHOLE_PLACEHOLDER.match(line, column):
        return match.end()
    return min(len(line), column + 1)


_HIDDEN_IN_A_NAME = re.compile(f"[{_HIDDEN}\t\n]")


def quoted(value: object) -> str:
    """A name or value from a file as a message quotes it: in single quotes, its hidden
    characters shown by name as the panes show them (`'bad␛[2J␇area'`, `'nope⟨RLM⟩'`), never as
    Python escapes (`'bad\\x1b[2J'`)."""
    return "'" + _HIDDEN_IN_A_NAME.sub(_visible, str(value)) + "'"


def one_line(value: object, width: int = 0) -> str:
    """A cleaned single-line string, shortened with an ellipsis to `width` when given."""
    text = clean(value, multiline=False)
    if width and len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text


def at_word(value: object, width: int) -> str:
    """`one_line(value, width)`, cut between words when it is cut at all: 'ML Engineering
    Team…', never 'ML Engineering Te…' (a single long word is cut where it must be)."""
    text = clean(value, multiline=False)
    if width <= 0 or len(text) <= width:
        return text
    cut = text[: max(0, width - 1)]
    if " " in cut.strip() and not text[len(cut)].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


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


def printable_lines(text: str) -> str:
    """`clean(text)` that keeps CRLF line ends (a CSV's rows), for text a command writes to
    standard output as bytes."""
    return "\r\n".join(clean(part) for part in text.split("\r\n"))


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
    """Inside the block, everything printed to stdout and stderr is made printable, and `clean`
    (and `one_line`) clean text for printing: the no-break space stays as it is."""
    saved = sys.stdout, sys.stderr
    printing = _PRINTING.set(True)
    sys.stdout = cast(TextIO, PrintableStream(sys.stdout))
    sys.stderr = cast(TextIO, PrintableStream(sys.stderr))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        _PRINTING.reset(printing)
