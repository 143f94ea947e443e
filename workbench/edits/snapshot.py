"""The project as data again and again, quickly: each record's dump is kept until an edit
touches it.

The autosave takes a snapshot of the project (`project_to_data`) on the UI thread about once a
second while someone types; dumping 3,000 answers each time would hold up keys. The editor says
which records each edit, undo or redo touched (`Changed.touched`); only those are dumped again,
besides records that are new to the list, and a list no edit touched is not walked at all.
Sessions are always dumped again (the session clock changes them outside the editor), and a
change the editor can't name (reload, merge, restore) forgets every dump.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from workbench.edits.changes import Change, SetFields, find
from workbench.model.project import Project
from workbench.store.serialize import dump_record, project_to_data


class ProjectData:
    """`project_to_data` of one project, reusing the dumps of records no edit touched, and
    whole lists when no edit touched their list.

    The data it returns shares unchanged records' dicts and lists with earlier results: read it,
    never change it.
    """

    def __init__(self) -> None:
        self._kept: dict[int, tuple[BaseModel, dict[str, Any]]] = {}
        """By the id of the record (held, so the id is not reused): the record and its dump."""
        self._lists: dict[str, tuple[int, list[dict[str, Any]]]] = {}
        """By list name: its length and its dump, while no edit touched the list."""

    def forget(self, project: Project, touched: Iterable[Change] | None) -> None:
        """Records changed: the ones `touched` names, or any when it is None."""
        if touched is None:
            self._kept.clear()
            self._lists.clear()
            return
        for change in touched:
            collection = getattr(change, "collection", None)
            if collection is None:
                self._lists.clear()
            else:
                self._lists.pop(collection, None)
            if isinstance(change, SetFields):
                with contextlib.suppress(KeyError):
                    self._kept.pop(id(find(project, change.collection, change.key)[1]), None)

    def __call__(self, project: Project) -> dict[str, Any]:
        kept, lists = self._kept, self._lists
        for session in project.sessions:
            kept.pop(id(session), None)
        lists.pop("sessions", None)  # the session clock changes them outside the editor
        held: list[list[BaseModel]] = []

        def dump(record: BaseModel) -> dict[str, Any]:
            found = kept.get(id(record))
            if found is None or found[0] is not record:
                found = (record, dump_record(record))
                kept[id(record)] = found
            return found[1]

        def dump_list(section: str, records: list[BaseModel]) -> list[dict[str, Any]]:
            held.append(records)
            known = lists.get(section)
            if known is not None and known[0] == len(records):
                return known[1]
            dumped = [dump(r) for r in records]
            lists[section] = (len(records), dumped)
            return dumped

        data = project_to_data(project, dump_list)
        if len(kept) > 2 * sum(map(len, held)) + 100:  # records deleted long ago: let them go
            alive = {id(r) for records in held for r in records}
            self._kept = {key: value for key, value in kept.items() if key in alive}
        return data
