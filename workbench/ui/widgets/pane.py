"""What the four panes share: a pane mounted lazily while on show refreshes and takes focus."""

from __future__ import annotations

from textual.widget import Widget


def show_if_active(pane: Widget) -> None:
    """Call from a pane's on_mount: panes mount after the first frame, maybe while on show."""
    active = getattr(pane.screen, "active_pane", "")
    show = getattr(pane.screen, "show_pane", None)
    if callable(show) and pane.id == f"{active}-pane":
        show(active)
