"""A small document model that both the Word and the Markdown writers render."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Heading:
    """A heading, level 0 (title) to 3."""

    text: str
    level: int = 1


@dataclass
class Paragraph:
    """A paragraph; `style` is `quote`, `small` or empty."""

    text: str
    style: str = ""


@dataclass
class Bullets:
    """A bulleted list."""

    items: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A table with a header row. `shading[r][c]` is a hex fill or empty, per body cell."""

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    shading: list[list[str]] = field(default_factory=list)
    caption: str = ""
    compact: bool = False
    """Narrow columns (Gantt and matrix): small text, centred."""


@dataclass
class PageBreak:
    """Start a new page."""


Block = Heading | Paragraph | Bullets | Table | PageBreak
