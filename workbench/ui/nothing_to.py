"""What ctrl+z / ctrl+y say with nothing to take back or make again: on the panes, from the
palette and in a dialog (a module of its own, so that dialogs need not import the palette)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

NOTHING_TO_UNDO = "Nothing to undo."
NOTHING_TO_REDO = "Nothing to redo."
"""What ctrl+z / ctrl+y (and the palette's Undo / Redo) say with nothing to take back or make again."""


def say_nothing_to(app: App[Any], redo: bool = False) -> None:
    """ctrl+z (ctrl+y with `redo`) with nothing to take back (make again) says so, never nothing
    at all: on the panes, from the palette, and in a dialog with no typing left to undo."""
    app.notify(NOTHING_TO_REDO if redo else NOTHING_TO_UNDO, markup=False, timeout=2)
