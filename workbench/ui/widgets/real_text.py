"""Editors that hold the real text: control and bidi characters show as placeholders while
editing, and what the person did not touch is saved exactly as it was read."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea

from workbench.printable import for_editing, restore


class HoldsRealText:
    """The text as read, next to the editor's shown text (`typed`)."""

    multiline = True
    _real = ""

    def typed(self) -> str:
        """The text in the editor now."""
        raise NotImplementedError

    @property
    def real(self) -> str:
        """The text with the person's edits and every character they left alone as it was."""
        return restore(self._real, self.typed(), self.multiline)

    @property
    def edited(self) -> bool:
        """Whether the person changed the text since it was loaded."""
        return self.typed() != for_editing(self._real, self.multiline)

    def entered(self) -> str:
        """What to save: the text as read when untouched, else what was typed, trimmed."""
        return self.real.strip() if self.edited else self._real


class RealInput(HoldsRealText, Input):
    """A one-line editor of a text from a file (a title, an owner…)."""

    multiline = False

    def __init__(self, real: str = "", **kwargs: Any) -> None:
        super().__init__(for_editing(real, multiline=False), **kwargs)
        self._real = real

    def typed(self) -> str:
        return self.value

    def load_real(self, text: str) -> None:
        """Show `text` for editing."""
        self._real = text
        self.value = for_editing(text, multiline=False)


class RealTextArea(HoldsRealText, TextArea):
    """A multi-line editor of a text from a file (notes, a description…)."""

    def __init__(self, real: str = "", **kwargs: Any) -> None:
        super().__init__(for_editing(real), **kwargs)
        self._real = real

    def typed(self) -> str:
        return self.text

    def load_real(self, text: str) -> None:
        """Show `text` for editing."""
        self._real = text
        self.load_text(for_editing(text))
