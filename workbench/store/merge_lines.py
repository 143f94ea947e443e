"""A three-way merge of a short text line by line (what `diff3` does), for the stretches of a
project file that are not records: the head, a list written inline. Both sides' changes are
kept when they touch different lines; lines both inserted at one place are kept, ours first.
The caller reads the result back and uses it only when it holds the merged data."""

from __future__ import annotations

import difflib

Hunk = tuple[int, int, list[str]]
"""Base lines [start, end) replaced by these lines."""


def merge_lines(base: str, ours: str, theirs: str) -> str | None:
    """Both sides' changes to `base` together, or None when they change the same lines."""
    old = base.splitlines(keepends=True)
    mine, yours = _hunks(old, ours), _hunks(old, theirs)
    out: list[str] = []
    at = 0
    while mine or yours:
        if mine and yours and _overlap(mine[0], yours[0]):
            a, b = mine.pop(0), yours.pop(0)
            if a != b and not (a[0] == a[1] == b[0] == b[1]):
                return None
            out.extend(old[at : a[0]])
            out.extend(a[2] if a == b else a[2] + b[2])  # the same change once; two insertions both
            at = a[1]
            continue
        first = mine if mine and (not yours or mine[0][0] <= yours[0][0]) else yours
        start, end, lines = first.pop(0)
        out.extend(old[at:start])
        out.extend(lines)
        at = end
    out.extend(old[at:])
    return "".join(out)


def _hunks(old: list[str], new: str) -> list[Hunk]:
    lines = new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old, lines, autojunk=False)
    return [(i1, i2, lines[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _overlap(a: Hunk, b: Hunk) -> bool:
    """Whether two changes touch the same base lines (or insert at the same place)."""
    if a[0] == a[1] or b[0] == b[1]:  # an insertion: at the same place, or inside the other
        return a[0] == b[0] or a[0] < b[0] < a[1] or b[0] < a[0] < b[1]
    return max(a[0], b[0]) < min(a[1], b[1])
