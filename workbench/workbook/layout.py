"""What the writer and the reader of the self-assessment workbook agree on: sheets, columns, words."""

from __future__ import annotations

import hashlib
import re

from workbench.model.project import Project

FORMAT = 1
"""Bumped when the layout changes in a way an older reader would misread."""

META_SHEET = "_workbench"
"""A very hidden sheet: the format, the project it was made for, the workbook's token and its sheets."""
RUBRIC_SHEET = "Maturity levels"
INSTRUCTIONS_SHEET = "Instructions"

HEADER_ROW = 3
"""Rows 1-2 hold the area's title and a hint; the column headings are on row 3."""
FIRST_ROW = HEADER_ROW + 1

COLUMNS = ("id", "section", "question", "current", "target", "status", "notes", "baseline", "goal", "unit")
"""Column order, A to J. Column A (the question id) is hidden and locked."""
HEADINGS = {
    "id": "Question id",
    "section": "Section",
    "question": "Question",
    "current": "Where are you today? (1-5)",
    "target": "Where do you want to be? (1-5)",
    "status": "Status",
    "notes": "Your answer / notes (metrics: how you measure it)",
    "baseline": "Metric: baseline today",
    "goal": "Metric: target",
    "unit": "Unit",
}
WIDTHS = {
    "id": 10,
    "section": 22,
    "question": 60,
    "current": 26,
    "target": 26,
    "status": 16,
    "notes": 60,
    "baseline": 14,
    "goal": 14,
    "unit": 12,
}


def column(name: str) -> str:
    """The spreadsheet letter of a column."""
    return "ABCDEFGHIJ"[COLUMNS.index(name)]


QUESTION_STATUSES = {
    "Answered": "answered",
    "Skipped": "skipped",
    "Not applicable": "not-applicable",
    "Needs follow-up": "follow-up",
}
PAIN_STATUSES = {"Applies to us": "heard", "Does not apply": "not-heard"}
METRIC_STATUSES = {"We track this": "answered", "Not tracked yet": "not-tracked"}

GENERIC_LEVELS = (
    "Ad hoc: done by hand, differently each time, depends on individuals",
    "Repeatable: some scripts and habits, not shared or enforced",
    "Defined: a documented, shared way of working that most teams follow",
    "Managed: automated and measured, with owners and targets",
    "Optimised: continuously improved from measurements, across all teams",
)


def project_key(project: Project) -> str:
    """Identifies the project a workbook was made for (its name, client and creation date)."""
    info = project.project
    text = f"{info.name}\n{info.client}\n{info.created or ''}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sheet_title(title: str, taken: set[str]) -> str:
    """An Excel-safe, unique sheet name (31 characters, no []:*?/\\ and no control characters)."""
    base = _shorten(re.sub(r"[\[\]:*?/\\\x00-\x1f\x7f-\x9f]", " ", title).strip(), 31) or "Area"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _shorten(text: str, width: int) -> str:
    """The text cut at a word boundary to fit `width`, without a dangling '&' or comma."""
    if len(text) <= width:
        return text
    words, out = text.split(), ""
    for word in words:
        candidate = f"{out} {word}".strip()
        if len(candidate) > width:
            break
        out = candidate
    return (out or text[:width]).rstrip(" &,-–")


def level_choice(level: int, descriptor: str) -> str:
    """A dropdown entry: `3 - Defined: …`; the reader takes the leading number."""
    return f"{level} - {descriptor}"
