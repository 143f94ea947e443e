"""Mapping gaps to guide practices: ranked suggestions that explain themselves, and checks.

A practice's score for a gap adds up, and each part is stated as a reason:
- +3 when the discovery guide's mapping table sends the gap's area to the practice's guide;
- +2 when the practice lists the gap's area;
- +1 per practice keyword found in the gap's title, description or evidence (at most +4);
- +1 when it is a prerequisite of a practice already accepted for the gap.
Practices scoring under 2 are not suggested. Ties sort by practice id, so ranking is stable.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from workbench.analysis.gaps import evidence_trail, gap_quadrant
from workbench.model.bank import Practice
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Gap

MIN_SCORE = 2.0
KEYWORD_CAP = 4
ResponseClass = Literal["Quick win", "Strategic initiative"]


@dataclass(frozen=True)
class PracticeSuggestion:
    """One practice for one gap, with its score and the reasons for it."""

    practice: Practice
    score: float
    reasons: tuple[str, ...]
    decision: str = ""
    """`accepted`, `rejected` or empty."""


def gap_text(project: Project, catalogue: Catalogue, gap: Gap) -> str:
    """Everything said about a gap, lower-cased: title, description, evidence and answers."""
    parts = [gap.title, gap.description, catalogue.area_title(gap.area)]
    for item in evidence_trail(project, catalogue, gap):
        parts += [item.text, item.detail]
    return " ".join(parts).lower()


@functools.cache
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A keyword as a whole word or phrase (the guides hold a few hundred; compiled once)."""
    return re.compile(r"(?<![a-z0-9])" + re.escape(keyword.lower()) + r"(?![a-z0-9])")


def _keyword_hits(practice: Practice, text: str) -> list[str]:
    return [keyword for keyword in practice.keywords if _keyword_pattern(keyword).search(text)]


def suggest_practices(project: Project, catalogue: Catalogue, gap: Gap) -> list[PracticeSuggestion]:
    """Practices for a gap, best first, each with the reasons for its score."""
    text = gap_text(project, catalogue, gap)
    table_guides = {row.guide: row for row in catalogue.guide_map if gap.area and gap.area in row.areas}
    accepted = set(project.accepted_practices(gap.id))
    prerequisite_of: dict[str, list[str]] = defaultdict(list)
    for practice_id in accepted:
        practice = catalogue.practices.get(practice_id)
        for prerequisite in practice.prerequisites if practice else ():
            prerequisite_of[prerequisite].append(practice_id)
    found = []
    for practice in catalogue.practices.values():
        score = 0.0
        reasons = []
        row = table_guides.get(practice.guide)
        if row is not None:
            score += 3
            reasons.append(f"mapping table: {row.problem} → {row.guide_title}")
        if gap.area and gap.area in practice.areas:
            score += 2
            reasons.append(f"addresses {catalogue.area_title(gap.area)}")
        hits = _keyword_hits(practice, text)
        if hits:
            score += min(KEYWORD_CAP, len(hits))
            reasons.append("keywords: " + ", ".join(hits[:6]))
        if practice.id in prerequisite_of:
            score += 1
            reasons.append("prerequisite of accepted " + ", ".join(sorted(prerequisite_of[practice.id])))
        decision = project.mapping(gap.id, practice.id)
        if score >= MIN_SCORE or decision is not None:
            found.append(
                PracticeSuggestion(practice, score, tuple(reasons), decision.status if decision else "")
            )
    return sorted(found, key=lambda s: (-s.score, s.practice.id))


def response_class(project: Project, gap: Gap) -> ResponseClass:
    """Quick win for low-complexity quadrants, strategic initiative for high-complexity ones."""
    return "Quick win" if gap_quadrant(project, gap) in ("quick-win", "fill-in") else "Strategic initiative"


@dataclass(frozen=True)
class MappingWarning:
    """Something a consultant must fix before defending the mapping."""

    gap: str
    practice: str
    message: str


def mapping_warnings(project: Project, catalogue: Catalogue) -> list[MappingWarning]:
    """Gaps with no practice, and accepted practices whose prerequisites are not done or planned."""
    warnings = []
    covered = {m.practice for m in project.mappings if m.status == "accepted"}
    covered |= {p for item in project.pilots for p in item.practices}
    for gap in project.gaps:
        if gap.status in ("closed", "wont-fix"):
            continue
        accepted = project.accepted_practices(gap.id)
        if not accepted:
            warnings.append(MappingWarning(gap.id, "", "no practice mapped yet"))
        for practice_id in accepted:
            practice = catalogue.practices.get(practice_id)
            if practice is None:
                continue
            missing = [p for p in practice.prerequisites if p not in covered]
            if missing:
                warnings.append(
                    MappingWarning(
                        gap.id,
                        practice_id,
                        f"{practice_id} needs {', '.join(missing)}, which is neither mapped nor planned",
                    )
                )
    return warnings


@dataclass
class GuideCoverage:
    """How much of one guide the engagement uses."""

    guide: str
    title: str
    total: int
    used: list[str] = field(default_factory=list)


def coverage(project: Project, catalogue: Catalogue) -> list[GuideCoverage]:
    """Accepted practices per guide, in catalogue order."""
    accepted = {m.practice for m in project.mappings if m.status == "accepted"}
    rows = []
    for guide in catalogue.guides.values():
        practices = [p for p in catalogue.practices.values() if p.guide == guide.id]
        rows.append(
            GuideCoverage(
                guide.id, guide.title, len(practices), [p.id for p in practices if p.id in accepted]
            )
        )
    return rows
