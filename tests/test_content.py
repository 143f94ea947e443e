"""Content an architect would sign: the maturity rubric, templates sized to their time box,
metrics with a baseline and a target, guide names as the seed writes them, and pinned ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.id_manifest import pinned_ids, shipped_ids
from workbench.banks import bundled_banks_dir, core_size_range, lint, load_bank, load_banks
from workbench.model.catalogue import Catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_banks([bundled_banks_dir()]).catalogue


def test_guides_keep_the_seed_names_from_the_mapping_table(catalogue: Catalogue) -> None:
    for row in catalogue.guide_map:
        assert catalogue.guides[row.guide].title == row.guide_title


def test_every_area_of_both_banks_has_five_level_descriptors(catalogue: Catalogue) -> None:
    for bank_id in ("discovery", "requirements"):
        bank = catalogue.bank(bank_id)
        assert bank is not None
        assert len(bank.areas) == {"discovery": 9, "requirements": 7}[bank_id]
        for area in bank.areas:
            assert len(area.levels) == 5, area.id
            assert all(len(text.split()) >= 8 for text in area.levels), area.id
            assert len(set(area.levels)) == 5, area.id


def test_question_levels_override_the_area(catalogue: Catalogue) -> None:
    lead_time = "discovery:feature-engineering.current.feature-development-process-3"
    assert catalogue.levels_for(lead_time)[0] == "Months, or nobody knows."
    other = "discovery:feature-engineering.current.feature-development-process-1"
    assert catalogue.levels_for(other) == catalogue.areas["feature-engineering"].levels
    assert catalogue.levels_for("discovery:no-such-question") == ()


def test_requirements_stages_map_to_discovery_areas(catalogue: Catalogue) -> None:
    bank = catalogue.bank("requirements")
    assert bank is not None
    for area in bank.areas:
        assert area.maps_to, area.id
        assert all(catalogue.area_bank[other] == "discovery" for other in area.maps_to)
    assert catalogue.matching_areas("monitor") == ("monitor", "model-monitoring")


def test_template_core_fits_the_time_box(catalogue: Catalogue) -> None:
    for template in catalogue.templates.values():
        low, high = core_size_range(template)
        assert low <= len(template.core) <= high, template.id
        # about 2–3 minutes a core question, whichever end of the time box is used
        assert template.minutes_max / len(template.core) >= 2 and template.minutes_min / len(template.core) <= 3
        core = catalogue.core_refs(template.id)
        assert len(core) == len(template.core)
        assert set(core) <= set(catalogue.template_refs(template.id))
        shares = catalogue.area_shares(template.id)
        assert sum(shares.values()) == pytest.approx(1.0)
        assert set(shares) >= set(catalogue.template_areas(template.id))
    assert len(catalogue.templates["executive"].core) <= 22
    # the executive session spends most of its time on business impact, and enough on the
    # platform decision executives come to take (#16 fresh-eyes 14: it was 2 of 16, ~5.5 of 45
    # minutes): a quarter of the clock or more
    shares = catalogue.area_shares("executive")
    assert shares["business-impact"] == max(shares.values())
    assert shares["platform-evaluation"] * 45 >= 11


@pytest.mark.parametrize("template_id", ["data-science", "ml-engineering"])
def test_team_session_cores_capture_pain_and_baselines(catalogue: Catalogue, template_id: str) -> None:
    """#16 fresh-eyes 16, finding 7: the 24-question cores held no success metric and no pain
    indicator, so a facilitator keeping to the core never captured a baseline."""
    kinds = [catalogue.questions[ref].kind for ref in catalogue.core_refs(template_id)]
    assert kinds.count("success-metric") >= 1 and kinds.count("pain-indicator") >= 1
    assert len(kinds) == 28


def test_data_science_collaboration_covers_vision_and_onboarding(catalogue: Catalogue) -> None:
    refs = catalogue.template_refs("data-science")
    assert "discovery:team-collaboration.vision.1" in refs
    assert "discovery:team-collaboration.discovery.4" in refs
    assert "discovery:team-collaboration.pain.4" in refs


def test_every_success_metric_holds_a_baseline_and_a_target_with_units(catalogue: Catalogue) -> None:
    from workbench.analysis.metrics import field_unit
    from workbench.model.records import Metric

    for ref, question in catalogue.metric_templates().items():
        metric = Metric(id="M", template=ref)
        assert field_unit(metric, question, "baseline"), ref
        assert field_unit(metric, question, "target"), ref
    reuse = catalogue.questions["discovery:feature-engineering.metric.2"]
    assert field_unit(Metric(id="M"), reuse, "target") == "%"
    assert "features" in field_unit(Metric(id="M"), reuse, "baseline")


def test_shipped_ids_never_change() -> None:
    shipped = set(shipped_ids())
    removed = [line for line in pinned_ids() if line not in shipped]
    assert removed == [], "shipped ids removed or renamed; put them back (answers point at them)"
    pinned = set(pinned_ids())
    new = [line for line in shipped_ids() if line not in pinned]
    assert new == [], "new ids: pin them with `python -m tests.id_manifest`"


RUBRIC_BANK = """
[bank]
id = "mine"
title = "Mine"

[[areas]]
id = "data"
title = "Data"
levels = ["a", "b", "c", "d"]
maps_to = ["nowhere"]

[[parts]]
id = "q"
title = "Questions"

[[questions]]
id = "data.q.1"
area = "data"
part = "q"
text = "Where does the data live?"
levels = ["a", "", "c", "d", "e"]

[[questions]]
id = "data.q.2"
area = "data"
part = "q"
kind = "success-metric"
text = "Cut preparation by X%"
placeholders = [{ symbol = "X", field = "target", unit = "%" }]

[[templates]]
id = "t"
title = "T"
minutes_min = 30
minutes_max = 45
core = ["data.q.1", "data.q.9"]
sections = [{ text = "Data", areas = ["data"] }]
"""


def test_lint_counts_one_core_question_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(RUBRIC_BANK.replace('core = ["data.q.1", "data.q.9"]', 'core = ["data.q.1"]'), encoding="utf-8")
    findings = [f"{f.record}: {f.message}" for f in lint([load_bank(path)])]
    assert "template t: core holds 1 question; at 2–3 minutes each a 30–45 minute session takes 10 to 22" in (
        findings
    )


def test_lint_names_each_rubric_template_and_metric_mistake(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(RUBRIC_BANK, encoding="utf-8")
    findings = [f"{f.record}: {f.message}" for f in lint([load_bank(path)])]
    assert findings == [
        "area data: levels holds 4 descriptors; give exactly five, for levels 1 to 5",
        "area data: maps_to names area 'nowhere', which no bank defines; correct the name, or define the area",
        "question data.q.1: level 2 is empty; describe what level 2 looks like",
        "question data.q.2: the baseline has no unit; give it a placeholder unit or baseline_unit",
        "template t: core question 'data.q.9' is not one the template covers; put it in a section or out of core",
        "template t: core holds 2 questions; at 2–3 minutes each a 30–45 minute session takes 10 to 22",
    ]
