"""Suggestions an MLOps engineer would defend: hand-written gaps and the practices they should get,
and gap suggestions that need the evidence they claim."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.analysis.gaps import suggestions
from workbench.analysis.keywords import bank_texts, keyword_weights, occurs, stems
from workbench.analysis.mapping import PracticeSuggestion, suggest_practices
from workbench.analysis.maturity import disagreements, unverified_high_scores
from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project, ProjectInfo


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def project() -> Project:
    project = Project(project=ProjectInfo(name="Hand-written gaps"))
    project.add_session("data-science", date=dt.date(2026, 11, 24))
    project.add_session("ml-engineering", date=dt.date(2026, 11, 25))
    return project


def ranked(project: Project, catalogue: Catalogue, title: str, area: str, **fields: object) -> list[str]:
    gap = project.raise_gap(title, area=area, **fields)
    return [s.practice.id for s in suggest_practices(project, catalogue, gap)]


def explained(project: Project, catalogue: Catalogue, title: str, area: str) -> list[PracticeSuggestion]:
    return suggest_practices(project, catalogue, project.raise_gap(title, area=area))


# --- practices for a gap -------------------------------------------------------------------


def test_drift_gap_in_a_requirements_stage_gets_drift_monitoring(project: Project, catalogue: Catalogue) -> None:
    # "monitor" is a requirements-bank stage: it draws on the Model Monitoring & Alerting Guide.
    # Data drift by distribution checks; concept drift only shows against ground truth.
    top = ranked(project, catalogue, "No drift detection; concept drift unknown", "monitor")
    assert top[:2] == ["ma.data-drift", "ma.performance-monitoring"]
    assert all(catalogue.practices[p].guide == "model-monitoring-alerting" for p in top)


def test_a_stage_says_which_discovery_area_it_maps_to(project: Project, catalogue: Catalogue) -> None:
    first = explained(project, catalogue, "No drift detection; concept drift unknown", "monitor")[0]
    assert "written for Model Monitoring & Observability (which Monitor (Model + Data + System) maps to)" in (
        first.reasons
    )


def test_the_area_title_does_not_match_keywords(project: Project, catalogue: Catalogue) -> None:
    # The area is "Model Monitoring & Observability"; the gap never says "observability".
    top = ranked(project, catalogue, "No model performance monitoring and no drift detection", "model-monitoring")
    assert "ma.observability-integration" not in top
    assert set(top) == {"ma.performance-monitoring", "ma.data-drift"}
    assert ranked(project, catalogue, "Alerts go to nobody", "model-monitoring") == []


def test_leakage_gets_point_in_time_joins(project: Project, catalogue: Catalogue) -> None:
    top = ranked(
        project, catalogue, "Leakage in the churn model: refund flags joined as of today", "feature-engineering"
    )
    assert top[0] == "fe.point-in-time"


def test_manual_rollback_gets_automated_rollback(project: Project, catalogue: Catalogue) -> None:
    top = ranked(project, catalogue, "Rollback means redeploying the old VM image by hand", "model-deployment")
    assert top[0] == "ds.automated-rollback"


def test_idle_gpus_get_serving_cost_controls(project: Project, catalogue: Catalogue) -> None:
    top = ranked(
        project, catalogue, "GPU endpoints run 24/7 at under 10% utilization; serving costs unpredictable",
        "model-deployment",
    )
    assert top[0] == "ds.serving-cost-controls"


def test_slow_manual_deployment_in_the_deploy_stage(project: Project, catalogue: Catalogue) -> None:
    top = ranked(project, catalogue, "Manual deployment of hand-built Flask apps; every release takes weeks", "deploy")
    assert set(top[:2]) == {"ds.cicd-for-ml", "ds.standard-deployment-path"}


def test_training_serving_skew_in_the_feature_store_stage(project: Project, catalogue: Catalogue) -> None:
    top = ranked(
        project, catalogue, "Online features computed separately from training: skew goes unmeasured", "feature-store"
    )
    assert set(top[:2]) == {"fe.skew-checks", "fe.feature-store"}


def test_no_registry_or_lineage_in_the_governance_stage(project: Project, catalogue: Catalogue) -> None:
    top = ranked(
        project, catalogue, "No model registry or lineage: nobody can say which version made a decision", "governance"
    )
    assert top[0] == "tv.model-registry"


def test_never_retrained_in_the_feedback_loop_stage(project: Project, catalogue: Catalogue) -> None:
    top = ranked(project, catalogue, "Models are never retrained; staleness is unknown", "feedback-loop")
    assert top[0] == "ma.model-staleness"


def test_common_words_alone_suggest_nothing(project: Project, catalogue: Catalogue) -> None:
    assert ranked(project, catalogue, "Data in production takes time", "feature-engineering") == []
    weights = keyword_weights(catalogue)
    # "ground truth" occurs in many bank texts, "psi" in one: the rare one counts for more
    assert weights.document_frequency["ground truth"] > weights.document_frequency["psi"]
    assert weights.weight("ground truth") < weights.weight("psi")


def test_a_keyword_is_counted_in_every_bank_text_that_holds_it(catalogue: Catalogue) -> None:
    """The weights look a keyword up only in texts that have all its words: the same count as
    looking in every text."""
    weights = keyword_weights(catalogue)
    texts = bank_texts(catalogue)
    for keyword in sorted(weights.document_frequency)[::7]:
        assert weights.document_frequency[keyword] == sum(occurs(stems(keyword), t) for t in texts), keyword


def test_an_llm_gap_gets_llm_evaluation(project: Project, catalogue: Catalogue) -> None:
    top = ranked(
        project,
        catalogue,
        "The support chatbot hallucinates refund policies; prompt changes ship without evaluation",
        "model-validation",
    )
    assert top[0] == "tv.llm-evaluation"


def test_time_does_not_match_real_time(project: Project, catalogue: Catalogue) -> None:
    for suggestion in explained(project, catalogue, "Real-time scoring is needed", "model-deployment"):
        assert "'time'" not in " ".join(suggestion.reasons), suggestion.practice.id


def test_another_areas_practice_needs_more_evidence(project: Project, catalogue: Catalogue) -> None:
    # "budget" alone is weak evidence: practices of other areas do not ride in on it.
    # One mid-weight word ("lineage") is enough within the area, not for a practice from elsewhere.
    gap = "The platform evaluation must cover lineage"
    assert "fe.feature-versioning-lineage" not in ranked(project, catalogue, gap, "platform-evaluation")
    assert "fe.feature-versioning-lineage" in ranked(project, catalogue, gap, "team-collaboration")


def test_every_suggestion_says_why_in_words(project: Project, catalogue: Catalogue) -> None:
    found = explained(project, catalogue, "We cannot reproduce experiments from six months ago", "model-training")
    assert {s.practice.id for s in found[:2]} == {"tv.experiment-tracking", "tv.reproducible-environments"}
    for suggestion in found:
        assert suggestion.reasons and all(len(reason.split()) >= 3 for reason in suggestion.reasons)
    assert found[0].reasons == (
        "matches: can't reproduce, experiments",
        "the discovery guide sends Training/Validation challenges to the Model Training & Validation Guide",
        "written for Model Training & Experimentation",
    )


def test_evidence_words_count_as_the_gap_words(project: Project, catalogue: Catalogue) -> None:
    session = project.sessions[1].id
    ref = "discovery:model-deployment.current.deployment-infrastructure-4"
    project.set_answer(ref, session, notes="Rollback means redeploying the old VM image by hand.")
    top = ranked(project, catalogue, "Releases are risky", "model-deployment", evidence=[f"{ref}@{session}"])
    assert top[0] == "ds.automated-rollback"


# --- suggested gaps --------------------------------------------------------------------------


def test_maturity_suggestions_are_suppressed_per_question_not_per_area(
    project: Project, catalogue: Catalogue
) -> None:
    session = project.sessions[0].id
    reuse = "discovery:feature-engineering.current.feature-reusability-governance-2"
    leakage = "discovery:feature-engineering.current.feature-reusability-governance-4"
    project.set_answer(reuse, session, current=1, target=4, confidence="observed")
    project.set_answer(leakage, session, current=2, target=4, confidence="evidenced")
    project.raise_gap("Features rebuilt per project", area="feature-engineering", evidence=[f"{reuse}@{session}"])
    found = [s for s in suggestions(project, catalogue) if s.key.startswith("maturity:")]
    assert [s.evidence for s in found] == [(f"{leakage}@{session}",)]
    assert "leakage" in found[0].title


def test_one_stated_answer_does_not_make_an_impact_four(project: Project, catalogue: Catalogue) -> None:
    session = project.sessions[1].id
    ref = "discovery:automation-workflows.current.ci-cd-for-ml-1"
    project.set_answer(ref, session, current=1, target=4)  # confidence "stated" by default
    (only,) = suggestions(project, catalogue)
    assert only.impact == 3
    assert "impact held at 3" in only.reason
    project.set_answer(ref, session, confidence="observed")
    (only,) = suggestions(project, catalogue)
    assert only.impact == 5


def test_two_stated_answers_may_make_an_impact_four(project: Project, catalogue: Catalogue) -> None:
    for session in project.sessions:
        project.set_answer("discovery:automation-workflows.current.ci-cd-for-ml-1", session.id, current=1, target=4)
    (only,) = suggestions(project, catalogue)
    assert only.impact == 5 and len(only.evidence) == 2


def test_sessions_are_compared_only_on_questions_both_scored(project: Project, catalogue: Catalogue) -> None:
    data, ml = (s.id for s in project.sessions)
    handoff = "discovery:team-collaboration.current.team-structure-roles-2"
    governance = "discovery:team-collaboration.current.governance-compliance-2"
    project.set_answer(handoff, data, current=1)
    project.set_answer(governance, ml, current=3)
    assert disagreements(project, catalogue) == []
    assert not any(s.key.startswith("alignment:") for s in suggestions(project, catalogue))
    project.set_answer(handoff, ml, current=3)
    project.set_answer(governance, data, current=1)
    (area,) = [d for d in disagreements(project, catalogue) if d.scope == "area"]
    assert set(area.questions) == {handoff, governance}
    assert area.scores == {data: 1.0, ml: 3.0}
    reasons = [s.reason for s in suggestions(project, catalogue) if s.key == "alignment:area:team-collaboration"]
    assert reasons == [f"sessions disagree by 2 levels on the 2 questions both scored ({data} 1, {ml} 3)"]


def test_high_scores_on_the_clients_word_alone_are_flagged(project: Project, catalogue: Catalogue) -> None:
    session = project.sessions[0].id
    project.set_answer("discovery:model-training.current.experimentation-platform-2", session, current=4)
    project.set_answer("discovery:model-training.current.experimentation-platform-3", session, current=5,
                       confidence="observed")
    project.set_answer("discovery:model-training.current.experimentation-platform-4", session, current=3)
    flagged = [a.question for a in unverified_high_scores(project, catalogue)]
    assert flagged == ["discovery:model-training.current.experimentation-platform-2"]
