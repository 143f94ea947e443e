"""The command palette, with Enter handled while the key is: keys typed after it wait for the
command (and a dialog it opens), as after any key that opens a dialog.

Textual's palette picks the command in messages that hop through its list after the Enter key
was handled, and an Enter typed before the search returned picked nothing: in a burst the name
typed next went partly to the palette, partly to the dialog ("kickoff" saved as "ckoff").
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import ClassVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import Command, CommandList, CommandPalette
from textual.worker import Worker

SEARCH_WAIT_SECONDS = 2.0
"""How long Enter waits for the search typed before it (it takes milliseconds)."""


class WorkbenchPalette(CommandPalette):
    """Textual's command palette; Enter waits for the search, then picks and runs the command.
    It closes once: a command chosen (which closes it after a moment) and Esc typed before it
    had gone closed it twice and crashed the app (InvalidStateError)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Run", show=False, priority=True),
    ]

    _dismissed = False

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self._dismissed or self.app.screen is not self:
            return AwaitComplete()
        self._dismissed = True
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        """As Textual's, except that a page key typed before the list has laid out its lines (Textual
        8's OptionList then raises KeyError from its line index) does nothing: the next one works."""
        try:
            super()._action_command_list(action)
        except KeyError:
            return

    async def action_choose(self) -> None:
        """Enter: once the search typed before it is done, run the highlighted command (the only
        one listed, or highlight the first of several, as Textual's palette does)."""
        group = self._GATHER_COMMANDS_GROUP
        searches = [asyncio.ensure_future(_finished(w)) for w in self.workers if w.group == group]
        if searches:
            await asyncio.wait(searches, timeout=SEARCH_WAIT_SECONDS)
        commands = self.query_one(CommandList)
        if self._list_visible:
            if commands.highlighted is None:
                self._action_cursor_down()
                if commands.option_count != 1 or commands.highlighted is None:
                    return
            option = commands.get_option_at_index(commands.highlighted)
            if not isinstance(option, Command):  # "No matches found"
                return
            self._selected_command = option.hit
            self._list_visible = False
        self._select_or_command()  # dismisses and queues the command on the app, before the next key


async def _finished(worker: Worker[object]) -> None:
    """Wait for a search to end, however it ends (a newer search cancels it)."""
    with contextlib.suppress(Exception):
        await worker.wait()
