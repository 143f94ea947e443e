"""Read an exported proposal back: all its text, its XML parts, its tables (test helpers)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def docx_text(path: Path) -> str:
    """Every run of text in the body, paragraphs and table cells, one line per paragraph."""
    body = Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def xml_parts(path: Path) -> dict[str, str]:
    """Every XML part of the package, by name."""
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }


def tables(path: Path) -> list[list[list[str]]]:
    """Every table as rows of cell texts."""
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(path)).tables]
