"""A table whose cursor is a whole row: Home and End go to the first and last row."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable


class RowTable(DataTable[Any]):
    """DataTable with row cursor, where Home / End move to the first / last row (a DataTable's
    Home and End scroll sideways, which a row of a list never needs)."""

    def action_scroll_home(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_top()
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_bottom()
        else:
            super().action_scroll_end()
