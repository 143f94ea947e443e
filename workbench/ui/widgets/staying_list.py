"""An option list whose cursor stops at either end: every list of the workbench is one, as a key
(Enter, a, d, Delete, c, ...) acts on the item highlighted."""

from __future__ import annotations

from textual.widgets import OptionList


class StayingOptionList(OptionList):
    """OptionList whose Up on the first item and Down on the last stay put. Textual's wraps
    around, so Down on the last quote went to the first and Delete then removed the wrong one
    (and in Map, `a` accepted the first practice). tests/test_lists_stop_at_the_ends.py checks
    that the UI makes no other kind of option list."""

    def _enabled_after(self, direction: int) -> int | None:
        """The next enabled option's index that way from the cursor, None past the end."""
        if self.highlighted is None:
            return None
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                return index
            index += direction
        return None

    def action_cursor_down(self) -> None:
        if self.highlighted is None:
            super().action_cursor_down()
        elif (index := self._enabled_after(1)) is not None:
            self.highlighted = index

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            super().action_cursor_up()
        elif (index := self._enabled_after(-1)) is not None:
            self.highlighted = index

    def highlight_first(self) -> None:
        """Put the cursor on the first item a person can choose, when it is on none."""
        highlight_first(self)


def highlight_first(options: OptionList) -> None:
    """Put the cursor on the first item a person can choose, when it is on none (every list shows
    where Enter acts: Textual's has none after its options are set)."""
    if options.highlighted is None:
        options.highlighted = next(
            (i for i in range(options.option_count) if not options.get_option_at_index(i).disabled), None
        )
