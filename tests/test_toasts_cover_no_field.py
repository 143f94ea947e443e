"""s13a 1: notifications sat at the top right, where at 120x36 they covered the status and
confidence dropdowns in Capture (at the bottom right they had covered the notes). They show over
the navigator now, at the bottom left: never over the notes or an answer field."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from tests.helpers import ready, until

LONG = (
    "The project file was changed on disk by another program, in the same places: save "
    "(ctrl+s) to settle it; your work stays in the journal until then."
)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_a_notice_covers_neither_the_notes_nor_the_answer_fields(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    app = make_app(example)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        app.notify(LONG, severity="warning", timeout=60)
        app.notify("Exported the proposal.", timeout=60)
        assert await until(pilot, lambda: len(app.screen.query(Toast)) == 2)
        for browsing in (True, False):  # the navigator is wider while it has the keyboard
            if not browsing:
                app.screen.query_one("#q-notes").focus()
            await pilot.pause()
            fields = [app.screen.query_one(f"#{name}").region for name in ("q-status", "q-confidence", "q-notes")]
            assert all(fields), fields  # (all three on screen)
            for toast in app.screen.query(Toast):
                assert toast.region, "the toast is shown"
                assert not [field for field in fields if field.overlaps(toast.region)], (toast.region, fields)
