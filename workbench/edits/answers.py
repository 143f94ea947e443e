"""Answer edits: notes, status (with its reason or whom to follow up), confidence, maturity."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.edits.changes import Change, Insert, exists, set_fields
from workbench.edits.history import Edit, EditRefused
from workbench.edits.words import fields_phrase, quoted, typing_key
from workbench.model.project import Project
from workbench.model.records import Answer

DEFAULTS: tuple[object, ...] = ("", None, "answered", "stated")
"""Values an answer has before anything is said: setting only these creates no answer."""


@dataclass
class SetAnswer(Edit):
    """Set fields of the answer to a question in a session, creating the answer if needed."""

    question: str
    session: str
    values: dict[str, Any] = field(default_factory=dict)
    about: str = ""
    """The question's words, for the edit's name."""

    @property
    def name(self) -> str:
        return f"{fields_phrase(self.values)} for {quoted(self.about or self.question)}"

    @property
    def merge_key(self) -> str:  # type: ignore[override]
        return typing_key("answer", f"{self.question}@{self.session}", self.values)

    def changes(self, project: Project) -> list[Change]:
        if project.session(self.session) is None:
            raise EditRefused(f"there is no session {quoted(self.session)}; start one with F6")
        if not exists(project, "answers", (self.question, self.session)):
            if all(value in DEFAULTS for value in self.values.values()):
                return []
            return [Insert("answers", Answer(question=self.question, session=self.session, **self.values))]
        return set_fields(project, "answers", (self.question, self.session), **self.values)
