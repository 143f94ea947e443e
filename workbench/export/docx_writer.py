"""Render proposal blocks as a Word document: the firm's template or a clean default, real styles,
a contents field, page numbers off the cover, tables whose rows and words never split."""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Mm, Pt, RGBColor

from workbench.export.blocks import Block, Bullets, Contents, Heading, PageBreak, Paragraph, Table
from workbench.export.cleaning import xml_safe
from workbench.export.docx_styles import (
    CONTENTS_STYLES,
    modern_look,
    set_language,
    set_properties,
    update_fields_on_open,
    word_2013_settings,
)
from workbench.export.docx_tables import render_table

PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Inches(8.5), Inches(11))}
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


def paper_name(width: int, height: int) -> str:
    """`A4`, `US Letter`, else the size in millimetres, either way round."""
    for paper, (w, h) in PAPER.items():
        if abs(min(width, height) - w) < Mm(2) and abs(max(width, height) - h) < Mm(2):
            return PAPER_NAMES[paper]
    return f"{Emu(width).mm:.0f} × {Emu(height).mm:.0f} mm"


def template_paper(template: Path) -> str:
    """The paper size of the template's first page, by name ("US Letter"); empty if unreadable."""
    try:
        section = Document(as_document(template)).sections[0]
        return paper_name(int(section.page_width or 0), int(section.page_height or 0))
    except Exception:  # a template export would refuse says so there, in one sentence
        return ""


MARGIN = Mm(22)
CODE_FONT = "Consolas"
STYLE_NAMES = ("Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Normal", "Quote", "Caption")


@dataclass
class DocxFrame:
    """What frames the blocks: title and author for the properties, paper, template, language."""

    title: str
    author: str
    company: str = ""
    paper: str = ""
    """`a4` or `letter`; empty for the template's own page (A4 without a template)."""
    template: Path | None = None
    """The firm's .docx: its styles, headers, footers, logo and page setup are kept."""
    language: str = "en-GB"
    today: dt.date | None = None
    subject: str = "MLOps discovery: findings and proposal"
    keywords: str = "MLOps, discovery, proposal"
    clean: Callable[[str], str] | None = None
    """When redacting: what cleans the text the template brings (headers, footers, text boxes)."""


TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def as_document(template: Path) -> io.BytesIO:
    """The template's package, its main part typed as a document: python-docx opens only .docx,
    and a firm's template is usually a .dotx (the same package with a template content type)."""
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(TEMPLATE_TYPE.encode(), DOCUMENT_TYPE.encode())
            target.writestr(item, data)
    out.seek(0)
    return out


def render_docx(blocks: list[Block], frame: DocxFrame) -> bytes:
    """The .docx bytes for the blocks."""
    if frame.template is not None:
        document = Document(as_document(frame.template))
        _clear_body(document)
        if frame.paper in PAPER:  # forced over the template's page size; its margins stay
            for section in document.sections:
                section.page_width, section.page_height = PAPER[frame.paper]
    else:
        document = Document()
        modern_look(document)
        _page_setup(document, frame.paper or "a4")
    if frame.clean is not None:
        clean_template_parts(document, frame.clean)
    _cover_without_footer(document)
    _page_numbers(document)
    word_2013_settings(document)
    set_language(document, frame.language)
    set_properties(
        document,
        frame.title,
        frame.author,
        frame.company,
        frame.language,
        frame.today,
        frame.subject,
        frame.keywords,
    )
    styles = _style_ids(document)
    section = document.sections[-1]
    usable = int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)
    for index, block in enumerate(blocks):
        if isinstance(block, Contents):
            entries = [
                (b.text, b.level) for b in blocks[index + 1 :] if isinstance(b, Heading) and 1 <= b.level <= 2
            ]
            _contents(document, block, entries, styles)
        else:
            _render(document, block, styles, usable)
    if any(isinstance(b, Contents) for b in blocks):
        update_fields_on_open(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _clear_body(document: Any) -> None:
    """Drop the template's sample text; keep its section settings (headers, footers, page)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _style_ids(document: Any) -> dict[str, str]:
    """Style ids by name; a template without one of them falls back to Normal."""
    known = {s.name: s.style_id for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    normal = known.get("Normal", "Normal")
    return {name: known.get(name, normal) for name in (*STYLE_NAMES, *CONTENTS_STYLES)}


def _page_setup(document: Any, paper: str) -> None:
    width, height = PAPER[paper]
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN


TEMPLATE_TEXT_PARTS = ("/word/header", "/word/footer", "/word/footnotes", "/word/endnotes", "/word/glossary/")
"""The parts a template brings text in besides its body: headers and footers (first-page and even
ones too), notes and building blocks; text boxes sit inside them."""


def clean_template_parts(document: Any, clean: Callable[[str], str]) -> None:
    """Clean every paragraph of the template's headers, footers and text boxes as the body is cleaned
    ("Prepared for Harbour & Pine Retail (Dana Whitfield)" reads "Prepared for the client (the
    client team)"); a paragraph's words are put back in its first run, its other runs emptied."""
    for part in document.part.package.iter_parts():
        if not str(part.partname).startswith(TEMPLATE_TEXT_PARTS) or not hasattr(part, "element"):
            continue
        runs: dict[Any, list[Any]] = {}
        for text in part.element.iter(qn("w:t")):
            paragraph = next((a for a in text.iterancestors(qn("w:p"))), None)
            runs.setdefault(paragraph, []).append(text)
        for texts in runs.values():
            before = "".join(t.text or "" for t in texts)
            after = clean(before) if before.strip() else before
            if after != before:
                texts[0].text = after
                texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                for other in texts[1:]:
                    other.text = ""


def _cover_without_footer(document: Any) -> None:
    """The cover is the first page: a first-page header and footer of its own, the footer empty (no
    page number on the cover). The header is the template's first-page header when it has one, else
    a copy of its header when that holds a logo: a firm's logo belongs on the front page."""
    for section in document.sections:
        section.different_first_page_header_footer = True
        if not _has_content(section.first_page_header):
            _copy_logo_header(section.header, section.first_page_header)


PICTURES = (qn("w:drawing"), qn("w:pict"))
RELATION_ATTRIBUTES = (qn("r:embed"), qn("r:link"), qn("r:id"))


def _has_content(header: Any) -> bool:
    """Whether a header is defined and shows something (words or a picture)."""
    if header.is_linked_to_previous:
        return False
    element = header._element
    return any(p.text.strip() for p in header.paragraphs) or next(element.iter(*PICTURES), None) is not None


def _copy_logo_header(source: Any, target: Any) -> None:
    """Copy a header holding a picture into another, its pictures' relationships with it."""
    if source.is_linked_to_previous or next(source._element.iter(*PICTURES), None) is None:
        return
    target.is_linked_to_previous = False
    into = target._element
    for child in list(into):
        into.remove(child)
    for child in source._element:
        into.append(copy.deepcopy(child))
    rels = source.part.rels
    for element in into.iter():
        for attribute in RELATION_ATTRIBUTES:
            rel_id = element.get(attribute)
            if rel_id is None or rel_id not in rels:
                continue
            rel = rels[rel_id]
            if rel.is_external:
                element.set(attribute, target.part.relate_to(rel.target_ref, rel.reltype, is_external=True))
            else:
                element.set(attribute, target.part.relate_to(rel.target_part, rel.reltype))


def _page_numbers(document: Any) -> None:
    """A `Page N of M` footer from PAGE and NUMPAGES fields, unless the template has a footer."""
    for section in document.sections:
        footer = section.footer
        if (
            any(p.text.strip() for p in footer.paragraphs)
            or footer._element.find(".//" + qn("w:fldSimple")) is not None
        ):
            continue
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES", "1")


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _render(document: Any, block: Block, styles: dict[str, str], usable: int) -> None:
    if isinstance(block, Heading):
        style = styles["Title"] if block.level == 0 else styles[f"Heading {min(3, block.level)}"]
        _paragraph(document, xml_safe(block.text), style)
    elif isinstance(block, Paragraph):
        _styled_paragraph(document, block, styles)
    elif isinstance(block, Bullets):
        for item in block.items:
            _paragraph(document, xml_safe(item), styles["List Bullet"])
    elif isinstance(block, Table):
        _keep_with_next(document.element.body[-1].getprevious())  # what introduces a table stays with it
        render_table(document, block, usable)
        if block.caption:
            _paragraph(document, xml_safe(block.caption), styles["Caption"])
        else:
            _paragraph(document, "", styles["Normal"]).paragraph_format.space_after = Pt(2)
    elif isinstance(block, PageBreak):
        document.add_page_break()


def _styled_paragraph(document: Any, block: Paragraph, styles: dict[str, str]) -> None:
    text = xml_safe(block.text)
    if block.style == "quote":
        _paragraph(document, text, styles["Quote"])
        return
    paragraph = _paragraph(document, "", styles["Normal"])
    run = paragraph.add_run(text)
    if block.style == "strong":
        run.bold = True
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.paragraph_format.keep_with_next = True
    elif block.style == "lead":
        run.font.size = Pt(15)
    elif block.style == "code":
        run.font.name, run.font.size = CODE_FONT, Pt(7.5)  # a 100-character line fits the page
        run.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
        paragraph.paragraph_format.line_spacing = 1.0
        paragraph.paragraph_format.keep_together = True  # a pattern is read whole, never split by a page
        _keep_with_next(paragraph._p.getprevious())  # and starts on the page of the practice it shows
    elif block.style in ("small", "note"):
        run.font.size = Pt(9)
        run.italic = block.style == "note"
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _keep_with_next(element: Any) -> None:
    """Keep a paragraph on the page of the one that follows it (no-op for anything else)."""
    if element is not None and element.tag == qn("w:p"):
        element.get_or_add_pPr().get_or_add_keepNext().val = True


def _contents(document: Any, block: Contents, entries: list[tuple[str, int]], styles: dict[str, str]) -> None:
    """A TOC field over headings 1–2. Its shown result lists the headings (page numbers come when
    Word updates the field, which the document asks for on opening)."""
    title = _paragraph(document, "", styles["Normal"])
    run = title.add_run(xml_safe(block.title))
    run.bold, run.font.size = True, Pt(18)
    entries = entries or [("", 1)]
    for index, (text, level) in enumerate(entries):
        style = styles[CONTENTS_STYLES[level - 1]]
        paragraph = _paragraph(document, "", style)
        if style == styles["Normal"]:  # a template without contents styles
            paragraph.paragraph_format.left_indent = Mm(6 * (level - 1))
            paragraph.paragraph_format.space_after = Pt(2)
        if index == 0:
            _field_char(paragraph, "begin")
            instruction = OxmlElement("w:r")
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-2" \\h \\z \\u '
            instruction.append(instr)
            paragraph._p.append(instruction)
            _field_char(paragraph, "separate")
        paragraph.add_run(xml_safe(text)).bold = level == 1
        if index == len(entries) - 1:
            _field_char(paragraph, "end")


def _field_char(paragraph: Any, kind: str) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    paragraph._p.append(run)


def _paragraph(document: Any, text: str, style_id: str) -> Any:
    """Add a paragraph with a style by id (python-docx's lookup by style object is slow)."""
    paragraph = document.add_paragraph(text)
    if style_id and style_id != "Normal":
        paragraph._p.style = style_id
    return paragraph
