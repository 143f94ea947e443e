"""#15 fresh-eyes (session 7): what a client's CFO reads first. A name at the start of a gap
title keeps its capital inside a sentence, and on a large project "What is working well" stays a
short section instead of one line per high score told but not seen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_proposal import export
from workbench.export.wording import first_lower
from workbench.store.files import ProjectFile


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("Deployment is manual", (), "deployment is manual"),
        ("MLflow is not used", (), "MLflow is not used"),
        ("Brauhaus Nord cannot show the value", (), "Brauhaus Nord cannot show the value"),
        ("Harbour & Pine has no registry", (), "Harbour & Pine has no registry"),
        ("Katrin cannot show the board the return", ("Katrin",), "Katrin cannot show the board the return"),
        ("Katrin's team waits for data", ("Katrin",), "Katrin's team waits for data"),
        ("No ML platform", (), "no ML platform"),
        ("", (), ""),
    ],
)
def test_a_title_inside_a_sentence_keeps_names_and_acronyms(title: str, names: tuple[str, ...], expected: str) -> None:
    assert first_lower(title, names) == expected


def test_a_gap_named_after_the_client_keeps_its_capital_in_the_summary(example: Path) -> None:
    project_file = ProjectFile.load(example)
    project = project_file.project
    project.project.client = "Brauhaus Nord GmbH"
    project.gap("G-001").title = "Brauhaus Nord cannot ship a model in under a month"  # type: ignore[union-attr]
    project_file.save()
    text = export(example, "md").read_text(encoding="utf-8")
    summary = text[text.index("## Executive summary") : text.index("## Context and approach")]
    assert "Brauhaus Nord cannot ship a model in under a month" in summary
    assert "brauhaus" not in summary


def test_what_is_working_well_stays_short_on_a_large_project(tmp_path: Path) -> None:
    from bench.generate import write_large_project

    large = write_large_project(tmp_path / "large.toml")
    text = export(large, "md").read_text(encoding="utf-8")
    well = text[text.index("## What is working well") : text.index("## Findings by theme")]
    bullets = [line for line in well.splitlines() if line.startswith("- ")]
    assert 1 <= len(bullets) <= 6, bullets
    told = [b for b in bullets if "we have not yet seen" in b]
    assert len(told) == 1, told
    assert len(well) < 2000
