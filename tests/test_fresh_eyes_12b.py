"""#12 fresh-eyes walkthrough at 80×24 (second part): fields that are in the Tab order must be
drawn wide enough to use, and named by a label that stays once they are filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label, Select, Static

from tests.helpers import at_question, ready, saved, until
from tests.test_dialogs import keys
from tests.test_keyboard_model import burst
from workbench.ui.modals.dialog import Dialog

METRIC = "discovery:model-deployment.metric.2"
METRIC_FIELDS = {
    "#q-baseline": "baseline",
    "#q-target": "target",
    "#q-unit": "unit",
    "#q-due": "due",
    "#q-measured_by": "measured by",
    "#q-owner": "owner",
}


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_every_metric_field_is_drawn_wide_enough_and_labelled(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    """At 80×24 'unit' was in the Tab order but not drawn and 'measured by' was one character
    wide; owner and 'measured by' were named only by their placeholders. Tab through them all,
    typing into each: each shows in the panel, at least 9 wide, with its label on its left."""
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        capture = await at_question(pilot, METRIC)
        capture.query_one("#q-baseline", Input).focus()
        typed = {"#q-baseline": "40", "#q-target": "5", "#q-unit": "minutes", "#q-due": "2027-03-01"}
        typed |= {"#q-measured_by": "rollback drill timer", "#q-owner": "Jonas Varga"}
        for field, label in METRIC_FIELDS.items():
            widget = capture.query_one(field, Input)
            assert await until(pilot, lambda widget=widget: app.focused is widget), (field, app.focused)
            await pilot.pause()
            shown = capture.panel.scrollable_content_region
            assert shown.contains_region(widget.region) and widget.region.width >= 9, (field, widget.region)
            beside = [
                w
                for w in capture.panel.query(Label)
                if w.region.y == widget.region.y and w.region.right <= widget.region.x
            ]
            assert beside and str(max(beside, key=lambda w: w.region.x).render()).strip() == label, field
            await burst(pilot, "ctrl+a", *typed[field], "tab")
        await burst(pilot, "ctrl+s")
    metric = next(m for m in saved(example)["metrics"] if m.get("template") == METRIC)
    assert (metric["baseline"], metric["target"], metric["unit"]) == (40, 5, "minutes"), metric
    assert (metric["measured_by"], metric["owner"], str(metric["due"])) == (
        "rollback drill timer",
        "Jonas Varga",
        "2027-03-01",
    ), metric


async def test_an_unknown_metric_is_said_in_sight_with_the_keyboard_on_it(example: Path, make_app) -> None:
    """At 80×24, ctrl+s in the pilot dialog with an unknown metric did nothing to see: the error
    was written below the fold, in 'metric(s)'. Now it shows, the metrics field has the keyboard,
    and nothing is saved."""
    before = saved(example)["pilots"]
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await keys(pilot, "f5", "enter")
        assert await until(pilot, lambda: app.screen.query("#item-metrics"))
        dialog = app.screen
        metrics = dialog.query_one("#item-metrics", Input)
        metrics.focus()
        await burst(pilot, "end", *", M-999", "ctrl+s")
        error = dialog.query_one("#item-error", Static)
        assert await until(pilot, lambda: "M-999" in str(error.render()))
        await pilot.pause()
        words = str(error.render())
        assert "There is no metric M-999" in words and "(s)" not in words, words
        box = dialog.query_one(Dialog)
        assert await until(pilot, lambda: box.shows(error) and box.shows(metrics)), (
            error.region,
            metrics.region,
            box.shown_region(),
        )
        assert app.focused is metrics and app.screen is dialog
        await burst(pilot, "escape", "ctrl+s")
    assert saved(example)["pilots"] == before


async def test_tab_takes_the_person_offered(example: Path, make_app) -> None:
    """'ask whom' offered 'Priya Raman (Lead data scientist)' after 'Priya' but Tab saved
    'Priya'; the heard dialog's 'said by' listed roles but did not complete them."""
    ref = "discovery:model-deployment.current.deployment-infrastructure-1"
    pain = "discovery:model-deployment.pain.1"
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_question(pilot, ref)
        capture.query_one("#q-status", Select).value = "follow-up"
        whom = capture.query_one("#q-status-detail", Input)
        assert await until(pilot, lambda: whom.display)
        whom.focus()
        await burst(pilot, "ctrl+a", *"Priya")
        assert await until(pilot, lambda: whom.value == "Priya")
        await burst(pilot, "tab")
        assert await until(pilot, lambda: whom.value == "Priya Raman (Lead data scientist)")
        capture.jump_to(pain)
        assert await until(pilot, lambda: capture.panel.ref == pain)
        await keys(pilot, "ctrl+r")
        assert await until(pilot, lambda: app.screen.query("#heard-role"))
        role = app.screen.query_one("#heard-role", Input)
        role.focus()
        await burst(pilot, "ctrl+a", *"Plat", "tab")
        assert await until(pilot, lambda: role.value == "Platform engineer"), role.value
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.screen.query("#heard-role"))
        await burst(pilot, "ctrl+s")
    data = saved(example)
    answer = next(a for a in data["answers"] if a["question"] == ref and a["session"] == "ml-1")
    assert answer["follow_up_with"] == "Priya Raman (Lead data scientist)"
    assert "Platform engineer" in [h.get("speaker_role") for h in data["heard"]]
