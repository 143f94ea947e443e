"""#15, last findings 1: with a firm's template of wide margins and --ids, the ranked gaps table gave
its Gap column less room than its Quadrant column. Widths follow the text each column holds and the
template's usable width: the titles get the room, and no word is cut."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tests.test_proposal import export
from workbench.export.docx_tables import BOLD_WIDTH, CHAR_WIDTH, TIGHT_PADDING


def firm_template(folder: Path, margin: int) -> Path:
    """An A4 template whose left and right margins are `margin` millimetres."""
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(margin)
    path = folder / f"firm-{margin}.docx"
    document.save(str(path))
    return path


def ranked_table(path: Path) -> tuple[list[str], list[int], list[list[str]], int]:
    """The ranked gaps table: headers, column widths in EMU, body rows and its font size in points."""
    document = Document(str(path))
    table = next(t for t in document.tables if "Quadrant" in [c.text for c in t.rows[0].cells])
    headers = [c.text for c in table.rows[0].cells]
    widths = [int(c.width) for c in table.rows[0].cells]
    size = table.rows[1].cells[0]._tc.find(f".//{qn('w:sz')}").get(qn("w:val"))
    return headers, widths, [[c.text for c in row.cells] for row in table.rows[1:]], int(size) // 2


def test_a_wide_margined_template_gives_the_gap_titles_the_room(example: Path) -> None:
    template = firm_template(example.parent, 40)  # 130 mm between the margins
    headers, widths, rows, size = ranked_table(export(example, template=template, ids=True))
    assert sum(widths) <= Mm(130)
    gap = headers.index("Gap")
    assert all(widths[gap] > width for column, width in enumerate(widths) if column != gap), widths
    assert widths[gap] > widths[headers.index("Quadrant")]
    # The rank stays, folded into the title ("1. G-001 Deployment …"), and the table is set at 8 pt.
    assert rows[0][gap].startswith("1. G-001 ") and rows[9][gap].startswith("10. ")
    assert size == 8
    # No word is cut: every column is as wide as its longest word (the margins as drawn).
    for column, width in enumerate(widths):
        for row, cells in enumerate([headers, *rows]):
            longest = max(len(word) for word in cells[column].replace("/", " ").replace("-", " ").split())
            factor = BOLD_WIDTH if row == 0 else CHAR_WIDTH  # widths are whole twips (635 EMU)
            needed = Pt(size * factor * longest) + TIGHT_PADDING - 635
            assert width >= needed, (headers[column], cells[column])


def test_the_default_page_keeps_the_rank_column_at_9_points(example: Path) -> None:
    headers, widths, _rows, size = ranked_table(export(example, ids=True))
    assert headers[:2] == ["Rank", "Gap"] and size == 9
    assert widths[1] == max(widths)
