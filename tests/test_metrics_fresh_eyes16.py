"""#16 fresh-eyes 16, finding 7: "by 150% (baseline 8%)" on a share, and a baseline of runs measured
by counting models."""

from __future__ import annotations

import re

from workbench.analysis.metrics import metric_sentence
from workbench.banks import load_catalogue
from workbench.example import bundled_example
from workbench.model.records import Metric
from workbench.store.files import load_project


def test_a_relative_change_on_a_share_shows_the_share_it_leads_to() -> None:
    catalogue = load_catalogue()
    project = load_project(bundled_example())
    m003 = next(m for m in project.metrics if m.id == "M-003")
    assert metric_sentence(m003, catalogue) == (
        "Increase feature reusability across projects by 150% "
        "(from 8% to 20% of features used by two or more projects)"
    )
    up = Metric(id="M", template="discovery:feature-engineering.metric.2", baseline=10, target=50)
    assert metric_sentence(up, catalogue).endswith("(from 10% to 15% of features used by two or more projects)")


def test_a_change_on_an_amount_keeps_its_baseline() -> None:
    catalogue = load_catalogue()
    project = load_project(bundled_example())
    m005 = next(m for m in project.metrics if m.id == "M-005")
    assert metric_sentence(m005, catalogue, "USD") == "Reduce model serving costs by 35% (baseline $19,000 per month)"
    assert metric_sentence(m005, catalogue) == "Reduce model serving costs by 35% (baseline 19,000 per month)"


def test_the_reproducibility_baseline_counts_what_its_measure_counts() -> None:
    project = load_project(bundled_example())
    m004 = next(m for m in project.metrics if m.id == "M-004")
    catalogue = load_catalogue()
    unit = catalogue.questions[m004.template].baseline_unit
    assert unit == "% of runs reproducible"
    found = re.search(r"(\d+) of (\d+) runs could be re-run", m004.measured_by)
    assert found is not None
    assert m004.baseline == round(100 * int(found.group(1)) / int(found.group(2)))


def test_the_unit_typed_replaces_the_templates_after_each_number() -> None:
    """Session 13 walkthrough: baseline 504, target 8, unit hours read "from 504 weeks to 8 hours"
    in Capture, Plan and the proposal. The one unit typed is the unit of both numbers."""
    catalogue = load_catalogue()
    deploy = "discovery:model-deployment.metric.1"  # "Reduce model deployment time from X weeks to Y hours"
    typed = Metric(id="M", template=deploy, baseline=504, target=8, unit="hours")
    assert metric_sentence(typed, catalogue) == "Reduce model deployment time from 504 hours to 8 hours"
    as_written = Metric(id="M", template=deploy, baseline=3, target=8)
    assert metric_sentence(as_written, catalogue) == "Reduce model deployment time from 3 weeks to 8 hours"
    odd = Metric(id="M", template=deploy, baseline=2, target=1, unit=r"\1 days")  # text, never a pattern
    assert metric_sentence(odd, catalogue) == r"Reduce model deployment time from 2 \1 days to 1 \1 days"
    share = Metric(id="M", template="discovery:feature-engineering.metric.2", baseline=10, target=50, unit="%")
    assert "by 50%" in metric_sentence(share, catalogue)  # a change in per cent stays one
