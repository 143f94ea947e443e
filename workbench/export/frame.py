"""Checks of a proposal's frame (its language tag and Word template) that need no Word library:
`workbench check` and the F8 dialog use them without loading python-docx."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from workbench.printable import quoted
from workbench.problems import FileProblem


class ExportRefused(FileProblem):
    """The export would overwrite a file or leave the chosen folder."""


class FileExists(ExportRefused):
    """The file to write is there already: one sentence naming it and what replaces it
    (`x.docx already exists; add --force to replace it, or -o to write another file`)."""

    def __str__(self) -> str:
        return f"{self.path} {self.message}"


REPLACE_HOW = "add --force to replace it, or -o to write another file"
"""What a person adds to the command when the file to write exists (export, backlog)."""


LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
"""A language tag (en-GB, de, pt-BR): what Word's proofing and the properties expect."""


def frame_problem(name: str, value: str, project_file: Path) -> str:
    """One sentence on why a proposal frame field (language, template) cannot be saved; empty if fine."""
    if name == "language" and value and not LANGUAGE_TAG.fullmatch(value):
        return f"Language must be a language tag such as en-GB or de-DE, not {quoted(value)}."
    if name == "template" and value:
        path = Path(value).expanduser()
        try:
            check_template(path if path.is_absolute() else project_file.resolve().parent / path)
        except ExportRefused as problem:
            return f"Word template: {problem}."
    return ""


NOT_WORD = (
    "cannot be read as a Word document, whatever its name says (damaged, or another kind of file); "
    "open it in Word and save it again as a .docx or .dotx template"
)


def check_template(path: Path) -> None:
    """Refuse a template that is missing or not a Word document, in one sentence."""
    if not path.is_file():
        raise ExportRefused(path, "the Word template does not exist; check the path or clear it")
    if path.suffix.lower() in (".docm", ".dotm"):
        raise ExportRefused(path, "is macro-enabled (.docm or .dotm); save the template as .dotx or .docx")
    if not zipfile.is_zipfile(path):
        raise ExportRefused(path, NOT_WORD)
    with zipfile.ZipFile(path) as package:
        if "word/document.xml" not in package.namelist():
            raise ExportRefused(path, NOT_WORD)
        types = package.read("[Content_Types].xml") if "[Content_Types].xml" in package.namelist() else b""
        if b"macroEnabled" in types:
            raise ExportRefused(path, "has macros (.docm or .dotm); save the template as .dotx or .docx")
