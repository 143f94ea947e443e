"""The maturity rubric for factual questions, and the link from every area's levels to the public
models (#16, fresh-eyes findings 1 and 4).

A factual question asks for a number or a list (how many, how long, how often, what percentage,
which tools, what latency); the area's generic practice says nothing about its answer, so each one
carries five descriptors of its own. The list below is the one place that names them; a rule over
the question texts checks that it is complete.
"""

from __future__ import annotations

import re

import pytest

from workbench.banks import bundled_banks_dir, load_banks
from workbench.model.catalogue import Catalogue

FACTUAL = {
    "discovery": [
        "feature-engineering.current.data-sources-integration-1",
        "feature-engineering.current.data-sources-integration-3",
        "feature-engineering.current.feature-development-process-2",
        "feature-engineering.current.feature-development-process-3",
        "feature-engineering.discovery.1",
        "feature-engineering.discovery.2",
        "model-training.current.experimentation-platform-1",
        "model-training.current.training-infrastructure-1",
        "model-training.current.training-infrastructure-3",
        "model-training.discovery.1",
        "model-validation.current.validation-frameworks-2",
        "model-validation.current.model-governance-2",
        "model-validation.discovery.1",
        "model-validation.discovery.2",
        "model-deployment.current.deployment-infrastructure-2",
        "model-deployment.current.operational-excellence-4",
        "model-deployment.discovery.1",
        "model-deployment.discovery.2",
        "model-deployment.discovery.3",
        "model-monitoring.current.performance-monitoring-2",
        "model-monitoring.current.alerting-response-1",
        "model-monitoring.discovery.1",
        "model-monitoring.discovery.2",
        "model-monitoring.discovery.4",
        "automation-workflows.current.pipeline-automation-1",
        "automation-workflows.current.pipeline-automation-2",
        "automation-workflows.discovery.1",
        "automation-workflows.discovery.2",
        "automation-workflows.discovery.4",
        "team-collaboration.current.team-structure-roles-4",
        "team-collaboration.current.platform-tool-standardization-1",
        "team-collaboration.discovery.1",
        "business-impact.current.value-measurement-4",
        "business-impact.current.cost-management-1",
        "business-impact.current.cost-management-3",
        "business-impact.discovery.1",
        "business-impact.discovery.2",
        "platform-evaluation.current.platform-landscape-1",
        "platform-evaluation.current.platform-landscape-4",
        "platform-evaluation.current.migration-considerations-4",
    ],
    "requirements": [
        "process-data.business.2",
        "process-data.business.3",
        "process-data.business.4",
        "process-data.data-science.1",
        "process-data.data-science.4",
        "feature-store.business.1",
        "feature-store.business.2",
        "feature-store.data-science.1",
        "feature-store.data-science.3",
        "develop-model.business.1",
        "develop-model.business.2",
        "deploy.business.1",
        "deploy.business.2",
        "deploy.data-science.2",
        "deploy.data-science.3",
        "monitor.business.1",
        "monitor.business.2",
        "monitor.data-science.4",
        "feedback-loop.business.1",
        "feedback-loop.business.2",
    ],
}

ASKS_A_FACT = re.compile(
    r"^(How (many|much|often|long|quickly)\b"
    r"|What percentage\b"
    r"|Which\b|Where\b|Batch or\b|Is real-time\b"
    r"|What (ML )?(tools|platforms|frameworks|data sources|metrics|alerts|SLAs|timeline|integrations"
    r"|documentation|signals|alert thresholds|latency)\b"
    r"|What('s| is| are) (your )?(typical|current|expected|biggest cost|known|compute"
    r"|the (cost|acceptable|required|minimum|current baseline|business success))\b)"
)
"""A question that asks for a number, a duration, a frequency or a list of things."""

NAMED_IN_THE_BRIEF = [
    "discovery:model-deployment.discovery.1",
    "discovery:model-deployment.discovery.2",
    "discovery:model-monitoring.discovery.1",
    "discovery:model-monitoring.discovery.2",
    "discovery:model-monitoring.discovery.4",
    "discovery:automation-workflows.discovery.4",
    "discovery:model-training.discovery.1",
    "discovery:model-validation.discovery.1",
    "discovery:model-validation.discovery.2",
    "discovery:business-impact.discovery.1",
    "discovery:business-impact.discovery.2",
    "discovery:feature-engineering.discovery.1",
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_banks([bundled_banks_dir()]).catalogue


def factual_refs() -> list[str]:
    return [f"{bank}:{qid}" for bank, ids in FACTUAL.items() for qid in ids]


def test_the_list_of_factual_questions_is_every_question_that_asks_a_fact(catalogue: Catalogue) -> None:
    asked = {
        ref for ref, q in catalogue.questions.items() if q.kind == "question" and ASKS_A_FACT.match(q.text)
    }
    assert sorted(asked) == sorted(factual_refs())
    assert set(NAMED_IN_THE_BRIEF) <= asked


@pytest.mark.parametrize("ref", factual_refs())
def test_every_factual_question_has_five_descriptors_of_its_own(catalogue: Catalogue, ref: str) -> None:
    question = catalogue.questions[ref]
    area = catalogue.areas[question.area]
    levels = catalogue.levels_for(ref)
    assert levels == question.levels
    assert len(levels) == 5
    assert len(set(levels)) == 5
    assert not set(levels) & set(area.levels)
    assert all(len(text.split()) >= 3 for text in levels), levels


GENERIC = re.compile(r"^(ad hoc|repeatable|defined|managed|optimi[sz]ed|initial|basic|advanced)\W*$", re.I)


def test_no_descriptor_is_a_generic_label(catalogue: Catalogue) -> None:
    for ref, question in catalogue.questions.items():
        for text in question.levels:
            assert not GENERIC.match(text.strip()), (ref, text)


def test_questions_that_ask_no_fact_are_scored_on_their_areas_practice(catalogue: Catalogue) -> None:
    practice = "discovery:model-deployment.current.deployment-infrastructure-4"  # versioning and rollback
    assert catalogue.levels_for(practice) == catalogue.areas["model-deployment"].levels


PUBLIC_MODEL_LINE = re.compile(r"^#\s+([1-5]) = Microsoft ([0-4])\b.*?, Google ([0-2]|n/a)\b")


def _area_blocks(text: str) -> dict[str, list[str]]:
    """Each [[areas]] record of a bank file: its id and its lines, comments included."""
    blocks: dict[str, list[str]] = {}
    for chunk in text.split("[[areas]]")[1:]:
        lines = chunk.split("\n[[", 1)[0].splitlines()
        area_id = next(line.split('"')[1] for line in lines if line.startswith("id = "))
        blocks[area_id] = lines
    return blocks


@pytest.mark.parametrize("bank_file", ["discovery.toml", "requirements.toml"])
def test_every_area_says_which_public_model_level_each_descriptor_corresponds_to(
    catalogue: Catalogue, bank_file: str
) -> None:
    blocks = _area_blocks((bundled_banks_dir() / bank_file).read_text(encoding="utf-8"))
    bank = catalogue.bank(bank_file.removesuffix(".toml"))
    assert bank is not None
    assert sorted(blocks) == sorted(area.id for area in bank.areas)
    for area_id, lines in blocks.items():
        found = [m.groups() for m in map(PUBLIC_MODEL_LINE.match, lines) if m]
        assert [int(level) for level, _, _ in found] == [1, 2, 3, 4, 5], area_id
        microsoft = [int(m) for _, m, _ in found]
        google = [int(g) for _, _, g in found if g != "n/a"]
        assert microsoft == sorted(microsoft) and microsoft[0] == 0 and microsoft[-1] == 4, area_id
        assert google == sorted(google), area_id
        levels_line = next(n for n, line in enumerate(lines) if line.startswith("levels = ["))
        comment_lines = [n for n, line in enumerate(lines) if PUBLIC_MODEL_LINE.match(line)]
        assert comment_lines == list(range(levels_line - 5, levels_line)), f"{area_id}: next to its levels"
