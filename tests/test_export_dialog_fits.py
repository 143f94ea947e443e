"""At 80x24 the export dialog shows every choice at once (#11 s11 3): the sections list filled it,
and the format and paper dropdowns, the redact and ids boxes and the line naming the file it
writes were below the fold, so Export could be pressed without seeing what or where it writes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList

from tests.helpers import open_dialog
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.export_modal import ExportModal

CHOICES = ["#export-sections", "#export-format", "#export-paper", "#export-redact", "#export-ids", "#export-target"]


async def test_every_choice_of_the_export_dialog_is_in_sight_at_80x24(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, "export", ExportModal, SelectionList)
        await pilot.pause()
        box = dialog.query_one(Dialog)
        shown, buttons = box.scrollable_content_region, dialog.query_one("#export-go").region
        regions = {name: dialog.query_one(name).region for name in CHOICES}
        hidden = [name for name, at in regions.items() if not shown.contains_region(at) or at.overlaps(buttons)]
        assert hidden == [], (hidden, regions, shown, buttons)
        assert box.max_scroll_y == 0
        assert str(dialog.query_one("#export-target").render()).endswith("-proposal.docx")
