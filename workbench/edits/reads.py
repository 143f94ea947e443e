"""What a view reads of the project, and whether a change reaches it.

A view (a pane, or a part of one) declares the record lists it shows, and for some lists only
the fields it shows. After an edit, only the views the edit reached recompute: a note typed into
an answer does not redraw the gap matrix, which reads only the answers' confidence. A change
that names no list (the proposal's frame, a change outside the history) reaches every view.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

from workbench.edits.changes import Change, Insert, Remove, SetFields, record_key
from workbench.edits.editor import Changed


@dataclass(frozen=True)
class Reads:
    """The lists a view reads: `lists` in full (None: every list), and of the lists in `fields`
    only those fields (and which records there are)."""

    lists: frozenset[str] | None = None
    fields: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def reached_by(self, change: Change) -> bool:
        """Whether one primitive change can alter what the view shows."""
        collection = getattr(change, "collection", None)
        if collection is None:
            return True
        shown_fields = self.fields.get(collection)
        if shown_fields is not None:
            return not isinstance(change, SetFields) or not shown_fields.isdisjoint(change.values)
        return self.lists is None or collection in self.lists

    def reached(self, changed: Changed) -> bool:
        """Whether a change of the project (an edit, undo or redo) can alter what the view shows."""
        return changed.touched is None or any(self.reached_by(change) for change in changed.touched)


EVERYTHING = Reads()
"""A view that may show anything of the project."""


def touched_records(changed: Changed, collection: str) -> set[Hashable] | None:
    """The keys of the records of one list that a change touched; None when not known."""
    if changed.touched is None:
        return None
    keys: set[Hashable] = set()
    for change in changed.touched:
        if isinstance(change, (SetFields, Remove)) and change.collection == collection:
            keys.add(change.key)
        elif isinstance(change, Insert) and change.collection == collection:
            keys.add(record_key(collection, change.record))
        elif getattr(change, "collection", None) is None:
            return None
    return keys


def fields_only(changed: Changed, collection: str, fields: frozenset[str]) -> set[Hashable] | None:
    """The keys of the records of one list a change touched, when all it did was set some of
    `fields` on them (a note typed into an answer: `"answers"`, `{"notes"}`); None when it did
    anything else, or when what it did is not known."""
    if not changed.touched:
        return None
    keys: set[Hashable] = set()
    for change in changed.touched:
        if not (
            isinstance(change, SetFields)
            and change.collection == collection
            and fields.issuperset(change.values)
            and fields.issuperset(change.unset)
        ):
            return None
        keys.add(change.key)
    return keys
