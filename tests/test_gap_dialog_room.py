"""The gap dialog uses the room it has (issue 12): at 120×36 and 160×48 its evidence list takes the
rows the description does not need; at 80×24 every field and Save stay in sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea

from tests.helpers import edit_gap_in_dialog, hand_edit, ready, until
from workbench.ui.modals.dialog import Dialog

G001_EVIDENCE = 'evidence = ["heard:H-004", "discovery:model-deployment.discovery.1@ml-1", "metric:M-001"]'


def evidence_in_sight(dialog_screen) -> list[str]:  # type: ignore[no-untyped-def]
    """The evidence list's lines as shown, when all of the list is in the dialog's sight."""
    listing = dialog_screen.query_one("#gap-evidence", OptionList)
    box = dialog_screen.query_one(Dialog)
    assert box.shows(listing)
    return [listing.render_line(y).text.strip() for y in range(listing.size.height)]


@pytest.mark.parametrize("size", [(120, 36), (160, 48)])
async def test_the_gap_dialog_shows_four_pieces_of_evidence(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    """G-001 with four pieces of evidence: at 120×36 only two showed (the list had 4 rows) beside
    a description box of 6 rows holding one line."""
    hand_edit(example, G001_EVIDENCE, G001_EVIDENCE.replace('"metric:M-001"', '"metric:M-001", "heard:H-005"'))
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        dialog = await edit_gap_in_dialog(pilot, "G-001")
        listing = dialog.query_one("#gap-evidence", OptionList)
        assert await until(pilot, lambda: listing.option_count == 4)
        await pilot.pause()
        lines = "\n".join(evidence_in_sight(dialog))
        for start in ("Heard in session ml-1 from ML engineer", "Answer to 'How long", "Metric M-001", "Heard"):
            assert start in lines
        assert lines.count("Heard in session") == 2
        assert listing.max_scroll_y == 0
        assert dialog.query_one("#gap-description", TextArea).size.height < 6  # it holds one line
        for widget in dialog.query("Input, Select, Button"):
            if widget.display:
                assert dialog.query_one(Dialog).shows(widget), widget


async def test_the_gap_dialog_uses_the_height_at_160x48(example: Path, make_app) -> None:
    """Eight pieces of evidence at 160×48: all in sight, with every field and Save."""
    more = '"metric:M-001", "heard:H-005", "heard:H-001", "heard:H-002", "heard:H-003", "heard:H-006"'
    hand_edit(example, G001_EVIDENCE, G001_EVIDENCE.replace('"metric:M-001"', more))
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        dialog = await edit_gap_in_dialog(pilot, "G-001")
        listing = dialog.query_one("#gap-evidence", OptionList)
        assert await until(pilot, lambda: listing.option_count == 8)
        await pilot.pause()
        lines = "\n".join(evidence_in_sight(dialog))
        assert lines.count("Heard in session") == 6
        assert listing.max_scroll_y == 0
        for widget in dialog.query("Input, Select, Button"):
            if widget.display:
                assert dialog.query_one(Dialog).shows(widget), widget


async def test_the_gap_dialog_at_80x24_keeps_every_field_and_save_in_sight(example: Path, make_app) -> None:
    """At 80×24 the evidence list gives way: every field and Save stay on screen."""
    hand_edit(example, G001_EVIDENCE, G001_EVIDENCE.replace('"metric:M-001"', '"metric:M-001", "heard:H-005"'))
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        dialog = await edit_gap_in_dialog(pilot, "G-001")
        await pilot.pause()
        box = dialog.query_one(Dialog)
        for widget in dialog.query("Input, Select, TextArea, Button"):
            if widget.display:
                assert box.shows(widget), widget
        assert box.shows(dialog.query_one("#gap-evidence"))
