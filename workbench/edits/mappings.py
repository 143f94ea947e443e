"""Mapping edits: accept or reject a practice for a gap, write why, forget the decision."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.edits.changes import Change, Insert, Remove, set_fields
from workbench.edits.history import Edit, EditRefused
from workbench.edits.words import quoted
from workbench.model.project import Project
from workbench.model.records import Mapping, MappingStatus

VERBS = {"accepted": "accept", "rejected": "reject"}


def _set_mapping(project: Project, new: Mapping, **fields: str) -> list[Change]:
    """Set fields of a gap–practice pair, or add `new` when the pair is not decided yet."""
    if project.gap(new.gap) is None:
        raise EditRefused(f"there is no gap {new.gap}; it may have been deleted")
    if project.mapping(new.gap, new.practice) is None:
        return [Insert("mappings", new)]
    return set_fields(project, "mappings", (new.gap, new.practice), **fields)


def _with_rationale(gap: str, practice: str, rationale: str) -> Mapping:
    """A new mapping (accepted) with its rationale, none written when there is none."""
    return Mapping(gap=gap, practice=practice, **({"rationale": rationale} if rationale else {}))


@dataclass
class DecideMapping(Edit):
    """Accept or reject a practice for a gap; a rationale already written is kept."""

    gap: str
    practice: str
    status: MappingStatus
    title: str = ""
    """The practice's title, for the edit's name."""

    @property
    def name(self) -> str:
        return f"{VERBS[self.status]} {quoted(self.title or self.practice)} for {self.gap}"

    def changes(self, project: Project) -> list[Change]:
        new = Mapping(gap=self.gap, practice=self.practice, status=self.status)
        return _set_mapping(project, new, status=self.status)


@dataclass
class WriteRationale(Edit):
    """Say why a practice answers a gap; an undecided practice is accepted with it."""

    gap: str
    practice: str
    rationale: str
    title: str = ""

    @property
    def name(self) -> str:
        return f"rationale for {quoted(self.title or self.practice)} on {self.gap}"

    def changes(self, project: Project) -> list[Change]:
        new = _with_rationale(self.gap, self.practice, self.rationale)
        return _set_mapping(project, new, rationale=self.rationale)


@dataclass
class Undecide(Edit):
    """Forget the decision on a gap–practice pair (it is suggested again)."""

    gap: str
    practice: str
    title: str = ""

    @property
    def name(self) -> str:
        return f"forget the decision on {quoted(self.title or self.practice)} for {self.gap}"

    def changes(self, project: Project) -> list[Change]:
        if project.mapping(self.gap, self.practice) is None:
            return []
        return [Remove("mappings", (self.gap, self.practice))]


@dataclass
class MapByHand(Edit):
    """Map any practice to a gap, chosen by the person rather than suggested: accepted, with
    their rationale (a decision already there is replaced by this one)."""

    gap: str
    practice: str
    rationale: str
    title: str = ""

    @property
    def name(self) -> str:
        return f"map {quoted(self.title or self.practice)} to {self.gap} by hand"

    def changes(self, project: Project) -> list[Change]:
        new = _with_rationale(self.gap, self.practice, self.rationale)  # a new mapping is an accepted one
        return _set_mapping(project, new, status="accepted", rationale=self.rationale)
