"""Effort from practice sizes and pilot lengths: team size, people-weeks and the skills needed."""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.model.catalogue import Catalogue
from workbench.model.records import PlanItem

EFFORT_PEOPLE = {"S": 0.5, "M": 1.0, "L": 1.5}
"""People a practice keeps busy for a pilot's length: small half a person, large one and a half."""
EFFORT_WORDS = {"S": "small", "M": "medium", "L": "large"}
SKILLS = (
    ("feature", "Data engineering"),
    ("data", "Data engineering"),
    ("training", "Data science"),
    ("validation", "Data science"),
    ("automl", "Data science"),
    ("deploy", "ML engineering"),
    ("serving", "ML engineering"),
    ("monitor", "Platform engineering"),
)
"""Skills a guide's practices call for, by a word of the guide's id."""
DEFAULT_SKILL = "ML engineering"
DEEP_DIVE_PEOPLE = 2
NO_PRACTICE_PEOPLE = 2
"""A pilot with no practice named yet."""
PEOPLE_WORDS = {0.5: "half a person", 1.0: "one person", 1.5: "one and a half people", 2: "two people"}


@dataclass(frozen=True)
class Effort:
    """What one plan item takes."""

    item: PlanItem
    people: int
    """Team size for the item's length."""
    skills: tuple[str, ...]

    @property
    def people_weeks(self) -> int:
        """People × weeks."""
        return self.people * self.item.weeks


def skill_for(guide: str) -> str:
    """The skill a guide's practices call for."""
    return next((skill for word, skill in SKILLS if word in guide), DEFAULT_SKILL)


def effort(item: PlanItem, catalogue: Catalogue) -> Effort:
    """Team size from the item's practices (S ½, M 1, L 1½ people, at least one), and skills."""
    if item.kind == "deep-dive":
        return Effort(item, DEEP_DIVE_PEOPLE, ("Facilitation", "Subject experts"))
    if item.kind == "milestone":
        return Effort(item, 0, ())
    practices = [catalogue.practices[p] for p in item.practices if p in catalogue.practices]
    load = sum(EFFORT_PEOPLE.get(p.effort, 1.0) for p in practices)
    people = max(1, math.ceil(load)) if practices else NO_PRACTICE_PEOPLE
    skills = tuple(dict.fromkeys(skill_for(p.guide) for p in practices)) or (DEFAULT_SKILL,)
    return Effort(item, people, skills)


def practice_effort(size: str) -> str:
    """`small (S)` for a practice's effort size."""
    return f"{EFFORT_WORDS.get(size, 'medium')} ({size})"


def effort_rule() -> str:
    """The rule `effort` follows, in words, so that the document's arithmetic can be checked."""
    sizes = ", ".join(f"{EFFORT_WORDS[size]}: {PEOPLE_WORDS[load]}" for size, load in EFFORT_PEOPLE.items())
    return (
        f"A pilot's team adds up the practices it applies ({sizes}), rounded up to whole people, "
        f"or {PEOPLE_WORDS[NO_PRACTICE_PEOPLE]} while its practices are still to agree; a deep-dive takes "
        f"{PEOPLE_WORDS[DEEP_DIVE_PEOPLE]}. Effort in people-weeks is the team times the item's length "
        "in weeks."
    )
