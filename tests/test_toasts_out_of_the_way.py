"""Toasts stay out of what the person reads (fe13c 5): F1 help opens without a notice drawn over
it ('Unsaved work restored and merged' was still there ~40 s after the restore)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ready, until
from workbench.ui.screens.help_screen import HelpScreen


async def test_f1_help_opens_with_no_toast_over_it(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.notify("Unsaved work restored and merged with the file as it is now.", severity="warning", timeout=60)
        assert await until(pilot, lambda: bool(app.screen.query("Toast")))
        await pilot.press("f1")
        assert await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        assert await until(pilot, lambda: not app.screen.query("Toast"))
