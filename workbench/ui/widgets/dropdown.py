"""A dropdown that only a deliberate key opens, and builds its list only when it is opened."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Select

from workbench.ui.textual_private import DropdownList, DropdownValue, NoValue

ValueType = TypeVar("ValueType")


class Dropdown(Select[ValueType]):
    """Textual's Select, opened by Enter or the arrows as the keyboard model says, never by
    space: words typed into a closed dropdown by mistake (Tab one field too few) change nothing,
    neither the dropdown nor anything the keys mean elsewhere.
    With space, the gap dialog's area opened at the first word, its search went to the words that
    followed ('are' found the blank 'area' row) and Enter chose that, clearing the gap's area.

    Its list (an OptionList with every option) is built the first time it opens, not with the
    dropdown: a closed dropdown shows only its value, and the lists were half the widgets of the
    gap dialog, which took 130 ms to open against its 100 ms."""

    def compose(self) -> ComposeResult:
        shown = DropdownValue(self.prompt)
        if self._first_prompt() is not None:
            # Styled as holding a value from the start: set as the dropdown mounts, the value
            # restyled the shown value and its three labels each time (a fifth of the 130 ms the
            # gap dialog, with its four dropdowns, took to open).
            shown.set_reactive(DropdownValue.has_value, True)
            shown.add_class("-has-value")
        yield shown

    def _first_prompt(self) -> object | None:
        """The prompt of the value the dropdown opens with (as `Select._init_selected_option`
        picks it), or None when it opens blank."""
        value = self._value
        if value == self.NULL and not self._allow_blank and self._options:
            value = self._options[0][1]
        if value == self.NULL:
            return None
        return next((prompt for prompt, option in self._options if option == value), None)

    def _list(self) -> DropdownList | None:
        try:
            return self.query_one(DropdownList)
        except NoMatches:
            return None

    def _built(self) -> DropdownList:
        """The open list, built (and filled from the options) now if it was not yet: in the DOM at
        once, so what Select does next with it (focus, highlight) finds it."""
        built = self._list()
        if built is None:
            built = DropdownList(type_to_search=self._type_to_search)
            built.compact = self.compact  # (set once: no dropdown changes it after it is made)
            self.mount(built)
            super()._setup_options_renderables()
            self._highlight(built, self.value)
        return built

    def _highlight(self, listing: DropdownList, value: ValueType | NoValue) -> None:
        for index, (_prompt, option_value) in enumerate(self._options):
            if option_value == value:
                listing.highlighted = index
                return

    def _setup_options_renderables(self) -> None:
        if self._list() is not None:  # else filled as it is built
            super()._setup_options_renderables()

    def _watch_value(self, value: ValueType | NoValue) -> None:
        """Select's, which also highlights the value in the list: only once the list is built."""
        self._value = value
        try:
            current = self.query_one(DropdownValue)
        except NoMatches:
            return
        if value == self.NULL:
            current.update(self.NULL)
        else:
            for prompt, option_value in self._options:
                if option_value == value:
                    if (listing := self._list()) is not None:
                        self._highlight(listing, value)
                    current.update(prompt)
                    break
        self.post_message(self.Changed(self, value))

    def _watch_expanded(self, expanded: bool) -> None:
        if expanded:
            self._built()
        super()._watch_expanded(expanded)

    def action_show_overlay(self) -> None:
        self._built()
        super().action_show_overlay()

    def _watch_prompt(self, prompt: str) -> None:
        if self._list() is not None:
            super()._watch_prompt(prompt)
        elif self.is_mounted:
            self.query_one(DropdownValue).placeholder = prompt
            if self._allow_blank and self.value == self.NULL:
                self.query_one(DropdownValue).update(self.NULL)

    typed_hint = ""
    """One line said when letters are typed on the closed dropdown (where typing goes instead)."""

    async def _on_key(self, event: events.Key) -> None:
        """A printable key on the closed dropdown (space too: Select binds it to open the list)
        does nothing, and goes no further: in Capture '3' set the maturity and 't' toggled a
        filter from the status dropdown, which a person typing a sentence there never meant."""
        if event.is_printable and not self.expanded:
            event.stop()
            event.prevent_default()
            if self.typed_hint:
                self.app.notify(self.typed_hint, timeout=3)
            return
        await super()._on_key(event)
