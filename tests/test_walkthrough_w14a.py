"""Walkthrough w14a (issue #12): the proposal and the words a client reads, from a new project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.proposal_text import docx_text
from tests.test_proposal import export
from workbench.newproject import create_project
from workbench.store.files import ProjectFile

AREA = "model-deployment"
"""The area of G-m1-01 in the walkthrough."""


def fresh(tmp_path: Path) -> Path:
    """A project as `workbench new "Acme: MLOps discovery"` writes it."""
    return create_project(tmp_path, "Acme: MLOps discovery", today=dt.date(2026, 11, 24)).path


def test_a_next_step_not_tied_to_the_framework_reaches_the_proposal(tmp_path: Path) -> None:
    """1. A step left at "Not tied to the framework" (and one about the proposal) was in the Plan and
    F7 but in neither the docx nor the markdown proposal: every step a person wrote reaches its table."""
    path = fresh(tmp_path)
    file = ProjectFile.load(path)
    file.project.add_next_step(
        "Send pilot proposal to Priya for sign-off", owner="Ana", due=dt.date(2026, 12, 11)
    )
    file.save()
    markdown = export(path, "md").read_text(encoding="utf-8")
    assert "| Send pilot proposal to Priya for sign-off | Ana | 11 Dec 2026 |" in markdown
    text = docx_text(export(path, "docx"))
    assert "Send pilot proposal to Priya for sign-off" in text


def test_map_reasons_put_no_quotation_marks_around_words_nobody_said(tmp_path: Path) -> None:
    """2. "the gap and its evidence say 'manual deployment'" when the notes said "deployed by hand":
    the practice's keywords are matched by stem, so they are named as matches, never quoted."""
    from workbench.analysis.mapping import suggest_practices
    from workbench.banks import load_catalogue

    path = fresh(tmp_path)
    project = ProjectFile.load(path).project
    gap = project.new_gap(
        "Manual deployment, deployment takes weeks",
        area=AREA,
        description="Models are deployed by hand via a Jenkins job. Takes about 3 weeks.",
    )
    project.gaps.append(gap)
    reasons = [r for s in suggest_practices(project, load_catalogue(path), gap) for r in s.reasons]
    keyword_reasons = [r for r in reasons if r.startswith(("matches: ", "common words only: "))]
    assert keyword_reasons, reasons
    assert not any("'" in r or "say " in r for r in keyword_reasons), keyword_reasons


def test_a_metric_of_one_says_its_unit_in_the_singular(tmp_path: Path) -> None:
    """3. "Reduce model deployment time from 15 days to 1 days": one function says the unit for its
    number, typed ("days") or the template's own ("hours")."""
    from workbench.analysis.metrics import metric_sentence
    from workbench.banks import load_catalogue
    from workbench.model.records import Metric

    catalogue = load_catalogue(fresh(tmp_path))
    typed = Metric(
        id="M-1", template="discovery:model-deployment.metric.1", baseline=15, target=1, unit="days"
    )
    assert metric_sentence(typed, catalogue) == "Reduce model deployment time from 15 days to 1 day"
    own = Metric(id="M-2", template="discovery:model-deployment.metric.1", baseline=1, target=1)
    assert metric_sentence(own, catalogue) == "Reduce model deployment time from 1 week to 1 hour"


async def test_plan_success_criteria_not_yet_met_have_no_tick(example: Path, make_app: Any) -> None:
    """3. Plan showed "✓ Two models deployed..." for success criteria not yet met: a tick reads as
    done, so each criterion of a pilot not done has a neutral bullet."""
    from tests.helpers import ready, until
    from tests.test_keyboard_model import burst
    from workbench.store.files import load_project
    from workbench.ui.widgets.gantt import Gantt

    criteria = load_project(example).pilot("D-1").criteria  # type: ignore[union-attr]
    assert criteria
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f5")
        gantt = app.screen.query_one(Gantt)
        assert await until(pilot, lambda: gantt.has_focus and gantt.selected == "D-1")
        detail = app.screen.query_one("#plan-detail")
        assert await until(pilot, lambda: criteria[0][:30] in str(detail.render()))
        shown = str(detail.render())
        assert "✓" not in shown, shown
        assert all(f"• {c[:30]}" in shown for c in criteria), shown


def test_a_gap_from_a_suggestion_is_the_same_record_as_one_raised_by_hand(tmp_path: Path) -> None:
    """3. A gap raised from an accepted suggestion had no `status = "open"`; hand-raised ones do."""
    import tomllib

    from workbench.analysis.gaps import Suggestion
    from workbench.edits.gaps import RaiseGap

    path = fresh(tmp_path)
    file = ProjectFile.load(path)
    suggestion = Suggestion("maturity:model-deployment", "scored low", "Manual deployment", AREA)
    for change in RaiseGap.from_suggestion(suggestion).changes(file.project):
        file.project.gaps.append(change.record)  # type: ignore[attr-defined, arg-type]
    file.save()
    gaps = tomllib.loads(path.read_text(encoding="utf-8"))["gaps"]
    assert gaps[0]["status"] == "open", gaps
