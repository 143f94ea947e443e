"""Every item of both seed documents is in the banks, word for word (typography aside)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SEEDS
from workbench.analysis.spelling import one_spelling
from workbench.banks import bundled_banks_dir, load_bank

DISCOVERY_SEED = SEEDS / "003_69f18bcb2ddf4839.txt"
REQUIREMENTS_SEED = SEEDS / "000_992269cc0b7ba726.txt"

pytestmark = pytest.mark.skipif(
    not DISCOVERY_SEED.exists(), reason="seed documents are not beside the project"
)


def normal(text: str) -> str:
    """Typography aside: quotes, dashes, spaces, a trailing pilcrow, and British or American spelling
    (the banks are British English, the seeds American)."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("¶", "")
    text = text.strip().strip('"')
    return one_spelling(re.sub(r"\s+", " ", text))


def discovery_items() -> dict[str, list[str]]:
    """Bullets of the seed by section: area items, templates, follow-up, mapping table."""
    items: dict[str, list[str]] = {"areas": [], "templates": [], "followup": [], "mapping": [], "usage": []}
    section = "usage"
    for line in DISCOVERY_SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            title = line[3:]
            section = (
                "templates"
                if "Session Templates" in title
                else "followup"
                if "Follow-up" in title
                else "mapping"
                if "Best Practices Guide Mapping" in title
                else "usage"
                if "How to Use" in title
                else "areas"
            )
            continue
        if line.startswith("- "):
            items[section].append(normal(line[2:]))
    return items


@pytest.fixture(scope="module")
def discovery():  # type: ignore[no-untyped-def]
    return load_bank(bundled_banks_dir() / "discovery.toml")


def test_every_area_item_is_a_question_word_for_word(discovery) -> None:  # type: ignore[no-untyped-def]
    bank_texts = {normal(q.text) for q in discovery.questions}
    seed = discovery_items()["areas"]
    assert len(seed) == 249
    missing = [item for item in seed if item not in bank_texts]
    assert missing == []
    assert len(discovery.questions) == len(seed)


def test_kinds_and_areas_match_the_seed(discovery) -> None:  # type: ignore[no-untyped-def]
    kinds = [q.kind for q in discovery.questions]
    assert kinds.count("pain-indicator") == 32
    assert kinds.count("success-metric") == 36
    assert len(discovery.areas) == 9
    platform = [q for q in discovery.questions if q.area == "platform-evaluation"]
    assert {q.part for q in platform} == {"current", "evaluation", "criteria"}


def test_current_state_questions_keep_their_sub_group(discovery) -> None:  # type: ignore[no-untyped-def]
    current = [q for q in discovery.questions if q.part == "current"]
    assert current and all(q.group for q in current)
    groups = {(g.area, g.id): g.title for g in discovery.groups}
    text = DISCOVERY_SEED.read_text(encoding="utf-8")
    for title in groups.values():
        assert one_spelling(f"**{title}:**") in one_spelling(text)


def test_templates_followup_and_mapping_table_are_complete(discovery) -> None:  # type: ignore[no-untyped-def]
    seed = discovery_items()
    sections = [normal(s.text) for t in discovery.templates for s in t.sections]
    assert sorted(sections) == sorted(seed["templates"])
    text = one_spelling(DISCOVERY_SEED.read_text(encoding="utf-8"))
    for template in discovery.templates:
        assert one_spelling(f"### {template.title} ({template.minutes_min}-{template.minutes_max} minutes)") in text
        assert one_spelling(f"**Focus:** {template.focus}") in text
    followup = [normal(i.text) for step in discovery.followup for i in step.items]
    assert followup == seed["followup"]
    for step in discovery.followup:
        assert f"**{step.step}. {step.title}**" in text
    rows = [f"**{r.problem}** → [{r.guide_title}]({r.link})" for r in discovery.guide_map]
    assert [normal(r) for r in rows] == seed["mapping"]
    assert [normal(u.text) for u in discovery.usage] == seed["usage"]


def test_metric_placeholders_are_fillable(discovery) -> None:  # type: ignore[no-untyped-def]
    metric = next(q for q in discovery.questions if q.id == "model-training.metric.1")
    assert [(p.symbol, p.field, p.unit) for p in metric.placeholders] == [
        ("X", "baseline", "weeks"),
        ("Y", "target", "days"),
    ]
    latency = next(q for q in discovery.questions if q.text.endswith("<Xms latency"))
    assert latency.placeholders[0].unit == "ms"


def test_requirements_bank_has_every_question_tagged() -> None:
    bank = load_bank(bundled_banks_dir() / "requirements.toml")
    seed_questions = [
        normal(line.lstrip("-").strip())
        for line in REQUIREMENTS_SEED.read_text(encoding="utf-8").splitlines()
        if line.lstrip("-").strip().endswith("?")
    ]
    assert len(seed_questions) == 52
    assert [normal(q.text) for q in bank.questions] == seed_questions
    assert {q.part for q in bank.questions} == {"business", "data-science"}
    assert len(bank.areas) == 7
    by_stage = {a.id: sum(1 for q in bank.questions if q.area == a.id) for a in bank.areas}
    assert by_stage["process-data"] == 11
    business = [q.text for q in bank.questions if q.part == "business" and q.area == "deploy"]
    assert business == [
        "What latency is required (ms, seconds, hours)?",
        "What is expected traffic volume?",
        "What happens if the model fails?",
    ]
