"""Render proposal blocks as Markdown."""

from __future__ import annotations

from workbench.export.blocks import Block, Bullets, Heading, PageBreak, Paragraph, Table
from workbench.export.cleaning import xml_safe


def _cell(text: str) -> str:
    return xml_safe(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(blocks: list[Block]) -> str:
    """The same proposal as Markdown (shading becomes ■ marks in Gantt and matrix cells)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append("#" * (block.level + 1) + " " + xml_safe(block.text) + "\n")
        elif isinstance(block, Paragraph):
            text = xml_safe(block.text)
            out.append((f"**{text}**" if block.style == "question" else text) + "\n")
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {xml_safe(item)}" for item in block.items) + "\n")
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, PageBreak):
            out.append("---\n")
    return "\n".join(out)


def _table(block: Table) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in block.headers) + " |"]
    lines.append("|" + "|".join("---" for _ in block.headers) + "|")
    for r, row in enumerate(block.rows):
        cells = []
        for c, text in enumerate(row):
            fill = block.shading[r][c] if r < len(block.shading) and c < len(block.shading[r]) else ""
            cells.append(_cell(text) or ("■" if fill and block.compact and c > 0 and not text else ""))
        lines.append("| " + " | ".join(cells) + " |")
    if block.caption:
        lines.append("")
        lines.append(f"*{_cell(block.caption)}*")
    return "\n".join(lines) + "\n"
