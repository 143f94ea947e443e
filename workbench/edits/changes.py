"""The three primitive changes every edit is made of; applying one returns its inverse."""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from workbench.model.keys import RECORD_KEY_FIELDS, key_reader
from workbench.model.project import Project
from workbench.model.records import ProjectRecord

RECORD_KEYS: dict[str, Callable[[Any], Hashable]] = {
    name: key_reader(fields, getattr) for name, fields in RECORD_KEY_FIELDS.items()
}
"""How a record is found in its list."""

RETIRING = frozenset(name for name, fields in RECORD_KEY_FIELDS.items() if fields == ("id",))
"""The lists whose records have ids: a deleted one's id is retired (`Project.retired_ids`)."""


def record_key(collection: str, record: Any) -> Hashable:
    """The identity of a record in one of the project's lists."""
    return RECORD_KEYS[collection](record)


def records(project: Project, collection: str) -> list[Any]:
    """One of the project's record lists (`answers`, `gaps`…), changed in place."""
    found = getattr(project, collection)
    if not isinstance(found, list):
        raise KeyError(f"{collection!r} is not a list of records")
    return found


_last_found: dict[tuple[str, Hashable], int] = {}
"""Where each record was last found: typing edits one record many times in a row, and a list
of 3,000 answers is then not searched on every keystroke."""


def find(project: Project, collection: str, key: Hashable) -> tuple[int, Any]:
    """The position and the record with this key; KeyError when there is none."""
    found = records(project, collection)
    hint = _last_found.get((collection, key))
    if hint is not None and hint < len(found) and record_key(collection, found[hint]) == key:
        return hint, found[hint]
    for index, record in enumerate(found):
        if record_key(collection, record) == key:
            if len(_last_found) > 10_000:
                _last_found.clear()
            _last_found[(collection, key)] = index
            return index, record
    raise KeyError(f"there is no {collection} record {key!r}")


def exists(project: Project, collection: str, key: Hashable) -> bool:
    """Whether a record with this key is in the list."""
    try:
        find(project, collection, key)
    except KeyError:
        return False
    return True


class Change:
    """One primitive change. `apply` changes the project and returns the change that undoes it."""

    def apply(self, project: Project) -> Change:
        raise NotImplementedError


def unticked(record: ProjectRecord, values: dict[str, Any]) -> frozenset[str]:
    """Flags set back to a default of false: written as no key, as before they were ticked."""
    fields = type(record).model_fields
    return frozenset(
        name for name, value in values.items() if value is False and fields[name].default is False
    )


@dataclass
class SetFields(Change):
    """Set fields of one record; fields that were not set before are unset again on undo, so an
    undone edit writes no new keys to the file."""

    collection: str
    key: Hashable
    values: dict[str, Any]
    unset: frozenset[str] = frozenset()
    """Fields to mark as never set after assigning (the file had no key for them)."""
    restores: bool = False
    """An undo: it puts back exactly what was there, a hand-written `done = false` included."""

    def apply(self, project: Project) -> Change:
        _index, record = find(project, self.collection, self.key)
        fields_set: set[str] = record.__pydantic_fields_set__
        before = {name: copy.deepcopy(getattr(record, name)) for name in self.values}
        was_unset = frozenset(name for name in self.values if name not in fields_set)
        for name, value in self.values.items():
            setattr(record, name, copy.deepcopy(value))
        unticks = frozenset() if self.restores else unticked(record, self.values)
        fields_set.difference_update(self.unset | unticks)
        return SetFields(self.collection, self.key, before, was_unset, restores=True)

    def is_noop(self, project: Project) -> bool:
        """Whether applying it would leave the record as it is."""
        _index, record = find(project, self.collection, self.key)
        fields_set = record.__pydantic_fields_set__
        return all(getattr(record, n) == v for n, v in self.values.items()) and not (
            self.unset & fields_set
        )


@dataclass
class Insert(Change):
    """Put a record into a list, at a position or at the end."""

    collection: str
    record: ProjectRecord
    index: int | None = None
    unretire: bool = False
    """Take its id off the retired list: the record comes back (its delete is undone)."""

    def apply(self, project: Project) -> Change:
        target = records(project, self.collection)
        key = record_key(self.collection, self.record)
        if any(record_key(self.collection, r) == key for r in target):
            raise KeyError(f"{self.collection} already has a record {key!r}")
        if self.index is None:
            target.append(self.record)
        else:
            target.insert(self.index, self.record)
        if self.unretire:
            project.unretire_id(str(key))
        return Remove(self.collection, key, retire=self.unretire)


@dataclass
class Remove(Change):
    """Take a record out of a list; undo puts the same record back where it was. A record with
    an id is deleted for good: its id is retired, never given out again (undo takes it off)."""

    collection: str
    key: Hashable
    retire: bool = True
    """False when taking back a record just made (undoing its creation): its id goes unused."""

    def apply(self, project: Project) -> Change:
        index, record = find(project, self.collection, self.key)
        del records(project, self.collection)[index]
        retired = self.retire and self.collection in RETIRING and project.retire_id(str(self.key))
        return Insert(self.collection, record, index, unretire=retired)

    def removes_a_blank(self, project: Project) -> bool:
        """Whether the record it would take out holds nothing but defaults (an answer whose
        notes were typed and then deleted again)."""
        _index, record = find(project, self.collection, self.key)
        fields = type(record).model_fields
        identity = set(RECORD_KEY_FIELDS[self.collection])
        return all(
            name in identity or getattr(record, name) == fields[name].get_default(call_default_factory=True)
            for name in record.__pydantic_fields_set__
        )


@dataclass
class Changes:
    """The primitive changes of one edit, in the order they are applied."""

    items: list[Change] = field(default_factory=list)

    def apply(self, project: Project) -> Changes:
        """Apply every change; the result undoes them all, last first. The ids they name count
        as named in the project from now on (`Project.named_ids`: no new record takes them)."""
        project.note_named(self.items)
        inverse = [change.apply(project) for change in self.items]
        inverse.reverse()
        return Changes(inverse)


def set_fields(project: Project, collection: str, key: Hashable, **values: Any) -> list[Change]:
    """A SetFields for the values that differ from the record's, or nothing if none do."""
    _index, record = find(project, collection, key)
    differing = {name: value for name, value in values.items() if getattr(record, name) != value}
    return [SetFields(collection, key, differing)] if differing else []
