"""Word tables: header rows that repeat, rows that never split across pages, widths that keep words
whole, quadrant and timeline shading (slack hatched, so it never looks like banding)."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workbench.export.blocks import SLACK, Table
from workbench.export.cleaning import xml_safe

HEADER_FILL, LABEL_FILL = "1F3864", "EEF2F8"
CHART_ITEM_COLUMN = Mm(55)
CHAR_WIDTH = 0.62
"""Width of an average character, as a share of the font size (generous, so words fit)."""
BOLD_WIDTH = 0.72
"""The same for bold text (header rows): wide sans fonts such as DejaVu need it."""
BREAKS = re.compile(r"\s+|(?<=[/-])")
"""Where a line may wrap: spaces, and after a slash or a hyphen ("training/serving", "point-in-time")."""
CELL_PADDING = Pt(14)
LABEL_CHARS = 22
"""Characters a key-value table's label column wants at most (longer labels wrap)."""
"""Left plus right cell margins, and a little slack."""


def render_table(document: Any, block: Table, usable: int) -> None:
    """Add the table: styled, sized, shaded."""
    size = 8 if block.compact else 9
    header_rows = 0 if block.key_value else 1 + bool(block.subheader)
    table = document.add_table(rows=0, cols=len(block.headers))
    if "Table Grid" in [s.name for s in document.styles]:
        table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    lines = ([] if block.key_value else [block.headers]) + ([block.subheader] if block.subheader else [])
    for line in [*lines, *block.rows]:
        row = table.add_row()
        _keep_together(row)
        for cell, text in zip(row.cells, line, strict=False):
            cell.text = xml_safe(text)
    for index, row in enumerate(table.rows):
        header = index < header_rows
        if header:
            _repeat_header(row)
        for column, cell in enumerate(row.cells):
            body = index - header_rows
            fill = _fill(block, body, column) if not header else HEADER_FILL
            if block.key_value and column == 0:
                fill = LABEL_FILL
            if fill:
                _shade(cell, fill)
            _format(cell, size, bold=header or (block.key_value and column == 0), white=header)
            if block.compact and (header or column > 0):
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.chart:
        _merge_months(table, block.headers)
        _tight_cells(table)
    _set_widths(table, column_widths(block, usable, size))


def _fill(block: Table, row: int, column: int) -> str:
    if row < len(block.shading) and column < len(block.shading[row]):
        return block.shading[row][column]
    return ""


def _format(cell: Any, points: int, bold: bool, white: bool) -> None:
    for paragraph in cell.paragraphs:
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        for run in paragraph.runs:
            run.font.size = Pt(points)
            if bold:
                run.bold = True
            if white:
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _shade(cell: Any, fill: str) -> None:
    """A solid fill, or for slack a light dotted pattern on white (the tables have no banding)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    if fill == SLACK:
        shading.set(qn("w:val"), "pct20")
        shading.set(qn("w:color"), "5B9BD5")
        shading.set(qn("w:fill"), "FFFFFF")
    else:
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _merge_months(table: Any, months: list[str]) -> None:
    """One header cell per month over the weeks it spans."""
    starts = [i for i, month in enumerate(months) if i > 0 and month]
    row = table.rows[0]
    for begin, end in zip(starts, [*starts[1:], len(months)], strict=True):
        if end - 1 > begin:
            text = months[begin]
            merged = row.cells[begin].merge(row.cells[end - 1])
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            merged.paragraphs[0].text = ""
            run = merged.paragraphs[0].add_run(text)
            run.font.size, run.bold = Pt(8), True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _tight_cells(table: Any) -> None:
    """Narrow cell margins, so week numbers fit narrow columns."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "20")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)


def _needed(text: str, points: int, bold: bool = False) -> int:
    """EMU the longest unbreakable word of a cell needs at this font size."""
    longest = max((len(word) for word in BREAKS.split(text)), default=0)
    return int(Pt(points * (BOLD_WIDTH if bold else CHAR_WIDTH) * longest) + CELL_PADDING)


def column_widths(block: Table, usable: int, points: int = 9) -> list[int]:
    """Widths in EMU: every column at least as wide as its longest word; the rest by content."""
    columns = len(block.headers)
    lines = ([] if block.key_value else [block.headers]) + block.rows
    if block.chart and columns > 1:
        first = min(CHART_ITEM_COLUMN, usable // 2)
        return [first] + [(usable - first) // (columns - 1)] * (columns - 1)
    header = 0 if block.key_value else 1

    def bold(row: int, column: int) -> bool:
        """Header rows, and the label column of a key-value table, are bold."""
        return row < header or (block.key_value and column == 0)

    least = [
        max(
            (_needed(cells[c], points, bold(r, c)) for r, cells in enumerate(lines) if c < len(cells)),
            default=0,
        )
        for c in range(columns)
    ]
    if block.compact and columns > 1:
        first = max(least[0], Mm(28))
        rest = max((usable - first) // (columns - 1), max(least[1:]))
        return [first] + [rest] * (columns - 1)
    wanted = [
        max((_wanted(line[c], points) for line in lines if c < len(line)), default=0) for c in range(columns)
    ]
    if block.key_value:
        wanted[0] = min(wanted[0], _wanted("x" * LABEL_CHARS, points))  # labels wrap; the values get the room
    return share(usable, least, [max(w, m) for w, m in zip(wanted, least, strict=True)])


def share(usable: int, least: list[int], wanted: list[int]) -> list[int]:
    """Columns that want little get all they want; the rest share what is left, never below `least`."""
    if sum(least) >= usable:
        return [usable * m // max(1, sum(least)) for m in least]
    widths = [0] * len(wanted)
    pending = list(range(len(wanted)))
    remaining = usable
    settled = True
    while pending and settled:
        settled = False
        fair = remaining // len(pending)
        for column in list(pending):
            if wanted[column] <= fair:
                widths[column] = wanted[column]
                remaining -= wanted[column]
                pending.remove(column)
                settled = True
    if not pending:
        total = sum(widths) or 1
        return [w + (usable - total) * w // total for w in widths]
    floor = sum(least[c] for c in pending)
    spare = remaining - floor
    total = sum(wanted[c] - least[c] for c in pending) or 1
    for column in pending:
        widths[column] = least[column] + spare * (wanted[column] - least[column]) // total
    return widths


def _wanted(text: str, points: int) -> int:
    """EMU a cell's longest line would like (capped, so long text wraps)."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    return int(Pt(points * CHAR_WIDTH * min(60, longest)) + CELL_PADDING)


def _set_widths(table: Any, widths: list[int]) -> None:
    """Set the grid (LibreOffice reads it) and every cell (Word reads those)."""
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _keep_together(row: Any) -> None:
    """A row never splits across two pages."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _repeat_header(row: Any) -> None:
    """Repeat the header row on every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
