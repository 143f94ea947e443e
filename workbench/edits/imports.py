"""Importing a filled-in self-assessment workbook as one undoable edit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbench.edits.changes import Change, Insert, SetFields, find, record_key, records
from workbench.edits.history import Edit, EditRefused
from workbench.model.project import Project
from workbench.workbook.read import ImportSummary, ReadWorkbook, apply_import

_COLLECTIONS = ("sessions", "answers", "heard", "metrics")


@dataclass
class ImportWorkbook(Edit):
    """The workbook's rows written into a session, undone as one."""

    read: ReadWorkbook
    session: str = ""
    today: dt.date | None = None
    partial: bool = False
    summary: ImportSummary | None = field(default=None, init=False)
    """What the import changed, once applied."""

    @property
    def name(self) -> str:
        return f"import workbook {self.read.token}".strip()

    def changes(self, project: Project) -> list[Change]:
        if self.read.problems and not self.partial:
            raise EditRefused("the workbook has problems; fix them, or import the good rows only")
        after = project.model_copy(deep=True)
        self.summary = apply_import(after, self.read, self.session, self.today, self.partial)
        return changes_between(project, after, _COLLECTIONS)


def changes_between(before: Project, after: Project, collections: tuple[str, ...]) -> list[Change]:
    """Inserts for new records and SetFields for changed fields (records are only added or changed)."""
    out: list[Change] = []
    for collection in collections:
        for record in records(after, collection):
            key = record_key(collection, record)
            try:
                _index, old = find(before, collection, key)
            except KeyError:
                out.append(Insert(collection, record))
                continue
            differing = {
                name: getattr(record, name)
                for name in type(record).model_fields
                if getattr(record, name) != getattr(old, name)
            }
            if differing:
                out.append(SetFields(collection, key, differing))
    return out
