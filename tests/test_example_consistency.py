"""The example engagement is one a principal architect would sign (#16, fresh-eyes finding 2):
decisions rest on pilots, metrics read the same in numbers and in words, gap titles say what
their evidence shows, and accepted practices bring their prerequisites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.analysis.gaps import gap_quadrant
from workbench.analysis.mapping import mapping_warnings
from workbench.analysis.metrics import metric_sentence
from workbench.analysis.plan import schedule
from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.store import load_project

EXAMPLE = Path(__file__).parent.parent / "projects" / "example.toml"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(EXAMPLE)


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(EXAMPLE)


def test_every_milestone_decision_rests_on_a_pilot_it_waits_for(project: Project) -> None:
    items = {item.id: item for item in project.pilots}
    milestones = [item for item in project.pilots if item.kind == "milestone"]
    assert milestones
    for milestone in milestones:
        assert not milestone.practices, f"{milestone.id}: a milestone runs no practice; a pilot does"
        for gap in milestone.gaps:
            behind = [
                items[d] for d in milestone.depends_on if items[d].kind == "pilot" and gap in items[d].gaps
            ]
            assert behind, f"{milestone.id} decides on {gap}, and no pilot it waits for works on it"
            assert any(item.criteria and item.practices for item in behind)


def test_the_platform_bake_off_is_a_pilot_before_the_steering_review(project: Project) -> None:
    weeks = {row.id: row for row in schedule(project).items}
    bake_off = next(item for item in project.pilots if "ds.migration-bake-off" in item.practices)
    assert bake_off.kind == "pilot"
    assert weeks[bake_off.id].end <= weeks["MS-1"].start


def test_a_by_x_percent_metric_agrees_with_its_words(project: Project, catalogue: Catalogue) -> None:
    """ "by X%" is a change relative to the baseline: 8% of features up 150% is 20%, not 33%."""
    metric = project.metric("M-003")
    assert metric is not None and metric.baseline is not None and metric.target is not None
    today, then = (int(n) for n in re.findall(r"(\d+)% (?:today|by June)", metric.measured_by))
    assert today == metric.baseline
    assert then == pytest.approx(metric.baseline * (1 + metric.target / 100))
    assert "percentage points" in metric.measured_by
    assert "by 150% (from 8% to 20% of" in metric_sentence(metric, catalogue)  # #16 fresh-eyes 16, 7


def test_every_metric_has_a_baseline(project: Project) -> None:
    assert [m.id for m in project.metrics if m.baseline is None] == []


def test_the_leakage_gap_is_named_for_what_its_evidence_shows(project: Project) -> None:
    gap = project.gap("G-009")
    assert gap is not None
    assert "temporal leakage" in gap.title.lower() and "label" not in gap.title.lower()
    assert "as of today" in gap.description and "prediction date" in gap.description


def test_accepted_practices_bring_their_prerequisites(project: Project, catalogue: Catalogue) -> None:
    """Only a deprioritised gap may be left without a practice; no prerequisite is missing."""
    warnings = mapping_warnings(project, catalogue)
    left = [w for w in warnings if w.practice or gap_quadrant(project, project.gap(w.gap)) != "deprioritise"]  # type: ignore[arg-type]
    assert left == []


def test_production_pilots_wait_for_the_change_freeze(project: Project) -> None:
    """Pilots that change what serves production (the paved road, monitoring, GPU right-sizing)
    start after the freeze lifts (MS-2); the shared features switch over in their last two weeks."""
    weeks = {row.id: row for row in schedule(project).items}
    for pilot in ("P-2", "P-3", "P-6"):
        assert weeks[pilot].start >= weeks["MS-2"].start, pilot
    assert weeks["P-4"].end - 2 >= weeks["MS-2"].start


DURATION = re.compile(r"\b(month|week|day|hour)s?\b", re.IGNORECASE)


def test_a_how_long_answer_is_scored_at_the_level_its_duration_names(
    project: Project, catalogue: Catalogue
) -> None:
    """#16 fresh-eyes 7: "Three weeks on average" was scored 1 ("Months, ...") where level 2 reads
    "Weeks: ...". For a question whose levels are durations, the first duration the notes name
    must be one the scored level names."""
    checked = 0
    for answer in project.answers:
        question = catalogue.questions.get(answer.question)
        said = DURATION.search(answer.notes) if answer.notes else None
        if question is None or not question.levels or answer.current is None or said is None:
            continue
        levels = [level.lower() for level in question.levels]
        if sum(1 for level in levels if DURATION.match(level)) < 3:
            continue  # not a "how long" question
        checked += 1
        unit = said.group(1).lower()
        assert unit in levels[answer.current - 1], (
            f"{answer.question}@{answer.session}: notes say {said.group(0)!r}, scored {answer.current}: "
            f"{question.levels[answer.current - 1]!r}"
        )
    assert checked >= 2


def test_every_deep_dive_has_scope_criteria_and_informs_a_pilot(project: Project) -> None:
    """#16 fresh-eyes 10: D-1 had "To agree at kick-off" for scope and criteria and nothing
    depended on it, so it could slip 11 weeks while P-4 (shared features) went ahead without it."""
    deep_dives = [item for item in project.pilots if item.kind == "deep-dive"]
    assert deep_dives
    for item in deep_dives:
        assert item.objective and item.criteria and item.gaps, item.id
        informed = [p for p in project.pilots if item.id in p.depends_on and p.kind == "pilot"]
        assert informed, f"{item.id} informs no pilot"
        assert all(set(item.gaps) & set(p.gaps) for p in informed), item.id


def test_the_plan_says_how_it_works_around_the_change_freeze(project: Project) -> None:
    """The sessions heard of a change freeze and the plan starts inside it (and over Christmas):
    the proposal's assumptions and risks (the project's own text) say how the plan works around it,
    and the milestone says what lifts."""
    assert any("change freeze" in session.notes.lower() for session in project.sessions)
    risks = project.proposal.risks.lower()
    assert "change freeze" in risks and "christmas" in risks
    freeze = next(item for item in project.pilots if item.kind == "milestone" and "freeze" in item.title.lower())
    assert "lifts" in freeze.title and "8 jan" in freeze.title.lower()
    weeks = {row.id: row for row in schedule(project).items}
    during = [p for p in project.pilots if p.kind != "milestone" and weeks[p.id].start < weeks[freeze.id].start]
    # work that starts before the freeze lifts is named in the risks as development-only
    assert {p.id for p in during} == {"D-1", "P-1", "P-4"}
    assert "deep-dive" in risks
    assert "experiment tracking" in risks and "shared-feature pilot" in risks
