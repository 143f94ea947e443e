"""What the edit dialogs share: Save (ctrl+s) and Cancel (escape) buttons and keys."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button

ResultType = TypeVar("ResultType")


class FormModal(ModalScreen[ResultType | None]):
    """A dialog that validates in `action_save` and dismisses with None when cancelled."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def form_buttons(self) -> ComposeResult:
        """The Save and Cancel row, yielded at the end of `compose`."""
        with Horizontal(classes="dialog-buttons"):
            yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    def action_save(self) -> None:
        """Validate and dismiss with the result (each dialog defines it)."""
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)
