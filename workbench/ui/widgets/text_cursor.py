"""Text fields take the keyboard with the cursor after their text, as the notes do: never with
the text selected (Textual's Input selects all on focus, so the next letter replaced an owner)
and never at the start (new words went in front of a session's notes)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input, TextArea


def cursors_at_end(root: Widget) -> None:
    """Every text field under `root`: no select-all on focus, the cursor after the text."""
    for field in root.query(Input):
        field.select_on_focus = False
        field.cursor_position = len(field.value)
    for area in root.query(TextArea):
        area.move_cursor(area.document.end)


def to_edge(field: Widget | None, end: bool) -> None:
    """ctrl+home / ctrl+end: the cursor to the start or the end of the whole text."""
    if isinstance(field, TextArea):
        field.move_cursor(field.document.end if end else (0, 0))
    elif isinstance(field, Input):
        field.cursor_position = len(field.value) if end else 0
