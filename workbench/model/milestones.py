"""Milestones: a named, dated record of where the engagement stood, compact enough to compare."""


import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, field_validator

from workbench.model.records import GapStatus, ProjectRecord
from workbench.printable import quoted

Level = Annotated[float, Field(ge=1, le=5)]
"""A maturity level, or a mean of levels: 1 to 5."""


class AreaScore(ProjectRecord):
    area: str
    """Area id."""
    current: Level | None = None
    """Mean current maturity of the area's scored answers."""
    target: Level | None = None
    """Mean target maturity."""


class GapState(ProjectRecord):
    id: str
    """Gap id."""
    title: str = ""
    """The gap's title then, to name it once it is gone."""
    area: str = ""
    """Area id."""
    quadrant: Literal["", "quick-win", "strategic", "fill-in", "deprioritise"] = ""
    """Quadrant on the matrix then (quick-win, strategic, fill-in, deprioritise)."""
    status: GapStatus = "open"
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
    answers: int = Field(default=0, ge=0)
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

    @field_validator("mappings")
    @classmethod
    def _pairs(cls, pairs: list[str]) -> list[str]:
        for pair in pairs:
            if len(pair.split()) != 2:
                raise ValueError(
                    f"{quoted(pair)} should be a gap id and a practice id; write the two with a space "
                    "between, as in 'G-001 ds.cicd-for-ml'"
                )
        return pairs

    @field_validator("name")
    @classmethod
    def _not_blank(cls, name: str) -> str:
        if not name.strip():
            raise ValueError("a milestone needs a name; write one, e.g. 'baseline'")
        return name
