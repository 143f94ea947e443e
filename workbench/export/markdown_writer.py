"""Render proposal blocks as Markdown: the same structure, no colours, nothing drawn as data."""

from __future__ import annotations

from workbench.export.blocks import Block, Bullets, Contents, Heading, PageBreak, Paragraph, Table
from workbench.export.cleaning import xml_safe


def _cell(text: str) -> str:
    return xml_safe(text).replace("|", "\\|").replace("\n", "<br>")


def _items(text: str) -> str:
    items = text.split("\n")
    return "\n".join(f"• {item}" for item in items) if len(items) > 1 else text


def render_markdown(blocks: list[Block]) -> str:
    """The proposal as Markdown: headings one level below Word's (the cover title is `#`)."""
    out: list[str] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            out.append("#" * (block.level + 1) + " " + xml_safe(block.text) + "\n")
        elif isinstance(block, Paragraph):
            out.append(_paragraph(block))
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {xml_safe(item)}" for item in block.items) + "\n")
        elif isinstance(block, Table) and not block.chart:
            out.append(_table(block))
        elif isinstance(block, Contents):
            out.append(_contents(block, blocks[index + 1 :]))
        elif isinstance(block, PageBreak) and out and out[-1] != "---\n":
            out.append("---\n")
    return "\n".join(out)


def _paragraph(block: Paragraph) -> str:
    if block.style == "code":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}{block.language}\n{xml_safe(block.text).rstrip()}\n{fence}\n"
    text = xml_safe(block.text).replace("\n", " ")
    if block.style == "strong":
        return f"**{text}**\n"
    if block.style == "quote":
        return f"> {text}\n"
    if block.style in ("note", "small"):
        return f"*{text}*\n"
    return text + "\n"


def _contents(block: Contents, rest: list[Block]) -> str:
    titles = [b.text for b in rest if isinstance(b, Heading) and b.level == 1]
    lines = [f"**{block.title}**", ""] + [f"- {xml_safe(t)}" for t in titles]
    return "\n".join(lines) + "\n"


def _table(block: Table) -> str:
    headers = block.headers
    rows = block.rows
    if block.key_value and not any(h.strip() for h in headers):
        # no header of its own: Markdown needs one, so the first pair takes its place
        headers, rows = [block.rows[0][0], block.rows[0][1]] if rows else ["", ""], rows[1:]
        headers = [f"**{headers[0]}**", headers[1]]
    if block.key_value:
        rows = [[f"**{row[0]}**", *row[1:]] for row in rows]
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        if block.separated:  # items of their own: bulleted when a cell holds more than one
            row = [_items(text) for text in row]
        lines.append("| " + " | ".join(_cell(text) for text in row) + " |")
    if block.caption:
        lines.append("")
        lines.append(f"*{_cell(block.caption)}*")
    return "\n".join(lines) + "\n"
