"""What the edit dialogs share: Save (ctrl+s) and Cancel (Esc) buttons."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label

from workbench.ui.modals.dialog import DialogButtons, DialogScreen, cancel_label, confirm_label

ResultType = TypeVar("ResultType")


def labelled(label: str, *fields: Widget, width: int = 11) -> Horizontal:
    """Fields after their name, which stays when they are filled in (a placeholder goes)."""
    return Horizontal(Label(label.ljust(width)), *fields, classes="row labelled")


class FormModal(DialogScreen[ResultType | None]):
    """A dialog that validates in `action_save` and dismisses with None when cancelled."""

    def form_buttons(self) -> ComposeResult:
        """The Save and Cancel row, yielded at the end of `compose`."""
        with DialogButtons():
            yield Button(confirm_label("Save"), id="save", variant="primary", compact=True)
            yield Button(cancel_label(), id="cancel", compact=True)

    def action_save(self) -> None:
        """Validate and dismiss with the result (each dialog defines it)."""
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()  # as Esc: the button says "Cancel (Esc)"
