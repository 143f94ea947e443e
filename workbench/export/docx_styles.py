"""The document's frame: a clean modern default look, Word 2013+ settings, language and properties."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workbench import __version__
from workbench.export.cleaning import xml_safe

INK, ACCENT = RGBColor(0x26, 0x26, 0x26), RGBColor(0x1F, 0x38, 0x64)
BODY_FONT = "Calibri"
HEADINGS = {"Title": 30, "Heading 1": 18, "Heading 2": 13.5, "Heading 3": 11.5}
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{app}</Application><Company>{company}</Company>"
    "</Properties>"
)
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def modern_look(document: Any) -> None:
    """Restyle python-docx's 2010 template: one sans-serif font, dark-blue headings, more air."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = BODY_FONT, Pt(10.5), INK
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _theme_fonts_off(normal)
    for name, size in HEADINGS.items():
        style = styles[name]
        style.font.name, style.font.size, style.font.color.rgb = BODY_FONT, Pt(size), ACCENT
        style.font.bold = name != "Title"
        style.font.italic = False
        _theme_fonts_off(style)
        style.paragraph_format.space_before = Pt(0 if name == "Title" else 16 if name == "Heading 1" else 10)
        style.paragraph_format.space_after = Pt(12 if name == "Title" else 4)
        _no_border(style)
    _contents_styles(styles)
    quote = styles["Quote"]
    quote.font.color.rgb, quote.font.italic = ACCENT, True
    if "Caption" in [s.name for s in styles if s.type == WD_STYLE_TYPE.PARAGRAPH]:
        styles["Caption"].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        styles["Caption"].font.bold = False


CONTENTS_STYLES = ("toc 1", "toc 2")
"""Word's own names for the contents entries of levels 1 and 2 (LibreOffice: Contents 1 and 2)."""


def _contents_styles(styles: Any) -> None:
    """Compact contents entries, so an updated contents (Word or LibreOffice) stays on one page."""
    known = {s.name for s in styles}
    for level, name in enumerate(CONTENTS_STYLES, start=1):
        style = styles[name] if name in known else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.bold = level == 1
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.line_spacing = 1.0
        style.paragraph_format.left_indent = Mm(6 * (level - 1))


def _theme_fonts_off(style: Any) -> None:
    """Drop theme-font references so the named font is the one used."""
    fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)


def _no_border(style: Any) -> None:
    """The 2010 Title has a bottom border; a modern title does not."""
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def word_2013_settings(document: Any) -> None:
    """compatibilityMode 15, so Word does not open the file in Compatibility Mode."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
            return
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
    setting.set(qn("w:val"), "15")
    compat.append(setting)


AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInPrimaryDocument",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip
"""The settings that follow `w:updateFields` in the schema's order (Word rejects a misplaced one)."""


def update_fields_on_open(document: Any) -> None:
    """Ask Word to fill in the contents and page numbers when the file is opened."""
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        settings.insert_element_before(update, *AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")


TEMPLATE_LANGUAGE = "en-US"
"""The language python-docx's default template sets everywhere; the project's replaces it."""


def set_language(document: Any, language: str) -> None:
    """The proofing language of all text (the document defaults, and every style that sets one)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for lang in [*rpr.findall(qn("w:lang")), *styles.iter(qn("w:lang"))]:
        lang.set(qn("w:val"), language)
        if lang.get(qn("w:eastAsia")) == TEMPLATE_LANGUAGE:
            lang.set(qn("w:eastAsia"), language)  # the default template's, not the project's
    if rpr.find(qn("w:lang")) is None:
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), language)
        rpr.append(lang)
    # The theme's fonts follow the language too (the default template says en-US).
    for theme_lang in document.settings.element.iter(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), language)
    # Word 2010's copy of the styles (stylesWithEffects) is never read by Word 2013 and later, the only
    # Word this document is for; left in, it would carry the template's language.
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)


def set_properties(
    document: Any, title: str, author: str, company: str, language: str, today: dt.date | None,
    subject: str = "MLOps discovery: findings and proposal", keywords: str = "MLOps, discovery, proposal",
) -> None:
    """Honest core and app properties: this program, the firm, no template leftovers."""
    props = document.core_properties
    props.title = xml_safe(title)
    props.author = xml_safe(author)
    props.last_modified_by = xml_safe(author)
    props.subject = subject
    props.keywords = keywords
    props.comments = ""
    props.category = ""
    props.language = language
    props.revision = 1
    if today is not None:
        moment = dt.datetime(today.year, today.month, today.day)
        props.created = props.modified = moment
    package = document.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.format(
                app=escape(f"MLOps Discovery Workbench {__version__}"), company=escape(xml_safe(company))
            ).encode("utf-8")
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == THUMBNAIL:
            package.rels.pop(rel_id)
