"""Names typed where a person is meant complete to the people the project knows, the same in
Capture's "ask whom?", the Follow-ups view's owner and the heard dialog's "said by" (Tab, →,
End or Enter at the end takes the name offered, and so does saving: what is saved is what the
field shows). Delete at the end refuses the name offered, so the letters typed are kept as they
are ('Tom' when 'Tom Berg (Senior ML Engineer)' is offered)."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input

from workbench.ui.textual_private import hide_suggestion, shown_suggestion
from workbench.ui.widgets.real_text import RealInput


class PeopleSuggester(Suggester):
    """Offers the first known person whose name (or `Name (Role)`) starts with what was typed."""

    def __init__(self, people: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.people = people
        """The people known now (the project changes while the field is open)."""

    def offer(self, value: str) -> str | None:
        """The person offered for what was typed, if any."""
        typed = value.casefold()
        if not typed.strip():
            return None
        offered = (p for p in self.people() if p.casefold().startswith(typed) and len(p) > len(typed))
        return next(offered, None)

    async def get_suggestion(self, value: str) -> str | None:
        return self.offer(value)


class PersonInput(RealInput):
    """A field for a person: the name it offers is taken by Tab or leaving the field, End, → and
    Enter, so what is saved is what was shown. Tab kept only the letters typed ('Priya' for
    'Priya Raman (Lead data scientist)')."""

    field_name = ""
    """What the footer calls the field now, when its owner names it by what it asks ('ask whom');
    empty: its name in FIELD_NAMES."""

    refused = ""
    """The text typed whose offer was refused with Delete (kept as typed until it changes)."""

    def take_offer(self) -> bool:
        """Take the person offered for the text typed (the cursor at its end); whether one was."""
        suggester = self.suggester
        if not (isinstance(suggester, PeopleSuggester) and self.cursor_at_end):
            return False
        if self.refused and self.value == self.refused:
            return False
        offered = suggester.offer(self.value)
        if offered is None:
            return False
        self.value = offered
        self.cursor_position = len(self.value)
        return True

    def _watch_value(self, value: str) -> None:
        if value != self.refused:
            self.refused = ""  # refused for the text it was refused for; changed text is offered again
        super()._watch_value(value)

    def refuse_offer(self) -> bool:
        """Delete at the end: the person offered is not taken; whether one was shown."""
        suggester = self.suggester
        if not (isinstance(suggester, PeopleSuggester) and self.cursor_at_end):
            return False
        if suggester.offer(self.value) is None or self.value == self.refused:
            return False
        self.refused = self.value
        hide_suggestion(self)
        return True

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "delete" and self.refuse_offer():
            event.stop()
            event.prevent_default()
            return
        if event.key in ("end", "enter") and self.take_offer() and event.key == "end":
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    def _on_blur(self, event: events.Blur) -> None:
        """Tab (a key the app takes first) and any other way out leave the name offered."""
        self.take_offer()
        super()._on_blur(event)


def take_suggestion(widget: Widget | None) -> bool:
    """ctrl+s saves what the person sees: the completion a field shows after the text typed
    ('said by  Head of ML Platform' after 'Hea') is taken first, as Tab would take it; ctrl+s
    saved only 'Hea' (walkthrough 13). Every field with suggestions goes this one way: a
    person's name, and any other completion shown (a pilot's metric ids). Whether one was."""
    if isinstance(widget, PersonInput):
        return widget.take_offer()
    if not isinstance(widget, Input) or not widget.cursor_at_end:
        return False
    shown = shown_suggestion(widget)
    if not shown:
        return False
    widget.value = shown
    widget.cursor_position = len(shown)
    return True
