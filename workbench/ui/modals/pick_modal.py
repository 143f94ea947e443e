"""Pick one item from a list (a crowded matrix cell, a dependency, …), optionally narrowed by typing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.analysis.search import has_every_word
from workbench.ui.keys import key
from workbench.ui.modals.dialog import Dialog, DialogScreen
from workbench.ui.safe import literal
from workbench.ui.widgets.real_text import RealInput
from workbench.ui.widgets.staying_list import StayingOptionList, highlight_first

NOTHING_MATCHES = "Nothing here has all these words: Backspace to widen."


class FilteredList(StayingOptionList, can_focus=False):
    """The list under a filter line: the keyboard stays in the filter (so every key typed is
    filter text), and this list follows Up, Down and Enter, its cursor drawn as the focused one."""

    DEFAULT_CSS = """
    FilteredList { height: 1fr; }
    FilteredList > .option-list--option-highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """


LIST_MOVES: list[BindingType] = [
    Binding("down", "move('down')", show=False, priority=True),
    Binding("up", "move('up')", show=False, priority=True),
    Binding("pagedown", "move('page down')", show=False, priority=True),
    Binding("pageup", "move('page up')", show=False, priority=True),
]
"""Up, Down, Page Up and Page Down for a list under a filter line, while the keyboard is in the
filter (the dialog's box would scroll itself instead, the filter and title out of sight)."""

GAP_WORDS = "words of the gap's title, or its id"
"""What a list of gaps is filtered by."""


def move_in(listing: OptionList, where: str) -> None:
    """Move a list's cursor as `LIST_MOVES` says ('down', 'up', 'page down', 'page up')."""
    moves: dict[str, Callable[[], object]] = {
        "down": listing.action_cursor_down,
        "up": listing.action_cursor_up,
        "page down": listing.action_page_down,
        "page up": listing.action_page_up,
    }
    moves[where]()


class PickModal(DialogScreen[str | None]):
    """Dismisses with the chosen option's id, or None. With `filter_words` (what the filter
    searches, in words), the keyboard is in a filter line above the list: every key typed
    narrows the list to the items with all the words typed (in their words or their id),
    Backspace widens it, Up and Down move in it and Enter picks the highlighted item."""

    DEFAULT_CSS = """
    PickModal #pick-filter { margin-bottom: 1; }
    PickModal .dialog.filtered { height: 95%; }
    """
    BINDINGS = [
        *LIST_MOVES,
        # ctrl+s chooses too, as in every dialog, but the footer offers Enter ('pick-choose'):
        # here nothing is saved.
        replace(key("dialog-confirm"), show=False).binding(),
    ]

    def __init__(
        self,
        title: str,
        options: list[tuple[str, Text]],
        filter_words: str = "",
        left_out: list[tuple[str, str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.heading = title
        self.options = options
        self.filter_words = filter_words
        """What typing filters by, said in the filter line ("" for a list without one)."""
        self.left_out = left_out or []
        """Items that cannot be chosen, as (id, words, why): when nothing that can be has every
        word typed but one of these has, the list says why that one cannot be chosen."""

    def compose(self) -> ComposeResult:
        # A filtered list keeps its box's size as it narrows, the filter line where it was.
        with Dialog(classes="dialog wide filtered" if self.filter_words else "dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            if self.filter_words:
                hint = f"type to filter: {self.filter_words}"
                yield RealInput(placeholder=hint, id="pick-filter", compact=True)
            kind = FilteredList if self.filter_words else OptionList
            yield kind(*self._matching(""), id="pick-list")

    def on_mount(self) -> None:
        highlight_first(self.query_one("#pick-list", OptionList))

    def _matching(self, typed: str) -> list[Option]:
        """The options with every word typed in their words or their id (all of them, unfiltered)."""
        shown = [
            Option(label, id=option_id)
            for option_id, label in self.options
            if has_every_word(typed, label.plain, option_id)
        ]
        if shown:
            return shown
        reasons = [
            f"{item_id} {why}"
            for item_id, words, why in self.left_out
            if typed.strip() and has_every_word(typed, words, item_id)
        ]
        return [Option(literal(reason, "dim"), disabled=True) for reason in reasons] or [
            Option(Text(NOTHING_MATCHES, style="dim"), disabled=True)
        ]

    @on(Input.Changed, "#pick-filter")
    def _filtered(self, event: Input.Changed) -> None:
        listing = self.query_one("#pick-list", OptionList)
        listing.set_options(self._matching(event.value))
        highlight_first(listing)

    def action_move(self, where: str) -> None:
        """Up, Down, Page Up and Page Down move in the list wherever the keyboard is (the dialog's
        box would scroll itself instead, the filter and title out of sight)."""
        move_in(self.query_one("#pick-list", OptionList), where)

    @on(Input.Submitted, "#pick-filter")
    def action_confirm(self) -> None:
        """Enter in the filter or ctrl+s chooses the highlighted option, as Enter in the list does."""
        options = self.query_one("#pick-list", OptionList)
        if options.highlighted is not None:
            options.action_select()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
