"""The proposal of a project just made (no plan start set), as a new user reads it (issue 15, fresh eyes 5)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.proposal_text import docx_text, tables
from tests.test_proposal import export
from workbench.analysis.plan import schedule, week_date
from workbench.export.options import SECTIONS
from workbench.model.records import NextStep, PlanItem
from workbench.newproject import create_project
from workbench.store.files import load_project

CREATED = dt.date(2026, 12, 2)  # a Wednesday
DATE = r"\d{1,2} [A-Z][a-z]{2} \d{4}"


def parse_day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d %b %Y").date()


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    """`workbench new "Acme: MLOps discovery" --client "Acme Corp"`, one pilot, one deep-dive, a next step."""
    project_file = create_project(tmp_path, "Acme: MLOps discovery", client="Acme Corp", today=CREATED)
    project = project_file.project
    project.pilots += [
        PlanItem(id="P-1", title="Automated retraining for churn", owner="Ana Silva", weeks=6, start=1),
        PlanItem(id="D-1", kind="deep-dive", title="Feature pipeline deep-dive", weeks=1, start=1),
    ]
    project.next_steps.append(
        NextStep(id="N-1", text="Agree the pilot team", owner="Ana Silva", due=dt.date(2026, 12, 18))
    )
    project_file.save()
    return project_file.path


def test_the_documents_dates_are_the_plans(acme: Path) -> None:
    """Fresh eyes 5, finding 1: the plan starts 7 Dec; the document said weeks 2–7 from 14 Dec."""
    project = load_project(acme)
    plan = schedule(project)
    starts = {s.id: week_date(project, s.start, CREATED) for s in plan.items}  # as `workbench plan`
    assert starts == {"P-1": dt.date(2026, 12, 7), "D-1": dt.date(2026, 12, 7)}
    path = export(acme, sections=SECTIONS, today=CREATED)
    facts = {t[0][1]: dict((row[0], row[1]) for row in t) for t in tables(path) if t[0][0] == "Scope"}
    timing = [row[1] for t in tables(path) if t[0][0] == "Scope" for row in t if row[0] == "Timing"]
    assert timing[0].startswith("Weeks 1–6 (7 Dec 2026 – 15 Jan 2027)"), timing
    assert timing[1].startswith("Week 1 (7 Dec 2026 – 11 Dec 2026)"), timing
    assert facts
    text = docx_text(path)
    assert "week 1 starts on 7 Dec 2026" in text
    assert "over 6 weeks from 7 Dec 2026" in text
    schedule_rows = next(t for t in tables(path) if t[0] == ["Item", "Weeks", "Dates", "Can slip by"])
    assert [row[1] for row in schedule_rows[1:]] == ["Week 1", "Weeks 1–6"]
    chart = next(t for t in tables(path) if len(t) > 1 and t[1][0] == "Week")
    assert chart[1][1:] == [str(n) for n in range(1, 7)]  # the first column is the week work starts


def test_the_decision_comes_before_work_starts(acme: Path) -> None:
    """Fresh eyes 5, finding 2: "from 7 Dec 2026 … name a sponsor by 18 Dec 2026, so that work can start
    straight away"."""
    path = export(acme, sections=SECTIONS, today=CREATED)
    text = docx_text(path)
    asks = re.findall(rf"name a sponsor by ({DATE}), so that work starts on ({DATE})", text)
    assert asks, text
    for decided, starts in asks:
        assert parse_day(decided) < parse_day(starts) == dt.date(2026, 12, 7)
        assert parse_day(decided) >= CREATED
    assert "straight away" not in text
    steps = next(t for t in tables(path) if t[0] == ["Action", "Owner", "Date"])[1:]
    decision = next(i for i, row in enumerate(steps) if row[0].startswith("Decision"))
    assert parse_day(steps[decision][2]) == parse_day(asks[0][0])
    assert steps[decision + 1][0] == "Agree the pilot team"  # due after the decision, so after it


@pytest.mark.parametrize("today", [dt.date(2026, 12, 4), dt.date(2026, 12, 6)])
def test_a_plan_starting_too_soon_to_decide_starts_after_the_decision(acme: Path, today: dt.date) -> None:
    path = export(acme, sections=SECTIONS, today=today)
    text = docx_text(path)
    decided, starts = re.findall(rf"name a sponsor by ({DATE}), so that work starts on ({DATE})", text)[0]
    assert today < parse_day(decided) < parse_day(starts) == dt.date(2026, 12, 14)
    assert f"The dates assume the decision by {decided}" in text
    assert "week 1 starts on 14 Dec 2026" in text
