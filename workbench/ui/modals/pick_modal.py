"""Pick one item from a list (a crowded matrix cell, a dependency, …)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbench.ui.modals.dialog import Dialog, DialogScreen


class PickModal(DialogScreen[str | None]):
    """Dismisses with the chosen option's id, or None."""

    def __init__(self, title: str, options: list[tuple[str, Text]]) -> None:
        super().__init__()
        self.heading = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            yield OptionList(*[Option(label, id=key) for key, label in self.options], id="pick-list")

    def action_confirm(self) -> None:
        """ctrl+s chooses the highlighted option, as Enter does."""
        options = self.query_one("#pick-list", OptionList)
        if options.highlighted is not None:
            options.action_select()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
