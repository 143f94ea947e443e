"""F1: every key, by pane, from the key registry."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.ui.getting_started import getting_started_rows
from workbench.ui.keys import help_rows


class HelpScreen(ModalScreen[None]):
    """Lists every key."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold", max_width=24)  # long key lists wrap, the words keep room
        table.add_column()
        for title, keys in [("Getting started", getting_started_rows()), *help_rows()]:
            table.add_row(Text(title, style="underline bold"), "")
            for key, what in keys:
                table.add_row(Text(key), Text(what))
            table.add_row("", "")
        with VerticalScroll(classes="dialog wide help"):
            yield Static(Text("Keys  (escape closes)", style="bold"), classes="dialog-title")
            yield Static(table)
