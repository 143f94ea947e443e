"""The example's scores follow the rubric, and a score nobody saw is never a strength (#16 fresh-eyes
16, finding 1: governance "ad hoc, no register" scored 3, rollback "by hand" scored 1, "no agreed
threshold" scored 2, and the proposal's one "working well" point rested on an audit-trail 4 the
client stated and nobody saw)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_proposal import export
from workbench.banks import load_catalogue
from workbench.model.catalogue import Catalogue
from workbench.model.records import Answer
from workbench.store.files import ProjectFile, load_project

EXAMPLE = Path(__file__).resolve().parent.parent / "projects" / "example.toml"

KEY_WORDS = [
    # (area, what the note says, the levels it allows, the rubric's words that decide it, at level)
    ("model-validation", r"no agreed threshold", {1}, "no agreed metric, threshold", 1),
    (
        "model-deployment",
        r"[Rr]ollback .* by hand",
        {2},
        "rollback means redeploying the previous artefact by hand",
        2,
    ),
    (
        "team-collaboration",
        r"ad hoc|no register",
        {1, 2},
        "every production model has a named owner and approvals are recorded",
        3,
    ),
    ("feature-engineering", r"No checks at ingestion", {1, 2}, "data-quality checks at ingestion", 3),
    ("feature-engineering", r"No feature store", {1, 2, 3}, "A feature store serves one definition", 4),
    (
        "model-monitoring",
        r"No drift or accuracy monitoring|Nobody checks accuracy|5xx only",
        {1, 2},
        "performance",
        3,
    ),
    (
        "automation-workflows",
        r"retraining is manual|no tests on models",
        {1, 2},
        "pipelines run on a shared orchestrator",
        3,
    ),
]
"""Notes whose words place them on the rubric: a note that says the level's practice is missing
cannot be scored at that level or above; a note in the level's own words is scored at it."""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(EXAMPLE)


def scored_answers() -> list[Answer]:
    return [a for a in load_project(EXAMPLE).answers if a.current is not None and a.notes]


@pytest.mark.parametrize(("area", "note", "allowed", "words", "level"), KEY_WORDS)
def test_every_example_score_sits_where_its_notes_put_it_on_the_rubric(
    catalogue: Catalogue, area: str, note: str, allowed: set[int], words: str, level: int
) -> None:
    matched = [
        a
        for a in scored_answers()
        if catalogue.questions[a.question].area == area and re.search(note, a.notes)
    ]
    assert matched, f"no example answer in {area} says {note!r}: the rule checks nothing"
    for answer in matched:
        assert words in catalogue.levels_for(answer.question)[level - 1], (answer.question, level)
        assert answer.current in allowed, (answer.question, answer.notes, answer.current)


def test_a_score_said_but_not_seen_is_stated(catalogue: Catalogue) -> None:
    unseen = [a for a in scored_answers() if "Not seen" in a.notes]
    assert unseen
    assert all(a.confidence == "stated" for a in unseen)


def test_a_stated_high_score_is_named_as_such_never_counted_as_a_strength(example: Path) -> None:
    text = export(example, "md").read_text(encoding="utf-8")
    well = text[text.index("## What is working well") : text.index("## Findings by theme")]
    assert not re.search(r"Team Collaboration & Governance \(\d", well) and "a base to build on" not in well
    assert (
        "- Some practices were described at level 4 or 5 of 5, in Team Collaboration & Governance "
        "(Governance & Compliance); we will confirm them in the pilots."
    ) in well
    findings = text[text.index("### Team Collaboration & Governance") : text.index("### Business Impact")]
    assert (
        "Maturity today 2.3 of 5 (1.5 leaving out a score of 4 or 5 we were told of but have not yet seen)"
    ) in findings


def test_stated_fives_do_not_make_an_area_established(example: Path) -> None:
    project_file = ProjectFile.load(example)
    for number in (1, 2, 3, 4):
        project_file.project.set_answer(
            f"discovery:model-training.current.experimentation-platform-{number}",
            "data-1",
            current=5,
            target=5,
        )
    project_file.save()
    well = export(example, "md").read_text(encoding="utf-8")
    well = well[well.index("## What is working well") : well.index("## Findings by theme")]
    assert "Established practice today" not in well
    told = next(line for line in well.splitlines() if "were described at level 4 or 5" in line)
    assert "Model Training & Experimentation" in told
    project_file = ProjectFile.load(example)
    for number in (1, 2, 3, 4):
        project_file.project.set_answer(
            f"discovery:model-training.current.experimentation-platform-{number}",
            "data-1",
            confidence="observed",
        )
    project_file.save()
    well = export(example, "md").read_text(encoding="utf-8")
    well = well[well.index("## What is working well") : well.index("## Findings by theme")]
    assert "Established practice today: Model Training & Experimentation" in well
