"""Ask for one line of text (a rationale, a title, …)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Static

from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.safe import literal
from workbench.ui.widgets.real_text import RealInput


class TextModal(DialogScreen[str | None]):
    """Dismisses with the text typed (ctrl+s or Enter), or None (Esc)."""

    def __init__(self, title: str, value: str = "", placeholder: str = "", context: str = "") -> None:
        super().__init__()
        self.heading, self.value, self.placeholder, self.context = title, value, placeholder, context

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            if self.context:
                yield Static(literal(self.context, "dim"), classes="dialog-body")
            yield RealInput(self.value, placeholder=self.placeholder, id="text-value")
            with DialogButtons():
                yield Button(confirm_label("Save"), id="text-save", variant="primary", compact=True)
                yield Button(cancel_label(), id="text-cancel", compact=True)

    @on(Input.Submitted)
    @on(Button.Pressed, "#text-save")
    def _done(self) -> None:
        self.dismiss(self.query_one("#text-value", RealInput).entered())

    @on(Button.Pressed, "#text-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
