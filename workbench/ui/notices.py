"""Which toast shows: one at a time, the newest. A newer notice takes the place of an older
one; an older confirmation is gone for good (shown again later it would say something out of
date), an older warning or error waits and shows again, for the rest of its time, once the newer
one has gone. Stacked, two notices or a long one spilled over the pane (#12 live capture)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.notifications import Notification, SeverityLevel

from workbench.ui.textual_private import forget_notice, put_up_notice

if TYPE_CHECKING:
    from textual.app import App

LEAST_SECONDS: dict[SeverityLevel, float] = {"information": 0.0, "warning": 8.0, "error": 12.0}
"""The least time a toast of each kind shows: an error stays longer than any confirmation."""
AFTER_SECONDS = 0.5
"""A waiting notice comes back this long after the one over it was due to go."""


class Notices:
    """The notices waiting under the one shown, for one app."""

    def __init__(self, app: App[int]) -> None:
        self.app = app
        self.waiting: list[Notification] = []

    def show(
        self, message: str, title: str, severity: SeverityLevel, timeout: float | None, markup: bool
    ) -> None:
        """Put the notice up in place of the one shown."""
        seconds = max(self.app.NOTIFICATION_TIMEOUT if timeout is None else timeout, LEAST_SECONDS[severity])
        self._put_up(Notification(message, title, severity, seconds, markup))

    def _put_up(self, notice: Notification) -> None:
        self._make_way(notice.message, notice.time_left)
        put_up_notice(self.app, notice)  # at once: the next notice, even in the same call, replaces it

    def _make_way(self, message: str, seconds: float) -> None:
        """A notice is about to show for `seconds`: the one on screen goes (to wait, if it is a
        warning or an error with other words), and the waiting come back after the new one."""
        for older in list(self.app._notifications):
            forget_notice(self.app, older)
            if older.severity != "information" and older.message != message and not older.has_expired:
                self.waiting.append(older)
        self.waiting = [notice for notice in self.waiting if notice.message != message]
        self.app.set_timer(seconds + AFTER_SECONDS, self.next)

    def withdraw(self, title: str) -> None:
        """The notices with this title no longer hold: gone at once, shown or waiting."""
        self.waiting = [notice for notice in self.waiting if notice.title != title]
        for notice in list(self.app._notifications):
            if notice.title == title:
                forget_notice(self.app, notice)
        self.next()

    def clear(self) -> None:
        """None shows or waits (F1 help is being read)."""
        self.waiting.clear()

    def next(self) -> None:
        """With nothing (still) on screen, the newest waiting notice shows again for the rest of
        its time."""
        if any(not notice.has_expired for notice in self.app._notifications):
            return
        while self.waiting:
            notice = self.waiting.pop()
            if not notice.has_expired:
                self._put_up(notice)
                return
