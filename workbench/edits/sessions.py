"""Session edits: start a discovery session, change its details."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from workbench.edits.changes import Change, Insert
from workbench.edits.history import Edit, EditRefused, FieldsEdit
from workbench.model.project import Project
from workbench.model.records import Attendee
from workbench.printable import quoted


@dataclass
class StartSession(Edit):
    """Start a discovery session with a fresh id derived from its template."""

    template: str = ""
    date: dt.date | None = None
    attendees: list[Attendee] = field(default_factory=list)
    title: str = ""
    minutes: int | None = None
    session_id: str = ""
    """The new session's id, once applied."""

    @property
    def name(self) -> str:
        return f"start session {self.session_id or self.template or 'blank'}"

    def changes(self, project: Project) -> list[Change]:
        session = project.new_session(self.template, self.date, self.attendees, self.title, self.minutes)
        self.session_id = session.id
        return [Insert("sessions", session)]


@dataclass
class EditSession(FieldsEdit):
    """Change a session's title, date, attendees, notes or time box."""

    session_id: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.fields_named} of session {self.session_id}"

    def changes(self, project: Project) -> list[Change]:
        if project.session(self.session_id) is None:
            raise EditRefused(f"there is no session {quoted(self.session_id)}")
        return self.set_fields_of(project, "sessions", self.session_id)
