"""The four panes side by side, each as wide as the strip; switching pane scrolls to it.

Textual treats a widget coming back from `display: none` as new: it lays it out, restyles it,
sends it Resize and Show, and the Tree, DataTable and OptionList drop their rendered lines on
that Resize. A pane scrolled out of view keeps its layout and its caches, so showing it again is
only a repaint. Panes out of view take no focus (neither Tab nor a click can reach them).
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widget import Widget

from workbench.ui.textual_private import repaint_area

PANES = ("capture", "gaps", "map", "plan")


class PaneStrip(Horizontal):
    """Holds the panes in `PANES` order; `active` is the one on show."""

    DEFAULT_CSS = """
    PaneStrip { height: 1fr; overflow: hidden hidden; }
    PaneStrip > * { width: 100%; height: 100%; }
    """

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.active = PANES[0]

    def show(self, pane: str) -> None:
        """Bring a pane into view and let only it take the keyboard."""
        self.active = pane
        for child in self.children:
            child.can_focus_children = child.id == f"{pane}-pane"
        self._scroll_to_active()

    def on_mount(self) -> None:
        self.show(self.active)

    def on_resize(self) -> None:
        # The panes follow the strip's width; keep the active one aligned once they have.
        self.call_after_refresh(self._scroll_to_active)

    def _scroll_to_active(self, tries: int = 3) -> None:
        target = PANES.index(self.active) * self.size.width
        if self.scroll_x != target:
            self.scroll_to(x=target, animate=False, immediate=True, force=True)
            # Repaint the whole strip: after a pane was refreshed out of view (an undo, the
            # catch-up), only its widgets marked changed were drawn, and the rest of the
            # terminal kept the pane left (Capture's words in the Gaps tab row). From the lines
            # drawn already: the strip's own, hidden under the panes, are not drawn again.
            repaint_area(self)
        if self.scroll_x != target and tries:
            # A pane mounted a moment ago widens the strip only at the next layout.
            self.call_after_refresh(self._scroll_to_active, tries - 1)
