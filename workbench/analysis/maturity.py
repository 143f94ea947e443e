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


def area_maturity(
    project: Project, catalogue: Catalogue, session: str = "", seen_only: bool = False
) -> list[AreaMaturity]:
    """Current vs target per area, in bank order, over all sessions or one.

    `seen_only` leaves out the scores of 4 or 5 the client stated and nobody saw (see
    `unverified_high_scores`), for text that calls an area a strength."""
    currents: dict[str, list[int]] = defaultdict(list)
    targets: dict[str, list[int]] = defaultdict(list)
    for answer in project.answers:
        if session and answer.session != session:
            continue
        if seen_only and is_unverified_high_score(answer):
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
    """Sessions that scored the same question (or the same questions of an area) two levels apart."""

    scope: str
    """`question` or `area`."""
    key: str
    """Question reference or area id."""
    area: str
    scores: dict[str, float] = field(default_factory=dict)
    """Current maturity per session (for an area: the mean over the questions both scored)."""
    questions: tuple[str, ...] = ()
    """The questions compared: every session scored each of them."""

    @property
    def spread(self) -> float:
        """Highest minus lowest score."""
        return max(self.scores.values()) - min(self.scores.values())


MIN_SHARED = 2
"""Questions two sessions must both have scored before their views of an area are compared."""


def disagreements(project: Project, catalogue: Catalogue, threshold: float = 2.0) -> list[Disagreement]:
    """Questions, and areas over the questions both sessions scored, that differ by ≥ threshold."""
    by_question: dict[str, dict[str, int]] = defaultdict(dict)
    for answer in _scored(project, catalogue):
        by_question[answer.question][answer.session] = answer.current or 0
    found = []
    for ref, scores in by_question.items():
        if len(scores) >= 2 and max(scores.values()) - min(scores.values()) >= threshold:
            area = catalogue.questions[ref].area
            as_floats = {k: float(v) for k, v in scores.items()}
            found.append(Disagreement("question", ref, area, as_floats, (ref,)))
    by_area: dict[str, list[str]] = defaultdict(list)
    for ref in by_question:
        by_area[catalogue.questions[ref].area].append(ref)
    for area, refs in by_area.items():
        widest = _widest_pair(refs, by_question, threshold)
        if widest is not None:
            found.append(Disagreement("area", area, area, *widest))
    return found


def _widest_pair(
    refs: list[str], by_question: dict[str, dict[str, int]], threshold: float
) -> tuple[dict[str, float], tuple[str, ...]] | None:
    """The two sessions whose means over their shared questions differ most (≥ threshold)."""
    sessions = sorted({s for ref in refs for s in by_question[ref]})
    best: tuple[float, dict[str, float], tuple[str, ...]] | None = None
    for i, first in enumerate(sessions):
        for second in sessions[i + 1 :]:
            shared = tuple(r for r in refs if first in by_question[r] and second in by_question[r])
            if len(shared) < MIN_SHARED:
                continue
            # sum / len, not statistics.fmean: the same value for whole scores, many times faster
            means = {
                s: round(sum(by_question[r][s] for r in shared) / len(shared), 2) for s in (first, second)
            }
            spread = abs(means[first] - means[second])
            if spread >= threshold and (best is None or spread > best[0]):
                best = (spread, means, shared)
    return (best[1], best[2]) if best else None


def _scored(project: Project, catalogue: Catalogue) -> list[Answer]:
    return [
        a
        for a in project.answers
        if a.current is not None and a.status == "answered" and a.question in catalogue.questions
    ]


HIGH_SCORE = 4


def unverified_high_scores(project: Project, catalogue: Catalogue) -> list[Answer]:
    """Answers scored 4 or 5 now on the client's word alone (confidence 'stated'): verify them."""
    return [a for a in _scored(project, catalogue) if is_unverified_high_score(a)]


def is_unverified_high_score(answer: Answer) -> bool:
    """Scored 4 or 5 now on the client's word alone (confidence 'stated')."""
    return (answer.current or 0) >= HIGH_SCORE and answer.confidence == "stated"
