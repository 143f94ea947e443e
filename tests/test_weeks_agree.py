"""The proposal, the Plan pane's timeline and its context line, `workbench plan` and the portfolio
end the plan alike (issue 16 leftover 6), on the Friday of its last week. The Plan pane, `workbench
plan` and the portfolio count week 1 from the plan's first week, also when work starts later (#12
leftovers, task z1: counting from the earliest item renumbered the scale when it moved); the
proposal, which plans what is left from when the client can start, from the week its work starts. The
proposal had its own plan end and the portfolio ended the plan on the Monday after. A fixed start's
conflict gives the week as people count it and the file's value: "week 3 (start = 2)"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.helpers import at_plan, run_cli, until
from tests.proposal_text import docx_text, tables
from tests.test_proposal import export
from workbench.analysis.plan import end_date, first_work_week, last_week, schedule, week_range, week_span
from workbench.analysis.portfolio import progress
from workbench.banks import load_catalogue
from workbench.export.wording import capitalised, count, day
from workbench.store.files import load_project

TODAY = dt.date(2026, 11, 20)
LATER = ("P-1", "D-1", "P-4", "P-7")
"""The example's items that start when the plan does: fixed to its third week, work starts then."""


@pytest.fixture(params=["example", "work starts in the plan's third week"])
def project_file(request: pytest.FixtureRequest, example: Path) -> Path:
    if request.param != "example":
        text = example.read_text(encoding="utf-8")
        for item in LATER:
            text = text.replace(f'id = "{item}"\n', f'id = "{item}"\nstart = 2\n', 1)
        example.write_text(text, encoding="utf-8")
    return example


def test_the_proposal_the_cli_and_the_portfolio_count_weeks_and_end_alike(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = load_project(project_file)
    plan = schedule(project)
    assert first_work_week(plan) in (0, 2)
    document = export(project_file, today=TODAY)
    timeline = next(t for t in tables(document) if t[0][:2] == ["Item", "Weeks"])
    shown = {row[0]: row[1] for row in timeline[1:]}
    work = first_work_week(plan)  # the proposal's week 1
    assert shown == {s.item.title: capitalised(week_span(s, work)) for s in plan.items}
    chart = next(t for t in tables(document) if any(row[0] == "Week" for row in t))
    numbers = next(row for row in chart if row[0] == "Week")[1:]
    assert numbers == [str(n) for n in range(1, last_week(plan, work) + 1)]
    text = docx_text(document)
    end = end_date(project, plan, TODAY)
    start = end - dt.timedelta(weeks=last_week(plan, work) - 1, days=4)
    assert f"The plan runs {count(last_week(plan, work), 'week')}, from {day(start)} to {day(end)}." in text
    for pilot in [s for s in plan.items if s.item.kind == "pilot"]:
        assert f"{capitalised(week_span(pilot, work))} (" in text
    code, out, _ = run_cli(["plan", str(project_file)], capsys)
    assert code == 0
    ranges = {line.split()[0]: line for line in out.splitlines() if line[:2] in ("P-", "D-", "MS")}
    for scheduled in plan.items:
        assert f" {week_range(scheduled)} " in ranges[scheduled.id]
    assert f"end week: {last_week(plan)} (ends {end})" in out
    assert progress(project_file, project, load_catalogue(project_file), TODAY).plan_end == end


def test_a_fixed_start_conflict_counts_weeks_as_people_do(project_file: Path) -> None:
    plan = schedule(load_project(project_file))
    conflicts = [s.conflict for s in plan.items if s.conflict]
    if first_work_week(plan) == 0:
        assert conflicts == []
        return
    # P-4 fixed to schedule week 2 (week 3), with D-1 and P-1, which finish in week 5.
    assert (
        "fixed start in week 3 (start = 2), but D-1 and P-1 run to the end of week 5: "
        "the earliest it can start is week 6 (start = 5)"
    ) in conflicts


def test_a_fixed_start_in_the_week_its_dependency_ends_says_the_earliest_week(project_file: Path) -> None:
    """#12 walkthrough: 'fixed start in week 2 (start = 1) is before D-1 finishes (week 2)' read
    as nonsense (week 2 before week 2): it says D-1 runs to the end of week 2, so week 3."""
    project = load_project(project_file)
    first = project.pilots[0]
    other = next(p for p in project.pilots if p.id != first.id and first.id not in p.depends_on)
    items = [
        first.model_copy(update={"start": 1, "weeks": 1, "depends_on": []}),
        other.model_copy(update={"start": 1, "depends_on": [first.id]}),
        *[p.model_copy(update={"start": 0, "depends_on": []}) for p in project.pilots[:1]],
    ]
    items[2] = items[2].model_copy(update={"id": "ZZ-0"})
    plan = schedule(project.model_copy(update={"pilots": items}))
    conflict = next(s.conflict for s in plan.items if s.item.id == other.id)
    assert conflict == (
        f"fixed start in week 2 (start = 1), but {first.id} runs to the end of week 2: "
        "the earliest it can start is week 3 (start = 2)"
    ), conflict


async def test_the_plan_pane_counts_from_the_plans_first_week(project_file: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    project = load_project(project_file)
    plan = schedule(project)
    app = make_app(project_file, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        gantt = await at_plan(pilot)
        detail = app.screen.query_one("#plan-detail", Static)
        first = plan.items[0]
        fixed = " (fixed start)" if first.item.start is not None else ""
        said = f"{first.item.kind} · {week_span(first)}{fixed} ·"
        assert await until(pilot, lambda: said in str(detail.render())), str(detail.render())
        end = end_date(project, plan, TODAY)
        assert f"ends week {last_week(plan)} ({end:%a %d %b %Y})" in str(detail.render())
        scale = gantt.render_line(0).text
        assert scale.split()[2:4] == ["W1", "W5"], scale  # after the caption "Plan item"
