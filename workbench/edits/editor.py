"""The one path by which the project changes: edits, undo, redo, the revision and "unsaved"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from workbench.edits.changes import Change
from workbench.edits.history import Edit, History
from workbench.model.project import Project

ChangeKind = Literal["edit", "undo", "redo", "outside", "replaced"]
NEVER_SAVED = -1


@dataclass(frozen=True)
class Changed:
    """What listeners hear after each change, once."""

    kind: ChangeKind
    name: str
    """The edit's name ("accept 'CI/CD for ML' for G-003"), or what changed outside the history."""
    touched: tuple[Change, ...] | None = None
    """The changes that take it back, each naming a record it touched; None when not known
    (a change outside the history: anything may have changed)."""


class Editor:
    """Applies edits to the open project and keeps what the UI asks about them: can it undo,
    what would it undo, did anything change (`revision`), is it saved (`unsaved`)."""

    def __init__(self, project: Callable[[], Project]) -> None:
        self._project = project
        self.history = History()
        self.revision = 0
        """Bumped on every change of any kind, so views can skip recomputing what they show."""
        self._saved_state = self.history.state
        self.listeners: list[Callable[[Changed], None]] = []
        """Called once after every change (the app repaints and schedules the autosave)."""
        self.undo_ends = ""
        """Said when undo finds nothing to take back because the history was started again (a
        merge, a reload): 'Undo history ends at the merge with the version on disk at 14:05.'"""

    @property
    def project(self) -> Project:
        """The project being edited."""
        return self._project()

    def apply(self, edit: Edit) -> bool:
        """Make an edit; False if it changed nothing. EditRefused says why it can't be made."""
        if not self.history.apply(self.project, edit):
            return False
        self._changed("edit", edit.name, self.history.touched)
        return True

    def undo(self) -> str | None:
        """Take back the last edit; its name, or None when there is nothing to undo."""
        name = self.history.undo(self.project)
        if name is not None:
            self._changed("undo", name, self.history.touched)
        return name

    def redo(self) -> str | None:
        """Make the last undone edit again; its name, or None."""
        name = self.history.redo(self.project)
        if name is not None:
            self._changed("redo", name, self.history.touched)
        return name

    def seal(self) -> None:
        """The person moved on: the next typing is a new step of its own."""
        self.history.seal()

    # --- changes that are not edits -------------------------------------------------------------

    def changed_outside(self, what: str) -> None:
        """Data changed without an edit (the session clock's time): unsaved until next saved."""
        self._saved_state = NEVER_SAVED
        self._changed("outside", what)

    def replaced(self, what: str, saved: bool, ends: str = "") -> None:
        """The project was replaced (reloaded from disk, recovered, merged): history starts again;
        `ends` is what undo says when it reaches that point (see `undo_ends`)."""
        self.history.clear()
        self.undo_ends = ends
        self._saved_state = self.history.state if saved else NEVER_SAVED
        self._changed("replaced", what)

    # --- saved state ------------------------------------------------------------------------------

    @property
    def state(self) -> int:
        """The project's current state; pass it to `mark_saved` once that state is on disk."""
        return self.history.state

    def mark_saved(self, state: int) -> None:
        """The project as it was in `state` is what the file now holds."""
        self._saved_state = state

    @property
    def unsaved(self) -> bool:
        """Whether the project differs from the file as last read or written."""
        return self.history.state != self._saved_state

    def _changed(self, kind: ChangeKind, name: str, touched: list[Change] | None = None) -> None:
        self.revision += 1
        event = Changed(kind, name, None if touched is None else tuple(touched))
        for listener in list(self.listeners):
            listener(event)
