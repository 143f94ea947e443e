"""Every question is scored on a scale that describes its subject (#16 fresh-eyes 16, finding 2: the
cost question showed the deployment area's "Models are packaged in containers…"), and each area's
comment on the public models agrees with its level texts (model-deployment's level 3 text was the
comment's level 4; canary, autoscaling and cost were in no comment)."""

from __future__ import annotations

import pytest

from tests.test_rubric_facts import PUBLIC_MODEL_LINE, _area_blocks
from workbench.analysis.keywords import content_words, shared_words
from workbench.banks import bundled_banks_dir, load_banks
from workbench.model.catalogue import Catalogue

NOT_THE_AREAS_PROCESS = [
    # cost
    "discovery:model-deployment.current.operational-excellence-2",
    "discovery:automation-workflows.current.workflow-integration-3",
    "discovery:business-impact.current.cost-management-2",
    "discovery:business-impact.current.cost-management-4",
    # team and organisation
    "discovery:team-collaboration.current.team-structure-roles-1",
    "discovery:team-collaboration.current.governance-compliance-4",
    "discovery:team-collaboration.current.platform-tool-standardization-4",
    "discovery:team-collaboration.discovery.3",
    "discovery:team-collaboration.discovery.4",
    "requirements:governance.business.2",
    # privacy and security, in areas whose levels describe workflow and orchestration
    "discovery:team-collaboration.current.governance-compliance-1",
    "discovery:automation-workflows.current.workflow-integration-4",
    # how important something is, and how satisfied the team is (#16 fresh-eyes, session 7, 2)
    "discovery:feature-engineering.vision.3",
    "discovery:model-training.vision.3",
    "discovery:model-deployment.vision.4",
    "discovery:automation-workflows.vision.4",
    "discovery:platform-evaluation.current.migration-considerations-3",
    "discovery:platform-evaluation.evaluation.2",
    "discovery:platform-evaluation.evaluation.4",
    "discovery:platform-evaluation.current.platform-landscape-2",
]
"""Questions whose subject the area's levels do not describe (besides the factual ones of
tests/test_rubric_facts.py): each carries five levels of its own."""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_banks([bundled_banks_dir()]).catalogue


def test_every_question_is_scored_on_its_own_scale_or_its_areas(catalogue: Catalogue) -> None:
    for ref, question in catalogue.questions.items():
        if question.kind != "question":
            continue
        area = catalogue.areas[question.area]
        shown = catalogue.levels_for(ref)
        assert shown in (question.levels, area.levels), ref
        assert len(shown) == 5, ref


@pytest.mark.parametrize("ref", NOT_THE_AREAS_PROCESS)
def test_a_question_the_area_does_not_describe_has_its_own_levels(catalogue: Catalogue, ref: str) -> None:
    question = catalogue.questions[ref]
    shown = catalogue.levels_for(ref)
    assert shown == question.levels and len(shown) == 5
    assert not set(shown) & set(catalogue.areas[question.area].levels)


def test_the_serving_cost_question_is_scored_on_cost(catalogue: Catalogue) -> None:
    levels = catalogue.levels_for("discovery:model-deployment.current.operational-excellence-2")
    assert not any("containers" in text for text in levels)
    assert all("cost" in text.lower() or "bill" in text for text in levels)


@pytest.mark.parametrize("bank_file", ["discovery.toml", "requirements.toml"])
def test_each_areas_public_model_comment_agrees_with_its_level_texts(
    catalogue: Catalogue, bank_file: str
) -> None:
    blocks = _area_blocks((bundled_banks_dir() / bank_file).read_text(encoding="utf-8"))
    for area_id, lines in blocks.items():
        comments = [line for line in lines if PUBLIC_MODEL_LINE.match(line)]
        for level, (comment, text) in enumerate(
            zip(comments, catalogue.areas[area_id].levels, strict=True), 1
        ):
            said = comment.split(":", 1)[-1]
            assert shared_words(content_words(said), content_words(text)), (area_id, level)
    deployment = next(
        lines
        for area, lines in _area_blocks(
            (bundled_banks_dir() / "discovery.toml").read_text(encoding="utf-8")
        ).items()
        if area == "model-deployment"
    )
    comments = [line for line in deployment if PUBLIC_MODEL_LINE.match(line)]
    if bank_file == "discovery.toml":
        assert "CI/CD" in comments[2]
        assert all(word in comments[3] for word in ("canary", "autoscaling", "cost per prediction"))
