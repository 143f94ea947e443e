"""A project file's text cut into its head and one block of text per record, without parsing it
with tomlkit (which takes seconds on a large project). Each block keeps the comments written
above its record; the comments that open a section stay with the section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workbench.store.serialize import RECORD_KEYS

KEY = r"[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*"
HEADER = re.compile(rf"^[ \t]*(\[\[?)[ \t]*({KEY})[ \t]*\]\]?[ \t]*(#.*)?$")
QUOTED_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*[\"']")


@dataclass
class Section:
    """The records of one `[[name]]` list: the comments that open it, then one text per record."""

    lead: str = ""
    records: list[str] = field(default_factory=list)


@dataclass
class Blocks:
    """The text of a project file as head + sections, in file order."""

    head: str
    sections: dict[str, Section]

    def text(self) -> str:
        """The file again, byte for byte."""
        return self.head + "".join(s.lead + "".join(s.records) for s in self.sections.values())


def split_blocks(text: str, data: dict[str, Any]) -> Blocks | None:
    """Cut the text into blocks matching `data` (the same text parsed), or None when the layout
    is not one this can cut safely (records written inline, sections interleaved, tables after
    the records, quoted section names): the caller then works on the whole document."""
    lines = text.splitlines(keepends=True)
    kinds = _line_kinds(lines)
    if kinds is None:
        return None
    head: list[str] = []
    sections: dict[str, Section] = {}
    current: Section | None = None
    pending: list[str] = []  # comments and blank lines, not yet known to belong above a header
    for line, kind in zip(lines, kinds, strict=True):
        if kind in ("blank", "comment"):
            pending.append(line)
            continue
        if kind == "body":
            _body_target(head, current).extend([*pending, line])
            pending = []
            continue
        name, is_array = _header(line)
        top = name.split(".")[0]
        if top in RECORD_KEYS:
            if not is_array and name == top:
                return None
            if name != top:  # a sub-table of the record above
                if current is None or not current.records or sections.get(top) is not current:
                    return None
                current.records[-1] += "".join(pending) + line
            elif top in sections and sections[top] is not current:
                return None  # a section written in two places
            else:
                if top not in sections:
                    current = sections[top] = Section(lead="".join(pending))
                    pending = []
                current = sections[top]
                current.records.append("".join(pending) + line)
        else:
            if sections:
                return None  # a plain table after the records
            head.extend([*pending, line])
            current = None
        pending = []
    _body_target(head, current).extend(pending)
    blocks = Blocks(
        "".join(head),
        {name: Section(s.lead, ["".join(r) for r in s.records]) for name, s in sections.items()},
    )
    for name, section in blocks.sections.items():
        if len(section.records) != len(data.get(name, [])):
            return None
    if blocks.text() != text:
        return None
    return blocks


def _body_target(head: list[str], current: Section | None) -> Any:
    if current is None or not current.records:
        return head
    return _Tail(current)


class _Tail:
    """Appends to the last record's text."""

    def __init__(self, section: Section) -> None:
        self.section = section

    def extend(self, lines: list[str]) -> None:
        self.section.records[-1] += "".join(lines)


def _header(line: str) -> tuple[str, bool]:
    found = HEADER.match(line)
    if found is None:  # pragma: no cover - only called on lines classified as headers
        raise ValueError(f"not a table header: {line!r}")
    return re.sub(r"[ \t]", "", found.group(2)), found.group(1) == "[["


def _line_kinds(lines: list[str]) -> list[str] | None:
    """Each line as header, body, comment or blank, following multi-line strings and arrays."""
    kinds: list[str] = []
    quote = ""  # the multi-line string delimiter we are inside, if any
    depth = 0  # open brackets and braces
    for line in lines:
        stripped = line.strip()
        if not quote and depth == 0:
            if not stripped:
                kinds.append("blank")
                continue
            if stripped.startswith("#"):
                kinds.append("comment")
                continue
            if stripped.startswith("["):
                if QUOTED_HEADER.match(line):
                    return None
                if HEADER.match(line):
                    kinds.append("header")
                    continue
        kinds.append("body")
        quote, depth = _scan(line, quote, depth)
    return kinds


def _scan(line: str, quote: str, depth: int) -> tuple[str, int]:
    """Follow strings and brackets through one line of a value."""
    i, n = 0, len(line)
    while i < n:
        if quote:
            end = _find_close(line, i, quote)
            if end < 0:
                return quote, depth
            i, quote = end, ""
            continue
        ch = line[i]
        if ch == "#":
            break
        if line.startswith('"""', i) or line.startswith("'''", i):
            quote, i = line[i : i + 3], i + 3
        elif ch in "\"'":
            end = _find_close(line, i + 1, ch)
            i = n if end < 0 else end
        elif ch in "[{":
            depth, i = depth + 1, i + 1
        elif ch in "]}":
            depth, i = max(0, depth - 1), i + 1
        else:
            i += 1
    return quote, depth


def _find_close(line: str, start: int, quote: str) -> int:
    """Index just past the closing delimiter, or -1 when the string goes on."""
    i = start
    escapes = quote[0] == '"'
    while i < len(line):
        if escapes and line[i] == "\\":
            i += 2
            continue
        if line.startswith(quote, i):
            end = i + len(quote)
            while len(quote) == 3 and end < len(line) and line[end] == quote[0] and end - i < 5:
                end += 1  # up to two quotes may close a multi-line string's content
            return end
        i += 1
    return -1
