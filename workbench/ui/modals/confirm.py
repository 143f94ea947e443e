"""A yes/no question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.safe import literal


class ConfirmModal(DialogScreen[bool]):
    """Ask a question; dismiss with True for yes (ctrl+s), False for no (Esc)."""

    CANCELLED = False

    def __init__(self, title: str, body: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            yield Static(literal(self.body), classes="dialog-body")
            with DialogButtons():
                yield Button(confirm_label(self.yes), id="yes", variant="primary", compact=True)
                yield Button(cancel_label(self.no), id="no", compact=True)

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)
