"""Where each side of a conflicting text differs from the text before: the changed words marked,
and a short excerpt of each side around its changes, so a long note's difference is in sight
without scrolling (the whole values follow, to scroll to)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rich.text import Text

from workbench.printable import clean

MARK = "reverse"
"""How a changed word looks."""
LONG_OVER = 100
"""A text longer than this (or on more than one line) is shown as excerpts first."""
CONTEXT_WORDS = 3
"""Words kept either side of a change in an excerpt."""
MOST_EXCERPTS = 3
"""Changes shown in an excerpt; more are said with a trailing '…'."""
WINDOW_MOST = 90
"""Characters of one excerpt piece at most; a longer one shows its start and its end."""

Span = tuple[int, int]


def is_long(texts: tuple[str, ...]) -> bool:
    """Whether the values are long enough to be shown as excerpts first."""
    return any(len(text) > LONG_OVER or "\n" in text for text in texts)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\s+|\S+", text)


def _starts(tokens: list[str]) -> list[int]:
    starts, at = [], 0
    for token in tokens:
        starts.append(at)
        at += len(token)
    return [*starts, at]


def changes(before: str, after: str) -> tuple[list[Span], list[Span]]:
    """The words of `before` and of `after` that differ, as character spans of each (a span may be
    empty: words inserted, or deleted, there)."""
    old, new = _tokens(before), _tokens(after)
    old_at, new_at = _starts(old), _starts(new)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    spans_old: list[Span] = []
    spans_new: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            spans_old.append(_trimmed(before, old_at[i1], old_at[i2]))
            spans_new.append(_trimmed(after, new_at[j1], new_at[j2]))
    return spans_old, spans_new


def _trimmed(text: str, start: int, end: int) -> Span:
    """The span without the spaces at its ends (unless it is all spaces)."""
    words = text[start:end]
    if not words.strip():
        return start, end
    return start + len(words) - len(words.lstrip()), end - len(words) + len(words.rstrip())


def marked(text: str, spans: list[Span]) -> Text:
    """The whole text, its changed words marked (shown exactly: no markup is read)."""
    shown = Text(text)
    for start, end in spans:
        if end > start:
            shown.stylize(MARK, start, end)
    return shown


def _word_back(text: str, at: int) -> int:
    words = 0
    while at > 0 and words <= CONTEXT_WORDS:
        at -= 1
        if text[at].isspace() and (at == 0 or not text[at - 1].isspace()):
            words += 1
    return at + 1 if words > CONTEXT_WORDS else at


def _word_on(text: str, at: int) -> int:
    words = 0
    while at < len(text) and words <= CONTEXT_WORDS:
        if text[at].isspace() and at > 0 and not text[at - 1].isspace():
            words += 1
        at += 1
    return at - 1 if words > CONTEXT_WORDS else at


def excerpt(text: str, spans: list[Span]) -> Text:
    """The parts of `text` around its changes, a few words either side, joined by '…', the changed
    words marked; the whole text when nothing changed in it."""
    if not spans:
        return marked(text, [])
    windows: list[list[int]] = []
    for start, end in sorted(spans):
        low, high = _word_back(text, start), _word_on(text, end)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    shown = Text()
    for number, (low, high) in enumerate(windows[:MOST_EXCERPTS]):
        if number or low > 0:
            shown.append("…" if low > 0 and not number else " … ")
        if high - low > WINDOW_MOST:  # its start and its end: where two sides' changes differ
            half = WINDOW_MOST // 2
            head = text.rfind(" ", low, low + half)  # cut between words
            tail = text.find(" ", high - half, high)
            head = low + half if head <= low else head
            tail = high - half if tail < 0 else tail + 1
            shown.append_text(_piece(text, spans, low, head))
            shown.append(" … ")
            shown.append_text(_piece(text, spans, tail, high))
        else:
            shown.append_text(_piece(text, spans, low, high))
    if windows[-1][1] < len(text) or len(windows) > MOST_EXCERPTS:
        shown.append("…")
    return shown


def _piece(text: str, spans: list[Span], low: int, high: int) -> Text:
    """text[low:high], the changed words in it marked."""
    piece = Text(text[low:high])
    for start, stop in spans:
        if stop > start and stop > low and start < high:
            piece.stylize(MARK, max(start, low) - low, min(stop, high) - low)
    return piece


def side_by_side(base: str, ours: str, theirs: str) -> tuple[list[Span], list[Span], list[Span]]:
    """The changed spans of the text before (where either side changed it), of ours and of theirs;
    every text as shown (control characters as placeholders)."""
    base_ours, ours_spans = changes(base, ours)
    base_theirs, theirs_spans = changes(base, theirs)
    return sorted(base_ours + base_theirs), ours_spans, theirs_spans


def shown_texts(*values: str) -> tuple[str, ...]:
    """Each value as it is shown (placeholders for control characters), the text compared."""
    return tuple(clean(value, True) for value in values)
