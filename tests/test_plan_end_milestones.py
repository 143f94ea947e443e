"""Issue #12 walkthrough (v2 item 3): a milestone after the last piece of work fell after the plan's
stated end ("ends week 12" with the go/no-go in week 13; the proposal's "The plan runs 12 weeks,
from … to 26 Feb 2027" above a table with the milestone on 5 Mar 2027). The plan's end includes its
milestones, and the Plan pane says the Monday it plans week 1 from, and, when a proposal sent today
starts work later to leave time to decide, says so with that date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from tests.helpers import at_plan, run_cli, until
from tests.proposal_text import docx_text, tables
from tests.test_proposal import export
from workbench.analysis.plan import end_date, last_week, schedule
from workbench.store.files import load_project

TODAY = dt.date(2026, 11, 24)
"""The conftest's date: the example's week 1 is Mon 7 Dec 2026, time enough to decide."""
LATE = dt.date(2026, 12, 3)
"""A Thursday in week 1's week before: a proposal sent then starts work a week later, Mon 14 Dec."""


def go_no_go_last(example: Path) -> Path:
    """The example with its go/no-go milestone waiting for P-5 too, the work that ends last (week 12)."""
    text = example.read_text(encoding="utf-8")
    before = 'depends_on = ["P-7", "P-2", "P-3", "P-4"]'
    assert before in text
    example.write_text(text.replace(before, 'depends_on = ["P-7", "P-2", "P-3", "P-4", "P-5"]'), encoding="utf-8")
    return example


def test_the_plan_ends_with_its_last_milestone(example: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = go_no_go_last(example)
    project = load_project(path)
    plan = schedule(project)
    assert last_week(plan) == 13
    assert end_date(project, plan, TODAY) == dt.date(2027, 3, 5)
    code, out, _ = run_cli(["plan", str(path)], capsys)
    assert code == 0 and "end week: 13 (ends 2027-03-05)" in out
    document = export(path, today=TODAY)
    text = docx_text(document)
    assert "The plan runs 13 weeks, from 7 Dec 2026 to 5 Mar 2027." in text
    chart = next(t for t in tables(document) if any(row[0] == "Week" for row in t))
    assert next(row for row in chart if row[0] == "Week")[-1] == "13"
    timeline = next(t for t in tables(document) if t[0][:2] == ["Item", "Weeks"])
    go_no_go = next(row for row in timeline if row[0].startswith("Steering review"))
    assert go_no_go[1:3] == ["Week 13", "1 Mar 2027"]


async def test_the_plan_pane_ends_with_the_milestone_and_says_its_week_one(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(go_no_go_last(example))
    async with app.run_test(size=(120, 36)) as pilot:
        await at_plan(pilot)
        detail = app.screen.query_one("#plan-detail", Static)
        assert await until(pilot, lambda: "ends week" in str(detail.render()))
        text = str(detail.render())
        assert "week 1 is Mon 07 Dec 2026" in text
        assert "ends week 13 (Fri 05 Mar 2027)" in text
        assert "proposal" not in text  # a proposal sent today starts work on the same Monday


async def test_the_plan_pane_says_when_a_proposal_starts_later(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example, today=LATE)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_plan(pilot)
        detail = app.screen.query_one("#plan-detail", Static)
        assert await until(pilot, lambda: "ends week" in str(detail.render()))
        text = " ".join(str(detail.render()).split())
        assert "week 1 is Mon 07 Dec 2026" in text
        assert "a proposal sent today starts work Mon 14 Dec 2026, to leave time to decide" in text
    document = export(example, today=LATE)
    assert "The plan runs 12 weeks, from 14 Dec 2026 to " in docx_text(document)
