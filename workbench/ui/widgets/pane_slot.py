"""Stands in for a pane until the main screen has painted, then imports and mounts it."""

from __future__ import annotations

import importlib

from textual.widget import Widget

from workbench.ui.widgets.pane_strip import PaneStrip
from workbench.ui.workspace import Workspace

PANE_CLASSES = {"gaps": "GapsPane", "map": "MapPane", "plan": "PlanPane"}


class PaneSlot(Widget):
    """Keeps the Gaps, Map and Plan panes (and what they import) off the path to the first paint."""

    DEFAULT_CSS = """
    PaneSlot { height: 1fr; }
    """

    def __init__(self, pane: str, workspace: Workspace) -> None:
        super().__init__()
        self.pane = pane
        self.workspace = workspace

    def on_mount(self) -> None:
        self.call_after_refresh(self.fill)

    async def fill(self) -> None:
        """Import the pane and put it in this slot's place (nothing once the app is closing)."""
        module = importlib.import_module(f"workbench.ui.widgets.{self.pane}_pane")
        widget = getattr(module, PANE_CLASSES[self.pane])(self.workspace, id=f"{self.pane}-pane")
        strip = self.parent
        # Quitting straight after opening takes the screen down before this runs.
        if isinstance(strip, PaneStrip) and strip.is_attached and self.is_attached:
            await strip.mount(widget, after=self)
            await self.remove()
            strip.show(strip.active)  # only the pane on show takes focus
