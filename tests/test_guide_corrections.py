"""#16 fresh eyes 4: guide content an MLOps architect flagged as wrong stays corrected."""

from __future__ import annotations

import re

import pytest

from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_feature_cost_review_sums_cost_before_joining(catalogue: Catalogue) -> None:
    # Summing pipeline costs after joining usage and importance rows multiplies each cost by the
    # number of consuming models: the sum must happen in its own aggregate, before the join.
    pattern = catalogue.practices["fe.feature-cost-review"].pattern
    main_query = pattern[pattern.rindex("\nSELECT") :]
    assert "SUM(" not in main_query
    assert re.search(r"SUM\(cost_usd\).*FROM pipeline_costs.*GROUP BY feature_view", pattern, re.S)


def test_versioned_apis_pattern_sends_what_the_example_promises(catalogue: Catalogue) -> None:
    practice = catalogue.practices["ds.versioned-model-apis"]
    assert "Deprecation and Sunset header" in practice.example
    assert 'headers["Deprecation"]' in practice.pattern and 'headers["Sunset"]' in practice.pattern


def test_no_guide_names_a_retired_aws_service(catalogue: Catalogue) -> None:
    # Kinesis Data Analytics became Amazon Managed Service for Apache Flink in 2023.
    for practice in catalogue.practices.values():
        assert "Kinesis Data Analytics" not in practice.example + practice.pattern + practice.summary, practice.id


def test_model_staleness_pattern_reads_the_tags_its_example_sets(catalogue: Catalogue) -> None:
    practice = catalogue.practices["ma.model-staleness"]
    assert "`data_until`" in practice.example
    assert 'tags.get("data_until")' in practice.pattern


@pytest.mark.parametrize(
    ("first", "second"), [("ds.serving-cost-controls", "ma.cost-showback"), ("fe.skew-checks", "ma.data-drift")]
)
def test_near_overlapping_practices_point_at_each_other(catalogue: Catalogue, first: str, second: str) -> None:
    assert f"See also {second}" in catalogue.practices[first].example
    assert f"See also {first}" in catalogue.practices[second].example


def test_hpo_pattern_has_the_hyperband_pruner_its_example_promises(catalogue: Catalogue) -> None:
    practice = catalogue.practices["am.hpo-with-budgets"]
    assert "Hyperband pruner" in practice.example
    assert "HyperbandPruner()" in practice.pattern and "PruningCallback(trial" in practice.pattern
