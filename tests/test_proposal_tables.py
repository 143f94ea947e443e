"""The proposal's tables as a client reads them (issue 15): columns sized to what they hold (no
column of one word per line beside a half-empty one), room to sign, and gaps that share a cell of
the matrix kept apart by a rule."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tests.proposal_text import docx_text
from tests.test_proposal import export
from tests.test_proposal_signing import large  # noqa: F401  (the fixture)
from workbench.export.docx_tables import (
    BOLD_WIDTH,
    CELL_PADDING,
    CHAR_WIDTH,
    EMU_PER_TWIP,
    HEADER_STRETCH,
    TYPICAL_WIDTH,
)
from workbench.export.options import SECTIONS
from workbench.store.files import load_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOM_TO_WRITE = Mm(40)


class Laid(NamedTuple):
    """A table of the document as laid out: column widths (EMU), the header row (empty for a table of
    labels and values), the body rows, the font size, and whether it is a form (rows of fixed height)."""

    widths: list[int]
    header: list[str]
    body: list[list[str]]
    points: float
    form: bool


def laid_out(path: Path) -> list[Laid]:
    """Every table but the timeline chart (a drawing made of cells)."""
    found = []
    for table in Document(str(path)).tables:
        tbl = table._tbl
        if tbl.find(f"{W}tblPr/{W}tblCellMar") is not None:
            continue
        widths = [int(col.get(qn("w:w"))) * EMU_PER_TWIP for col in tbl.iter(qn("w:gridCol"))]
        heads = [row.find(f"{W}trPr/{W}tblHeader") is not None for row in tbl.iter(qn("w:tr"))]
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        size = next(tbl.iter(qn("w:sz"))).get(qn("w:val"))
        form = any(tr.find(f"{W}trPr/{W}trHeight") is not None for tr in tbl.iter(qn("w:tr")))
        header = rows[0] if heads[0] else []
        found.append(Laid(widths, header, rows[1:] if header else rows, int(size) / 2, form))
    return found


def lines(text: str, width: int, points: float = 9) -> int:
    """Lines a paragraph wraps to in a column this wide."""
    per_line = max(1, int((width - CELL_PADDING) / Pt(points * TYPICAL_WIDTH)))
    count, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            count, used = count + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return count


def needed(text: str, points: float, bold: bool = False) -> int:
    """EMU the text wants on one line."""
    return int(Pt(points * (BOLD_WIDTH if bold else CHAR_WIDTH) * len(text)) + CELL_PADDING)


@pytest.fixture(params=["example", "large"])
def proposal(request: pytest.FixtureRequest, example: Path, large: Path) -> Path:  # noqa: F811
    return export(large if request.param == "large" else example, sections=SECTIONS)


def test_no_column_is_one_word_per_line(proposal: Path) -> None:
    """No cell of three words or more wraps to one word a line."""
    cramped = []
    for table in laid_out(proposal):
        for row in [table.header, *table.body]:
            for width, text in zip(table.widths, row, strict=False):
                for paragraph in text.split("\n"):
                    words = len(paragraph.split())
                    if words >= 3 and lines(paragraph, width, table.points) >= words:
                        cramped.append(f"{paragraph!r} in {width // 36000} mm")
    assert cramped == []


def test_spare_room_goes_to_the_columns_that_wrap(proposal: Path) -> None:
    """ "Impact (1–5)" took 29 mm for one digit while the gap titles beside it wrapped to four lines: a
    column is no wider than its values and its header need (a header may keep a column up to
    HEADER_STRETCH times its values' width so that it reads on one line) while another column wraps."""
    wasted = []
    for table in laid_out(proposal):
        wraps = any(
            lines(text, width, table.points) > 1
            for row in table.body
            for width, text in zip(table.widths, row, strict=False)
        )
        for column, width in enumerate(table.widths if wraps else []):
            values_need, header_needs, one_line = room(table, column)
            if width > max(values_need, header_needs, one_line) + Mm(1):
                wasted.append(f"{column}: {width // 36000} mm, needs {values_need // 36000} mm")
    assert wasted == []


def test_no_column_is_half_empty(proposal: Path) -> None:
    """A column is at most twice as wide as what it holds (a header's longest word: a header wraps rather
    than widen a column of numbers), unless narrow anyway."""
    roomy = []
    for table in laid_out(proposal):
        for column, width in enumerate(table.widths):
            values_need, header_needs, _ = room(table, column)
            if width > max(2 * max(values_need, header_needs), Mm(25)):
                roomy.append(f"{column}: {width // 36000} mm for {values_need // 36000} mm")
    assert roomy == []


def room(table: Laid, column: int) -> tuple[int, int, int]:
    """What a column needs: its longest value on one line, its header's longest word, and its whole
    header on one line as far as HEADER_STRETCH allows. A form's empty column (room to sign) needs all
    it has."""
    values = [row[column] for row in table.body if column < len(row)]
    if table.form and not any(values):
        return table.widths[column], 0, 0
    bold = not table.header and column == 0  # a table of labels and values: the labels are bold
    values_need = max(needed(line, table.points, bold) for value in values for line in value.split("\n"))
    head = table.header[column] if table.header else ""
    header_needs = max((needed(word, table.points, bold=True) for word in head.split()), default=0)
    one_line = min(needed(head, table.points, bold=True), int(HEADER_STRETCH * values_need)) if head else 0
    return values_need, header_needs, one_line


def test_the_sign_off_has_room_to_sign_and_date(example: Path) -> None:
    """The signature column was 33 mm and the date 18 mm, narrower than the role beside them."""
    sign_off = next(t for t in laid_out(export(example)) if t.header[:3] == ["Name", "Role", "Signature"])
    assert sign_off.form
    signature, date = sign_off.widths[2], sign_off.widths[3]
    assert signature >= ROOM_TO_WRITE - Mm(1) and date >= ROOM_TO_WRITE * 3 // 4


def test_gaps_sharing_a_cell_of_the_matrix_are_kept_apart(example: Path) -> None:
    """Two gap titles in one cell ran together: "Temporal leakage in the churn model's features
    Experiments are not reproducible" read as one."""
    path = export(example)
    matrix = next(t for t in Document(str(path)).tables if t.rows[0].cells[0].text.startswith("Impact"))
    shared = [cell for row in matrix.rows[1:] for cell in row.cells[1:] if len(cell.paragraphs) > 1]
    assert shared, "the example has two gaps in one cell"
    for cell in shared:
        first, *rest = cell._tc.iter(qn("w:p"))
        assert first.find(f"{W}pPr/{W}pBdr") is None
        assert all(p.find(f"{W}pPr/{W}pBdr/{W}top") is not None for p in rest)  # a rule above each next one
    assert "Temporal leakage in the churn model's features" in docx_text(path).split("\n")
    markdown = export(example, "md").read_text(encoding="utf-8")
    row = next(line for line in markdown.splitlines() if "• Temporal leakage" in line)
    assert re.search(r"• Temporal leakage in the churn model's features<br>• Experiments are not", row)


def test_a_pilots_deliverables_say_once_what_they_leave_behind(example: Path) -> None:
    """Each practice repeated "…, in place for the pilot's model and written up for the next team"."""
    facts = [t for t in laid_out(export(example)) if not t.header and t.body and t.body[0][0] == "Scope"]
    deliverables = [row[1] for t in facts for row in t.body if row[0] == "Deliverables"]
    assert len(deliverables) == sum(1 for item in load_project(example).pilots if item.kind != "milestone")
    for text in deliverables:
        assert text.count("written up for the next team") <= 1, text
    assert any(text.startswith("In place for the pilot's model, and written up") for text in deliverables)
