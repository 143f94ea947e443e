"""Lines of a list wrapped to its width with a hanging indent: the lines after the first start
under the words, not back at column 0."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text


def hanging(line: Text, width: int, indent: str, console: Console) -> Text:
    """`line` wrapped to `width`; its second and later lines start after `indent`."""
    first = line.wrap(console, width)[0]
    rest = line[len(first.plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
    if not rest.plain:
        return first
    wrapped = rest.wrap(console, max(1, width - len(indent)))
    first.rstrip()
    return Text("\n").join([first, *(Text(indent) + part for part in wrapped)])


def packed(items: list[str], width: int, separator: str = " · ") -> list[str]:
    """Items joined by `separator` into lines of at most `width` (an item longer than that gets a
    line of its own): a line breaks between items, never inside one."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + len(separator) + len(item) <= width:
            lines[-1] += separator + item
        else:
            lines.append(item)
    return lines
