"""Issue #16 fresh-eyes 16, finding 3: generic LLM words outranked specific phrases, phrases needed
their filler words ("cost by team" only with "by"), and common gaps found nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.analysis.keywords import stems
from workbench.analysis.mapping import suggest_practices
from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project, ProjectInfo


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def project() -> Project:
    project = Project(project=ProjectInfo(name="Fresh eyes 16"))
    project.add_session("ml-engineering", date=dt.date(2026, 12, 2))
    return project


def ranked(project: Project, catalogue: Catalogue, title: str, area: str) -> list[str]:
    gap = project.raise_gap(title, area=area)
    return [s.practice.id for s in suggest_practices(project, catalogue, gap)]


def test_a_token_budget_outranks_generic_llm_words(project: Project, catalogue: Catalogue) -> None:
    top = ranked(
        project, catalogue, "LLM chatbot bills are spiralling; no token budget per team", "model-deployment"
    )
    assert top[0] == "ds.llm-token-budgets"


@pytest.mark.parametrize(
    "title",
    [
        "We cannot see model cost by team",
        "Nobody knows what the models of each team cost",
        "Nobody knows what each team's models cost on the cloud bill",
    ],
)
def test_cost_per_team_finds_showback_whatever_the_filler_words(
    project: Project, catalogue: Catalogue, title: str
) -> None:
    top = ranked(project, catalogue, title, "business-impact")
    assert top and top[0] == "ma.cost-showback"
    assert "am.search-budgets" not in top[:3]


def test_phrases_ignore_filler_words_but_keep_negations() -> None:
    assert stems("cost by team") == stems("team cost")
    assert stems("each team's models") == stems("each team models")
    assert "no" in {w for w in stems("no owner")}


@pytest.mark.parametrize(
    "title",
    [
        "Checkout breaks whenever the model service is unavailable",
        "Checkout fails when the recommendation service is down",
    ],
)
def test_a_service_that_goes_down_gets_a_fallback(project: Project, catalogue: Catalogue, title: str) -> None:
    assert ranked(project, catalogue, title, "model-deployment")[0] == "ds.fallback-strategy"


def test_rare_positives_and_a_high_accuracy_get_class_imbalance(
    project: Project, catalogue: Catalogue
) -> None:
    top = ranked(
        project,
        catalogue,
        "Fraud data is 0.1% positives and the model reports 99.9% accuracy",
        "model-validation",
    )
    assert top[0] == "tv.class-imbalance"


def test_day_old_data_in_real_time_scoring_gets_freshness(project: Project, catalogue: Catalogue) -> None:
    top = ranked(
        project, catalogue, "We score customers in real-time but the data is a day old", "feature-engineering"
    )
    assert {"fe.feature-freshness-slos", "fe.streaming-features"} & set(top[:3])
    assert top[0] in {"fe.feature-freshness-slos", "fe.streaming-features"}
