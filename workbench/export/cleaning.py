"""Text safe for a .docx (XML 1.0) and file names safe for any folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Drop characters XML cannot hold (NUL, vertical tab, ESC, lone surrogates…)."""
    return _XML_INVALID.sub("", text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one it would run as a formula (it starts with =, +,
    -, @, a tab or a carriage return, and is not a number) gets a leading apostrophe."""
    if not text.startswith(_FORMULA_START):
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


SPELLED_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ø": "oe", "Ø": "Oe",
     "æ": "ae", "Æ": "Ae", "å": "aa", "Å": "Aa", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L", "đ": "d"}
)  # fmt: skip
"""Letters a name keeps the sound of in ASCII the way their languages write them without accents."""


def ascii_name(name: str) -> str:
    """A name in ASCII letters as its language spells it without accents: "Müller & Søn" reads
    "Mueller & Soen", "Café" "Cafe"; letters without an ASCII form drop."""
    spelled = unicodedata.normalize("NFKD", name.translate(SPELLED_OUT))
    return "".join(c for c in spelled if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def safe_file_stem(name: str, fallback: str = "proposal") -> str:
    """A file name stem from a project name: letters, digits and dashes, no path parts."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name(name)).strip("-").lower()
    return stem[:80] or fallback


def inside(folder: Path, candidate: Path) -> bool:
    """Whether `candidate` resolves inside `folder` (no `..` or symlink escape)."""
    try:
        candidate.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
