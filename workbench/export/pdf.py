"""The proposal as a PDF a consultant can send: LibreOffice converts the .docx with its contents
updated (page numbers filled in), through its Python bridge (`lo_convert.py`).

`soffice --headless --convert-to pdf` alone leaves the contents without page numbers: a Word TOC
field is filled only when Word or LibreOffice updates fields, which a plain conversion does not.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("lo_convert.py")
"""The converter, run by a Python that has LibreOffice's `uno` module."""
OFFICE_NAMES = ("soffice", "libreoffice")
PYTHONS = ("/usr/bin/python3", "python3")
"""Where a Python with `uno` is looked for, after the one LibreOffice bundles and this one."""
TIMEOUT = 600
"""Seconds a conversion may take (LibreOffice starts slowly on a busy machine)."""

NO_OFFICE = (
    "no PDF: LibreOffice is not installed here; open the .docx in Word, let it update the contents, "
    "and save it as PDF (or install LibreOffice and run this again)"
)
NO_BRIDGE = (
    "no PDF: LibreOffice's Python bridge (python3-uno) is not installed here; install it, or open the "
    ".docx in Word or LibreOffice, update the contents (Tools › Update › Update All) and export to PDF"
)


class PdfProblem(Exception):
    """Why there is no PDF, in one sentence."""


def find_office() -> str | None:
    """LibreOffice's `soffice` on the PATH (or `libreoffice`), else None."""
    for name in OFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _has_uno(python: str) -> bool:
    try:
        command = [python, "-c", "import uno"]
        result = subprocess.run(command, capture_output=True, timeout=60, check=False)  # noqa: S603
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def find_uno_python(office: str) -> str | None:
    """A Python that can import LibreOffice's `uno`: the one LibreOffice bundles (macOS, Windows),
    this one, or the system's (python3-uno on Linux)."""
    program = Path(office).resolve().parent
    candidates = [str(program / "python"), str(program / "python.exe"), sys.executable]
    candidates += [shutil.which(p) or p for p in PYTHONS]
    for python in dict.fromkeys(candidates):
        if (Path(python).exists() or shutil.which(python)) and _has_uno(python):
            return python
    return None


def convert_to_pdf(docx: Path, pdf: Path) -> Path:
    """Write the PDF of a .docx with its contents updated; PdfProblem says why when it can't."""
    office = find_office()
    if office is None:
        raise PdfProblem(NO_OFFICE)
    python = find_uno_python(office)
    if python is None:
        raise PdfProblem(NO_BRIDGE)
    try:
        result = subprocess.run(  # noqa: S603 (a Python and LibreOffice found on this machine)
            [python, str(SCRIPT), str(docx), str(pdf), office],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfProblem(f"no PDF: LibreOffice took over {TIMEOUT} s to convert {docx}") from None
    if result.returncode != 0 or not pdf.exists():
        why = result.stderr.strip().splitlines()[-1:] or ["it could not be started"]
        raise PdfProblem(f"no PDF: LibreOffice could not convert {docx} ({why[0]})")
    return pdf
