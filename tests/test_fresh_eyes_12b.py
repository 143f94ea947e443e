"""#12 fresh-eyes walkthrough at 80×24 (second part): fields that are in the Tab order must be
drawn wide enough to use, and named by a label that stays once they are filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label

from tests.helpers import ready, saved, until
from tests.test_keyboard_model import burst
from workbench.ui.widgets.capture_pane import CapturePane

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
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.jump_to(METRIC)
        assert await until(pilot, lambda: capture.panel.ref == METRIC)
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
