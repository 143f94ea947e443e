"""Ask for one line of text (a rationale, a title, …)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbench.ui.safe import literal
from workbench.ui.widgets.real_text import RealInput


class TextModal(ModalScreen[str | None]):
    """Dismisses with the text typed (enter), or None (escape)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "", context: str = "") -> None:
        super().__init__()
        self.heading, self.value, self.placeholder, self.context = title, value, placeholder, context

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            if self.context:
                yield Static(literal(self.context, "dim"), classes="dialog-body")
            yield RealInput(self.value, placeholder=self.placeholder, id="text-value")
            yield Static(Text("enter saves · escape cancels", style="dim"))

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        self.dismiss(self.query_one("#text-value", RealInput).entered())
