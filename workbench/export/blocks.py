"""A small document model that both the Word and the Markdown writers render."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.export.wording import capitalised


@dataclass
class Heading:
    """A heading, level 0 (the cover's title) to 3; levels never skip."""

    text: str
    level: int = 1


@dataclass
class Paragraph:
    """A paragraph; `style` is empty, `lead` (cover), `strong`, `quote`, `small`, `note` or `code`."""

    text: str
    style: str = ""
    language: str = ""
    """The language of a `code` paragraph (python, yaml…), for Markdown's fence."""


@dataclass
class Bullets:
    """A bulleted list; each item starts with a capital, in Word and in Markdown alike."""

    items: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items = [capitalised(item) for item in self.items]


SLACK = "slack"
"""A shading value that marks slack in a timeline: hatched in Word, not a colour."""


@dataclass
class Table:
    """A table with a header row. `shading[r][c]` is a hex fill, `SLACK` or empty, per body cell."""

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    shading: list[list[str]] = field(default_factory=list)
    caption: str = ""
    compact: bool = False
    """Narrow columns (timeline and matrix): small text, centred."""
    chart: bool = False
    """A drawing made of cells (the timeline): Word only; Markdown shows the table that follows."""
    subheader: list[str] = field(default_factory=list)
    """A second header row (the timeline's week numbers under its months)."""
    key_value: bool = False
    """Labels in the first column and no header row (a pilot's facts)."""
    row_height: float = 0
    """Body rows of exactly this height in millimetres (room to sign); 0 fits the text."""
    separated: bool = False
    """Each line of a body cell is an item of its own (the matrix's gaps): a rule between two."""
    numbered: bool = False
    """The first column is the row's rank: on a page too narrow for every column (a firm's template
    with wide margins), Word folds it into the second ("1. Deployment is manual …"), whose titles
    get its room."""


@dataclass
class PageBreak:
    """Start a new page."""


@dataclass
class Contents:
    """The table of contents: a Word TOC field, a list of sections in Markdown."""

    title: str = "Contents"


Block = Heading | Paragraph | Bullets | Table | PageBreak | Contents
