"""Plan edits: pilots, deep-dives and milestones on the timeline, and next steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from workbench.analysis.plan import week_number
from workbench.edits.changes import Change, Insert, Remove, SetFields, set_fields
from workbench.edits.history import Edit, EditRefused, FieldsEdit
from workbench.edits.words import quoted
from workbench.model.evidence import parse_evidence
from workbench.model.project import Project
from workbench.model.records import PlanItem
from workbench.printable import plural

QUICK_WIN_WEEKS = 4
"""A pilot for a quick win is sized at four weeks…"""
STRATEGIC_WEEKS = 8
"""…and one for a strategic initiative at eight."""


def _item(project: Project, item_id: str) -> PlanItem:
    item = project.pilot(item_id)
    if item is None:
        raise EditRefused(f"there is no plan item {item_id}; it may have been deleted")
    return item


@dataclass
class AddPlanItem(Edit):
    """Add a pilot, a technical deep-dive session or a milestone."""

    title: str
    kind: str = "pilot"
    values: dict[str, Any] = field(default_factory=dict)
    item_id: str = ""
    """The new item's id, once applied."""

    @property
    def name(self) -> str:
        return f"add {self.kind} {quoted(self.title)}"

    def changes(self, project: Project) -> list[Change]:
        values = dict(self.values)
        if self.kind == "milestone":
            values.setdefault("weeks", 0)
        elif self.kind == "deep-dive":
            values.setdefault("weeks", 1)
        item = project.new_plan_item(self.title, self.kind, **values)
        self.item_id = item.id
        return [Insert("pilots", item)]


@dataclass
class ProposePilot(Edit):
    """A pilot for a gap: its accepted practices, the metrics in its evidence, its owner, sized by
    the gap's complexity (a low-complexity gap, quick win or fill-in, gets a short pilot).
    `values` are what the facilitator changed in the proposal before saving it (title,
    objective, owner, weeks, metrics, criteria): proposing and editing are one edit."""

    gap_id: str
    item_id: str = ""
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"propose a pilot for {self.gap_id}"

    def proposal(self, project: Project) -> PlanItem:
        """The pilot as it would be added (not yet added)."""
        gap = project.gap(self.gap_id)
        if gap is None:
            raise EditRefused(f"there is no gap {self.gap_id}; it may have been deleted")
        links = [parse_evidence(link) for link in gap.evidence]
        metrics = [link.target for link in links if link.kind == "metric" and project.metric(link.target)]
        quick = gap.complexity < project.settings.matrix.complexity_threshold
        fields: dict[str, Any] = {
            "gaps": [gap.id],
            "practices": project.accepted_practices(gap.id),
            "metrics": metrics,
            "weeks": QUICK_WIN_WEEKS if quick else STRATEGIC_WEEKS,
            "owner": gap.owner,
        } | self.values
        title = str(fields.pop("title", f"Pilot: {gap.title}"))
        return project.new_plan_item(title, **fields)

    def changes(self, project: Project) -> list[Change]:
        item = self.proposal(project)
        self.item_id = item.id
        return [Insert("pilots", item)]


@dataclass
class EditPlanItem(FieldsEdit):
    """Change a plan item's title, objective, owner, duration, metrics or criteria."""

    section: ClassVar[str] = "pilots"

    item_id: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.fields_named} of {self.item_id}"

    def changes(self, project: Project) -> list[Change]:
        _item(project, self.item_id)
        return self.set_fields_of(project, "pilots", self.item_id)


@dataclass
class MovePlanItem(Edit):
    """Fix an item's start week, or unfix it with None. Week 1 is the earliest: a move before it
    is refused."""

    item_id: str
    start: int | None

    @property
    def name(self) -> str:
        if self.start is None:
            return f"unfix the start of {self.item_id}"
        return f"move {self.item_id} to week {week_number(self.start)} (start = {self.start})"

    @property
    def merge_key(self) -> str:  # type: ignore[override]
        return f"move-item:{self.item_id}" if self.start is not None else ""

    def changes(self, project: Project) -> list[Change]:
        item = _item(project, self.item_id)
        if self.start is not None and self.start < 0:
            raise EditRefused(
                f"{item.id} already starts in week 1, the plan's first week: it cannot move earlier. "
                "To start the whole plan earlier, change its start date (plan_start) in the file."
            )
        return set_fields(project, "pilots", self.item_id, start=self.start)


@dataclass
class ResizePlanItem(Edit):
    """Make an item longer or shorter: a week at least. A milestone marks a day: it has no
    length to change."""

    item_id: str
    delta: int
    weeks: int = 0
    """The item's length once applied: the name says it."""

    @property
    def name(self) -> str:
        change = "lengthen" if self.delta > 0 else "shorten"
        return f"{change} {self.item_id}" + (f" to {plural(self.weeks, 'week')}" if self.weeks else "")

    @property
    def merge_key(self) -> str:  # type: ignore[override]
        return f"resize-item:{self.item_id}"

    def changes(self, project: Project) -> list[Change]:
        item = _item(project, self.item_id)
        if item.kind == "milestone":
            raise EditRefused(
                f"{item.id} is a milestone: it marks a day and has no length. Move it with ← →, "
                "or plan the work before it as a pilot."
            )
        if item.weeks + self.delta < 1:
            raise EditRefused(f"{item.id} is one week long, the shortest a plan item can be.")
        self.weeks = item.weeks + self.delta
        return set_fields(project, "pilots", item.id, weeks=self.weeks)


@dataclass
class AddDependency(Edit):
    """Make an item wait for another; a dependency that would close a loop is refused."""

    item_id: str
    dependency: str

    @property
    def name(self) -> str:
        return f"make {self.item_id} wait for {self.dependency}"

    def changes(self, project: Project) -> list[Change]:
        from workbench.analysis.plan import would_cycle

        item = _item(project, self.item_id)
        _item(project, self.dependency)
        if self.dependency in item.depends_on:
            return []
        loop = would_cycle(project.pilots, item.id, self.dependency)
        if loop:
            raise EditRefused("refused: dependency cycle " + " → ".join([*loop, item.id]))
        return [SetFields("pilots", item.id, {"depends_on": [*item.depends_on, self.dependency]})]


def _waits_for(item_id: str, remaining: list[str]) -> SetFields:
    """Set what an item waits for; none left, the `depends_on` key goes (`depends_on = []` was
    left in a file that never had the key)."""
    unset = frozenset() if remaining else frozenset({"depends_on"})
    return SetFields("pilots", item_id, {"depends_on": remaining}, unset)


@dataclass
class RemoveDependency(Edit):
    """Stop an item waiting for another."""

    item_id: str
    dependency: str

    @property
    def name(self) -> str:
        return f"{self.item_id} no longer waits for {self.dependency}"

    def changes(self, project: Project) -> list[Change]:
        item = _item(project, self.item_id)
        if self.dependency not in item.depends_on:
            return []
        return [_waits_for(item.id, [d for d in item.depends_on if d != self.dependency])]


@dataclass
class DeletePlanItem(Edit):
    """Delete a plan item and every dependency on it."""

    item_id: str

    @property
    def name(self) -> str:
        return f"delete {self.item_id}"

    def changes(self, project: Project) -> list[Change]:
        if project.pilot(self.item_id) is None:
            return []
        waiting: list[Change] = [
            _waits_for(other.id, [d for d in other.depends_on if d != self.item_id])
            for other in project.pilots
            if self.item_id in other.depends_on
        ]
        return [*waiting, Remove("pilots", self.item_id)]


def delete_plan_item_consequences(project: Project, item_id: str) -> str:
    """What else deleting the plan item changes, in the words of `DeletePlanItem`: the items
    that wait for it stop waiting; empty when nothing else changes."""
    from workbench.export.wording import join_and

    waiting = [other.id for other in project.pilots if item_id in other.depends_on]
    if not waiting:
        return ""
    wait = "waits" if len(waiting) == 1 else "wait"
    return f"{join_and(waiting)} {wait} for it and will no longer."


@dataclass
class AddNextStep(Edit):
    """Add a next step, tied to an item of the follow-up framework or not."""

    text: str
    step: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    step_id: str = ""
    """The new step's id, once applied."""

    @property
    def name(self) -> str:
        return f"add next step {quoted(self.text)}"

    def changes(self, project: Project) -> list[Change]:
        next_step = project.new_next_step(self.text, self.step, **self.values)
        self.step_id = next_step.id
        return [Insert("next_steps", next_step)]


@dataclass
class EditNextStep(FieldsEdit):
    """Change a next step's words, owner or due date."""

    step_id: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.fields_named} of {self.step_id}"

    def changes(self, project: Project) -> list[Change]:
        if project.next_step(self.step_id) is None:
            raise EditRefused(f"there is no next step {self.step_id}; it may have been deleted")
        return self.set_fields_of(project, "next_steps", self.step_id)


@dataclass
class TickNextStep(Edit):
    """Tick a next step off, or untick it."""

    step_id: str

    @property
    def name(self) -> str:
        return f"tick {self.step_id}"

    def changes(self, project: Project) -> list[Change]:
        step = project.next_step(self.step_id)
        if step is None:
            raise EditRefused(f"there is no next step {self.step_id}; it may have been deleted")
        return [SetFields("next_steps", step.id, {"done": not step.done})]
