"""Practices that score the same for a gap come in a documented, meaningful order (issue 16
leftover 5): for "No clear model ownership" the model registry and incident runbooks tied, and the
order fell to the practice id ("ma." before "tv.")."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workbench.analysis.keywords import stemmed
from workbench.analysis.mapping import (
    UNNAMED_LEVEL,
    PracticeSuggestion,
    rubric_level,
    steps_before,
    suggest_practices,
)
from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project, ProjectInfo


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def suggestions(catalogue: Catalogue, title: str, area: str) -> list[PracticeSuggestion]:
    project = Project(project=ProjectInfo(name="Ties"))
    project.add_session("executive", date=dt.date(2026, 11, 25))
    return suggest_practices(project, catalogue, project.raise_gap(title, area=area))


def test_no_clear_model_ownership_gets_the_registry_before_runbooks(catalogue: Catalogue) -> None:
    found = suggestions(catalogue, "No clear model ownership", "team-collaboration")
    registry, runbooks = found[0], found[1]
    assert [registry.practice.id, runbooks.practice.id] == ["tv.model-registry", "ma.runbooks-incident-response"]
    tied = (registry.score, registry.words_matched, registry.keyword_score)
    assert tied == (runbooks.score, runbooks.words_matched, runbooks.keyword_score)  # a real tie
    # Team Collaboration's rubric names the registry's "hand-off" at level 1, "model owner" at 3.
    assert (registry.rubric_level, runbooks.rubric_level) == (1, 3)


def test_the_order_does_not_depend_on_the_catalogues_order(catalogue: Catalogue) -> None:
    reordered = dataclasses.replace(catalogue, practices=dict(reversed(catalogue.practices.items())))
    for title, area in [
        ("No clear model ownership", "team-collaboration"),
        ("No clear model ownership", "model-deployment"),
        ("Manual rollback takes hours", "model-deployment"),
        ("No drift detection; concept drift unknown", "monitor"),
    ]:
        first = [s.practice.id for s in suggestions(catalogue, title, area)]
        again = [s.practice.id for s in suggestions(catalogue, title, area)]
        other = [s.practice.id for s in suggestions(reordered, title, area)]
        assert first == again == other, title


def suggestion(catalogue: Catalogue, practice_id: str, **fields: object) -> PracticeSuggestion:
    tied = {"score": 1.5, "reasons": (), "words_matched": 2, "keyword_score": 1.0}
    return PracticeSuggestion(catalogue.practices[practice_id], **{**tied, **fields})  # type: ignore[arg-type]


def test_among_equals_the_rubric_then_the_prerequisites_then_the_id_decide(catalogue: Catalogue) -> None:
    ids = ["ma.actionable-alerts", "ma.runbooks-incident-response", "tv.experiment-tracking"]
    named_later = suggestion(catalogue, ids[0], rubric_level=4)
    named_first = suggestion(catalogue, ids[1], rubric_level=2, steps_before=1)
    foundation = suggestion(catalogue, ids[2], rubric_level=2, steps_before=0)
    unnamed = suggestion(catalogue, "tv.model-registry")
    order = sorted([unnamed, named_later, named_first, foundation], key=PracticeSuggestion.rank_key)
    assert order == [foundation, named_first, named_later, unnamed]
    better = suggestion(catalogue, "tv.model-registry", score=1.6)
    assert sorted([foundation, better], key=PracticeSuggestion.rank_key)[0] is better  # the score first
    a, b = suggestion(catalogue, ids[1]), suggestion(catalogue, ids[0])
    assert sorted([a, b], key=PracticeSuggestion.rank_key) == [b, a]  # all else equal: by id


def test_steps_before_count_the_longest_prerequisite_chain(catalogue: Catalogue) -> None:
    assert steps_before(catalogue, "tv.experiment-tracking") == 0
    assert steps_before(catalogue, "tv.model-registry") == 1  # after experiment tracking
    for practice in catalogue.practices.values():
        before = [steps_before(catalogue, p) for p in practice.prerequisites if p in catalogue.practices]
        assert steps_before(catalogue, practice.id) == (1 + max(before) if before else 0)


def test_a_practice_the_rubric_never_names_comes_after_those_it_names(catalogue: Catalogue) -> None:
    rubric = tuple(stemmed(level) for level in ("ad hoc", "a shared runbook", "", "", ""))
    assert rubric_level(catalogue.practices["ma.runbooks-incident-response"], rubric) == 2
    assert rubric_level(catalogue.practices["tv.experiment-tracking"], rubric) == UNNAMED_LEVEL
    assert rubric_level(catalogue.practices["tv.experiment-tracking"], ()) == UNNAMED_LEVEL
