"""#15, last findings 4: a pilot could end on 25 December. An end date (a plan's, an item's) is the
Friday of its last week, or the working day before it when offices are shut that Friday (25-26
December, 1 January): one rule, `analysis/plan.working_end`, for every view."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.conftest import EXAMPLE, TODAY
from tests.helpers import at_plan, run_cli, until
from tests.proposal_text import docx_text
from tests.test_proposal import export
from workbench.analysis.milestones import snapshot
from workbench.analysis.plan import end_date, friday_of_last_week, item_end_date, schedule, working_end
from workbench.analysis.portfolio import read_portfolio
from workbench.banks import load_catalogue
from workbench.store.files import ProjectFile, load_project

CHRISTMAS_FRIDAY = dt.date(2026, 10, 5)
"""A plan start whose twelfth week (the example's plan) ends on Fri 25 Dec 2026."""


@pytest.mark.parametrize(
    ("friday", "ends"),
    [
        (dt.date(2026, 12, 25), dt.date(2026, 12, 24)),  # Christmas Day
        (dt.date(2025, 12, 26), dt.date(2025, 12, 24)),  # Boxing Day, and Christmas Day before it
        (dt.date(2027, 1, 1), dt.date(2026, 12, 31)),  # New Year's Day
        (dt.date(2027, 12, 31), dt.date(2027, 12, 31)),  # New Year's Eve is a working day
        (dt.date(2026, 12, 18), dt.date(2026, 12, 18)),
    ],
)
def test_an_end_never_falls_on_a_day_offices_are_shut(friday: dt.date, ends: dt.date) -> None:
    assert working_end(friday) == ends


def test_the_examples_first_pilot_ends_on_christmas_eve(example: Path) -> None:
    """P-1, weeks 1–3 from Mon 7 Dec 2026: its last Friday is Christmas Day."""
    project = load_project(example)
    p1 = next(s for s in schedule(project).items if s.id == "P-1")
    assert item_end_date(project, p1, TODAY) == dt.date(2026, 12, 24)
    text = docx_text(export(example))
    assert "7 Dec 2026 – 24 Dec 2026" in text
    assert "25 Dec 2026" not in text


def christmas_plan(path: Path) -> Path:
    """The example with its plan moved to end on the Friday of Christmas week."""
    project_file = ProjectFile.load(path)
    project_file.project.project.plan_start = CHRISTMAS_FRIDAY
    project_file.save()
    return path


def test_the_plan_end_is_the_working_day_before_in_every_view(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = christmas_plan(example)
    project = load_project(path)
    plan = schedule(project)
    assert friday_of_last_week(CHRISTMAS_FRIDAY, plan) == dt.date(2026, 12, 24)
    assert end_date(project, plan, TODAY) == dt.date(2026, 12, 24)
    code, out, _ = run_cli(["plan", str(path)], capsys)
    assert code == 0 and "(ends 2026-12-24)" in out
    assert snapshot(project, load_catalogue(path), "now", TODAY).plan_end == dt.date(2026, 12, 24)
    folder = tmp_path / "portfolio"
    folder.mkdir()
    shutil.copyfile(path, folder / "a.toml")
    (engagement,) = read_portfolio(folder, TODAY).engagements
    assert engagement.plan_end == dt.date(2026, 12, 24)


async def test_the_plan_pane_gives_the_working_day(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(christmas_plan(example))
    async with app.run_test(size=(120, 36)) as pilot:
        await at_plan(pilot)
        detail = app.screen.query_one("#plan-detail", Static)
        assert await until(pilot, lambda: "(Thu 24 Dec 2026)" in str(detail.render())), str(detail.render())


def test_the_example_is_unchanged_where_no_holiday_falls() -> None:
    project = load_project(EXAMPLE)
    assert end_date(project, schedule(project), TODAY) == dt.date(2027, 2, 26)
