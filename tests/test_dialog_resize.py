"""A dialog follows the terminal when it is resized while open (perf11: a dialog skips the
resize Textual sends it for its own first layout; a real resize must still lay it out)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from tests.helpers import ready, until
from workbench.ui.modals.dialog import Dialog, DialogScreen


async def test_an_open_dialog_is_laid_out_again_when_the_terminal_is_resized(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, DialogScreen))
        dialog = app.screen
        box = dialog.query_one(Dialog)
        save = dialog.query_one("#save", Button)
        assert await until(pilot, lambda: save.region.area > 0)
        await pilot.resize_terminal(80, 24)
        assert await until(pilot, lambda: dialog.size == (80, 24))
        assert await until(pilot, lambda: box.region.right <= 80 and box.region.bottom <= 24), box.region
        assert await until(pilot, lambda: save.region.area > 0 and save.region.bottom <= 24), save.region
        await pilot.resize_terminal(120, 36)
        assert await until(pilot, lambda: dialog.size == (120, 36))
        assert await until(pilot, lambda: box.region.x > 0 and box.region.bottom <= 36), box.region
