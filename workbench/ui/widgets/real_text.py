"""Editors that hold the real text: control and bidi characters show as placeholders while
editing, and what the person did not touch is saved exactly as it was read.

A placeholder is one character to the person, as it is one in the file: the cursor steps over it
whole (arrows, a click, a selection's ends), so nothing typed lands inside it, and Backspace and
Delete remove it whole, and with it the real character."""

from __future__ import annotations

from typing import Any

from textual.actions import SkipAction
from textual.widgets import TextArea
from textual.widgets.input import Selection as InputSelection
from textual.widgets.text_area import Selection

from workbench.printable import for_editing, out_of_placeholder, restore, unit_after, unit_before
from workbench.ui.widgets.undoable_input import UndoableInput


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


class RealInput(HoldsRealText, UndoableInput):
    """A one-line editor of a text from a file (a title, an owner…). ctrl+z and ctrl+y take back
    and make again its own typing first, as in the search box."""

    multiline = False

    def __init__(self, real: str = "", **kwargs: Any) -> None:
        super().__init__(for_editing(real, multiline=False), **kwargs)
        self._real = real

    def typed(self) -> str:
        return self.value

    def validate_selection(self, selection: InputSelection) -> InputSelection:
        start, end = super().validate_selection(selection)
        moved = out_of_placeholder(self.value, end, end >= self.selection.end)
        start = moved if start == end else out_of_placeholder(self.value, start, start > end)
        return InputSelection(start, moved)

    def action_delete_left(self) -> None:
        if self.selection.is_empty and self.cursor_position > 0:
            self.delete(unit_before(self.value, self.cursor_position), self.cursor_position)
        else:
            super().action_delete_left()

    def action_delete_right(self) -> None:
        if self.selection.is_empty and self.cursor_position < len(self.value):
            self.delete(self.cursor_position, unit_after(self.value, self.cursor_position))
        else:
            super().action_delete_right()

    def load_real(self, text: str) -> None:
        """Show `text` for editing."""
        self._real = text
        self.value = for_editing(text, multiline=False)
        self.forget_typing()  # loaded, not typed: ctrl+z does not take it back


class RealTextArea(HoldsRealText, TextArea):
    """A multi-line editor of a text from a file (notes, a description…)."""

    def __init__(self, real: str = "", **kwargs: Any) -> None:
        super().__init__(for_editing(real), **kwargs)
        self._real = real

    def typed(self) -> str:
        return self.text

    def action_undo(self) -> None:
        """Undo the last typing; with none left the key goes on (a dialog says "Nothing to undo.")."""
        if not self.history.undo_stack:
            raise SkipAction()
        super().action_undo()

    def action_redo(self) -> None:
        if not self.history.redo_stack:
            raise SkipAction()
        super().action_redo()

    def validate_selection(self, selection: Selection) -> Selection:
        start, (row, column) = selection
        forward = (row, column) >= self.selection.end
        end = (row, out_of_placeholder(self.document.get_line(row), column, forward))
        if start == (row, column):
            return Selection(end, end)
        column = out_of_placeholder(self.document.get_line(start[0]), start[1], start > end)
        return Selection((start[0], column), end)

    def action_delete_left(self) -> None:
        row, column = self.cursor_location
        if self.selection.is_empty and column > 0 and not self.read_only:
            self.delete((row, unit_before(self.document.get_line(row), column)), (row, column))
        else:
            super().action_delete_left()

    def action_delete_right(self) -> None:
        row, column = self.cursor_location
        line = self.document.get_line(row)
        if self.selection.is_empty and column < len(line) and not self.read_only:
            self.delete((row, column), (row, unit_after(line, column)))
        else:
            super().action_delete_right()

    def load_real(self, text: str) -> None:
        """Show `text` for editing."""
        self._real = text
        self.load_text(for_editing(text))
