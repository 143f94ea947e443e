"""Issue #16 fresh-eyes finding 9: the Plan pane drew `W0`, "weeks 0–1" and "ends week 12
(01 Mar 2027)" where the proposal says "Week 1" and "from 7 Dec 2026 to 26 Feb 2027". One
numbering everywhere: week 1 is the week work starts, ends inclusive, the plan ends on the
Friday of its last week."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.helpers import at_plan, run_cli, until
from workbench.analysis.plan import end_date, last_week, schedule, week_span
from workbench.banks import load_catalogue
from workbench.example import bundled_example
from workbench.export.context import ProposalContext
from workbench.export.proposal import ProposalOptions
from workbench.store.files import load_project

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "example.toml"
    shutil.copy(bundled_example(), target)
    return target


def test_weeks_count_from_one_and_the_plan_ends_on_the_proposals_friday(example: Path) -> None:
    project = load_project(example)
    plan = schedule(project)
    rows = {row.id: row for row in plan.items}
    assert week_span(rows["P-1"]) == "weeks 1–3"
    assert week_span(rows["D-1"]) == "week 1"
    assert week_span(rows["MS-2"]) == "week 6"
    assert last_week(plan) == 12
    assert end_date(project, plan, TODAY) == dt.date(2027, 2, 26)
    context = ProposalContext(project, load_catalogue(example), ProposalOptions(today=TODAY))
    assert context.plan_end() == end_date(project, plan, TODAY)
    assert context.weeks == last_week(plan)


def test_workbench_plan_uses_the_same_numbering(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["plan", str(example)], capsys)
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()[1:] if line[:1] in "DPM"}
    assert lines["P-1"].split()[-3:-1] == ["1–3", "3"]
    assert "end week: 12 (ends 2027-02-26)" in out


async def test_the_plan_pane_numbers_weeks_from_one(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        gantt = await at_plan(pilot)
        detail = app.screen.query_one("#plan-detail", Static)
        assert await until(pilot, lambda: "deep-dive · week 1 ·" in str(detail.render()))  # D-1, first
        gantt.focus()
        await pilot.press("down")  # P-1
        assert await until(pilot, lambda: "pilot · weeks 1–3 ·" in str(detail.render()))
        text = str(detail.render())
        assert "ends week 12 (Fri 26 Feb 2027)" in text
        scale = gantt.render_line(0).text
        assert "W1" in scale and "W0" not in scale
