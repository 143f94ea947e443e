"""Maturity roll-ups per area, and where sessions disagree."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean  # floats: the exact (Fraction) mean is ~20x slower

from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Answer


@dataclass(frozen=True)
class AreaMaturity:
    """Mean current and target maturity of an area's scored answers."""

    area: str
    title: str
    current: float | None
    target: float | None
    scored: int
    """How many answers carried a score."""

    @property
    def gap(self) -> float:
        """Target minus current (0 when either is unknown)."""
        if self.current is None or self.target is None:
            return 0.0
        return self.target - self.current


def area_maturity(project: Project, catalogue: Catalogue, session: str = "") -> list[AreaMaturity]:
    """Current vs target per area, in bank order, over all sessions or one."""
    currents: dict[str, list[int]] = defaultdict(list)
    targets: dict[str, list[int]] = defaultdict(list)
    for answer in project.answers:
        if session and answer.session != session:
            continue
        question = catalogue.questions.get(answer.question)
        if question is None or answer.status != "answered":
            continue
        if answer.current is not None:
            currents[question.area].append(answer.current)
        if answer.target is not None:
            targets[question.area].append(answer.target)
    rows = []
    for area_id, area in catalogue.areas.items():
        cur, tgt = currents.get(area_id, []), targets.get(area_id, [])
        if not cur and not tgt:
            continue
        rows.append(
            AreaMaturity(
                area_id,
                area.title,
                round(fmean(cur), 2) if cur else None,
                round(fmean(tgt), 2) if tgt else None,
                max(len(cur), len(tgt)),
            )
        )
    return rows


@dataclass(frozen=True)
class Disagreement:
    """Sessions that scored the same question (or area) at least two levels apart."""

    scope: str
    """`question` or `area`."""
    key: str
    """Question reference or area id."""
    area: str
    scores: dict[str, float] = field(default_factory=dict)
    """Current maturity per session."""

    @property
    def spread(self) -> float:
        """Highest minus lowest score."""
        return max(self.scores.values()) - min(self.scores.values())


def disagreements(project: Project, catalogue: Catalogue, threshold: float = 2.0) -> list[Disagreement]:
    """Questions and areas whose current maturity differs by ≥ threshold between sessions."""
    by_question: dict[str, dict[str, int]] = defaultdict(dict)
    by_area: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for answer in _scored(project, catalogue):
        score = answer.current or 0
        by_question[answer.question][answer.session] = score
        by_area[catalogue.questions[answer.question].area][answer.session].append(score)
    found = []
    for ref, scores in by_question.items():
        if len(scores) >= 2 and max(scores.values()) - min(scores.values()) >= threshold:
            area = catalogue.questions[ref].area
            found.append(Disagreement("question", ref, area, {k: float(v) for k, v in scores.items()}))
    for area, sessions in by_area.items():
        means = {s: round(fmean(v), 2) for s, v in sessions.items()}
        if len(means) >= 2 and max(means.values()) - min(means.values()) >= threshold:
            found.append(Disagreement("area", area, area, means))
    return found


def _scored(project: Project, catalogue: Catalogue) -> list[Answer]:
    return [
        a
        for a in project.answers
        if a.current is not None and a.status == "answered" and a.question in catalogue.questions
    ]
