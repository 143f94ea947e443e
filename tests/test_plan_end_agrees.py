"""#17 fresh-eyes 2: one end date for a plan and for an item, the Friday of its last week, in
`workbench plan`, the Plan pane, milestones (list, diff), the proposal's Progress section, the
portfolio (plan end and pilots in flight) and the picker. It was the Monday after in five of them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from tests.conftest import EXAMPLE, TODAY
from tests.helpers import ready, run_cli, until
from workbench.analysis.milestones import snapshot
from workbench.analysis.plan import end_date, item_end_date, schedule
from workbench.analysis.portfolio import read_portfolio
from workbench.banks import load_catalogue
from workbench.export.markdown_writer import render_markdown
from workbench.export.portfolio_report import portfolio_blocks
from workbench.export.progress_section import progress_section
from workbench.store.files import load_project
from workbench.ui.screens.picker_screen import PickerScreen

ENDS = dt.date(2027, 2, 26)
"""The example's plan: week 1 from Mon 7 Dec 2026, twelve weeks, the last ending Fri 26 Feb 2027."""
IN_P1 = dt.date(2026, 12, 9)


def test_the_one_function_gives_the_friday_of_the_last_week(example: Path) -> None:
    project = load_project(example)
    plan = schedule(project)
    assert end_date(project, plan, TODAY) == ENDS
    rows = {s.id: s for s in plan.items}
    assert item_end_date(project, rows["P-1"], TODAY) == dt.date(2026, 12, 24)  # weeks 1–3, the Friday is Christmas Day
    assert item_end_date(project, rows["D-1"], TODAY) == dt.date(2026, 12, 11)  # week 1
    ms = next(s for s in plan.items if s.item.weeks == 0)
    assert item_end_date(project, ms, TODAY).weekday() == 4  # a milestone: the Friday of its week


def test_the_command_line_milestones_and_progress_say_the_same_day(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(["plan", str(example)], capsys)
    assert code == 0 and "(ends 2027-02-26)" in out
    code, out, _ = run_cli(["milestone", "save", str(example), "baseline", "--date", "2026-11-20"], capsys)
    assert code == 0
    code, out, _ = run_cli(["milestone", "list", str(example)], capsys)
    assert "plan ends 2027-02-26" in out
    code, out, _ = run_cli(["milestone", "diff", str(example), "baseline"], capsys)
    assert "Plan end: 26 Feb 2027 → 26 Feb 2027." in out
    project = load_project(example)
    catalogue = load_catalogue(example)
    assert snapshot(project, catalogue, "now", TODAY).plan_end == ENDS
    progress = render_markdown(progress_section(project, catalogue, TODAY))
    assert "Plan end: 26 Feb 2027 → 26 Feb 2027." in progress


def test_the_portfolio_gives_the_plan_end_and_the_pilots_last_friday(tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "a.toml")
    portfolio = read_portfolio(tmp_path, IN_P1)
    (engagement,) = portfolio.engagements
    assert engagement.plan_end == ENDS
    running = {p.id: p.ends for p in engagement.in_flight}
    assert running["P-1"] == dt.date(2026, 12, 24)
    markdown = render_markdown(portfolio_blocks(portfolio, IN_P1, False))
    assert "26 Feb 2027" in markdown and "(07 Dec – 24 Dec 2026)" in markdown
    assert "01 Mar 2027" not in markdown


async def test_the_plan_pane_and_the_picker_say_the_same_day(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        detail = app.screen.query_one("#plan-detail", Static)
        assert await until(pilot, lambda: "(Fri 26 Feb 2027)" in str(detail.render()))
    app = make_app(None, projects_dir=example.parent)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        listing = app.screen.query_one("#projects", OptionList)
        assert await until(pilot, lambda: listing.option_count > 0)
        shown = " ".join(str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))
        assert "plan ends 26 Feb 2027" in shown
