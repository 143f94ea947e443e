"""#16: every document says what a maturity level means in the rubric's own terms (each area's,
or question's, five descriptions), never with the generic labels "1 (ad hoc) to 5 (optimised)"
that Capture no longer shows either."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.helpers import run_cli
from tests.test_proposal import export
from workbench.analysis.portfolio import read_portfolio
from workbench.export.markdown_writer import render_markdown
from workbench.export.portfolio_report import portfolio_blocks
from workbench.newproject import create_project

GENERIC_LABEL = re.compile(r"\b[1-5] \((?:ad hoc|repeatable|defined|managed|optimi[sz]ed)\b", re.I)
"""`1 (ad hoc`, `5 (optimised`: a level named with an adjective instead of its descriptor."""


def test_the_proposal_scores_maturity_on_each_areas_own_levels(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The context (drafted narrative), the scale and the progress section's table, with a
    milestone so the progress section is there."""
    assert run_cli(["milestone", "save", str(example), "baseline", "--date", "2026-11-10"], capsys)[0] == 0
    text = export(example, "md").read_text()
    assert "## Progress since baseline (" in text
    assert not GENERIC_LABEL.findall(text)
    assert "against that area's own description of each level" in text
    assert "Mean maturity per area, 1 to 5 on the area's own levels." in text


def test_a_new_project_with_nothing_scored_says_how_the_scale_works(tmp_path: Path) -> None:
    project = create_project(tmp_path, "Acme: MLOps discovery", client="Acme Corp", today=TODAY).path
    text = export(project, "md").read_text()
    assert not GENERIC_LABEL.findall(text)
    assert "against a description of what each level looks like in that area" in text


def test_the_portfolio_heat_table_is_on_each_areas_own_levels(example: Path) -> None:
    text = render_markdown(portfolio_blocks(read_portfolio(example.parent, dt.date(2026, 12, 9)), dt.date(2026, 12, 9)))
    assert "| Area | Harbour & Pine Retail |" in text
    assert not GENERIC_LABEL.findall(text)
    assert "1 (red) to 5 (green) on each area's own levels" in text
