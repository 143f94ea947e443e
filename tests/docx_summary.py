"""A structural summary of a .docx (headings, tables, shading), for golden comparisons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn


def summarise(path: Path) -> dict[str, Any]:
    """Headings by level, table shapes and shaded-cell counts, styles used, core properties."""
    document = Document(str(path))
    headings = [
        f"{p.style.name}: {p.text}"
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    tables = []
    for table in document.tables:
        shaded = 0
        fills: dict[str, int] = {}
        for row in table.rows:
            for cell in row.cells:
                shd = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
                if shd is not None:
                    shaded += 1
                    fill = shd.get(qn("w:fill"))
                    fills[fill] = fills.get(fill, 0) + 1
        tables.append(
            {
                "rows": len(table.rows),
                "columns": len(table.columns),
                "style": table.style.name if table.style is not None else "",
                "header": [c.text for c in table.rows[0].cells],
                "shaded": shaded,
                "fills": dict(sorted(fills.items())),
            }
        )
    bullets = sum(1 for p in document.paragraphs if p.style.name == "List Bullet")
    footer = document.sections[0].footer._element.xml
    return {
        "title": document.core_properties.title,
        "author": document.core_properties.author,
        "page": [round(document.sections[0].page_width.mm), round(document.sections[0].page_height.mm)],
        "page_numbers": "PAGE" in footer and "NUMPAGES" in footer,
        "headings": headings,
        "tables": tables,
        "bullets": bullets,
    }
