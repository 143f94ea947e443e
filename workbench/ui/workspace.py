"""What the open project is: file, banks, editor, current session and session clock (no widgets)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.analysis.currency import project_currency
from workbench.analysis.progress import SessionProgress, session_progress
from workbench.banks import bank_dirs, load_banks
from workbench.edits import Changed, Edit, Editor
from workbench.edits.snapshot import ProjectData
from workbench.model.bank import Bank
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Session
from workbench.problems import FileProblem
from workbench.store import last_session
from workbench.store.files import ProjectFile
from workbench.store.journal import DialogDraft


@dataclass
class SessionClock:
    """Elapsed time of the current session, per session and per area, from a monotonic clock."""

    now: Callable[[], float] = time.monotonic
    running: bool = False
    started_at: float = 0.0
    area: str = ""

    def start(self) -> None:
        """Start counting."""
        if not self.running:
            self.running, self.started_at = True, self.now()

    def flush(self, session: Session | None) -> None:
        """Add the time since the last flush to the session and its current area."""
        if not self.running or session is None:
            return
        now = self.now()
        seconds = int(now - self.started_at)
        if seconds <= 0:
            return
        self.started_at += seconds
        session.elapsed_seconds += seconds
        if self.area:
            shares = dict(session.area_seconds)
            shares[self.area] = shares.get(self.area, 0) + seconds
            session.area_seconds = shares

    def drop_pending(self) -> None:
        """Forget the time counted since the last flush (its session was taken away)."""
        self.started_at = self.now()

    def pending(self) -> int:
        """Seconds counted but not yet flushed."""
        return int(self.now() - self.started_at) if self.running else 0

    def reading(self, session: Session) -> tuple[int, dict[str, int]]:
        """The session's time and its areas' with what is counted but not flushed (no change)."""
        pending, shares = self.pending(), dict(session.area_seconds)
        if pending > 0 and self.area:
            shares[self.area] = shares.get(self.area, 0) + pending
        return session.elapsed_seconds + max(pending, 0), shares


@dataclass(frozen=True)
class Snapshot:
    """The project as it stood at one state, for a write in another thread."""

    data: dict[str, Any]
    """`project_to_data` of the project."""
    state: int
    """The editor's state the data is from (`Editor.mark_saved` once it is on disk)."""
    base: tuple[dict[str, Any], bytes]
    """The file's data and bytes the work started from."""
    session: str
    clock_running: bool
    draft: DialogDraft | None = None
    """Text typed into a dialog, not saved yet (journaled beside the work)."""
    question: str = ""
    """The question on show in Capture (its bank reference), '' for none."""
    focus: str = ""
    """The id of the widget the keyboard is in on the panes ('q-notes'), '' for another."""
    taken: int = 0
    """Which snapshot of the run this is (they count up): the journal never writes one older
    than the one it wrote last."""


@dataclass
class Workspace:
    """The open project and what the panes share about it."""

    file: ProjectFile
    catalogue: Catalogue
    today: dt.date
    clock: SessionClock = field(default_factory=SessionClock)
    session_id: str = ""
    editor: Editor = field(init=False)
    """The one path by which the project changes (undo, redo, unsaved)."""
    _progress: tuple[int, str, SessionProgress] | None = None
    _previous_sessions: list[tuple[str, bool]] = field(default_factory=list)
    """Sessions switched away from, latest last, each with whether its clock was running:
    undoing a session's start goes back there, its clock as it was."""
    _data: ProjectData = field(default_factory=ProjectData)
    """Snapshots of the project as data, reusing unchanged records' dumps."""
    bank_problems: list[FileProblem] = field(default_factory=list)
    """Bank files that could not be loaded (their questions are missing): shown in a banner."""
    all_banks: list[Bank] = field(default_factory=list)
    """Every bank that loaded, the project's or not: what `workbench check` checks it against."""
    merging: bool = False
    """A merge with the file waits for the person's answers (its dialog is open): nothing is
    settled yet, so the header says so rather than "saved"."""
    unsettled: str = ""
    """Why the file on disk can't take an autosave ("changed on disk", "file on disk unreadable",
    "file deleted or moved"): shown in the header until a save the person asks for (ctrl+s)
    settles it; autosave meanwhile writes the journal only and never opens a dialog."""
    followups_at: str = ""
    """The follow-up the Follow-ups view (F7) last had highlighted: it opens there again."""
    followups_show_done: bool = False
    """Whether the Follow-ups view shows the items already done (its `d`)."""
    _currency: tuple[int, int, str] | None = None
    """The client's currency, with the revision and project it was worked out for."""

    def __post_init__(self) -> None:
        self.editor = Editor(lambda: self.file.project)
        self.editor.listeners.append(self._edited)

    @classmethod
    def open(cls, path: str | Path, today: dt.date, now: Callable[[], float]) -> Workspace:
        """Load a project file and its banks."""
        file = ProjectFile.load(path)
        loaded = load_banks(bank_dirs(path))
        workspace = cls(file, loaded.catalogue.only(file.project.project.banks), today, SessionClock(now))
        workspace.bank_problems = loaded.problems
        workspace.all_banks = loaded.banks
        if file.project.sessions:
            last = last_session.recall(file.path)  # where the person was when they left
            known = file.project.session(last) is not None
            workspace.session_id = last if known else file.project.sessions[-1].id
        return workspace

    @property
    def project(self) -> Project:
        """The in-memory project."""
        return self.file.project

    def file_problems(self) -> list[FileProblem]:
        """What `workbench check` reports of the project besides its banks' problems (the bank
        banner names those): what it names that is not there, loops in the plan, the proposal's
        frame; each at its line and column in the file. Run beside the UI (a worker) as the
        project opens; anything going wrong in it leaves the list empty."""
        from workbench.store.check import reference_problems

        try:
            catalogue = Catalogue.from_banks(self.all_banks)
            return reference_problems(self.file.path, self.project, catalogue, broken=self.bank_problems)
        except Exception:  # (the person edits meanwhile: the next opening says it)
            return []

    @property
    def session(self) -> Session | None:
        """The current discovery session."""
        return self.project.session(self.session_id)

    def progress(self) -> SessionProgress:
        """Question states in the current session (cached until the next change or switch)."""
        cached = self._progress
        if cached is None or cached[:2] != (self.revision, self.session_id):
            progress = session_progress(self.project, self.catalogue, self.session_id)
            cached = (self.revision, self.session_id, progress)
            self._progress = cached
        return cached[2]

    @property
    def revision(self) -> int:
        """Bumped on every change, so panes can skip recomputing what they already show."""
        return self.editor.revision

    @property
    def unsaved(self) -> bool:
        """Whether the project differs from the file as last read or written."""
        return self.editor.unsaved

    def apply(self, edit: Edit) -> bool:
        """Make an edit (see `workbench.edits`); False when it changed nothing."""
        return self.editor.apply(edit)

    def changed(self) -> None:
        """Note a change made outside the editing layer (the session clock's time)."""
        self.editor.changed_outside("changed")

    def switch_session(self, session_id: str) -> None:
        """Make another session current: time so far goes to the one left (switching changes
        nothing else in the project)."""
        if session_id == self.session_id:
            return
        self.clock.flush(self.session)
        if self.session is not None:
            self._previous_sessions.append((self.session_id, self.clock.running))
        self.session_id = session_id
        last_session.remember(self.file.path, session_id)

    def _edited(self, changed: Changed) -> None:
        self._data.forget(self.project, changed.touched)
        if self.session is None and self.project.sessions:  # its start was undone
            self.clock.drop_pending()  # the time belonged to the session that is gone
            back = [s for s in self._previous_sessions if self.project.session(s[0]) is not None]
            self.session_id, self.clock.running = back[-1] if back else (self.project.sessions[-1].id, False)
            self._previous_sessions = back[:-1]

    def budget_seconds(self, session: Session | None = None) -> int:
        """The session's time box in seconds: its own, else the template's upper bound."""
        session = session or self.session
        if session is None:
            return 0
        if session.minutes:
            return session.minutes * 60
        template = self.catalogue.templates.get(session.template)
        return template.minutes_max * 60 if template else 0

    def area_budget_seconds(self, area: str, session: Session | None = None) -> int:
        """An area's share of the time box, in proportion to its core questions."""
        session = session or self.session
        if session is None:
            return 0
        share = self.catalogue.area_shares(session.template).get(area, 0.0)
        return round(self.budget_seconds(session) * share)

    def elapsed(self) -> int:
        """Seconds spent in the current session, including the running clock."""
        session = self.session
        return (session.elapsed_seconds if session else 0) + self.clock.pending()

    def area_elapsed(self, area: str) -> int:
        """Seconds spent on an area in the current session."""
        session = self.session
        spent = session.area_seconds.get(area, 0) if session else 0
        return spent + (self.clock.pending() if area == self.clock.area else 0)

    def snapshot(self) -> Snapshot:
        """The project now (with the session clock brought up to date), to write elsewhere."""
        self.clock.flush(self.session)
        return Snapshot(
            self._data(self.project),
            self.editor.state,
            self.file.base,
            self.session_id,
            self.clock.running,
        )

    def currency(self) -> str:
        """The client's currency (`analysis/currency`): money units are shown in it. Worked out
        again after a change, since a note can name another currency."""
        cached = self._currency
        if cached is None or cached[:2] != (self.revision, id(self.project)):
            cached = (self.revision, id(self.project), project_currency(self.project))
            self._currency = cached
        return cached[2]
