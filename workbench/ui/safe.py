"""Showing text from files literally: never as markup, never as terminal control codes."""

from __future__ import annotations

from rich.text import Text

from workbench.printable import clean, one_line

__all__ = ["clean", "literal", "one_line"]


def literal(value: object, style: str = "", multiline: bool = True) -> Text:
    """A rich Text of file data: shown exactly, with no markup parsed."""
    return Text(clean(value, multiline), style=style)
