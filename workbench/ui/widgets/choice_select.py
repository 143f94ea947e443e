"""A dropdown that says when a value was chosen from its list, so the keyboard can go on to where
the typing is (Capture's notes): a `Select` keeps it, and letters typed next did nothing. Like
every dropdown it opens with Enter or the arrows, never space (`Dropdown`)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.message import Message

from workbench.ui.textual_private import DropdownList
from workbench.ui.widgets.dropdown import Dropdown


class ChoiceSelect(Dropdown[Any]):
    """A `Select` that posts `Chosen` after a value is taken from its open list (Enter or a
    click), also the value it showed already; not after Esc, nor when its value is set in code."""

    class Chosen(Message):
        """A value was taken from the dropdown's list."""

        def __init__(self, select: ChoiceSelect) -> None:
            super().__init__()
            self.select = select

        @property
        def control(self) -> ChoiceSelect:
            return self.select

    typed_hint = "Typing goes in the notes, not on a dropdown: Tab to them (Enter opens the list)."

    @on(DropdownList.UpdateSelection)
    def _chosen(self, _event: DropdownList.UpdateSelection) -> None:
        # Runs before Select's own handler (which sets the value and takes the keyboard back):
        # `Chosen` arrives after both.
        self.post_message(self.Chosen(self))
