"""A one-line text field whose ctrl+z and ctrl+y take back its own typing first."""

from __future__ import annotations

import itertools

from textual import on
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

HISTORY_LIMIT = 100
TYPING_ACTIONS = ("undo_typing", "redo_typing")
"""A field's own ctrl+z and ctrl+y (the footer shows them as the workbench's Undo and Redo)."""
_undo_steps = itertools.count(1)


def undo_step() -> int:
    """The number of an undo just made, a field's or the workbench's: later undos have larger
    numbers, so redo makes again what was undone last first, whoever undid it."""
    return next(_undo_steps)


class UndoableInput(Input):
    """Like the notes editor: ctrl+z undoes this field's typing; once there is none left the key
    goes on to the workbench's undo. Textual's Input keeps no history of its own."""

    BINDINGS = [
        Binding("ctrl+z", "undo_typing", "Undo", show=False),
        Binding("ctrl+y", "redo_typing", "Redo", show=False),
    ]

    saved_as_typed = False
    """A field whose typing is saved as it happens (the capture panel's): each change is a step
    of the workbench's one undo history, so ctrl+z and ctrl+y go straight to that history, as in
    the notes. A history of its own beside it put back text the file no longer held and made new
    edits that threw away what the workbench could redo (walkthrough f15b)."""

    def __init__(self, *args: object, saved_as_typed: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.saved_as_typed = saved_as_typed
        self._undo: list[str] = []
        self._redo: list[str] = []
        self._undone_at: list[int] = []
        self._shown = self.value
        self._restoring = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # With no typing to take back (make again) the key goes on to the screen's or the
        # workbench's undo; shown dimmed meanwhile (None), so the footer keeps ^z and ^y.
        if action == "undo_typing":
            return True if self._undo else None
        if action == "redo_typing":
            return True if self._redo and not self._workbench_undid_since() else None
        return super().check_action(action, parameters)

    def _watch_value(self, value: str) -> None:
        """Textual's Input sets its virtual size on every change, and the virtual size asks for
        a layout of the whole screen: 10-20 ms a key on the main screen, before the key shows.
        The field's own size never changes with its text, so its virtual size is set quietly
        (its scrolling reads it) and only the field repaints."""
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
        self.refresh()

    @on(Input.Changed)
    def _remember(self, event: Input.Changed) -> None:
        if event.input is not self:
            return
        if not self._restoring and event.value != self._shown and not self.saved_as_typed:
            self._undo = [*self._undo, self._shown][-HISTORY_LIMIT:]
            self._redo, self._undone_at = [], []
        self._shown = event.value
        self._restoring = False

    def forget_typing(self) -> None:
        """Start a new history (the field was cleared or filled by the program)."""
        self._undo, self._redo, self._undone_at, self._shown = [], [], [], self.value

    def _workbench_undid_since(self) -> bool:
        """Whether the workbench undid a change after this field's last undo: ctrl+y makes that
        again first (one order for both: what was undone last is redone first)."""
        later = getattr(self.app, "undone_since", None)
        return bool(self._undone_at) and callable(later) and bool(later(self._undone_at[-1]))

    def action_undo_typing(self) -> None:
        """Put back the text before the last change."""
        if self._undo:
            self._redo.append(self.value)
            self._undone_at.append(undo_step())
            self._set(self._undo.pop())

    def action_redo_typing(self) -> None:
        """Make the last undone change again."""
        if self._redo:
            self._undo.append(self.value)
            self._undone_at = self._undone_at[:-1]
            self._set(self._redo.pop())

    def _set(self, text: str) -> None:
        self._restoring = True
        self.value = text
        self.cursor_position = len(text)
