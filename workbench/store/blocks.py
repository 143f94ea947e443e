"""A project file's text cut into its head and one block of text per record, without parsing it
with tomlkit (which takes seconds on a large project). Each block keeps the comments written
above its record; the comments that open a section (set apart from its first record by a blank
line) stay with the section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workbench.store.serialize import RECORD_KEYS

KEY = r"[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*"
HEADER = re.compile(rf"^[ \t]*(\[\[?)[ \t]*({KEY})[ \t]*\]\]?[ \t]*(#[^\r\n]*)?\r?\n?\Z")
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
    head: list[str] = []
    leads: dict[str, list[str]] = {}
    records: dict[str, list[list[str]]] = {}
    target = head  # where body lines go: the head, or the last record's lines
    section = ""  # the record list being read
    pending: list[str] = []  # comments and blank lines, not yet known to belong above a header
    quote, depth = "", 0  # inside a multi-line string; open brackets and braces
    for line in text.splitlines(keepends=True):
        if not quote and not depth and line[0] in PLAIN_START:  # `key = value`: most lines
            if pending:
                target.extend(pending)
                pending = []
            target.append(line)
            if _may_change_state(line):
                quote, depth = _scan(line, quote, depth)
            continue
        if not quote and not depth:
            first = line.lstrip()[:1]
            if first in ("", "\n", "\r", "#"):
                pending.append(line)
                continue
            if first == "[":
                found = HEADER.match(line)
                if found is None and QUOTED_HEADER.match(line):
                    return None
                if found is not None:
                    name = re.sub(r"[ \t]", "", found.group(2))
                    top = name.split(".")[0]
                    if top not in RECORD_KEYS:
                        if records:
                            return None  # a plain table after the records
                        target = head
                    elif name != top:  # a sub-table of the record above
                        if top != section or not records[top]:
                            return None
                    elif found.group(1) != "[[" or (top in records and top != section):
                        return None  # a record list written as a table, or in two places
                    else:
                        if top not in records:  # the comments right above are the record's own
                            own = _attached(pending)
                            leads[top], records[top], pending = pending[:own], [], pending[own:]
                        section, target = top, []
                        records[top].append(target)
                    target.extend(pending)
                    target.append(line)
                    pending = []
                    continue
        if pending:
            target.extend(pending)
            pending = []
        target.append(line)
        if quote or _may_change_state(line):
            quote, depth = _scan(line, quote, depth)
    target.extend(pending)
    blocks = Blocks(
        "".join(head),
        {name: Section("".join(leads[name]), ["".join(r) for r in rs]) for name, rs in records.items()},
    )
    for name in RECORD_KEYS:  # every record cut, none missed (a header not recognised)
        if len(data.get(name, [])) != (len(blocks.sections[name].records) if name in blocks.sections else 0):
            return None
    return blocks if blocks.text() == text else None


def _attached(pending: list[str]) -> int:
    """Where the comment lines directly above a header (no blank line between) start."""
    start = len(pending)
    while start and pending[start - 1].lstrip().startswith("#"):
        start -= 1
    return start


TOKEN = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#|[\[\]{}]')
"""What changes a line's state: multi-line string openers, one-line strings (skipped whole),
a comment, brackets."""
CLOSE = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""("{0,2})', re.DOTALL),
    "'''": re.compile(r"(?:[^']|'(?!''))*'''('{0,2})", re.DOTALL),
}
"""The rest of a multi-line string, up to and with its closing delimiter."""
PLAIN_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-\"'")
"""How a `key = value` line starts: neither a header, a comment nor a blank line."""


def _may_change_state(line: str) -> bool:
    """Whether a line outside strings and brackets holds anything that changes the state (most
    lines do not; `in` tests are quicker than a regular expression here)."""
    return "[" in line or "{" in line or "]" in line or "}" in line or '"""' in line or "'''" in line


def _scan(line: str, quote: str, depth: int) -> tuple[str, int]:
    """Follow strings and brackets through one line of a value."""
    position = 0
    if quote:
        closed = CLOSE[quote].match(line)
        if closed is None:
            return quote, depth
        position, quote = closed.end(), ""
    while (token := TOKEN.search(line, position)) is not None:
        text = token.group()
        if text == "#":
            break
        if text in CLOSE:
            closed = CLOSE[text].match(line, token.end())
            if closed is None:
                return text, depth
            position = closed.end()
            continue
        if text in "[{":
            depth += 1
        elif text in "]}":
            depth = max(0, depth - 1)
        position = token.end()
    return quote, depth
