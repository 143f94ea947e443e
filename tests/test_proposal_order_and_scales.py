"""#16 fresh-eyes 16, finding 4: a gap's practices in the proposal come after their prerequisites and
then in the Map pane's ranking; "How maturity is scored" shows the per-question scales the scores
used; the Markdown scale table has a header row."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_proposal import export
from workbench.analysis.mapping import accepted_in_order, suggest_practices
from workbench.banks import load_catalogue
from workbench.store.files import load_project


def recommended(text: str, gap_title: str) -> list[str]:
    """The practice titles the Recommendations section lists under a gap, in order."""
    body = text[text.index("## Recommendations") : text.index("## Pilots")]
    block = body[body.index(f"**{gap_title}**") :].split("\n\n**", 1)[0].split("\n###", 1)[0]
    return [line[2:].split(". ", 1)[0] for line in block.splitlines() if line.startswith("- ")]


def test_each_gaps_practices_follow_their_prerequisites_then_the_map_ranking(example: Path) -> None:
    project, catalogue = load_project(example), load_catalogue(example)
    text = export(example, "md").read_text(encoding="utf-8")
    title = {p.id: p.title for p in catalogue.practices.values()}
    for gap in project.gaps:
        order = accepted_in_order(project, catalogue, gap)
        if not order or f"**{gap.title}**" not in text:
            continue
        assert recommended(text, gap.title) == [title[p] for p in order], gap.id
        for n, practice_id in enumerate(order):
            later = set(order[n + 1 :])
            assert not later & set(catalogue.practices[practice_id].prerequisites), (gap.id, practice_id)
    g001 = recommended(text, "Deployment is manual and takes weeks")
    registry = g001.index("Use a model registry with aliases and approval tags")
    assert registry < g001.index("Offer one paved road to production")
    assert registry < g001.index("Automate rollback to the last good model")
    g004 = recommended(text, "Features rebuilt per project")
    assert g004 == ["Write feature logic once, as versioned code", "Publish a searchable feature catalogue"]
    g005 = recommended(text, "No way to show business value of models")
    assert g005[-1] == "Put business KPIs on the model dashboard"


def test_without_prerequisites_the_order_is_the_map_panes(example: Path) -> None:
    project, catalogue = load_project(example), load_catalogue(example)
    for gap in project.gaps:
        ranked = [s.practice.id for s in suggest_practices(project, catalogue, gap)]
        order = accepted_in_order(project, catalogue, gap)
        free = [p for p in order if not set(catalogue.practices[p].prerequisites) & set(order)]
        assert free == sorted(free, key=ranked.index), gap.id
    g002 = project.gap("G-002")
    assert g002 is not None
    assert accepted_in_order(project, catalogue, g002)[0] == "ma.prediction-logging"


def test_how_maturity_is_scored_shows_the_question_scales_used_under_a_header(example: Path) -> None:
    catalogue = load_catalogue(example)
    text = export(example, "md").read_text(encoding="utf-8")
    scale = text[text.index("## Appendix: how maturity is scored") :]
    table = [line for line in scale.splitlines() if line.startswith("|")]
    assert table[:2] == ["| Area | Levels |", "|---|---|"]
    assert table[2].startswith("| **Feature Engineering & Data Preparation** | 1 · ")
    assert "they have a scale of their own, shown under their area" in scale
    assert "they count in the area's average" in scale
    assert "Discovery questions" not in scale and "on its own scale" not in scale  # fix15 5: client words
    own = [line for line in table if re.match(r"\| \*\*[^|*]+: [^|*]+\?\*\* \|", line)]
    scored = {
        a.question
        for a in load_project(example).answers
        if a.status == "answered" and (a.current is not None or a.target is not None)
    }
    with_own_scale = [ref for ref in scored if catalogue.questions[ref].levels]
    assert len(own) == len(with_own_scale) >= 9
    lead_time = catalogue.questions["discovery:model-deployment.discovery.1"].levels[0]
    assert (
        "| **Model Deployment & Serving: How long does it take to deploy a model from development to "
        f"production?** | 1 · {lead_time}" in scale
    )
    cost = catalogue.questions["discovery:business-impact.current.cost-management-1"].levels[1]
    assert cost in scale
