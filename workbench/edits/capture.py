"""What was heard and measured: heard pain indicators and success metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from workbench.edits.changes import Change, Insert, Remove, SetFields
from workbench.edits.history import Edit, EditRefused, FieldsEdit
from workbench.edits.words import quoted, typing_key
from workbench.export.wording import join_and
from workbench.model.project import Project


def unlink(project: Project, link: str) -> list[Change]:
    """Drop an evidence link (`heard:H-001`, `metric:M-001`) from every gap that has it."""
    return [
        SetFields("gaps", gap.id, {"evidence": [e for e in gap.evidence if e != link]})
        for gap in project.gaps
        if link in gap.evidence
    ]


def citing_gaps(project: Project, link: str) -> list[str]:
    """The gaps whose evidence holds `link` (`heard:H-001`, `metric:M-001`): what `unlink` changes."""
    return [gap.id for gap in project.gaps if link in gap.evidence]


def cited_sentence(gaps: list[str]) -> str:
    """'It is evidence of G-001 and G-002: they will no longer cite it. ' ('' for no gaps)."""
    if not gaps:
        return ""
    they = "it" if len(gaps) == 1 else "they"
    return f"It is evidence of {join_and(gaps)}: {they} will no longer cite it. "


def remove_metric_consequences(project: Project, metric_id: str) -> str:
    """What else removing the metric changes, in the words of `RemoveMetric` (a sentence or two
    ending in a space; empty when nothing else changes): plan items stop measuring it, gaps stop
    citing it as evidence."""
    items = [item.id for item in project.pilots if metric_id in item.metrics]
    gaps = citing_gaps(project, f"metric:{metric_id}")
    measured = f"{join_and(items)} {'measures' if len(items) == 1 else 'measure'} it and will no longer. "
    return (measured if items else "") + cited_sentence(gaps)


@dataclass
class Hear(Edit):
    """A pain indicator was heard, with the quote and the speaker's role."""

    indicator: str
    session: str
    quote: str = ""
    speaker_role: str = ""
    about: str = ""
    heard_id: str = ""
    """The new record's id, once applied."""

    @property
    def name(self) -> str:
        return f"heard {quoted(self.about or self.indicator)}"

    def changes(self, project: Project) -> list[Change]:
        if project.session(self.session) is None:
            raise EditRefused(f"there is no session {quoted(self.session)}; start one with F6")
        heard = project.new_heard(self.indicator, self.session, self.quote, self.speaker_role)
        self.heard_id = heard.id
        return [Insert("heard", heard)]


@dataclass
class EditHeard(FieldsEdit):
    """Change the quote or the speaker's role of a heard indicator."""

    heard_id: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.fields_named} of {self.heard_id}"

    @property
    def merge_key(self) -> str:  # type: ignore[override]
        return typing_key("heard", self.heard_id, self.values)

    def changes(self, project: Project) -> list[Change]:
        return self.set_fields_of(project, "heard", self.heard_id)


@dataclass
class Unhear(Edit):
    """Take back a heard indicator; its quote leaves the gaps' evidence too."""

    heard_id: str

    @property
    def name(self) -> str:
        return f"remove heard {self.heard_id}"

    def changes(self, project: Project) -> list[Change]:
        if not any(h.id == self.heard_id for h in project.heard):
            return []
        return [*unlink(project, f"heard:{self.heard_id}"), Remove("heard", self.heard_id)]


@dataclass
class AddMetric(Edit):
    """Define a success metric from a bank template (or free-form)."""

    template: str = ""
    text: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    about: str = ""
    metric_id: str = ""
    """The new metric's id, once applied."""

    @property
    def name(self) -> str:
        return f"define metric {quoted(self.about or self.text or self.template)}"

    @property
    def merge_key(self) -> str:  # type: ignore[override]
        """A metric defined by the first key typed in one of its fields: typing on in that field
        is the same step (undo takes back the metric and the typing together)."""
        typed = {name: value for name, value in self.values.items() if name != "session"}
        return typing_key("metric", self.metric_id, typed) if self.metric_id and not self.text else ""

    def changes(self, project: Project) -> list[Change]:
        fields = {"template": self.template, "text": self.text, **self.values}  # a form's text wins
        metric = project.new_metric(**fields)
        self.metric_id = metric.id
        return [Insert("metrics", metric)]


@dataclass
class EditMetric(FieldsEdit):
    """Change a metric's numbers, unit, owner, due date or how it is measured."""

    section: ClassVar[str] = "metrics"

    metric_id: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.fields_named} of {self.metric_id}"

    @property
    def merge_key(self) -> str:  # type: ignore[override]
        return typing_key("metric", self.metric_id, self.values)

    def changes(self, project: Project) -> list[Change]:
        return self.set_fields_of(project, "metrics", self.metric_id)


@dataclass
class RemoveMetric(Edit):
    """Delete a metric, with the gap evidence and plan items that point at it."""

    metric_id: str

    @property
    def name(self) -> str:
        return f"delete metric {self.metric_id}"

    def changes(self, project: Project) -> list[Change]:
        if project.metric(self.metric_id) is None:
            return []
        moved_by = [
            SetFields("pilots", item.id, {"metrics": [m for m in item.metrics if m != self.metric_id]})
            for item in project.pilots
            if self.metric_id in item.metrics
        ]
        return [*unlink(project, f"metric:{self.metric_id}"), *moved_by, Remove("metrics", self.metric_id)]
