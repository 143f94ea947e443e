"""The shipped guides: every practice complete and linted, patterns that parse, sound prerequisites."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import yaml

from workbench.banks import bundled_banks_dir, lint, load_bank, load_banks
from workbench.model.bank import Practice
from workbench.model.catalogue import Catalogue
from workbench.practice_lint import GENERIC_KEYWORDS, practice_problems, syntax_error

SHIPPED_IN_THE_FIRST_RELEASE = [
    "fe.data-contracts",
    "fe.validate-at-ingestion",
    "fe.feature-pipelines-as-code",
    "fe.feature-catalogue",
    "fe.feature-store",
    "fe.point-in-time",
    "fe.feature-versioning-lineage",
    "fe.skew-checks",
    "fe.streaming-features",
    "fe.reusable-transforms",
    "fe.data-prep-time-budget",
    "fe.feature-ownership",
    "tv.experiment-tracking",
    "tv.reproducible-environments",
    "tv.data-snapshots",
    "tv.standard-evaluation",
    "tv.business-metric-mapping",
    "tv.validation-gates",
    "tv.bias-fairness-checks",
    "tv.explainability",
    "tv.model-cards",
    "tv.model-registry",
    "tv.edge-case-tests",
    "tv.sensitive-data-training",
    "tv.elastic-training-compute",
    "ds.standard-deployment-path",
    "ds.cicd-for-ml",
    "ds.containerised-serving",
    "ds.progressive-delivery",
    "ds.automated-rollback",
    "ds.autoscaling",
    "ds.serving-cost-controls",
    "ds.batch-vs-realtime",
    "ds.model-slos",
    "ds.versioned-model-apis",
    "ds.multi-model-serving",
    "ds.environment-promotion",
    "ds.platform-reference-architecture",
    "ds.migration-bake-off",
    "ma.prediction-logging",
    "ma.data-drift",
    "ma.performance-monitoring",
    "ma.business-kpi-monitoring",
    "ma.actionable-alerts",
    "ma.runbooks-incident-response",
    "ma.pipeline-vs-model-diagnosis",
    "ma.observability-integration",
    "ma.retraining-triggers",
    "ma.feedback-loops",
    "ma.auto-remediation",
    "ma.portfolio-value-report",
    "am.baseline-first",
    "am.project-templates",
    "am.hpo-with-budgets",
    "am.automated-feature-generation",
    "am.guardrails",
    "am.model-reuse",
    "am.use-case-intake",
    "am.ensembles-selection",
    "am.self-service-pipelines",
    "am.pipeline-resilience",
    "am.time-to-value-tracking",
]
"""Practice ids answers and mappings may point at: they never change, even when a practice moves."""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    loaded = load_banks([bundled_banks_dir()])
    assert loaded.problems == []
    return loaded.catalogue


@pytest.fixture(scope="module")
def practices(catalogue: Catalogue) -> list[Practice]:
    return list(catalogue.practices.values())


def test_every_practice_is_complete_and_lints_clean(practices: list[Practice]) -> None:
    for practice in practices:
        for field in ("title", "summary", "example", "pattern", "pattern_language"):
            assert getattr(practice, field).strip(), f"{practice.id}: {field}"
        assert practice.keywords and practice.areas, practice.id
        assert practice_problems(practice) == [], practice.id


def test_each_guide_holds_between_15_and_24_practices(
    catalogue: Catalogue, practices: list[Practice]
) -> None:
    counts = Counter(p.guide for p in practices)
    assert set(counts) == set(catalogue.guides)
    for guide, count in counts.items():
        assert 15 <= count <= 24, (guide, count)


SECURITY = (
    "tv.model-supply-chain",
    "ds.endpoint-security",
    "fe.data-poisoning-defence",
    "ds.llm-guardrails",
    "ma.endpoint-abuse-detection",
)
REGULATION = (
    "tv.ai-act-risk-classification",
    "tv.independent-model-validation",
    "ma.ai-risk-register",
    "ma.ai-management-system",
    "fe.personal-data-governance",
)
COST = (
    "ds.total-cost-of-ownership",
    "ma.cost-showback",
    "ds.serving-cost-controls",
    "ds.llm-token-budgets",
    "am.search-budgets",
    "fe.feature-cost-review",
)


def test_areas_without_a_guide_get_security_regulation_and_cost_practices(catalogue: Catalogue) -> None:
    discovery = next(b for b in catalogue.banks if b.id == "discovery")
    mapped = {area for row in catalogue.guide_map for area in row.areas}
    unguided = [a.id for a in discovery.areas if a.id not in mapped]
    assert unguided == ["team-collaboration", "business-impact", "platform-evaluation"]
    for area in unguided:
        for kind, ids in (("security", SECURITY), ("regulation", REGULATION), ("cost", COST)):
            assert any(area in catalogue.practices[i].areas for i in ids), (area, kind)


def test_every_guide_covers_llm_systems(catalogue: Catalogue) -> None:
    llm_words = ("genai", "llm", "rag", "prompt")
    for guide in catalogue.guides:
        assert any(
            p.guide == guide and any(w in k for k in p.keywords for w in llm_words)
            for p in catalogue.practices.values()
        ), guide


def test_the_named_regulations_each_have_a_practice(practices: list[Practice]) -> None:
    text = " ".join(f"{p.title} {p.summary}" for p in practices)
    for name in ("EU AI Act", "NIST AI", "ISO/IEC 42001", "SR 11-7", "GDPR"):
        assert name in text, name


def test_ids_shipped_before_never_disappear(catalogue: Catalogue) -> None:
    assert [i for i in SHIPPED_IN_THE_FIRST_RELEASE if i not in catalogue.practices] == []


def test_prerequisites_resolve_without_cycles(practices: list[Practice]) -> None:
    graph: nx.DiGraph = nx.DiGraph()
    ids = {p.id for p in practices}
    for practice in practices:
        graph.add_node(practice.id)
        for prerequisite in practice.prerequisites:
            assert prerequisite in ids, (practice.id, prerequisite)
            assert prerequisite != practice.id
            graph.add_edge(prerequisite, practice.id)
    assert nx.is_directed_acyclic_graph(graph)


def test_keywords_are_specific(practices: list[Practice]) -> None:
    for practice in practices:
        lowered = [k.lower() for k in practice.keywords]
        assert len(lowered) == len(set(lowered)), practice.id
        assert not GENERIC_KEYWORDS.intersection(lowered), practice.id


def test_every_pattern_parses_in_its_language(practices: list[Practice]) -> None:
    for practice in practices:
        assert syntax_error(practice.pattern, practice.pattern_language) == "", practice.id
        if practice.pattern_language == "yaml":
            assert list(yaml.safe_load_all(practice.pattern)), practice.id


def test_the_errors_the_review_found_stay_fixed(catalogue: Catalogue) -> None:
    practices = catalogue.practices
    registry = practices["tv.model-registry"]
    assert "set_registered_model_alias" in registry.pattern
    assert "set_model_version_tag" in registry.pattern
    assert "transition_model_version_stage" not in registry.pattern
    assert "fe.point-in-time" not in practices["fe.feature-store"].prerequisites
    assert practices["ds.automated-rollback"].prerequisites == ("tv.model-registry",)
    assert "ma.prediction-logging" in practices["fe.skew-checks"].prerequisites
    automl = [p for p in practices.values() if p.guide == "automl"]
    for practice in automl:
        text = f"{practice.title} {practice.summary} {practice.example}".lower()
        assert any(w in text for w in ("automl", "search", "tuning", "optimis")), practice.id


PRACTICE = """
[bank]
id = "mine"
title = "Mine"

[[guides]]
id = "g"
title = "G"

[[practices]]
id = "p"
guide = "g"
title = "Check it"
summary = "Do it. Because."
keywords = ["data", "canary"]
example = "Too short."
pattern_language = "{language}"
pattern = '''
{pattern}
'''
"""


@pytest.mark.parametrize(
    ("language", "pattern", "message"),
    [
        ("python", "def broken(:\n    pass", "pattern is not valid python: line 1"),
        ("json", '{"a": 1,}', "pattern is not valid json"),
        ("toml", "a = [1,", "pattern is not valid toml"),
        ("dockerfile", "RUN echo hi\nFROM python:3.12", "the first instruction must be FROM"),
        ("dockerfile", "FROM python:3.12\nINSTALL numpy", "'INSTALL' is not a Dockerfile instruction"),
        ("yaml", "a:\n\tb: 1", "a tab indents a line"),
        ("cobol", "DISPLAY 'HI'.", "pattern_language 'cobol' is not one of"),
    ],
)
def test_lint_names_a_broken_pattern(tmp_path: Path, language: str, pattern: str, message: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(PRACTICE.format(language=language, pattern=pattern), encoding="utf-8")
    findings = "\n".join(str(f) for f in lint([load_bank(path)]))
    assert message in findings
    assert "keyword 'data' is too generic" in findings
    assert "example has 10 characters" in findings
    assert "keyword 'canary'" not in findings


def test_lint_asks_for_missing_example_and_pattern(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    text = PRACTICE.format(language="text", pattern="x").replace('example = "Too short."\n', "")
    path.write_text(text.split("pattern_language")[0], encoding="utf-8")
    findings = "\n".join(str(f) for f in lint([load_bank(path)]))
    assert "practice p: example is empty; write it" in findings
    assert "practice p: pattern is empty; write it" in findings


def test_a_valid_dockerfile_with_continuations_passes() -> None:
    dockerfile = (
        "# build\nARG PY=3.12\nFROM python:${PY}-slim\nRUN apt-get update && \\\n    apt-get install -y git\n"
    )
    assert syntax_error(dockerfile, "dockerfile") == ""
