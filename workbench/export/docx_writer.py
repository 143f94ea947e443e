"""Render proposal blocks as a Word document with real styles, page numbers and shading."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt

from workbench.export.blocks import Block, Bullets, Heading, PageBreak, Paragraph, Table
from workbench.export.cleaning import xml_safe

PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Inches(8.5), Inches(11))}
TABLE_STYLE = "Light Grid Accent 1"
MARGIN = Mm(20)
ITEM_COLUMN = Mm(48)
"""Width of the first column of Gantt and matrix tables."""


def render_docx(
    blocks: list[Block], title: str, author: str, paper: str = "a4", today: dt.date | None = None
) -> bytes:
    """The .docx bytes for the blocks."""
    document = Document()
    _page_setup(document, paper)
    _page_numbers(document)
    props = document.core_properties
    props.title = xml_safe(title)
    props.author = xml_safe(author)
    props.subject = "MLOps discovery: next-step proposal"
    props.keywords = "MLOps, discovery, proposal"
    if today is not None:
        moment = dt.datetime(today.year, today.month, today.day)
        props.created = props.modified = moment
    styles = {
        name: document.styles[name].style_id
        for name in (
            "Title",
            "Heading 1",
            "Heading 2",
            "Heading 3",
            "List Bullet",
            "Normal",
            "Quote",
            "Caption",
        )
    }
    usable = PAPER[paper][0] - 2 * MARGIN
    for block in blocks:
        _render(document, block, styles, usable)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_setup(document: Any, paper: str) -> None:
    width, height = PAPER[paper]
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN


def _page_numbers(document: Any) -> None:
    """A centred `Page N of M` footer built from PAGE and NUMPAGES fields."""
    for section in document.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES")


def _field(paragraph: Any, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _render(document: Any, block: Block, styles: dict[str, str], usable: int) -> None:
    if isinstance(block, Heading):
        style = styles["Title"] if block.level == 0 else styles[f"Heading {min(3, block.level)}"]
        _paragraph(document, xml_safe(block.text), style)
    elif isinstance(block, Paragraph):
        if block.style == "question":
            paragraph = _paragraph(document, "", styles["Normal"])
            paragraph.add_run(xml_safe(block.text)).bold = True
            paragraph.paragraph_format.space_after = Pt(0)
        elif block.style == "small":
            paragraph = _paragraph(document, xml_safe(block.text), styles["Normal"])
            paragraph.paragraph_format.left_indent = Mm(5)
        else:
            _paragraph(document, xml_safe(block.text), styles["Normal"])
    elif isinstance(block, Bullets):
        for item in block.items:
            _paragraph(document, xml_safe(item), styles["List Bullet"])
    elif isinstance(block, Table):
        _table(document, block, styles, usable)
    elif isinstance(block, PageBreak):
        document.add_page_break()


def _table(document: Any, block: Table, styles: dict[str, str], usable: int) -> None:
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = document.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _repeat_header(table.rows[0])
    header_cells = table.rows[0].cells
    for cell, text in zip(header_cells, block.headers, strict=True):
        cell.text = xml_safe(text)
        _size(cell, 8 if block.compact else 9)
    for r, row in enumerate(block.rows):
        cells = table.add_row().cells
        for c, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = xml_safe(text)
            _size(cell, 8 if block.compact else 9)
            fill = block.shading[r][c] if r < len(block.shading) and c < len(block.shading[r]) else ""
            if fill:
                _shade(cell, fill)
    _set_widths(table, column_widths(block, usable))
    if block.caption:
        _paragraph(document, xml_safe(block.caption), styles["Caption"])
    else:
        _paragraph(document, "", styles["Normal"])


def _size(cell: Any, points: int) -> None:
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(points)


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def column_widths(block: Table, usable: int) -> list[int]:
    """Widths in EMU: a wide first column for Gantt and matrix tables, else by content length."""
    columns = len(block.headers)
    if block.compact and columns > 1:
        first = min(ITEM_COLUMN, usable // 2)
        return [first] + [(usable - first) // (columns - 1)] * (columns - 1)
    weights = []
    for index in range(columns):
        lengths = [len(block.headers[index])] + [len(row[index]) for row in block.rows if index < len(row)]
        weights.append(min(45, max(lengths)) + 4)
    total = sum(weights)
    return [usable * w // total for w in weights]


def _set_widths(table: Any, widths: list[int]) -> None:
    """Set the grid (LibreOffice reads it) and every cell (Word reads those)."""
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _repeat_header(row: Any) -> None:
    """Repeat the header row on every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _paragraph(document: Any, text: str, style_id: str) -> Any:
    """Add a paragraph with a style by id (python-docx's lookup by style object is slow)."""
    paragraph = document.add_paragraph(text)
    if style_id and style_id != "Normal":
        paragraph._p.style = style_id
    return paragraph
