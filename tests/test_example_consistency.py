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
    assert "by 150% (baseline 8%" in metric_sentence(metric, catalogue)


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
