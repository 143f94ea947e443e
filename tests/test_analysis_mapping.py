"""Practice suggestions: deterministic, explained, and the warnings a consultant must see."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.analysis.gaps import suggestions
from workbench.analysis.mapping import coverage, mapping_warnings, suggest_practices
from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue
from workbench.store.files import load_project


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_ranking_is_deterministic_and_explains_itself(example: Path, catalogue: Catalogue) -> None:
    project = load_project(example)
    gap = project.gap("G-006")
    assert gap is not None
    first = suggest_practices(project, catalogue, gap)
    assert first == suggest_practices(project, catalogue, gap)
    top = first[0]
    assert top.practice.id == "fe.validate-at-ingestion"
    assert top.reasons[0] == "matches: found late, data-quality, nulls, ingestion"
    assert top.reasons[1] == (
        "the discovery guide sends Feature Engineering issues to the Feature Engineering Best Practices"
    )
    assert top.reasons[2] == "written for Feature Engineering & Data Preparation"
    scores = [s.score for s in first]
    assert scores == sorted(scores, reverse=True)


def test_prerequisite_of_an_accepted_practice_is_boosted(example: Path, catalogue: Catalogue) -> None:
    project = load_project(example)
    gap = project.gap("G-004")
    assert gap is not None
    by_id = {s.practice.id: s for s in suggest_practices(project, catalogue, gap)}
    catalogue_title = catalogue.practices["fe.feature-catalogue"].title
    assert (
        f"a prerequisite of accepted {catalogue_title} (fe.feature-catalogue)"
        in by_id["fe.feature-pipelines-as-code"].reasons
    )
    assert by_id["fe.feature-store"].decision == "rejected"


def test_areas_without_a_guide_still_get_suggestions(example: Path, catalogue: Catalogue) -> None:
    project = load_project(example)
    said = {
        "automation-workflows": "Pipeline failures cascade; retries and orchestration are manual",
        "team-collaboration": "Nobody is accountable for a model; no audit trail of approvals",
        "business-impact": "No ROI measured after launch; executives are skeptical of ML investment",
        "platform-evaluation": "Vendor selection from demos; no platform evaluation criteria, no bake-off",
    }
    for area, title in said.items():
        gap = project.raise_gap(title, area=area)
        assert len(suggest_practices(project, catalogue, gap)) >= 2, area


def test_warnings_and_coverage(example: Path, catalogue: Catalogue) -> None:
    project = load_project(example)
    messages = [(w.gap, w.message) for w in mapping_warnings(project, catalogue)]
    assert messages == [("G-010", "no practice mapped yet")]  # the example brings its prerequisites
    project.decide_mapping("G-004", "fe.streaming-features", "accepted")
    messages = [w.message for w in mapping_warnings(project, catalogue)]
    assert any(m.endswith("(fe.feature-store), which is neither mapped nor planned") for m in messages)
    project.decide_mapping("G-004", "fe.feature-store", "accepted")
    messages = [w.message for w in mapping_warnings(project, catalogue)]
    assert not any("(fe.feature-store), which" in m for m in messages)
    rows = {r.guide: r for r in coverage(project, catalogue)}
    in_guide = [p for p in catalogue.practices.values() if p.guide == "model-deployment-serving"]
    assert rows["model-deployment-serving"].total == len(in_guide)
    assert "ds.cicd-for-ml" in rows["model-deployment-serving"].used


def test_a_kept_ranking_is_the_ranking_made_afresh(example: Path, catalogue: Catalogue) -> None:
    """Rankings are kept by what they depend on: after its evidence or a decision changes, a gap
    is ranked as a catalogue that never ranked it before ranks it."""
    project = load_project(example)
    gap = project.gap("G-006")
    assert gap is not None
    before = suggest_practices(project, catalogue, gap)
    answer = project.answer("discovery:feature-engineering.current.data-sources-integration-4", "data-1")
    assert answer is not None
    answer.notes += " Nobody tracks experiments; runs are not reproducible and there is no mlflow."
    after = suggest_practices(project, catalogue, gap)
    assert after != before
    assert after == suggest_practices(project, load_catalogue(), gap)
    last = after[-1].practice.id
    project.decide_mapping("G-006", last, "rejected")
    decided = suggest_practices(project, catalogue, gap)
    assert next(s.decision for s in decided if s.practice.id == last) == "rejected"
    assert decided == suggest_practices(project, load_catalogue(), gap)


def test_suggested_gaps_rank_practices_once(
    example: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Gaps pane lists suggestions after every edit: each suggestion's practices are ranked
    once, not again while nothing they depend on changed, and the list is the same."""
    from workbench.analysis import mapping

    rankings: list[int] = []
    weights = mapping.keyword_weights
    monkeypatch.setattr(mapping, "keyword_weights", lambda c: rankings.append(1) or weights(c))
    project = load_project(example)
    fresh = load_catalogue()
    first = suggestions(project, fresh)
    made = len(rankings)
    assert made > 0
    assert suggestions(project, fresh) == first
    assert len(rankings) == made  # nothing ranked again
    project.answers[0].notes += " nobody owns the pipeline"
    suggestions(project, fresh)
    assert len(rankings) - made <= 1  # at most the one suggestion whose words changed
