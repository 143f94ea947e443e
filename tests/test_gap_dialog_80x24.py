"""Issue 12, fix12a: the gap dialog at 80×24, from Capture and from Gaps with evidence: every
field, the evidence and Save are in sight at once, with nothing to scroll to (the evidence was
below the fold, under a six-row description)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ready, until
from tests.test_keyboard_model import burst
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.matrix import Matrix

FIELDS = [
    "#gap-title",
    "#gap-area",
    "#gap-description",
    "#gap-impact",
    "#gap-complexity",
    "#gap-status",
    "#gap-owner",
    "#gap-add-evidence",
    "#gap-detach",
    "#gap-evidence",
    "#save",
    "#cancel",
]


async def from_capture(pilot: Any) -> None:
    capture: CapturePane = pilot.app.screen.query_one(CapturePane)
    capture.jump_to("discovery:model-deployment.current.deployment-infrastructure-1")  # answered
    await burst(pilot, "ctrl+g")


async def from_gaps(pilot: Any) -> None:
    await burst(pilot, "f3")
    pilot.app.screen.query_one(Matrix).select_gap("G-001")  # three pieces of evidence
    await burst(pilot, "enter")


@pytest.mark.parametrize("opener", [from_capture, from_gaps], ids=["capture", "gaps"])
async def test_every_field_of_the_gap_dialog_is_in_sight_at_80x24(example: Path, make_app, opener: Any) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await opener(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await pilot.pause()
        box = app.screen.query_one(Dialog)
        hidden = [name for name in FIELDS if not box.shows(app.screen.query_one(name))]
        assert hidden == []
        assert app.screen.query_one("#gap-description").region.height >= 3  # still room to write
