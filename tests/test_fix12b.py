"""#12 fresh-eyes (fix12b): capture that keeps the typist's words."""

from __future__ import annotations

import datetime as dt

from workbench.analysis.metrics import metric_sentence
from workbench.banks import load_catalogue
from workbench.example import bundled_example
from workbench.export.context import ProposalContext
from workbench.export.options import ProposalOptions
from workbench.model.records import Metric
from workbench.store.files import load_project

TCO = "discovery:platform-evaluation.criteria.1"
"""'Platform should reduce total cost of ownership by X%': the bank says its baseline is '¤ per year'."""


def tco(unit: str) -> Metric:
    return Metric(id="M-009", template=TCO, baseline=250, target=180, unit=unit)


def test_a_metric_sentence_says_the_unit_the_person_typed_with_its_scale() -> None:
    catalogue = load_catalogue()
    start = "Platform should reduce total cost of ownership by 180%"
    assert metric_sentence(tco("kUSD"), catalogue, "USD") == f"{start} (baseline $250,000)"
    assert metric_sentence(tco("k USD per year"), catalogue, "EUR") == f"{start} (baseline $250,000 per year)"
    assert metric_sentence(tco("EUR m"), catalogue, "USD") == f"{start} (baseline €250 million)"
    assert metric_sentence(tco("hours"), catalogue, "USD") == f"{start} (baseline 250 hours)"
    assert metric_sentence(tco("k widgets"), catalogue, "USD") == f"{start} (baseline 250 k widgets)"
    assert metric_sentence(tco(""), catalogue, "USD") == f"{start} (baseline $250 per year)"  # the bank's


def test_the_proposal_keeps_a_typed_currency_too() -> None:
    project = load_project(bundled_example())
    project.metrics.append(tco("kGBP"))
    context = ProposalContext(project, load_catalogue(), ProposalOptions(today=dt.date(2026, 12, 1)))
    assert context.currency != "GBP"
    assert context.metric_text(project.metrics[-1]).endswith("(baseline £250,000)")
