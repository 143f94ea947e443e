"""Word tables: header rows that repeat, rows that never split across pages, widths that keep words
whole, quadrant and timeline shading (slack hatched, so it never looks like banding)."""

from __future__ import annotations

import dataclasses
import functools
import itertools
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
TYPICAL_WIDTH, TYPICAL_BOLD_WIDTH = 0.55, 0.62
"""A character's usual width, to guess where text wraps (0.53 in DejaVu Sans as LibreOffice renders
it): the widths above are generous on purpose, so that no word is ever cut."""
BREAKS = re.compile(r"\s+|(?<=[/-])")
"""Where a line may wrap: spaces, and after a slash or a hyphen ("training/serving", "point-in-time")."""
CELL_PADDING = Pt(14)
"""Left plus right cell margins, and a little slack."""
LABEL_CHARS = 22
"""Characters a key-value table's label column wants at most (longer labels wrap)."""
EMU_PER_TWIP = 635
KEEP_WHOLE_ROWS = 12
"""A key-value table of at most this many rows is kept on one page."""
KEEP_WHOLE_CHART = 40
"""A timeline chart of at most this many rows is kept on one page, with its key below it (a chart
cut in two, its key on the next page, can't be read)."""
ITEM_RULES = (
    '<w:pBdr><w:top w:val="single" w:sz="6" w:space="2" w:color="7F7F7F"/></w:pBdr>',
    '<w:pBdr><w:top w:val="single" w:sz="6" w:space="2" w:color="808080"/></w:pBdr>',
)
"""The rule above the second and later items of a cell (gaps sharing a cell of the matrix), in two
greys one can't tell apart: Word and LibreOffice merge consecutive paragraphs with the same border
into one bordered group, which drew the rule above the second item only."""
ITEM_SPACE = 40
"""Space above an item after a rule, in twentieths of a point."""
SHORTEST_STEP = int(Mm(1))
SHORTEST_PASSES = 4
"""Room moves between columns a millimetre at a time, in at most this many passes."""
HEADER_STRETCH = 1.6
"""A header may widen its column to this many times what the values want; longer, it wraps."""
WRITING_ROOM = Mm(40)
"""What an empty column of a form (a signature, a date) wants: room to write by hand."""
CHART_CELL_MARGIN = 20
TIGHT_PADDING = Pt(11.5)
"""Left plus right cell margins as drawn (2 × 0.19 cm), and a hair: the padding on a narrow page (a
firm's template with wide margins), where the generous one doesn't fit."""
"""Left and right cell margins of the timeline chart, in twips, so week numbers fit narrow columns."""


def render_table(document: Any, block: Table, usable: int) -> None:
    """Add the table: styled, sized, shaded. Written as one piece of XML: building it cell by cell
    through python-docx took most of an export's time."""
    block = _fitted(block, usable)
    size = table_size(block, usable)
    narrow = size < 9 and not block.compact
    widths = [w // EMU_PER_TWIP for w in column_widths(block, usable, size, narrow)]
    heads = ([] if block.key_value else [block.headers]) + ([block.subheader] if block.subheader else [])
    lines = [*heads, *block.rows]
    # Small key-value tables (a pilot's facts) and charts stay whole, a chart with the key under it;
    # any other table never leaves its last row (a total) alone on a page.
    whole = (block.key_value and len(lines) <= KEEP_WHOLE_ROWS) or (
        block.chart and len(lines) <= KEEP_WHOLE_CHART
    )
    last = len(lines) - 1
    kept = [
        (index < last and (whole or index == last - 1)) or (index == last and block.chart and whole)
        for index in range(len(lines))
    ]
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
        separated = block.separated and not header
        out.append(_cell(text, width, span, fill, size, bold, header, centred, tall, keep, separated))
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
    separated: bool = False,
) -> str:
    """One cell; with `separated`, each line is an item of its own, a rule between two."""
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
    look = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
    look += f'<w:sz w:val="{size * 2}"/>'
    items = xml_safe(text).split("\n") if separated else [xml_safe(text)]
    paragraphs = []
    for index, item in enumerate(items):
        paragraph = "<w:pPr>" + ("<w:keepNext/>" if keep else "")
        if index:
            paragraph += ITEM_RULES[index % 2]
        before = ITEM_SPACE if index else 0
        paragraph += f'<w:spacing w:before="{before}" w:after="0" w:line="240" w:lineRule="auto"/>'
        paragraph += '<w:jc w:val="center"/></w:pPr>' if centred else "</w:pPr>"
        run = ""
        if item:
            lines = [escape(line) for line in item.split("\n")]
            body = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
            run = f"<w:r><w:rPr>{look}</w:rPr>{body}</w:r>"
        paragraphs.append(f"<w:p>{paragraph}{run}</w:p>")
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{''.join(paragraphs)}</w:tc>"


def _shading(fill: str) -> str:
    """A solid fill."""
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{escape(fill)}"/>'


def _fill(block: Table, row: int, column: int) -> str:
    if row < len(block.shading) and column < len(block.shading[row]):
        return block.shading[row][column]
    return ""


def _needed(text: str, points: int, bold: bool = False, tight: int = 0) -> int:
    """EMU the longest unbreakable word of a cell needs at this font size. Tighter on a narrow page:
    `tight` 1 keeps the generous character width with the cell margins as drawn; 2 also takes a
    character's usual width (the last resort before words are cut)."""
    longest = max((len(word) for word in BREAKS.split(text)), default=0)
    return _room(longest, points, bold, tight)


def _room(characters: int, points: int, bold: bool, tight: int) -> int:
    """EMU this many characters take in a cell (see `_needed` for `tight`)."""
    if tight >= 2:
        width = TYPICAL_BOLD_WIDTH if bold else TYPICAL_WIDTH
    else:
        width = BOLD_WIDTH if bold else CHAR_WIDTH
    return int(Pt(points * width * characters) + (TIGHT_PADDING if tight else CELL_PADDING))


def _floors(lines: list[list[str]], columns: int, points: int, bold: Any, tight: int = 0) -> list[int]:
    """Each column's floor: what its longest word needs."""
    return [
        max(
            (_needed(cells[c], points, bold(r, c), tight) for r, cells in enumerate(lines) if c < len(cells)),
            default=0,
        )
        for c in range(columns)
    ]


def _fitted(block: Table, usable: int) -> Table:
    """The table as drawn on this page: a numbered table too wide for it has its rank folded into the
    next column, "1. Deployment is manual …"."""
    if not block.numbered or len(block.headers) < 3 or table_size(block, usable) == 9:
        return block
    return dataclasses.replace(
        block,
        headers=block.headers[1:],
        rows=[[f"{row[0]}. {row[1]}", *row[2:]] for row in block.rows],
        shading=[row[1:] for row in block.shading],
        numbered=False,
    )


def table_size(block: Table, usable: int) -> int:
    """The table's font size in points: 9, or 8 for compact tables and for a table whose words don't
    fit the page at 9 (a firm's template with wide margins leaves a six-column table 13 cm): at 9 its
    title column would get no more than its longest word, as narrow as a column of one-word labels."""
    if block.compact or block.chart or block.key_value:
        return 8 if block.compact else 9
    lines = [block.headers, *block.rows]
    floors = _floors(lines, len(block.headers), 9, lambda row, column: row == 0, tight=1)
    return 8 if sum(floors) > usable else 9


def column_widths(block: Table, usable: int, points: int = 9, narrow: bool = False) -> list[int]:
    """Widths in EMU: every column at least as wide as its longest word; the rest by content. On a
    `narrow` page (see `table_size`), measured with the cell margins as drawn."""
    columns = len(block.headers)
    lines = ([] if block.key_value else [block.headers]) + block.rows
    if block.chart and columns > 1:
        first = min(CHART_ITEM_COLUMN, usable // 2)
        return [first] + [(usable - first) // (columns - 1)] * (columns - 1)
    header = 0 if block.key_value else 1

    def bold(row: int, column: int) -> bool:
        """Header rows, and the label column of a key-value table, are bold."""
        return row < header or (block.key_value and column == 0)

    # A narrow page (a firm's template with wide margins): the floors are measured more tightly, so the
    # columns of short words (a quadrant, a score) don't take the room a title needs.
    tight = 1 if narrow else 0
    least = _floors(lines, columns, points, bold, tight)
    while sum(least) > usable and tight < 2 and not block.key_value:
        tight += 1
        least = _floors(lines, columns, points, bold, tight)
    if block.compact and columns > 1:
        first = max(least[0], Mm(28))
        rest = max((usable - first) // (columns - 1), max(least[1:]))
        return [first] + [rest] * (columns - 1)
    wanted = [
        max((_wanted(r[c], points, tight=tight) for r in block.rows if c < len(r)), default=0)
        for c in range(columns)
    ]
    if block.key_value:
        wanted[0] = min(wanted[0], _wanted("x" * LABEL_CHARS, points))  # labels wrap; the values get the room
    else:
        # A header much longer than its column's values wraps ("Impact" over "(1–5)") rather than
        # leaving the column half empty; a form's empty columns are room to write in.
        for c, head in enumerate(block.headers):
            body = wanted[c] or (int(WRITING_ROOM) if block.row_height > 0 else 0)
            head_wants = _wanted(head, points, bold=True, tight=tight)
            wanted[c] = max(body, min(head_wants, int(HEADER_STRETCH * body)))
    widths, shared = share(usable, least, [max(w, m) for w, m in zip(wanted, least, strict=True)])
    texts = [(cells, r < header) for r, cells in enumerate(lines)]
    return _shortest(widths, shared, least, texts, points)


def share(usable: int, least: list[int], wanted: list[int]) -> tuple[list[int], list[int]]:
    """Columns that want little get all they want; the rest share what is left in proportion to what
    they want, never below `least`. Also the columns that shared."""
    if sum(least) >= usable:
        return [usable * m // max(1, sum(least)) for m in least], []
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
        return [w + (usable - total) * w // total for w in widths], []
    while pending:
        total = sum(wanted[c] for c in pending) or 1
        short = [c for c in pending if remaining * wanted[c] // total < least[c]]
        if not short:
            break
        for column in short:
            widths[column] = least[column]
            remaining -= least[column]
            pending.remove(column)
    for column in pending:
        widths[column] = remaining * wanted[column] // total
    if any(w < m for w, m in zip(widths, least, strict=True)):  # the short columns took too much
        return [usable * m // sum(least) for m in least], []
    return widths, pending


def _shortest(
    widths: list[int], shared: list[int], least: list[int], rows: list[tuple[list[str], bool]], points: int
) -> list[int]:
    """Move room between the columns that shared it while that makes the table shorter (each row as
    tall as its tallest cell): a long title gets the room a short area name did not need."""
    if len(shared) < 2:
        return widths
    fixed = [
        max(
            (
                _lines(cells[c], widths[c], points, bold)
                for c in range(len(widths))
                if c not in shared and c < len(cells)
            ),
            default=1,
        )
        for cells, bold in rows
    ]

    def height(trial: list[int]) -> int:
        return sum(
            max(floor, *(_lines(cells[c], trial[c], points, bold) for c in shared if c < len(cells)))
            for (cells, bold), floor in zip(rows, fixed, strict=True)
        )

    best = height(widths)
    for _ in range(SHORTEST_PASSES):
        moved = False
        for gainer, giver in itertools.permutations(shared, 2):
            for step in range(1, (widths[giver] - least[giver]) // SHORTEST_STEP + 1):
                trial = list(widths)
                trial[gainer] += step * SHORTEST_STEP
                trial[giver] -= step * SHORTEST_STEP
                tall = height(trial)
                if tall < best:
                    best, widths, moved = tall, trial, True
                    break
        if not moved:
            break
    return widths


@functools.cache
def _wrapped(text: str, per_line: int) -> int:
    """Lines a cell's text wraps to at this many characters a line."""
    count = 0
    for paragraph in text.split("\n"):
        count, used = count + 1, 0
        for word in BREAKS.split(paragraph):
            if used and used + len(word) + 1 > per_line:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
    return count


def _lines(text: str, width: int, points: int, bold: bool) -> int:
    per_line = int((width - CELL_PADDING) / Pt(points * (TYPICAL_BOLD_WIDTH if bold else TYPICAL_WIDTH)))
    return _wrapped(text, max(1, per_line))


def _wanted(text: str, points: int, bold: bool = False, tight: int = 0) -> int:
    """EMU a cell's longest line would like (capped, so long text wraps); nothing for an empty cell.
    Measured as `_needed` measures, `tight` on a narrow page."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    return _room(min(60, longest), points, bold, tight) if longest else 0
