"""Autosave: typed work reaches the journal within a second or two, the file after a pause.

Two lanes, each running one write at a time in a background thread, so typing never waits:

- the journal (the user's state directory) is written at most `JOURNAL_EVERY` seconds after a
  change, however fast the changes keep coming: a throttle, so a steady typist is covered;
- the project file is saved `app.autosave_delay` seconds after the last change, and at the latest
  `SAVE_AT_MOST` seconds after the first unsaved one.

Both write a snapshot of the project taken on the UI thread (`WorkbenchApp.snapshot`), so the
threads never read the model while it is being edited. Text typed into a dialog that can open
again (`DialogScreen.reopens`) is work too: the journal lane keeps it as the entry's draft, on
the same throttle, until the dialog is closed.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from textual.timer import Timer

if TYPE_CHECKING:
    from workbench.ui.app import WorkbenchApp
    from workbench.ui.workspace import Snapshot

JOURNAL_EVERY = 1.0
"""Seconds from a change to its journal write (plus the write itself: well under 2 s)."""
SAVE_AT_MOST = 10.0
"""Seconds from the first unsaved change to the file save, however long the typing goes on."""
MIN_DELAY = 0.05
"""A timer's shortest wait (Textual's timers need one above zero)."""
CLOCK_JOURNAL_EVERY = 1.0
"""While the session clock runs, the journal keeps its time this often (a small file of its
own, `KEY.PID.clock.json`: the work is journaled when it changes), so a crash loses at most
about that much of it."""
BACKGROUND_SWITCH_INTERVAL = 0.0005
"""GIL switch interval while a background write runs, so keys and repaints are not held up."""

_switch_users = 0
_switch_lock = threading.Lock()
_switch_saved = sys.getswitchinterval()


@contextmanager
def responsive_ui() -> Iterator[None]:
    """Shorten the GIL switch interval while background work runs (nested uses are counted)."""
    global _switch_users, _switch_saved
    with _switch_lock:
        if _switch_users == 0:
            _switch_saved = sys.getswitchinterval()
            sys.setswitchinterval(BACKGROUND_SWITCH_INTERVAL)
        _switch_users += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switch_users -= 1
            if _switch_users == 0:
                sys.setswitchinterval(_switch_saved)


class Lane:
    """One background write at a time; a request while one runs is run once it ends."""

    def __init__(self, app: WorkbenchApp, name: str, write: Callable[[Snapshot], object]) -> None:
        self.app = app
        self.name = name
        self.write = write
        self.busy = False
        self.again = False

    def run(self) -> None:
        """Snapshot now and write it in the background (or after the write in progress)."""
        workspace = self.app.workspace
        if workspace is None:
            return
        if self.busy:
            self.again = True
            return
        self.busy, self.again = True, False
        snapshot = self.app.snapshot()
        self.app.run_worker(lambda: self._work(snapshot), thread=True, group=self.name, exit_on_error=False)

    def _work(self, snapshot: Snapshot) -> None:
        outcome: object = None
        try:
            with responsive_ui():
                outcome = self.write(snapshot)
        except Exception as problem:  # reported on the UI thread, never lost in the thread
            outcome = problem
        self.app.call_from_thread(self._done, snapshot, outcome)

    def _done(self, snapshot: Snapshot, outcome: object) -> None:
        self.busy = False
        self.app.background_write_done(self.name, snapshot, outcome)
        if self.again:
            self.run()


class Autosave:
    """Schedules the journal and file writes of the app's workspace."""

    def __init__(self, app: WorkbenchApp) -> None:
        self.app = app
        self.journal = Lane(app, "journal", app.write_journal)
        self.file = Lane(app, "save", app.write_file)
        self._journal_timer: Timer | None = None
        self._save_timer: Timer | None = None
        self._first_unsaved: float | None = None
        self._clock_writing = False

    def start(self) -> None:
        """Begin keeping the clock's time in the journal while it runs."""
        self.app.set_interval(CLOCK_JOURNAL_EVERY, self._clock_tick)

    def changed(self) -> None:
        """A change was made: journal it soon, save the file after a pause."""
        if self._journal_timer is None:
            self._journal_timer = self.app.set_timer(JOURNAL_EVERY, self._journal_due)
        now = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = now
        delay = max(MIN_DELAY, min(self.app.autosave_delay, self._first_unsaved + SAVE_AT_MOST - now))
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.app.set_timer(delay, self._save_due)

    def draft_changed(self) -> None:
        """Text was typed into a dialog: journal it soon (the file has nothing new to save)."""
        if self._journal_timer is None:
            self._journal_timer = self.app.set_timer(JOURNAL_EVERY, self._journal_due)

    def draft_closed(self) -> None:
        """A dialog with a journaled draft closed: write the journal without it, or remove the
        entry when nothing else needs keeping."""
        if self.app.journal_needed():
            self.journal.run()
        elif self.app.workspace is not None and not self.journal.busy:  # (busy: it clears after)
            from workbench.store.journal import clear_journal

            clear_journal(self.app.workspace.file.path)

    def saved(self, more: bool) -> None:
        """The file has what was snapshot for the save; `more` changes came meanwhile, and they
        start a new wait (so a steady typist gets a save every `SAVE_AT_MOST` seconds, not one
        save after another)."""
        self._first_unsaved = None
        if more:
            self.changed()

    def _journal_due(self) -> None:
        self._journal_timer = None
        workspace = self.app.workspace
        if workspace is not None and (workspace.unsaved or self.app.open_draft() is not None):
            self.journal.run()

    def _save_due(self) -> None:
        self._save_timer = None
        if self.app.can_autosave() and not self.file.busy:  # a save in progress re-arms (saved)
            self.file.run()

    def _clock_tick(self) -> None:
        """The clock's time into the journal: the entry, if there is none yet, else only the
        clock's small file (in a thread: a write waits for the disk)."""
        from workbench.problems import FileProblem
        from workbench.store.journal import journal_paths, write_clock

        workspace = self.app.workspace
        if workspace is None or not workspace.clock.running or workspace.session is None:
            return
        path = workspace.file.path
        if not journal_paths(path)[0].exists():
            self.journal.run()
            return
        if self._clock_writing:
            return
        self._clock_writing = True
        session = workspace.session.id
        elapsed, areas = workspace.clock.reading(workspace.session)

        def write() -> None:
            try:
                write_clock(path, session, elapsed, areas)
            except (OSError, FileProblem):  # the entry's writes say what is wrong with the disk
                pass
            finally:
                self._clock_writing = False

        self.app.run_worker(write, thread=True, group="clock", exit_on_error=False)
