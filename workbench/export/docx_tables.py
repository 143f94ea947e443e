"""Word tables: header rows that repeat, rows that never split across pages, widths that keep words
whole, quadrant and timeline shading (slack hatched, so it never looks like banding)."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from workbench.export.blocks import SLACK, Table
from workbench.export.cleaning import xml_safe

SLACK_MARK = "··"
"""What a week of slack shows in the timeline: two dots, centred (in every font)."""
SLACK_COLOUR = "5B9BD5"
"""The dots are in the colour of the bars the item can slip into."""
HEADER_FILL, LABEL_FILL = "1F3864", "EEF2F8"
CHART_ITEM_COLUMN = Mm(55)
CHAR_WIDTH = 0.62
"""Width of an average character, as a share of the font size (generous, so words fit)."""
BOLD_WIDTH = 0.72
"""The same for bold text (header rows): wide sans fonts such as DejaVu need it."""
BREAKS = re.compile(r"\s+|(?<=[/-])")
"""Where a line may wrap: spaces, and after a slash or a hyphen ("training/serving", "point-in-time")."""
CELL_PADDING = Pt(14)
"""Left plus right cell margins, and a little slack."""
LABEL_CHARS = 22
"""Characters a key-value table's label column wants at most (longer labels wrap)."""
EMU_PER_TWIP = 635
KEEP_WHOLE_ROWS = 12
"""A key-value table of at most this many rows is kept on one page."""
CHART_CELL_MARGIN = 20
"""Left and right cell margins of the timeline chart, in twips, so week numbers fit narrow columns."""


def render_table(document: Any, block: Table, usable: int) -> None:
    """Add the table: styled, sized, shaded. Written as one piece of XML: building it cell by cell
    through python-docx took most of an export's time."""
    size = 8 if block.compact else 9
    widths = [w // EMU_PER_TWIP for w in column_widths(block, usable, size)]
    heads = ([] if block.key_value else [block.headers]) + ([block.subheader] if block.subheader else [])
    lines = [*heads, *block.rows]
    # Small key-value tables (a pilot's facts) stay whole; any other table never leaves its last row
    # (a total) alone on a page.
    whole = block.key_value and len(lines) <= KEEP_WHOLE_ROWS
    last = len(lines) - 1
    kept = [index < last and (whole or index == last - 1) for index in range(len(lines))]
    rows = [
        _row(block, cells, index, len(heads), widths, size, keep=kept[index])
        for index, cells in enumerate(lines)
    ]
    style = _table_style(document)
    xml = (
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        + (f'<w:tblStyle w:val="{escape(style)}"/>' if style else "")
        + f'<w:tblW w:type="dxa" w:w="{sum(widths)}"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        + (
            f'<w:tblCellMar><w:left w:w="{CHART_CELL_MARGIN}" w:type="dxa"/>'
            f'<w:right w:w="{CHART_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
            if block.chart
            else ""
        )
        + '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
        + "".join(rows)
        + "</w:tbl>"
    )
    document.element.body._insert_tbl(parse_xml(xml))


def _table_style(document: Any) -> str:
    """The id of the "Table Grid" style (plain lines, no banding), if the document has it."""
    found = document.styles.element.xpath('w:style[w:name/@w:val="Table Grid"]/@w:styleId')
    return str(found[0]) if found else ""


def _row(
    block: Table, cells: list[str], index: int, heads: int, widths: list[int], size: int, keep: bool = False
) -> str:
    """One row: kept on one page; a header row repeats on every page the table spans."""
    header = index < heads
    properties = "<w:cantSplit/>" + ('<w:tblHeader w:val="true"/>' if header else "")
    tall = block.row_height > 0 and not header
    if tall:
        properties += f'<w:trHeight w:val="{int(Mm(block.row_height)) // EMU_PER_TWIP}" w:hRule="exact"/>'
    spans = _month_spans(block.headers) if header and index == 0 and block.chart else [1] * len(widths)
    out, column = [f"<w:tr><w:trPr>{properties}</w:trPr>"], 0
    for span in spans:
        text = cells[column] if column < len(cells) else ""
        if header:
            fill = HEADER_FILL
        elif block.key_value and column == 0:
            fill = LABEL_FILL
        else:
            fill = _fill(block, index - heads, column)
        bold = header or (block.key_value and column == 0)
        centred = block.compact and (header or column > 0)
        width = sum(widths[column : column + span])
        out.append(_cell(text, width, span, fill, size, bold, header, centred, tall, keep))
        column += span
    out.append("</w:tr>")
    return "".join(out)


def _month_spans(months: list[str]) -> list[int]:
    """How many week columns each header cell of the timeline spans: one cell per month."""
    spans = [1]
    for month in months[1:]:
        if month or len(spans) == 1:
            spans.append(1)
        else:
            spans[-1] += 1
    return spans


def _cell(
    text: str,
    width: int,
    span: int,
    fill: str,
    size: int,
    bold: bool,
    white: bool,
    centred: bool,
    middle: bool = False,
    keep: bool = False,
) -> str:
    properties = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    colour = "FFFFFF" if white else ""
    if fill == SLACK:
        # Slack is drawn as dots in the bars' blue on white: a pattern fill (pct20) renders as a
        # solid pale tint in LibreOffice, indistinguishable from a bar.
        text, colour, bold = text or SLACK_MARK, SLACK_COLOUR, True
    elif fill:
        properties += _shading(fill)
    if middle:
        properties += '<w:vAlign w:val="center"/>'
    paragraph = "<w:pPr>" + ("<w:keepNext/>" if keep else "")
    paragraph += '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    paragraph += '<w:jc w:val="center"/></w:pPr>' if centred else "</w:pPr>"
    run = ""
    if text:
        look = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
        look += f'<w:sz w:val="{size * 2}"/>'
        lines = [escape(line) for line in xml_safe(text).split("\n")]
        body = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
        run = f"<w:r><w:rPr>{look}</w:rPr>{body}</w:r>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{paragraph}{run}</w:p></w:tc>"


def _shading(fill: str) -> str:
    """A solid fill."""
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{escape(fill)}"/>'


def _fill(block: Table, row: int, column: int) -> str:
    if row < len(block.shading) and column < len(block.shading[row]):
        return block.shading[row][column]
    return ""


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
