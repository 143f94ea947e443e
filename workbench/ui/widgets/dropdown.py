"""A dropdown that only a deliberate key opens."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.widgets import Select

ValueType = TypeVar("ValueType")


class Dropdown(Select[ValueType]):
    """Textual's Select, opened by Enter or the arrows as the keyboard model says, never by
    space: words typed into a closed dropdown by mistake (Tab one field too few) change nothing.
    With space, the gap dialog's area opened at the first word, its search went to the words that
    followed ('are' found the blank 'area' row) and Enter chose that, clearing the gap's area."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "space" and not self.expanded:
            event.stop()
            event.prevent_default()  # (Select binds space to open the list)
            return
        await super()._on_key(event)
