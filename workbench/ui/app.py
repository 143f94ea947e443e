"""The Textual application: opens a project, owns saving, the journal and the global keys."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import App
from textual.notifications import SeverityLevel

from workbench.collection_pause import hold_collection, release_collection
from workbench.printable import full_stop
from workbench.ui.autosave import Autosave
from workbench.ui.commands import WorkbenchCommands
from workbench.ui.key_order import KeyGate, keys_in_text, read_esc_pairs_as_alt
from workbench.ui.keys import bindings, can_run, display, for_action, key
from workbench.ui.keys_while_opening import KEPT_WHILE_OPENING, KeysWhileOpening
from workbench.ui.messages import ProjectChanged
from workbench.ui.modals.confirm import QuitModal, RestoreOfferModal
from workbench.ui.modals.dialog import cancel_label
from workbench.ui.nothing_to import say_nothing_to
from workbench.ui.notices import Notices
from workbench.ui.safe import clean, one_line, problem_sentence
from workbench.ui.screens.loading_screen import LoadingScreen
from workbench.ui.widgets.undoable_input import undo_step

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.dom import DOMNode
    from textual.screen import Screen

    from workbench.model.project import Project
    from workbench.model.records import Session
    from workbench.problems import FileProblem
    from workbench.store.journal import DialogDraft, JournalEntry
    from workbench.ui.modals.dialog import DialogScreen
    from workbench.ui.screens.main_screen import MainScreen
    from workbench.ui.workspace import Snapshot, Workspace

# The domain (pydantic models, banks, store) is imported when a project is opened, after the
# first frame is painted, so the workbench appears as fast as a bare Textual app.

STATUS_LINE_SECONDS = 4.0
"""A confirmation shown no longer than this goes on the top line instead of a toast."""
UNSETTLED_TITLE = "Not saved yet"
"""The title of the notice that the file on disk needs the person (`WorkbenchApp.unsettle`)."""
RESTORED = "Unsaved work restored and merged with the file as it is now."
"""Said when restored work is written into the file."""


def clock_restored_words(session: Session | None) -> str:
    """After a crash the session is probably still going on, so a restored clock runs on; the
    facilitator is told, with the key that pauses it."""
    from workbench.ui.widgets.header import mmss

    if session is None:
        return ""
    at, pause = mmss(session.elapsed_seconds), display(key("clock").key)
    return f"Session clock restored at {at} and running: {pause} pauses it."
PREPARE_DELAY = 0.5
"""Seconds after opening before the save document is built in the background."""
PREPARE_SWITCH_INTERVAL = 0.0005
"""GIL switch interval while that runs, so keys and repaints are not held up."""
QUIT_WAIT_STEP = 0.05
QUIT_WAIT_SECONDS = 5.0
"""How long quitting waits for the panes still being mounted, checked every QUIT_WAIT_STEP."""
GONE = "file deleted or moved"
"""The header's word for a project file no longer where it was opened from."""
UNSETTLED_SENTENCES = {
    "changed on disk": "The project file was changed on disk by another program, in the same places.",
    "file on disk unreadable": "The project file on disk no longer reads.",
    GONE: "The project file is no longer where it was opened from: it was deleted, moved or renamed.",
}
"""What the header's "changed on disk", "file on disk unreadable" and "file deleted or moved" mean,
in a sentence."""


def unsettled_by(problem: object, path: Path) -> str:
    """The header's word for a file on disk a save can't merge with: changed (`problem` None),
    gone from its path, or there but no longer read."""
    if problem is None or not problem:
        return "changed on disk"
    return GONE if not path.exists() else "file on disk unreadable"


SAVE_KEY = display(key("save").key)
STAY_THEN = f"{cancel_label('Stay')}, then"
"""How the quit dialog says to stay and save: its own ctrl+s quits ('Quit (ctrl+s)'), so its
words name the key that stays (Esc) before the one that saves."""


class WorkbenchApp(App[int]):
    """MLOps Discovery Workbench."""

    CSS_PATH = "workbench.tcss"
    TITLE = "MLOps Discovery Workbench"
    UNDER_CLASS = "-under"
    """The toast rack of a screen under another one has this class: its toasts are hidden
    (workbench.tcss), so a dialog over the panes shows each notice once (its own), not again from
    the panes beneath. On the rack, not the screen (Textual's SUSPENDED_SCREEN_CLASS): a class on
    the screen restyled every widget of the panes as each dialog opened and closed (about 100 ms
    each way; bench/bench_dialogs.py)."""
    COMMANDS = {WorkbenchCommands}  # only the workbench's: no Textual Keys/Theme/Screenshot/Quit
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = bindings("app")

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        projects_dir: str | Path = "projects",
        today: dt.date | None = None,
        now: Callable[[], float] = time.monotonic,
        autosave_delay: float = 2.0,
        typed_before: str = "",
    ) -> None:
        super().__init__()
        self.typed_before = typed_before
        self.undone_at: list[int] = []
        """When each change undone and not yet redone was undone (`undo_step`), newest last."""
        """What was typed before Textual had the terminal (ui/typed_early.py): handled first."""
        self.path = Path(path) if path else None
        self.projects_dir = Path(projects_dir)
        self.today = today or dt.date.today()
        self.now = now
        self.autosave_delay = autosave_delay
        self.workspace: Workspace | None = None
        self.autosave = Autosave(self)
        self.conflict_open = False
        """A dialog about the file on disk is open: no autosave meanwhile."""
        self._draft_waiting: DialogDraft | None = None
        """A dialog's text restored from the journal, waiting for the panes to be on top."""
        self.recovered_unsaved = False
        """Restored work is held here, not yet merged into the file: the next save's merge speaks
        of restoring it."""
        self._journal_problem = ""
        self._journal_lock = threading.Lock()
        self._snapshots_taken = 0
        self._journal_newest = 0
        """The latest snapshot written to the journal (`Snapshot.taken`)."""
        self._save_problem = ""  # the failed save last told about, so autosaves don't repeat it
        self._quit_waited = 0.0  # seconds quitting has waited for the panes to mount (`exit`)
        self.keys_in_order = KeyGate(self, super().on_event)
        read_esc_pairs_as_alt()
        self.keys_while_opening = KeysWhileOpening(self)
        self.notices = Notices(self)

    async def on_event(self, event: events.Event) -> None:
        """Keys go through the gate: one at a time, in the order typed (see key_order)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.keys_in_order.take(event)
        else:
            await super().on_event(event)

    def on_load(self) -> None:
        if self.path is not None:  # opening a project: no collector passes until it is painted
            hold_collection()

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._toasts_on_top_only)
        if self.path is not None:
            self.keys_in_order.hold()  # keys typed while it opens go to the panes once they are up
            self.push_screen(LoadingScreen(str(self.path)))
            self.call_after_refresh(self._open_first, self.path)
        else:
            self._show_picker()
        if self.typed_before:  # before any key Textual reads from now on
            self.keys_in_order.put_first(keys_in_text(self.typed_before))

    def _toasts_on_top_only(self, top: Screen[object]) -> None:
        """Only the screen on top shows toasts (see UNDER_CLASS)."""
        for screen in self.screen_stack:
            for rack in screen.query_children("ToastRack"):
                rack.set_class(screen is not top, self.UNDER_CLASS)

    def _show_picker(self) -> None:
        from workbench.ui.screens.picker_screen import PickerScreen

        self.push_screen(PickerScreen(self.projects_dir, self.today), self._picked)

    def _open_first(self, path: Path) -> None:
        """Open the project named on the command line; a bad file ends the run with its sentence."""
        from workbench.problems import FileProblem
        from workbench.ui.workspace import Workspace

        try:
            self.workspace = Workspace.open(path, self.today, self.now)
        except FileProblem as problem:
            release_collection()
            self.exit(1, return_code=1, message=cannot_open(path, problem))
            return
        self._show_workspace()

    def _picked(self, path: Path | None) -> None:
        from workbench.problems import FileProblem
        from workbench.ui.workspace import Workspace

        if path is None:
            self.exit(0)
            return
        try:
            self.workspace = Workspace.open(path, self.today, self.now)
        except FileProblem as problem:
            self.notify(str(problem), severity="error", markup=False, timeout=10)
            self._show_picker()
            return
        self.path = path
        self._show_workspace()

    def _show_workspace(self) -> None:
        from workbench.ui.screens.main_screen import MainScreen

        if self.workspace is None:
            return
        gc.freeze()  # the banks and the project live all session: keep them out of GC passes
        self.keys_in_order.hold()  # until the question tree has the keyboard (MainScreen)
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(MainScreen(self.workspace))
        else:
            self.push_screen(MainScreen(self.workspace))
        # The round-trip document takes a while to parse and holds the GIL: start it once the
        # main screen is up, so it does not slow the first paint.
        self.set_timer(PREPARE_DELAY, self._prepare_document)
        self.call_after_refresh(release_collection)  # the main screen painted
        self.autosave.start()
        self._say_other_windows()
        self._offer_journal()

    def _say_other_windows(self) -> None:
        """Mark the project open in this window (store/presence.py); when it is open in another
        live window too, say so once: saves merge with its saves, and each keeps its own journal."""
        from workbench.store.presence import also_open_sentence, announce

        if self.workspace is None:
            return
        path = self.workspace.file.path
        said = also_open_sentence(path, announce(path))
        if said:
            self.notify(said, title="Open in another window", markup=False, timeout=10)

    def on_unmount(self) -> None:
        """The window closes: its mark on the project goes (its journal stays if it has work)."""
        from workbench.store.presence import withdraw

        release_collection()
        if self.workspace is not None:
            withdraw(self.workspace.file.path)

    @work(thread=True, exclusive=True, group="prepare")
    def _prepare_document(self) -> None:
        """Build the round-trip document in the background so the first save is quick.

        It holds the GIL; a short switch interval meanwhile keeps the UI thread responsive.
        """
        if self.workspace is None:
            return
        interval = sys.getswitchinterval()
        sys.setswitchinterval(PREPARE_SWITCH_INTERVAL)
        try:
            self.workspace.file.prepare()
        finally:
            sys.setswitchinterval(interval)
        # The document lives as long as the project; left unfrozen, every full GC pass walks its
        # objects (150 ms for the 3,000-answer project) and lands in the middle of a keypress.
        gc.freeze()

    # --- change tracking and saving --------------------------------------------------------

    @on(ProjectChanged)
    def _project_changed(self, message: ProjectChanged) -> None:
        if self.workspace is None or not self.screen_stack:  # a change heard while closing
            return
        self.refresh_status()
        self.autosave.changed()

    def can_autosave(self) -> bool:
        """Whether a background save may run now (not while a dialog about the file is open)."""
        workspace = self.workspace
        return workspace is not None and not self.conflict_open and not workspace.unsettled

    def journal_needed(self) -> bool:
        """Whether the file lacks something the journal should keep (edits, clock time, text
        typed into a dialog)."""
        workspace = self.workspace
        return workspace is not None and (
            workspace.unsaved or workspace.clock.running or self.open_draft() is not None
        )

    def open_draft(self) -> DialogDraft | None:
        """The unsaved text of the topmost dialog that can open again, if any was typed."""
        dialog = self._journaled_dialog()
        return dialog.journal_draft() if dialog is not None else None

    def _journaled_dialog(self) -> DialogScreen[Any] | None:
        """The topmost dialog that can open again (whose typing the journal keeps), if any."""
        from workbench.ui.modals.dialog import DialogScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, DialogScreen) and screen.reopen is not None:
                return screen
        return None

    def snapshot(self) -> Snapshot:
        """The project now and the text of an open dialog, to write in another thread."""
        if self.workspace is None:
            raise RuntimeError("no project is open")
        question, focus = self._where_typing()
        self._snapshots_taken += 1
        return dataclasses.replace(
            self.workspace.snapshot(),
            draft=self.open_draft(),
            question=question,
            focus=focus,
            taken=self._snapshots_taken,
        )

    def _where_typing(self) -> tuple[str, str]:
        """The question on show in Capture and the id of the widget the keyboard is in on the
        panes (under a dialog too), for the journal: a restore puts the keyboard back there. No
        question while Capture is still being built (a journal write then raised NoMatches)."""
        from workbench.ui.screens.main_screen import MainScreen
        from workbench.ui.widgets.question_panel import QuestionPanel

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                focused = screen.focused
                panels = screen.capture.query_children(QuestionPanel)
                question = panels.first().ref if panels else ""
                return question, (focused.id or "") if focused is not None else ""
        return "", ""

    def write_journal(self, snapshot: Snapshot) -> None:
        """Keep the snapshot in the journal (in a background thread, or on this one when
        quitting). One write at a time, and never one older than the last written: a background
        write of text typed a moment ago ends after the one quitting made of all of it."""
        with self._journal_lock:
            if snapshot.taken < self._journal_newest:
                return
            self._journal_newest = snapshot.taken
            self._write_journal(snapshot)

    def _write_journal(self, snapshot: Snapshot) -> None:
        from workbench.store.journal import write_journal

        workspace = self.workspace
        if workspace is not None:
            path = workspace.file.path
            write_journal(
                path,
                snapshot.data,
                snapshot.base,
                snapshot.session,
                snapshot.clock_running,
                snapshot.draft,
                question=snapshot.question,
                focus=snapshot.focus,
            )

    def write_file(self, snapshot: Snapshot) -> bool:
        """Save the snapshot to the project file (runs in a background thread)."""
        return self.workspace.file.save(data=snapshot.data) if self.workspace is not None else False

    def background_write_done(self, lane: str, snapshot: Snapshot, outcome: object) -> None:
        """A journal write or file save finished in the background: show what came of it."""
        if lane == "save":
            self._after_save(snapshot.state, outcome, quiet=True, ask=False)
            return
        problem = problem_sentence(outcome) if isinstance(outcome, Exception) else ""
        if not problem and self.workspace is not None and not self.journal_needed():
            from workbench.store.journal import clear_journal

            clear_journal(self.workspace.file.path)  # saved while this write ran
        if problem and problem != self._journal_problem:
            self.notify(problem, title="Unsaved work not kept", severity="warning", markup=False, timeout=8)
        self._journal_problem = problem

    def save_project(self, force: bool = False, quiet: bool = True, ask: bool = True) -> bool:
        """Save now, on this thread; conflicts and failures are shown, never silently resolved.
        Without `ask`, a conflict with the file on disk opens no dialog: the header says so."""
        workspace = self.workspace
        if workspace is None:
            return True
        snapshot = workspace.snapshot()
        outcome: object
        try:
            outcome = workspace.file.save(force=force, data=snapshot.data)
        except Exception as problem:  # shown as one sentence by _after_save
            outcome = problem
        return self._after_save(snapshot.state, outcome, quiet, ask)

    def _after_save(self, state: int, outcome: object, quiet: bool, ask: bool = True) -> bool:
        """Show what came of a save. An autosave (`ask` False) that meets the file changed on
        disk merges with it when nothing conflicts, and otherwise never takes the keyboard: the
        work stays here and in the journal, the header says "changed on disk: ctrl+s to settle",
        and no autosave runs until the person saves."""
        from workbench.store.atomic import ChangedOnDisk
        from workbench.store.journal import clear_journal

        workspace = self.workspace
        if workspace is None:
            return False
        if isinstance(outcome, ChangedOnDisk):
            self.autosave.journal.run()
            return self._merge_with_disk(ask)
        if isinstance(outcome, Exception):
            problem = problem_sentence(outcome)
            if not quiet or problem != self._save_problem:  # one notice per problem, not per try
                self.notify(problem, title="Not saved", severity="error", markup=False, timeout=8)
            self._save_problem = problem
            self.autosave.journal.run()
            return False
        if self._save_problem:
            self._withdraw_save_problem()
        self._save_problem = ""
        self.recovered_unsaved = False
        self.settled()
        workspace.editor.mark_saved(state)
        if not workspace.unsaved:
            if self.open_draft() is None:
                clear_journal(workspace.file.path)
            else:  # the entry keeps the dialog's text, against the file as it is now
                self.autosave.journal.run()
        self.autosave.saved(more=workspace.unsaved)
        self.refresh_status()
        if outcome and not quiet:
            self.notify(f"Saved {one_line(workspace.file.path)}", markup=False, timeout=2)
        return True

    def _withdraw_save_problem(self) -> None:
        """A save went through: the "Not saved" notice of an earlier failure (a read-only file
        made writable, a disk with room again) no longer holds, so it goes at once."""
        self.withdraw("Not saved")

    def withdraw(self, title: str) -> None:
        """The notices with this title no longer hold (or a dialog now says them): gone at once."""
        self.notices.withdraw(title)

    def _merge_with_disk(self, ask: bool = True) -> bool:
        """Someone else saved the file: merge with it, asking only about real conflicts, and only
        when the person saved (`ask`): a background save tells, the header says so, and it waits
        for ctrl+s."""
        from workbench.ui.merging import RESTORING, DiskMerge

        if self.conflict_open:
            return False
        merge = DiskMerge(self, ask=ask)
        merge.on_fail = lambda problem: self._merge_failed(problem, ask, merge.refused)
        if self.recovered_unsaved:
            merge.wording, merge.done = RESTORING, RESTORED
        return merge.run()

    @property
    def conflicts_waiting(self) -> bool:
        """A background save met the file changed on disk in the same places, or no longer
        readable: the person settles it at the next ctrl+s (a dialog opening by itself took the
        next letters typed into the notes as its keys); autosave waits meanwhile, the journal
        keeps the work, the header says so."""
        return self.workspace is not None and bool(self.workspace.unsettled)

    def withdraw_unsettled(self) -> None:
        """Take back the "Not saved yet" notice (`unsettle`): a dialog now says it."""
        self.withdraw(UNSETTLED_TITLE)

    def unsettle(self, why: str, said: str = "", toast: bool = True) -> None:
        """The file on disk needs the person (a conflict, a file that no longer reads): autosave
        stops writing it, and the header says so until ctrl+s settles it. Said once as a toast too
        (`said`, or the header's words in a sentence, titled `UNSETTLED_TITLE`; above the footer,
        away from the work; a toast takes no keys)."""
        workspace = self.workspace
        if workspace is None:
            return
        if workspace.unsettled != why:
            workspace.unsettled = why
            if not toast:
                self.refresh_status()
                return
            self.notify(
                said
                or f"{UNSETTLED_SENTENCES.get(why, why)} Your work is kept here and in the journal; "
                "nothing is written to the file until you save (ctrl+s) and settle it.",
                title=UNSETTLED_TITLE,
                severity="warning",
                markup=False,
                timeout=10,
            )
        self.refresh_status()

    def settled(self) -> None:
        """The project and its file agree again: autosave goes on."""
        if self.workspace is not None and self.workspace.unsettled:
            self.workspace.unsettled = ""
            self.refresh_status()

    def _merge_failed(self, problem: FileProblem | None, ask: bool = True, refused: str = "") -> None:
        """The merge with the file on disk can't be written: a failed write is said as any failed
        save is (the work stays here and in the journal); a file that no longer reads, or a merge
        that would not pass check (`refused`: why), is asked about when the person saves (`ask`). A background
        save says so once and waits for ctrl+s: the dialog opened by itself after every pause
        in the typing, taking the keys typed next."""
        from workbench.store.atomic import SaveFailed

        if isinstance(problem, SaveFailed):
            self._after_save(0, problem, quiet=True)
        elif ask:
            self._open_conflict(refused)
        else:
            why = f"{problem or refused or 'the merge would not pass check'}. "
            self.unsettle(
                unsettled_by(problem, self.workspace.file.path) if self.workspace else "changed on disk",
                f"The file on disk can't be merged with: {why}Your work is kept here and in the "
                "journal; save (ctrl+s) to choose what to do.",
            )

    def _open_conflict(self, refused: str = "") -> None:
        from workbench.problems import FileProblem
        from workbench.store.files import ProjectFile
        from workbench.ui.modals.conflict import ConflictModal

        if self.conflict_open or self.workspace is None:
            return
        self.conflict_open = True
        disk_problem, path = "", self.workspace.file.path
        try:
            ProjectFile.load(path)
        except FileProblem as problem:
            disk_problem = str(problem)
        gone = bool(disk_problem) and not path.exists()
        self.workspace.unsettled = unsettled_by(disk_problem, path)
        self.refresh_status()
        modal = ConflictModal(str(path), disk_problem, gone, "" if disk_problem else refused)
        self.push_screen(modal, self._resolve_conflict)

    def _resolve_conflict(self, choice: str | None) -> None:
        from workbench.problems import FileProblem
        from workbench.store.journal import clear_journal

        self.conflict_open = False
        workspace = self.workspace
        if workspace is None:
            return
        if choice == "reload":
            try:
                workspace.file.reload()
            except FileProblem as problem:
                self.notify(str(problem), severity="error", markup=False, timeout=10)
                return
            clear_journal(workspace.file.path)
            self.recovered_unsaved = False
            self.settled()
            workspace.editor.replaced(
                "reloaded from disk",
                saved=True,
                ends=f"Undo history ends where the file was reloaded from disk at {dt.datetime.now():%H:%M}.",
            )
            self.refresh_status()
            self.refresh_panes()
        elif choice == "keep":
            self.save_project(force=True, quiet=False)
        elif choice == "copy":
            self._save_copy()

    def action_save_copy(self) -> None:
        """Palette's "Save a copy": the version in memory to a new file, the project file untouched."""
        self._save_copy(anywhere=True)

    def _save_copy(self, anywhere: bool = False) -> None:
        """Write the version in memory beside the project (`NAME.mine-TIME.toml`); `anywhere`: when
        that folder cannot be written (read-only, full), into the workbench's state folder."""
        from workbench.problems import FileProblem
        from workbench.store.journal import state_dir

        if self.workspace is None:
            return
        from workbench.store.files import mine_copy_path

        target = mine_copy_path(self.workspace.file.path, dt.datetime.now())
        try:
            self.workspace.file.save_copy(target)
        except FileProblem as problem:
            if not anywhere:
                self.notify(str(problem), severity="error", markup=False, timeout=10)
                return
            elsewhere = state_dir() / "copies" / target.name
            try:
                elsewhere.parent.mkdir(parents=True, exist_ok=True)
                self.workspace.file.save_copy(elsewhere)
            except (FileProblem, OSError) as second:
                self.notify(
                    f"{problem} Nor could it be saved in {one_line(elsewhere.parent)}: {second}",
                    severity="error", markup=False, timeout=15,
                )
                return
            target = elsewhere
        from workbench.store.serialize import project_to_data

        self.copied = (target, project_to_data(self.workspace.project))
        self.notify(f"Your version was saved as {one_line(target)}", markup=False, timeout=8)

    def refresh_status(self) -> None:
        """Repaint the header's saved/unsaved state."""
        from workbench.ui.widgets.header import WorkbenchHeader

        for screen in self.screen_stack:  # the header may be under a dialog or the palette
            for header in screen.query_children(WorkbenchHeader):  # (every key: no DOM walk)
                header.refresh_state()

    def refresh_panes(self) -> None:
        """Rebuild every pane from the project (after a reload)."""
        from workbench.ui.screens.main_screen import MainScreen

        if isinstance(self.screen, MainScreen):
            self.screen.refresh_all()

    # --- unsaved work from an earlier run ----------------------------------------------------

    def _offer_journal(self) -> None:
        """Offer back work a window that stopped left unsaved (store/journal.py), the oldest first:
        Restore merges it, Discard (its button only) drops it, Decide later (Esc) keeps it
        untouched for the next start. After Restore or Discard the next is offered, once the file
        has what was restored."""
        from workbench.store.journal import (
            adopt_journal,
            bring_back_put_off,
            clear_journal,
            offered_journals,
        )
        from workbench.store.serialize import project_to_data
        from workbench.store.work_delta import work_summary
        from workbench.ui.widgets.header import mmss

        workspace = self.workspace
        if workspace is None:
            return
        path = workspace.file.path
        with contextlib.suppress(OSError):  # (one put off at an earlier start, if none is newer)
            bring_back_put_off(path)
        for entry in offered_journals(path):
            mine = entry.project()
            if entry.draft is not None or project_to_data(mine) != project_to_data(workspace.project):
                break
            clear_journal(path, entry.owner)  # the file has it all
            if entry.clock_running:  # but not that the clock was running: it runs on, and says so
                self._clock_runs_on(entry.session)
        else:
            return
        # What was typed is what differs from the file the work started from: edits made to
        # the file since (by hand, by someone else) are not the person's work.
        started = entry.started()
        typed_on = project_to_data(started if started is not None else workspace.project)
        no_work = project_to_data(mine) == typed_on
        holds = work_summary(typed_on, project_to_data(mine))
        holds = f" It holds {holds}." if holds else ""
        session = mine.session(entry.session)
        running = ", running" if entry.clock_running else ""
        clock = ""
        if session is not None:
            clock = f" (session {session.id}, clock at {mmss(session.elapsed_seconds)}{running})"
        when = entry.written.astimezone()

        def restore(yes: bool | None) -> None:
            if self.workspace is None:
                return
            if yes:
                adopt_journal(path, entry)  # kept as this window's until the file has it
                self._restore(entry)
            elif yes is False:
                clear_journal(path, entry.owner)
            else:
                self._put_off(entry)
                return
            self._offer_next_journal()

        if entry.draft is not None and no_work:  # only a dialog's text: say it for that case
            offer = (
                f"{only_draft_words(entry.draft, when)} Restore opens the dialog again with your "
                "text in it, for you to save or cancel. Discard drops the text for good. Decide "
                "later opens the file as it is and offers the text again at the next start."
            )
        else:
            offer = (
                f"Work from {when:%Y-%m-%d %H:%M:%S}{clock}{draft_words(entry.draft)} was not saved to "
                f"the project file before the workbench stopped.{holds} Restore it? It is merged with "
                "the file as it is now; nothing in it is overwritten. Discard drops it for good. Decide "
                "later opens the file as it is and offers the work again at the next start."
            )
        self.push_screen(
            RestoreOfferModal(
                "Unsaved work was found",
                offer,
                yes="Restore",
                no="Discard",
                later="Decide later",
            ),
            restore,
        )

    def _put_off(self, entry: JournalEntry) -> None:
        """Keep the offered work untouched for the next start, out of this run's journal."""
        from workbench.store.journal import journal_paths, put_off_journal

        if self.workspace is None:
            return
        try:
            put_off_journal(self.workspace.file.path, entry.owner)
        except OSError as error:
            kept = journal_paths(self.workspace.file.path, entry.owner)[0]
            if entry.owner != os.getpid():  # a stopped window's: this run never writes it
                self.notify(
                    f"The unsaved work could not be set aside ({problem_sentence(error)}); it stays in "
                    f"{kept}, "
                    "untouched, and is offered again at the next start.",
                    title="Kept for later",
                    markup=False,
                    timeout=10,
                )
                return
            self.notify(
                f"The unsaved work could not be set aside ({problem_sentence(error)}); it stays in "
                f"{kept}, and your changes in this run will replace it there. Quit now (ctrl+q) to "
                "keep it as it is.",
                title="Not set aside",
                severity="error",
                markup=False,
                timeout=15,
            )
            return
        self.notify(
            f"The project is open as it is on disk. The unsaved work from {entry.written.astimezone():%H:%M} "
            "is kept as it was and offered again at the next start.",
            title="Decide later",
            markup=False,
        )

    def _offer_next_journal(self) -> None:
        """After one offer: the next stopped window's work, once the file has what was restored
        (else it waits for the next start, so one restore never replaces another's journal)."""
        from workbench.store.journal import journal_paths
        from workbench.ui.screens.main_screen import MainScreen

        workspace = self.workspace
        if workspace is None or workspace.unsaved or self.conflict_open or self.recovered_unsaved:
            return
        if not isinstance(self.screen, MainScreen):  # a dialog (a restored draft) is open
            return
        if journal_paths(workspace.file.path)[0].exists():
            return
        self._offer_journal()

    def _restore(self, entry: JournalEntry) -> None:
        """Merge the journal's work with the file as it is now, against the version it started
        from, and carry on with its session and clock."""
        from workbench.problems import FileProblem
        from workbench.store.serialize import project_to_data
        from workbench.store.tomltext import decode_toml, parse_toml
        from workbench.ui.merging import RESTORING, DiskMerge

        recovered = entry.project()
        if entry.question:  # the keyboard goes back where it was, once the panes are rebuilt
            self.call_after_refresh(self._back_to_typing, entry.question, entry.focus)
        if entry.draft is not None:  # its dialog opens again once the merge asked what it must
            self._draft_waiting = entry.draft
            self.call_after_refresh(self.reopen_waiting_draft)
        started: tuple[dict[str, Any], bytes] | None = None
        if entry.base is not None:
            with contextlib.suppress(FileProblem):
                started = (parse_toml("journal", decode_toml("journal", entry.base)), entry.base)
            if self.workspace is not None:  # the version on disk now is kept as a copy first
                self.workspace.file.keep_copy_if_changed_from(entry.base)

        def keep_unsaved(problem: FileProblem | None) -> None:
            """The merge can't be written: hold the recovered work, unsaved, as work started from
            the journal's base, so the next save merges it with the file as it is then (asking
            about real conflicts) instead of writing it over edits made on disk meanwhile."""
            workspace = self.workspace
            if workspace is None:
                return
            if started is not None:
                with contextlib.suppress(FileProblem):  # (then it counts from the file as read)
                    workspace.file.started_from(started[1])
            workspace.file.project = recovered
            self.recovered_unsaved = True
            workspace.editor.replaced(
                "recovered",
                saved=False,
                ends=f"Undo history ends where your unsaved work was restored at {dt.datetime.now():%H:%M}.",
            )
            self.refresh_panes()
            why = f" {str(problem).rstrip('.')}." if problem is not None else ""
            self.notify(
                f"Your recovered work is restored here but not yet in the project file.{why} Saving "
                "(ctrl+s) merges it with the file as it is then; it stays in the journal meanwhile.",
                title="Restored, not saved",
                severity="warning",
                markup=False,
                timeout=12,
            )

        workspace = self.workspace
        merging = workspace is not None and project_to_data(recovered) != project_to_data(workspace.project)
        clock = ""  # the merge's notice says the clock runs on: the clock's own was replaced by it
        if entry.session and recovered.session(entry.session) is not None and self.workspace is not None:
            self._back_in_session(entry.session)
            if entry.clock_running:
                self._clock_runs_on(entry.session, recovered, say=not merging)
                clock = " " + clock_restored_words(recovered.session(entry.session))
        if not merging:
            return  # only the dialog's text was unsaved
        DiskMerge(
            self,
            work=recovered,
            base=started,
            wording=RESTORING,
            done=RESTORED + clock,
            on_fail=keep_unsaved,
        ).run()

    def _back_in_session(self, session_id: str) -> None:
        """Restored work carries on in the session it was typed in: that session is made current
        before a restored dialog opens (its header, Capture's answers and what Save writes are
        that session's), and the facilitator is told when it is not the one the file opened in
        (#12 walkthrough: 'Raise a gap' typed in executive-1 came back under ml-1's header, and
        Save switched the header to executive-1 without a word)."""
        from workbench.ui.screens.main_screen import MainScreen

        workspace = self.workspace
        if workspace is None or session_id == workspace.session_id:
            return
        workspace.switch_session(session_id)
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None and workspace.project.session(session_id) is not None:
            main.switch_session(session_id)  # Capture shows that session's answers
        self.refresh_status()
        self.notify(f"Back in {session_id}, where this was typed.", markup=False, timeout=6)

    def _clock_runs_on(self, session_id: str, project: Project | None = None, say: bool = True) -> None:
        """The clock was running when the workbench stopped: the session is probably still going
        on, so it runs on in that session (of the restored `project`, else the file's), and a
        notice says so. At start, once the panes are up (Capture shows that session's answers)."""
        from workbench.ui.screens.main_screen import MainScreen

        workspace = self.workspace
        if workspace is None:
            return
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or not main.is_mounted or not main.panes_mounted():
            self.set_timer(0.05, lambda: self._clock_runs_on(session_id, project, say))
            return
        session = (project or workspace.project).session(session_id)
        if session is None:
            return
        self._back_in_session(session_id)
        workspace.clock.start()
        if say:  # (else the restore's notice says it: a second notice replaced the first)
            self.notify(clock_restored_words(session), markup=False, timeout=10)

    def _back_to_typing(self, question: str, focus: str, tries: int = 40) -> None:
        """After a restore: Capture shows the question that was on show, with the keyboard in
        the field of it that had it (its notes, a metric's owner…), the cursor after the text
        (typing on goes where it went before the stop)."""
        from workbench.ui.screens.main_screen import MainScreen

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or self.workspace is None or question not in self.workspace.catalogue.questions:
            return
        if not main.panes_mounted():  # (a pane mounting later took the keyboard on a busy machine)
            self.set_timer(0.05, lambda: self._back_to_typing(question, focus, tries))
            return
        typing = main.capture.text_field(focus) is not None
        if typing:
            main.show_pane("capture")
        main.capture.jump_to(question, notes=False)
        if typing:
            main.capture.type_in(focus)
            self.set_timer(0.1, lambda: self._still_typing(focus, tries))

    def _still_typing(self, focus: str, tries: int) -> None:
        """The keyboard put back after a restore is there still: the start-up's own first focus
        (the question tree) can come after it on a busy machine (seconds after, under load), and
        then it goes back."""
        from workbench.ui.screens.main_screen import MainScreen

        top = self.screen_stack[-1] if self.screen_stack else None  # (none while quitting)
        main = top if isinstance(top, MainScreen) else None
        field = main.capture.text_field(focus) if main is not None else None
        if main is None or field is None or tries <= 0:
            return
        if main.focused is None or main.focused is main.capture.navigator.question_tree:
            # (the start-up's focus, not the person's; or none yet as the offer closes: the
            # main screen's own focus then came back after this, CI saw the tree)
            main.capture.type_in(focus)
        elif main.focused is not field:
            return  # the person went elsewhere
        self.set_timer(0.1, lambda: self._still_typing(focus, tries - 1))

    def reopen_waiting_draft(self) -> None:
        """Open the dialog a restored draft was typed in, filled with it, once the panes are on
        top (Save or Cancel stays the person's choice); a dialog that cannot open again shows
        the text in a notice instead, so it is not lost."""
        if self._draft_waiting is None:
            return  # (as the main screen first comes up: the imports below cost start-up time)
        from workbench.ui.followups import open_followups
        from workbench.ui.modals.dialog import DialogScreen
        from workbench.ui.screens.followups_screen import FOLLOWUPS_VIEW, FollowUpsScreen

        draft, main = self._draft_waiting, self.main_screen()
        if draft is None or main is None:
            return  # (the main screen calls again when it is back on top)
        where, call, args = draft.reopen
        target: object
        if where == FOLLOWUPS_VIEW:  # a dialog of the Follow-ups view opens over the view
            open_followups(self)
            target = self.screen if isinstance(self.screen, FollowUpsScreen) else None
        else:
            if where or draft.pane:  # (a main-screen dialog opens over the pane it was opened on)
                main.show_pane(where or draft.pane)
            target = main.pane(where) if where else main
            if target is None:  # the pane is still being mounted
                self.set_timer(0.1, self.reopen_waiting_draft)
                return
        self._draft_waiting = None
        opener = getattr(target, call, None)
        if callable(opener):
            opener(*args)
        screen = self.screen
        if isinstance(screen, DialogScreen) and screen.reopen == draft.reopen and screen.restoring is None:
            screen.restoring = draft
            return
        self.notify(
            f"The {draft.dialog} dialog could not open again. What you typed in it: "
            + " / ".join(text for text in draft.fields.values() if text),
            title="Text not restored",
            severity="warning",
            markup=False,
            timeout=30,
        )

    # --- actions ----------------------------------------------------------------------------

    def main_screen(self) -> MainScreen | None:
        """The main screen, brought to the top: the Follow-ups view, a screen of its own, is left
        first (F-keys act everywhere); None under a dialog or before a project is open."""
        from workbench.ui.screens.followups_screen import FollowUpsScreen
        from workbench.ui.screens.main_screen import MainScreen

        if isinstance(self.screen, FollowUpsScreen):
            self.screen.dismiss(None)
        return self.screen if isinstance(self.screen, MainScreen) else None

    def _overlays_over_panes(self) -> int:
        """How many screens F1 help and the command palette put over the panes (or the
        Follow-ups view): 0 when something else (a dialog) is on top."""
        from textual.command import CommandPalette

        from workbench.ui.screens.main_screen import MainScreen

        overlays = (CommandPalette, *loaded_classes(("workbench.ui.screens.help_screen", "HelpScreen")))
        under = (MainScreen, *loaded_classes(("workbench.ui.screens.followups_screen", "FollowUpsScreen")))
        count = 0
        for screen in reversed(self.screen_stack):
            if isinstance(screen, overlays):
                count += 1
            elif isinstance(screen, under):
                return count
            else:
                return 0
        return 0

    def action_pane(self, pane: str) -> None:
        """Show one of the four panes (closing F1 help and the palette over them first: F-keys
        always work, and Esc Esc F2 typed fast reaches the app as Esc F2)."""
        for _ in range(self._overlays_over_panes()):
            self.pop_screen()
        main = self.main_screen()
        if main is None:
            return
        shown = main.pane(pane)
        if pane == main.active_pane and shown is not None:
            shown.next_tab()  # its key again: the pane's next tab
        else:
            main.show_pane(pane)

    def action_save(self) -> None:
        """Save now; a completion shown in the field typed in ("ask whom") is taken first and
        recorded before the save (`take_suggestion`: what is saved is what was seen)."""
        from workbench.ui.widgets.people import take_suggestion

        if take_suggestion(self.focused):
            record = getattr(self.screen, "record_typed", None)
            if callable(record):
                record()
        self.save_project(quiet=False)

    def action_select_all(self) -> None:
        """Select all the text of the focused input or editor, so what is typed next replaces it."""
        from textual.widgets import Input, TextArea

        focused = self.focused
        if isinstance(focused, Input | TextArea):
            focused.select_all()

    def action_text_edge(self, end: bool) -> None:
        """ctrl+end / ctrl+home in a text field."""
        from workbench.ui.widgets.text_cursor import to_edge

        to_edge(self.focused, end)

    def action_command_palette(self) -> None:
        """The command palette (the workbench's: keys typed after Enter wait for the command),
        never twice: ctrl+p over help shown from the palette goes back to it."""
        from textual.command import CommandPalette

        from workbench.ui.palette import WorkbenchPalette
        from workbench.ui.screens.help_screen import HelpScreen

        if not self.use_command_palette:
            return
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            self.push_screen(WorkbenchPalette(id="--command-palette"))
            return
        while isinstance(self.screen, HelpScreen):
            self.pop_screen()

    def action_help(self) -> None:
        """Show every key."""
        from workbench.ui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.clear_notifications()  # none drawn over the help being read (fe13c 5)
            self.push_screen(HelpScreen())

    def action_sessions(self) -> None:
        """Start or switch the discovery session."""
        if self.keys_while_opening.keep("sessions"):
            return
        if (main := self.main_screen()) is not None:
            main.choose_session()

    def ask_to_discard(self, changed: list[str], answered: Callable[[bool | None], None]) -> None:
        """Ask "Discard your changes?" for a dialog whose fields `changed` (Esc or its Cancel):
        ctrl+s and Esc go back to editing, only its own key (or a click) discards."""
        from workbench.export.wording import join_and
        from workbench.ui.modals.confirm import DiscardModal

        self.push_screen(
            DiscardModal(
                "Discard your changes?",
                f"You changed: {join_and(changed)}. Close without saving it? "  # a field name reads "said by"
                f"{display(key('dialog-confirm').key)} or {key('dialog-cancel').shown_key} goes back "
                f"to editing; {DiscardModal.DANGER} discards it.",
                yes="Discard",
                no="Keep editing",
            ),
            answered,
        )

    def action_toggle_clock(self) -> None:
        """Start or pause the session clock."""
        workspace = self.workspace
        if workspace is None or workspace.session is None:
            self.notify("Start a session first (F6).", timeout=3)
            return
        if workspace.clock.running:
            workspace.clock.flush(workspace.session)
            workspace.clock.running = False
            workspace.changed()
        else:
            workspace.clock.start()
        self.refresh_status()

    def action_export(self) -> None:
        """Export the proposal."""
        if self.keys_while_opening.keep("export"):
            return
        if (main := self.main_screen()) is not None:
            main.export_proposal()

    def action_new_gap(self) -> None:
        """Show Gaps and raise a new gap (from the palette)."""
        if (main := self.main_screen()) is not None:
            main.new_gap()

    def action_followups(self) -> None:
        """Show the follow-ups by person (F7)."""
        if self.keys_while_opening.keep("followups"):
            return
        from workbench.ui.followups import open_followups

        open_followups(self)

    def action_proposal(self) -> None:
        """Edit the proposal's text (drafted from the data until edited)."""
        if self.keys_while_opening.keep("proposal"):
            return
        if (main := self.main_screen()) is not None:
            main.edit_proposal()

    def action_export_workbook(self) -> None:
        """Write the self-assessment workbook the client team fills in."""
        from workbench.ui.handoffs import export_workbook

        export_workbook(self)

    def action_save_milestone(self) -> None:
        """Save a milestone of where the engagement stands now, under a name."""
        from workbench.ui.milestones import save_milestone

        save_milestone(self)

    def action_import_workbook(self) -> None:
        """Read a filled-in workbook back, as one undoable edit."""
        from workbench.ui.handoffs import import_workbook

        import_workbook(self)

    def action_edit_session(self) -> None:
        """Edit the current session's details (date, attendees, notes…)."""
        if (main := self.main_screen()) is not None and self.workspace is not None:
            if self.workspace.session is None:
                self.notify("Start a session first (F6).", timeout=3)
                return
            main.edit_session(self.workspace.session_id)

    def action_undismiss(self) -> None:
        """Offer a dismissed gap suggestion again (from the Gaps pane)."""
        from workbench.ui.widgets.gaps_pane import GapsPane

        if (main := self.main_screen()) is not None:
            main.show_pane("gaps")
            pane = main.pane("gaps")
            if isinstance(pane, GapsPane):
                pane.undismiss()

    def action_map_by_hand(self) -> None:
        """Map any practice to the selected gap by hand, from the Map pane."""
        from workbench.ui.widgets.map_pane import MapPane

        if (main := self.main_screen()) is not None:
            main.show_pane("map")
            pane = main.pane("map")
            if isinstance(pane, MapPane):
                pane.action_pick_practice()

    def action_merge_gaps(self) -> None:
        """Merge two gaps, from the Gaps pane (its selected gap is the one kept)."""
        from workbench.ui.widgets.gaps_pane import GapsPane

        if (main := self.main_screen()) is not None:
            main.show_pane("gaps")
            pane = main.pane("gaps")
            if isinstance(pane, GapsPane):
                pane.action_merge()

    def action_plan_done(self) -> None:
        """Mark the pilot selected in Plan done or not done (from the palette)."""
        from workbench.ui.widgets.plan_pane import PlanPane

        if (main := self.main_screen()) is not None:
            main.show_pane("plan")
            pane = main.pane("plan")
            if isinstance(pane, PlanPane):
                pane.action_toggle_done()

    def action_undo(self) -> None:
        """Take back the last change, whichever pane it was made in."""
        if self.workspace is None:
            return
        if name := self.workspace.editor.undo():
            self.undone_at.append(undo_step())
            self.notify(f"Undone: {name}", markup=False, timeout=2)
        elif self.workspace.editor.undo_ends:  # a key pressed never does nothing silently
            # (a toast, read whole: the top line cut it before the time at 80 columns)
            self.notify(self.workspace.editor.undo_ends, markup=False, timeout=STATUS_LINE_SECONDS + 4)
        else:
            say_nothing_to(self)

    def action_redo(self) -> None:
        """Make the last undone change again."""
        if self.workspace is None:
            return
        if name := self.workspace.editor.redo():
            self.undone_at = self.undone_at[:-1]
            self.notify(f"Redone: {name}", markup=False, timeout=2)
        else:
            say_nothing_to(self, redo=True)

    def undone_since(self, step: int) -> bool:
        """Whether a change undone after the undo `step` (a field's typing) can be redone now."""
        if self.workspace is None or self.workspace.editor.history.redo_name is None:
            return False
        return bool(self.undone_at) and self.undone_at[-1] > step

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications show their text literally: messages carry ids, titles and paths from files.
        A short confirmation of what was just done (information, no title, gone within
        `STATUS_LINE_SECONDS`) goes on the top line while the panes are on screen, if it fits there
        (a quoted title may be cut, never an id or an instruction): a toast there
        was drawn over the notes being typed into, and several piled up. Warnings, errors and
        longer messages stay toasts, one at a time (ui/notices.py), in rows of their own above the
        footer: the pane or a dialog's box gives them room, the header keeps the saved state and
        the clock in sight (see workbench.tcss)."""
        from workbench.ui.widgets.header import WorkbenchHeader

        if severity == "information" and not title and (timeout or 5.0) <= STATUS_LINE_SECONDS:
            for header in self.screen.query_children(WorkbenchHeader):
                if header.fits(message):  # else a toast: its end or its ids would be lost
                    header.say(message, timeout or STATUS_LINE_SECONDS)
                    return
        message = message if markup else clean(message)
        self.notices.show(message, clean(title, multiline=False), severity, timeout, markup)

    def clear_notifications(self) -> None:
        self.notices.clear()
        super().clear_notifications()

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """As Textual's, except for a widget not in the app yet: it is styled as it mounts, so
        styling it (and its children) now is work thrown away. Textual did it for every class a
        widget sets itself as it is built (`compact`, a dropdown's value), which was about a
        fifth of opening a dialog."""
        if node is self or node.is_attached:
            super().update_styles(node, animate)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command_palette":
            from workbench.ui.modals.dialog import DialogScreen

            if isinstance(self.screen, DialogScreen):
                return False  # the palette holds none of a dialog's commands: not opened empty
        entry = for_action("app", action)
        if entry is None:
            return True
        if self.keys_while_opening.opening() and entry.action in KEPT_WHILE_OPENING:
            return True  # kept until the project is open
        if entry.id.startswith("pane-") and self.workspace is not None and self._overlays_over_panes():
            return True  # F2–F5 over help or the palette close them and switch
        # Not under a dialog's form. (Asked of the screen, not by importing the screens: the
        # footer asks on its first paint, and importing the follow-ups screen then held up start-up.)
        editing = bool(getattr(self.screen, "EDITS_THE_PROJECT", False))
        if can_run(entry, self.workspace, editing):
            return True
        return None if editing else False  # on the main screen shown dimmed

    copied: tuple[Path, dict[str, Any]] | None = None
    """The last copy saved with "Save a copy", and what it holds."""

    def _copy_holds_the_work(self) -> bool:
        """Whether the last copy saved holds the project as it is in memory now."""
        from workbench.store.serialize import project_to_data

        if self.copied is None or self.workspace is None or not self.copied[0].exists():
            return False
        return self.copied[1] == project_to_data(self.workspace.project)

    def _keep_in_journal_now(self) -> str:
        """Write the journal on this thread (quitting with work the file lacks); say where."""
        from workbench.store.journal import journal_folder_for_people

        problem = self._journal_now()
        if self.workspace is None:
            return ""
        if problem is not None and self._copy_holds_the_work():
            copy = self.copied[0] if self.copied is not None else ""
            return (
                f"Your changes are in {one_line(copy)}, the copy you saved; the project file does not "
                f"have them and the journal could not keep them ({problem_sentence(problem)}). Quitting "
                f"keeps that copy; to have them in the project file, {STAY_THEN} save ({SAVE_KEY})."
            )
        if problem is not None:  # the person must hear it before choosing to quit
            return (
                "Your latest changes are not in the project file, and they could not be kept in the "
                f"journal either ({problem_sentence(problem)}). Quitting now loses them; {STAY_THEN} save a "
                f"copy (ctrl+p, Save a copy) or fix the problem and save again ({SAVE_KEY})."
            )
        return (
            "Your latest changes are not in the project file. They are kept in "
            f"{journal_folder_for_people()} and offered back when you open this project again."
        )

    async def action_quit(self) -> None:
        """Quit, asking first when a dialog holds text not saved, or when there are unsaved
        changes that could not be saved."""
        workspace = self.workspace
        if workspace is None:
            self.exit(0)
            return
        if isinstance(self.screen, QuitModal):  # (ctrl+q again while it asks)
            return
        if workspace.clock.running:  # its time since the last save goes into the file
            workspace.clock.flush(workspace.session)
            workspace.changed()
        dialog = self._journaled_dialog()
        if dialog is not None and dialog.journal_draft() is not None:
            self._ask_about_dialog(dialog)
            return
        self._quit_saving()

    def _journal_now(self) -> Exception | None:
        """Write the journal on this thread; the problem if it could not be written."""
        if self.workspace is None:
            return None
        try:
            self.write_journal(self.snapshot())
        except Exception as problem:  # (said by the caller, as one sentence)
            return problem
        return None

    def _ask_about_dialog(self, dialog: DialogScreen[Any]) -> None:
        """A dialog holds text typed and not saved: it is written to the journal now (nothing
        typed is lost to the journal's throttle, whatever comes next), and the person says
        whether to save it, keep it for the next start, or discard it."""
        draft = dialog.journal_draft()
        if draft is None:
            self._quit_saving()
            return
        from workbench.store.journal import journal_folder_for_people

        problem = self._journal_now()
        lost = problem is not None
        said = f"The {one_line(draft.dialog, 40)} dialog holds text not saved: {quoted_draft(draft)}."
        if problem is not None:
            said += (
                f" It could not be kept in the journal ({problem_sentence(problem)}): save it, stay "
                f"({key('dialog-cancel').shown_key}) and save a copy (ctrl+p, Save a copy), or discard it."
            )
        else:
            said += (
                " Save it as the dialog's Save does, keep it for next time (it is in the journal, "
                f"{journal_folder_for_people()}, and offered back when you open this project again), "
                f"discard it, or stay ({key('dialog-cancel').shown_key}) and go on with it."
            )

        def answer(choice: bool | None) -> None:
            if dialog not in self.screen_stack:
                return
            if choice is None:  # keep it for next time (Stay closes the question unanswered)
                self._quit_saving()
                return
            dialog.when_closed(self._quit_saving)
            if choice:
                dialog.action_confirm()  # a dialog that refuses stays open and says why
            else:
                dialog.dismiss(dialog.CANCELLED)

        modal = QuitModal(
            "Quit with a dialog's text not saved?",
            said,
            yes="Save it",
            no="Discard",
            later="" if lost else "Keep for next time",
            stay="Stay",
        )
        self.push_screen(modal, answer)

    def _quit_saving(self) -> None:
        """Quit once the file has the work, asking first when it could not be saved."""
        workspace = self.workspace
        if workspace is None:
            self.exit(0)
            return
        # No dialog about the file under this one: a conflict with the file on disk is said here.
        if not workspace.unsaved or (not workspace.unsettled and self.save_project(ask=False)):
            self._exit_keeping_draft()
            return
        kept = self._keep_in_journal_now()
        if workspace.unsettled:
            said = UNSETTLED_SENTENCES.get(workspace.unsettled, workspace.unsettled)
            settle = f"{STAY_THEN} save ({SAVE_KEY}) to settle it"
            kept = f"{said} Your work was not written to it: {settle}. {kept}"

        def answer(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self._exit_keeping_draft()

        self.push_screen(
            QuitModal("Quit with unsaved changes?", kept, yes="Quit", no="Stay", danger="q"),
            answer,
        )

    def exit(
        self, result: int | None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """Exit, once the panes mounted after the first frame are up: quitting while one was
        being built took it down half-built, and its tab strip failed to mount (a traceback
        after quitting in the first second, or on a busy machine)."""
        from workbench.ui.screens.main_screen import MainScreen

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None and not main.panes_mounted() and self._quit_waited < QUIT_WAIT_SECONDS:
            self._quit_waited += QUIT_WAIT_STEP
            self.set_timer(QUIT_WAIT_STEP, lambda: self.exit(result, return_code, message))
            return
        super().exit(result, return_code, message)

    def _exit_keeping_draft(self) -> None:
        """Exit; a dialog's text not saved (the person chose to keep it for next time) is
        written to the journal first, on this thread, as it is now."""
        if self.open_draft() is not None:
            self._journal_now()  # (it was kept when the quit dialog asked, at worst)
        self.exit(0)


def cannot_open(path: str | Path, problem: Exception) -> str:
    """What the run ends with when the file named on the command line cannot be opened: its
    first problem, and how many more `workbench check` lists (it lists them all)."""
    from workbench.cli_common import project_problems
    from workbench.printable import plural

    said = f"workbench: {problem}"
    try:
        more = len(project_problems(str(path))[2]) - 1
    except Exception:  # the run ends with the first problem whatever happens here
        more = 0
    if more:
        said += (
            f"\nworkbench: and {plural(more, 'more problem')}: run `workbench check {path}` to see them all"
        )
    from workbench.store.journal import kept_work_note

    if note := kept_work_note(path):
        said += f"\nworkbench: {note}"
    return said


def quoted_draft(draft: DialogDraft) -> str:
    """A dialog's unsaved text quoted for people, each field by its name (its label): the first
    field, the one it is known by, then the end of what was being typed in another: "title 'Batch
    scoring has no retry', description '…on Sundays'"; the end of the first field when that is the
    one being typed."""
    name_field, name, typed_field = draft.name_and_typed()
    if not typed_field:  # typing in the field it is known by: the end of that, as typed
        field = name_field or draft.focus or max(draft.fields, key=lambda f: len(draft.fields[f]), default="")
        return _named(field, _typed_end(name or draft.typed()))
    typed = _named(typed_field, _typed_end(draft.fields[typed_field]))
    return f"{_named(name_field, one_line(name.strip(), 40))}, {typed}"


def _named(field: str, text: str) -> str:
    """`description '…on Sundays'`: the field's label (`ui.field_names`), then its text quoted."""
    from workbench.ui.field_names import FIELD_NAMES

    label = FIELD_NAMES.get(field, "")
    return f"{label} '{text}'" if label else f"'{text}'"


def draft_words(draft: DialogDraft | None) -> str:
    """The restore offer's words for a dialog's unsaved text: ", and the Edit G-003 dialog you
    were typing in: 'Batch scoring has no retry': '…the release. Model deploys need a ticket',"."""
    if draft is None:
        return ""
    return f", and the {one_line(draft.dialog, 40)} dialog you were typing in: {quoted_draft(draft)},"


def only_draft_words(draft: DialogDraft, when: dt.datetime) -> str:
    """The restore offer when a dialog's text is all that was unsaved: "The Edit G-003 dialog
    you were typing in at 14:05 was not saved: 'Batch scoring has no retry': '…need a ticket'."."""
    return full_stop(
        f"The {one_line(draft.dialog, 40)} dialog you were typing in at {when:%H:%M} was not saved: "
        f"{quoted_draft(draft)}"
    )


def _typed_end(typed: str) -> str:
    """The end of what was typed (the words being typed when it stopped), on one line."""
    typed = one_line(typed.strip())
    if len(typed) > 40:
        typed = "…" + typed[-39:].lstrip()
    return typed


def loaded_classes(*names: tuple[str, str]) -> tuple[type, ...]:
    """The classes named (module, class) whose module is imported already: no screen of a module
    never imported can be on the stack, and the footer asks on its first paint, when importing
    the Follow-ups view and F1 help held up start-up."""
    modules = ((sys.modules.get(module), name) for module, name in names)
    return tuple(getattr(module, name) for module, name in modules if module is not None)


def make_app(
    path: str | Path | None = None,
    *,
    projects_dir: str | Path = "projects",
    today: dt.date | None = None,
    now: Callable[[], float] = time.monotonic,
    autosave_delay: float = 2.0,
    typed_before: str = "",
) -> WorkbenchApp:
    """The app with explicit inputs, shared by the CLI and the tests."""
    return WorkbenchApp(
        path,
        projects_dir=projects_dir,
        today=today,
        now=now,
        autosave_delay=autosave_delay,
        typed_before=typed_before,
    )
