"""The first frame: the workbench's frame and the file being opened, painted before any loading."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from workbench.ui.safe import literal
from workbench.ui.widgets.key_footer import KeyFooter


class LoadingScreen(Screen[None]):
    """Shown while the banks and the project load; replaced by the main screen."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Static(Text(" ◆ MLOps Discovery Workbench", style="bold"), id="loading-header")
        message = Text("Opening ", style="dim")
        message.append_text(literal(self.path))
        message.append("…", style="dim")
        yield Static(message, id="loading-message")
        yield Static("", id="loading-expect")
        yield KeyFooter()

    def expect(self, what: str) -> None:
        """Say what a key pressed while opening will open once the project is open."""
        self.query_one("#loading-expect", Static).update(literal(what, "dim"))
