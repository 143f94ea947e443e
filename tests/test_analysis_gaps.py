"""Gap analysis: quadrants, the priority formula, suggestions, maturity and alignment."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.analysis.gaps import (
    accept_suggestion,
    evidence_confidence,
    evidence_trail,
    gap_quadrant,
    matrix_cells,
    priority,
    quadrant,
    ranked_gaps,
    suggestions,
)
from workbench.analysis.maturity import area_maturity, disagreements
from workbench.analysis.metrics import metric_sentence
from workbench.analysis.progress import session_progress
from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Metric
from workbench.store.files import load_project


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def project(example: Path) -> Project:
    return load_project(example)


def test_quadrants_follow_the_thresholds(project: Project) -> None:
    assert quadrant(project, 5, 1) == "quick-win"
    assert quadrant(project, 5, 5) == "strategic"
    assert quadrant(project, 1, 1) == "fill-in"
    assert quadrant(project, 1, 5) == "deprioritise"
    assert quadrant(project, 3, 3) == "strategic"
    project.settings.matrix.complexity_threshold = 4
    assert quadrant(project, 3, 3) == "quick-win"


def test_example_gaps_cover_all_four_quadrants(project: Project) -> None:
    assert {gap_quadrant(project, g) for g in project.gaps} == {
        "quick-win",
        "strategic",
        "fill-in",
        "deprioritise",
    }


def test_priority_formula_by_hand(project: Project) -> None:
    gap = project.raise_gap("hand", impact=4, complexity=2, evidence=["heard:H-001"])
    # weights 3/1/1, confidence of a heard quote 0.7:
    # 100 × (3·4 + 1·(6−2) + 1·5·0.7) / (5·5) = 100 × 19.5 / 25 = 78.0
    assert evidence_confidence(project, gap) == 0.7
    assert priority(project, gap) == 78.0
    project.settings.priority.confidence = 0
    assert priority(project, gap) == 100 * (12 + 4) / 20


def test_confidence_of_answers_and_metrics(project: Project) -> None:
    unmeasured = project.add_metric("discovery:model-training.metric.3", target=50)
    gap = project.raise_gap(
        "x", evidence=["discovery:model-deployment.discovery.1@ml-1", "metric:M-001", f"metric:{unmeasured.id}"]
    )
    # evidenced answer 1.0, metric with baseline 1.0, metric without 0.7
    assert evidence_confidence(project, gap) == pytest.approx(0.9)
    assert evidence_confidence(project, project.raise_gap("none")) == 0.2


def test_ranking_and_matrix_cells(project: Project) -> None:
    ranked = [g.id for g, _ in ranked_gaps(project)]
    assert ranked[:4] == ["G-001", "G-002", "G-007", "G-009"]
    cells = matrix_cells(project)
    assert [g.id for g in cells[(4, 4)]] == ["G-004", "G-005"]


def test_suggestions_from_each_signal(project: Project, catalogue: Catalogue) -> None:
    keys = {s.key for s in suggestions(project, catalogue)}
    assert "maturity:automation-workflows.pipeline-automation" in keys
    assert "follow-up:discovery:platform-evaluation.evaluation.1@ml-1" in keys
    assert "alignment:question:discovery:model-monitoring.current.performance-monitoring-1" in keys
    assert not any(k.startswith("heard:") for k in keys), "all heard quotes are already cited by gaps"
    project.hear("discovery:model-monitoring.pain.2", "ml-1", quote="Too many alerts")
    assert "heard:discovery:model-monitoring.pain.2" in {s.key for s in suggestions(project, catalogue)}


def test_accepting_and_dismissing_remove_a_suggestion(project: Project, catalogue: Catalogue) -> None:
    first, second = suggestions(project, catalogue)[:2]
    gap = accept_suggestion(project, first)
    assert gap.source == first.key and gap.evidence == list(first.evidence)
    project.dismiss(second.key)
    remaining = {s.key for s in suggestions(project, catalogue)}
    assert first.key not in remaining and second.key not in remaining


def test_maturity_rollup_and_disagreement(project: Project, catalogue: Catalogue) -> None:
    rows = {r.area: r for r in area_maturity(project, catalogue)}
    deployment = rows["model-deployment"]
    # 1, 2, 2 and 2: the lead-time answer ("three weeks") is level 2, Weeks (#16 fresh-eyes 7), and
    # rollback "redeploying the old VM image by hand" is the rubric's level 2 (#16 fresh-eyes 16, 1)
    assert (deployment.current, deployment.target, deployment.scored) == (1.75, 4, 4)
    found = {(d.scope, d.key): d for d in disagreements(project, catalogue)}
    monitoring = found[("question", "discovery:model-monitoring.current.performance-monitoring-1")]
    assert monitoring.scores == {"executive-1": 3, "data-1": 1, "ml-1": 1}
    assert monitoring.spread == 2


def test_evidence_trail_resolves_quotes_and_answers(project: Project, catalogue: Catalogue) -> None:
    trail = evidence_trail(project, catalogue, project.gap("G-001"))  # type: ignore[arg-type]
    kinds = [item.kind for item in trail]
    assert kinds == ["quote", "answer", "metric"]
    assert trail[0].who == "ML engineer"
    assert trail[0].detail.startswith("The recommender model was done in four days")
    assert trail[1].session == "ml-1"
    assert trail[2].text == "Reduce model deployment time from 3 weeks to 48 hours"


def test_metric_sentences(catalogue: Catalogue) -> None:
    def sentence(**fields: object) -> str:
        return metric_sentence(Metric(id="M", **fields), catalogue)  # type: ignore[arg-type]

    assert sentence(template="discovery:model-deployment.metric.1", baseline=3, target=2) == (
        "Reduce model deployment time from 3 weeks to 2 hours"
    )
    assert sentence(template="discovery:model-deployment.metric.1") == (
        "Reduce model deployment time from X weeks to Y hours"
    )
    assert sentence(template="discovery:feature-engineering.metric.4", target=50) == (
        "Enable real-time feature serving with <50ms latency"
    )
    assert sentence(template="discovery:feature-engineering.metric.2", baseline=5.0, target=30) == (
        "Increase feature reusability across projects by 30% (from 5% to 6.5% of features used by two or more projects)"
    )
    assert sentence(template="discovery:model-deployment.metric.3", baseline=19000, target=35) == (
        "Reduce model serving costs by 35% (baseline 19,000 per month)"  # no currency known: none named
    )
    serving_costs = Metric(id="M", template="discovery:model-deployment.metric.3", baseline=19000, target=35)
    assert metric_sentence(serving_costs, catalogue, "EUR") == (
        "Reduce model serving costs by 35% (baseline €19,000 per month)"  # the bank writes "¤ per month"
    )
    assert sentence(template="discovery:feature-engineering.metric.1", baseline=6, target=3) == (
        "Reduce feature development time from weeks to days/hours (baseline 6 weeks, target 3 days)"
    )
    assert (
        sentence(text="Cut churn", baseline=12, target=9, unit="%") == "Cut churn (baseline 12%, target 9%)"
    )


def test_session_progress_states(project: Project, catalogue: Catalogue) -> None:
    progress = session_progress(project, catalogue, "ml-1")
    assert progress.state("discovery:model-deployment.discovery.1") == "answered"
    assert progress.state("discovery:model-deployment.pain.1") == "heard"
    assert progress.state("discovery:platform-evaluation.evaluation.1") == "follow-up"
    assert progress.state("discovery:model-deployment.metric.1") == "defined"
    refs = catalogue.template_refs("ml-engineering")
    assert progress.done(refs) >= 10


def test_unhear_drops_the_quote_from_gap_evidence(project: Project) -> None:
    project.unhear("H-004")
    assert all(h.id != "H-004" for h in project.heard)
    assert "heard:H-004" not in project.gap("G-001").evidence  # type: ignore[union-attr]
