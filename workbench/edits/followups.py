"""Follow-up edits: close one (recording the answer on its question), reopen it, assign it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.analysis.followups import parse_key
from workbench.edits.changes import Change, set_fields
from workbench.edits.history import Edit, EditRefused
from workbench.edits.words import quoted
from workbench.model.project import Project


def _target(project: Project, key: str) -> tuple[str, object]:
    """The list and the record key a follow-up changes; EditRefused when it is gone."""
    try:
        kind, first, second = parse_key(key)
    except ValueError as error:
        raise EditRefused(str(error)) from None
    if kind == "step":
        if project.next_step(first) is None:
            raise EditRefused(f"there is no next step {first}; it may have been deleted")
        return "next_steps", first
    if project.answer(first, second) is None:
        raise EditRefused(f"there is no answer to {first} in session {second}; it may have been deleted")
    return "answers", (first, second)


@dataclass
class CloseFollowUp(Edit):
    """Mark a follow-up done: a next step ticked off, a question answered with what was learned."""

    key: str
    answer: str | None = None
    """The answer's notes; None keeps the notes as they are."""
    about: str = ""
    """The question's or step's words, for the edit's name."""

    @property
    def name(self) -> str:
        return f"close follow-up {quoted(self.about or self.key)}"

    def changes(self, project: Project) -> list[Change]:
        collection, record = _target(project, self.key)
        if collection == "next_steps":
            return set_fields(project, collection, record, done=True)
        values: dict[str, object] = {"status": "answered"}
        if self.answer is not None:
            values["notes"] = self.answer
        return set_fields(project, collection, record, **values)


@dataclass
class ReopenFollowUp(Edit):
    """Put a done follow-up back on the list."""

    key: str
    about: str = ""

    @property
    def name(self) -> str:
        return f"reopen follow-up {quoted(self.about or self.key)}"

    def changes(self, project: Project) -> list[Change]:
        collection, record = _target(project, self.key)
        if collection == "next_steps":
            return set_fields(project, collection, record, done=False)
        return set_fields(project, collection, record, status="follow-up")


@dataclass
class AssignFollowUp(Edit):
    """Set whom to ask (or who does it) and by when."""

    key: str
    owner: str
    due: dt.date | None = None
    about: str = ""

    @property
    def name(self) -> str:
        return f"assign {quoted(self.about or self.key)} to {quoted(self.owner or 'nobody')}"

    def changes(self, project: Project) -> list[Change]:
        collection, record = _target(project, self.key)
        if collection == "next_steps":
            return set_fields(project, collection, record, owner=self.owner, due=self.due)
        return set_fields(project, collection, record, follow_up_with=self.owner, follow_up_due=self.due)
