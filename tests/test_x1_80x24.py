"""80x24 findings of the #12 fresh-eyes walkthrough (x1): the quit dialog's last button was cut
('Sta') when ctrl+q found a dialog's text not saved, and the gap dialog's description box had no
label (only its placeholder, gone once it is filled in)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from tests.helpers import edit_gap_in_dialog, screen_lines
from tests.test_quit_keeps_dialog_text import type_a_step_and_quit
from workbench.ui.modals.dialog import Dialog


async def test_the_quit_dialogs_four_buttons_show_whole_at_80x24(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_a_step_and_quit(pilot)
        await pilot.pause()
        box = app.screen.query_one(Dialog).content_region
        buttons = list(app.screen.query(Button))
        assert [str(b.label) for b in buttons] == ["Save it (ctrl+s)", "Discard", "Keep for next time", "Stay (Esc)"]
        cut = [str(b.label) for b in buttons if not box.contains_region(b.region)]
        assert not cut, f"cut at the dialog's edge: {cut}"
        shown = "\n".join(screen_lines(app))
        assert all(str(b.label) in shown for b in buttons), shown


async def test_the_gap_dialogs_description_has_its_label(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await edit_gap_in_dialog(pilot, "G-001")
        await pilot.pause()
        field = dialog.query_one("#gap-description")
        lines = screen_lines(app)
        above = lines[field.region.y - 1] if field.region.y else ""
        beside = lines[field.region.y][: max(0, field.region.x)]
        assert "description" in above + beside, (above, beside)
