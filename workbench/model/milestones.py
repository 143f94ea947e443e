"""Milestones: a named, dated record of where the engagement stood, compact enough to compare."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from workbench.model.records import ProjectRecord


class AreaScore(ProjectRecord):
    area: str
    """Area id."""
    current: float | None = None
    """Mean current maturity of the area's scored answers."""
    target: float | None = None
    """Mean target maturity."""


class GapState(ProjectRecord):
    id: str
    """Gap id."""
    title: str = ""
    """The gap's title then, to name it once it is gone."""
    area: str = ""
    """Area id."""
    quadrant: str = ""
    """Quadrant on the matrix then (quick-win, strategic, fill-in, deprioritise)."""
    status: str = "open"
    """The gap's status then."""


class PilotState(ProjectRecord):
    id: str
    """Plan item id."""
    title: str = ""
    """Its title then."""
    done: bool = False
    """Whether it was marked done."""


class Milestone(ProjectRecord):
    name: str = Field(min_length=1)
    """What the milestone marks (`baseline`, `after pilots`); unique in the project."""
    date: dt.date
    """When it was saved."""
    answers: int = 0
    """How many answers had been recorded (any status)."""
    maturity: list[AreaScore] = Field(default_factory=list)
    """Maturity per area."""
    gaps: list[GapState] = Field(default_factory=list)
    """Every gap and its quadrant."""
    mappings: list[str] = Field(default_factory=list)
    """Accepted gap–practice pairs, `G-001 practice.id`."""
    pilots: list[PilotState] = Field(default_factory=list)
    """Every plan item and whether it was done."""
    plan_end: dt.date | None = None
    """When the plan was due to end."""
