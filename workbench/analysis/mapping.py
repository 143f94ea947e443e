"""Mapping gaps to guide practices: ranked suggestions that explain themselves, and checks.

A practice is suggested for a gap when its keywords occur in the gap's own words (title and
description) or its evidence (answer notes, quotes and the indicators heard, metrics); the words
of the questions asked and the area's title do not count. Each keyword counts by how rare it is
across the banks (see `keywords`), at most KEYWORD_CAP in all. A practice for the gap's area (by
the mapping table or its own areas) needs MIN_KEYWORDS of that to be suggested, one from
elsewhere twice as much. Then:
- +0.5 when the discovery guide's mapping table sends the gap's area to the practice's guide;
- +0.5 when the practice lists the gap's area;
- +0.5 when it is a prerequisite of a practice already accepted for the gap.
A requirements-bank stage counts as the discovery areas its `maps_to` names. Of two practices
with the same score, the one whose keywords account for more of the gap's words comes first
(it says more of what the gap says), then the one with more keyword weight. Practices still level
come in the order a team would take them up (`rank_key`): first the one the area's own maturity
rubric names at an earlier level (one of its keywords occurs in that level's description: for
"No clear model ownership" in Team Collaboration & Governance, the model registry, whose
"hand-off" is named at level 1, before incident runbooks, whose "model owner" first appears at
level 3), then the one with fewer prerequisite steps before it (foundations first), then by
practice id.
Every part of the score is stated as a reason, in words.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from workbench.analysis.gaps import evidence_trail
from workbench.analysis.keywords import Stemmed, anchored, found, keyword_weights, stemmed, stems, vocabulary
from workbench.model.bank import Practice
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import CLOSED_STATUSES, Gap

MIN_KEYWORDS = 0.5
"""Keyword weight a practice for the gap's area needs: one specific word, or two or three common ones."""
MIN_KEYWORDS_ELSEWHERE = 1.0
"""Keyword weight a practice from another area needs: twice the evidence."""
KEYWORD_CAP = 3.0
AREA_FIT = 0.5
UNNAMED_LEVEL = 6
"""The rubric level of a practice the area's rubric never names: after every level it names."""


@dataclass(frozen=True)
class PracticeSuggestion:
    """One practice for one gap, with its score and the reasons for it."""

    practice: Practice
    score: float
    reasons: tuple[str, ...]
    decision: str = ""
    """`accepted`, `rejected` or empty."""
    words_matched: int = 0
    """How many of the gap's words the practice's keywords found: breaks ties."""
    keyword_score: float = 0.0
    rubric_level: int = UNNAMED_LEVEL
    """The earliest level (1–5) of the gap's area rubric whose description names the practice (one
    of its keywords); UNNAMED_LEVEL when none does: breaks ties."""
    steps_before: int = 0
    """How many prerequisite steps lie before the practice (0 for a foundation): breaks ties."""

    def rank_key(self) -> tuple[float, int, float, int, int, str]:
        """Best first: score, the gap's words matched, keyword weight; then, among equals, the
        practice the area's rubric names at an earlier level, the one with fewer steps before it,
        and the id."""
        return (
            -self.score,
            -self.words_matched,
            -self.keyword_score,
            self.rubric_level,
            self.steps_before,
            self.practice.id,
        )


def gap_text(project: Project, catalogue: Catalogue, gap: Gap) -> Stemmed:
    """The gap's own words and its evidence, stemmed (see `keywords`): what the client said (notes,
    quotes, the pain indicator heard, metrics), not the words of the questions asked nor the area's
    title."""
    parts = [gap.title, gap.description]
    for item in evidence_trail(project, catalogue, gap):
        if item.kind not in ("answer", "question"):
            parts.append(item.text)
        parts.append(item.detail)
    return stemmed("\n".join(parts))


def _keyword_reason(hits: list[str], weights: dict[str, float]) -> str:
    """The practice's keywords the gap's words match: the practice's words, matched by stem, so
    never in quotation marks (they read as what someone said)."""
    ordered = sorted(hits, key=lambda k: (-weights[k], k))
    specific = [k for k in ordered if weights[k] >= MIN_KEYWORDS]
    common = [k for k in ordered if weights[k] < MIN_KEYWORDS]
    words = []
    if specific:
        words.append("matches: " + ", ".join(specific[:5]))
    if common:
        lead = "and common words " if specific else "common words only: "
        words.append(lead + ", ".join(common[:4]) + " (they count less)")
    return " ".join(words)


Decided = tuple[tuple[str, str], ...]
"""A gap's decisions as (practice id, status), in the order they were made."""

_RANKED: dict[tuple[int, str, Stemmed, Decided], tuple[Catalogue, tuple[PracticeSuggestion, ...]]] = {}
RANKINGS_KEPT = 1024


def suggest_practices(project: Project, catalogue: Catalogue, gap: Gap) -> list[PracticeSuggestion]:
    """Practices for a gap, best first, each with the reasons for its score.

    A ranking depends only on the gap's words and evidence, its area and the decisions on it, so
    it is kept by those and made once: the Gaps pane ranks for every suggestion after each edit,
    and most of them did not change."""
    text = gap_text(project, catalogue, gap)
    decided = tuple((m.practice, m.status) for m in project.mappings if m.gap == gap.id)
    key = (id(catalogue), gap.area, text, decided)
    kept = _RANKED.get(key)
    if kept is None or kept[0] is not catalogue:
        if len(_RANKED) >= RANKINGS_KEPT:
            _RANKED.clear()
        kept = (catalogue, tuple(_rank(catalogue, gap.area, text, decided)))
        _RANKED[key] = kept
    return list(kept[1])


def _rank(catalogue: Catalogue, area: str, text: Stemmed, decided: Decided) -> list[PracticeSuggestion]:
    """Practices for a gap of an area with this stemmed text and these decisions, best first."""
    present = vocabulary(text)
    weights = keyword_weights(catalogue)
    areas = catalogue.matching_areas(area) if area else ()
    rubric = area_rubric(catalogue, areas)
    table_rows = {row.guide: row for row in catalogue.guide_map if set(areas) & set(row.areas)}
    prerequisite_of: dict[str, list[str]] = defaultdict(list)
    for practice_id in [practice for practice, status in decided if status == "accepted"]:
        practice = catalogue.practices.get(practice_id)
        for prerequisite in practice.prerequisites if practice else ():
            prerequisite_of[prerequisite].append(practice_id)
    decisions: dict[str, str] = {}
    for practice_id, status in decided:
        decisions.setdefault(practice_id, status)
    suggestions = []
    for practice in catalogue.practices.values():
        words = weights.practice_words[practice.id]
        hits = [] if present.isdisjoint(words) else found(practice.keywords, text, present)
        if not anchored(hits):
            hits = []
        decision = decisions.get(practice.id, "")
        if not hits and practice.id not in prerequisite_of and not decision:
            continue  # nothing to score it by: the checks below would leave it out
        hit_weights = {k: weights.weight(k) for k in hits}
        keyword_score = min(KEYWORD_CAP, sum(hit_weights.values()))
        row = table_rows.get(practice.guide)
        listed = [a for a in areas if a in practice.areas]
        needed = MIN_KEYWORDS if row is not None or listed else MIN_KEYWORDS_ELSEWHERE
        if keyword_score < needed and practice.id not in prerequisite_of and not decision:
            continue
        score = keyword_score
        reasons = [_keyword_reason(hits, hit_weights)] if hits else []
        if row is not None:
            score += AREA_FIT
            reasons.append(f"the discovery guide sends {row.problem} to the {row.guide_title}")
        if listed:
            score += AREA_FIT
            via = f" (which {catalogue.area_title(area)} maps to)" if listed[0] != area else ""
            reasons.append(f"written for {catalogue.area_title(listed[0])}{via}")
        if practice.id in prerequisite_of:
            score += AREA_FIT
            accepted = [catalogue.practice_name(p) for p in sorted(prerequisite_of[practice.id])]
            reasons.append("a prerequisite of accepted " + "; ".join(accepted))
        suggestions.append(
            PracticeSuggestion(
                practice,
                round(score, 2),
                tuple(reasons),
                decision,
                len(frozenset().union(*(stems(k) for k in hits))),
                round(keyword_score, 3),
                rubric_level(practice, rubric),
                steps_before(catalogue, practice.id),
            )
        )
    return sorted(suggestions, key=PracticeSuggestion.rank_key)


def accepted_in_order(project: Project, catalogue: Catalogue, gap: Gap) -> list[str]:
    """A gap's accepted practices in the order to do them: each after the accepted practices it
    needs (its prerequisites, however indirectly), otherwise in the Map pane's ranking; practices
    the ranking does not know keep their decision order, after the ranked ones."""
    accepted = project.accepted_by_gap().get(gap.id, [])
    rank = {s.practice.id: n for n, s in enumerate(suggest_practices(project, catalogue, gap))}
    waiting = sorted(accepted, key=lambda p: (rank.get(p, len(rank)), accepted.index(p)))
    ordered: list[str] = []
    while waiting:
        ready = next((p for p in waiting if not _needs(catalogue, p, set(waiting) - {p})), waiting[0])
        ordered.append(ready)
        waiting.remove(ready)
    return ordered


def _needs(catalogue: Catalogue, practice_id: str, others: set[str]) -> bool:
    """Whether a practice needs one of the others, directly or through its prerequisites."""
    seen: set[str] = set()
    todo = [practice_id]
    while todo:
        practice = catalogue.practices.get(todo.pop())
        for prerequisite in practice.prerequisites if practice else ():
            if prerequisite in others:
                return True
            if prerequisite not in seen:
                seen.add(prerequisite)
                todo.append(prerequisite)
    return False


def area_rubric(catalogue: Catalogue, areas: tuple[str, ...]) -> tuple[Stemmed, ...]:
    """The stemmed level descriptions (1 to 5) of the first of the areas that has a rubric."""
    for area_id in areas:
        area = catalogue.areas.get(area_id)
        if area is not None and area.levels:
            return tuple(stemmed(level) for level in area.levels)
    return ()


def rubric_level(practice: Practice, rubric: tuple[Stemmed, ...]) -> int:
    """The earliest rubric level whose description names one of the practice's keywords."""
    for level, text in enumerate(rubric, start=1):
        if found(practice.keywords, text):
            return level
    return UNNAMED_LEVEL


def steps_before(catalogue: Catalogue, practice_id: str, seen: frozenset[str] = frozenset()) -> int:
    """The length of the longest chain of prerequisites before a practice (0 for a foundation)."""
    practice = catalogue.practices.get(practice_id)
    if practice is None or practice_id in seen:
        return 0
    chain = seen | {practice_id}
    return max((1 + steps_before(catalogue, p, chain) for p in practice.prerequisites), default=0)


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
    accepted_by_gap = project.accepted_by_gap()  # once: per gap it walked every mapping again
    for gap in project.gaps:
        if gap.status in CLOSED_STATUSES:
            continue
        accepted = accepted_by_gap.get(gap.id, [])
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
                        f"{catalogue.practice_name(practice_id)} needs "
                        f"{'; '.join(catalogue.practice_name(p) for p in missing)}, "
                        f"which {'is' if len(missing) == 1 else 'are'} neither mapped nor planned",
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
