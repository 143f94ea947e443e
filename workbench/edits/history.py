"""Named edits, and the history that applies, undoes and redoes them."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from workbench.edits.changes import Change, Changes, Remove, SetFields, set_fields
from workbench.edits.words import fields_phrase
from workbench.model.project import Project

HISTORY_LIMIT = 500
"""Steps kept for undo; the oldest are forgotten beyond this."""


class EditRefused(ValueError):
    """The edit cannot be made (a dependency loop, a record that is gone); one sentence why."""


class Edit:
    """One change a person makes, named for the undo menu ("accept 'CI/CD for ML' for G-003").

    A subclass says what it changes by returning primitive changes from `changes`; it never
    writes to the project itself. Return no changes when the edit would change nothing.
    """

    merge_key: str = ""
    """Consecutive edits with the same non-empty key are undone as one (typing in a field)."""

    @property
    def name(self) -> str:
        raise NotImplementedError

    def changes(self, project: Project) -> list[Change]:
        raise NotImplementedError


class FieldsEdit(Edit):
    """An edit that sets fields of one record from a form. It is named for the fields that
    actually change ("edit title of G-011"), not every field the form holds."""

    values: dict[str, Any]
    _changed: dict[str, Any] | None = None
    section: ClassVar[str] = ""
    """The project file's section of the record, where a field's name depends on it."""

    def set_fields_of(self, project: Project, collection: str, key: Hashable) -> list[Change]:
        """The change to the record's fields, remembering which ones differ (for the name)."""
        found = set_fields(project, collection, key, **self.values)
        self._changed = dict(found[0].values) if found and isinstance(found[0], SetFields) else None
        return found

    @property
    def fields_named(self) -> str:
        """"edit title, description", "set status to open", "type notes"."""
        return fields_phrase(self._changed or self.values, self.section)


@dataclass
class Step:
    """An applied edit: its name, how to take it back, and the state it leads to."""

    name: str
    undo: Changes
    state: int
    merge_key: str = ""
    redo: Changes = field(default_factory=Changes)


class History:
    """Applies edits and keeps them for undo and redo. Each state of the project has a number
    (`state`), so "unsaved" is the current state differing from the one last saved."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._serial = 0
        self._base = 0
        """The state before the oldest step kept."""
        self._sealed = False
        self.touched: list[Change] = []
        """What the last apply, undo or redo did, as the changes that take it back (each names
        the record it touched)."""

    @property
    def state(self) -> int:
        """A number naming the project's state: equal numbers mean equal projects."""
        return self._done[-1].state if self._done else self._base

    def _next_state(self) -> int:
        self._serial += 1
        return self._serial

    def apply(self, project: Project, edit: Edit) -> bool:
        """Make the edit; False when it changed nothing. Raises EditRefused, leaving the project
        as it was."""
        changes = edit.changes(project)
        if not changes:
            return False
        undo = Changes(changes).apply(project)
        self.touched = list(undo.items)
        self._undone.clear()
        top = self._done[-1] if self._done else None
        if top is not None and edit.merge_key and edit.merge_key == top.merge_key and not self._sealed:
            top.undo = _merged(undo, top.undo)
            top.name = edit.name  # a run of moves is named for where it ended
            top.state = self._next_state()
            if _undoes_nothing(project, top.undo):
                # drop what is left of it: an empty record made on the way
                self.touched += top.undo.apply(project).items
                self._done.pop()  # typed back to what it was: no step left
            return True
        self._done.append(Step(edit.name, undo, self._next_state(), edit.merge_key))
        if len(self._done) > self.limit:
            self._base = self._done[-self.limit - 1].state
            del self._done[: -self.limit]
        self._sealed = False
        return True

    def seal(self) -> None:
        """End the current run of merged edits (the person moved on to something else)."""
        self._sealed = True

    def undo(self, project: Project) -> str | None:
        """Take back the last edit; its name, or None when there was nothing to undo."""
        if not self._done:
            return None
        step = self._done.pop()
        step.redo = step.undo.apply(project)
        self.touched = list(step.redo.items)
        self._undone.append(step)
        self._sealed = True
        return step.name

    def redo(self, project: Project) -> str | None:
        """Make the last undone edit again; its name, or None."""
        if not self._undone:
            return None
        step = self._undone.pop()
        step.undo = step.redo.apply(project)
        self.touched = list(step.undo.items)
        self._done.append(step)
        self._sealed = True
        return step.name

    @property
    def undo_name(self) -> str | None:
        """The edit that undo would take back."""
        return self._done[-1].name if self._done else None

    @property
    def redo_name(self) -> str | None:
        """The edit that redo would make again."""
        return self._undone[-1].name if self._undone else None

    def clear(self) -> None:
        """Forget every step (the project was replaced: reloaded or recovered)."""
        self._done.clear()
        self._undone.clear()
        self._base = self._next_state()
        self._sealed = False


def _merged(newer: Changes, older: Changes) -> Changes:
    """Undo for two merged edits: the newer first. When the older one restores the same fields
    of the same record anyway, or takes the record out, the newer undo is not needed (typing
    keeps one old value)."""
    if len(newer.items) == 1 and isinstance(new := newer.items[0], SetFields):
        for old in older.items:
            if isinstance(old, SetFields) and (old.collection, old.key) == (new.collection, new.key):
                if new.values.keys() <= old.values.keys():
                    return older
            elif isinstance(old, Remove) and (old.collection, old.key) == (new.collection, new.key):
                return older
    return Changes([*newer.items, *older.items])


def _undoes_nothing(project: Project, undo: Changes) -> bool:
    """Whether taking the step back would change nothing a person could see: fields already
    back to their old values, and records made on the way that hold nothing but defaults."""
    items: list[Change] = undo.items
    return all(
        (isinstance(c, SetFields) and c.is_noop(project))
        or (isinstance(c, Remove) and c.removes_a_blank(project))
        for c in items
    )
